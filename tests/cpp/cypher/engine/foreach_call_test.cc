// FOREACH and CALL { ... } subqueries, including IN TRANSACTIONS, end to end.
#include <gtest/gtest.h>

#include "engine_fixture.h"

namespace smith::testing {
namespace {

using Lines = std::vector<std::string>;

class ForeachCallTest : public EngineFixture {};

TEST_F(ForeachCallTest, ForeachCreatesPerItem) {
  QuerySummary s = Summary("FOREACH (x IN [1, 2, 3] | CREATE (:N {v: x}))");
  EXPECT_EQ(s.counters.nodes_created, 3);
  EXPECT_EQ(Rows("MATCH (n:N) RETURN n.v ORDER BY n.v"), (Lines{"1", "2", "3"}));
  // Nested, and over a null list (no iteration).
  Summary("FOREACH (x IN [1, 2] | FOREACH (y IN [10, 20] | CREATE (:M {v: x * y})))");
  EXPECT_EQ(Rows("MATCH (n:M) RETURN n.v ORDER BY n.v"), (Lines{"10", "20", "20", "40"}));
  EXPECT_EQ(Summary("FOREACH (x IN null | CREATE (:Z))").counters.nodes_created, 0);
}

TEST_F(ForeachCallTest, ForeachWithMergeSetAndDelete) {
  EXPECT_EQ(Summary("FOREACH (x IN [1, 1, 2] | MERGE (:K {v: x}))").counters.nodes_created, 2);
  Summary("UNWIND [1, 2, 3] AS v CREATE (:N {v: v})");
  Summary(
      "MATCH (n:N) FOREACH (ignored IN CASE WHEN n.v > 1 THEN [1] ELSE [] END | "
      "SET n.big = true)");
  EXPECT_EQ(Rows("MATCH (n:N) RETURN n.v, n.big ORDER BY n.v"),
            (Lines{"1 | null", "2 | true", "3 | true"}));
  Summary("CREATE (:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(:C {i: 2})");
  QuerySummary s =
      Summary("MATCH p = (:C {i: 0})-[:R*]->(:C {i: 2}) FOREACH (n IN nodes(p) | DETACH DELETE n)");
  EXPECT_EQ(s.counters.nodes_deleted, 3);
  EXPECT_EQ(Count("MATCH (c:C)"), 0);
  // The rows go on unchanged after FOREACH.
  EXPECT_EQ(One("UNWIND [1, 2] AS x FOREACH (y IN [x] | CREATE (:F {v: y})) RETURN sum(x)"), "3");
}

TEST_F(ForeachCallTest, ForeachErrorsAndAtomicity) {
  EXPECT_EQ(Error("FOREACH (x IN 5 | CREATE (:A))").code(), StatusCode::kTypeError);
  EXPECT_EQ(Error("FOREACH (x IN [1] | CREATE (:A)) RETURN x").code(), StatusCode::kSemanticError);
  EXPECT_EQ(Error("UNWIND [1] AS x FOREACH (x IN [1] | CREATE (:A))").code(),
            StatusCode::kSemanticError);
  EXPECT_EQ(Error("FOREACH (x IN [1, 2, 0] | CREATE (:A {v: 1 / x}))").code(),
            StatusCode::kArithmeticError);
  EXPECT_EQ(Count("MATCH (a:A)"), 0);
}

TEST_F(ForeachCallTest, ReturningSubqueries) {
  EXPECT_EQ(Rows("UNWIND [1, 2] AS x CALL { WITH x RETURN x * 10 AS y } RETURN x, y"),
            (Lines{"1 | 10", "2 | 20"}));
  EXPECT_EQ(Rows("UNWIND [1, 2] AS x CALL (x) { RETURN x + 1 AS y } RETURN y"), (Lines{"2", "3"}));
  EXPECT_EQ(Rows("UNWIND [1, 2] AS x CALL (*) { RETURN x + 1 AS y } RETURN y"), (Lines{"2", "3"}));
  EXPECT_EQ(One("UNWIND [1, 2] AS x CALL { UNWIND [1, 2, 3] AS y RETURN y } RETURN count(*)"), "6");
  Summary("CREATE (a:P {name: 'a'})-[:R]->(:P {name: 'b'}), (a)-[:R]->(:P {name: 'c'})");
  EXPECT_EQ(Rows("MATCH (n:P) CALL { WITH n MATCH (n)-->(m) RETURN count(m) AS c } "
                 "RETURN n.name, c ORDER BY n.name"),
            (Lines{"'a' | 2", "'b' | 0", "'c' | 0"}));
  EXPECT_EQ(One("CALL { MATCH (n:P) RETURN count(n) AS total } RETURN total"), "3");
  EXPECT_EQ(Rows("CALL { MATCH (n:P {name: 'a'}) RETURN n.name AS name UNION "
                 "MATCH (n:P {name: 'c'}) RETURN n.name AS name } RETURN name ORDER BY name"),
            (Lines{"'a'", "'c'"}));
  EXPECT_EQ(Rows("UNWIND [1, 2] AS x CALL { WITH x RETURN x AS y UNION ALL WITH x "
                 "RETURN x + 10 AS y } RETURN y ORDER BY y"),
            (Lines{"1", "2", "11", "12"}));
}

TEST_F(ForeachCallTest, UnitSubqueries) {
  EXPECT_EQ(One("UNWIND [1, 2, 3] AS x CALL { WITH x CREATE (:U {v: x}) } RETURN count(*)"), "3");
  EXPECT_EQ(Count("MATCH (u:U)"), 3);
  QuerySummary s = Summary("UNWIND [1, 2] AS x CALL { WITH x CREATE (:U2 {v: x}) }");
  EXPECT_EQ(s.counters.nodes_created, 2);
  EXPECT_EQ(Summary("MATCH (u:U) CALL { WITH u SET u.seen = true }").counters.properties_set, 3);
}

TEST_F(ForeachCallTest, SubqueryErrorsAndAtomicity) {
  EXPECT_EQ(Error("UNWIND [1] AS x CALL { WITH x RETURN x }").code(), StatusCode::kSemanticError);
  EXPECT_EQ(Error("CALL (y) { RETURN 1 AS z } RETURN z").code(), StatusCode::kSemanticError);
  EXPECT_EQ(Error("CALL { MATCH (n) } RETURN 1").code(), StatusCode::kSyntaxError);
  // Without an importing WITH, outer variables are not visible.
  EXPECT_EQ(Error("UNWIND [1] AS x CALL { RETURN x AS y } RETURN y").code(),
            StatusCode::kSemanticError);
  EXPECT_EQ(Error("UNWIND [1, 0] AS x CALL { WITH x CREATE (:B {v: 1 / x}) }").code(),
            StatusCode::kArithmeticError);
  EXPECT_EQ(Count("MATCH (b:B)"), 0);
}

TEST_F(ForeachCallTest, InTransactionsCommitsPerBatch) {
  QuerySummary s = Summary(
      "UNWIND range(1, 10) AS x CALL { WITH x CREATE (:T {v: x}) } IN TRANSACTIONS OF 3 ROWS");
  EXPECT_EQ(s.counters.nodes_created, 10);
  EXPECT_EQ(Count("MATCH (t:T)"), 10);
  // Default batch size, and a returning subquery.
  Summary("UNWIND range(1, 1500) AS x CALL { WITH x CREATE (:D {v: x}) } IN TRANSACTIONS");
  EXPECT_EQ(Count("MATCH (d:D)"), 1500);
  EXPECT_EQ(Rows("UNWIND [1, 2, 3] AS x CALL { WITH x CREATE (n:R {v: x}) RETURN n.v AS v } "
                 "IN TRANSACTIONS OF 2 ROWS RETURN v"),
            (Lines{"1", "2", "3"}));
  // MERGE sees what earlier batches committed.
  Summary("UNWIND [1, 1, 2, 2] AS x CALL { WITH x MERGE (:K {k: x}) } IN TRANSACTIONS OF 1 ROWS");
  EXPECT_EQ(Count("MATCH (k:K)"), 2);
}

TEST_F(ForeachCallTest, InTransactionsFailureKeepsEarlierBatches) {
  // Batches [1, 2] and [3, 4] commit; the batch [0, 6] fails at its first row.
  EXPECT_EQ(Error("UNWIND [1, 2, 3, 4, 0, 6] AS x CALL { WITH x CREATE (:F {v: x, w: 1 / x}) } "
                  "IN TRANSACTIONS OF 2 ROWS")
                .code(),
            StatusCode::kArithmeticError);
  EXPECT_EQ(Rows("MATCH (f:F) RETURN f.v ORDER BY f.v"), (Lines{"1", "2", "3", "4"}));
  // A failure in the middle of a batch rolls back that batch's earlier rows.
  EXPECT_EQ(Error("UNWIND [1, 2, 3, 0] AS x CALL { WITH x CREATE (:G {v: x, w: 1 / x}) } "
                  "IN TRANSACTIONS OF 2 ROWS")
                .code(),
            StatusCode::kArithmeticError);
  EXPECT_EQ(Rows("MATCH (g:G) RETURN g.v ORDER BY g.v"), (Lines{"1", "2"}));
}

TEST_F(ForeachCallTest, InTransactionsErrors) {
  auto txn = db_->BeginTransaction(AccessMode::kWrite);
  ASSERT_TRUE(txn.ok());
  auto result = (*txn)->Run("UNWIND [1] AS x CALL { WITH x CREATE (:E) } IN TRANSACTIONS");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidState);
  (*txn)->Rollback();
  EXPECT_EQ(Count("MATCH (e:E)"), 0);
  EXPECT_EQ(Error("UNWIND [1] AS x CALL { WITH x CREATE (:E) } IN TRANSACTIONS OF 0 ROWS").code(),
            StatusCode::kArgumentError);
  EXPECT_EQ(Error("CALL { CALL { CREATE (:E) } IN TRANSACTIONS } IN TRANSACTIONS").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(Count("MATCH (e:E)"), 0);
}

}  // namespace
}  // namespace smith::testing
