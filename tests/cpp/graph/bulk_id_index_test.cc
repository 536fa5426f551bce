// IdIndex: the import's external-id map. Checked against std::unordered_map over many keys
// (growth, long keys in the arena, colliding probes) and the remembered-miss shortcut between a
// Find and the Insert that follows it.
#include "graph/bulk_id_index.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

namespace smith::graph::bulk {
namespace {

TEST(IdIndexTest, AgreesWithUnorderedMapThroughGrowth) {
  IdIndex index;
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

TEST(IdIndexTest, InsertAfterAMissIsRightWhateverHappenedBetween) {
  IdIndex index;
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

}  // namespace
}  // namespace smith::graph::bulk
