// Engine::Open: inspecting the directory, taking the process lock, opening RocksDB with smith's
// column families and checking (or, for a new database, writing) the format marker.
//
// A foreign directory is rejected before anything is written into it: the inspection only lists
// the directory and, when it holds a RocksDB database, reads its column family names from the
// MANIFEST. Only a directory that is empty, or that looks like a smith database, gets a lock file.
//
// Creation order: lock file, RocksDB with all families, then the synced format_version. A crash
// at any step leaves a directory that the next Open recognizes as an unfinished creation (the
// lock file is present, and any RocksDB there is empty) and finishes.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "rocksdb/db.h"
#include "storage/engine.h"
#include "storage/engine_state.h"
#include "storage/process_lock.h"
#include "storage/rocksdb_options.h"
#include "storage/rocksdb_status.h"

namespace smith::storage {
namespace {

namespace fs = std::filesystem;

// Names RocksDB gives the files it creates in a database directory.
bool IsRocksDbFileName(std::string_view name) {
  return name == "CURRENT" || name == "IDENTITY" || name == "LOCK" || name == "LOG" ||
         name.starts_with("LOG.old") || name.starts_with("MANIFEST-") ||
         name.starts_with("OPTIONS-") || name.ends_with(".log") || name.ends_with(".sst") ||
         name.ends_with(".dbtmp") || name.ends_with(".blob");
}

// The files RocksDB writes while creating a database, before CURRENT: their presence without
// CURRENT means the creation stopped part-way. Data files (.sst, .log) only appear afterwards.
bool IsCreationFileName(std::string_view name) {
  return name == "IDENTITY" || name == "LOCK" || name == "LOG" || name.starts_with("LOG.old") ||
         name.starts_with("MANIFEST-") || name.ends_with(".dbtmp");
}

std::string NotSmithMessage(const std::string& dir, std::string_view reason) {
  return "directory '" + dir + "' is not a smith database: " + std::string(reason) +
         ". Open an empty or new directory, or a directory created by smith.";
}

struct DirectoryContents {
  // A RocksDB database exists (CURRENT is present).
  bool has_database = false;
  // Its column families, when has_database.
  std::vector<std::string> families;
};

// What `dir` holds, or kIncompatibleFormat when it is not (the start of) a smith database.
// Writes nothing.
Result<DirectoryContents> InspectDirectory(const std::string& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::IOError("cannot read database directory '" + dir + "': " + ec.message());
  bool has_lock_file = false;
  bool has_current = false;
  std::vector<std::string> others;   // everything but the lock file
  std::vector<std::string> foreign;  // not named like a RocksDB file
  bool only_creation_files = true;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name == kLockFileName) {
      has_lock_file = true;
      continue;
    }
    if (name == "CURRENT") has_current = true;
    if (!IsRocksDbFileName(name)) foreign.push_back(name);
    if (!IsCreationFileName(name)) only_creation_files = false;
    others.push_back(std::move(name));
  }
  if (ec) return Status::IOError("cannot read database directory '" + dir + "': " + ec.message());

  DirectoryContents contents;
  if (!has_current) {
    // Empty, or a creation that stopped before RocksDB wrote CURRENT.
    if (others.empty() || (has_lock_file && only_creation_files)) return contents;
    if (has_lock_file && foreign.empty()) {
      return Status::Corruption("database directory '" + dir +
                                "' is damaged: it has RocksDB data files but no CURRENT file");
    }
    std::vector<std::string>& shown = foreign.empty() ? others : foreign;
    std::sort(shown.begin(), shown.end());
    std::string list;
    for (size_t i = 0; i < shown.size() && i < 3; ++i) {
      list += (i == 0 ? "'" : ", '") + shown[i] + "'";
    }
    if (shown.size() > 3) list += ", ...";
    return Status::IncompatibleFormat(
        NotSmithMessage(dir, "it is not empty (it contains " + list + ")"));
  }
  rocksdb::Status s =
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &contents.families);
  if (!s.ok()) {
    return Status::IncompatibleFormat(
        NotSmithMessage(dir, "RocksDB cannot read it (" + s.ToString() + ")"));
  }
  const bool has_meta = std::find(contents.families.begin(), contents.families.end(),
                                  FamilyName(Family::kMeta)) != contents.families.end();
  if (!has_meta && !has_lock_file) {
    return Status::IncompatibleFormat(NotSmithMessage(
        dir,
        "it holds a RocksDB database without smith's format marker (no 'meta' column "
        "family)"));
  }
  contents.has_database = true;
  return contents;
}

Result<std::string> NormalizePath(const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("the database path is empty");
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return Status::IOError("cannot resolve database path '" + path + "': " + ec.message());
  std::string dir = absolute.lexically_normal().string();
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

// Creates `dir` when it does not exist (and create is set); rejects non-directories.
Status EnsureDirectory(const std::string& dir, bool create) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (st.type() == fs::file_type::not_found) {
    if (!create) {
      return Status::NotFound("no smith database at '" + dir +
                              "': the directory does not exist and create_if_missing is off");
    }
    fs::create_directories(dir, ec);
    if (ec) {
      return Status::IOError("cannot create database directory '" + dir + "': " + ec.message());
    }
    return Status::OK();
  }
  if (ec) return Status::IOError("cannot access database directory '" + dir + "': " + ec.message());
  if (st.type() != fs::file_type::directory) {
    return Status::IncompatibleFormat(
        NotSmithMessage(dir, "it is a file, and a smith database is a directory"));
  }
  return Status::OK();
}

Result<std::unique_ptr<internal::EngineState>> OpenRocksDb(const std::string& dir,
                                                           const DirectoryContents& contents,
                                                           const StorageOptions& options) {
  SMITH_RETURN_IF_ERROR(internal::ValidatePrefixOptions(options));
  auto state = std::make_unique<internal::EngineState>();
  state->block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  rocksdb::DBOptions db_options = internal::MakeDbOptions(options);
  std::vector<std::string> names = contents.families;
  if (!contents.has_database) {
    db_options.create_if_missing = true;
    db_options.create_missing_column_families = true;
    names.assign({rocksdb::kDefaultColumnFamilyName});
    for (Family f : kAllFamilies) names.emplace_back(FamilyName(f));
  }
  // Every existing family must be opened; those this build does not know get default options
  // (Open rejects them once the format version has been read).
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    std::optional<Family> f = FamilyFromName(name);
    descriptors.emplace_back(name, f ? internal::MakeFamilyOptions(*f, options, state->block_cache)
                                     : rocksdb::ColumnFamilyOptions());
  }
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s = rocksdb::DB::Open(db_options, dir, descriptors, &handles, &db);
  if (!s.ok()) return internal::FromRocksDb(s, "cannot open database directory '" + dir + "'");
  state->db.reset(db);
  state->all_handles = handles;
  for (rocksdb::ColumnFamilyHandle* h : handles) {
    if (std::optional<Family> f = FamilyFromName(h->GetName())) {
      state->families[FamilyIndex(*f)] = h;
    }
  }
  state->commit_options = internal::MakeCommitOptions(options);
  for (Family f : kAllFamilies) {
    state->scan_prefix_bytes[FamilyIndex(f)] = internal::EffectivePrefix(f, options);
    state->has_merge[FamilyIndex(f)] = options.merge_functions[FamilyIndex(f)] != nullptr;
    state->min_key_bytes[FamilyIndex(f)] = options.memtable_hash_prefix_bytes[FamilyIndex(f)];
  }
  return state;
}

Result<bool> AllFamiliesEmpty(internal::EngineState& state) {
  rocksdb::ReadOptions ro;
  ro.total_order_seek = true;
  for (rocksdb::ColumnFamilyHandle* h : state.all_handles) {
    std::unique_ptr<rocksdb::Iterator> it(state.db->NewIterator(ro, h));
    it->SeekToFirst();
    if (it->Valid()) return false;
    if (!it->status().ok()) return internal::FromRocksDb(it->status(), "scan of a new database");
  }
  return true;
}

// The first family name in the database that format version 1 does not define, if any.
std::optional<std::string> UnknownFamily(const internal::EngineState& state) {
  for (rocksdb::ColumnFamilyHandle* h : state.all_handles) {
    const std::string& name = h->GetName();
    if (name != rocksdb::kDefaultColumnFamilyName && !FamilyFromName(name)) return name;
  }
  return std::nullopt;
}

Status UnknownFamilyError(const std::string& dir, const std::string& name) {
  return Status::IncompatibleFormat("database directory '" + dir + "' has column family '" + name +
                                    "', which storage format version " +
                                    std::to_string(kFormatVersion) + " does not define");
}

std::string EncodeFormatVersion(uint32_t v) {
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
  return out;
}

uint32_t DecodeFormatVersion(std::string_view bytes) {
  uint32_t v = 0;
  for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

// Creates the missing families and writes the format marker (synced).
Status FinishCreation(const std::string& dir, internal::EngineState& state,
                      const StorageOptions& options) {
  for (Family f : kAllFamilies) {
    if (state.handle(f) != nullptr) continue;
    rocksdb::ColumnFamilyHandle* h = nullptr;
    rocksdb::Status s = state.db->CreateColumnFamily(
        internal::MakeFamilyOptions(f, options, state.block_cache), std::string(FamilyName(f)), &h);
    if (!s.ok()) return internal::FromRocksDb(s, "cannot create database in '" + dir + "'");
    state.all_handles.push_back(h);
    state.families[FamilyIndex(f)] = h;
  }
  rocksdb::WriteOptions synced;
  synced.sync = true;
  std::string version = EncodeFormatVersion(kFormatVersion);
  rocksdb::Status s =
      state.db->Put(synced, state.handle(Family::kMeta),
                    rocksdb::Slice(kFormatVersionKey.data(), kFormatVersionKey.size()), version);
  return internal::FromRocksDb(s, "cannot create database in '" + dir + "'");
}

// Reads and checks the format marker; for a new (or unfinished) database, writes it.
Result<uint32_t> CheckFormat(const std::string& dir, internal::EngineState& state,
                             const StorageOptions& options) {
  rocksdb::ColumnFamilyHandle* meta = state.handle(Family::kMeta);
  if (meta != nullptr) {
    std::string value;
    rocksdb::Status s =
        state.db->Get(rocksdb::ReadOptions(), meta,
                      rocksdb::Slice(kFormatVersionKey.data(), kFormatVersionKey.size()), &value);
    if (s.ok()) {
      if (value.size() != 4) {
        return Status::IncompatibleFormat("database directory '" + dir +
                                          "' has a malformed format_version marker (" +
                                          std::to_string(value.size()) + " bytes, expected 4)");
      }
      uint32_t version = DecodeFormatVersion(value);
      if (version != kFormatVersion) {
        return Status::IncompatibleFormat(
            "database directory '" + dir + "' has storage format version " +
            std::to_string(version) + ", but this build of smith supports only format version " +
            std::to_string(kFormatVersion));
      }
      if (std::optional<std::string> name = UnknownFamily(state)) {
        return UnknownFamilyError(dir, *name);
      }
      for (Family f : kAllFamilies) {
        if (state.handle(f) == nullptr) {
          return Status::Corruption("database directory '" + dir + "' lacks column family '" +
                                    std::string(FamilyName(f)) + "' of storage format version " +
                                    std::to_string(kFormatVersion));
        }
      }
      return version;
    }
    if (!s.IsNotFound()) {
      return internal::FromRocksDb(s, "cannot read the format version of '" + dir + "'");
    }
  }
  // No marker: a new database, or a creation that stopped before the marker was written (then
  // nothing else can have been written either).
  SMITH_ASSIGN_OR_RETURN(bool empty, AllFamiliesEmpty(state));
  if (!empty) {
    return Status::IncompatibleFormat(NotSmithMessage(
        dir, "it holds a non-empty RocksDB database without smith's format marker (no '" +
                 std::string(kFormatVersionKey) + "' in the meta column family)"));
  }
  if (std::optional<std::string> name = UnknownFamily(state)) {
    return UnknownFamilyError(dir, *name);
  }
  SMITH_RETURN_IF_ERROR(FinishCreation(dir, state, options));
  return kFormatVersion;
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& path,
                                             const StorageOptions& options) {
  SMITH_ASSIGN_OR_RETURN(std::string dir, NormalizePath(path));
  SMITH_RETURN_IF_ERROR(EnsureDirectory(dir, options.create_if_missing));
  SMITH_ASSIGN_OR_RETURN(DirectoryContents seen, InspectDirectory(dir));
  if (!seen.has_database && !options.create_if_missing) {
    return Status::NotFound("no smith database in directory '" + dir +
                            "' and create_if_missing is off");
  }
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<internal::ProcessLock> lock,
                         internal::ProcessLock::Acquire(dir));
  // Inspect again under the lock: another process may have created the database meanwhile.
  SMITH_ASSIGN_OR_RETURN(DirectoryContents contents, InspectDirectory(dir));
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<internal::EngineState> state,
                         OpenRocksDb(dir, contents, options));
  SMITH_ASSIGN_OR_RETURN(uint32_t version, CheckFormat(dir, *state, options));
  return std::unique_ptr<Engine>(new Engine(dir, version, std::move(state), std::move(lock)));
}

}  // namespace smith::storage
