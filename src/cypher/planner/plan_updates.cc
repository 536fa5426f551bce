// CREATE, MERGE, SET, REMOVE, DELETE and procedure calls.
#include <algorithm>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/procedures.h"
#include "cypher/planner/planner_impl.h"

namespace smith::cypher {

namespace {

// Static and dynamic labels of a pattern element or SET item.
void SplitLabels(const LabelList& labels, Planner& planner, std::vector<std::string>* names,
                 std::vector<exec::ExprPtr>* dynamic, SourcePos pos) {
  for (const LabelExpression& l : labels) {
    if (l.kind == LabelExprKind::kName) {
      names->push_back(l.name);
    } else if (l.kind == LabelExprKind::kDynamic) {
      dynamic->push_back(planner.Compile(*l.dynamic));
    } else {
      planner.Fail(StatusCode::kSyntaxError,
                   "Label expressions (|, &, !, %) are not allowed here; list labels as :A:B", pos);
    }
  }
}

}  // namespace

exec::OperatorPtr Planner::PlanCreate(exec::OperatorPtr input, const Pattern& pattern,
                                      bool for_merge) {
  std::vector<exec::CreateNodeSpec> nodes;
  std::vector<exec::CreateRelSpec> rels;
  std::vector<std::pair<int, std::pair<std::vector<int>, std::vector<int>>>> paths;
  for (const PatternPath& path : pattern.paths) {
    std::vector<int> node_slots;
    std::vector<int> rel_slots;
    for (const NodePattern& n : path.nodes) {
      exec::CreateNodeSpec spec;
      std::string name = n.variable.empty() ? "  anon" + std::to_string(anonymous_++) : n.variable;
      if (auto bound = scope_.Find(name)) {
        if (path.relationships.empty()) {
          Fail(StatusCode::kSemanticError, "Variable `" + name + "` already declared", n.pos);
        }
        if (!n.labels.empty() || n.properties) {
          Fail(StatusCode::kSyntaxError,
               "Can't create node `" + name +
                   "` with labels or properties here. The variable is "
                   "already declared in this context",
               n.pos);
        }
        spec.slot = bound->slot;
        spec.bound = true;
      } else {
        SplitLabels(n.labels, *this, &spec.labels, &spec.dynamic_labels, n.pos);
        if (n.properties) spec.properties = Compile(*n.properties);
        spec.slot = BindNew(name, VarKind::kNode);
      }
      node_slots.push_back(spec.slot);
      nodes.push_back(std::move(spec));
    }
    for (size_t i = 0; i < path.relationships.size(); ++i) {
      const RelationshipPattern& r = path.relationships[i];
      // MERGE matches an undirected relationship in either direction and, when there is none,
      // creates it left to right (as Neo4j does); CREATE needs a direction.
      if (r.direction == RelDirection::kBoth && !for_merge) {
        Fail(StatusCode::kSyntaxError, "Only directed relationships are supported in CREATE",
             r.pos);
      }
      if (r.length) {
        Fail(StatusCode::kSyntaxError, "Variable length relationships cannot be used in CREATE",
             r.pos);
      }
      exec::CreateRelSpec spec;
      if (r.types.size() != 1 ||
          (r.types[0].kind != LabelExprKind::kName && r.types[0].kind != LabelExprKind::kDynamic)) {
        Fail(StatusCode::kSyntaxError,
             "Exactly one relationship type must be specified for " +
                 std::string(for_merge ? "MERGE" : "CREATE") +
                 ". Did you forget to prefix your "
                 "relationship type with a ':'?",
             r.pos);
      }
      if (r.types[0].kind == LabelExprKind::kName) {
        spec.type = r.types[0].name;
      } else {
        spec.dynamic_type = Compile(*r.types[0].dynamic);
      }
      if (r.properties) spec.properties = Compile(*r.properties);
      bool outgoing = r.direction != RelDirection::kIncoming;
      spec.start_slot = node_slots[outgoing ? i : i + 1];
      spec.end_slot = node_slots[outgoing ? i + 1 : i];
      std::string name = r.variable.empty() ? "  anon" + std::to_string(anonymous_++) : r.variable;
      if (scope_.Find(name)) {
        Fail(StatusCode::kSyntaxError, "Variable `" + name + "` already declared", r.pos);
      }
      spec.slot = BindNew(name, VarKind::kRelationship);
      rel_slots.push_back(spec.slot);
      rels.push_back(std::move(spec));
    }
    if (!path.variable.empty()) {
      paths.push_back({BindNew(path.variable, VarKind::kPath), {node_slots, rel_slots}});
    }
  }
  planned_updates_ = true;
  exec::OperatorPtr op =
      exec::MakeCreate(std::move(input), std::move(nodes), std::move(rels), for_merge);
  for (auto& [slot, parts] : paths) {
    std::vector<exec::ExprPtr> exprs;
    exprs.push_back(std::make_unique<exec::PathExpr>(parts.first, parts.second));
    op = exec::MakeProject(std::move(op), {slot}, std::move(exprs));
  }
  return op;
}

exec::OperatorPtr Planner::PlanMerge(exec::OperatorPtr input, const MergeClause& merge) {
  // After a DELETE, every deletion of the statement happens before the first MERGE looks for a
  // match (as in Neo4j): otherwise the MERGE of the first row could match an element that a
  // later row deletes.
  if (planned_deletes_) input = exec::MakeEager(std::move(input));
  Scope before = scope_;
  Pattern pattern;
  pattern.pos = merge.path.pos;
  pattern.paths.push_back(merge.path.Clone());
  // The match side binds the pattern's new variables; the create side binds the same names to
  // the same slots (it is planned from the same scope and then realigned).
  exec::OperatorPtr match = PlanPattern(exec::MakeOnce(), pattern, nullptr);
  Scope after_match = scope_;
  scope_ = before;
  // MERGE (n:L {k: null}) cannot match and must not create: the create side refuses nulls.
  exec::OperatorPtr create = PlanCreate(exec::MakeOnce(), pattern, true);
  Scope after_create = scope_;
  // Realign: copy created slots into the match slots with a projection.
  std::vector<int> to_slots;
  std::vector<exec::ExprPtr> exprs;
  for (const auto& [name, info] : after_match.vars()) {
    if (before.Find(name)) continue;
    auto created = after_create.Find(name);
    if (!created) continue;
    to_slots.push_back(info.slot);
    exprs.push_back(std::make_unique<exec::SlotExpr>(created->slot, name));
  }
  if (!exprs.empty())
    create = exec::MakeProject(std::move(create), std::move(to_slots), std::move(exprs));
  scope_ = after_match;
  std::vector<exec::SetSpec> on_match;
  std::vector<exec::SetSpec> on_create;
  for (const MergeAction& action : merge.actions) {
    auto specs = CompileSetItems(action.items);
    auto& dest = action.on_create ? on_create : on_match;
    for (auto& s : specs) dest.push_back(std::move(s));
  }
  planned_updates_ = true;
  return exec::MakeMerge(std::move(input), std::move(match), std::move(create), std::move(on_match),
                         std::move(on_create));
}

std::vector<exec::SetSpec> Planner::CompileSetItems(const std::vector<SetItem>& items) {
  std::vector<exec::SetSpec> out;
  for (const SetItem& item : items) {
    exec::SetSpec spec;
    switch (item.kind) {
      case SetItemKind::kProperty: {
        spec.kind = exec::SetKind::kProperty;
        if (item.target->kind == ExprKind::kProperty) {
          const auto& p = item.target->As<PropertyAccess>();
          spec.target = Compile(*p.object);
          spec.key = p.key;
        } else if (item.target->kind == ExprKind::kSubscript) {
          const auto& s = item.target->As<SubscriptExpr>();
          spec.target = Compile(*s.object);
          spec.dynamic_key = Compile(*s.index);
        } else {
          Fail(StatusCode::kSyntaxError, "Invalid SET target", item.pos);
        }
        spec.value = Compile(*item.value);
        break;
      }
      case SetItemKind::kReplaceProperties:
      case SetItemKind::kMergeProperties:
        spec.kind = item.kind == SetItemKind::kReplaceProperties ? exec::SetKind::kReplaceProperties
                                                                 : exec::SetKind::kMergeProperties;
        spec.target = Compile(*item.target);
        spec.value = Compile(*item.value);
        break;
      case SetItemKind::kLabels:
        spec.kind = exec::SetKind::kLabels;
        spec.target = Compile(*item.target);
        SplitLabels(item.labels, *this, &spec.labels, &spec.dynamic_labels, item.pos);
        break;
    }
    out.push_back(std::move(spec));
  }
  return out;
}

exec::OperatorPtr Planner::PlanSet(exec::OperatorPtr input, const std::vector<SetItem>& items) {
  planned_updates_ = true;
  return exec::MakeSet(std::move(input), CompileSetItems(items));
}

exec::OperatorPtr Planner::PlanRemove(exec::OperatorPtr input, const RemoveClause& remove) {
  std::vector<exec::SetSpec> specs;
  for (const RemoveItem& item : remove.items) {
    exec::SetSpec spec;
    if (item.kind == RemoveItemKind::kLabels) {
      spec.kind = exec::SetKind::kRemoveLabels;
      spec.target = Compile(*item.target);
      SplitLabels(item.labels, *this, &spec.labels, &spec.dynamic_labels, item.pos);
    } else {
      spec.kind = exec::SetKind::kRemoveProperty;
      if (item.target->kind == ExprKind::kProperty) {
        const auto& p = item.target->As<PropertyAccess>();
        spec.target = Compile(*p.object);
        spec.key = p.key;
      } else {
        const auto& s = item.target->As<SubscriptExpr>();
        spec.target = Compile(*s.object);
        spec.dynamic_key = Compile(*s.index);
      }
    }
    specs.push_back(std::move(spec));
  }
  planned_updates_ = true;
  return exec::MakeSet(std::move(input), std::move(specs));
}

exec::OperatorPtr Planner::PlanDelete(exec::OperatorPtr input, const DeleteClause& del) {
  std::vector<exec::ExprPtr> targets;
  for (const auto& t : del.targets) {
    // Caught at compile time, as Neo4j does: labels and types are removed, not deleted, and a
    // value that can never be a node, relationship or path cannot be deleted.
    if (t->kind == ExprKind::kLabelPredicate) {
      Fail(StatusCode::kSyntaxError,
           "Invalid input: DELETE takes nodes, relationships or paths; use REMOVE to remove a "
           "label or type",
           t->pos);
    }
    const bool non_null_literal =
        t->kind == ExprKind::kLiteral && t->As<Literal>().literal_kind != LiteralKind::kNull;
    if (non_null_literal || t->kind == ExprKind::kBinary || t->kind == ExprKind::kMap) {
      Fail(StatusCode::kSyntaxError, "Type mismatch: expected Node, Path or Relationship", t->pos);
    }
    targets.push_back(Compile(*t));
  }
  planned_updates_ = true;
  planned_deletes_ = true;
  // Deleting while matching: read everything first so deletions do not disturb the scans.
  return exec::MakeDelete(exec::MakeEager(std::move(input)), std::move(targets), del.detach);
}

}  // namespace smith::cypher

namespace smith::cypher {

exec::OperatorPtr Planner::PlanCallProcedure(exec::OperatorPtr input,
                                             const CallProcedureClause& call, bool standalone,
                                             std::vector<std::string>* columns,
                                             std::vector<int>* column_slots) {
  const std::string name = call.QualifiedName();
  std::shared_ptr<const exec::Procedure> procedure = procedures_.Find(name);
  if (procedure == nullptr) {
    Fail(StatusCode::kProcedureNotFound,
         "There is no procedure with the name `" + name +
             "` registered for this database instance. Please ensure "
             "you've spelled the procedure name correctly.",
         call.pos);
  }
  // Arguments: explicit, or (standalone `CALL name` without parentheses) the parameters named
  // like the inputs.
  std::vector<exec::ExprPtr> args;
  if (call.has_arguments) {
    if (call.args.size() != procedure->inputs.size()) {
      Fail(StatusCode::kSyntaxError,
           "Procedure call does not provide the required number of arguments: got " +
               std::to_string(call.args.size()) + " expected " +
               std::to_string(procedure->inputs.size()) + " (" + procedure->name + ")",
           call.pos);
    }
    for (const auto& a : call.args) {
      if (ContainsAggregate(*a)) {
        Fail(StatusCode::kSyntaxError,
             "Procedure call cannot take an aggregating function as argument, please add a "
             "'WITH' to your statement.",
             a->pos);
      }
      args.push_back(Compile(*a));
    }
  } else {
    if (!standalone && !procedure->inputs.empty()) {
      Fail(StatusCode::kSyntaxError,
           "Procedure call inside a query does not support passing arguments implicitly (pass "
           "arguments explicitly in parentheses after procedure name for " +
               procedure->name + ")",
           call.pos);
    }
    for (const exec::ProcedureField& in : procedure->inputs) {
      args.push_back(Compile(Parameter(call.pos, in.name)));
    }
  }
  std::vector<std::string> fields;
  for (const exec::ProcedureField& out : procedure->outputs) fields.push_back(out.name);
  std::vector<int> field_index;
  std::vector<std::string> names;
  std::vector<SourcePos> positions;
  if (call.yields.empty()) {
    // No YIELD (or YIELD *): every output under its own name; inside a query only a void
    // procedure may go without YIELD.
    if (!standalone && (call.yield_star || !fields.empty())) {
      Fail(StatusCode::kSyntaxError,
           call.yield_star ? "Procedure call inside a query does not support YIELD *"
                           : "Procedure call inside a query does not support naming results "
                             "implicitly (use YIELD)",
           call.pos);
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      field_index.push_back(static_cast<int>(i));
      names.push_back(fields[i]);
      positions.push_back(call.pos);
    }
  } else {
    for (const YieldItem& y : call.yields) {
      auto it = std::find(fields.begin(), fields.end(), y.field);
      if (it == fields.end()) {
        Fail(StatusCode::kSyntaxError, "Unknown procedure output: `" + y.field + "`", y.pos);
      }
      field_index.push_back(static_cast<int>(it - fields.begin()));
      names.push_back(y.alias.value_or(y.field));
      positions.push_back(y.pos);
    }
  }
  std::vector<int> slots;
  for (size_t i = 0; i < names.size(); ++i) {
    if (scope_.Find(names[i])) {
      Fail(StatusCode::kSemanticError, "Variable `" + names[i] + "` already declared",
           positions[i]);
    }
    slots.push_back(BindNew(names[i], VarKind::kAny));
  }
  exec::OperatorPtr op =
      exec::MakeProcedureCall(std::move(input), std::move(procedure), std::move(args),
                              std::move(field_index), slots, standalone);
  if (call.where) op = exec::MakeFilter(std::move(op), CompilePredicate(*call.where));
  if (standalone) {
    *columns = names;
    *column_slots = slots;
  }
  return op;
}

}  // namespace smith::cypher
