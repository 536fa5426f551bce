// Constraints and property indexes: creation, validation, enforcement, seeks, persistence.
#include <gtest/gtest.h>

#include "graph_fixture.h"
#include "storage/engine.h"

namespace smith::graph {
namespace {

class SchemaTest : public GraphTest {
 protected:
  // (:Person {name}) unique, key constraint on (:Account {bank, number}).
  void CreatePeopleSchema() {
    auto w = graph_->BeginWrite();
    person_ = Label(*w, "Person");
    account_ = Label(*w, "Account");
    name_ = Key(*w, "name");
    bank_ = Key(*w, "bank");
    number_ = Key(*w, "number");
    age_ = Key(*w, "age");
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kNode,
                                      "person_name", person_, {name_})
                    .ok());
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kNodeKeyConstraint, EntityKind::kNode,
                                      "account_key", account_, {bank_, number_})
                    .ok());
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "person_age",
                                      person_, {age_})
                    .ok());
    EXPECT_EQ(w->counters().constraints_added, 2);
    EXPECT_EQ(w->counters().indexes_added, 1);
    ASSERT_TRUE(w->Commit().ok());
  }
  const SchemaObject& Object(const std::string& name) {
    catalog_ = graph_->catalog();
    const SchemaObject* o = catalog_->FindByName(name);
    EXPECT_NE(o, nullptr) << name;
    return *o;
  }

  TokenId person_ = 0, account_ = 0, name_ = 0, bank_ = 0, number_ = 0, age_ = 0;
  std::shared_ptr<const CatalogSnapshot> catalog_;
};

TEST_F(SchemaTest, UniqueViolationNamesLabelKeysAndValuesAndWritesNothing) {
  CreatePeopleSchema();
  auto w = graph_->BeginWrite();
  ASSERT_TRUE(w->CreateNode({person_}, {{name_, Value::String("Ada")}}).ok());
  size_t pending = w->PendingWrites();
  auto dup = w->CreateNode({person_}, {{name_, Value::String("Ada")}, {age_, Value::Int(3)}});
  ASSERT_TRUE(dup.status().IsConstraintViolation());
  EXPECT_EQ(dup.status().message(),
            "Node(0) already exists with label `Person` and property `name` = 'Ada'");
  EXPECT_EQ(w->PendingWrites(), pending);
  EXPECT_EQ(w->counters().nodes_created, 1);
  ASSERT_TRUE(w->Commit().ok());
  // Also across transactions, through the in-memory key index and after a reopen.
  w = graph_->BeginWrite();
  EXPECT_TRUE(
      w->CreateNode({person_}, {{name_, Value::String("Ada")}}).status().IsConstraintViolation());
  w.reset();
  Reopen();
  w = graph_->BeginWrite();
  EXPECT_TRUE(
      w->CreateNode({person_}, {{name_, Value::String("Ada")}}).status().IsConstraintViolation());
  EXPECT_TRUE(w->CreateNode({person_}, {{name_, Value::String("Bob")}}).ok());
}

TEST_F(SchemaTest, NodeKeyRequiresAllPropertiesAndIsComposite) {
  CreatePeopleSchema();
  auto w = graph_->BeginWrite();
  auto missing = w->CreateNode({account_}, {{bank_, Value::String("B1")}});
  ASSERT_TRUE(missing.status().IsConstraintViolation());
  EXPECT_NE(missing.status().message().find("must have the properties `bank`, `number`"),
            std::string_view::npos)
      << missing.status().message();
  ASSERT_TRUE(
      w->CreateNode({account_}, {{bank_, Value::String("B1")}, {number_, Value::Int(1)}}).ok());
  ASSERT_TRUE(
      w->CreateNode({account_}, {{bank_, Value::String("B1")}, {number_, Value::Int(2)}}).ok());
  auto dup = w->CreateNode({account_}, {{number_, Value::Int(2)}, {bank_, Value::String("B1")}});
  ASSERT_TRUE(dup.status().IsConstraintViolation());
  EXPECT_EQ(dup.status().message(),
            "Node(1) already exists with label `Account` and properties `bank` = 'B1', "
            "`number` = 2");
  // Removing a key property of a node-key constrained node is refused too.
  RecordPatch unset;
  unset.unset = {number_};
  EXPECT_TRUE(w->UpdateNode(0, unset).IsConstraintViolation());
}

TEST_F(SchemaTest, FindByKeySeesCommittedAndPendingWrites) {
  CreatePeopleSchema();
  const SchemaObject& c = Object("person_name");
  auto w = graph_->BeginWrite();
  NodeId ada = w->CreateNode({person_}, {{name_, Value::String("Ada")}}).value();
  Value key = Value::String("Ada");
  EXPECT_EQ(w->FindByKey(c, {&key, 1}).value(), std::optional<uint64_t>(ada));
  ASSERT_TRUE(w->Commit().ok());
  w = graph_->BeginWrite();
  EXPECT_EQ(w->FindByKey(c, {&key, 1}).value(), std::optional<uint64_t>(ada));
  // Changing the key moves the entry.
  ASSERT_TRUE(w->UpdateNode(ada, RecordPatch{{}, {}, {{name_, Value::String("Ada L")}}, {}}).ok());
  EXPECT_FALSE(w->FindByKey(c, {&key, 1}).value().has_value());
  ASSERT_TRUE(w->Commit().ok());
  auto r = graph_->BeginRead();
  EXPECT_FALSE(r->SeekUnique(c, {&key, 1}).value().has_value());
  Value renamed = Value::String("Ada L");
  EXPECT_EQ(r->SeekUnique(c, {&renamed, 1}).value(), std::optional<uint64_t>(ada));
  r.reset();
  // A rolled back change leaves the key index as it was.
  w = graph_->BeginWrite();
  ASSERT_TRUE(w->DeleteNode(ada, true).ok());
  EXPECT_FALSE(w->FindByKey(c, {&renamed, 1}).value().has_value());
  w->Rollback();
  w = graph_->BeginWrite();
  EXPECT_EQ(w->FindByKey(c, {&renamed, 1}).value(), std::optional<uint64_t>(ada));
}

// The writer changes its key index cache in place and undoes the changes on rollback: every
// kind of change, several to one key, and changes made after a committed chunk.
TEST_F(SchemaTest, RollbackRestoresTheKeyIndexAfterChainedChangesAndChunks) {
  CreatePeopleSchema();
  const SchemaObject& c = Object("person_name");
  auto name = [&](const char* s) { return RecordPatch{{}, {}, {{name_, Value::String(s)}}, {}}; };
  auto find = [&](GraphWriter& w, const char* s) {
    Value key = Value::String(s);
    return w.FindByKey(c, {&key, 1}).value();
  };
  auto w = graph_->BeginWrite();
  NodeId a = w->CreateNode({person_}, {{name_, Value::String("A")}}).value();
  NodeId b = w->CreateNode({person_}, {{name_, Value::String("B")}}).value();
  ASSERT_TRUE(w->Commit().ok());

  w = graph_->BeginWrite();
  ASSERT_TRUE(w->UpdateNode(a, name("A2")).ok());  // A -> A2 -> A3
  ASSERT_TRUE(w->UpdateNode(a, name("A3")).ok());
  NodeId a_again = w->CreateNode({person_}, {{name_, Value::String("A")}}).value();  // reuses A
  ASSERT_TRUE(w->DeleteNode(b, true).ok());
  NodeId b_again = w->CreateNode({person_}, {{name_, Value::String("B")}}).value();
  EXPECT_EQ(find(*w, "A"), std::optional<uint64_t>(a_again));
  EXPECT_EQ(find(*w, "A3"), std::optional<uint64_t>(a));
  EXPECT_EQ(find(*w, "B"), std::optional<uint64_t>(b_again));
  w->Rollback();

  w = graph_->BeginWrite();
  EXPECT_EQ(find(*w, "A"), std::optional<uint64_t>(a));
  EXPECT_EQ(find(*w, "B"), std::optional<uint64_t>(b));
  EXPECT_FALSE(find(*w, "A2").has_value());
  EXPECT_FALSE(find(*w, "A3").has_value());
  // A committed chunk stays; what follows it is undone.
  ASSERT_TRUE(w->UpdateNode(a, name("A-chunk")).ok());
  ASSERT_TRUE(w->CommitChunk().ok());
  ASSERT_TRUE(w->UpdateNode(a, name("A-after")).ok());
  ASSERT_TRUE(w->CreateNode({person_}, {{name_, Value::String("C")}}).ok());
  w->Rollback();

  w = graph_->BeginWrite();
  EXPECT_EQ(find(*w, "A-chunk"), std::optional<uint64_t>(a));
  EXPECT_FALSE(find(*w, "A-after").has_value());
  EXPECT_FALSE(find(*w, "C").has_value());
  EXPECT_FALSE(find(*w, "A").has_value());
  // The cache agrees with the stored index after all of this.
  w.reset();
  auto r = graph_->BeginRead();
  Value chunk = Value::String("A-chunk");
  EXPECT_EQ(r->SeekUnique(c, {&chunk, 1}).value(), std::optional<uint64_t>(a));
}

TEST_F(SchemaTest, CreatingAConstraintOverViolatingDataFailsAndLeavesNoTrace) {
  auto w = graph_->BeginWrite();
  TokenId l = Label(*w, "L");
  TokenId k = Key(*w, "k");
  ASSERT_TRUE(w->CreateNode({l}, {{k, Value::Int(7)}}).ok());
  ASSERT_TRUE(w->CreateNode({l}, {{k, Value::Int(7)}}).ok());
  ASSERT_TRUE(w->Commit().ok());
  w = graph_->BeginWrite();
  auto created =
      w->CreateSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kNode, "c", l, {k});
  ASSERT_EQ(created.status().code(), StatusCode::kConstraintCreationFailed)
      << created.status().ToString();
  EXPECT_NE(created.status().message().find(
                "Both Node(0) and Node(1) have the label `L` and property `k` = 7"),
            std::string_view::npos)
      << created.status().message();
  EXPECT_EQ(w->catalog().objects().size(), 0u);
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(graph_->catalog()->objects().size(), 0u);
}

TEST_F(SchemaTest, DuplicateNamesAndEquivalentObjectsAreRefused) {
  CreatePeopleSchema();
  auto w = graph_->BeginWrite();
  auto code_of = [&](SchemaKind kind, const std::string& name, TokenId token,
                     std::vector<TokenId> props) {
    return w->CreateSchemaObject(kind, EntityKind::kNode, name, token, std::move(props))
        .status()
        .code();
  };
  // Names are unique across constraints and indexes; the code names the holder's kind.
  EXPECT_EQ(code_of(SchemaKind::kRangeIndex, "person_name", person_, {bank_}),
            StatusCode::kConstraintWithNameAlreadyExists);
  EXPECT_EQ(code_of(SchemaKind::kUniqueConstraint, "person_age", account_, {age_}),
            StatusCode::kIndexWithNameAlreadyExists);
  // The same kind on the same schema: an equivalent rule, whatever the name.
  EXPECT_EQ(code_of(SchemaKind::kRangeIndex, "person_name", person_, {age_}),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(code_of(SchemaKind::kRangeIndex, "other", person_, {age_}), StatusCode::kAlreadyExists);
  // Another kind on the same schema.
  EXPECT_EQ(code_of(SchemaKind::kNodeKeyConstraint, "other", person_, {name_}),
            StatusCode::kConstraintAlreadyExists);
  EXPECT_EQ(code_of(SchemaKind::kRangeIndex, "other", person_, {name_}),
            StatusCode::kConstraintAlreadyExists);
  EXPECT_EQ(code_of(SchemaKind::kUniqueConstraint, "other", person_, {age_}),
            StatusCode::kIndexAlreadyExists);
  EXPECT_TRUE(w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "", person_, {})
                  .status()
                  .IsInvalidArgument());
  EXPECT_TRUE(w->DropSchemaObject("nope").IsNotFound());
}

TEST_F(SchemaTest, CatalogPersistsAndDropRemovesEntries) {
  CreatePeopleSchema();
  Reopen();
  EXPECT_EQ(graph_->catalog()->objects().size(), 3u);
  auto w = graph_->BeginWrite();
  ASSERT_TRUE(w->CreateNode({person_}, {{name_, Value::String("Ada")}}).ok());
  ASSERT_TRUE(w->DropSchemaObject("person_name").ok());
  EXPECT_EQ(w->counters().constraints_removed, 1);
  // Without the constraint duplicates are allowed.
  ASSERT_TRUE(w->CreateNode({person_}, {{name_, Value::String("Ada")}}).ok());
  ASSERT_TRUE(w->Commit().ok());
  w.reset();
  Reopen();
  EXPECT_EQ(graph_->catalog()->objects().size(), 2u);
  EXPECT_EQ(graph_->catalog()->FindByName("person_name"), nullptr);
  auto it = graph_->engine().BeginRead()->NewIterator(storage::Family::kUnique, "", "");
  size_t unique_entries = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++unique_entries;
  EXPECT_EQ(unique_entries, 0u);
}

TEST_F(SchemaTest, IndexSeeksFindCurrentValuesOnly) {
  CreatePeopleSchema();
  const SchemaObject& index = Object("person_age");
  auto w = graph_->BeginWrite();
  std::vector<NodeId> ids;
  for (int i = 0; i < 10; ++i) {
    ids.push_back(w->CreateNode({person_}, {{name_, Value::String("p" + std::to_string(i))},
                                            {age_, Value::Int(i * 10)}})
                      .value());
  }
  ASSERT_TRUE(w->Commit().ok());
  // A blind update of an indexed property leaves a stale entry that readers must skip.
  w = graph_->BeginWrite();
  ASSERT_TRUE(w->UpdateNode(ids[3], RecordPatch{{}, {}, {{age_, Value::Int(95)}}, {}}).ok());
  ASSERT_TRUE(w->Commit().ok());

  auto r = graph_->BeginRead();
  Value thirty = Value::Int(30);
  EXPECT_EQ(Ids(*r->SeekIndexEqual(index, {&thirty, 1})), std::vector<uint64_t>{});
  Value ninety_five = Value::Int(95);
  EXPECT_EQ(Ids(*r->SeekIndexEqual(index, {&ninety_five, 1})), std::vector<uint64_t>{ids[3]});
  auto range = Ids(*r->SeekIndexRange(index, IndexBound{Value::Int(20), true},
                                      IndexBound{Value::Int(50), false}));
  EXPECT_EQ(range, (std::vector<uint64_t>{ids[2], ids[4]}));
  auto open_low = Ids(*r->SeekIndexRange(index, IndexBound{Value::Int(80), false}, std::nullopt));
  EXPECT_EQ(open_low, (std::vector<uint64_t>{ids[9], ids[3]}));
  r.reset();

  // A writer that meets the stale entry removes it.
  w = graph_->BeginWrite();
  EXPECT_EQ(Count(*w->SeekIndexEqual(index, {&thirty, 1})), 0u);
  ASSERT_TRUE(w->Commit().ok());
  auto raw = graph_->engine().BeginRead()->NewIterator(storage::Family::kIndex, "", "");
  size_t entries = 0;
  for (raw->SeekToFirst(); raw->Valid(); raw->Next()) ++entries;
  EXPECT_EQ(entries, 10u);
}

TEST_F(SchemaTest, IndexCreatedOverExistingDataAndOnRelationships) {
  auto w = graph_->BeginWrite();
  TokenId t = Type(*w, "RATED");
  TokenId stars = Key(*w, "stars");
  NodeId a = w->CreateNode({}, {}).value();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(w->CreateRel(t, a, a, {{stars, Value::Int(i)}}).ok());
  ASSERT_TRUE(w->Commit().ok());
  w = graph_->BeginWrite();
  ASSERT_TRUE(
      w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kRelationship, "stars", t, {stars})
          .ok());
  ASSERT_TRUE(w->Commit().ok());
  const SchemaObject& index = Object("stars");
  auto r = graph_->BeginRead();
  EXPECT_EQ(Count(*r->SeekIndexRange(index, IndexBound{Value::Int(3), true}, std::nullopt)), 2u);
}

TEST_F(SchemaTest, RelationshipUniquenessIsEnforced) {
  auto w = graph_->BeginWrite();
  TokenId t = Type(*w, "PAID");
  TokenId tx = Key(*w, "tx");
  ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kRelationship,
                                    "tx_unique", t, {tx})
                  .ok());
  NodeId a = w->CreateNode({}, {}).value();
  ASSERT_TRUE(w->CreateRel(t, a, a, {{tx, Value::String("t1")}}).ok());
  auto dup = w->CreateRel(t, a, a, {{tx, Value::String("t1")}});
  ASSERT_TRUE(dup.status().IsConstraintViolation());
  EXPECT_EQ(dup.status().message(),
            "Relationship(0) already exists with type `PAID` and property `tx` = 't1'");
}

}  // namespace
}  // namespace smith::graph
