// Cypher string literals: the one writer of quoted strings that smith's parser and Neo4j 5 read
// back to the same string (Value::ToString, the CLI's literals and its `cypher` export).
#ifndef SMITH_COMMON_CYPHER_STRING_H_
#define SMITH_COMMON_CYPHER_STRING_H_

#include <string>
#include <string_view>

namespace smith {

// Appends `s` in single quotes. Escapes the quote and the backslash, \n \r \t \b \f by name and
// every other control character below 0x20 as \uXXXX; all other bytes (UTF-8 included) as is.
void AppendCypherStringLiteral(std::string_view s, std::string* out);

}  // namespace smith

#endif  // SMITH_COMMON_CYPHER_STRING_H_
