// SourcePos: where an AST node starts in the query text.
//
// `offset` is a byte offset into the UTF-8 text handed to the parser (for a script, the whole
// script), `line` and `column` are 1-based; `column` counts Unicode code points, so it matches
// what an editor shows. Nodes built by code rather than by the parser carry the default
// position (offset 0, line 1, column 1).
#ifndef SMITH_CYPHER_AST_SOURCE_POS_H_
#define SMITH_CYPHER_AST_SOURCE_POS_H_

#include <cstdint>

namespace smith::cypher {

struct SourcePos {
  uint32_t offset = 0;
  uint32_t line = 1;
  uint32_t column = 1;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_AST_SOURCE_POS_H_
