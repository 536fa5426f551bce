#include "storage/rocksdb_options.h"

#include <algorithm>
#include <string>
#include <vector>

#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "storage/merge_operator_adapter.h"
#include "storage/skiplist_memtable.h"
#include "storage/slot_memtable.h"

namespace smith::storage::internal {
namespace {

constexpr int kNumLevels = 7;
constexpr double kBloomBitsPerKey = 10;  // about 1% false positives

// Families read mostly by exact key (Get/MultiGet) rather than by range.
bool IsPointFamily(Family f) {
  return f == Family::kMeta || f == Family::kNode || f == Family::kRel || f == Family::kUnique;
}

// LZ4 when the RocksDB build has it (Debian's links lz4, snappy, zstd, zlib, bzip2): it
// compresses graph records and keys with shared prefixes well at a small fraction of zstd's CPU
// cost, which matters with two cores shared by ingest and compaction.
rocksdb::CompressionType DeepLevelCompression() {
  static const rocksdb::CompressionType kType = [] {
    std::vector<rocksdb::CompressionType> supported = rocksdb::GetSupportedCompressions();
    auto has = [&](rocksdb::CompressionType t) {
      return std::find(supported.begin(), supported.end(), t) != supported.end();
    };
    if (has(rocksdb::kLZ4Compression)) return rocksdb::kLZ4Compression;
    if (has(rocksdb::kSnappyCompression)) return rocksdb::kSnappyCompression;
    return rocksdb::kNoCompression;
  }();
  return kType;
}

}  // namespace

size_t EffectivePrefix(Family f, const StorageOptions& options) {
  return IsPointFamily(f) ? options.memtable_hash_prefix_bytes[FamilyIndex(f)]
                          : options.scan_prefix_bytes[FamilyIndex(f)];
}

Status ValidatePrefixOptions(const StorageOptions& options) {
  for (Family f : kAllFamilies) {
    const size_t hash = options.memtable_hash_prefix_bytes[FamilyIndex(f)];
    if (hash != 0 && !IsPointFamily(f) && hash != options.scan_prefix_bytes[FamilyIndex(f)]) {
      return Status::InvalidArgument(
          "memtable_hash_prefix_bytes of family '" + std::string(FamilyName(f)) + "' is " +
          std::to_string(hash) + " but its scan_prefix_bytes is " +
          std::to_string(options.scan_prefix_bytes[FamilyIndex(f)]) + ": they must be equal");
    }
  }
  return Status::OK();
}

rocksdb::DBOptions MakeDbOptions(const StorageOptions& options) {
  rocksdb::DBOptions db;
  // Two cores are shared by the ingesting thread and RocksDB's background work: allow one flush
  // and one compaction at a time, without splitting compactions further.
  db.max_background_jobs = 2;
  db.max_subcompactions = 1;
  // Memtables of all families together stay within this budget; beyond it the largest is
  // flushed. Eight families at write_buffer_bytes each would otherwise allow 8x (times
  // max_write_buffer_number).
  db.db_write_buffer_size = 4 * options.write_buffer_bytes;
  // A WAL file can only be deleted once every family with data in it has flushed. Small families
  // (meta, unique, reltype) fill slowly; this bound forces their flush instead of letting the WAL
  // (and the replay time on open) grow without limit.
  db.max_total_wal_size = 4 * options.write_buffer_bytes;
  // Write SST data back to the device incrementally so that a large flush or compaction does not
  // make the next commit's fsync wait for hundreds of megabytes.
  db.bytes_per_sync = 1 << 20;
  // RocksDB's informational LOG lives in the database directory: keep it small.
  db.max_log_file_size = 4 << 20;
  db.keep_log_file_num = 4;
  // One writer at a time (EngineState's writer slot), so concurrent memtable inserts never
  // happen; the hash memtables (memtable_hash_prefix_bytes) do not support them.
  db.allow_concurrent_memtable_write = false;
  return db;
}

rocksdb::ColumnFamilyOptions MakeFamilyOptions(Family f, const StorageOptions& options,
                                               const std::shared_ptr<rocksdb::Cache>& block_cache) {
  rocksdb::ColumnFamilyOptions cf;
  cf.write_buffer_size = options.write_buffer_bytes;
  // One memtable being filled and up to two waiting for the (single) flush job, so that ingest
  // does not stall while a flush runs.
  cf.max_write_buffer_number = 3;
  // Size levels from the bottom up: keeps space amplification near 1.1x as the store grows.
  cf.level_compaction_dynamic_level_bytes = true;
  // L0 and the base level are rewritten soon after they are written; compressing them costs
  // ingest CPU for little saved space. Deeper levels hold almost all data and use LZ4.
  cf.compression_per_level.assign(kNumLevels, DeepLevelCompression());
  cf.compression_per_level[0] = rocksdb::kNoCompression;
  cf.compression_per_level[1] = rocksdb::kNoCompression;
  cf.num_levels = kNumLevels;

  const size_t hash_prefix = options.memtable_hash_prefix_bytes[FamilyIndex(f)];
  if (hash_prefix > 0) {
    if (options.memtable_slotted[FamilyIndex(f)]) {
      // A bucket per KiB of memtable: a group takes ~2 KiB itself, so chains stay short.
      const size_t buckets = std::max<size_t>(options.write_buffer_bytes / 1024, 1024);
      cf.memtable_factory.reset(NewSlotMemTableRepFactory(buckets));
    } else {
      // About one bucket per memtable entry of 256 bytes (the bucket array, 8 bytes per bucket,
      // comes out of the memtable's own budget). A taller list per bucket than RocksDB's default
      // of 4 levels made no measurable difference for the node family's groups of 256 ids.
      const size_t buckets = std::max<size_t>(options.write_buffer_bytes / 256, 1024);
      cf.memtable_factory.reset(rocksdb::NewHashSkipListRepFactory(buckets));
    }
    if (IsPointFamily(f)) {
      cf.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(hash_prefix));
    }
  } else if (options.memtable_smith_skiplist[FamilyIndex(f)]) {
    cf.memtable_factory.reset(NewSkipListMemTableRepFactory());
  }

  // A hash memtable ignores insert hints.
  const int8_t hint_prefix = options.insert_hint_prefix_bytes[FamilyIndex(f)];
  if (hint_prefix != StorageOptions::kNoInsertHint && hash_prefix == 0) {
    cf.memtable_insert_with_hint_prefix_extractor.reset(
        rocksdb::NewFixedPrefixTransform(static_cast<size_t>(hint_prefix)));
  }

  const auto& merge = options.merge_functions[FamilyIndex(f)];
  if (merge != nullptr) cf.merge_operator = std::make_shared<MergeOperatorAdapter>(merge);

  rocksdb::BlockBasedTableOptions table;
  // One LRU cache for all families, so memory follows whichever family is hot.
  table.block_cache = block_cache;
  // Index and filter blocks are charged to the cache (memory stays bounded as the store grows)
  // with high priority; those of L0 files, which every read consults, stay pinned.
  table.cache_index_and_filter_blocks = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  // XXH3 block checksums: Debian's portable RocksDB build computes CRC32C in software (~0.5 GB/s,
  // ~8 us per 4 KiB block on every cache miss); XXH3 verifies the same blocks an order of
  // magnitude faster, so reads keep their corruption check at little cost.
  table.checksum = rocksdb::kXXH3;
  table.optimize_filters_for_memory = true;
  if (IsPointFamily(f)) {
    // Whole-key bloom filters: a lookup of an absent key (the common case when MERGE upserts new
    // nodes through the unique family) skips every file without reading a data block.
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
    table.whole_key_filtering = true;
    // A hash index inside each data block answers point lookups without a binary search.
    table.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
    table.data_block_hash_table_util_ratio = 0.75;
  } else {
    // Scans read blocks whole: larger blocks compress better and shrink the index. Keys share
    // long prefixes, which block-level delta encoding (restart interval 16) already exploits.
    table.block_size = 16 << 10;
    const size_t prefix = EffectivePrefix(f, options);
    if (prefix > 0) {
      // Filters on the key prefix that one scan shares (for adj: the node id), so that a scan of
      // a node without adjacency entries skips files; whole keys are never looked up here.
      cf.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(prefix));
      table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
      table.whole_key_filtering = false;
    }
  }
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cf;
}

rocksdb::WriteOptions MakeCommitOptions(const StorageOptions& options) {
  rocksdb::WriteOptions write;
  write.sync = options.sync_commit;
  write.disableWAL = false;
  return write;
}

}  // namespace smith::storage::internal
