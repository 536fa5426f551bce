// NodeWalker reads the node family one memtable hash group (256 ids) at a time: it must yield
// exactly the live nodes in id order across group boundaries and empty groups, from memtables,
// files and a writer's pending state alike.
#include "graph/node_walker.h"

#include <gtest/gtest.h>

#include <vector>

#include "graph_fixture.h"
#include "storage/engine.h"

namespace smith::graph {
namespace {

class NodeWalkerTest : public GraphTest {
 protected:
  // Nodes 0..n-1; then every id in [512, 768) (one whole group) and every seventh id deleted.
  void Populate(int n) {
    auto w = graph_->BeginWrite();
    for (int i = 0; i < n; ++i) ASSERT_TRUE(w->CreateNode({}, {}).ok());
    ASSERT_TRUE(w->Commit().ok());
    w = graph_->BeginWrite();
    for (NodeId id = 0; id < static_cast<NodeId>(n); ++id) {
      if ((id >= 512 && id < 768) || id % 7 == 0) {
        ASSERT_TRUE(w->DeleteNode(id, false).ok());
      } else {
        live_.push_back(id);
      }
    }
    ASSERT_TRUE(w->Commit().ok());
  }

  // The first live id >= id, or -1.
  int64_t FirstLiveFrom(NodeId id) const {
    for (NodeId live : live_) {
      if (live >= id) return static_cast<int64_t>(live);
    }
    return -1;
  }

  void ExpectWalksLiveNodes() {
    auto reader = graph_->BeginRead();
    EXPECT_EQ(Ids(*reader->ScanAllNodes()), live_);
    auto walker = reader->NewNodeWalker();
    for (NodeId target : {0, 1, 255, 256, 300, 511, 512, 700, 767, 768, 1023, 1299, 1300, 5000}) {
      SCOPED_TRACE(target);
      walker->Seek(target);
      ASSERT_TRUE(walker->status().ok()) << walker->status().ToString();
      const int64_t expected = FirstLiveFrom(target);
      ASSERT_EQ(walker->Valid(), expected >= 0);
      if (expected >= 0) {
        EXPECT_EQ(static_cast<int64_t>(walker->id()), expected);
        walker->Next();  // the walk goes on from a seek
        EXPECT_EQ(walker->Valid() ? static_cast<int64_t>(walker->id()) : -1,
                  FirstLiveFrom(static_cast<NodeId>(expected) + 1));
      }
    }
  }

  std::vector<uint64_t> live_;
};

TEST_F(NodeWalkerTest, YieldsLiveNodesAcrossGroupsFromMemtablesFilesAndAfterReopen) {
  Populate(1300);  // six groups, the third one empty
  {
    SCOPED_TRACE("memtables");
    ExpectWalksLiveNodes();
  }
  ASSERT_TRUE(graph_->engine().Flush().ok());
  {
    SCOPED_TRACE("files");
    ExpectWalksLiveNodes();
  }
  Reopen();
  {
    SCOPED_TRACE("reopened");
    ExpectWalksLiveNodes();
  }
}

TEST_F(NodeWalkerTest, WriterSeesItsPendingNodesBeyondTheCommittedCounter) {
  Populate(600);
  auto w = graph_->BeginWrite();
  std::vector<uint64_t> expected = live_;
  for (int i = 0; i < 300; ++i) {  // ids 600..899: into a new group and past it
    auto id = w->CreateNode({}, {});
    ASSERT_TRUE(id.ok());
    expected.push_back(*id);
  }
  ASSERT_TRUE(w->DeleteNode(live_.front(), false).ok());
  expected.erase(expected.begin());
  EXPECT_EQ(Ids(*w->ScanAllNodes()), expected);
  // A reader that began before sees none of it.
  EXPECT_EQ(Ids(*graph_->BeginRead()->ScanAllNodes()), live_);
  w->Rollback();
  EXPECT_EQ(Ids(*graph_->BeginRead()->ScanAllNodes()), live_);
}

TEST_F(NodeWalkerTest, EmptyDatabase) {
  auto reader = graph_->BeginRead();
  EXPECT_EQ(Count(*reader->ScanAllNodes()), 0u);
  auto walker = reader->NewNodeWalker();
  walker->SeekToFirst();
  EXPECT_FALSE(walker->Valid());
  EXPECT_TRUE(walker->status().ok());
}

}  // namespace
}  // namespace smith::graph
