// NodeRecordReader must answer exactly as GetNode for every access pattern: the sequential
// iterator path (long ascending runs), gaps, deleted ids, ids past the end, and the fallbacks.
#include "graph/node_record_reader.h"

#include <gtest/gtest.h>

#include <random>

#include "graph_fixture.h"

namespace smith::graph {
namespace {

class NodeRecordReaderTest : public GraphTest {
 protected:
  // Nodes 0..n-1 with x = id; every seventh deleted again.
  void Populate(int n) {
    auto w = graph_->BeginWrite();
    x_ = Key(*w, "x");
    for (int i = 0; i < n; ++i) ASSERT_TRUE(w->CreateNode({}, {{x_, Value::Int(i)}}).ok());
    ASSERT_TRUE(w->Commit().ok());
    w = graph_->BeginWrite();
    for (int i = 0; i < n; i += 7) ASSERT_TRUE(w->DeleteNode(i, false).ok());
    ASSERT_TRUE(w->Commit().ok());
  }

  // Reads `ids` through one NodeRecordReader and compares each answer with GetNode.
  void ExpectSameAsGetNode(const std::vector<NodeId>& ids) {
    auto reader = graph_->BeginRead();
    auto records = reader->NewNodeRecordReader();
    for (NodeId id : ids) {
      NodeRecord expected;
      NodeRecord got;
      auto want = reader->GetNode(id, &expected);
      auto have = records->Read(id, &got);
      ASSERT_TRUE(want.ok() && have.ok()) << id;
      ASSERT_EQ(*have, *want) << "node " << id;
      if (*want) {
        ASSERT_EQ(got.properties.size(), 1u);
        EXPECT_EQ(got.Find(x_)->AsInt(), static_cast<int64_t>(id));
      }
    }
  }

  TokenId x_ = 0;
};

TEST_F(NodeRecordReaderTest, AscendingScanWithGapsAndDeletedNodes) {
  Populate(500);
  std::vector<NodeId> ids;
  for (NodeId id = 0; id < 520; ++id) ids.push_back(id);  // runs past the last node
  ExpectSameAsGetNode(ids);
  std::vector<NodeId> strided;
  for (NodeId id = 3; id < 500; id += 5) strided.push_back(id);  // steps over several records
  ExpectSameAsGetNode(strided);
  std::vector<NodeId> jumps;
  for (NodeId id = 0; id < 500; id += 60) jumps.push_back(id);  // more than kMaxSteps apart
  ExpectSameAsGetNode(jumps);
}

TEST_F(NodeRecordReaderTest, DescendingRandomAndRepeatedIds) {
  Populate(300);
  std::vector<NodeId> ids;
  for (NodeId id = 0; id < 100; ++id) ids.push_back(id);  // warm up the iterator path
  for (NodeId id = 299;; --id) {
    ids.push_back(id);
    if (id == 0) break;
  }
  std::mt19937 rng(5);
  for (int i = 0; i < 200; ++i) ids.push_back(rng() % 320);
  for (NodeId id = 150; id < 200; ++id) {
    ids.push_back(id);
    ids.push_back(id);  // the same id twice in a row
  }
  ExpectSameAsGetNode(ids);
}

}  // namespace
}  // namespace smith::graph
