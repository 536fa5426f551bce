// Pattern predicates, EXISTS / COUNT / COLLECT subqueries, pattern comprehensions and
// shortestPath, end to end.
#include <gtest/gtest.h>

#include "engine_fixture.h"

namespace smith::testing {
namespace {

using Lines = std::vector<std::string>;

class SubqueryExprTest : public EngineFixture {
 protected:
  void SetUp() override {
    EngineFixture::SetUp();
    Summary(
        "CREATE (a:P {name: 'a'})-[:KNOWS]->(b:P {name: 'b'})-[:KNOWS]->(c:P {name: 'c'}), "
        "(a)-[:LIKES]->(c), (:P {name: 'd'})");
  }
};

TEST_F(SubqueryExprTest, PatternPredicates) {
  EXPECT_EQ(Rows("MATCH (n:P) WHERE (n)-[:KNOWS]->() RETURN n.name ORDER BY n.name"),
            (Lines{"'a'", "'b'"}));
  EXPECT_EQ(Rows("MATCH (n:P) WHERE NOT (n)--() RETURN n.name"), (Lines{"'d'"}));
  EXPECT_EQ(Rows("MATCH (n:P) WHERE (n)<-[:KNOWS]-() OR (n)-[:LIKES]->() RETURN n.name "
                 "ORDER BY n.name"),
            (Lines{"'a'", "'b'", "'c'"}));
  EXPECT_EQ(Rows("MATCH (n:P), (m:P) WHERE (n)-[:KNOWS*2]->(m) RETURN n.name, m.name"),
            (Lines{"'a' | 'c'"}));
  // Inside a WITH ... WHERE and in a list predicate.
  EXPECT_EQ(Rows("MATCH (n:P) WITH n WHERE (n)-[:LIKES]->() RETURN n.name"), (Lines{"'a'"}));
  EXPECT_EQ(One("MATCH (n:P) WITH collect(n) AS ns RETURN size([x IN ns WHERE (x)-->()])"), "2");
  EXPECT_EQ(Rows("MATCH (n:P) RETURN n.name, exists((n)-[:LIKES]->()) AS e ORDER BY n.name"),
            (Lines{"'a' | true", "'b' | false", "'c' | false", "'d' | false"}));
  // A relationship bound earlier is matched again.
  EXPECT_EQ(One("MATCH (a)-[r:LIKES]->(b) RETURN count { MATCH (a)-[r]->(b) }"), "1");
  EXPECT_EQ(Rows("MATCH ()-[r:KNOWS]->(x) WHERE x.name = 'c' WITH r MATCH (s)-[r]->() "
                 "RETURN s.name"),
            (Lines{"'b'"}));
}

TEST_F(SubqueryExprTest, PatternPredicateErrors) {
  // A pattern predicate cannot introduce variables.
  EXPECT_EQ(Error("MATCH (n) WHERE (n)-->(x) RETURN n").code(), StatusCode::kSemanticError);
  EXPECT_EQ(Error("MATCH (n) WHERE (n)-[r]->() RETURN n").code(), StatusCode::kSemanticError);
  // Patterns are predicates only.
  EXPECT_EQ(Error("MATCH (n) RETURN (n)-->()").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(Error("MATCH (n) WITH (n)-->() AS x RETURN x").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(Error("MATCH (n) WHERE (n) RETURN n").code(), StatusCode::kSyntaxError);
}

TEST_F(SubqueryExprTest, ExistsSubqueries) {
  EXPECT_EQ(Rows("MATCH (n:P) WHERE EXISTS { (n)-[:KNOWS]->(m) WHERE m.name = 'c' } "
                 "RETURN n.name"),
            (Lines{"'b'"}));
  EXPECT_EQ(Rows("MATCH (n:P) WHERE EXISTS { MATCH (n)-->(m) WITH n, count(*) AS c WHERE c = 2 "
                 "RETURN true } RETURN n.name"),
            (Lines{"'a'"}));
  // Nested, with the outer variable used two levels down.
  EXPECT_EQ(Rows("MATCH (n:P) WHERE EXISTS { MATCH (m:P) WHERE EXISTS { (n)-[:LIKES]->(m) } } "
                 "RETURN n.name"),
            (Lines{"'a'"}));
  EXPECT_EQ(Rows("MATCH (n:P) RETURN n.name, EXISTS { (n)<--() } AS e ORDER BY n.name"),
            (Lines{"'a' | false", "'b' | true", "'c' | true", "'d' | false"}));
  EXPECT_EQ(Error("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.x = 1 } RETURN n").code(),
            StatusCode::kSyntaxError);
}

TEST_F(SubqueryExprTest, CountSubqueries) {
  EXPECT_EQ(Rows("MATCH (n:P) RETURN n.name, COUNT { (n)-->() } AS c ORDER BY n.name"),
            (Lines{"'a' | 2", "'b' | 1", "'c' | 0", "'d' | 0"}));
  EXPECT_EQ(Rows("MATCH (n:P) WHERE COUNT { MATCH (n)--(m) RETURN m } = 2 RETURN n.name "
                 "ORDER BY n.name"),
            (Lines{"'a'", "'b'", "'c'"}));
  // UNION inside: distinct rows of both parts.
  EXPECT_EQ(One("MATCH (n:P {name: 'b'}) RETURN COUNT { MATCH (n)-->(m) RETURN m.name AS x "
                "UNION MATCH (n)<--(m) RETURN m.name AS x }"),
            "2");
  // An aggregate and a COUNT subquery side by side.
  EXPECT_EQ(One("MATCH (n:P) RETURN sum(COUNT { (n)-->() })"), "3");
}

TEST_F(SubqueryExprTest, CollectSubqueries) {
  EXPECT_EQ(One("MATCH (n:P {name: 'a'}) RETURN COLLECT { MATCH (n)-->(m) RETURN m.name "
                "ORDER BY m.name }"),
            "['b', 'c']");
  EXPECT_EQ(One("MATCH (n:P {name: 'd'}) RETURN COLLECT { MATCH (n)-->(m) RETURN m.name }"), "[]");
  EXPECT_EQ(Error("MATCH (n) RETURN COLLECT { MATCH (n)-->(m) RETURN m.name, m }").code(),
            StatusCode::kSemanticError);
}

TEST_F(SubqueryExprTest, PatternComprehensions) {
  EXPECT_EQ(One("MATCH (n:P {name: 'a'}) RETURN [(n)-->(m) WHERE m.name <> 'b' | m.name]"),
            "['c']");
  EXPECT_EQ(One("MATCH (n:P {name: 'a'}) RETURN size([p = (n)-[:KNOWS*]->() | length(p)])"), "2");
  EXPECT_EQ(Rows("MATCH (n:P) RETURN n.name, [(n)<-[:KNOWS]-(x) | x.name] AS k ORDER BY n.name"),
            (Lines{"'a' | []", "'b' | ['a']", "'c' | ['b']", "'d' | []"}));
}

TEST_F(SubqueryExprTest, ShortestPaths) {
  EXPECT_EQ(One("MATCH p = shortestPath((a:P {name: 'a'})-[*]->(c:P {name: 'c'})) "
                "RETURN length(p)"),
            "1");
  EXPECT_EQ(One("MATCH p = shortestPath((a:P {name: 'a'})-[:KNOWS*]-(c:P {name: 'c'})) "
                "RETURN [n IN nodes(p) | n.name]"),
            "['a', 'b', 'c']");
  EXPECT_EQ(Rows("MATCH p = shortestPath((a:P {name: 'c'})-[*]->(b:P {name: 'a'})) RETURN p"),
            Lines{});
  EXPECT_EQ(Rows("MATCH p = shortestPath((a:P {name: 'a'})-[*..1]->(c:P {name: 'b'})) "
                 "RETURN length(p)"),
            (Lines{"1"}));
  // Two shortest paths in a diamond.
  Summary("CREATE (s:D {n: 's'})-[:R]->(:D)-[:R]->(t:D {n: 't'}), (s)-[:R]->(:D)-[:R]->(t)");
  EXPECT_EQ(One("MATCH p = allShortestPaths((s:D {n: 's'})-[:R*]->(t:D {n: 't'})) "
                "RETURN count(p)"),
            "2");
  EXPECT_EQ(One("MATCH p = shortestPath((s:D {n: 's'})-[:R*]->(t:D {n: 't'})) RETURN count(p)"),
            "1");
  // As an expression.
  EXPECT_EQ(One("MATCH (s:D {n: 's'}), (t:D {n: 't'}) RETURN length(shortestPath((s)-[*]->(t)))"),
            "2");
  EXPECT_EQ(Error("MATCH p = shortestPath((a)-[*2..]->(b)) RETURN p").code(),
            StatusCode::kSyntaxError);
}

}  // namespace
}  // namespace smith::testing
