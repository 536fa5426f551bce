#include <gtest/gtest.h>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"
#include "test_util.h"

namespace smith::cypher {
namespace {

using testing::Canonical;
using testing::ClauseAt;
using testing::MustParse;

TEST(ClauseTest, MatchAndOptionalMatch) {
  EXPECT_EQ(Canonical("match (n) where n.x = 1 return n"), "MATCH (n) WHERE n.x = 1 RETURN n");
  EXPECT_EQ(Canonical("OPTIONAL MATCH (n)-->(m) RETURN m"), "OPTIONAL MATCH (n)-->(m) RETURN m");
  StatementPtr s = MustParse("OPTIONAL MATCH (a), (b) WHERE a.x RETURN a");
  ASSERT_NE(s, nullptr);
  const auto& m = ClauseAt(*s, 0).As<MatchClause>();
  EXPECT_TRUE(m.optional);
  EXPECT_EQ(m.pattern.paths.size(), 2u);
  ASSERT_NE(m.where, nullptr);
}

TEST(ClauseTest, ReturnAndWith) {
  EXPECT_EQ(Canonical("RETURN DISTINCT a AS x, b ORDER BY x ASC, b DESC SKIP 1 LIMIT 2"),
            "RETURN DISTINCT a AS x, b ORDER BY x, b DESC SKIP 1 LIMIT 2");
  EXPECT_EQ(Canonical("RETURN a ORDER BY a DESCENDING, b ASCENDING"),
            "RETURN a ORDER BY a DESC, b");
  EXPECT_EQ(Canonical("RETURN a OFFSET 3"), "RETURN a SKIP 3");
  EXPECT_EQ(Canonical("MATCH (n) RETURN *"), "MATCH (n) RETURN *");
  EXPECT_EQ(Canonical("MATCH (n) RETURN *, n.x AS y"), "MATCH (n) RETURN *, n.x AS y");
  EXPECT_EQ(Canonical("MATCH (n) WITH * RETURN n"), "MATCH (n) WITH * RETURN n");
  EXPECT_EQ(Canonical("WITH 1 AS a, 2 AS b WHERE a < b RETURN a"),
            "WITH 1 AS a, 2 AS b WHERE a < b RETURN a");
  EXPECT_EQ(Canonical("WITH a ORDER BY a LIMIT 1 WHERE a > 0 RETURN a"),
            "WITH a ORDER BY a LIMIT 1 WHERE a > 0 RETURN a");
  EXPECT_EQ(Canonical("RETURN 1 AS `count`, 2 AS row"), "RETURN 1 AS `count`, 2 AS row");
}

TEST(ClauseTest, UnaliasedReturnItemsKeepTheirColumnNames) {
  // The source text is the column name; when the canonical text differs it becomes an alias.
  EXPECT_EQ(Canonical("RETURN n.name, count(*), 1"), "RETURN n.name, count(*), 1");
  EXPECT_EQ(Canonical("RETURN a+b"), "RETURN a + b AS `a+b`");
  EXPECT_EQ(Canonical("RETURN \"x\""), "RETURN 'x' AS `\"x\"`");
  EXPECT_EQ(Canonical("RETURN `n`"), "RETURN n");
  EXPECT_EQ(Canonical("WITH a+b RETURN 1"), "WITH a + b RETURN 1");
  StatementPtr s = MustParse("RETURN n.name,  count( * )");
  ASSERT_NE(s, nullptr);
  const auto& items = ClauseAt(*s, 0).As<ReturnClause>().projection.items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].alias.has_value());
  EXPECT_EQ(items[0].text, "n.name");
  EXPECT_EQ(items[1].text, "count( * )");
  s = MustParse("RETURN 1 AS ``");
  ASSERT_NE(s, nullptr);
  const auto& item = ClauseAt(*s, 0).As<ReturnClause>().projection.items[0];
  ASSERT_TRUE(item.alias.has_value());
  EXPECT_EQ(*item.alias, "");
}

TEST(ClauseTest, UnwindCreateDelete) {
  EXPECT_EQ(Canonical("UNWIND [1, 2] AS x RETURN x"), "UNWIND [1, 2] AS x RETURN x");
  EXPECT_EQ(Canonical("CREATE (a:A {k: 1})-[:T]->(b), (c)"), "CREATE (a:A {k: 1})-[:T]->(b), (c)");
  EXPECT_EQ(Canonical("MATCH (n) DETACH DELETE n"), "MATCH (n) DETACH DELETE n");
  EXPECT_EQ(Canonical("MATCH (n)-[r]-() DELETE r, n"), "MATCH (n)-[r]-() DELETE r, n");
  EXPECT_EQ(Canonical("MATCH (n) NODETACH DELETE n"), "MATCH (n) DELETE n");
  StatementPtr s = MustParse("MATCH (n) DETACH DELETE n");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(ClauseAt(*s, 1).As<DeleteClause>().detach);
}

TEST(ClauseTest, SetAndRemove) {
  EXPECT_EQ(Canonical("MATCH (n) SET n.a = 1, n = {b: 2}, n += $props, n:L:M"),
            "MATCH (n) SET n.a = 1, n = {b: 2}, n += $props, n:L:M");
  EXPECT_EQ(Canonical("MATCH (n) SET n:$(row.label), n['k'] = 1"),
            "MATCH (n) SET n:$(row.label), n['k'] = 1");
  EXPECT_EQ(Canonical("MATCH (n) SET (n).x = 1"), "MATCH (n) SET n.x = 1");
  EXPECT_EQ(Canonical("MATCH (n) REMOVE n.a, n:L:M"), "MATCH (n) REMOVE n.a, n:L:M");
  StatementPtr s = MustParse("MATCH (n) SET n.a = 1, n = {}, n += {}, n:L");
  ASSERT_NE(s, nullptr);
  const auto& items = ClauseAt(*s, 1).As<SetClause>().items;
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].kind, SetItemKind::kProperty);
  EXPECT_EQ(items[0].target->kind, ExprKind::kProperty);
  EXPECT_EQ(items[1].kind, SetItemKind::kReplaceProperties);
  EXPECT_EQ(items[2].kind, SetItemKind::kMergeProperties);
  EXPECT_EQ(items[3].kind, SetItemKind::kLabels);
  EXPECT_EQ(items[3].target->As<Variable>().name, "n");
  EXPECT_EQ(items[3].labels[0].name, "L");
  s = MustParse("MATCH (n) REMOVE n.p, n:L");
  ASSERT_NE(s, nullptr);
  const auto& removes = ClauseAt(*s, 1).As<RemoveClause>().items;
  EXPECT_EQ(removes[0].kind, RemoveItemKind::kProperty);
  EXPECT_EQ(removes[1].kind, RemoveItemKind::kLabels);
}

TEST(ClauseTest, Merge) {
  EXPECT_EQ(Canonical("MERGE (n:L {k: 1}) ON CREATE SET n.c = 1 ON MATCH SET n.m = 2, n:X"),
            "MERGE (n:L {k: 1}) ON CREATE SET n.c = 1 ON MATCH SET n.m = 2, n:X");
  EXPECT_EQ(Canonical("UNWIND $rows AS row MERGE (n:L {k: row.k}) SET n += row.props"),
            "UNWIND $rows AS row MERGE (n:L {k: row.k}) SET n += row.props");
  EXPECT_EQ(Canonical("MATCH (a), (b) MERGE (a)-[r:T {k: 1}]->(b) RETURN r"),
            "MATCH (a), (b) MERGE (a)-[r:T {k: 1}]->(b) RETURN r");
  StatementPtr s = MustParse("MERGE p = (n) ON MATCH SET n.x = 1 ON CREATE SET n.y = 2");
  ASSERT_NE(s, nullptr);
  const auto& m = ClauseAt(*s, 0).As<MergeClause>();
  EXPECT_EQ(m.path.variable, "p");
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_FALSE(m.actions[0].on_create);
  EXPECT_TRUE(m.actions[1].on_create);
}

TEST(ClauseTest, Foreach) {
  EXPECT_EQ(Canonical("FOREACH (x IN [1, 2] | CREATE (:N {v: x}) SET a.b = x)"),
            "FOREACH (x IN [1, 2] | CREATE (:N {v: x}) SET a.b = x)");
  EXPECT_EQ(Canonical("MATCH p = ()-->() FOREACH (n IN nodes(p) | FOREACH (m IN [n] | "
                      "DELETE m))"),
            "MATCH p = ()-->() FOREACH (n IN nodes(p) | FOREACH (m IN [n] | DELETE m))");
}

TEST(ClauseTest, ProcedureCalls) {
  EXPECT_EQ(Canonical("CALL db.labels()"), "CALL db.labels()");
  EXPECT_EQ(Canonical("CALL db.labels"), "CALL db.labels");
  EXPECT_EQ(Canonical("CALL db.labels() YIELD label RETURN label"),
            "CALL db.labels() YIELD label RETURN label");
  EXPECT_EQ(Canonical("CALL test.my.proc('a', 1 + 2) YIELD a, b AS c WHERE c > 1 RETURN a"),
            "CALL test.my.proc('a', 1 + 2) YIELD a, b AS c WHERE c > 1 RETURN a");
  EXPECT_EQ(Canonical("CALL dbms.components() YIELD *"), "CALL dbms.components() YIELD *");
  StatementPtr s = MustParse("CALL test.my.proc YIELD out");
  ASSERT_NE(s, nullptr);
  const auto& c = ClauseAt(*s, 0).As<CallProcedureClause>();
  EXPECT_EQ(c.QualifiedName(), "test.my.proc");
  EXPECT_FALSE(c.has_arguments);
  ASSERT_EQ(c.yields.size(), 1u);
  EXPECT_EQ(c.yields[0].field, "out");
  EXPECT_FALSE(c.yields[0].alias.has_value());
}

TEST(ClauseTest, CallSubqueries) {
  EXPECT_EQ(Canonical("CALL { MATCH (n) RETURN n } RETURN n"),
            "CALL { MATCH (n) RETURN n } RETURN n");
  EXPECT_EQ(Canonical("WITH 1 AS x CALL (x) { RETURN x + 1 AS y } RETURN y"),
            "WITH 1 AS x CALL (x) { RETURN x + 1 AS y } RETURN y");
  EXPECT_EQ(Canonical("CALL () { CREATE (:A) }"), "CALL () { CREATE (:A) }");
  EXPECT_EQ(Canonical("CALL (*) { RETURN 1 AS one UNION RETURN 2 AS one } RETURN one"),
            "CALL (*) { RETURN 1 AS one UNION RETURN 2 AS one } RETURN one");
  EXPECT_EQ(Canonical("UNWIND $rows AS row CALL (row) { MERGE (:L {k: row.k}) } "
                      "IN TRANSACTIONS OF 1000 ROWS ON ERROR CONTINUE"),
            "UNWIND $rows AS row CALL (row) { MERGE (:L {k: row.k}) } IN TRANSACTIONS OF 1000 "
            "ROWS ON ERROR CONTINUE");
  EXPECT_EQ(Canonical("CALL { CREATE () } IN TRANSACTIONS"), "CALL { CREATE () } IN TRANSACTIONS");
  EXPECT_EQ(Canonical("CALL { CREATE () } IN TRANSACTIONS OF 1 ROW ON ERROR FAIL"),
            "CALL { CREATE () } IN TRANSACTIONS OF 1 ROWS");
  EXPECT_EQ(Canonical("CALL { CREATE () } IN TRANSACTIONS ON ERROR BREAK"),
            "CALL { CREATE () } IN TRANSACTIONS ON ERROR BREAK");
  StatementPtr s = MustParse("CALL (a, b) { RETURN 1 AS x } IN TRANSACTIONS OF $n ROWS");
  ASSERT_NE(s, nullptr);
  const auto& c = ClauseAt(*s, 0).As<CallSubqueryClause>();
  EXPECT_TRUE(c.has_scope);
  ASSERT_EQ(c.scope.size(), 2u);
  EXPECT_EQ(c.scope[1].name, "b");
  ASSERT_TRUE(c.in_transactions.has_value());
  EXPECT_EQ(c.in_transactions->rows->kind, ExprKind::kParameter);
  EXPECT_EQ(c.in_transactions->on_error, OnErrorBehavior::kFail);
}

TEST(ClauseTest, Union) {
  EXPECT_EQ(Canonical("RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a"),
            "RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a");
  StatementPtr s = MustParse("RETURN 1 AS a UNION ALL RETURN 2 AS a");
  ASSERT_NE(s, nullptr);
  const Query& q = s->As<QueryStatement>().query;
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_TRUE(q.parts[1].union_all);
}

TEST(ClauseTest, ExplainAndProfile) {
  EXPECT_EQ(Canonical("explain MATCH (n) RETURN n"), "EXPLAIN MATCH (n) RETURN n");
  EXPECT_EQ(Canonical("PROFILE MATCH (n) RETURN n"), "PROFILE MATCH (n) RETURN n");
  StatementPtr s = MustParse("PROFILE RETURN 1");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->explain, ExplainMode::kProfile);
  EXPECT_EQ(s->pos.offset, 8u);
}

TEST(ClauseTest, CommentsAndWhitespace) {
  EXPECT_EQ(Canonical("MATCH (n) // find nodes\n/* and */ RETURN\n\tn;"), "MATCH (n) RETURN n");
}

TEST(ClauseTest, NodestreamConnectorQueries) {
  // Shapes the nodestream Neo4j connector sends (see reference/nodestream-connector.md).
  EXPECT_EQ(
      Canonical("UNWIND $batched_parameter_sets as params MERGE (node:Type {k1: "
                "params.__node_k1}) ON CREATE SET node.first_ingested_at = "
                "params.__node_properties['last_ingested_at'] WITH node, params CALL "
                "apoc.create.addLabels(node, params.__node_additional_labels) yield node as _ "
                "RETURN true"),
      "UNWIND $batched_parameter_sets AS params MERGE (node:Type {k1: params.__node_k1}) ON "
      "CREATE SET node.first_ingested_at = params.__node_properties['last_ingested_at'] "
      "WITH node, params CALL apoc.create.addLabels(node, params.__node_additional_labels) "
      "YIELD node AS _ RETURN true");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT Person_node_key IF NOT EXISTS FOR (n:`Person`) REQUIRE "
                      "(n.`a`,n.`b`) IS UNIQUE"),
            "CREATE CONSTRAINT Person_node_key IF NOT EXISTS FOR (n:Person) REQUIRE (n.a, n.b) IS "
            "UNIQUE");
  EXPECT_EQ(Canonical("SHOW INDEXES YIELD name, owningConstraint WHERE owningConstraint is null "
                      "RETURN name"),
            "SHOW INDEXES YIELD name, owningConstraint WHERE owningConstraint IS NULL RETURN name");
  EXPECT_EQ(Canonical("MATCH (n:T) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"),
            "MATCH (n:T) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  EXPECT_EQ(Canonical("CREATE (l:__NodestreamMigrationLock__{lock:'lock'})"),
            "CREATE (l:__NodestreamMigrationLock__ {lock: 'lock'})");
}

TEST(ScriptTest, ParseScriptSplitsOnSemicolonsOutsideStringsAndComments) {
  auto r = ParseScript(
      "CREATE (:A {s: 'a;b'}); // c; d\n"
      "MATCH (n) /* ; */ RETURN n;;\n"
      "RETURN `x;y`;");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ(ToCypher(*(*r)[0]), "CREATE (:A {s: 'a;b'})");
  EXPECT_EQ(ToCypher(*(*r)[1]), "MATCH (n) RETURN n");
  EXPECT_EQ(ToCypher(*(*r)[2]), "RETURN `x;y`");
  EXPECT_EQ((*r)[1]->pos.line, 2u);  // Positions are relative to the script.
  auto empty = ParseScript("  ;; // nothing\n");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(ScriptTest, ParseScriptReportsPositionsInTheScript) {
  auto r = ParseScript("RETURN 1;\nRETURN 2;\nRETRN 3");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("(line 3, column 1 (offset: 20))"), std::string::npos)
      << r.status().message();
}

TEST(ScriptTest, SplitStatements) {
  auto r = SplitStatements("CREATE (:A {s: ';'}) ;\n  MATCH (n) RETURN n // x;\n;  ");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0], "CREATE (:A {s: ';'})");
  EXPECT_EQ((*r)[1], "MATCH (n) RETURN n");
  EXPECT_FALSE(SplitStatements("RETURN 'unterminated;").ok());
}

TEST(ScriptTest, ParseStatementAcceptsOneStatementAndATrailingSemicolon) {
  EXPECT_TRUE(ParseStatement("RETURN 1;").ok());
  EXPECT_TRUE(ParseStatement("RETURN 1 ; // done").ok());
  auto two = ParseStatement("RETURN 1; RETURN 2");
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().message().find("only one statement"), std::string::npos);
  EXPECT_FALSE(ParseStatement("").ok());
  EXPECT_FALSE(ParseStatement(";").ok());
}

TEST(CloneTest, StatementCloneIsDeepAndIndependent) {
  StatementPtr s = MustParse(
      "UNWIND $rows AS row CALL (row) { MERGE (n:L {k: row.k}) ON CREATE SET n += row.p } "
      "WITH row WHERE EXISTS { (x)-->() } RETURN row{.a}, [y IN row.l | y] ORDER BY row.k");
  ASSERT_NE(s, nullptr);
  StatementPtr copy = s->Clone();
  std::string printed = ToCypher(*s);
  s.reset();
  EXPECT_EQ(ToCypher(*copy), printed);
}

}  // namespace
}  // namespace smith::cypher
