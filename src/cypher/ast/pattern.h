// Cypher graph patterns: `p = (a:A {k: 1})-[r:T*1..3]->(b)`, comma-separated lists of them, and
// shortestPath / allShortestPaths.
//
// A PatternPath alternates nodes and relationships: nodes.size() == relationships.size() + 1,
// relationships[i] connects nodes[i] and nodes[i + 1]. Empty names mean "not written" (the
// binder may invent anonymous variables). Value types: move-only, Clone() deep-copies.
#ifndef SMITH_CYPHER_AST_PATTERN_H_
#define SMITH_CYPHER_AST_PATTERN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cypher/ast/expression.h"

namespace smith::cypher {

// `(variable:labels {properties} WHERE where)`. properties is a MapLiteral or a Parameter, or
// null; where (Neo4j 5 inline predicate) may be null.
struct NodePattern {
  SourcePos pos;
  std::string variable;
  LabelList labels;
  ExprPtr properties;
  ExprPtr where;

  NodePattern Clone() const;
};

// Direction as written left to right: `-->` kOutgoing, `<--` kIncoming, `--` and `<-->` kBoth.
enum class RelDirection : uint8_t { kOutgoing, kIncoming, kBoth };

// `*` (min and max absent), `*2` (min == max == 2), `*1..3`, `*..3`, `*2..`.
struct VarLength {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

// `-[variable:types*length {properties} WHERE where]->`. `types` is empty or one item (an
// alternation is one kOr item: `:T|U`).
struct RelationshipPattern {
  SourcePos pos;
  std::string variable;
  RelDirection direction = RelDirection::kBoth;
  LabelList types;
  std::optional<VarLength> length;
  ExprPtr properties;
  ExprPtr where;

  RelationshipPattern Clone() const;
};

enum class PathKind : uint8_t { kPattern, kShortest, kAllShortest };

struct PatternPath {
  SourcePos pos;
  std::string variable;  // `p = ...`; empty if unnamed.
  PathKind kind = PathKind::kPattern;
  std::vector<NodePattern> nodes;
  std::vector<RelationshipPattern> relationships;

  PatternPath Clone() const;
};

// Comma-separated paths, as after MATCH or CREATE.
struct Pattern {
  SourcePos pos;
  std::vector<PatternPath> paths;

  Pattern Clone() const;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_AST_PATTERN_H_
