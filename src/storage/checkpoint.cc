#include "storage/checkpoint.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>
#include <vector>

#include "rocksdb/db.h"
#include "rocksdb/utilities/checkpoint.h"
#include "storage/engine.h"
#include "storage/engine_state.h"
#include "storage/process_lock.h"
#include "storage/rocksdb_options.h"
#include "storage/rocksdb_status.h"

namespace smith::storage {

namespace {

namespace fs = std::filesystem;

// Opens the RocksDB database in `dir` with every column family it has. The caller holds the
// process lock and has checked (through Engine::Open) that `dir` is a smith database.
Result<std::unique_ptr<internal::EngineState>> OpenForCheckpoint(const std::string& dir,
                                                                 const StorageOptions& options) {
  auto state = std::make_unique<internal::EngineState>();
  state->block_cache = rocksdb::NewLRUCache(size_t{8} << 20);
  rocksdb::DBOptions db_options = internal::MakeDbOptions(options);
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, dir, &names);
  if (!s.ok()) return internal::FromRocksDb(s, "cannot list column families of '" + dir + "'");
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    std::optional<Family> f = FamilyFromName(name);
    descriptors.emplace_back(name, f ? internal::MakeFamilyOptions(*f, options, state->block_cache)
                                     : rocksdb::ColumnFamilyOptions());
  }
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  s = rocksdb::DB::Open(db_options, dir, descriptors, &handles, &db);
  if (!s.ok()) return internal::FromRocksDb(s, "cannot open database directory '" + dir + "'");
  state->db.reset(db);
  state->all_handles = std::move(handles);
  return state;
}

}  // namespace

Status CreateCheckpoint(const std::string& db_dir, const std::string& dest_dir,
                        const StorageOptions& options) {
  std::error_code ec;
  const fs::path dest = fs::absolute(dest_dir, ec);
  if (ec) return Status::IOError("cannot resolve path '" + dest_dir + "': " + ec.message());
  if (fs::exists(dest, ec)) {
    return Status::AlreadyExists("backup destination '" + dest.string() +
                                 "' already exists; choose a new directory");
  }
  std::string dir;
  {
    // Validates the directory (format marker, version) exactly as every other open does, then
    // closes it again so that the raw open below can take the lock.
    StorageOptions check = options;
    check.create_if_missing = false;
    SMITH_ASSIGN_OR_RETURN(std::unique_ptr<Engine> engine, Engine::Open(db_dir, check));
    dir = engine->path();
  }
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<internal::ProcessLock> lock,
                         internal::ProcessLock::Acquire(dir));
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<internal::EngineState> state,
                         OpenForCheckpoint(dir, options));

  if (dest.has_parent_path()) {
    fs::create_directories(dest.parent_path(), ec);
    if (ec) {
      return Status::IOError("cannot create directory '" + dest.parent_path().string() +
                             "': " + ec.message());
    }
  }
  rocksdb::Checkpoint* raw = nullptr;
  rocksdb::Status s = rocksdb::Checkpoint::Create(state->db.get(), &raw);
  if (!s.ok()) return internal::FromRocksDb(s, "cannot start a checkpoint of '" + dir + "'");
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // log_size_for_flush = 0: always flush first, so the copy holds no write-ahead log to replay.
  s = checkpoint->CreateCheckpoint(dest.string(), /*log_size_for_flush=*/0);
  if (!s.ok()) {
    fs::remove_all(dest, ec);  // best effort; RocksDB normally cleans up its temporary directory
    return internal::FromRocksDb(
        s, "cannot write checkpoint of '" + dir + "' to '" + dest.string() + "'");
  }
  return Status::OK();
}

}  // namespace smith::storage
