#include "storage/engine.h"

#include <cassert>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "storage/engine_state.h"
#include "storage/process_lock.h"
#include "storage/rocksdb_status.h"

namespace smith::storage {

Engine::Engine(std::string path, uint32_t format_version,
               std::unique_ptr<internal::EngineState> state,
               std::unique_ptr<internal::ProcessLock> lock)
    : path_(std::move(path)),
      format_version_(format_version),
      state_(std::move(state)),
      lock_(std::move(lock)) {}

Engine::~Engine() {
  assert(state_->open_transactions.load() == 0 &&
         "all transactions must be destroyed before their Engine");
  // RocksDB must be closed before another process may take the lock.
  state_.reset();
  lock_.reset();
}

std::unique_ptr<ReadTransaction> Engine::BeginRead() {
  return std::make_unique<ReadTransaction>(*state_);
}

std::unique_ptr<WriteTransaction> Engine::BeginWrite() {
  state_->AcquireWriter();
  return std::make_unique<WriteTransaction>(*state_);
}

Result<std::unique_ptr<WriteTransaction>> Engine::TryBeginWrite(std::chrono::milliseconds timeout) {
  if (!state_->TryAcquireWriter(timeout)) {
    return Status::Locked("database directory '" + path_ + "': gave up after " +
                          std::to_string(timeout.count()) +
                          " ms waiting for the active write transaction to finish (one write "
                          "transaction at a time)");
  }
  return std::make_unique<WriteTransaction>(*state_);
}

Status Engine::Flush() {
  std::vector<rocksdb::ColumnFamilyHandle*> handles(state_->families.begin(),
                                                    state_->families.end());
  rocksdb::FlushOptions flush;
  flush.wait = true;
  return internal::FromRocksDb(state_->db->Flush(flush, handles),
                               "flush of database directory '" + path_ + "'");
}

Result<uint64_t> Engine::ApproximateDiskBytes() {
  namespace fs = std::filesystem;
  std::error_code ec;
  uint64_t total = 0;
  fs::directory_iterator it(path_, ec);
  if (ec) {
    return Status::IOError("cannot read database directory '" + path_ + "': " + ec.message());
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code size_ec;
    // Files may vanish concurrently (compaction deletes SST files); skip those.
    uintmax_t size = it->is_regular_file(size_ec) ? it->file_size(size_ec) : 0;
    if (!size_ec) total += size;
  }
  if (ec) {
    return Status::IOError("cannot read database directory '" + path_ + "': " + ec.message());
  }
  return total;
}

}  // namespace smith::storage
