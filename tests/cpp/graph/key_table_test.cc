// KeyTable: the writer's key index cache and the import's external-id map. Checked against
// std::unordered_map over many keys (growth, long keys in the arena, colliding probes, erase with
// backward shift, arena reclamation) and the remembered-miss shortcut between a Find and the
// insert that follows it.
#include "graph/key_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

namespace smith::graph {
namespace {

TEST(KeyTableTest, AgreesWithUnorderedMapThroughGrowth) {
  KeyTable index;
  std::unordered_map<std::string, uint64_t> expected;
  std::mt19937_64 rng(11);
  for (uint64_t i = 0; i < 50000; ++i) {
    // Short keys stay inline in the slot, long ones go to the arena.
    std::string key = (i % 3 == 0) ? "a-rather-long-external-identifier-" + std::to_string(rng())
                                   : std::to_string(rng() % 200000);
    const bool fresh = !expected.contains(key);
    EXPECT_EQ(index.Find(key).has_value(), !fresh) << key;
    EXPECT_EQ(index.Insert(key, i), fresh) << key;
    if (fresh) expected.emplace(key, i);
  }
  EXPECT_EQ(index.size(), expected.size());
  for (const auto& [key, node] : expected) EXPECT_EQ(index.Find(key), node) << key;
  EXPECT_FALSE(index.Find("absent").has_value());
}

TEST(KeyTableTest, InsertAfterAMissIsRightWhateverHappenedBetween) {
  KeyTable index;
  ASSERT_FALSE(index.Find("a").has_value());
  // Another key inserted between the miss and the insert may take the remembered slot.
  ASSERT_TRUE(index.Insert("b", 2));
  ASSERT_TRUE(index.Insert("a", 1));
  EXPECT_EQ(index.Find("a"), 1u);
  EXPECT_EQ(index.Find("b"), 2u);
  // A miss for one key, then an insert of another: the other key must probe for itself.
  ASSERT_FALSE(index.Find("c").has_value());
  ASSERT_TRUE(index.Insert("d", 4));
  EXPECT_FALSE(index.Insert("b", 9));  // still a duplicate
  ASSERT_TRUE(index.Insert("c", 3));
  // Misses followed by inserts across several table growths.
  for (uint64_t i = 0; i < 5000; ++i) {
    std::string key = "k" + std::to_string(i);
    ASSERT_FALSE(index.Find(key).has_value());
    ASSERT_TRUE(index.Insert(key, 100 + i));
  }
  for (uint64_t i = 0; i < 5000; ++i) EXPECT_EQ(index.Find("k" + std::to_string(i)), 100 + i);
  EXPECT_EQ(index.Find("c"), 3u);
  EXPECT_EQ(index.Find("d"), 4u);
  EXPECT_EQ(index.size(), 5004u);
}

TEST(KeyTableTest, AssignEraseAndFindAgreeWithUnorderedMapUnderChurn) {
  KeyTable table;
  std::unordered_map<std::string, uint64_t> expected;
  std::mt19937_64 rng(5);
  // Few distinct keys and many operations: probe runs form, break and re-form; long keys make
  // the arena fill with erased bytes and be rebuilt.
  auto key_of = [](uint64_t k) {
    return k % 4 == 0 ? "a-key-long-enough-for-the-arena-" + std::to_string(k) : std::to_string(k);
  };
  for (uint64_t step = 0; step < 400000; ++step) {
    const std::string key = key_of(rng() % 3000);
    auto known = expected.find(key);
    std::optional<uint64_t> before;
    if (known != expected.end()) before = known->second;
    switch (rng() % 4) {
      case 0:
      case 1:
        ASSERT_EQ(table.Assign(key, step), before) << key;
        expected[key] = step;
        break;
      case 2:
        ASSERT_EQ(table.Erase(key), before) << key;
        expected.erase(key);
        break;
      default:
        ASSERT_EQ(table.Find(key), before) << key;
        if (!before) {
          // The remembered miss must not outlive an erase or assign of another key.
          const std::string other = key_of(rng() % 3000);
          if (other != key) {
            table.Erase(other);
            expected.erase(other);
          }
          ASSERT_TRUE(table.Insert(key, step));
          expected[key] = step;
        }
    }
    ASSERT_EQ(table.size(), expected.size());
  }
  for (const auto& [key, id] : expected) EXPECT_EQ(table.Find(key), id) << key;
  for (uint64_t k = 0; k < 3000; ++k) {
    EXPECT_EQ(table.Find(key_of(k)).has_value(), expected.contains(key_of(k))) << k;
  }
}

TEST(KeyTableTest, EraseKeepsCollidingKeysReachableAcrossTheWrapAround) {
  // Many keys in a small table: long probe runs, some wrapping past the last slot.
  KeyTable table;
  for (uint64_t i = 0; i < 700; ++i) ASSERT_TRUE(table.Insert("k" + std::to_string(i), i));
  for (uint64_t i = 0; i < 700; i += 2) ASSERT_EQ(table.Erase("k" + std::to_string(i)), i);
  for (uint64_t i = 0; i < 700; ++i) {
    EXPECT_EQ(table.Find("k" + std::to_string(i)),
              i % 2 == 0 ? std::nullopt : std::optional<uint64_t>(i))
        << i;
  }
  EXPECT_EQ(table.Erase("k0"), std::nullopt);
  EXPECT_EQ(table.size(), 350u);
}

TEST(KeyTableTest, MovedFromTableIsEmptyAndUsable) {
  KeyTable a;
  ASSERT_TRUE(a.Insert("x", 1));
  KeyTable b(std::move(a));
  EXPECT_EQ(b.Find("x"), 1u);
  EXPECT_FALSE(a.Find("x").has_value());  // NOLINT(bugprone-use-after-move): defined as empty
  EXPECT_TRUE(a.Insert("y", 2));
  EXPECT_EQ(a.Find("y"), 2u);
  a = std::move(b);
  EXPECT_EQ(a.Find("x"), 1u);
  EXPECT_FALSE(a.Find("y").has_value());
}

}  // namespace
}  // namespace smith::graph
