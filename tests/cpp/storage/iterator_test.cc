// Iterators: bounds, batch-over-snapshot merging (including merge operands), prefix families.
// Every case runs over each memtable kind: RocksDB's skip lists, ours (memtable_smith_skiplist),
// RocksDB's hashed memtables (StorageOptions::memtable_hash_prefix_bytes) and our slotted ones
// (memtable_slotted), whose ordered iteration works differently.
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/engine.h"
#include "storage/iterator_rep.h"
#include "test_merge.h"
#include "test_util.h"

namespace smith::storage {
namespace {

using testing::TempDir;

// "key=value" for every entry from the iterator's current position on.
std::vector<std::string> Drain(Iterator& it) {
  std::vector<std::string> out;
  for (; it.Valid(); it.Next())
    out.push_back(std::string(it.key()) + "=" + std::string(it.value()));
  EXPECT_TRUE(it.status().ok()) << it.status().ToString();
  return out;
}

std::vector<std::string> Scan(ReadView& view, Family f, std::string_view lower,
                              std::string_view upper) {
  auto it = view.NewIterator(f, lower, upper);
  it->SeekToFirst();
  return Drain(*it);
}

std::string NodeId(uint64_t id) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((id >> (56 - 8 * i)) & 0xff);
  return out;
}

using Strings = std::vector<std::string>;

enum class Memtable { kSkipList, kSmithSkipList, kHashed, kSlotted };

// The parameter: the memtable kind of node (hashed on its first byte; keys of 1-3 bytes here, so
// slotted lists hold several keys) and adj (hashed on the 8-byte node id).
class IteratorTest : public ::testing::TestWithParam<Memtable> {
 protected:
  void SetUp() override {
    StorageOptions options = testing::MergeOptions();
    if (GetParam() == Memtable::kSmithSkipList) {
      options.memtable_smith_skiplist.fill(true);
    }
    if (GetParam() == Memtable::kHashed || GetParam() == Memtable::kSlotted) {
      options.memtable_hash_prefix_bytes[FamilyIndex(Family::kNode)] = 1;
      options.memtable_hash_prefix_bytes[FamilyIndex(Family::kAdj)] = 8;
    }
    if (GetParam() == Memtable::kSlotted) {
      options.memtable_slotted[FamilyIndex(Family::kNode)] = true;
      options.memtable_slotted[FamilyIndex(Family::kAdj)] = true;
    }
    options_ = options;
    auto engine = Engine::Open(tmp_.Sub("db"), options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(*engine);
    auto txn = engine_->BeginWrite();
    for (const char* k : {"a", "c", "e", "g", "i"})
      txn->Put(Family::kNode, k, std::string(k) + "0");
    ASSERT_TRUE(txn->Commit().ok());
  }

  TempDir tmp_;
  StorageOptions options_;
  std::unique_ptr<Engine> engine_;
};

TEST_P(IteratorTest, RandomWritesMatchAModelThroughReopenAndFlush) {
  // Puts, merges and deletes of random keys in random order, several versions per key, checked
  // through point reads and scans: from the memtables, after replaying the WAL into new ones,
  // and from SST files.
  std::map<std::string, std::string> model = {
      {"a", "a0"}, {"c", "c0"}, {"e", "e0"}, {"g", "g0"}, {"i", "i0"}};
  std::mt19937_64 rng(11);
  for (int round = 0; round < 20; ++round) {
    auto txn = engine_->BeginWrite();
    for (int op = 0; op < 50; ++op) {
      std::string key(1 + rng() % 3, '\0');
      for (char& c : key) c = static_cast<char>('a' + rng() % 12);
      std::string value = std::to_string(round) + "." + std::to_string(op);
      switch (rng() % 3) {
        case 0:
          txn->Put(Family::kNode, key, value);
          model[key] = value;
          break;
        case 1: {
          txn->Merge(Family::kNode, key, value);
          auto it = model.find(key);
          model[key] = (it == model.end() ? "<>" : it->second) + "+" + value;
          break;
        }
        default:
          txn->Delete(Family::kNode, key);
          model.erase(key);
      }
    }
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto check = [&](const char* stage) {
    SCOPED_TRACE(stage);
    auto read = engine_->BeginRead();
    Strings expected;
    for (const auto& [k, v] : model) expected.push_back(k + "=" + v);
    EXPECT_EQ(Scan(*read, Family::kNode, "", ""), expected);
    Strings from_b;
    for (const auto& [k, v] : model) {
      if (k >= "b" && k < "f") from_b.push_back(k + "=" + v);
    }
    EXPECT_EQ(Scan(*read, Family::kNode, "b", "f"), from_b);
    // Within one first byte: RocksDB's prefix mode when the memtable is hashed on it.
    Strings starting_with_c;
    for (const auto& [k, v] : model) {
      if (k[0] == 'c') starting_with_c.push_back(k + "=" + v);
    }
    EXPECT_EQ(Scan(*read, Family::kNode, "c", "d"), starting_with_c);
    for (const char* k : {"a", "b", "bb", "c", "kkk", "l", "z"}) {
      std::string value;
      auto found = read->Get(Family::kNode, k, &value);
      ASSERT_TRUE(found.ok()) << found.status().ToString();
      auto it = model.find(k);
      EXPECT_EQ(*found, it != model.end()) << k;
      if (*found && it != model.end()) {
        EXPECT_EQ(value, it->second) << k;
      }
    }
  };
  check("memtables");
  engine_.reset();
  auto reopened = Engine::Open(tmp_.Sub("db"), options_);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  engine_ = std::move(*reopened);
  check("after reopen");
  ASSERT_TRUE(engine_->Flush().ok());
  check("SST files");
}

TEST_P(IteratorTest, ReadTransactionHonoursBounds) {
  auto read = engine_->BeginRead();
  EXPECT_EQ(Scan(*read, Family::kNode, "b", "g"), (Strings{"c=c0", "e=e0"}));
  EXPECT_EQ(Scan(*read, Family::kNode, "c", "e"), (Strings{"c=c0"}));
  EXPECT_EQ(Scan(*read, Family::kNode, "", "c"), (Strings{"a=a0"}));
  EXPECT_EQ(Scan(*read, Family::kNode, "f", ""), (Strings{"g=g0", "i=i0"}));
  EXPECT_EQ(Scan(*read, Family::kNode, "x", ""), (Strings{}));
  EXPECT_EQ(Scan(*read, Family::kRel, "", ""), (Strings{}));
}

TEST_P(IteratorTest, SeekIsClampedToBounds) {
  auto read = engine_->BeginRead();
  auto it = read->NewIterator(Family::kNode, "c", "h");
  EXPECT_FALSE(it->Valid());  // not positioned yet
  it->Seek("a");              // below lower: starts at lower
  EXPECT_EQ(Drain(*it), (Strings{"c=c0", "e=e0", "g=g0"}));
  it->Seek("d");
  EXPECT_EQ(Drain(*it), (Strings{"e=e0", "g=g0"}));
  it->Seek("h");  // at upper: nothing
  EXPECT_FALSE(it->Valid());
  it->Seek("z");
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().ok());
}

TEST_P(IteratorTest, WriteTransactionMergesBatchOverSnapshotWithinBounds) {
  auto txn = engine_->BeginWrite();
  txn->Put(Family::kNode, "0", "below-lower");
  txn->Put(Family::kNode, "b", "b1");
  txn->Delete(Family::kNode, "c");
  txn->Merge(Family::kNode, "e", "m1");
  txn->Merge(Family::kNode, "e", "m2");
  txn->Merge(Family::kNode, "f", "fresh");
  txn->Put(Family::kNode, "g", "g1");
  txn->Merge(Family::kNode, "g", "after-put");
  txn->Put(Family::kNode, "h", "h1");
  txn->Put(Family::kNode, "z", "beyond-upper");  // RocksDB 7.8 alone would show this one
  EXPECT_EQ(Scan(*txn, Family::kNode, "a", "i"),
            (Strings{"a=a0", "b=b1", "e=e0+m1+m2", "f=<>+fresh", "g=g1+after-put", "h=h1"}));
  EXPECT_EQ(Scan(*txn, Family::kNode, "b", "h"),
            (Strings{"b=b1", "e=e0+m1+m2", "f=<>+fresh", "g=g1+after-put"}));
  EXPECT_EQ(Scan(*txn, Family::kNode, "h", ""), (Strings{"h=h1", "i=i0", "z=beyond-upper"}));
  EXPECT_EQ(Scan(*txn, Family::kNode, "", "a"), (Strings{"0=below-lower"}));

  auto it = txn->NewIterator(Family::kNode, "b", "h");
  it->Seek("c");  // deleted in the batch: skipped
  EXPECT_EQ(std::string(it->key()), "e");
  it->Seek("f");  // exists only as a merge operand in the batch
  EXPECT_EQ(std::string(it->value()), "<>+fresh");
}

TEST_P(IteratorTest, WritesDuringIterationDoNotDisturbIt) {
  auto txn = engine_->BeginWrite();
  txn->Put(Family::kNode, "d", "d1");
  auto it = txn->NewIterator(Family::kNode, "", "");
  std::vector<std::string> visited;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string key(it->key());
    visited.push_back(key);
    txn->Delete(Family::kNode, key);
    txn->Put(Family::kLabel, key, "moved");
  }
  EXPECT_TRUE(it->status().ok());
  it.reset();
  EXPECT_EQ(visited, (Strings{"a", "c", "d", "e", "g", "i"}));
  EXPECT_EQ(Scan(*txn, Family::kNode, "", ""), (Strings{}));
  ASSERT_TRUE(txn->Commit().ok());
  auto read = engine_->BeginRead();
  EXPECT_EQ(Scan(*read, Family::kNode, "", ""), (Strings{}));
  EXPECT_EQ(Scan(*read, Family::kLabel, "", "").size(), 6u);
}

TEST_P(IteratorTest, PrefixFamilyScansAreExactWithinAndAcrossPrefixes) {
  // adj has an 8-byte prefix extractor (the node id) by default.
  {
    auto txn = engine_->BeginWrite();
    for (uint64_t node : {1, 2, 3, 0x1ff}) {
      for (char suffix : {'x', 'y'}) txn->Put(Family::kAdj, NodeId(node) + suffix, "");
    }
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto keys = [](ReadView& view, std::string_view lower, std::string_view upper) {
    std::vector<std::string> out;
    auto it = view.NewIterator(Family::kAdj, lower, upper);
    for (it->SeekToFirst(); it->Valid(); it->Next()) out.emplace_back(it->key());
    EXPECT_TRUE(it->status().ok());
    return out;
  };
  for (bool flushed : {false, true}) {
    SCOPED_TRACE(flushed ? "from SST files" : "from memtables");
    if (flushed) {
      ASSERT_TRUE(engine_->Flush().ok());
    }
    auto read = engine_->BeginRead();
    // Within one prefix (upper = the next node id).
    EXPECT_EQ(keys(*read, NodeId(2), NodeId(3)), (Strings{NodeId(2) + 'x', NodeId(2) + 'y'}));
    EXPECT_EQ(keys(*read, NodeId(2) + 'y', NodeId(3)), (Strings{NodeId(2) + 'y'}));
    EXPECT_EQ(keys(*read, NodeId(7), NodeId(8)), (Strings{}));
    EXPECT_EQ(keys(*read, NodeId(0x1ff), NodeId(0x200)),
              (Strings{NodeId(0x1ff) + 'x', NodeId(0x1ff) + 'y'}));
    // Across prefixes (total order).
    EXPECT_EQ(keys(*read, NodeId(1) + 'y', NodeId(3)),
              (Strings{NodeId(1) + 'y', NodeId(2) + 'x', NodeId(2) + 'y'}));
    EXPECT_EQ(keys(*read, "", "").size(), 8u);
    // The same through a write transaction with pending entries in the range.
    auto txn = engine_->BeginWrite();
    txn->Put(Family::kAdj, NodeId(2) + 'a', "");
    txn->Put(Family::kAdj, NodeId(3) + 'a', "");
    EXPECT_EQ(keys(*txn, NodeId(2), NodeId(3)),
              (Strings{NodeId(2) + 'a', NodeId(2) + 'x', NodeId(2) + 'y'}));
    txn->Rollback();
  }
}

INSTANTIATE_TEST_SUITE_P(Memtables, IteratorTest,
                         ::testing::Values(Memtable::kSkipList, Memtable::kSmithSkipList,
                                           Memtable::kHashed, Memtable::kSlotted),
                         [](const ::testing::TestParamInfo<Memtable>& param) {
                           switch (param.param) {
                             case Memtable::kSkipList:
                               return "SkipList";
                             case Memtable::kSmithSkipList:
                               return "SmithSkipList";
                             case Memtable::kHashed:
                               return "Hashed";
                             case Memtable::kSlotted:
                               return "Slotted";
                           }
                           return "Unknown";
                         });

TEST(MemtableHashTest, ScanFamilyMustHashOnItsScanPrefix) {
  TempDir tmp;
  StorageOptions options;
  options.memtable_hash_prefix_bytes[FamilyIndex(Family::kAdj)] = 4;  // scan prefix is 8
  auto engine = Engine::Open(tmp.Sub("db"), options);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(engine.status().message().find("memtable_hash_prefix_bytes of family 'adj' is 4"),
            std::string::npos)
      << engine.status().ToString();
}

TEST(MemtableHashTest, KeysShorterThanTheHashPrefixAreRejected) {
  // RocksDB's hash memtable would read past the end of such a key.
  TempDir tmp;
  StorageOptions options;
  options.memtable_hash_prefix_bytes[FamilyIndex(Family::kNode)] = 8;
  auto engine = Engine::Open(tmp.Sub("db"), options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto txn = (*engine)->BeginWrite();
  txn->Put(Family::kNode, NodeId(1), "kept out too");
  txn->Put(Family::kNode, "short", "x");
  Status committed = txn->Commit();
  EXPECT_EQ(committed.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(committed.message().find("a key of 5 bytes in column family 'node', whose keys must be "
                                     "at least 8 bytes"),
            std::string::npos)
      << committed.ToString();
  auto read = (*engine)->BeginRead();
  EXPECT_EQ(Scan(*read, Family::kNode, "", ""), (Strings{}));  // nothing of the failed commit
  std::string value;
  EXPECT_EQ(read->Get(Family::kNode, "short", &value).status().code(),
            StatusCode::kInvalidArgument);
  auto found = read->Get(Family::kNode, NodeId(1), &value);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_FALSE(*found);
}

TEST(RangeWithinOnePrefixTest, RecognizesSinglePrefixRanges) {
  using internal::RangeWithinOnePrefix;
  EXPECT_TRUE(RangeWithinOnePrefix("ab", "ac", 2));    // upper = successor of the prefix
  EXPECT_TRUE(RangeWithinOnePrefix("abx", "ac", 2));   // lower inside the prefix
  EXPECT_TRUE(RangeWithinOnePrefix("abx", "abz", 2));  // both inside the prefix
  EXPECT_TRUE(RangeWithinOnePrefix("ab", "ab\xff\xff", 2));
  EXPECT_FALSE(RangeWithinOnePrefix("ab", "ad", 2));   // spans two prefixes
  EXPECT_FALSE(RangeWithinOnePrefix("ab", "acx", 2));  // reaches into the next prefix
  EXPECT_FALSE(RangeWithinOnePrefix("a\xff", std::string("b\0", 2), 2));  // past the successor
  // The successor of a prefix ending in 0xff is shorter (node id 255 -> the 7-byte "next").
  EXPECT_TRUE(RangeWithinOnePrefix("a\xff", "b", 2));
  EXPECT_TRUE(RangeWithinOnePrefix("a\xff\xff", "b", 3));
  EXPECT_TRUE(RangeWithinOnePrefix(NodeId(255), std::string(6, '\0') + '\x01', 8));
  EXPECT_FALSE(RangeWithinOnePrefix("a\xff", "c", 2));        // spans prefixes
  EXPECT_FALSE(RangeWithinOnePrefix("\xff\xff", "\xff", 2));  // no successor exists
  EXPECT_FALSE(RangeWithinOnePrefix("a", "b", 2));            // lower shorter than the prefix
  EXPECT_FALSE(RangeWithinOnePrefix("ab", "", 2));            // unbounded
  EXPECT_FALSE(RangeWithinOnePrefix("ab", "ac", 0));          // no prefix extractor
}

}  // namespace
}  // namespace smith::storage
