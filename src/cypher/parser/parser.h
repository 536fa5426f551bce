// The Cypher parser: text in the Neo4j 5 dialect of openCypher -> AST (cypher/ast/*.h).
//
// Hand-written recursive descent over the tokens of lexer.h (see
// docs/adr/0005-hand-written-cypher-parser.md). The parser checks syntax only: variable
// scoping, clause ordering, aggregation rules, argument counts and the like are the binder's.
//
// Errors: every function below returns a kSyntaxError Status on failure, with a Neo4j-like
// message naming the offending input, what was expected, the line, column and offset, and the
// offending line with a caret (see syntax_error.h). Positions in ASTs and errors are relative
// to the whole text passed in (for a script: the script).
//
// Keywords are case-insensitive; most of them may also be used as names. Node positions are
// described in cypher/ast/expression.h.
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef SMITH_CYPHER_PARSER_PARSER_H_
#define SMITH_CYPHER_PARSER_PARSER_H_

#include <string_view>
#include <vector>

#include "common/result.h"
#include "cypher/ast/statement.h"

namespace smith::cypher {

// Parses exactly one statement, optionally followed by `;`. An empty input, or a second
// statement after the `;`, is an error.
Result<StatementPtr> ParseStatement(std::string_view query);

// Parses a script: statements separated by `;` (a `;` inside a string, quoted name or comment
// does not separate). Empty statements (`;;`, trailing `;`, only comments) are skipped, so an
// empty script yields an empty vector. Fails on the first statement that does not parse.
Result<std::vector<StatementPtr>> ParseScript(std::string_view script);

// Splits a script into the texts of its non-empty statements (without the `;`, trimmed of
// surrounding whitespace and comments) by lexing only. The views point into `script`. Fails
// only on lexical errors (e.g. an unterminated string).
Result<std::vector<std::string_view>> SplitStatements(std::string_view script);

// Parses one expression, e.g. "n.age > 3 AND n:Person" (for tools and tests).
Result<ExprPtr> ParseExpression(std::string_view text);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PARSER_PARSER_H_
