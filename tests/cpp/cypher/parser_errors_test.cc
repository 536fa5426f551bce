#include <gtest/gtest.h>

#include <string>

#include "cypher/parser/parser.h"
#include "test_util.h"

namespace smith::cypher {
namespace {

using testing::ErrorOf;

TEST(SyntaxErrorTest, MisspelledClause) {
  EXPECT_EQ(ErrorOf("MATCH (n) RETRN n"),
            "Invalid input 'RETRN': expected 'CALL', 'CREATE', 'DELETE', 'DETACH', 'FOREACH', "
            "'MATCH', 'MERGE', 'OPTIONAL', 'REMOVE', 'RETURN', 'SET', 'UNION', 'UNWIND', 'WITH', "
            "';' or <EOF> (line 1, column 11 (offset: 10))\n"
            "\"MATCH (n) RETRN n\"\n"
            "           ^");
}

TEST(SyntaxErrorTest, StatusCode) {
  auto r = ParseStatement("MATCH (n) RETRN n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(r.status().ToString().rfind("Neo.ClientError.Statement.SyntaxError: ", 0), 0u);
}

TEST(SyntaxErrorTest, UnknownStatementStart) {
  EXPECT_EQ(ErrorOf("SELECT * FROM t"),
            "Invalid input 'SELECT': expected 'CALL', 'CREATE', 'DELETE', 'DETACH', 'DROP', "
            "'EXPLAIN', 'FOREACH', 'MATCH', 'MERGE', 'OPTIONAL', 'PROFILE', 'REMOVE', 'RETURN', "
            "'SET', 'SHOW', 'UNWIND' or 'WITH' (line 1, column 1 (offset: 0))\n"
            "\"SELECT * FROM t\"\n"
            " ^");
}

TEST(SyntaxErrorTest, ErrorOnALaterLineShowsThatLine) {
  EXPECT_EQ(ErrorOf("MATCH (n)\nWHERE n.x = \nRETURN n"),
            "Invalid input 'RETURN': expected an expression (line 3, column 1 (offset: 23))\n"
            "\"RETURN n\"\n"
            " ^");
  EXPECT_EQ(ErrorOf("MATCH (n)\n\tWHERE n.x = ]"),
            "Invalid input ']': expected an expression (line 2, column 14 (offset: 23))\n"
            "\"\tWHERE n.x = ]\"\n"
            " \t            ^");
}

TEST(SyntaxErrorTest, UnexpectedEnd) {
  EXPECT_EQ(ErrorOf("MATCH (n:Person"),
            "Unexpected end of input: expected ':', '|', '&', '{', '$', 'WHERE' or ')' (line 1, "
            "column 16 "
            "(offset: 15))\n"
            "\"MATCH (n:Person\"\n"
            "                ^");
  EXPECT_NE(ErrorOf("RETURN").find("Unexpected end of input: expected an expression"),
            std::string::npos);
  EXPECT_NE(ErrorOf("").find("Unexpected end of input"), std::string::npos);
}

// Columns count code points; offsets count UTF-16 code units as Neo4j's do (ü is one, the
// emoji beyond the Basic Multilingual Plane two).
TEST(SyntaxErrorTest, ColumnsCountCodePoints) {
  EXPECT_NE(ErrorOf("RETURN '\U0001F600' + )").find("(line 1, column 14 (offset: 14))"),
            std::string::npos);
  EXPECT_EQ(ErrorOf("RETURN 'ü' + )"),
            "Invalid input ')': expected an expression (line 1, column 14 (offset: 13))\n"
            "\"RETURN 'ü' + )\"\n"
            "              ^");
}

TEST(SyntaxErrorTest, Patterns) {
  EXPECT_EQ(ErrorOf("MATCH (a)-[r:T->(b) RETURN a"),
            "Invalid input '-': expected '|', '&', '*', '{', '$', 'WHERE' or ']' "
            "(line 1, column 15 (offset: 14))\n"
            "\"MATCH (a)-[r:T->(b) RETURN a\"\n"
            "               ^");
  EXPECT_NE(ErrorOf("MATCH (a)-(b) RETURN a").find("Invalid input '(': expected '-' or '['"),
            std::string::npos);
  EXPECT_NE(ErrorOf("MATCH (a:) RETURN a").find("expected a label or type name"),
            std::string::npos);
  EXPECT_NE(ErrorOf("MATCH (a)-[*1..x]->(b) RETURN a").find("Invalid input 'x'"),
            std::string::npos);
}

TEST(SyntaxErrorTest, Expressions) {
  EXPECT_NE(ErrorOf("RETURN [1, 2").find("Unexpected end of input: expected ',' or ']'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("RETURN [, ]").find("Invalid input ',': expected an expression"),
            std::string::npos);
  EXPECT_NE(ErrorOf("RETURN [[[]] AS literal").find("expected ',' or ']'"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN {a 1}").find("Invalid input '1': expected ':'"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN CASE END").find("expected 'WHEN'"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN x IS NOT 1").find("expected 'NULL'"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN f(1,)").find("Invalid input ')': expected an expression"),
            std::string::npos);
  EXPECT_NE(ErrorOf("RETURN (1 + 2").find("expected an operator or ')'"), std::string::npos);
}

TEST(SyntaxErrorTest, Clauses) {
  EXPECT_NE(ErrorOf("UNWIND [1] x RETURN x").find("Invalid input 'x': expected 'AS'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("MATCH (n) SET n.x RETURN n").find("Invalid input 'RETURN': expected '='"),
            std::string::npos);
  EXPECT_NE(ErrorOf("MATCH (n) SET n RETURN n").find("expected '=', '+=' or ':'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("MATCH (n) REMOVE n RETURN n").find("expected '.', '[' or ':'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("CALL { RETURN 1 AS x RETURN x").find("expected a clause, 'UNION' or '}'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("CALL { CREATE () } IN TRANSACTIONS OF 5").find("expected 'ROWS'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("RETURN 1 ORDER x").find("expected 'BY'"), std::string::npos);
  EXPECT_NE(ErrorOf("FOREACH (x IN [1] RETURN x)").find("expected '|'"), std::string::npos);
}

TEST(SyntaxErrorTest, LiteralErrorsFromTheLexer) {
  EXPECT_EQ(ErrorOf("RETURN 9223372036854775808"),
            "integer is too large (line 1, column 8 (offset: 7))\n"
            "\"RETURN 9223372036854775808\"\n"
            "        ^");
  EXPECT_EQ(ErrorOf("RETURN -9223372036854775808"), "");
  EXPECT_NE(ErrorOf("RETURN -0x8000000000000001").find("integer is too large"), std::string::npos);
  EXPECT_EQ(ErrorOf("RETURN -0x8000000000000000"), "");
  EXPECT_NE(ErrorOf("MATCH ()-[*9223372036854775808]->() RETURN 1").find("integer is too large"),
            std::string::npos);
  EXPECT_NE(ErrorOf("RETURN 'abc").find("even number of non-escaped quotes"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN 1 /* x").find("must have a closing `*/`"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN '\\x'").find("Invalid escape sequence '\\x'"), std::string::npos);
  EXPECT_NE(ErrorOf("RETURN 0x").find("Invalid number literal '0x'"), std::string::npos);
}

TEST(SyntaxErrorTest, DeepNestingFailsCleanly) {
  std::string deep(5000, '[');
  deep = "RETURN " + deep + std::string(5000, ']');
  EXPECT_NE(ErrorOf(deep).find("nested too deeply"), std::string::npos);
  std::string parens = "RETURN " + std::string(5000, '(') + "1" + std::string(5000, ')');
  EXPECT_NE(ErrorOf(parens).find("nested too deeply"), std::string::npos);
  std::string nots = "RETURN ";
  for (int i = 0; i < 5000; ++i) nots += "NOT ";
  EXPECT_NE(ErrorOf(nots + "true").find("nested too deeply"), std::string::npos);
  std::string minus = "RETURN " + std::string(5000, '-') + "x";
  EXPECT_NE(ErrorOf(minus).find("nested too deeply"), std::string::npos);
  // Long operator chains make deep trees (every later pass recurses over them): bounded too.
  std::string sum = "RETURN 1";
  for (int i = 0; i < 200000; ++i) sum += " + 1";
  EXPECT_NE(ErrorOf(sum).find("nested too deeply"), std::string::npos);
  std::string props = "RETURN a";
  for (int i = 0; i < 200000; ++i) props += ".b";
  EXPECT_NE(ErrorOf(props).find("nested too deeply"), std::string::npos);
  // Moderate nesting is fine.
  EXPECT_EQ(ErrorOf("RETURN " + std::string(40, '[') + std::string(40, ']')), "");
  std::string ors = "MATCH (n) WHERE n.id = 0";
  for (int i = 1; i < 900; ++i) ors += " OR n.id = " + std::to_string(i);
  EXPECT_EQ(testing::Canonical(ors + " RETURN n"), ors + " RETURN n");
}

}  // namespace
}  // namespace smith::cypher
