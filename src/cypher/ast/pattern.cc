#include "cypher/ast/pattern.h"

namespace smith::cypher {

NodePattern NodePattern::Clone() const {
  NodePattern out;
  out.pos = pos;
  out.variable = variable;
  out.labels = CloneLabels(labels);
  out.properties = CloneExpr(properties);
  out.where = CloneExpr(where);
  return out;
}

RelationshipPattern RelationshipPattern::Clone() const {
  RelationshipPattern out;
  out.pos = pos;
  out.variable = variable;
  out.direction = direction;
  out.types = CloneLabels(types);
  out.length = length;
  out.properties = CloneExpr(properties);
  out.where = CloneExpr(where);
  return out;
}

PatternPath PatternPath::Clone() const {
  PatternPath out;
  out.pos = pos;
  out.variable = variable;
  out.kind = kind;
  out.nodes.reserve(nodes.size());
  for (const NodePattern& n : nodes) out.nodes.push_back(n.Clone());
  out.relationships.reserve(relationships.size());
  for (const RelationshipPattern& r : relationships) out.relationships.push_back(r.Clone());
  return out;
}

Pattern Pattern::Clone() const {
  Pattern out;
  out.pos = pos;
  out.paths.reserve(paths.size());
  for (const PatternPath& p : paths) out.paths.push_back(p.Clone());
  return out;
}

}  // namespace smith::cypher
