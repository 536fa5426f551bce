// Smith's memtable representations (storage/slot_memtable.h, storage/skiplist_memtable.h) under a
// raw RocksDB database, checked against a model: point reads, scans in both directions, seeks and
// seeks-for-prev to arbitrary targets in total order and in prefix mode, snapshots, the flush to an
// SST file, and readers running while the single writer inserts. Smith's own iterators only move
// forward; RocksDB's reverse iteration exercises the rest of the memtable's iterator contract here.
// The skip list runs with and without insert hints (one hint per key prefix).
#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "rocksdb/db.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/write_batch.h"
#include "storage/skiplist_memtable.h"
#include "storage/slot_memtable.h"
#include "test_util.h"

namespace smith::storage {
namespace {

using testing::TempDir;
using Model = std::map<std::string, std::string>;
using Strings = std::vector<std::string>;

constexpr size_t kPrefix = 2;

enum class Rep { kSlotted, kSkipList, kSkipListHinted };

class MemtableRepTest : public ::testing::TestWithParam<Rep> {
 protected:
  void SetUp() override {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.allow_concurrent_memtable_write = false;
    if (GetParam() == Rep::kSlotted) {
      // Few buckets, so that groups share bucket chains.
      options.memtable_factory.reset(internal::NewSlotMemTableRepFactory(3));
    } else {
      options.memtable_factory.reset(internal::NewSkipListMemTableRepFactory());
    }
    if (GetParam() == Rep::kSkipListHinted) {
      options.memtable_insert_with_hint_prefix_extractor.reset(
          rocksdb::NewFixedPrefixTransform(kPrefix));
    }
    // The skip list ignores the prefix extractor; reads in prefix mode then get its total-order
    // iterator, which RocksDB stops at the end of the prefix.
    options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(kPrefix));
    options.write_buffer_size = 64 << 20;  // nothing flushes unless the test asks
    rocksdb::DB* db = nullptr;
    rocksdb::Status s = rocksdb::DB::Open(options, tmp_.Sub("db"), &db);
    ASSERT_TRUE(s.ok()) << s.ToString();
    db_.reset(db);
  }

  void Put(const std::string& key, const std::string& value) {
    ASSERT_TRUE(db_->Put(rocksdb::WriteOptions(), key, value).ok());
    model_[key] = value;
  }
  void Delete(const std::string& key) {
    ASSERT_TRUE(db_->Delete(rocksdb::WriteOptions(), key).ok());
    model_.erase(key);
  }

  static rocksdb::ReadOptions TotalOrder(const rocksdb::Snapshot* snapshot = nullptr) {
    rocksdb::ReadOptions ro;
    ro.total_order_seek = true;
    ro.snapshot = snapshot;
    return ro;
  }

  Strings Forward(const rocksdb::ReadOptions& ro) {
    Strings out;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out.push_back(it->key().ToString() + "=" + it->value().ToString());
    }
    EXPECT_TRUE(it->status().ok()) << it->status().ToString();
    return out;
  }

  Strings Backward(const rocksdb::ReadOptions& ro) {
    Strings out;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
    for (it->SeekToLast(); it->Valid(); it->Prev()) {
      out.push_back(it->key().ToString() + "=" + it->value().ToString());
    }
    EXPECT_TRUE(it->status().ok()) << it->status().ToString();
    return out;
  }

  static Strings Entries(const Model& model) {
    Strings out;
    for (const auto& [k, v] : model) out.push_back(k + "=" + v);
    return out;
  }

  // Every read the memtable serves, against `model` (at `snapshot` when given).
  void CheckAgainst(const Model& model, const rocksdb::Snapshot* snapshot, std::mt19937_64& rng) {
    const Strings expected = Entries(model);
    EXPECT_EQ(Forward(TotalOrder(snapshot)), expected);
    EXPECT_EQ(Backward(TotalOrder(snapshot)), Strings(expected.rbegin(), expected.rend()));

    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(TotalOrder(snapshot)));
    rocksdb::ReadOptions prefix_ro;
    prefix_ro.prefix_same_as_start = true;
    prefix_ro.snapshot = snapshot;
    std::unique_ptr<rocksdb::Iterator> in_prefix(db_->NewIterator(prefix_ro));
    for (int i = 0; i < 200; ++i) {
      const std::string target = RandomKey(rng, /*min_length=*/0);
      SCOPED_TRACE("target '" + target + "'");
      // Seek: the first key >= target, then two steps either way.
      auto at = model.lower_bound(target);
      it->Seek(target);
      ExpectAt(*it, model, at);
      // (RocksDB's iterators must be valid to move: a mismatch above ends the steps.)
      if (at != model.end() && it->Valid() && std::next(at) != model.end()) {
        it->Next();
        ExpectAt(*it, model, std::next(at));
        if (it->Valid()) {
          it->Prev();
          ExpectAt(*it, model, at);
        }
      }
      if (at != model.end() && at != model.begin() && it->Valid()) {
        it->Prev();
        ExpectAt(*it, model, std::prev(at));
      }
      // SeekForPrev: the last key <= target.
      auto upper = model.upper_bound(target);
      it->SeekForPrev(target);
      ExpectAt(*it, model, upper == model.begin() ? model.end() : std::prev(upper));
      // Prefix mode: the keys >= target that share its prefix.
      if (target.size() >= kPrefix) {
        Strings want;
        for (auto k = at; k != model.end() && k->first.compare(0, kPrefix, target, 0, kPrefix) == 0;
             ++k) {
          want.push_back(k->first);
        }
        Strings got;
        for (in_prefix->Seek(target); in_prefix->Valid(); in_prefix->Next()) {
          got.push_back(in_prefix->key().ToString());
        }
        EXPECT_TRUE(in_prefix->status().ok());
        EXPECT_EQ(got, want);
        // Backwards: the keys <= target that share its prefix, in descending order.
        Strings want_back;
        for (auto k = upper; k != model.begin();) {
          --k;
          if (k->first.compare(0, kPrefix, target, 0, kPrefix) != 0) break;
          want_back.push_back(k->first);
        }
        Strings got_back;
        for (in_prefix->SeekForPrev(target); in_prefix->Valid(); in_prefix->Prev()) {
          got_back.push_back(in_prefix->key().ToString());
        }
        EXPECT_TRUE(in_prefix->status().ok());
        EXPECT_EQ(got_back, want_back);
      }
    }
    for (int i = 0; i < 200; ++i) {
      const std::string key = RandomKey(rng, kPrefix);
      std::string value;
      rocksdb::ReadOptions ro;
      ro.snapshot = snapshot;
      rocksdb::Status s = db_->Get(ro, key, &value);
      auto found = model.find(key);
      if (found == model.end()) {
        EXPECT_TRUE(s.IsNotFound()) << key << ": " << s.ToString();
      } else {
        ASSERT_TRUE(s.ok()) << key << ": " << s.ToString();
        EXPECT_EQ(value, found->second) << key;
      }
    }
  }

  static void ExpectAt(rocksdb::Iterator& it, const Model& model, Model::const_iterator want) {
    EXPECT_TRUE(it.status().ok()) << it.status().ToString();
    if (want == model.end()) {
      EXPECT_FALSE(it.Valid());
      return;
    }
    ASSERT_TRUE(it.Valid()) << "expected " << want->first;
    EXPECT_EQ(it.key().ToString(), want->first);
    EXPECT_EQ(it.value().ToString(), want->second);
  }

  // Keys of 2-4 bytes over a small alphabet: several groups (2-byte prefixes), keys equal to
  // their prefix (slot 0), and slots shared by several keys (3- and 4-byte keys).
  static std::string RandomKey(std::mt19937_64& rng, size_t min_length) {
    std::string key(min_length + rng() % (5 - min_length), '\0');
    for (char& c : key) c = "abcx\xff"[rng() % 5];
    return key;
  }

  TempDir tmp_;
  std::unique_ptr<rocksdb::DB> db_;
  Model model_;
};

TEST_P(MemtableRepTest, ReadsMatchAModelAtEverySnapshotAndAfterFlush) {
  std::mt19937_64 rng(5);
  std::vector<std::pair<const rocksdb::Snapshot*, Model>> snapshots;
  for (int round = 0; round < 6; ++round) {
    for (int op = 0; op < 150; ++op) {
      const std::string key = RandomKey(rng, kPrefix);
      if (rng() % 4 == 0) {
        Delete(key);
      } else {
        Put(key, std::to_string(round) + "." + std::to_string(op));
      }
    }
    snapshots.emplace_back(db_->GetSnapshot(), model_);
  }
  CheckAgainst(model_, nullptr, rng);
  for (const auto& [snapshot, model] : snapshots) {
    SCOPED_TRACE("snapshot " + std::to_string(snapshot->GetSequenceNumber()));
    CheckAgainst(model, snapshot, rng);
  }
  // The flush reads the memtable through its total-order iterator; RocksDB's table builder
  // requires that order.
  for (const auto& [snapshot, model] : snapshots) db_->ReleaseSnapshot(snapshot);
  ASSERT_TRUE(db_->Flush(rocksdb::FlushOptions()).ok());
  CheckAgainst(model_, nullptr, rng);
}

TEST_P(MemtableRepTest, EmptyMemtableAndMissingGroups) {
  std::mt19937_64 rng(9);
  CheckAgainst(model_, nullptr, rng);
  Put("ab", "1");
  Put("abc", "2");
  CheckAgainst(model_, nullptr, rng);
  rocksdb::ReadOptions prefix_ro;
  prefix_ro.prefix_same_as_start = true;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(prefix_ro));
  it->Seek("zz");  // no such group
  EXPECT_FALSE(it->Valid());
  it->Seek("ab");
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->key().ToString(), "ab");
}

TEST_P(MemtableRepTest, ReadersSeeWholeCommitsWhileTheWriterInserts) {
  // Each commit sets every key to the round's number. A reader iterating at its implicit
  // snapshot must see every key exactly once, in order, all with one round's value.
  Strings keys;
  for (int i = 0; i < 600; ++i) {
    keys.push_back(std::string{static_cast<char>('a' + i % 7), static_cast<char>(i / 7)} +
                   std::string(i % 3, 'k'));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  auto commit = [&](int round) {
    rocksdb::WriteBatch batch;
    for (const std::string& k : keys) batch.Put(k, std::to_string(round));
    return db_->Write(rocksdb::WriteOptions(), &batch);
  };
  constexpr int kRounds = 300;
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<int> scans{0};
  auto reader = [&](bool total_order) {
    while (!done.load()) {
      rocksdb::ReadOptions ro;
      ro.total_order_seek = total_order;
      ro.prefix_same_as_start = !total_order;
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
      Strings seen;
      std::optional<std::string> value;
      bool consistent = true;
      if (total_order) {
        for (it->SeekToFirst(); it->Valid(); it->Next()) {
          seen.push_back(it->key().ToString());
          if (value && *value != it->value().ToString()) consistent = false;
          value = it->value().ToString();
        }
      } else {
        for (const std::string& k : keys) {
          it->Seek(k);
          if (!it->Valid() || it->key().ToString() != k) break;
          seen.push_back(k);
          if (value && *value != it->value().ToString()) consistent = false;
          value = it->value().ToString();
        }
      }
      // Before the first commit (readers start first, so that the groups are created, and their
      // bucket chains grow, while they read) the memtable is empty.
      if (!it->status().ok() || (seen != keys && !seen.empty()) || !consistent) {
        failures.fetch_add(1);
      }
      scans.fetch_add(1);
    }
  };
  std::thread ordered(reader, true);
  std::thread prefixed(reader, false);
  for (int round = 0; round <= kRounds; ++round) {
    ASSERT_TRUE(commit(round).ok());
  }
  done.store(true);
  ordered.join();
  prefixed.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(scans.load(), 1);
  std::string value;
  ASSERT_TRUE(db_->Get(rocksdb::ReadOptions(), keys.front(), &value).ok());
  EXPECT_EQ(value, std::to_string(kRounds));
}

TEST_P(MemtableRepTest, ManyKeysInAscendingRunsAndAtRandom) {
  // Enough keys for skip-list towers of six or more levels. Ascending runs within one prefix are
  // what insert hints serve (ids allocated in sequence); runs of several prefixes interleave, and
  // random keys split the brackets hints remember.
  std::mt19937_64 rng(11);
  auto id_key = [](char prefix, uint32_t id) {
    std::string key{prefix, 'k'};
    for (int shift = 24; shift >= 0; shift -= 8) key.push_back(static_cast<char>(id >> shift));
    return key;
  };
  uint32_t next_id[3] = {0, 0, 0};
  for (int batch = 0; batch < 40; ++batch) {
    rocksdb::WriteBatch write;
    for (int i = 0; i < 500; ++i) {
      std::string key;
      if (rng() % 3 == 0) {
        key = id_key("abc"[rng() % 3], static_cast<uint32_t>(rng() % 30000));
      } else {
        const int p = static_cast<int>(rng() % 3);
        key = id_key("abc"[p], next_id[p]);
        next_id[p] += 1 + static_cast<uint32_t>(rng() % 3);
      }
      const std::string value = std::to_string(batch) + "." + std::to_string(i);
      if (rng() % 10 == 0) {
        write.Delete(key);
        model_.erase(key);
      } else {
        write.Put(key, value);
        model_[key] = value;
      }
    }
    ASSERT_TRUE(db_->Write(rocksdb::WriteOptions(), &write).ok());
  }
  ASSERT_GT(model_.size(), 10000u);
  const Strings expected = Entries(model_);
  EXPECT_EQ(Forward(TotalOrder()), expected);
  EXPECT_EQ(Backward(TotalOrder()), Strings(expected.rbegin(), expected.rend()));
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(TotalOrder()));
  for (int i = 0; i < 2000; ++i) {
    const std::string target = id_key("abcd"[rng() % 4], static_cast<uint32_t>(rng() % 40000));
    const auto at = model_.lower_bound(target);
    it->Seek(target);
    ExpectAt(*it, model_, at);
    if (at != model_.end() && it->Valid()) {
      it->Prev();  // a search from the top for the node before, across tall towers
      ExpectAt(*it, model_, at == model_.begin() ? model_.end() : std::prev(at));
    }
    const auto upper = model_.upper_bound(target);
    it->SeekForPrev(target);
    ExpectAt(*it, model_, upper == model_.begin() ? model_.end() : std::prev(upper));
    if (upper != model_.begin() && it->Valid()) {
      it->Next();
      ExpectAt(*it, model_, upper);
    }
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), target, &value);
    auto found = model_.find(target);
    EXPECT_EQ(s.ok(), found != model_.end()) << s.ToString();
    if (s.ok() && found != model_.end()) {
      EXPECT_EQ(value, found->second);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Reps, MemtableRepTest,
                         ::testing::Values(Rep::kSlotted, Rep::kSkipList, Rep::kSkipListHinted),
                         [](const ::testing::TestParamInfo<Rep>& param) {
                           switch (param.param) {
                             case Rep::kSlotted:
                               return "Slotted";
                             case Rep::kSkipList:
                               return "SkipList";
                             case Rep::kSkipListHinted:
                               return "SkipListHinted";
                           }
                           return "Unknown";
                         });

}  // namespace
}  // namespace smith::storage
