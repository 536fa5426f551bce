#include <gtest/gtest.h>

#include <limits>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"
#include "test_util.h"

namespace smith::cypher {
namespace {

using testing::CanonicalExpr;
using testing::MustParseExpr;
using testing::SexpOf;

TEST(ExpressionPrecedenceTest, Arithmetic) {
  EXPECT_EQ(SexpOf("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(SexpOf("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(SexpOf("(1 - 2) * 3 % 4 / 5"), "(/ (% (* (- 1 2) 3) 4) 5)");
  EXPECT_EQ(SexpOf("2 ^ 3 ^ 2"), "(^ (^ 2 3) 2)");  // Left-associative, as in Neo4j.
  EXPECT_EQ(SexpOf("2 * 3 ^ 2"), "(* 2 (^ 3 2))");
  // Unary minus binds tighter than ^ (and a minus before a number makes a negative literal).
  EXPECT_EQ(SexpOf("-2 ^ 2"), "(^ -2 2)");
  EXPECT_EQ(SexpOf("-x ^ 2"), "(^ (neg x) 2)");
  EXPECT_EQ(SexpOf("2 ^ -x"), "(^ 2 (neg x))");
  EXPECT_EQ(SexpOf("- -x"), "(neg (neg x))");
  EXPECT_EQ(SexpOf("-n.x"), "(neg (. n x))");
  EXPECT_EQ(SexpOf("+x - -1"), "(- (pos x) -1)");
}

TEST(ExpressionPrecedenceTest, BooleanOperators) {
  EXPECT_EQ(SexpOf("a OR b XOR c AND d"), "(OR a (XOR b (AND c d)))");
  EXPECT_EQ(SexpOf("a AND b OR c"), "(OR (AND a b) c)");
  EXPECT_EQ(SexpOf("NOT a AND b"), "(AND (NOT a) b)");
  EXPECT_EQ(SexpOf("NOT a = b"), "(NOT (= a b))");
  EXPECT_EQ(SexpOf("NOT NOT a"), "(NOT (NOT a))");
  EXPECT_EQ(SexpOf("a or b and not c xor d"), "(OR a (XOR (AND b (NOT c)) d))");
}

TEST(ExpressionPrecedenceTest, Comparisons) {
  EXPECT_EQ(SexpOf("a + 1 = b * 2"), "(= (+ a 1) (* b 2))");
  EXPECT_EQ(SexpOf("a <> b"), "(<> a b)");
  EXPECT_EQ(SexpOf("a != b"), "(<> a b)");
  EXPECT_EQ(SexpOf("a < b < c"), "(chain a < b < c)");
  EXPECT_EQ(SexpOf("1 <= x < 5 = true"), "(chain 1 <= x < 5 = true)");
  EXPECT_EQ(SexpOf("a = b AND c >= d"), "(AND (= a b) (>= c d))");
}

TEST(ExpressionPrecedenceTest, StringListAndNullPredicates) {
  EXPECT_EQ(SexpOf("a STARTS WITH 'x' + 'y'"), "(STARTS WITH a (+ 'x' 'y'))");
  EXPECT_EQ(SexpOf("a ends with b"), "(ENDS WITH a b)");
  EXPECT_EQ(SexpOf("a CONTAINS b = true"), "(= (CONTAINS a b) true)");
  EXPECT_EQ(SexpOf("a =~ 'x.*'"), "(=~ a 'x.*')");
  EXPECT_EQ(SexpOf("x IN [1, 2] AND y IN l"), "(AND (IN x [1, 2]) (IN y l))");
  EXPECT_EQ(SexpOf("a + b IS NULL"), "(IS NULL (+ a b))");
  EXPECT_EQ(SexpOf("a IS NOT NULL = b IS NULL"), "(= (IS NOT NULL a) (IS NULL b))");
  EXPECT_EQ(SexpOf("x IS NULL IS NULL"), "(IS NULL (IS NULL x))");
  EXPECT_EQ(SexpOf("NOT x IS NULL"), "(NOT (IS NULL x))");
}

TEST(ExpressionPrecedenceTest, Postfix) {
  EXPECT_EQ(SexpOf("a.b.c"), "(. (. a b) c)");
  EXPECT_EQ(SexpOf("l[0][1]"), "([] ([] l 0) 1)");
  EXPECT_EQ(SexpOf("l[1..2]"), "([..] l 1 2)");
  EXPECT_EQ(SexpOf("l[..-1]"), "([..] l _ -1)");
  EXPECT_EQ(SexpOf("l[2..]"), "([..] l 2 _)");
  EXPECT_EQ(SexpOf("n.list[0].x"), "(. ([] (. n list) 0) x)");
  EXPECT_EQ(SexpOf("n:A:B"), "(: n A B)");
  EXPECT_EQ(SexpOf("n:A|B AND m:!C"), "(AND (: n A|B) (: m !C))");
  EXPECT_EQ(SexpOf("n.x:A"), "(: (. n x) A)");
  EXPECT_EQ(SexpOf("NOT n:A"), "(NOT (: n A))");
}

TEST(ExpressionLiteralTest, Numbers) {
  ExprPtr e = MustParseExpr("-9223372036854775808");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->kind, ExprKind::kLiteral);
  EXPECT_EQ(e->As<Literal>().int_value, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(CanonicalExpr("0x1F"), "31");
  EXPECT_EQ(CanonicalExpr("-0o17"), "-15");
  EXPECT_EQ(CanonicalExpr("1_000"), "1000");
  EXPECT_EQ(CanonicalExpr("1.5"), "1.5");
  EXPECT_EQ(CanonicalExpr(".5"), "0.5");
  EXPECT_EQ(CanonicalExpr("1e3"), "1000.0");
  EXPECT_EQ(CanonicalExpr("1e300"), "1.0e300");
  EXPECT_EQ(CanonicalExpr("-1.5e-7"), "-1.5e-07");
  EXPECT_EQ(CanonicalExpr("-0.0"), "-0.0");
  EXPECT_EQ(CanonicalExpr("0.1 + 0.2"), "0.1 + 0.2");
  e = MustParseExpr("-(1)");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, ExprKind::kUnary);
}

TEST(ExpressionLiteralTest, StringsBooleansNull) {
  ExprPtr e = MustParseExpr("'it\\'s'");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->As<Literal>().string_value, "it's");
  EXPECT_EQ(CanonicalExpr("\"double \\\"quoted\\\"\""), "'double \"quoted\"'");
  EXPECT_EQ(CanonicalExpr("'tab\\tnl\\n\\u0001'"), "'tab\\tnl\\n\\u0001'");
  EXPECT_EQ(CanonicalExpr("'üñí'"), "'üñí'");
  EXPECT_EQ(CanonicalExpr("TRUE AND False OR NULL"), "true AND false OR null");
}

TEST(ExpressionLiteralTest, ListsMapsParameters) {
  EXPECT_EQ(CanonicalExpr("[1,2 , [3]]"), "[1, 2, [3]]");
  EXPECT_EQ(CanonicalExpr("[]"), "[]");
  EXPECT_EQ(CanonicalExpr("{a:1, `b c`: 'x', match: {}}"), "{a: 1, `b c`: 'x', match: {}}");
  EXPECT_EQ(CanonicalExpr("$param"), "$param");
  EXPECT_EQ(CanonicalExpr("$0 + $1"), "$0 + $1");
  EXPECT_EQ(CanonicalExpr("$`a b`"), "$`a b`");
  ExprPtr e = MustParseExpr("$0");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->As<Parameter>().name, "0");
}

TEST(ExpressionTest, VariablesAndQuoting) {
  EXPECT_EQ(CanonicalExpr("`my var`.`my key`"), "`my var`.`my key`");
  EXPECT_EQ(CanonicalExpr("`a``b`"), "`a``b`");
  EXPECT_EQ(CanonicalExpr("`x`"), "x");
  // Keywords work as names; the few that would read back differently are quoted.
  EXPECT_EQ(CanonicalExpr("row.end + order.match"), "row.end + order.match");
  EXPECT_EQ(CanonicalExpr("`null` + `count`"), "`null` + `count`");
}

TEST(ExpressionTest, FunctionCalls) {
  EXPECT_EQ(CanonicalExpr("toUpper(n.name)"), "toUpper(n.name)");
  EXPECT_EQ(CanonicalExpr("count(*)"), "count(*)");
  EXPECT_EQ(CanonicalExpr("COUNT ( * )"), "count(*)");
  EXPECT_EQ(CanonicalExpr("count(DISTINCT n.x)"), "count(DISTINCT n.x)");
  EXPECT_EQ(CanonicalExpr("date.truncate('month', d)"), "date.truncate('month', d)");
  EXPECT_EQ(CanonicalExpr("a.b.c()"), "a.b.c()");
  ExprPtr e = MustParseExpr("apoc.coll.sum([1])");
  ASSERT_NE(e, nullptr);
  const auto& f = e->As<FunctionCall>();
  EXPECT_EQ(f.QualifiedName(), "apoc.coll.sum");
  EXPECT_EQ(f.namespaces.size(), 2u);
  EXPECT_EQ(f.args.size(), 1u);
}

TEST(ExpressionTest, Case) {
  EXPECT_EQ(CanonicalExpr("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END"),
            "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END");
  EXPECT_EQ(CanonicalExpr("case x when 1 then 'one' end"), "CASE x WHEN 1 THEN 'one' END");
  ExprPtr e = MustParseExpr("CASE x WHEN 1 THEN 2 END");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->As<CaseExpr>().subject, nullptr);
  EXPECT_EQ(e->As<CaseExpr>().else_expr, nullptr);
}

TEST(ExpressionTest, Comprehensions) {
  EXPECT_EQ(CanonicalExpr("[x IN l WHERE x > 1 | x * 2]"), "[x IN l WHERE x > 1 | x * 2]");
  EXPECT_EQ(CanonicalExpr("[x IN l]"), "[x IN l]");
  EXPECT_EQ(CanonicalExpr("[x IN l | x.a]"), "[x IN l | x.a]");
  EXPECT_EQ(CanonicalExpr("[(a)-->(b:B) WHERE b.x | b.name]"), "[(a)-->(b:B) WHERE b.x | b.name]");
  EXPECT_EQ(CanonicalExpr("[p = (a)-[:T*]->() | length(p)]"), "[p = (a)-[:T*]->() | length(p)]");
  // A `|` after a label in a comprehension's WHERE ends the WHERE ...
  ExprPtr e = MustParseExpr("[x IN l WHERE x:A | x.name]");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->kind, ExprKind::kListComprehension);
  EXPECT_NE(e->As<ListComprehension>().projection, nullptr);
  // ... unless parenthesised; the printer parenthesises label alternatives in expressions.
  EXPECT_EQ(CanonicalExpr("[x IN l WHERE x:(A|B) | x]"), "[x IN l WHERE x:(A|B) | x]");
  EXPECT_EQ(CanonicalExpr("n:A|B"), "n:(A|B)");
  // [a IN b, c] is not a list literal.
  EXPECT_FALSE(ParseExpression("[a IN b, c]").ok());
  EXPECT_EQ(CanonicalExpr("[(a IN b), c]"), "[(a IN b), c]");
  EXPECT_EQ(CanonicalExpr("[(a IN b AND c)]"), "[(a IN b AND c)]");
  EXPECT_EQ(CanonicalExpr("[a.x IN b]"), "[a.x IN b]");
  EXPECT_EQ(CanonicalExpr("any((x IN l))"), "any((x IN l))");
  EXPECT_EQ(CanonicalExpr("reduce((a = 1), 2)"), "reduce((a = 1), 2)");
}

TEST(ExpressionTest, QuantifiersAndReduce) {
  EXPECT_EQ(CanonicalExpr("all(x IN l WHERE x > 0)"), "all(x IN l WHERE x > 0)");
  EXPECT_EQ(CanonicalExpr("ANY(x IN l WHERE x)"), "any(x IN l WHERE x)");
  EXPECT_EQ(CanonicalExpr("none(x IN l WHERE x)"), "none(x IN l WHERE x)");
  EXPECT_EQ(CanonicalExpr("single(x IN l WHERE x)"), "single(x IN l WHERE x)");
  EXPECT_EQ(CanonicalExpr("reduce(acc = 0, x IN l | acc + x)"),
            "reduce(acc = 0, x IN l | acc + x)");
  // Not a quantifier without `variable IN`: an ordinary function call.
  ExprPtr e = MustParseExpr("any(l)");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, ExprKind::kFunctionCall);
}

TEST(ExpressionTest, MapProjection) {
  EXPECT_EQ(CanonicalExpr("n{.name, .*, age: n.age + 1, other}"),
            "n{.name, .*, age: n.age + 1, other}");
  EXPECT_EQ(CanonicalExpr("n {}"), "n{}");
  ExprPtr e = MustParseExpr("n{.a, b}");
  ASSERT_NE(e, nullptr);
  const auto& m = e->As<MapProjection>();
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].kind, MapProjectionItemKind::kProperty);
  EXPECT_EQ(m.items[1].kind, MapProjectionItemKind::kVariable);
  EXPECT_EQ(m.items[1].value->As<Variable>().name, "b");
}

TEST(ExpressionTest, PatternPredicatesAndParentheses) {
  ExprPtr e = MustParseExpr("(a)-[:T]->(b)");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, ExprKind::kPattern);
  EXPECT_EQ(CanonicalExpr("NOT (a)<--(:L)"), "NOT (a)<--(:L)");
  EXPECT_EQ(CanonicalExpr("(a) - (b)"), "a - b");
  EXPECT_EQ(CanonicalExpr("(a) < -1"), "a < -1");
  EXPECT_EQ(CanonicalExpr("((a + b))"), "a + b");
  EXPECT_EQ(CanonicalExpr("size((n)-->())"), "size((n)-->())");
  EXPECT_EQ(CanonicalExpr("shortestPath((a)-[*]-(b))"), "shortestPath((a)-[*]-(b))");
  EXPECT_EQ(CanonicalExpr("exists((n)-->())"), "exists((n)-->())");
}

TEST(ExpressionTest, NestedSpeculationStaysLinear) {
  // Each level looks like a pattern `(node {map})-...` but is arithmetic; without memoising
  // failed speculative parses this takes 2^40 steps.
  std::string e = "1";
  for (int i = 0; i < 40; ++i) e = "({a: " + e + "})-1";
  EXPECT_EQ(CanonicalExpr(e).substr(0, 12), "{a: {a: {a: ");
  std::string l = "1";
  for (int i = 0; i < 40; ++i) l = "[(a)-->(b {k: " + l + "})]";
  EXPECT_EQ(CanonicalExpr(l).substr(0, 16), "[(a)-->(b {k: [(");
}

TEST(ExpressionTest, Subqueries) {
  EXPECT_EQ(CanonicalExpr("EXISTS { MATCH (n)-->(m) RETURN m }"),
            "EXISTS { MATCH (n)-->(m) RETURN m }");
  EXPECT_EQ(CanonicalExpr("exists { (n)-->(m) where m.x > 1 }"),
            "EXISTS { (n)-->(m) WHERE m.x > 1 }");
  EXPECT_EQ(CanonicalExpr("COUNT { (n)--() } > 2"), "COUNT { (n)--() } > 2");
  EXPECT_EQ(CanonicalExpr("COLLECT { MATCH (n) RETURN n.x }"), "COLLECT { MATCH (n) RETURN n.x }");
  ExprPtr e = MustParseExpr("COUNT { (a)-->(b), (b)-->(c) }");
  ASSERT_NE(e, nullptr);
  const auto& s = e->As<SubqueryExpr>();
  EXPECT_EQ(s.subquery, SubqueryKind::kCount);
  ASSERT_NE(s.pattern, nullptr);
  EXPECT_EQ(s.pattern->paths.size(), 2u);
  EXPECT_EQ(s.query, nullptr);
}

TEST(ExpressionTest, MinimalParentheses) {
  EXPECT_EQ(CanonicalExpr("(a + b) * c"), "(a + b) * c");
  EXPECT_EQ(CanonicalExpr("a + (b * c)"), "a + b * c");
  EXPECT_EQ(CanonicalExpr("a - (b - c)"), "a - (b - c)");
  EXPECT_EQ(CanonicalExpr("(a - b) - c"), "a - b - c");
  EXPECT_EQ(CanonicalExpr("(a AND b) OR c"), "a AND b OR c");
  EXPECT_EQ(CanonicalExpr("a AND (b OR c)"), "a AND (b OR c)");
  EXPECT_EQ(CanonicalExpr("(NOT a) = b"), "(NOT a) = b");
  EXPECT_EQ(CanonicalExpr("(a = b) = c"), "(a = b) = c");
  EXPECT_EQ(CanonicalExpr("a = (b < c)"), "a = (b < c)");
  EXPECT_EQ(CanonicalExpr("(-1) ^ 2"), "-1 ^ 2");
  EXPECT_EQ(CanonicalExpr("-(-1)"), "-(-1)");
  EXPECT_EQ(CanonicalExpr("-(a ^ 2)"), "-(a ^ 2)");
  EXPECT_EQ(CanonicalExpr("(-1).x"), "(-1).x");
  EXPECT_EQ(CanonicalExpr("(a + b).x"), "(a + b).x");
  EXPECT_EQ(CanonicalExpr("(n:A).x"), "(n:A).x");
  EXPECT_EQ(CanonicalExpr("(a IN b) IN c"), "a IN b IN c");
  EXPECT_EQ(CanonicalExpr("a IN (b IN c)"), "a IN (b IN c)");
  EXPECT_EQ(CanonicalExpr("2 ^ (3 ^ 2)"), "2 ^ (3 ^ 2)");
}

TEST(ExpressionTest, Positions) {
  ExprPtr e = MustParseExpr("a +\n  b.c");
  ASSERT_NE(e, nullptr);
  const auto& add = e->As<BinaryExpr>();
  EXPECT_EQ(add.pos.offset, 2u);  // The operator.
  EXPECT_EQ(add.left->pos.column, 1u);
  const auto& prop = add.right->As<PropertyAccess>();
  EXPECT_EQ(prop.pos.line, 2u);
  EXPECT_EQ(prop.pos.column, 4u);  // The dot.
  EXPECT_EQ(prop.object->pos.column, 3u);
  ExprPtr neg = MustParseExpr("  -5");
  ASSERT_NE(neg, nullptr);
  EXPECT_EQ(neg->pos.column, 3u);  // A negative literal starts at its sign.
}

TEST(ExpressionTest, CloneIsDeep) {
  ExprPtr e = MustParseExpr("[x IN $l WHERE x.a = {k: [1, 'two']} | CASE WHEN x THEN 1 END]");
  ASSERT_NE(e, nullptr);
  ExprPtr copy = e->Clone();
  EXPECT_EQ(ToCypher(*copy), ToCypher(*e));
  e.reset();
  EXPECT_EQ(ToCypher(*copy), "[x IN $l WHERE x.a = {k: [1, 'two']} | CASE WHEN x THEN 1 END]");
}

}  // namespace
}  // namespace smith::cypher
