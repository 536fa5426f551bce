// The Cypher lexer (internal to the parser).
//
// Tokenize() turns the whole input into a token vector in one pass: no regular expressions, no
// allocation besides the vector. Comments (`// ...`, `/* ... */`) and whitespace (including the
// Unicode spaces and a byte order mark) are skipped. Lexical errors are reported as
// kSyntaxError Statuses (see syntax_error.h) at the offending character:
//   - unterminated string literals, quoted identifiers and block comments,
//   - invalid escapes (valid: \\ \' \" \b \f \n \r \t \uXXXX \UXXXXXXXX, letters in either case),
//   - malformed numbers (`0x`, `0x1G`, `12abc`), integers above 2^63 ("integer is too large"),
//     floats that overflow to infinity,
//   - characters that cannot start a token (`#`, `~`, `—`, ...) and invalid UTF-8.
#ifndef SMITH_CYPHER_PARSER_LEXER_H_
#define SMITH_CYPHER_PARSER_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "cypher/parser/token.h"

namespace smith::cypher {

// Replaces the contents of `tokens` with the tokens of `source`, terminated by one kEnd token
// positioned at the end of the input.
Status Tokenize(std::string_view source, std::vector<Token>* tokens);

// The value of a string literal token's text (quotes included). The text must have been
// accepted by Tokenize(); the result is UTF-8.
std::string DecodeStringLiteral(std::string_view text);

// Whether `name` lexes as one unquoted word (so it needs no backticks unless it is a keyword).
bool IsUnquotedName(std::string_view name);

// The name inside a quoted identifier token's text (backticks included; ``` `` ``` is one `).
std::string DecodeQuotedIdentifier(std::string_view text);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PARSER_LEXER_H_
