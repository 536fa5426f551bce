// Nested plans: pattern predicates, EXISTS / COUNT / COLLECT subqueries, pattern
// comprehensions, FOREACH and CALL { ... } [IN TRANSACTIONS].
//
// A nested plan starts from Once over the outer row and is planned with the outer scope (or,
// for CALL, the imported part of it); its new variables get slots from the query's allocator,
// so the outer row layout covers them. The outer scope is restored afterwards: nothing bound
// inside leaks out, except the columns a CALL subquery returns.
#include <algorithm>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/subquery_expr.h"
#include "cypher/functions/function_registry.h"
#include "cypher/planner/planner_impl.h"

namespace smith::cypher {

namespace {

// Saves what compiling a nested plan changes and restores it on exit (also on errors).
class NestedPlanGuard {
 public:
  explicit NestedPlanGuard(Planner& planner)
      : planner_(planner),
        scope_(planner.scope_),
        aggregates_(planner.aggregates_),
        inside_aggregate_(planner.inside_aggregate_),
        pattern_allowed_(planner.pattern_allowed_),
        planned_updates_(planner.planned_updates_),
        planned_deletes_(planner.planned_deletes_) {
    // Aggregates inside belong to the nested plan's own projections, if any.
    planner.aggregates_ = nullptr;
    planner.inside_aggregate_ = false;
    // A nested plan runs per outer row: only its own updates make its later reads eager (an
    // EXISTS { MATCH ... } after an outer SET must still stop at its first row).
    planner.planned_updates_ = false;
    planner.planned_deletes_ = false;
  }
  ~NestedPlanGuard() {
    planner_.scope_ = std::move(scope_);
    planner_.aggregates_ = aggregates_;
    planner_.inside_aggregate_ = inside_aggregate_;
    planner_.pattern_allowed_ = pattern_allowed_;
    planner_.planned_updates_ = planned_updates_;
    planner_.planned_deletes_ = planned_deletes_;
  }
  NestedPlanGuard(const NestedPlanGuard&) = delete;
  NestedPlanGuard& operator=(const NestedPlanGuard&) = delete;

  const Scope& outer_scope() const { return scope_; }

 private:
  Planner& planner_;
  Scope scope_;
  std::vector<exec::AggregateSpec>* aggregates_;
  bool inside_aggregate_;
  bool pattern_allowed_;
  bool planned_updates_;
  bool planned_deletes_;
};

class DepthGuard {
 public:
  explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  int& depth_;
};

Pattern PatternOf(const PatternPath& path) {
  Pattern pattern;
  pattern.pos = path.pos;
  pattern.paths.push_back(path.Clone());
  return pattern;
}

}  // namespace

exec::ExprPtr Planner::CompilePatternPredicate(const PatternExpr& expr) {
  const PatternPath& path = *expr.path;
  NestedPlanGuard guard(*this);
  if (path.kind != PathKind::kPattern) {
    // `shortestPath((a)-[*]-(b))` as an expression: the path, or null when there is none;
    // `allShortestPaths(...)`: the list of paths.
    PatternPath named = path.Clone();
    std::string name = "  path" + std::to_string(anonymous_++);
    named.variable = name;
    exec::OperatorPtr plan = PlanPattern(exec::MakeOnce(), PatternOf(named), nullptr);
    int slot = scope_.Find(name)->slot;
    auto value = std::make_unique<exec::SlotExpr>(slot, name);
    auto paths =
        std::make_unique<exec::PlanExpr>(exec::PlanExprResult::kCollect, std::move(plan),
                                         std::move(value), slots_.count(), "shortest path");
    if (path.kind == PathKind::kAllShortest) return paths;
    std::vector<exec::ExprPtr> args;
    args.push_back(std::move(paths));
    const ScalarFunction* head = FindScalarFunction("head");
    if (head == nullptr) Fail(StatusCode::kInternal, "head() is missing", expr.pos);
    return std::make_unique<exec::FunctionExpr>(head, "head", std::move(args));
  }
  for (const NodePattern& n : path.nodes) {
    if (!n.variable.empty() && !scope_.Find(n.variable)) {
      Fail(StatusCode::kSemanticError, "Variable `" + n.variable + "` not defined", n.pos);
    }
  }
  for (const RelationshipPattern& r : path.relationships) {
    if (!r.variable.empty() && !scope_.Find(r.variable)) {
      Fail(StatusCode::kSemanticError, "Variable `" + r.variable + "` not defined", r.pos);
    }
  }
  exec::OperatorPtr plan = PlanPattern(exec::MakeOnce(), PatternOf(path), nullptr);
  return std::make_unique<exec::PlanExpr>(exec::PlanExprResult::kExists, std::move(plan), nullptr,
                                          slots_.count(), "pattern predicate");
}

exec::ExprPtr Planner::CompilePatternComprehension(const PatternComprehension& comprehension) {
  NestedPlanGuard guard(*this);
  exec::OperatorPtr plan =
      PlanPattern(exec::MakeOnce(), PatternOf(*comprehension.path), comprehension.where.get());
  exec::ExprPtr value = Compile(*comprehension.projection);
  return std::make_unique<exec::PlanExpr>(exec::PlanExprResult::kCollect, std::move(plan),
                                          std::move(value), slots_.count(),
                                          "pattern comprehension");
}

exec::ExprPtr Planner::CompileSubquery(const SubqueryExpr& subquery) {
  static const char* kNames[] = {"EXISTS", "COUNT", "COLLECT"};
  const char* name = kNames[static_cast<int>(subquery.subquery)];
  NestedPlanGuard guard(*this);
  DepthGuard depth(expression_subquery_);
  exec::OperatorPtr plan;
  std::vector<std::string> columns;
  std::vector<int> column_slots;
  if (subquery.pattern) {
    plan = PlanPattern(exec::MakeOnce(), *subquery.pattern, subquery.where.get());
  } else {
    std::vector<Scope> starts(subquery.query->parts.size(), scope_);
    plan = PlanUnionParts(*subquery.query, starts, &columns, &column_slots);
  }
  std::string description = std::string(name) + " { ... }";
  switch (subquery.subquery) {
    case SubqueryKind::kExists:
      return std::make_unique<exec::PlanExpr>(exec::PlanExprResult::kExists, std::move(plan),
                                              nullptr, slots_.count(), description);
    case SubqueryKind::kCount:
      return std::make_unique<exec::PlanExpr>(exec::PlanExprResult::kCount, std::move(plan),
                                              nullptr, slots_.count(), description);
    case SubqueryKind::kCollect:
      break;
  }
  if (columns.size() != 1) {
    Fail(StatusCode::kSemanticError, "A Collect Expression must end with a single return column.",
         subquery.pos);
  }
  auto value = std::make_unique<exec::SlotExpr>(column_slots[0], columns[0]);
  return std::make_unique<exec::PlanExpr>(exec::PlanExprResult::kCollect, std::move(plan),
                                          std::move(value), slots_.count(), description);
}

exec::OperatorPtr Planner::PlanForeach(exec::OperatorPtr input, const ForeachClause& foreach) {
  exec::ExprPtr list = Compile(*foreach.list);
  exec::OperatorPtr body = exec::MakeOnce();
  int slot;
  {
    NestedPlanGuard guard(*this);
    if (scope_.Find(foreach.variable)) {
      Fail(StatusCode::kSemanticError, "Variable `" + foreach.variable + "` already declared",
           foreach.variable_pos);
    }
    slot = BindNew(foreach.variable, VarKind::kAny);
    for (const ClausePtr& c : foreach.clauses) {
      switch (c->kind) {
        case ClauseKind::kCreate:
          body = PlanCreate(std::move(body), c->As<CreateClause>().pattern, false);
          break;
        case ClauseKind::kMerge:
          body = PlanMerge(std::move(body), c->As<MergeClause>());
          break;
        case ClauseKind::kSet:
          body = PlanSet(std::move(body), c->As<SetClause>().items);
          break;
        case ClauseKind::kRemove:
          body = PlanRemove(std::move(body), c->As<RemoveClause>());
          break;
        case ClauseKind::kDelete:
          body = PlanDelete(std::move(body), c->As<DeleteClause>());
          break;
        case ClauseKind::kForeach:
          body = PlanForeach(std::move(body), c->As<ForeachClause>());
          break;
        default:
          Fail(StatusCode::kSyntaxError,
               "Invalid use of a reading clause inside FOREACH (only CREATE, MERGE, SET, REMOVE, "
               "DELETE and FOREACH are allowed)",
               c->pos);
      }
    }
  }
  planned_updates_ = true;
  // As for DELETE: the reads that feed FOREACH finish before its writes start, so that a later
  // input row never sees (or trips over) what an earlier row's iteration deleted or changed.
  return exec::MakeForeach(exec::MakeEager(std::move(input)), std::move(list), slot,
                           std::move(body));
}

exec::OperatorPtr Planner::PlanCallSubquery(exec::OperatorPtr input,
                                            const CallSubqueryClause& call) {
  if (call.in_transactions) {
    if (call_subquery_ > 0 || expression_subquery_ > 0) {
      Fail(StatusCode::kSyntaxError, "Nested CALL { ... } IN TRANSACTIONS is not supported",
           call.pos);
    }
    if (call.in_transactions->on_error != OnErrorBehavior::kFail) {
      Fail(StatusCode::kNotSupported,
           "CALL { ... } IN TRANSACTIONS ON ERROR CONTINUE | BREAK is not supported", call.pos);
    }
  }
  // Batch size, in the outer scope.
  exec::ExprPtr batch_rows;
  if (call.in_transactions) {
    batch_rows = call.in_transactions->rows
                     ? Compile(*call.in_transactions->rows)
                     : std::make_unique<exec::ConstExpr>(Value::Int(kDefaultTransactionBatch));
  }
  const Scope outer = scope_;
  std::vector<Scope> starts;
  for (const SingleQuery& part : call.body.parts) {
    Scope start;
    if (call.has_scope) {
      if (call.scope_all) {
        start = outer;
      } else {
        for (const ScopeVariable& v : call.scope) {
          auto info = outer.Find(v.name);
          if (!info)
            Fail(StatusCode::kSemanticError, "Variable `" + v.name + "` not defined", v.pos);
          start.Bind(v.name, *info);
        }
      }
    } else if (!part.clauses.empty() && part.clauses[0]->kind == ClauseKind::kWith) {
      // An importing WITH: it sees the outer variables and keeps those it names.
      start = outer;
    }
    starts.push_back(std::move(start));
  }
  std::vector<std::string> columns;
  std::vector<int> body_slots;
  exec::OperatorPtr body;
  std::vector<VarKind> kinds;
  {
    NestedPlanGuard guard(*this);
    DepthGuard depth(call_subquery_);
    body = PlanUnionParts(call.body, starts, &columns, &body_slots);
    // With UNION the scope left is the last part's: its kinds do not hold for the others.
    for (const std::string& c : columns) {
      auto info = call.body.parts.size() == 1 ? scope_.Find(c) : std::nullopt;
      kinds.push_back(info ? info->kind : VarKind::kAny);
    }
  }
  std::vector<int> out_slots;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (outer.Find(columns[i])) {
      Fail(StatusCode::kSemanticError, "Variable `" + columns[i] + "` already declared", call.pos);
    }
    out_slots.push_back(BindNew(columns[i], kinds[i]));
  }
  if (QueryUpdates(call.body)) planned_updates_ = true;
  if (call.in_transactions) in_transactions_ = true;
  bool unit = columns.empty();
  return exec::MakeCallSubquery(std::move(input), std::move(body), std::move(body_slots),
                                std::move(out_slots), unit, std::move(batch_rows));
}

}  // namespace smith::cypher
