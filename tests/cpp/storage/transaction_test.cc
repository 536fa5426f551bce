// Read and write transactions: snapshots, read-your-own-writes, merges, the writer slot,
// chunked commits, rollback.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "storage/engine.h"
#include "test_merge.h"
#include "test_util.h"

namespace smith::storage {
namespace {

using testing::TempDir;

// prefix + decimal i (built without operator+, which trips GCC 12's -Wrestrict false positive).
std::string Numbered(std::string_view prefix, int i) {
  std::string out(prefix);
  out += std::to_string(i);
  return out;
}

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    engine_.reset();
    auto engine = Engine::Open(tmp_.Sub("db"), testing::MergeOptions());
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(*engine);
  }

  void Commit(Family f, const std::string& key, const std::string& value) {
    auto txn = engine_->BeginWrite();
    txn->Put(f, key, value);
    ASSERT_TRUE(txn->Commit().ok());
  }

  // The value of `key`, "<absent>", or "<error: ...>".
  static std::string Read(ReadView& view, Family f, std::string_view key) {
    std::string value;
    auto found = view.Get(f, key, &value);
    if (!found.ok()) return "<error: " + found.status().ToString() + ">";
    return *found ? value : "<absent>";
  }

  std::string ReadCommitted(Family f, std::string_view key) {
    auto read = engine_->BeginRead();
    return Read(*read, f, key);
  }

  TempDir tmp_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(TransactionTest, CommittedWritesAreVisibleAndDurable) {
  auto txn = engine_->BeginWrite();
  txn->Put(Family::kNode, "a", "1");
  txn->Put(Family::kRel, "b", "2");
  EXPECT_EQ(txn->PendingCount(), 2u);
  EXPECT_GT(txn->ApproximateBytes(), 0u);
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_FALSE(txn->active());
  txn.reset();
  Reopen();
  EXPECT_EQ(ReadCommitted(Family::kNode, "a"), "1");
  EXPECT_EQ(ReadCommitted(Family::kRel, "b"), "2");
  EXPECT_EQ(ReadCommitted(Family::kRel, "a"), "<absent>");  // families are separate
}

TEST_F(TransactionTest, RolledBackTransactionLeavesNothing) {
  Commit(Family::kNode, "kept", "old");
  {
    auto txn = engine_->BeginWrite();
    txn->Put(Family::kNode, "new", "x");
    txn->Put(Family::kNode, "kept", "changed");
    txn->Delete(Family::kNode, "kept");
    txn->Merge(Family::kNode, "m", "op");
    txn->Rollback();
    EXPECT_FALSE(txn->active());
    EXPECT_EQ(txn->Commit().code(), StatusCode::kInvalidState);
  }
  {
    auto txn = engine_->BeginWrite();
    txn->Put(Family::kNode, "dropped-by-destructor", "x");
  }
  Reopen();
  auto read = engine_->BeginRead();
  EXPECT_EQ(Read(*read, Family::kNode, "kept"), "old");
  auto it = read->NewIterator(Family::kNode, "", "");
  std::vector<std::string> keys;
  for (it->SeekToFirst(); it->Valid(); it->Next()) keys.emplace_back(it->key());
  EXPECT_EQ(keys, std::vector<std::string>{"kept"});
}

TEST_F(TransactionTest, ReadersKeepTheirSnapshotWhileWriterCommits) {
  Commit(Family::kNode, "k", "v1");
  auto before = engine_->BeginRead();
  auto writer = engine_->BeginWrite();
  writer->Put(Family::kNode, "k", "v2");
  writer->Put(Family::kNode, "new", "n");
  auto during = engine_->BeginRead();  // the writer's pending writes are invisible
  EXPECT_EQ(Read(*during, Family::kNode, "k"), "v1");
  ASSERT_TRUE(writer->Commit().ok());
  auto after = engine_->BeginRead();

  EXPECT_EQ(Read(*before, Family::kNode, "k"), "v1");
  EXPECT_EQ(Read(*before, Family::kNode, "new"), "<absent>");
  EXPECT_EQ(Read(*during, Family::kNode, "new"), "<absent>");
  EXPECT_EQ(Read(*after, Family::kNode, "k"), "v2");
  EXPECT_EQ(Read(*after, Family::kNode, "new"), "n");
  auto it = before->NewIterator(Family::kNode, "", "");
  int count = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++count;
  EXPECT_EQ(count, 1);
}

TEST_F(TransactionTest, ConcurrentReadersAlwaysSeeWholeCommits) {
  // The writer keeps keys "a" and "b" equal in every commit; readers on other threads must never
  // see them differ.
  constexpr int kCommits = 200;
  Commit(Family::kNode, "a", "0");
  Commit(Family::kNode, "b", "0");
  std::atomic<bool> done{false};
  std::atomic<int> mismatches{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t) {
    readers.emplace_back([&] {
      while (!done.load()) {
        auto read = engine_->BeginRead();
        std::string keys[] = {"a", "b"};
        std::vector<std::string_view> views(std::begin(keys), std::end(keys));
        std::vector<std::optional<std::string>> values;
        if (!read->MultiGet(Family::kNode, views, &values).ok() || values[0] != values[1]) {
          ++mismatches;
        }
        if (Read(*read, Family::kNode, "a") != Read(*read, Family::kNode, "b")) ++mismatches;
        ++reads;
      }
    });
  }
  for (int i = 1; i <= kCommits; ++i) {
    auto txn = engine_->BeginWrite();
    txn->Put(Family::kNode, "a", std::to_string(i));
    txn->Put(Family::kNode, "b", std::to_string(i));
    ASSERT_TRUE(txn->Commit().ok());
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(ReadCommitted(Family::kNode, "b"), std::to_string(kCommits));
}

TEST_F(TransactionTest, WriterReadsItsOwnPutsDeletesAndMerges) {
  Commit(Family::kNode, "base", "B");
  Commit(Family::kNode, "gone", "G");
  auto txn = engine_->BeginWrite();
  txn->Put(Family::kNode, "new", "N");
  txn->Delete(Family::kNode, "gone");
  txn->Merge(Family::kNode, "base", "m1");
  txn->Merge(Family::kNode, "base", "m2");
  txn->Merge(Family::kNode, "fresh", "f1");
  txn->Put(Family::kNode, "put-then-merge", "P");
  txn->Merge(Family::kNode, "put-then-merge", "x");
  txn->Delete(Family::kNode, "new");
  txn->Put(Family::kNode, "new", "N2");

  EXPECT_EQ(Read(*txn, Family::kNode, "new"), "N2");
  EXPECT_EQ(Read(*txn, Family::kNode, "gone"), "<absent>");
  EXPECT_EQ(Read(*txn, Family::kNode, "base"), "B+m1+m2");
  EXPECT_EQ(Read(*txn, Family::kNode, "fresh"), "<>+f1");
  EXPECT_EQ(Read(*txn, Family::kNode, "put-then-merge"), "P+x");

  std::vector<std::string_view> keys = {"gone", "base", "new", "missing", "base", "fresh"};
  std::vector<std::optional<std::string>> values;
  ASSERT_TRUE(txn->MultiGet(Family::kNode, keys, &values).ok());
  std::vector<std::optional<std::string>> expected = {std::nullopt, "B+m1+m2", "N2",
                                                      std::nullopt, "B+m1+m2", "<>+f1"};
  EXPECT_EQ(values, expected);

  EXPECT_EQ(ReadCommitted(Family::kNode, "base"), "B");  // nothing visible before commit
  ASSERT_TRUE(txn->Commit().ok());
  txn.reset();
  Reopen();  // merge operands are resolved after reopening too
  EXPECT_EQ(ReadCommitted(Family::kNode, "base"), "B+m1+m2");
  EXPECT_EQ(ReadCommitted(Family::kNode, "gone"), "<absent>");
  EXPECT_EQ(ReadCommitted(Family::kNode, "put-then-merge"), "P+x");
  ASSERT_TRUE(engine_->Flush().ok());
  EXPECT_EQ(ReadCommitted(Family::kNode, "fresh"), "<>+f1");
}

TEST_F(TransactionTest, PendingWritesBecomeReadableWhenFirstReadComesAfterThem) {
  // Writes are appended to a plain batch until a read needs them; the first read after writes
  // indexes them. Both phases must give the same answers.
  Commit(Family::kNode, "base", "B");
  auto txn = engine_->BeginWrite();
  EXPECT_EQ(Read(*txn, Family::kNode, "base"), "B");  // nothing pending: straight to the snapshot
  txn->Put(Family::kNode, "a", "1");
  txn->Put(Family::kNode, "a", "2");
  txn->Delete(Family::kNode, "base");
  txn->Merge(Family::kNode, "m", "x");
  txn->Put(Family::kLabel, "l", "");
  EXPECT_EQ(txn->PendingCount(), 5u);
  const size_t bytes = txn->ApproximateBytes();
  std::vector<std::string_view> keys = {"a", "base", "m"};
  std::vector<std::optional<std::string>> values;
  ASSERT_TRUE(txn->MultiGet(Family::kNode, keys, &values).ok());  // indexes the pending writes
  EXPECT_EQ(values, (std::vector<std::optional<std::string>>{"2", std::nullopt, "<>+x"}));
  EXPECT_EQ(txn->PendingCount(), 5u);
  EXPECT_EQ(txn->ApproximateBytes(), bytes);
  EXPECT_EQ(Read(*txn, Family::kLabel, "l"), "");
  txn->Merge(Family::kNode, "m", "y");  // later writes go to the index directly
  EXPECT_EQ(Read(*txn, Family::kNode, "m"), "<>+x+y");
  ASSERT_TRUE(txn->CommitChunk().ok());

  // After a chunk the transaction starts over with a plain batch.
  txn->Put(Family::kNode, "c", "3");
  ASSERT_TRUE(txn->Commit().ok());
  auto read = engine_->BeginRead();
  EXPECT_EQ(Read(*read, Family::kNode, "a"), "2");
  EXPECT_EQ(Read(*read, Family::kNode, "base"), "<absent>");
  EXPECT_EQ(Read(*read, Family::kNode, "m"), "<>+x+y");
  EXPECT_EQ(Read(*read, Family::kNode, "c"), "3");
  EXPECT_EQ(Read(*read, Family::kLabel, "l"), "");
}

TEST_F(TransactionTest, BlindWritesWithoutReadsCommit) {
  auto txn = engine_->BeginWrite();
  std::vector<std::string_view> keys = {"k0", "k1"};
  std::vector<std::optional<std::string>> values;
  ASSERT_TRUE(txn->MultiGet(Family::kUnique, keys, &values).ok());
  EXPECT_EQ(values, (std::vector<std::optional<std::string>>{std::nullopt, std::nullopt}));
  for (int i = 0; i < 1000; ++i) {
    const std::string node = Numbered("n", i);
    txn->Put(Family::kNode, node, "r");
    txn->Put(Family::kUnique, Numbered("k", i), node);
    txn->Merge(Family::kNode, node, "p");
  }
  EXPECT_EQ(txn->PendingCount(), 3000u);
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(ReadCommitted(Family::kUnique, "k999"), "n999");
  EXPECT_EQ(ReadCommitted(Family::kNode, "n5"), "r+p");
}

TEST_F(TransactionTest, MergeOnFamilyWithoutMergeFunctionFailsTheCommit) {
  auto txn = engine_->BeginWrite();
  txn->Put(Family::kRel, "r", "1");
  txn->Merge(Family::kRel, "r", "op");
  Status status = txn->Commit();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("'rel'"), std::string_view::npos) << status.message();
  EXPECT_EQ(ReadCommitted(Family::kRel, "r"), "<absent>");
}

TEST_F(TransactionTest, FailingMergeFunctionIsCorruption) {
  Commit(Family::kNode, "a", "A");
  auto txn = engine_->BeginWrite();
  txn->Merge(Family::kNode, "k", "corrupt");
  std::string value;
  auto found = txn->Get(Family::kNode, "k", &value);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), StatusCode::kCorruption);
  // The iterator stops at the failing key with an error instead of showing a bogus value.
  auto it = txn->NewIterator(Family::kNode, "", "");
  it->SeekToFirst();
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->value(), "A");
  it->Next();
  EXPECT_FALSE(it->Valid());
  EXPECT_EQ(it->status().code(), StatusCode::kCorruption);
  it->Seek("k");
  EXPECT_FALSE(it->Valid());
  EXPECT_EQ(it->status().code(), StatusCode::kCorruption);
}

TEST_F(TransactionTest, OneWriterAtATimeAcrossThreads) {
  auto first = engine_->BeginWrite();
  std::atomic<bool> second_started{false};
  std::string second_saw;
  std::thread second([&] {
    second_started = true;
    auto txn = engine_->BeginWrite();  // blocks until `first` finishes
    second_saw = Read(*txn, Family::kNode, "from-first");
    txn->Put(Family::kNode, "from-second", "2");
    ASSERT_TRUE(txn->Commit().ok());
  });
  while (!second_started.load()) std::this_thread::yield();
  // Give the second thread every chance to get past BeginWrite if the slot were not exclusive.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  first->Put(Family::kNode, "from-first", "1");
  ASSERT_TRUE(first->Commit().ok());
  second.join();
  // The second writer began after the first committed, so its snapshot includes that commit.
  EXPECT_EQ(second_saw, "1");
  EXPECT_EQ(ReadCommitted(Family::kNode, "from-second"), "2");
}

TEST_F(TransactionTest, TryBeginWriteGivesUpWhileSlotIsHeld) {
  auto first = engine_->BeginWrite();
  auto second = engine_->TryBeginWrite(std::chrono::milliseconds(20));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kLocked);
  first->Rollback();
  auto third = engine_->TryBeginWrite(std::chrono::milliseconds(20));
  EXPECT_TRUE(third.ok());
}

TEST_F(TransactionTest, CommitChunkMakesEarlierChunksDurableAndVisible) {
  auto txn = engine_->BeginWrite();
  txn->Put(Family::kNode, "chunk1", "a");
  txn->Merge(Family::kNode, "counter", "1");
  ASSERT_TRUE(txn->CommitChunk().ok());
  EXPECT_TRUE(txn->active());
  EXPECT_EQ(txn->PendingCount(), 0u);
  EXPECT_EQ(ReadCommitted(Family::kNode, "chunk1"), "a");  // visible to others now
  EXPECT_EQ(Read(*txn, Family::kNode, "chunk1"), "a");     // and on the fresh snapshot

  txn->Merge(Family::kNode, "counter", "2");
  EXPECT_EQ(Read(*txn, Family::kNode, "counter"), "<>+1+2");
  ASSERT_TRUE(txn->CommitChunk().ok());
  txn->Put(Family::kNode, "chunk3", "c");
  // The writer slot is still held between chunks.
  EXPECT_FALSE(engine_->TryBeginWrite(std::chrono::milliseconds(1)).ok());
  txn->Rollback();  // drops only the last chunk
  txn.reset();

  Reopen();
  EXPECT_EQ(ReadCommitted(Family::kNode, "chunk1"), "a");
  EXPECT_EQ(ReadCommitted(Family::kNode, "counter"), "<>+1+2");
  EXPECT_EQ(ReadCommitted(Family::kNode, "chunk3"), "<absent>");
}

TEST_F(TransactionTest, FinishedTransactionRefusesReads) {
  auto txn = engine_->BeginWrite();
  ASSERT_TRUE(txn->Commit().ok());
  std::string value;
  EXPECT_EQ(txn->Get(Family::kNode, "k", &value).status().code(), StatusCode::kInvalidState);
  std::vector<std::optional<std::string>> values;
  std::vector<std::string_view> keys = {"k"};
  EXPECT_EQ(txn->MultiGet(Family::kNode, keys, &values).code(), StatusCode::kInvalidState);
  auto it = txn->NewIterator(Family::kNode, "", "");
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  EXPECT_EQ(it->status().code(), StatusCode::kInvalidState);
  EXPECT_EQ(txn->CommitChunk().code(), StatusCode::kInvalidState);
}

TEST_F(TransactionTest, ReadTransactionMultiGet) {
  Commit(Family::kUnique, "u1", "10");
  Commit(Family::kUnique, "u2", "20");
  auto read = engine_->BeginRead();
  std::vector<std::string_view> keys = {"u2", "nope", "u1", "u2"};
  std::vector<std::optional<std::string>> values;
  ASSERT_TRUE(read->MultiGet(Family::kUnique, keys, &values).ok());
  std::vector<std::optional<std::string>> expected = {"20", std::nullopt, "10", "20"};
  EXPECT_EQ(values, expected);
  std::vector<std::string_view> none;
  ASSERT_TRUE(read->MultiGet(Family::kUnique, none, &values).ok());
  EXPECT_TRUE(values.empty());
}

}  // namespace
}  // namespace smith::storage
