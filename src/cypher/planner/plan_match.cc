// MATCH and OPTIONAL MATCH: pattern planning with seek selection.
#include <algorithm>
#include <map>
#include <set>

#include "cypher/execution/cypher_error.h"
#include "cypher/planner/planner_impl.h"

namespace smith::cypher {

namespace {

void SplitConjuncts(const Expression* where, std::vector<const Expression*>* out) {
  if (where == nullptr) return;
  if (where->kind == ExprKind::kBinary && where->As<BinaryExpr>().op == BinaryOp::kAnd) {
    SplitConjuncts(where->As<BinaryExpr>().left.get(), out);
    SplitConjuncts(where->As<BinaryExpr>().right.get(), out);
    return;
  }
  out->push_back(where);
}

// `var.key` -> key, when `e` is a property access on variable `var`.
std::optional<std::string> PropertyOf(const Expression& e, const std::string& var) {
  if (e.kind != ExprKind::kProperty) return std::nullopt;
  const auto& p = e.As<PropertyAccess>();
  if (p.object->kind != ExprKind::kVariable || p.object->As<Variable>().name != var) {
    return std::nullopt;
  }
  return p.key;
}

std::vector<std::string> TypeNames(const LabelList& types, const Planner& planner, SourcePos pos) {
  std::vector<std::string> names;
  for (const LabelExpression& t : types) {
    if (t.kind == LabelExprKind::kName) {
      names.push_back(t.name);
    } else if (t.kind == LabelExprKind::kOr &&
               std::all_of(t.children.begin(), t.children.end(), [](const LabelExpression& c) {
                 return c.kind == LabelExprKind::kName;
               })) {
      for (const auto& c : t.children) names.push_back(c.name);
    } else {
      planner.Fail(StatusCode::kNotSupported,
                   "only relationship types and alternatives of them (:A|B) are supported here",
                   pos);
    }
  }
  return names;
}

exec::ExpandDirection ToExpand(RelDirection d, bool reversed) {
  switch (d) {
    case RelDirection::kOutgoing:
      return reversed ? exec::ExpandDirection::kIncoming : exec::ExpandDirection::kOutgoing;
    case RelDirection::kIncoming:
      return reversed ? exec::ExpandDirection::kOutgoing : exec::ExpandDirection::kIncoming;
    case RelDirection::kBoth:
      return exec::ExpandDirection::kBoth;
  }
  return exec::ExpandDirection::kBoth;
}

}  // namespace

exec::OperatorPtr Planner::PlanMatch(exec::OperatorPtr input, const MatchClause& match) {
  if (!match.optional) return PlanPattern(std::move(input), match.pattern, match.where.get());
  Scope before = scope_;
  exec::OperatorPtr inner = PlanPattern(exec::MakeOnce(), match.pattern, match.where.get());
  std::vector<int> null_slots;
  for (const auto& [name, info] : scope_.vars()) {
    if (!before.Find(name)) null_slots.push_back(info.slot);
  }
  return exec::MakeOptionalApply(std::move(input), std::move(inner), std::move(null_slots));
}

exec::OperatorPtr Planner::PlanPattern(exec::OperatorPtr input, const Pattern& pattern,
                                       const Expression* where) {
  std::set<std::string> bound_before;
  for (const auto& [name, info] : scope_.vars()) bound_before.insert(name);
  std::vector<const Expression*> conjuncts;
  SplitConjuncts(where, &conjuncts);
  std::vector<bool> used(conjuncts.size(), false);
  std::vector<int> rel_slots;
  exec::OperatorPtr op = std::move(input);

  auto depends_only_on_bound = [&](const Expression& e) {
    std::vector<std::string> vars;
    CollectVariables(e, &vars);
    return std::all_of(vars.begin(), vars.end(),
                       [&](const std::string& v) { return bound_before.count(v) > 0; });
  };
  auto add_property_filters = [&](const std::string& var, const cypher::ExprPtr& props,
                                  SourcePos pos, const std::set<std::string>& skip) {
    if (!props) return;
    if (props->kind != ExprKind::kMap) {
      Fail(StatusCode::kNotSupported,
           "a parameter as a property map in MATCH is not supported; "
           "use WHERE",
           pos);
    }
    for (const MapEntry& e : props->As<MapLiteral>().entries) {
      if (skip.count(e.key)) continue;
      auto var_expr = std::make_unique<exec::SlotExpr>(scope_.Find(var)->slot, var);
      auto lhs = std::make_unique<exec::PropertyExpr>(std::move(var_expr), e.key);
      op = exec::MakeFilter(std::move(op), std::make_unique<exec::BinaryOpExpr>(
                                               BinaryOp::kEq, std::move(lhs), Compile(*e.value)));
    }
  };

  // Variable kinds must agree across the pattern and with earlier clauses.
  std::map<std::string, VarKind> declared;
  auto declare = [&](const std::string& name, VarKind kind, SourcePos pos) {
    if (name.empty()) return;
    auto [it, inserted] = declared.emplace(name, kind);
    if (!inserted && (it->second != kind || kind != VarKind::kNode)) {
      Fail(StatusCode::kSemanticError,
           kind == VarKind::kNode || it->second == VarKind::kNode
               ? "Type mismatch: `" + name + "` defined with conflicting type"
               : "Variable `" + name + "` already declared",
           pos);
    }
    auto bound = scope_.Find(name);
    if (!bound) return;
    if (kind == VarKind::kPath) {
      Fail(StatusCode::kSemanticError, "Variable `" + name + "` already declared", pos);
    }
    if (kind == VarKind::kNode && bound->kind != VarKind::kNode && bound->kind != VarKind::kAny) {
      Fail(StatusCode::kSemanticError,
           "Type mismatch: `" + name + "` defined with conflicting type (expected Node)", pos);
    }
  };
  for (const PatternPath& path : pattern.paths) {
    declare(path.variable, VarKind::kPath, path.pos);
    for (const NodePattern& n : path.nodes) declare(n.variable, VarKind::kNode, n.pos);
    for (const RelationshipPattern& r : path.relationships) {
      declare(r.variable, r.length ? VarKind::kRelationshipList : VarKind::kRelationship, r.pos);
    }
  }
  for (const PatternPath& path : pattern.paths) {
    if (path.kind != PathKind::kPattern) {
      op = PlanShortestPath(std::move(op), path);
      continue;
    }
    // Names for every node and relationship; anonymous ones get hidden names.
    std::vector<std::string> node_names;
    for (const NodePattern& n : path.nodes) {
      node_names.push_back(n.variable.empty() ? "  anon" + std::to_string(anonymous_++)
                                              : n.variable);
    }
    std::vector<std::string> rel_names;
    for (const RelationshipPattern& r : path.relationships) {
      std::string name = r.variable.empty() ? "  anon" + std::to_string(anonymous_++) : r.variable;
      // A relationship bound by an earlier clause is matched again (single hops only).
      auto bound = scope_.Find(name);
      if (bound &&
          (r.length || (bound->kind != VarKind::kRelationship && bound->kind != VarKind::kAny))) {
        Fail(StatusCode::kSemanticError, "Variable `" + name + "` already declared", r.pos);
      }
      rel_names.push_back(name);
    }

    // Choose where to start: a bound node, else the best seek, else a label scan.
    struct Seek {
      int score = 0;  // 4 unique, 3 index equality, 2 index range, 1 label scan, 0 all nodes
      const graph::SchemaObject* object = nullptr;
      std::vector<const Expression*> keys;  // per schema property
      std::vector<int> conjuncts_used;
      std::set<std::string> inline_used;
      std::string label;
      // range
      const Expression* lower = nullptr;
      bool lower_inc = true;
      const Expression* upper = nullptr;
      bool upper_inc = true;
    };
    size_t start = 0;
    Seek best;
    best.score = -1;
    for (size_t i = 0; i < path.nodes.size(); ++i) {
      const NodePattern& n = path.nodes[i];
      const std::string& var = node_names[i];
      if (scope_.Find(var)) {
        start = i;
        best = Seek{};
        best.score = 100;
        break;
      }
      std::vector<std::string> labels;
      bool static_labels = StaticLabelNames(n.labels, &labels);
      Seek s;
      s.score = static_labels && !labels.empty() ? 1 : 0;
      if (s.score == 1) s.label = labels[0];
      // Equalities available for this node.
      std::map<std::string, std::pair<const Expression*, int>> equal;  // key -> (expr, conjunct)
      if (n.properties && n.properties->kind == ExprKind::kMap) {
        for (const MapEntry& e : n.properties->As<MapLiteral>().entries) {
          if (depends_only_on_bound(*e.value)) equal[e.key] = {e.value.get(), -1};
        }
      }
      for (size_t c = 0; c < conjuncts.size(); ++c) {
        const Expression* cj = conjuncts[c];
        if (cj->kind != ExprKind::kBinary || cj->As<BinaryExpr>().op != BinaryOp::kEq) continue;
        const auto& b = cj->As<BinaryExpr>();
        if (auto key = PropertyOf(*b.left, var); key && depends_only_on_bound(*b.right)) {
          equal.try_emplace(*key, b.right.get(), static_cast<int>(c));
        } else if (auto key2 = PropertyOf(*b.right, var); key2 && depends_only_on_bound(*b.left)) {
          equal.try_emplace(*key2, b.left.get(), static_cast<int>(c));
        }
      }
      for (const std::string& label : static_labels ? labels : std::vector<std::string>{}) {
        auto token = reader_.FindToken(graph::TokenKind::kLabel, label);
        if (!token) continue;
        for (const graph::SchemaObject* o :
             reader_.catalog().ForToken(graph::EntityKind::kNode, *token)) {
          std::vector<const Expression*> keys;
          std::vector<int> used_conj;
          std::set<std::string> inline_used;
          bool all = true;
          for (graph::TokenId p : o->properties) {
            auto it = equal.find(std::string(reader_.TokenName(graph::TokenKind::kPropertyKey, p)));
            if (it == equal.end()) {
              all = false;
              break;
            }
            keys.push_back(it->second.first);
            if (it->second.second >= 0) {
              used_conj.push_back(it->second.second);
            } else {
              inline_used.insert(it->first);
            }
          }
          int score = 0;
          if (all) score = o->is_constraint() ? 4 : 3;
          if (score > s.score) {
            s.score = score;
            s.object = o;
            s.keys = keys;
            s.conjuncts_used = used_conj;
            s.inline_used = inline_used;
            s.label = label;
          }
          // Range seek on a single-property index.
          if (score == 0 && !o->is_constraint() && o->properties.size() == 1 && s.score < 2) {
            std::string key(reader_.TokenName(graph::TokenKind::kPropertyKey, o->properties[0]));
            for (size_t c = 0; c < conjuncts.size(); ++c) {
              const Expression* cj = conjuncts[c];
              if (cj->kind != ExprKind::kBinary) continue;
              const auto& b = cj->As<BinaryExpr>();
              bool lt = b.op == BinaryOp::kLt || b.op == BinaryOp::kLe;
              bool gt = b.op == BinaryOp::kGt || b.op == BinaryOp::kGe;
              if (!lt && !gt) continue;
              auto k = PropertyOf(*b.left, var);
              if (!k || *k != key || !depends_only_on_bound(*b.right)) continue;
              s.score = 2;
              s.object = o;
              s.label = label;
              if (lt) {
                s.upper = b.right.get();
                s.upper_inc = b.op == BinaryOp::kLe;
              } else {
                s.lower = b.right.get();
                s.lower_inc = b.op == BinaryOp::kGe;
              }
            }
          }
        }
      }
      if (s.score > best.score) {
        best = s;
        start = i;
      }
    }

    // Plans the start node.
    const NodePattern& first = path.nodes[start];
    const std::string& first_var = node_names[start];
    std::set<std::string> skip_inline;
    std::string seek_label;
    if (best.score == 100) {
      // bound: only filters below
    } else {
      int slot = BindNew(first_var, VarKind::kNode);
      switch (best.score) {
        case 4:
        case 3: {
          std::vector<exec::ExprPtr> keys;
          for (const Expression* k : best.keys) keys.push_back(Compile(*k));
          op = best.score == 4 ? exec::MakeNodeUniqueSeek(std::move(op), slot, best.object->name,
                                                          std::move(keys))
                               : exec::MakeNodeIndexSeek(std::move(op), slot, best.object->name,
                                                         std::move(keys));
          for (int c : best.conjuncts_used) used[c] = true;
          skip_inline = best.inline_used;
          seek_label = best.label;
          break;
        }
        case 2:
          // The range conjuncts stay as filters: the seek may return other types.
          op = exec::MakeNodeIndexRangeSeek(
              std::move(op), slot, best.object->name, best.lower ? Compile(*best.lower) : nullptr,
              best.lower_inc, best.upper ? Compile(*best.upper) : nullptr, best.upper_inc);
          seek_label = best.label;
          break;
        case 1:
          op = exec::MakeNodeScan(std::move(op), slot, best.label);
          seek_label = best.label;
          break;
        default:
          op = exec::MakeNodeScan(std::move(op), slot, std::nullopt);
          break;
      }
    }
    auto node_filters = [&](size_t i, const std::string& skip_label,
                            const std::set<std::string>& skip_props) {
      const NodePattern& n = path.nodes[i];
      const std::string& var = node_names[i];
      LabelList remaining;
      for (const LabelExpression& l : n.labels) {
        if (l.kind == LabelExprKind::kName && l.name == skip_label) continue;
        remaining.push_back(l.Clone());
      }
      if (!remaining.empty()) {
        op = exec::MakeFilter(std::move(op),
                              std::make_unique<exec::LabelPredicateExpr>(
                                  std::make_unique<exec::SlotExpr>(scope_.Find(var)->slot, var),
                                  CompileLabels(remaining)));
      }
      add_property_filters(var, n.properties, n.pos, skip_props);
      if (n.where) op = exec::MakeFilter(std::move(op), CompilePredicate(*n.where));
    };
    node_filters(start, seek_label, skip_inline);
    (void)first;

    // Expand right from the start, then left.
    auto expand = [&](size_t rel_index, size_t from_index, size_t to_index, bool reversed) {
      const RelationshipPattern& r = path.relationships[rel_index];
      const std::string& from_var = node_names[from_index];
      const std::string& to_var = node_names[to_index];
      bool into = scope_.Find(to_var).has_value();
      int from_slot = scope_.Find(from_var)->slot;
      int to_slot = into ? scope_.Find(to_var)->slot : BindNew(to_var, VarKind::kNode);
      std::vector<std::string> types = TypeNames(r.types, *this, r.pos);
      int rel_slot;
      if (r.length) {
        rel_slot = BindNew(rel_names[rel_index], VarKind::kRelationshipList);
        int64_t min = r.length->min.value_or(1);
        int64_t max = r.length->max.value_or(-1);
        op = exec::MakeVarExpand(std::move(op), from_slot, rel_slot, to_slot,
                                 ToExpand(r.direction, reversed), types, min, max, into);
      } else {
        auto bound_rel = scope_.Find(rel_names[rel_index]);
        rel_slot =
            bound_rel ? slots_.Next() : BindNew(rel_names[rel_index], VarKind::kRelationship);
        op = exec::MakeExpand(std::move(op), from_slot, rel_slot, to_slot,
                              ToExpand(r.direction, reversed), types, into);
        if (bound_rel) {
          op = exec::MakeFilter(
              std::move(op),
              std::make_unique<exec::BinaryOpExpr>(
                  BinaryOp::kEq, std::make_unique<exec::SlotExpr>(rel_slot, ""),
                  std::make_unique<exec::SlotExpr>(bound_rel->slot, rel_names[rel_index])));
        }
      }
      rel_slots.push_back(rel_slot);
      if (r.properties) {
        if (r.length) {
          Fail(StatusCode::kNotSupported, "properties on variable-length relationships", r.pos);
        }
        add_property_filters(rel_names[rel_index], r.properties, r.pos, {});
      }
      if (r.where) op = exec::MakeFilter(std::move(op), CompilePredicate(*r.where));
      // A node bound earlier still gets the labels and properties written here.
      node_filters(to_index, "", {});
    };
    for (size_t i = start; i + 1 < path.nodes.size(); ++i) expand(i, i, i + 1, false);
    for (size_t i = start; i > 0; --i) expand(i - 1, i, i - 1, true);

    if (!path.variable.empty()) {
      std::vector<int> node_slots;
      std::vector<int> path_rel_slots;
      for (const auto& n : node_names) node_slots.push_back(scope_.Find(n)->slot);
      for (const auto& r : rel_names) path_rel_slots.push_back(scope_.Find(r)->slot);
      int slot = BindNew(path.variable, VarKind::kPath);
      std::vector<exec::ExprPtr> exprs;
      exprs.push_back(
          std::make_unique<exec::PathExpr>(std::move(node_slots), std::move(path_rel_slots)));
      op = exec::MakeProject(std::move(op), {slot}, std::move(exprs));
    }
  }
  if (rel_slots.size() > 1) op = exec::MakeRelUniqueness(std::move(op), rel_slots);
  for (size_t c = 0; c < conjuncts.size(); ++c) {
    if (!used[c]) op = exec::MakeFilter(std::move(op), CompilePredicate(*conjuncts[c]));
  }
  return op;
}

exec::OperatorPtr Planner::PlanShortestPath(exec::OperatorPtr input, const PatternPath& path) {
  const char* function = path.kind == PathKind::kShortest ? "shortestPath" : "allShortestPaths";
  if (path.relationships.size() != 1) {
    Fail(StatusCode::kSyntaxError,
         std::string(function) + "(...) requires a pattern containing a single relationship",
         path.pos);
  }
  const RelationshipPattern& r = path.relationships[0];
  int64_t min = r.length ? r.length->min.value_or(1) : 1;
  int64_t max = r.length ? r.length->max.value_or(-1) : 1;
  if (min > 1) {
    Fail(StatusCode::kSyntaxError,
         std::string(function) + "(...) does not support a minimal length different from 0 or 1",
         r.pos);
  }
  if (r.properties || r.where) {
    Fail(StatusCode::kNotSupported,
         std::string("properties and WHERE on the relationship of ") + function +
             "(...) are not supported; filter with WHERE on the path",
         r.pos);
  }
  // The endpoints are matched (or taken from earlier clauses) first, then searched between.
  Pattern ends;
  ends.pos = path.pos;
  std::vector<std::string> names;
  for (const NodePattern& n : path.nodes) {
    PatternPath end;
    end.pos = n.pos;
    end.nodes.push_back(n.Clone());
    if (end.nodes[0].variable.empty()) {
      end.nodes[0].variable = "  anon" + std::to_string(anonymous_++);
    }
    names.push_back(end.nodes[0].variable);
    if (names.size() == 2 && names[0] == names[1]) continue;
    ends.paths.push_back(std::move(end));
  }
  exec::OperatorPtr op = PlanPattern(std::move(input), ends, nullptr);
  int from_slot = scope_.Find(names[0])->slot;
  int to_slot = scope_.Find(names[1])->slot;
  std::string rel_name = r.variable.empty() ? "  anon" + std::to_string(anonymous_++) : r.variable;
  if (scope_.Find(rel_name)) {
    Fail(StatusCode::kSemanticError, "Variable `" + rel_name + "` already declared", r.pos);
  }
  int rel_slot = BindNew(rel_name, VarKind::kRelationshipList);
  op = exec::MakeShortestPath(std::move(op), from_slot, to_slot, rel_slot,
                              ToExpand(r.direction, false), TypeNames(r.types, *this, r.pos), min,
                              max, path.kind == PathKind::kAllShortest);
  if (!path.variable.empty()) {
    int slot = BindNew(path.variable, VarKind::kPath);
    std::vector<exec::ExprPtr> exprs;
    exprs.push_back(std::make_unique<exec::PathExpr>(std::vector<int>{from_slot, to_slot},
                                                     std::vector<int>{rel_slot}));
    op = exec::MakeProject(std::move(op), {slot}, std::move(exprs));
  }
  return op;
}

}  // namespace smith::cypher
