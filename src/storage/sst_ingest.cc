#include "storage/sst_ingest.h"

#include <unistd.h>

#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/sst_file_writer.h"
#include "storage/iterator.h"
#include "storage/process_lock.h"
#include "storage/read_view.h"
#include "storage/rocksdb_options.h"
#include "storage/rocksdb_status.h"

namespace smith::storage {

namespace fs = std::filesystem;
using internal::FromRocksDb;

namespace {

// FNV-1a over length-prefixed keys and values.
class Fnv {
 public:
  void Add(std::string_view bytes) {
    AddRaw(std::to_string(bytes.size()));
    AddRaw(bytes);
  }
  uint64_t value() const { return h_; }

 private:
  void AddRaw(std::string_view bytes) {
    for (unsigned char c : bytes) h_ = (h_ ^ c) * 1099511628211ull;
  }
  uint64_t h_ = 14695981039346656037ull;
};

// Closes the database (handles first) when it goes out of scope.
struct OpenDb {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> families{};

  ~OpenDb() {
    if (db == nullptr) return;
    for (rocksdb::ColumnFamilyHandle* h : handles) db->DestroyColumnFamilyHandle(h);
    db->Close().PermitUncheckedError();
  }
};

Status OpenDatabase(const std::string& dir, const StorageOptions& options,
                    const std::shared_ptr<rocksdb::Cache>& cache, OpenDb* out) {
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  if (!s.ok()) return FromRocksDb(s, "cannot open database directory '" + dir + "'");
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    std::optional<Family> f = FamilyFromName(name);
    descriptors.emplace_back(
        name, f ? internal::MakeFamilyOptions(*f, options, cache) : rocksdb::ColumnFamilyOptions());
  }
  rocksdb::DB* db = nullptr;
  s = rocksdb::DB::Open(internal::MakeDbOptions(options), dir, descriptors, &out->handles, &db);
  if (!s.ok()) return FromRocksDb(s, "cannot open database directory '" + dir + "'");
  out->db.reset(db);
  for (rocksdb::ColumnFamilyHandle* h : out->handles) {
    if (std::optional<Family> f = FamilyFromName(h->GetName())) {
      out->families[FamilyIndex(*f)] = h;
    }
  }
  for (Family f : kAllFamilies) {
    if (out->families[FamilyIndex(f)] == nullptr) {
      return Status::Corruption("database directory '" + dir + "' lacks column family '" +
                                std::string(FamilyName(f)) + "'");
    }
  }
  return Status::OK();
}

Result<DatabaseFingerprint> FingerprintOpenDb(OpenDb& db) {
  DatabaseFingerprint fp;
  rocksdb::ReadOptions ro;
  ro.total_order_seek = true;
  Fnv hash;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db.db->NewIterator(ro, db.families[FamilyIndex(Family::kMeta)]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      hash.Add(std::string_view(it->key().data(), it->key().size()));
      hash.Add(std::string_view(it->value().data(), it->value().size()));
    }
    if (!it->status().ok()) return FromRocksDb(it->status(), "reading the meta family");
  }
  fp.meta_hash = hash.value();
  for (Family f : {Family::kNode, Family::kRel}) {
    std::unique_ptr<rocksdb::Iterator> it(db.db->NewIterator(ro, db.families[FamilyIndex(f)]));
    it->SeekToFirst();
    if (it->Valid()) fp.no_elements = false;
    if (!it->status().ok()) return FromRocksDb(it->status(), "reading the database");
  }
  return fp;
}

}  // namespace

class SstFileWriterImpl final : public SstFileWriter {
 public:
  SstFileWriterImpl(SstFileSet& set, Family f, std::string path,
                    std::unique_ptr<rocksdb::SstFileWriter> writer)
      : set_(set), family_(f), path_(std::move(path)), writer_(std::move(writer)) {}

  Status Add(std::string_view key, std::string_view value) override {
    if (finished_) return Status::InvalidState("SST file already finished");
    if (!opened_) {
      rocksdb::Status s = writer_->Open(path_);
      if (!s.ok()) return FromRocksDb(s, "cannot create '" + path_ + "'");
      opened_ = true;
    }
    rocksdb::Status s = writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                     rocksdb::Slice(value.data(), value.size()));
    if (!s.ok()) return FromRocksDb(s, "writing '" + path_ + "'");
    ++entries_;
    return Status::OK();
  }

  Result<uint64_t> Finish() override {
    if (finished_) return Status::InvalidState("SST file already finished");
    finished_ = true;
    if (!opened_) return uint64_t{0};
    rocksdb::Status s = writer_->Finish();
    if (!s.ok()) return FromRocksDb(s, "finishing '" + path_ + "'");
    set_.AddFinished(family_, path_);
    return entries_;
  }

 private:
  SstFileSet& set_;
  Family family_;
  std::string path_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  bool opened_ = false;
  bool finished_ = false;
  uint64_t entries_ = 0;
};

SstFileSet::SstFileSet(std::string dir, StorageOptions options)
    : dir_(std::move(dir)), options_(std::move(options)) {}

SstFileSet::~SstFileSet() {
  std::error_code ec;
  fs::remove_all(dir_, ec);  // best effort: ingested files were moved out already
}

Result<std::unique_ptr<SstFileSet>> SstFileSet::Create(const std::string& db_dir,
                                                       const StorageOptions& options) {
  fs::path db(db_dir);
  fs::path dir =
      db.parent_path() / ("." + db.filename().string() + ".import-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!fs::create_directory(dir, ec) || ec) {
    return Status::IOError("cannot create the temporary import directory '" + dir.string() +
                           "': " + (ec ? ec.message() : std::string("it exists")));
  }
  return std::unique_ptr<SstFileSet>(new SstFileSet(dir.string(), options));
}

Result<std::unique_ptr<SstFileWriter>> SstFileSet::NewWriter(Family f) {
  rocksdb::Options options(internal::MakeDbOptions(options_),
                           internal::MakeFamilyOptions(f, options_, nullptr));
  int number = 0;
  {
    std::lock_guard lock(mutex_);
    number = next_file_++;
  }
  std::string path =
      dir_ + "/" + std::string(FamilyName(f)) + "-" + std::to_string(number) + ".sst";
  auto writer = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options);
  return std::unique_ptr<SstFileWriter>(
      new SstFileWriterImpl(*this, f, std::move(path), std::move(writer)));
}

void SstFileSet::AddFinished(Family f, std::string path) {
  std::lock_guard lock(mutex_);
  files_.push_back(File{f, std::move(path)});
}

Result<DatabaseFingerprint> FingerprintDatabase(ReadView& view) {
  DatabaseFingerprint fp;
  Fnv hash;
  {
    auto it = view.NewIterator(Family::kMeta, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      hash.Add(it->key());
      hash.Add(it->value());
    }
    SMITH_RETURN_IF_ERROR(it->status());
  }
  fp.meta_hash = hash.value();
  for (Family f : {Family::kNode, Family::kRel}) {
    auto it = view.NewIterator(f, "", "");
    it->SeekToFirst();
    if (it->Valid()) fp.no_elements = false;
    SMITH_RETURN_IF_ERROR(it->status());
  }
  return fp;
}

Status IngestSortedFiles(const std::string& db_dir, const StorageOptions& options,
                         const DatabaseFingerprint& expected, const SstFileSet& files) {
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<internal::ProcessLock> lock,
                         internal::ProcessLock::Acquire(db_dir));
  std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(size_t{8} << 20);
  OpenDb db;
  SMITH_RETURN_IF_ERROR(OpenDatabase(db_dir, options, cache, &db));
  SMITH_ASSIGN_OR_RETURN(DatabaseFingerprint now, FingerprintOpenDb(db));
  if (!(now == expected)) {
    return Status::InvalidState("the database in '" + db_dir +
                                "' changed while the import was being prepared; nothing was "
                                "imported (run the import again)");
  }
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (Family f : kAllFamilies) {
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = db.families[FamilyIndex(f)];
    for (const SstFileSet::File& file : files.files()) {
      if (file.family == f) arg.external_files.push_back(file.path);
    }
    if (arg.external_files.empty()) continue;
    arg.options.move_files = true;
    arg.options.failed_move_fall_back_to_copy = true;
    // The files hold keys no other data in the database has (checked above), except the meta
    // entries they update, which must win: a new sequence number makes them the latest version.
    arg.options.allow_global_seqno = true;
    arg.options.allow_blocking_flush = true;
    arg.options.snapshot_consistency = true;
    args.push_back(std::move(arg));
  }
  if (args.empty()) return Status::OK();
  rocksdb::Status s = db.db->IngestExternalFiles(args);
  if (!s.ok()) return FromRocksDb(s, "cannot add the imported files to '" + db_dir + "'");
  // Make the new MANIFEST state durable before reporting success.
  s = db.db->SyncWAL();
  if (!s.ok() && !s.IsNotSupported()) return FromRocksDb(s, "syncing '" + db_dir + "'");
  return Status::OK();
}

}  // namespace smith::storage
