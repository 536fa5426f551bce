// Engine::Open: creation, the format marker, and every way a directory can be refused.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rocksdb/db.h"
#include "storage/engine.h"
#include "test_util.h"

namespace smith::storage {
namespace {

namespace fs = std::filesystem;
using testing::SnapshotFiles;
using testing::TempDir;

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Reads `key` of family `family_name` from the database at `dir` with raw RocksDB (read-only,
// opening every family), bypassing smith. nullopt when absent.
std::optional<std::string> RawGet(const std::string& dir, const std::string& family_name,
                                  const std::string& key) {
  std::vector<std::string> names;
  EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), dir, descriptors, &handles, &raw);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return std::nullopt;
  std::unique_ptr<rocksdb::DB> db(raw);
  std::optional<std::string> result;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] != family_name) continue;
    std::string value;
    if (db->Get(rocksdb::ReadOptions(), handles[i], key, &value).ok()) result = value;
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  return result;
}

// Creates a plain RocksDB database (only the default family) holding `keys`.
void CreateRawRocksDb(const std::string& dir, const std::vector<std::string>& keys) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(options, dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  for (const auto& k : keys) ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), k, "v").ok());
  ASSERT_TRUE(db->Close().ok());
}

TEST(EngineOpenTest, CreatesDatabaseWithFormatMarker) {
  TempDir tmp;
  const std::string dir = tmp.Sub("a/b/db");  // missing parents are created
  auto engine = Engine::Open(dir, StorageOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_EQ((*engine)->path(), dir);
  EXPECT_EQ((*engine)->format_version(), kFormatVersion);
  auto read = (*engine)->BeginRead();
  std::string value;
  auto found = read->Get(Family::kMeta, kFormatVersionKey, &value);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(*found);
  EXPECT_EQ(value, testing::BigEndian32(1));
}

TEST(EngineOpenTest, CreatesAllColumnFamiliesWithTheirNames) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  ASSERT_TRUE(Engine::Open(dir, StorageOptions()).ok());
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<std::string> expected = {"default", "meta",    "node",   "rel",  "adj",
                                       "label",   "reltype", "unique", "index"};
  std::sort(names.begin(), names.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(names, expected);
}

TEST(EngineOpenTest, ReopensAndKeepsData) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  {
    auto engine = Engine::Open(dir, StorageOptions());
    ASSERT_TRUE(engine.ok());
    auto txn = (*engine)->BeginWrite();
    for (Family f : kAllFamilies) txn->Put(f, "key", FamilyName(f));
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto engine = Engine::Open(dir + "/", StorageOptions());  // trailing slash is normalized
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_EQ((*engine)->path(), dir);
  auto read = (*engine)->BeginRead();
  for (Family f : kAllFamilies) {
    std::string value;
    auto found = read->Get(f, "key", &value);
    ASSERT_TRUE(found.ok() && *found) << FamilyName(f);
    EXPECT_EQ(value, FamilyName(f));
  }
}

TEST(EngineOpenTest, OpensExistingEmptyDirectory) {
  TempDir tmp;
  auto engine = Engine::Open(tmp.path(), StorageOptions());
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
}

TEST(EngineOpenTest, MissingDirectoryWithoutCreateIsNotFoundAndCreatesNothing) {
  TempDir tmp;
  StorageOptions options;
  options.create_if_missing = false;
  auto engine = Engine::Open(tmp.Sub("db"), options);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Contains(engine.status().message(), tmp.Sub("db")));
  EXPECT_FALSE(fs::exists(tmp.Sub("db")));

  auto empty = Engine::Open(tmp.path(), options);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(SnapshotFiles(tmp.path()).empty());
}

TEST(EngineOpenTest, RefusesDirectoryWithUnrelatedFilesAndLeavesItUnchanged) {
  TempDir tmp;
  testing::WriteFile(tmp.Sub("notes.txt"), "my notes");
  const auto before = SnapshotFiles(tmp.path());
  auto engine = Engine::Open(tmp.path(), StorageOptions());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kIncompatibleFormat);
  EXPECT_TRUE(Contains(engine.status().message(), tmp.path())) << engine.status().message();
  EXPECT_TRUE(Contains(engine.status().message(), "not a smith database"));
  EXPECT_TRUE(Contains(engine.status().message(), "notes.txt"));
  EXPECT_EQ(SnapshotFiles(tmp.path()), before);
}

TEST(EngineOpenTest, RefusesRegularFile) {
  TempDir tmp;
  testing::WriteFile(tmp.Sub("file"), "x");
  auto engine = Engine::Open(tmp.Sub("file"), StorageOptions());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kIncompatibleFormat);
  EXPECT_TRUE(Contains(engine.status().message(), tmp.Sub("file")));
  EXPECT_EQ(SnapshotFiles(tmp.path()).at("file"), "x");
}

TEST(EngineOpenTest, RefusesPlainRocksDbWithoutMarkerAndLeavesItUnchanged) {
  for (bool with_data : {false, true}) {
    SCOPED_TRACE(with_data ? "with data" : "empty");
    TempDir tmp;
    CreateRawRocksDb(tmp.path(),
                     with_data ? std::vector<std::string>{"x"} : std::vector<std::string>{});
    const auto before = SnapshotFiles(tmp.path());
    auto engine = Engine::Open(tmp.path(), StorageOptions());
    ASSERT_FALSE(engine.ok());
    EXPECT_EQ(engine.status().code(), StatusCode::kIncompatibleFormat);
    EXPECT_TRUE(Contains(engine.status().message(), tmp.path()));
    EXPECT_TRUE(Contains(engine.status().message(), "format marker")) << engine.status().message();
    EXPECT_EQ(SnapshotFiles(tmp.path()), before);
    if (with_data) {
      EXPECT_EQ(RawGet(tmp.path(), "default", "x"), "v");
    }
  }
}

TEST(EngineOpenTest, RefusesUnknownFormatVersionAndKeepsData) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  {
    auto engine = Engine::Open(dir, StorageOptions());
    ASSERT_TRUE(engine.ok());
    auto txn = (*engine)->BeginWrite();
    txn->Put(Family::kMeta, kFormatVersionKey, testing::BigEndian32(7));
    txn->Put(Family::kNode, "n1", "record");
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto engine = Engine::Open(dir, StorageOptions());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kIncompatibleFormat);
  EXPECT_TRUE(Contains(engine.status().message(), dir));
  EXPECT_TRUE(Contains(engine.status().message(), "version 7")) << engine.status().message();
  EXPECT_TRUE(Contains(engine.status().message(), "supports only format version 1"));
  EXPECT_EQ(RawGet(dir, "meta", std::string(kFormatVersionKey)), testing::BigEndian32(7));
  EXPECT_EQ(RawGet(dir, "node", "n1"), "record");
  // The refusal released the lock.
  EXPECT_EQ(Engine::Open(dir, StorageOptions()).status().code(), StatusCode::kIncompatibleFormat);
}

TEST(EngineOpenTest, RefusesMalformedFormatVersion) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  {
    auto engine = Engine::Open(dir, StorageOptions());
    ASSERT_TRUE(engine.ok());
    auto txn = (*engine)->BeginWrite();
    txn->Put(Family::kMeta, kFormatVersionKey, "v1");
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto engine = Engine::Open(dir, StorageOptions());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kIncompatibleFormat);
  EXPECT_TRUE(Contains(engine.status().message(), "malformed")) << engine.status().message();
}

TEST(EngineOpenTest, PathBeneathRegularFileIsIOError) {
  TempDir tmp;
  testing::WriteFile(tmp.Sub("file"), "x");
  const std::string dir = tmp.Sub("file/db");
  auto engine = Engine::Open(dir, StorageOptions());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kIOError);
  EXPECT_TRUE(Contains(engine.status().message(), dir));
  EXPECT_TRUE(Contains(engine.status().message(), "Not a directory")) << engine.status().message();
  EXPECT_EQ(SnapshotFiles(tmp.path()).at("file"), "x");
}

TEST(EngineOpenTest, PathUnderProcIsIOError) {
  const std::string dir = "/proc/smith_storage_test_db";
  auto engine = Engine::Open(dir, StorageOptions());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kIOError);
  EXPECT_TRUE(Contains(engine.status().message(), dir)) << engine.status().message();
}

TEST(EngineOpenTest, FinishesCreationInterruptedBeforeRocksDbExisted) {
  TempDir tmp;
  testing::WriteFile(tmp.Sub(kLockFileName), "");
  auto engine = Engine::Open(tmp.path(), StorageOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_EQ((*engine)->format_version(), kFormatVersion);
}

TEST(EngineOpenTest, FinishesCreationInterruptedBeforeMarkerWasWritten) {
  TempDir tmp;
  CreateRawRocksDb(tmp.path(), {});
  testing::WriteFile(tmp.Sub(kLockFileName), "");  // smith started this creation
  {
    auto engine = Engine::Open(tmp.path(), StorageOptions());
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    EXPECT_EQ((*engine)->format_version(), kFormatVersion);
    auto txn = (*engine)->BeginWrite();
    txn->Put(Family::kAdj, "k", "v");
    ASSERT_TRUE(txn->Commit().ok());
  }
  EXPECT_EQ(RawGet(tmp.path(), "meta", std::string(kFormatVersionKey)), testing::BigEndian32(1));
  EXPECT_EQ(RawGet(tmp.path(), "adj", "k"), "v");
}

TEST(EngineOpenTest, RefusesNonEmptyRocksDbWithLockFileButNoMarker) {
  TempDir tmp;
  CreateRawRocksDb(tmp.path(), {"x"});
  testing::WriteFile(tmp.Sub(kLockFileName), "");
  auto engine = Engine::Open(tmp.path(), StorageOptions());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kIncompatibleFormat);
  EXPECT_EQ(RawGet(tmp.path(), "default", "x"), "v");
}

TEST(EngineOpenTest, FlushAndDiskSize) {
  TempDir tmp;
  auto engine = Engine::Open(tmp.Sub("db"), StorageOptions());
  ASSERT_TRUE(engine.ok());
  auto txn = (*engine)->BeginWrite();
  for (int i = 0; i < 1000; ++i) {
    std::string key = "node";
    key += std::to_string(i);
    txn->Put(Family::kNode, key, "payload");
  }
  ASSERT_TRUE(txn->Commit().ok());
  ASSERT_TRUE((*engine)->Flush().ok());
  bool has_sst = false;
  for (const auto& [name, contents] : SnapshotFiles(tmp.Sub("db"))) {
    if (name.ends_with(".sst")) has_sst = true;
  }
  EXPECT_TRUE(has_sst);
  auto bytes = (*engine)->ApproximateDiskBytes();
  ASSERT_TRUE(bytes.ok());
  EXPECT_GT(*bytes, 0u);
}

}  // namespace
}  // namespace smith::storage
