// Nodes, relationships, labels, adjacency and transactions of the graph layer.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "graph/consistency_check.h"
#include "graph_fixture.h"
#include "storage/engine.h"

namespace smith::graph {
namespace {

TEST_F(GraphTest, CreateNodeWithLabelsAndPropertiesReadsBack) {
  auto w = graph_->BeginWrite();
  TokenId person = Label(*w, "Person");
  TokenId admin = Label(*w, "Admin");
  TokenId name = Key(*w, "name");
  TokenId age = Key(*w, "age");
  auto id =
      w->CreateNode({admin, person, admin}, {{name, Value::String("Ada")}, {age, Value::Int(36)}});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(w->counters().nodes_created, 1);
  EXPECT_EQ(w->counters().labels_added, 2);
  EXPECT_EQ(w->counters().properties_set, 2);
  ASSERT_TRUE(w->Commit().ok());

  auto r = graph_->BeginRead();
  NodeRecord node;
  ASSERT_TRUE(r->GetNode(*id, &node).value());
  EXPECT_EQ(node.labels, (std::vector<TokenId>{std::min(person, admin), std::max(person, admin)}));
  ASSERT_NE(node.Find(name), nullptr);
  EXPECT_EQ(node.Find(name)->ToString(), "'Ada'");
  EXPECT_EQ(node.Find(age)->AsInt(), 36);
  EXPECT_EQ(Count(*r->ScanLabel(person)), 1u);
  EXPECT_EQ(Count(*r->ScanAllNodes()), 1u);
}

TEST_F(GraphTest, RelationshipsAppearInBothAdjacencyDirections) {
  auto w = graph_->BeginWrite();
  TokenId knows = Type(*w, "KNOWS");
  TokenId since = Key(*w, "since");
  NodeId a = w->CreateNode({}, {}).value();
  NodeId b = w->CreateNode({}, {}).value();
  auto rel = w->CreateRel(knows, a, b, {{since, Value::Int(2020)}});
  ASSERT_TRUE(rel.ok()) << rel.status().ToString();
  ASSERT_TRUE(w->Commit().ok());

  auto r = graph_->BeginRead();
  keys::AdjEntry e;
  auto out = r->Expand(a, Direction::kOutgoing);
  ASSERT_TRUE(out->Next(&e));
  EXPECT_EQ(e.other, b);
  EXPECT_EQ(e.rel, *rel);
  EXPECT_EQ(e.type, knows);
  EXPECT_FALSE(out->Next(&e));
  auto in = r->Expand(b, Direction::kIncoming, knows, a);
  ASSERT_TRUE(in->Next(&e));
  EXPECT_EQ(e.rel, *rel);
  EXPECT_FALSE(r->Expand(a, Direction::kIncoming)->Next(&e));
  RelRecord record;
  ASSERT_TRUE(r->GetRel(*rel, &record).value());
  EXPECT_EQ(record.start, a);
  EXPECT_EQ(record.end, b);
  EXPECT_EQ(record.Find(since)->AsInt(), 2020);
  EXPECT_EQ(Count(*r->ScanRelType(knows)), 1u);
  EXPECT_EQ(Count(*r->ScanAllRels()), 1u);
}

// The writer answers Expand from the snapshot plus its own pending adjacency (not from the
// storage transaction's index): committed, created-in-transaction and deleted relationships must
// all show correctly, in key order, also across chunk commits.
TEST_F(GraphTest, WriterExpandSeesItsOwnCreatesAndDeletesInKeyOrder) {
  NodeId a, b, c;
  RelId old_ab, old_ac;
  TokenId knows;
  {
    auto w = graph_->BeginWrite();
    knows = Type(*w, "KNOWS");
    a = w->CreateNode({}, {}).value();
    b = w->CreateNode({}, {}).value();
    c = w->CreateNode({}, {}).value();
    old_ab = w->CreateRel(knows, a, b, {}).value();
    old_ac = w->CreateRel(knows, a, c, {}).value();
    ASSERT_TRUE(w->Commit().ok());
  }
  auto rels_of = [](AdjCursor& cursor) {
    std::vector<RelId> rels;
    keys::AdjEntry e;
    while (cursor.Next(&e)) rels.push_back(e.rel);
    EXPECT_TRUE(cursor.status().ok()) << cursor.status().ToString();
    return rels;
  };
  auto w = graph_->BeginWrite();
  RelId new_ab = w->CreateRel(knows, a, b, {}).value();
  RelId new_ba = w->CreateRel(knows, b, a, {}).value();
  ASSERT_TRUE(w->DeleteRel(old_ac).ok());
  // Outgoing from a: KNOWS to b (old, then new: same prefix, ascending rel id); c's is deleted.
  EXPECT_EQ(rels_of(*w->Expand(a, Direction::kOutgoing)), (std::vector<RelId>{old_ab, new_ab}));
  EXPECT_EQ(rels_of(*w->Expand(a, Direction::kIncoming, knows, b)), std::vector<RelId>{new_ba});
  EXPECT_EQ(rels_of(*w->Expand(a)), (std::vector<RelId>{old_ab, new_ab, new_ba}));
  EXPECT_TRUE(rels_of(*w->Expand(c)).empty());
  ASSERT_TRUE(w->DeleteRel(new_ab).ok());
  EXPECT_EQ(rels_of(*w->Expand(b, Direction::kIncoming)), std::vector<RelId>{old_ab});
  ASSERT_TRUE(w->CommitChunk().ok());
  RelId after_chunk = w->CreateRel(knows, c, a, {}).value();
  EXPECT_EQ(rels_of(*w->Expand(a)), (std::vector<RelId>{old_ab, new_ba, after_chunk}));
  w->Rollback();
  auto r = graph_->BeginRead();
  EXPECT_EQ(rels_of(*r->Expand(a)), (std::vector<RelId>{old_ab, new_ba}));
}

// Expand cursors in both prefix modes (a node's whole adjacency is one prefix range except when
// its id ends in 0xff, where the range's end carries into the id) alternate while a writer
// detaches and deletes many nodes; a cursor may also be destroyed after its writer.
TEST_F(GraphTest, WriterExpandAcrossPrefixModesAndCursorOutlivingItsWriter) {
  constexpr int kNodes = 600;
  TokenId knows;
  std::vector<NodeId> nodes;
  {
    auto w = graph_->BeginWrite();
    knows = Type(*w, "KNOWS");
    for (int i = 0; i < kNodes; ++i) nodes.push_back(w->CreateNode({}, {}).value());
    for (int i = 0; i + 1 < kNodes; ++i)
      ASSERT_TRUE(w->CreateRel(knows, nodes[i], nodes[i + 1], {}).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  {
    auto w = graph_->BeginWrite();
    for (int i = 0; i < kNodes; i += 2) {
      keys::AdjEntry e;
      auto out = w->Expand(nodes[i], Direction::kOutgoing, knows);  // prefix mode
      int outgoing = 0;
      while (out->Next(&e)) ++outgoing;
      EXPECT_EQ(outgoing, i + 1 < kNodes ? 1 : 0) << i;
      out.reset();
      ASSERT_TRUE(w->DeleteNode(nodes[i], /*detach=*/true).ok()) << i;  // whole adjacency
    }
    ASSERT_TRUE(w->Commit().ok());
  }
  auto r = graph_->BeginRead();
  size_t rels = 0;
  for (int i = 1; i < kNodes; i += 2) {
    keys::AdjEntry e;
    auto all = r->Expand(nodes[i]);
    while (all->Next(&e)) ++rels;
  }
  EXPECT_EQ(rels, 0u);  // every relationship touched an even node
  r.reset();
  // Destroying a cursor after its writer is safe (it must not be used any more).
  auto w = graph_->BeginWrite();
  auto cursor = w->Expand(nodes[1]);
  w.reset();
  cursor.reset();
}

// The writer reuses the storage iterators of finished Expand cursors (rebinding their bounds).
// Cursors open at the same time must each keep their own, whatever order they finish in.
TEST_F(GraphTest, WriterExpandCursorsOpenTogetherStayIndependent) {
  constexpr int kNodes = 6;
  std::vector<NodeId> nodes;
  TokenId knows;
  {
    auto w = graph_->BeginWrite();
    knows = Type(*w, "KNOWS");
    for (int i = 0; i < kNodes; ++i) nodes.push_back(w->CreateNode({}, {}).value());
    // Node i knows every node after it.
    for (int i = 0; i < kNodes; ++i) {
      for (int j = i + 1; j < kNodes; ++j)
        ASSERT_TRUE(w->CreateRel(knows, nodes[i], nodes[j], {}).ok());
    }
    ASSERT_TRUE(w->Commit().ok());
  }
  auto w = graph_->BeginWrite();
  for (int round = 0; round < 3; ++round) {
    // Two-hop walk: an outer cursor per node stays open while inner cursors come and go.
    int paths = 0;
    for (int i = 0; i < kNodes; ++i) {
      auto outer = w->Expand(nodes[i], Direction::kOutgoing, knows);
      keys::AdjEntry first;
      int outgoing = 0;
      while (outer->Next(&first)) {
        ++outgoing;
        auto inner = w->Expand(first.other, Direction::kOutgoing, knows);
        keys::AdjEntry second;
        while (inner->Next(&second)) ++paths;
        ASSERT_TRUE(inner->status().ok());
      }
      ASSERT_TRUE(outer->status().ok());
      EXPECT_EQ(outgoing, kNodes - 1 - i) << "node " << i << " round " << round;
    }
    // Paths i < j < k: C(6, 3) = 20.
    EXPECT_EQ(paths, 20) << "round " << round;
  }
}

TEST_F(GraphTest, ReaderExpandReusesIteratorsAcrossPrefixModesAndNestedCursors) {
  // A chain 0 -> 1 -> ... -> 299, expanded in both directions (the prefix of node 255 has a
  // shorter successor) and in one, with nested cursors: pooled iterators must be rebound
  // correctly and nested cursors stay independent.
  constexpr int kNodes = 300;
  std::vector<NodeId> nodes;
  TokenId next;
  {
    auto w = graph_->BeginWrite();
    next = Type(*w, "NEXT");
    for (int i = 0; i < kNodes; ++i) nodes.push_back(w->CreateNode({}, {}).value());
    for (int i = 0; i + 1 < kNodes; ++i)
      ASSERT_TRUE(w->CreateRel(next, nodes[i], nodes[i + 1], {}).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  auto r = graph_->BeginRead();
  for (int round = 0; round < 2; ++round) {
    int two_hops = 0;
    for (int i = 0; i < kNodes; ++i) {
      auto outer = r->Expand(nodes[i]);  // both directions
      keys::AdjEntry first;
      int degree = 0;
      while (outer->Next(&first)) {
        ++degree;
        auto inner = r->Expand(first.other, Direction::kOutgoing, next);
        keys::AdjEntry second;
        while (inner->Next(&second)) ++two_hops;
        ASSERT_TRUE(inner->status().ok());
      }
      ASSERT_TRUE(outer->status().ok());
      EXPECT_EQ(degree, (i > 0) + (i + 1 < kNodes)) << "node " << i << " round " << round;
    }
    // From each node i, one hop either way, then one outgoing hop: (i-1 -> i) for i >= 1 and
    // (i+1 -> i+2) for i + 2 < kNodes.
    EXPECT_EQ(two_hops, (kNodes - 1) + (kNodes - 2)) << "round " << round;
  }
}

TEST_F(GraphTest, CreateRelToMissingNodeFailsAndWritesNothing) {
  auto w = graph_->BeginWrite();
  TokenId t = Type(*w, "T");
  NodeId a = w->CreateNode({}, {}).value();
  auto rel = w->CreateRel(t, a, 999, {});
  EXPECT_TRUE(rel.status().IsNotFound()) << rel.status().ToString();
  EXPECT_EQ(Count(*w->ScanAllRels()), 0u);
}

TEST_F(GraphTest, CommittedDataSurvivesReopenAndIdsAreNotReused) {
  NodeId first;
  {
    auto w = graph_->BeginWrite();
    TokenId l = Label(*w, "L");
    first = w->CreateNode({l}, {}).value();
    ASSERT_TRUE(w->Commit().ok());
  }
  Reopen();
  auto w = graph_->BeginWrite();
  auto label = w->FindToken(TokenKind::kLabel, "L");
  ASSERT_TRUE(label.has_value());
  EXPECT_EQ(Count(*w->ScanLabel(*label)), 1u);
  ASSERT_TRUE(w->DeleteNode(first, false).ok());
  NodeId second = w->CreateNode({*label}, {}).value();
  EXPECT_GT(second, first);
}

TEST_F(GraphTest, RollbackLeavesNoTraceIncludingTokensAndIds) {
  NodeId rolled_back;
  {
    auto w = graph_->BeginWrite();
    TokenId l = Label(*w, "Ghost");
    rolled_back = w->CreateNode({l}, {{Key(*w, "p"), Value::Int(1)}}).value();
    w->Rollback();
  }
  EXPECT_FALSE(graph_->tokens().Find(TokenKind::kLabel, "Ghost").has_value());
  auto r = graph_->BeginRead();
  EXPECT_EQ(Count(*r->ScanAllNodes()), 0u);
  r.reset();
  auto w = graph_->BeginWrite();
  EXPECT_EQ(w->CreateNode({}, {}).value(), rolled_back);  // the id was never used
}

TEST_F(GraphTest, DestroyingAnUncommittedWriterRollsBack) {
  {
    auto w = graph_->BeginWrite();
    ASSERT_TRUE(w->CreateNode({}, {}).ok());
  }
  Reopen();
  EXPECT_EQ(Count(*graph_->BeginRead()->ScanAllNodes()), 0u);
}

TEST_F(GraphTest, ReadersSeeTheirSnapshotWhileTheWriterCommits) {
  auto before = graph_->BeginRead();
  auto w = graph_->BeginWrite();
  ASSERT_TRUE(w->CreateNode({}, {}).ok());
  EXPECT_EQ(Count(*w->ScanAllNodes()), 1u);  // read-your-own-writes
  EXPECT_EQ(Count(*before->ScanAllNodes()), 0u);
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(Count(*before->ScanAllNodes()), 0u);
  EXPECT_EQ(Count(*graph_->BeginRead()->ScanAllNodes()), 1u);
}

TEST_F(GraphTest, UpdateNodeMergesPropertiesAndLabels) {
  auto w = graph_->BeginWrite();
  TokenId a = Label(*w, "A");
  TokenId b = Label(*w, "B");
  TokenId x = Key(*w, "x");
  TokenId y = Key(*w, "y");
  NodeId n = w->CreateNode({a}, {{x, Value::Int(1)}, {y, Value::Int(2)}}).value();
  ASSERT_TRUE(w->Commit().ok());

  w = graph_->BeginWrite();
  RecordPatch patch;
  patch.add_labels = {b, a};
  patch.set = {{x, Value::String("one")}};
  ASSERT_TRUE(w->UpdateNode(n, patch).ok());
  EXPECT_EQ(w->counters().labels_added, 1);  // A was already there
  EXPECT_EQ(w->counters().properties_set, 1);
  NodeRecord seen;
  ASSERT_TRUE(w->GetNode(n, &seen).value());  // the pending merge operand is visible
  EXPECT_EQ(seen.Find(x)->ToString(), "'one'");
  EXPECT_EQ(seen.Find(y)->AsInt(), 2);
  EXPECT_TRUE(seen.HasLabel(b));

  RecordPatch removal;
  removal.unset = {y, x};
  removal.remove_labels = {a};
  ASSERT_TRUE(w->UpdateNode(n, removal).ok());
  EXPECT_EQ(w->counters().properties_set, 3);
  EXPECT_EQ(w->counters().labels_removed, 1);
  ASSERT_TRUE(w->Commit().ok());

  auto r = graph_->BeginRead();
  ASSERT_TRUE(r->GetNode(n, &seen).value());
  EXPECT_TRUE(seen.properties.empty());
  EXPECT_EQ(seen.labels, std::vector<TokenId>{b});
  EXPECT_EQ(Count(*r->ScanLabel(a)), 0u);
  EXPECT_EQ(Count(*r->ScanLabel(b)), 1u);
}

TEST_F(GraphTest, ManyBlindUpdatesFoldIntoTheRecordAcrossFlushes) {
  auto w = graph_->BeginWrite();
  TokenId x = Key(*w, "x");
  NodeId n = w->CreateNode({}, {{x, Value::Int(0)}}).value();
  ASSERT_TRUE(w->Commit().ok());
  for (int i = 1; i <= 50; ++i) {
    w = graph_->BeginWrite();
    ASSERT_TRUE(w->UpdateNode(n, RecordPatch{{}, {}, {{x, Value::Int(i)}}, {}}).ok());
    ASSERT_TRUE(w->Commit().ok());
    if (i % 20 == 0) {
      ASSERT_TRUE(graph_->engine().Flush().ok());
    }
  }
  w.reset();
  Reopen();
  NodeRecord seen;
  ASSERT_TRUE(graph_->BeginRead()->GetNode(n, &seen).value());
  EXPECT_EQ(seen.Find(x)->AsInt(), 50);
}

TEST_F(GraphTest, DeleteNodeWithRelationshipsNeedsDetach) {
  auto w = graph_->BeginWrite();
  TokenId t = Type(*w, "T");
  NodeId a = w->CreateNode({}, {}).value();
  NodeId b = w->CreateNode({}, {}).value();
  ASSERT_TRUE(w->CreateRel(t, a, b, {}).ok());
  ASSERT_TRUE(w->CreateRel(t, a, a, {}).ok());  // self loop
  ASSERT_TRUE(w->Commit().ok());

  w = graph_->BeginWrite();
  Status refused = w->DeleteNode(a, false);
  EXPECT_TRUE(refused.IsConstraintViolation()) << refused.ToString();
  EXPECT_NE(refused.message().find("still has relationships"), std::string_view::npos);
  ASSERT_TRUE(w->DeleteNode(a, true).ok());
  EXPECT_EQ(w->counters().relationships_deleted, 2);
  ASSERT_TRUE(w->Commit().ok());

  auto r = graph_->BeginRead();
  EXPECT_EQ(Count(*r->ScanAllRels()), 0u);
  keys::AdjEntry e;
  EXPECT_FALSE(r->Expand(b)->Next(&e));
  EXPECT_EQ(Count(*r->ScanAllNodes()), 1u);
}

TEST_F(GraphTest, UpdateOfMissingElementsIsNotFound) {
  auto w = graph_->BeginWrite();
  EXPECT_TRUE(w->UpdateNode(42, RecordPatch{}).IsNotFound());
  EXPECT_TRUE(w->DeleteNode(42, true).IsNotFound());
  EXPECT_TRUE(w->DeleteRel(42).IsNotFound());
  EXPECT_TRUE(w->UpdateRel(42, 0, RecordPatch{}).IsNotFound());
}

TEST_F(GraphTest, WriterFinishedCannotBeUsed) {
  auto w = graph_->BeginWrite();
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_FALSE(w->CreateNode({}, {}).ok());
  EXPECT_FALSE(w->Commit().ok());
}

// Regression: writer state (id counters, key index, label table) must be published before the
// next writer starts; otherwise concurrent writers reuse ids and overwrite each other's nodes.
TEST_F(GraphTest, ConcurrentWritersLoseNothing) {
  {
    auto w = graph_->BeginWrite();
    TokenId l = Label(*w, "L");
    TokenId k = Key(*w, "k");
    ASSERT_TRUE(
        w->CreateSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kNode, "l_k", l, {k})
            .ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  constexpr int kThreads = 4;
  constexpr int kTransactions = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTransactions; ++i) {
        auto w = graph_->BeginWrite();
        TokenId l = *w->FindToken(TokenKind::kLabel, "L");
        TokenId k = *w->FindToken(TokenKind::kPropertyKey, "k");
        for (int n = 0; n < 4; ++n) {
          Value key = Value::Int(t * 10000 + i * 10 + n);
          if (!w->CreateNode({l}, {{k, key}}).ok()) failures++;
        }
        if (!w->Commit().ok()) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto r = graph_->BeginRead();
  auto ids = Ids(*r->ScanAllNodes());
  EXPECT_EQ(ids.size(), static_cast<size_t>(kThreads * kTransactions * 4));
  EXPECT_EQ(Count(*r->ScanLabel(0)), ids.size());
}

TEST_F(GraphTest, CommitChunkKeepsGoing) {
  auto w = graph_->BeginWrite();
  ASSERT_TRUE(w->CreateNode({}, {}).ok());
  ASSERT_TRUE(w->CommitChunk().ok());
  EXPECT_EQ(Count(*graph_->BeginRead()->ScanAllNodes()), 1u);
  ASSERT_TRUE(w->CreateNode({}, {}).ok());
  w->Rollback();
  EXPECT_EQ(Count(*graph_->BeginRead()->ScanAllNodes()), 1u);
}

// Records of elements created by a transaction stay in memory until commit; updates rewrite them
// in place. Every read path of the transaction must still see them, and the committed result
// must be exactly what the operations describe, with exact index entries.
TEST_F(GraphTest, ElementsCreatedAndUpdatedInOneTransactionReadBackEverywhere) {
  auto w = graph_->BeginWrite();
  TokenId a = Label(*w, "A");
  TokenId t = Type(*w, "T");
  TokenId x = Key(*w, "x");
  TokenId y = Key(*w, "y");
  ASSERT_TRUE(
      w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "a_y", a, {y}).ok());
  ASSERT_TRUE(w->Commit().ok());

  w = graph_->BeginWrite();
  NodeId n = w->CreateNode({a}, {{x, Value::Int(1)}}).value();
  NodeId m = w->CreateNode({a}, {}).value();
  ASSERT_TRUE(w->UpdateNode(n, RecordPatch{{}, {}, {{y, Value::Int(5)}}, {x}}).ok());
  ASSERT_TRUE(w->UpdateNode(n, RecordPatch{{}, {}, {{y, Value::Int(6)}}, {}}).ok());
  RelId r = w->CreateRel(t, n, m, {}).value();
  ASSERT_TRUE(w->UpdateRel(r, t, RecordPatch{{}, {}, {{x, Value::String("r")}}, {}}).ok());
  EXPECT_EQ(w->counters().properties_set, 5);  // x, y (+ x removed), y, x on r

  NodeRecord seen;
  ASSERT_TRUE(w->GetNode(n, &seen).value());
  EXPECT_EQ(seen.Find(x), nullptr);
  EXPECT_EQ(seen.Find(y)->AsInt(), 6);
  RelRecord rel;
  ASSERT_TRUE(w->GetRel(r, &rel).value());
  EXPECT_EQ(rel.Find(x)->ToString(), "'r'");
  EXPECT_EQ(Ids(*w->ScanAllNodes()), (std::vector<uint64_t>{n, m}));
  EXPECT_EQ(Ids(*w->ScanAllRels()), std::vector<uint64_t>{r});
  // After the scan the records are in the write batch; later updates take the usual path.
  ASSERT_TRUE(w->UpdateNode(n, RecordPatch{{}, {}, {{x, Value::Int(7)}}, {}}).ok());
  NodeId gone = w->CreateNode({a}, {{y, Value::Int(6)}}).value();
  ASSERT_TRUE(w->DeleteNode(gone, /*detach=*/false).ok());
  ASSERT_TRUE(w->Commit().ok());

  auto reader = graph_->BeginRead();
  ASSERT_TRUE(reader->GetNode(n, &seen).value());
  EXPECT_EQ(seen.Find(x)->AsInt(), 7);
  EXPECT_EQ(seen.Find(y)->AsInt(), 6);
  EXPECT_FALSE(reader->GetNode(gone, &seen).value());
  ASSERT_TRUE(reader->GetRel(r, &rel).value());
  EXPECT_EQ(rel.Find(x)->ToString(), "'r'");
  const SchemaObject* index = reader->catalog().FindByName("a_y");
  ASSERT_NE(index, nullptr);
  Value six = Value::Int(6);
  EXPECT_EQ(Ids(*reader->SeekIndexEqual(*index, {&six, 1})), std::vector<uint64_t>{n});
  auto report = CheckConsistency(*graph_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems[0]);
  // The in-place rewrite wrote one entry for y = 6 and none for the intermediate y = 5.
  EXPECT_EQ(report->index_entries, 1u);
  EXPECT_EQ(report->stale_index_entries, 0u);
}

TEST_F(GraphTest, RollbackDropsUnwrittenRecordsAndChunksWriteThem) {
  auto w = graph_->BeginWrite();
  TokenId x = Key(*w, "x");
  NodeId n = w->CreateNode({}, {{x, Value::Int(1)}}).value();
  EXPECT_GE(w->PendingWrites(), 1u);
  w->Rollback();
  NodeRecord seen;
  EXPECT_FALSE(graph_->BeginRead()->GetNode(n, &seen).value());

  w = graph_->BeginWrite();
  x = Key(*w, "x");
  NodeId first = w->CreateNode({}, {{x, Value::Int(1)}}).value();
  ASSERT_TRUE(w->CommitChunk().ok());
  EXPECT_EQ(w->PendingWrites(), 0u);
  ASSERT_TRUE(graph_->BeginRead()->GetNode(first, &seen).value());
  // A committed chunk's node is no longer the transaction's own: updates are patches again.
  ASSERT_TRUE(w->UpdateNode(first, RecordPatch{{}, {}, {{x, Value::Int(2)}}, {}}).ok());
  w->Rollback();
  ASSERT_TRUE(graph_->BeginRead()->GetNode(first, &seen).value());
  EXPECT_EQ(seen.Find(x)->AsInt(), 1);
}

}  // namespace
}  // namespace smith::graph
