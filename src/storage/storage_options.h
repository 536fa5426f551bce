// StorageOptions: how Engine::Open opens (or creates) a database directory.
//
// Options are read once at Open; none can be changed while the database is open.
#ifndef SMITH_STORAGE_STORAGE_OPTIONS_H_
#define SMITH_STORAGE_STORAGE_OPTIONS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "storage/format.h"
#include "storage/merge_function.h"

namespace smith::storage {

struct StorageOptions {
  // Create the directory and an empty database when the path does not exist or is an empty
  // directory. When false, such a path is an error (kNotFound).
  // Default: true.
  bool create_if_missing = true;

  // fsync the write-ahead log at every commit. When true, a committed transaction survives a
  // killed process and a power loss. When false, a killed process still loses nothing that was
  // acknowledged (the WAL write reaches the OS page cache before Commit returns), but a power
  // loss or kernel crash may lose the most recent commits (never part of one).
  // Default: true.
  bool sync_commit = true;

  // Capacity of the LRU block cache shared by all column families (uncompressed data, index and
  // filter blocks). Hot key-index and record blocks should fit; the OS page cache holds the
  // compressed files beyond it. Memory is taken only as blocks are cached, so a small database
  // never uses the whole capacity; a store of a few million nodes fills it.
  // Default: 512 MiB.
  size_t block_cache_bytes = size_t{512} << 20;

  // Memtable size of each column family before it is flushed to disk. The memtables of all
  // families together are capped at 4 * write_buffer_bytes (the largest is flushed first).
  // Larger values mean fewer, larger flushes during bulk ingest at the price of memory and WAL
  // replay time on open.
  // Default: 64 MiB.
  size_t write_buffer_bytes = size_t{64} << 20;

  // Merge functions per family (indexed by FamilyIndex()), may be null. WriteTransaction::Merge
  // on a family without one fails the transaction (Commit returns kInvalidArgument).
  // Default: all null.
  std::array<std::shared_ptr<const MergeFunction>, kFamilyCount> merge_functions{};

  // Length of the key prefix that scans of each family share (indexed by FamilyIndex()); 0
  // disables prefix filtering for that family. For a family with a prefix length N, RocksDB keeps
  // bloom filters on the first N bytes of each key instead of whole keys, and an iterator whose
  // [lower, upper) range lies within one such prefix skips files that cannot contain it. Results
  // never depend on this setting (ranges that span prefixes scan in total order); only speed does.
  // Changing it for an existing database is allowed (old files then go unfiltered until
  // compacted). Point-lookup families (node, rel, unique, meta) use whole-key bloom filters and
  // ignore this value.
  // Default: 8 for adj (the big-endian node id that starts an adjacency key), 0 otherwise.
  std::array<uint8_t, kFamilyCount> scan_prefix_bytes = {0, 0, 0, 8, 0, 0, 0, 0};

  // Families whose new keys mostly arrive in ascending order within a key prefix of the given
  // length (indexed by FamilyIndex()); kNoInsertHint for none. RocksDB then remembers where the
  // last insert of each prefix landed in the memtable and starts the next one there, instead of
  // searching the skip list from the top: ids allocated in sequence (label and type lists)
  // insert in near-constant time. Keys out of order stay correct and cost about a normal insert.
  // Only speed depends on this setting. Ignored for hashed memtables (below).
  // Default: none (the graph layer sets it for label and type lists).
  static constexpr int8_t kNoInsertHint = -1;
  std::array<int8_t, kFamilyCount> insert_hint_prefix_bytes = {-1, -1, -1, -1, -1, -1, -1, -1};

  // Families whose memtable is a hash table of small skip lists, one per distinct first N bytes
  // of the key (indexed by FamilyIndex()); 0 keeps RocksDB's single skip list. An insert or a
  // point lookup then touches a bucket and a short list instead of descending a skip list of
  // hundreds of thousands of entries, each step a cache miss: on the development machine a random
  // insert into a memtable of 300k entries fell from ~7.5 us to ~1.4 us. The price is paid by
  // iterators whose range spans more than one such prefix: RocksDB first copies the whole
  // memtable into a sorted list, so use it only for families read by exact key or by scans within
  // one prefix. For a scan family (adj, label, reltype, index) a nonzero value must equal its
  // scan_prefix_bytes (one prefix serves both); for a point family it also becomes the family's
  // prefix extractor (whole-key bloom filters stay). Every key of such a family must be at least
  // N bytes long: shorter ones are rejected (kInvalidArgument), and a database may only be
  // reopened with a larger N when every key it holds, including those in its write-ahead log, is
  // that long. Otherwise only speed depends on this setting. Each flush of a hashed memtable
  // first sorts a copy of it (on the flush thread), unless it is slotted (below). Insert hints are
  // ignored for such a family. Default: none (the graph layer sets it for the id-keyed families and
  // adj).
  std::array<uint8_t, kFamilyCount> memtable_hash_prefix_bytes = {0, 0, 0, 0, 0, 0, 0, 0};

  // Hashed families (memtable_hash_prefix_bytes above) whose keys are the hash prefix plus one
  // byte, like big-endian ids grouped by all but their last byte (indexed by FamilyIndex()). Each
  // hash group is then an array of 256 slots by that byte, each slot the versions of its key in
  // order, newest first (storage/slot_memtable.h): an insert or lookup takes constant time however
  // many keys and versions its group holds, and an iterator across groups sorts the groups instead
  // of copying the memtable (flushes too). Longer keys are allowed (they share the slot of their
  // first prefix + 1 bytes, kept in order there) but cost a walk along the slot's list. Ignored
  // where memtable_hash_prefix_bytes is 0. Only speed depends on this setting.
  // Default: none (the graph layer sets it for node and relationship records).
  std::array<bool, kFamilyCount> memtable_slotted{};

  // Families whose memtable is smith's own skip list (storage/skiplist_memtable.h) instead of
  // RocksDB's (indexed by FamilyIndex()): the same structure and order, with comparisons that cost
  // a memcmp instead of decoding and a virtual call, and no debug checks on every insert. Insert
  // hints apply to both. Ignored where memtable_hash_prefix_bytes is set. Only speed depends on
  // this setting.
  // Default: none (the graph layer sets it for every family it does not hash).
  std::array<bool, kFamilyCount> memtable_smith_skiplist{};
};

}  // namespace smith::storage

#endif  // SMITH_STORAGE_STORAGE_OPTIONS_H_
