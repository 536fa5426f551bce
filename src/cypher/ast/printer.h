// Canonical Cypher text for ASTs.
//
// The output is one line: keywords upper-case (literals true/false/null and function-like forms
// such as count(*), all(...), reduce(...), shortestPath(...) lower-case as Neo4j prints them),
// single spaces, strings in single quotes, names in backticks only when needed, and parentheses
// only where precedence requires them. Contract: for every AST `a` produced by the parser,
// ToCypher(parse(ToCypher(a))) == ToCypher(a), and the meaning is preserved, including the
// column names of RETURN items: an unaliased item whose canonical text differs from its source
// text is printed with `AS <source text>`.
//
// Thread safety: pure functions.
#ifndef SMITH_CYPHER_AST_PRINTER_H_
#define SMITH_CYPHER_AST_PRINTER_H_

#include <string>
#include <string_view>

#include "cypher/ast/statement.h"

namespace smith::cypher {

std::string ToCypher(const Statement& statement);
std::string ToCypher(const Query& query);
std::string ToCypher(const Clause& clause);
std::string ToCypher(const Expression& expr);
std::string ToCypher(const PatternPath& path);
std::string ToCypher(const LabelExpression& label);

// `name` as written in Cypher: unchanged if it lexes as one word, otherwise in backticks (with
// ` doubled). For labels, types, property keys and function names.
std::string QuoteName(std::string_view name);

// As QuoteName, but also quotes the few keywords that would not read back as a variable (true,
// null, count, where, ...). For variables, aliases and schema object names.
std::string QuoteVariable(std::string_view name);

// A string literal in single quotes with \\, \', \n, \r, \t, \b, \f and \uXXXX escapes.
std::string QuoteString(std::string_view value);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_AST_PRINTER_H_
