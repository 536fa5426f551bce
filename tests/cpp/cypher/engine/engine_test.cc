// End-to-end tests of the Cypher engine through the public C++ API.
#include <gtest/gtest.h>

#include "engine_fixture.h"

namespace smith {
namespace {

using EngineTest = testing::EngineFixture;

TEST_F(EngineTest, ReturnsLiteralsAndArithmetic) {
  EXPECT_EQ(Rows("RETURN 1 + 2 AS x, 'a' + 'b' AS y"), std::vector<std::string>{"3 | 'ab'"});
  EXPECT_EQ(Rows("UNWIND [3, 1, 2] AS x RETURN x ORDER BY x DESC"),
            (std::vector<std::string>{"3", "2", "1"}));
}

TEST_F(EngineTest, CreateMatchAndCounters) {
  QuerySummary s =
      Summary("CREATE (a:Person {name: 'Ada'})-[:KNOWS {since: 2020}]->(b:Person {name: 'Bob'})");
  EXPECT_EQ(s.counters.nodes_created, 2);
  EXPECT_EQ(s.counters.relationships_created, 1);
  EXPECT_EQ(s.counters.labels_added, 2);
  EXPECT_EQ(s.counters.properties_set, 3);
  EXPECT_EQ(Rows("MATCH (a:Person)-[r:KNOWS]->(b) RETURN a.name, r.since, b.name"),
            std::vector<std::string>{"'Ada' | 2020 | 'Bob'"});
  EXPECT_EQ(Rows("MATCH (a)<-[:KNOWS]-(b) RETURN a.name, b.name"),
            std::vector<std::string>{"'Bob' | 'Ada'"});
  EXPECT_EQ(Rows("MATCH (p:Person) RETURN count(*) AS n, collect(p.name) AS names"),
            std::vector<std::string>{"2 | ['Ada', 'Bob']"});
}

TEST_F(EngineTest, MergeUsesTheKeyConstraintAndIsIdempotent) {
  Summary("CREATE CONSTRAINT person_key FOR (n:Person) REQUIRE n.key IS UNIQUE");
  std::vector<Value> rows;
  for (int i = 0; i < 10; ++i) {
    rows.push_back(Value::Map(ValueMap::FromEntries(
        {{"key", Value::String("k" + std::to_string(i % 5))},
         {"props", Value::Map(ValueMap::FromEntries({{"n", Value::Int(i)}}))}})));
  }
  ValueMap params = ValueMap::FromEntries({{"rows", Value::List(rows)}});
  const std::string ingest =
      "UNWIND $rows AS row MERGE (n:Person {key: row.key}) SET n += row.props";
  QuerySummary s = Summary(ingest, params);
  EXPECT_EQ(s.counters.nodes_created, 5);
  EXPECT_EQ(Rows("MATCH (n:Person) RETURN count(n)"), std::vector<std::string>{"5"});
  EXPECT_EQ(Rows("MATCH (n:Person {key: 'k3'}) RETURN n.n"), std::vector<std::string>{"8"});
  s = Summary(ingest, params);
  EXPECT_EQ(s.counters.nodes_created, 0);
  EXPECT_EQ(s.counters.properties_set, 10);
  auto explain = db_->Run("EXPLAIN " + ingest, params);
  ASSERT_TRUE(explain.ok());
  std::string plan = (*explain)->Consume()->plan;
  EXPECT_NE(plan.find("NodeUniqueIndexSeek"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("NodeByLabelScan"), std::string::npos) << plan;
}

TEST_F(EngineTest, RelationshipMergeBetweenKeyedNodes) {
  Summary("CREATE CONSTRAINT FOR (n:A) REQUIRE n.k IS UNIQUE");
  Summary("UNWIND range(1, 3) AS i CREATE (:A {k: i})");
  const std::string q =
      "UNWIND $rows AS row MATCH (a:A {k: row.a}) MATCH (b:A {k: row.b}) "
      "MERGE (a)-[r:T]->(b) SET r += row.props";
  std::vector<Value> rows;
  for (auto [a, b] : std::vector<std::pair<int, int>>{{1, 2}, {2, 3}, {1, 2}, {3, 9}}) {
    rows.push_back(Value::Map(ValueMap::FromEntries(
        {{"a", Value::Int(a)},
         {"b", Value::Int(b)},
         {"props", Value::Map(ValueMap::FromEntries({{"w", Value::Int(a * 10 + b)}}))}})));
  }
  QuerySummary s = Summary(q, ValueMap::FromEntries({{"rows", Value::List(rows)}}));
  EXPECT_EQ(s.counters.relationships_created, 2);
  EXPECT_EQ(Rows("MATCH (a)-[r:T]->(b) RETURN a.k, b.k, r.w ORDER BY a.k"),
            (std::vector<std::string>{"1 | 2 | 12", "2 | 3 | 23"}));
}

TEST_F(EngineTest, OptionalMatchWithAndAggregation) {
  Summary("CREATE (:P {n: 1})-[:R]->(:Q), (:P {n: 2})");
  EXPECT_EQ(Rows("MATCH (p:P) OPTIONAL MATCH (p)-[:R]->(q) RETURN p.n, q IS NULL ORDER BY p.n"),
            (std::vector<std::string>{"1 | false", "2 | true"}));
  EXPECT_EQ(Rows("MATCH (p:P) WITH p.n * 10 AS x WHERE x > 10 RETURN x"),
            std::vector<std::string>{"20"});
}

TEST_F(EngineTest, DeleteSetRemove) {
  Summary("CREATE (:X {a: 1, b: 2})-[:R]->(:Y)");
  EXPECT_TRUE(Error("MATCH (x:X) DELETE x").IsConstraintViolation());
  Summary("MATCH (x:X) SET x.c = 3, x:Z REMOVE x.a");
  EXPECT_EQ(Rows("MATCH (x:X:Z) RETURN x.a, x.b, x.c, labels(x)"),
            std::vector<std::string>{"null | 2 | 3 | ['X', 'Z']"});
  QuerySummary s = Summary("MATCH (n) DETACH DELETE n");
  EXPECT_EQ(s.counters.nodes_deleted, 2);
  EXPECT_EQ(s.counters.relationships_deleted, 1);
  EXPECT_EQ(Rows("MATCH (n) RETURN count(n)"), std::vector<std::string>{"0"});
}

TEST_F(EngineTest, ErrorsHaveCodesAndPositions) {
  Status syntax = Error("MATCH (n) RETRN n");
  EXPECT_EQ(syntax.code(), StatusCode::kSyntaxError);
  EXPECT_NE(syntax.message().find("line 1, column 11"), std::string_view::npos) << syntax.message();
  Status unknown = Error("RETURN x");
  EXPECT_EQ(unknown.code(), StatusCode::kSemanticError);
  EXPECT_NE(unknown.message().find("Variable `x` not defined"), std::string_view::npos);
  EXPECT_EQ(Error("RETURN $missing").code(), StatusCode::kParameterMissing);
  Summary("CREATE CONSTRAINT c FOR (n:L) REQUIRE n.k IS UNIQUE");
  Summary("CREATE (:L {k: 1})");
  Status dup = Error("CREATE (:L {k: 2}), (:L {k: 1})");
  EXPECT_TRUE(dup.IsConstraintViolation()) << dup.ToString();
  EXPECT_NE(dup.message().find("`L`"), std::string_view::npos);
  // The failed statement left nothing behind.
  EXPECT_EQ(Rows("MATCH (n:L) RETURN n.k"), std::vector<std::string>{"1"});
}

TEST_F(EngineTest, ShowAndProcedures) {
  Summary(
      "CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE (n.a, n.b) IS NODE KEY");
  Summary(
      "CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE (n.a, n.b) IS NODE KEY");
  Summary("CREATE INDEX ts IF NOT EXISTS FOR (n:Person) ON (n.last_ingested_at)");
  EXPECT_EQ(Rows("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties"),
            std::vector<std::string>{"'person_key' | 'NODE_KEY' | ['Person'] | ['a', 'b']"});
  EXPECT_EQ(
      Rows("SHOW INDEXES YIELD name, owningConstraint WHERE owningConstraint IS NULL RETURN name"),
      std::vector<std::string>{"'ts'"});
  // Labels are listed while some node carries them (a schema rule alone does not count).
  EXPECT_TRUE(Rows("CALL db.labels() YIELD label RETURN label").empty());
  Summary("CREATE (:Person {a: 1, b: 2})");
  EXPECT_EQ(Rows("CALL db.labels() YIELD label RETURN label"),
            std::vector<std::string>{"'Person'"});
  Summary("DROP INDEX ts");
  Summary("DROP INDEX ts IF EXISTS");
  EXPECT_FALSE(Error("DROP INDEX ts").ok());
}

TEST_F(EngineTest, ExplicitTransactionsCommitOrRollBack) {
  {
    auto txn = db_->BeginTransaction().value();
    ASSERT_TRUE(txn->Run("CREATE (:T {v: 1})").ok());
    txn->Rollback();
  }
  EXPECT_EQ(Rows("MATCH (t:T) RETURN count(t)"), std::vector<std::string>{"0"});
  {
    auto txn = db_->BeginTransaction().value();
    ASSERT_TRUE(txn->Run("CREATE (:T {v: 1})").ok());
    auto r = txn->Run("MATCH (t:T) RETURN t.v").value();
    std::vector<Value> record;
    ASSERT_TRUE(r->Next(&record).value());
    EXPECT_EQ(record[0].AsInt(), 1);
    ASSERT_TRUE(txn->Commit().ok());
  }
  EXPECT_EQ(Rows("MATCH (t:T) RETURN count(t)"), std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace smith
