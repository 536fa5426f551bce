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

// The id expression of `id(var) = e`, `e = id(var)` or `id(var) IN e`.
const Expression* IdComparedWith(const Expression& conjunct, const std::string& var) {
  if (conjunct.kind != ExprKind::kBinary) return nullptr;
  const auto& b = conjunct.As<BinaryExpr>();
  auto is_id_of_var = [&](const Expression& e) {
    if (e.kind != ExprKind::kFunctionCall) return false;
    const auto& f = e.As<FunctionCall>();
    if (!f.namespaces.empty() || f.args.size() != 1 || f.distinct) return false;
    if (f.name.size() != 2 || (f.name[0] != 'i' && f.name[0] != 'I') ||
        (f.name[1] != 'd' && f.name[1] != 'D')) {
      return false;
    }
    return f.args[0]->kind == ExprKind::kVariable && f.args[0]->As<Variable>().name == var;
  };
  if (b.op == BinaryOp::kIn) return is_id_of_var(*b.left) ? b.right.get() : nullptr;
  if (b.op != BinaryOp::kEq) return nullptr;
  if (is_id_of_var(*b.left)) return b.right.get();
  if (is_id_of_var(*b.right)) return b.left.get();
  return nullptr;
}

// Static relationship type names (`:A`, `:A|B`), or nullopt for other type expressions.
std::optional<std::vector<std::string>> StaticTypeNames(const LabelList& types) {
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
      return std::nullopt;
    }
  }
  return names;
}

std::vector<std::string> TypeNames(const LabelList& types, const Planner& planner, SourcePos pos) {
  std::optional<std::vector<std::string>> names = StaticTypeNames(types);
  if (!names) {
    planner.Fail(StatusCode::kNotSupported,
                 "only relationship types and alternatives of them (:A|B) are supported here", pos);
  }
  return *names;
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
      Fail(StatusCode::kSyntaxError,
           "Parameter maps cannot be used in MATCH or MERGE patterns; use a literal map such as "
           "{id: $param.id}, or WHERE",
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

    // Choose where to start: a bound node, else the best seek on a node or (when better) on a
    // relationship, else a label scan, a relationship type scan or all nodes.
    struct Seek {
      // 100 bound node; 5 by id; 4 unique; 3 index equality; 2 index range; 1 label scan (node)
      // or type scan (relationship); 0 all nodes. Ties go to nodes.
      int score = 0;
      const graph::SchemaObject* object = nullptr;
      std::vector<const Expression*> keys;  // per schema property
      std::vector<int> conjuncts_used;
      std::set<std::string> inline_used;
      std::string label;  // or relationship type
      const Expression* ids = nullptr;
      // range
      const Expression* lower = nullptr;
      bool lower_inc = true;
      const Expression* upper = nullptr;
      bool upper_inc = true;
    };
    // Equalities on `var`'s properties usable by a seek: key -> (expression, conjunct or -1 for
    // the pattern's own property map).
    auto equalities = [&](const std::string& var, const ExprPtr& props) {
      std::map<std::string, std::pair<const Expression*, int>> equal;
      if (props && props->kind == ExprKind::kMap) {
        for (const MapEntry& e : props->As<MapLiteral>().entries) {
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
      return equal;
    };
    // Improves `s` with the constraints and indexes on `token` (a label or relationship type
    // named `name`) that the equalities or a range conjunct on `var` can use.
    auto consider_schema =
        [&](graph::EntityKind entity, graph::TokenId token, const std::string& name,
            const std::string& var,
            const std::map<std::string, std::pair<const Expression*, int>>& equal, Seek& s) {
          for (const graph::SchemaObject* o : reader_.catalog().ForToken(entity, token)) {
            // Relationship uniqueness constraints have no seek operator yet.
            if (entity == graph::EntityKind::kRelationship && o->is_constraint()) continue;
            std::vector<const Expression*> keys;
            std::vector<int> used_conj;
            std::set<std::string> inline_used;
            bool all = true;
            for (graph::TokenId p : o->properties) {
              auto it =
                  equal.find(std::string(reader_.TokenName(graph::TokenKind::kPropertyKey, p)));
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
              s.label = name;
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
                s.label = name;
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
        };
    // `id(var) = e` or `id(var) IN e` with `e` computable before the pattern.
    auto id_seek = [&](const std::string& var) -> const Expression* {
      for (const Expression* cj : conjuncts) {
        const Expression* ids = IdComparedWith(*cj, var);
        if (ids != nullptr && depends_only_on_bound(*ids)) return ids;
      }
      return nullptr;
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
      if (const Expression* ids = id_seek(var)) {
        s.score = 5;
        s.ids = ids;
      } else {
        const auto equal = equalities(var, n.properties);
        for (const std::string& label : static_labels ? labels : std::vector<std::string>{}) {
          auto token = reader_.FindToken(graph::TokenKind::kLabel, label);
          if (token) consider_schema(graph::EntityKind::kNode, *token, label, var, equal, s);
        }
      }
      if (s.score > best.score) {
        best = s;
        start = i;
      }
    }
    // A single-hop directed relationship may be the better start when no node is bound.
    Seek rel_best;
    rel_best.score = -1;
    size_t rel_start = 0;
    for (size_t k = 0; best.score != 100 && k < path.relationships.size(); ++k) {
      const RelationshipPattern& r = path.relationships[k];
      const std::string& var = rel_names[k];
      auto types = StaticTypeNames(r.types);
      if (r.length || r.direction == RelDirection::kBoth || node_names[k] == node_names[k + 1] ||
          scope_.Find(var) || !types) {
        continue;
      }
      Seek s;
      // One type: a type scan (1). None or several: a scan of all relationships (0), filtered by
      // type, which is still better than visiting every node (also 0).
      s.score = types->size() == 1 ? 1 : 0;
      if (types->size() == 1) s.label = types->front();
      if (const Expression* ids = id_seek(var)) {
        s.score = 5;
        s.ids = ids;
      } else if (types->size() == 1) {
        if (auto token = reader_.FindToken(graph::TokenKind::kRelType, s.label)) {
          consider_schema(graph::EntityKind::kRelationship, *token, s.label, var,
                          equalities(var, r.properties), s);
        }
      }
      if (s.score > rel_best.score) {
        rel_best = s;
        rel_start = k;
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
    auto range_bounds = [&](const Seek& s) {
      exec::RangeBounds bounds;
      bounds.lower = s.lower ? Compile(*s.lower) : nullptr;
      bounds.lower_inclusive = s.lower_inc;
      bounds.upper = s.upper ? Compile(*s.upper) : nullptr;
      bounds.upper_inclusive = s.upper_inc;
      return bounds;
    };
    auto seek_keys = [&](const Seek& s) {
      std::vector<exec::ExprPtr> keys;
      for (const Expression* k : s.keys) keys.push_back(Compile(*k));
      for (int c : s.conjuncts_used) used[c] = true;
      return keys;
    };

    // Expands along the relationship `rel_index` from the bound node `from_index`.
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
                                 ToExpand(r.direction, reversed), types, min, max, into, reversed);
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

    if (rel_best.score > best.score || (rel_best.score == 0 && best.score == 0)) {
      // Start at relationship `rel_start`: bind it and both its nodes, then expand outwards.
      const RelationshipPattern& r = path.relationships[rel_start];
      const size_t left = rel_start;
      const size_t right = rel_start + 1;
      const int left_slot = BindNew(node_names[left], VarKind::kNode);
      const int right_slot = BindNew(node_names[right], VarKind::kNode);
      const int rel_slot = BindNew(rel_names[rel_start], VarKind::kRelationship);
      const bool outgoing = r.direction == RelDirection::kOutgoing;
      const exec::RelSlots slots{rel_slot, outgoing ? left_slot : right_slot,
                                 outgoing ? right_slot : left_slot};
      switch (rel_best.score) {
        case 5:
          op = exec::MakeRelByIdSeek(std::move(op), slots, TypeNames(r.types, *this, r.pos),
                                     Compile(*rel_best.ids));
          break;
        case 3:
          op = exec::MakeRelIndexSeek(std::move(op), slots, rel_best.label, rel_best.object->name,
                                      seek_keys(rel_best));
          break;
        case 2:
          op = exec::MakeRelIndexRangeSeek(std::move(op), slots, rel_best.label,
                                           rel_best.object->name, range_bounds(rel_best));
          break;
        case 1:
          op = exec::MakeRelTypeScan(std::move(op), slots, rel_best.label);
          break;
        default:
          op = exec::MakeRelAllScan(std::move(op), slots, TypeNames(r.types, *this, r.pos));
          break;
      }
      rel_slots.push_back(rel_slot);
      add_property_filters(rel_names[rel_start], r.properties, r.pos, rel_best.inline_used);
      if (r.where) op = exec::MakeFilter(std::move(op), CompilePredicate(*r.where));
      node_filters(left, "", {});
      node_filters(right, "", {});
      for (size_t i = right; i + 1 < path.nodes.size(); ++i) expand(i, i, i + 1, false);
      for (size_t i = left; i > 0; --i) expand(i - 1, i, i - 1, true);
    } else {
      // Start at node `start`.
      const std::string& first_var = node_names[start];
      std::set<std::string> skip_inline;
      std::string seek_label;
      if (best.score != 100) {
        int slot = BindNew(first_var, VarKind::kNode);
        switch (best.score) {
          case 5:
            op = exec::MakeNodeByIdSeek(std::move(op), slot, Compile(*best.ids));
            break;
          case 4:
          case 3: {
            std::vector<exec::ExprPtr> keys = seek_keys(best);
            op = best.score == 4 ? exec::MakeNodeUniqueSeek(std::move(op), slot, best.object->name,
                                                            std::move(keys))
                                 : exec::MakeNodeIndexSeek(std::move(op), slot, best.object->name,
                                                           std::move(keys));
            skip_inline = best.inline_used;
            seek_label = best.label;
            break;
          }
          case 2:
            // The range conjuncts stay as filters: the seek may return other types.
            op = exec::MakeNodeIndexRangeSeek(std::move(op), slot, best.object->name,
                                              range_bounds(best));
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
      node_filters(start, seek_label, skip_inline);
      // Expand right from the start, then left.
      for (size_t i = start; i + 1 < path.nodes.size(); ++i) expand(i, i, i + 1, false);
      for (size_t i = start; i > 0; --i) expand(i - 1, i, i - 1, true);
    }

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
