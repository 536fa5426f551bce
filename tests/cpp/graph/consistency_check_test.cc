// The consistency checker: a clean graph passes; each kind of damage, written straight into the
// storage families, is reported once and names what is wrong.
#include "graph/consistency_check.h"

#include <gtest/gtest.h>

#include <string>

#include "common/coding.h"
#include "common/key_codec.h"
#include "graph/keys.h"
#include "graph_fixture.h"
#include "storage/engine.h"

namespace smith::graph {
namespace {

using storage::Family;

class ConsistencyCheckTest : public GraphTest {
 protected:
  // (a:Person {id: 1, name: 'Ada'})-[:KNOWS {since: 2020}]->(b:Person {id: 2, name: 'Bob'}),
  // a key constraint on :Person(id), an index on :Person(name) and one on [:KNOWS](since).
  void SetUp() override {
    GraphTest::SetUp();
    auto w = graph_->BeginWrite();
    person_ = Label(*w, "Person");
    knows_ = Type(*w, "KNOWS");
    id_ = Key(*w, "id");
    name_ = Key(*w, "name");
    since_ = Key(*w, "since");
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kNodeKeyConstraint, EntityKind::kNode,
                                      "person_id", person_, {id_})
                    .ok());
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "person_name",
                                      person_, {name_})
                    .ok());
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kRelationship,
                                      "knows_since", knows_, {since_})
                    .ok());
    a_ = w->CreateNode({person_}, {{id_, Value::Int(1)}, {name_, Value::String("Ada")}}).value();
    b_ = w->CreateNode({person_}, {{id_, Value::Int(2)}, {name_, Value::String("Bob")}}).value();
    rel_ = w->CreateRel(knows_, a_, b_, {{since_, Value::Int(2020)}}).value();
    ASSERT_TRUE(w->Commit().ok());
    const SchemaObject* key = graph_->catalog()->FindByName("person_id");
    ASSERT_NE(key, nullptr);
    key_id_ = key->id;
    name_index_id_ = graph_->catalog()->FindByName("person_name")->id;
  }

  ConsistencyReport Check() {
    auto report = CheckConsistency(*graph_);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ConsistencyReport{};
  }

  // Applies raw storage writes, bypassing the graph layer's maintenance.
  template <typename Fn>
  void Damage(Fn fn) {
    auto txn = graph_->engine().BeginWrite();
    fn(*txn);
    ASSERT_TRUE(txn->Commit().ok());
  }

  static std::string Report(const ConsistencyReport& r) {
    std::string out;
    for (const std::string& p : r.problems) out += p + "\n";
    return out;
  }
  static bool Mentions(const ConsistencyReport& r, const std::string& text) {
    return Report(r).find(text) != std::string::npos;
  }

  std::string UniqueKey(int64_t id) {
    std::string key = keys::SchemaPrefix(key_id_);
    std::vector<Value> tuple = {Value::Int(id)};
    EncodeKeyTupleCanonical(tuple, &key);
    return key;
  }

  TokenId person_ = 0, knows_ = 0, id_ = 0, name_ = 0, since_ = 0;
  NodeId a_ = 0, b_ = 0;
  RelId rel_ = 0;
  SchemaId key_id_ = 0, name_index_id_ = 0;
};

TEST_F(ConsistencyCheckTest, CleanGraphPasses) {
  ConsistencyReport r = Check();
  EXPECT_TRUE(r.ok()) << Report(r);
  EXPECT_EQ(r.nodes, 2u);
  EXPECT_EQ(r.relationships, 1u);
  EXPECT_EQ(r.label_entries, 2u);
  EXPECT_EQ(r.type_entries, 1u);
  EXPECT_EQ(r.adjacency_entries, 2u);
  EXPECT_EQ(r.unique_entries, 2u);
  EXPECT_EQ(r.index_entries, 3u);
  EXPECT_EQ(r.stale_index_entries, 0u);
}

TEST_F(ConsistencyCheckTest, EmptyDatabasePasses) {
  auto w = graph_->BeginWrite();
  ASSERT_TRUE(w->DeleteNode(a_, /*detach=*/true).ok());
  ASSERT_TRUE(w->DeleteNode(b_, /*detach=*/true).ok());
  ASSERT_TRUE(w->Commit().ok());
  ConsistencyReport r = Check();
  EXPECT_TRUE(r.ok()) << Report(r);
  EXPECT_EQ(r.nodes, 0u);
  EXPECT_EQ(r.adjacency_entries, 0u);
}

TEST_F(ConsistencyCheckTest, MissingLabelEntry) {
  Damage(
      [&](storage::WriteTransaction& t) { t.Delete(Family::kLabel, keys::LabelKey(person_, a_)); });
  ConsistencyReport r = Check();
  EXPECT_EQ(r.problem_count, 1u) << Report(r);
  EXPECT_TRUE(Mentions(r, "node 0 has label :Person but no label entry")) << Report(r);
}

TEST_F(ConsistencyCheckTest, LabelEntryOfMissingNode) {
  Damage([&](storage::WriteTransaction& t) {
    t.Put(Family::kLabel, keys::LabelKey(person_, 77), "");
  });
  ConsistencyReport r = Check();
  EXPECT_EQ(r.problem_count, 1u) << Report(r);
  EXPECT_TRUE(Mentions(r, "names missing node 77")) << Report(r);
}

TEST_F(ConsistencyCheckTest, MissingIncomingAdjacency) {
  Damage([&](storage::WriteTransaction& t) {
    t.Delete(Family::kAdj, keys::AdjKey(b_, Direction::kIncoming, knows_, a_, rel_));
  });
  ConsistencyReport r = Check();
  EXPECT_EQ(r.problem_count, 1u) << Report(r);
  EXPECT_TRUE(Mentions(r, "no incoming adjacency entry under its end node 1")) << Report(r);
}

TEST_F(ConsistencyCheckTest, AdjacencyEntryDisagreesWithRelationship) {
  Damage([&](storage::WriteTransaction& t) {
    t.Put(Family::kAdj, keys::AdjKey(a_, Direction::kOutgoing, knows_, a_, rel_), "");
    t.Put(Family::kAdj, keys::AdjKey(a_, Direction::kOutgoing, knows_, b_, 55), "");
  });
  ConsistencyReport r = Check();
  EXPECT_EQ(r.problem_count, 2u) << Report(r);
  EXPECT_TRUE(Mentions(r, "but the relationship is (0)-[:KNOWS]->(1)")) << Report(r);
  EXPECT_TRUE(Mentions(r, "names missing relationship 55")) << Report(r);
}

TEST_F(ConsistencyCheckTest, RelationshipToMissingNode) {
  Damage([&](storage::WriteTransaction& t) { t.Delete(Family::kNode, keys::IdKey(b_)); });
  ConsistencyReport r = Check();
  EXPECT_TRUE(Mentions(r, "relationship 0 ends at missing node 1")) << Report(r);
  // The label, unique and adjacency entries of the vanished node are reported too.
  EXPECT_TRUE(Mentions(r, "names missing node 1")) << Report(r);
}

TEST_F(ConsistencyCheckTest, DuplicateKeyViolatesConstraint) {
  // A third node with id 1 written behind the writer's back: its key entry is missing (the
  // existing entry still names node 0).
  Damage([&](storage::WriteTransaction& t) {
    NodeRecord dup{{person_}, {{id_, Value::Int(1)}}};
    std::string record;
    EncodeNodeRecord(dup, &record);
    t.Put(Family::kNode, keys::IdKey(2), record);
    t.Put(Family::kLabel, keys::LabelKey(person_, 2), "");
    std::string next;
    PutFixed64BE(3, &next);
    t.Put(Family::kMeta, keys::kMetaNextNodeId, next);
  });
  ConsistencyReport r = Check();
  EXPECT_EQ(r.problem_count, 1u) << Report(r);
  EXPECT_TRUE(Mentions(r, "node 2 and node 0 may share a key under key constraint `person_id`"))
      << Report(r);
}

TEST_F(ConsistencyCheckTest, NodeKeyPropertyMissing) {
  Damage([&](storage::WriteTransaction& t) {
    NodeRecord keyless{{person_}, {{name_, Value::String("Ada")}}};
    std::string record;
    EncodeNodeRecord(keyless, &record);
    t.Put(Family::kNode, keys::IdKey(a_), record);
  });
  ConsistencyReport r = Check();
  EXPECT_TRUE(Mentions(r, "node 0 lacks a key property of key constraint `person_id`"))
      << Report(r);
  // The key entry of id 1 now names a node whose key no longer matches.
  EXPECT_TRUE(Mentions(r, "does not match the current key of node 0")) << Report(r);
  EXPECT_EQ(r.problem_count, 2u) << Report(r);
}

TEST_F(ConsistencyCheckTest, UniqueEntryOfUnknownSchemaObject) {
  Damage([&](storage::WriteTransaction& t) {
    std::string key = keys::SchemaPrefix(999) + "x";
    t.Put(Family::kUnique, key, keys::IdKey(a_));
  });
  ConsistencyReport r = Check();
  EXPECT_EQ(r.problem_count, 1u) << Report(r);
  EXPECT_TRUE(Mentions(r, "belongs to no schema object (id 999)")) << Report(r);
}

TEST_F(ConsistencyCheckTest, MissingIndexEntryIsAProblemButStaleEntryIsNot) {
  Damage([&](storage::WriteTransaction& t) {
    std::string live = keys::SchemaPrefix(name_index_id_);
    std::vector<Value> ada = {Value::String("Ada")};
    EncodeKeyTuple(ada, &live);
    PutFixed64BE(a_, &live);
    t.Delete(Family::kIndex, live);
    std::string stale = keys::SchemaPrefix(name_index_id_);
    std::vector<Value> old = {Value::String("Old name")};
    EncodeKeyTuple(old, &stale);
    PutFixed64BE(b_, &stale);
    t.Put(Family::kIndex, stale, "");
  });
  ConsistencyReport r = Check();
  EXPECT_EQ(r.problem_count, 1u) << Report(r);
  EXPECT_TRUE(Mentions(r, "node 0 has no entry in index `person_name` on :Person")) << Report(r);
  EXPECT_EQ(r.stale_index_entries, 1u);
}

TEST_F(ConsistencyCheckTest, UndecodableRecordIsReportedNotFatal) {
  Damage([&](storage::WriteTransaction& t) { t.Put(Family::kRel, keys::IdKey(rel_), "\x02\x01"); });
  ConsistencyReport r = Check();
  EXPECT_TRUE(Mentions(r, "relationship 0 does not decode")) << Report(r);
}

TEST_F(ConsistencyCheckTest, ReportIsCappedButEveryProblemCounted) {
  Damage([&](storage::WriteTransaction& t) {
    for (NodeId id = 100; id < 110; ++id) t.Put(Family::kLabel, keys::LabelKey(person_, id), "");
  });
  ConsistencyCheckOptions options;
  options.max_reported_problems = 3;
  auto r = CheckConsistency(*graph_, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->problem_count, 10u);
  EXPECT_EQ(r->problems.size(), 3u);
}

}  // namespace
}  // namespace smith::graph
