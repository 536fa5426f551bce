#include "storage/engine_state.h"

#include <string>

namespace smith::storage::internal {

Status EngineState::ShortKeyError(Family f, size_t key_bytes) const {
  return Status::InvalidArgument(
      "a key of " + std::to_string(key_bytes) + " bytes in column family '" +
      std::string(FamilyName(f)) + "', whose keys must be at least " +
      std::to_string(min_key_bytes[FamilyIndex(f)]) + " bytes (memtable_hash_prefix_bytes)");
}

EngineState::~EngineState() {
  if (db == nullptr) return;
  for (rocksdb::ColumnFamilyHandle* h : all_handles) {
    db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  all_handles.clear();
  // Close() only fails when snapshots are still held (a lifetime bug, asserted in ~Engine); the
  // DB is then closed by its destructor anyway.
  db->Close().PermitUncheckedError();
  db.reset();
}

void EngineState::AcquireWriter() {
  std::unique_lock<std::mutex> lock(writer_mutex);
  writer_cv.wait(lock, [this] { return !writer_active; });
  writer_active = true;
}

bool EngineState::TryAcquireWriter(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(writer_mutex);
  if (!writer_cv.wait_for(lock, timeout, [this] { return !writer_active; })) return false;
  writer_active = true;
  return true;
}

void EngineState::ReleaseWriter() {
  {
    std::lock_guard<std::mutex> lock(writer_mutex);
    writer_active = false;
  }
  writer_cv.notify_one();
}

}  // namespace smith::storage::internal
