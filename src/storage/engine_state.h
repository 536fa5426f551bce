// Storage-internal: the state an Engine shares with its transactions. Includes RocksDB headers;
// never include it outside src/storage/.
#ifndef SMITH_STORAGE_ENGINE_STATE_H_
#define SMITH_STORAGE_ENGINE_STATE_H_

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "storage/format.h"

namespace smith::storage::internal {

// Owns the open rocksdb::DB and its column family handles; the destructor destroys the handles
// and closes the database. Transactions borrow it (Engine guarantees it outlives them).
struct EngineState {
  EngineState() = default;
  ~EngineState();
  EngineState(const EngineState&) = delete;
  EngineState& operator=(const EngineState&) = delete;

  rocksdb::ColumnFamilyHandle* handle(Family f) const { return families[FamilyIndex(f)]; }

  // Blocks until the writer slot is free, then takes it.
  void AcquireWriter();
  // As AcquireWriter, giving up (false) after `timeout`.
  bool TryAcquireWriter(std::chrono::milliseconds timeout);
  void ReleaseWriter();

  // Constant after Engine::Open.
  std::unique_ptr<rocksdb::DB> db;
  // Every handle opened, including "default" and families unknown to this build; owned.
  std::vector<rocksdb::ColumnFamilyHandle*> all_handles;
  // The smith families, borrowed from all_handles.
  std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> families{};
  // Shared by all families; kept to configure families created after open.
  std::shared_ptr<rocksdb::Cache> block_cache;
  rocksdb::WriteOptions commit_options;
  // Per family: the prefix length its prefix extractor uses (0 = none), and whether it has a
  // merge operator.
  std::array<size_t, kFamilyCount> scan_prefix_bytes{};
  std::array<bool, kFamilyCount> has_merge{};
  // Per family: the shortest key it accepts (StorageOptions::memtable_hash_prefix_bytes; RocksDB's
  // hash memtable reads that many bytes of every key it is given).
  std::array<size_t, kFamilyCount> min_key_bytes{};

  // OK when `key` may be written to or looked up in family `f`, else kInvalidArgument.
  Status CheckKey(Family f, std::string_view key) const {
    if (key.size() >= min_key_bytes[FamilyIndex(f)]) [[likely]] {
      return Status::OK();
    }
    return ShortKeyError(f, key.size());
  }
  Status ShortKeyError(Family f, size_t key_bytes) const;

  // Number of live transactions, for the lifetime check in ~Engine.
  std::atomic<int> open_transactions{0};

  // The writer slot.
  std::mutex writer_mutex;
  std::condition_variable writer_cv;
  bool writer_active = false;  // guarded by writer_mutex
};

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_ENGINE_STATE_H_
