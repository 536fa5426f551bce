// Helpers shared by the Cypher parser tests.
#ifndef SMITH_TESTS_CPP_CYPHER_TEST_UTIL_H_
#define SMITH_TESTS_CPP_CYPHER_TEST_UTIL_H_

#include <string>
#include <string_view>

#include "cypher/ast/statement.h"

namespace smith::cypher::testing {

// Parses one statement; on failure records a test failure and returns nullptr.
StatementPtr MustParse(std::string_view query);

// Parses one expression; on failure records a test failure and returns nullptr.
ExprPtr MustParseExpr(std::string_view text);

// ToCypher(parse(query)), also checking that printing is a fixed point and that Clone() prints
// the same. Returns "<parse error: ...>" if the query does not parse.
std::string Canonical(std::string_view query);

// Canonical text of one expression (same checks as Canonical).
std::string CanonicalExpr(std::string_view text);

// A fully parenthesised rendering of an expression's operator structure, e.g. "(+ 1 (* 2 3))",
// for precedence tests. Non-operator expressions render as their canonical Cypher.
std::string Sexp(const Expression& e);
std::string SexpOf(std::string_view text);

// The message of the syntax error `query` produces ("" if it parses; records a failure if the
// status code is not kSyntaxError).
std::string ErrorOf(std::string_view query);

// The first query statement's clause `index`.
const Clause& ClauseAt(const Statement& s, size_t index);

}  // namespace smith::cypher::testing

#endif  // SMITH_TESTS_CPP_CYPHER_TEST_UTIL_H_
