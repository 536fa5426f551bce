// Identifier types shared by the graph layer and everything above it.
#ifndef SMITH_GRAPH_IDS_H_
#define SMITH_GRAPH_IDS_H_

#include <cstdint>

namespace smith::graph {

// Node and relationship ids are allocated sequentially from 0 by the single writer and never
// reused, so they double as dense array indexes for in-memory side tables (see NodeLabelTable).
using NodeId = uint64_t;
using RelId = uint64_t;
// Labels, relationship types and property keys are interned as 32-bit tokens.
using TokenId = uint32_t;
// Constraints and indexes share one id space.
using SchemaId = uint32_t;

// DO NOT CHANGE THESE ENUM VALUES: they are embedded in on-disk keys.
enum class Direction : uint8_t { kOutgoing = 0, kIncoming = 1 };
enum class TokenKind : uint8_t { kLabel = 0, kRelType = 1, kPropertyKey = 2 };
inline constexpr int kTokenKindCount = 3;

const char* TokenKindName(TokenKind kind);

}  // namespace smith::graph

#endif  // SMITH_GRAPH_IDS_H_
