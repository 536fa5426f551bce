// Neo4j-style syntax errors for the Cypher front end.
//
// A syntax error is a Status with StatusCode::kSyntaxError whose message reads
//
//   Invalid input 'RETRN': expected 'MATCH', 'RETURN', ... (line 1, column 11 (offset: 10))
//   "MATCH (n) RETRN n"
//              ^
//
// i.e. the description, the position (1-based line and column in code points, 0-based byte
// offset), the offending line of the query in double quotes and a caret under the offending
// column (tabs in the line are repeated so that the caret lines up).
#ifndef SMITH_CYPHER_PARSER_SYNTAX_ERROR_H_
#define SMITH_CYPHER_PARSER_SYNTAX_ERROR_H_

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "cypher/ast/source_pos.h"

namespace smith::cypher {

// The line and column of byte `offset` in `source` (offset may equal source.size()).
SourcePos PositionAt(std::string_view source, uint32_t offset);

// A kSyntaxError Status for `description` at byte `offset` of `source`, formatted as above.
Status SyntaxErrorAt(std::string_view source, uint32_t offset, std::string_view description);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PARSER_SYNTAX_ERROR_H_
