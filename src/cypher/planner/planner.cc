// Query parts, UNION, WITH / RETURN projections and UNWIND.
#include "cypher/planner/planner.h"

#include <algorithm>
#include <map>

#include "cypher/ast/printer.h"
#include "cypher/execution/cypher_error.h"
#include "cypher/parser/syntax_error.h"
#include "cypher/planner/planner_impl.h"

namespace smith::cypher {

void Planner::Fail(StatusCode code, const std::string& message, SourcePos pos) const {
  Status positioned = SyntaxErrorAt(source_, pos.offset, message);
  throw exec::CypherError(code, positioned.message());
}

int Planner::BindNew(const std::string& name, VarKind kind) {
  int slot = slots_.Next();
  scope_.Bind(name, VarInfo{slot, kind});
  return slot;
}

bool IsUpdatingClause(const Clause& clause) {
  switch (clause.kind) {
    case ClauseKind::kCreate:
    case ClauseKind::kMerge:
    case ClauseKind::kSet:
    case ClauseKind::kRemove:
    case ClauseKind::kDelete:
    case ClauseKind::kForeach:
      return true;
    case ClauseKind::kCallSubquery:
      return QueryUpdates(clause.As<CallSubqueryClause>().body);
    default:
      return false;
  }
}

bool QueryUpdates(const Query& query) {
  for (const SingleQuery& part : query.parts) {
    for (const ClausePtr& c : part.clauses) {
      switch (c->kind) {
        case ClauseKind::kCreate:
        case ClauseKind::kMerge:
        case ClauseKind::kSet:
        case ClauseKind::kRemove:
        case ClauseKind::kDelete:
        case ClauseKind::kForeach:
          return true;
        case ClauseKind::kCallSubquery:
          if (QueryUpdates(c->As<CallSubqueryClause>().body)) return true;
          break;
        default:
          break;
      }
    }
  }
  return false;
}

Plan Planner::Run(const Query& query) {
  Plan plan;
  updates_ = QueryUpdates(query);
  std::vector<Scope> starts(query.parts.size());
  plan.root = PlanUnionParts(query, starts, &plan.columns, &plan.column_slots);
  plan.slot_count = slots_.count();
  plan.updates = updates_;
  plan.in_transactions = in_transactions_;
  plan.parameters.assign(parameters_.begin(), parameters_.end());
  return plan;
}

exec::OperatorPtr Planner::PlanUnionParts(const Query& query, const std::vector<Scope>& starts,
                                          std::vector<std::string>* columns,
                                          std::vector<int>* column_slots) {
  scope_ = starts[0];
  exec::OperatorPtr root = PlanSingleQuery(query.parts[0], columns, column_slots);
  for (size_t i = 1; i < query.parts.size(); ++i) {
    std::vector<std::string> part_columns;
    std::vector<int> slots;
    scope_ = starts[i];
    exec::OperatorPtr right = PlanSingleQuery(query.parts[i], &part_columns, &slots);
    if (part_columns != *columns) {
      Fail(StatusCode::kSyntaxError,
           "All sub queries in an UNION must have the same return column names",
           query.parts[i].pos);
    }
    if (query.parts[i].union_all != query.parts[1].union_all) {
      Fail(StatusCode::kSyntaxError, "Invalid combination of UNION and UNION ALL",
           query.parts[i].pos);
    }
    root = exec::MakeUnion(std::move(root), std::move(right), *column_slots, slots,
                           !query.parts[i].union_all);
  }
  return root;
}

exec::OperatorPtr Planner::PlanSingleQuery(const SingleQuery& query,
                                           std::vector<std::string>* columns,
                                           std::vector<int>* column_slots) {
  exec::OperatorPtr op = exec::MakeOnce();
  bool returned = false;
  const auto& clauses = query.clauses;
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = *clauses[i];
    if (returned)
      Fail(StatusCode::kSyntaxError, "RETURN can only be used at the end of the query", c.pos);
    if (expression_subquery_ > 0 && IsUpdatingClause(c)) {
      Fail(StatusCode::kSyntaxError,
           "An EXISTS, COUNT or COLLECT subquery cannot contain updating clauses", c.pos);
    }
    switch (c.kind) {
      case ClauseKind::kMatch:
        if (planned_updates_) {
          // A MATCH after an update sees every row's update, and the updates after it do not
          // change what it matches for later rows (Neo4j's eager reads): each of its invocations
          // reads the same graph.
          op = exec::MakeEager(PlanMatch(exec::MakeEager(std::move(op)), c.As<MatchClause>()));
        } else {
          op = PlanMatch(std::move(op), c.As<MatchClause>());
        }
        break;
      case ClauseKind::kUnwind:
        op = PlanUnwind(std::move(op), c.As<UnwindClause>());
        break;
      case ClauseKind::kWith: {
        const auto& w = c.As<WithClause>();
        std::vector<std::string> unused_columns;
        std::vector<int> unused_slots;
        op = PlanProjection(std::move(op), w.projection, w.where.get(), false, &unused_columns,
                            &unused_slots);
        break;
      }
      case ClauseKind::kReturn:
        op = PlanProjection(std::move(op), c.As<ReturnClause>().projection, nullptr, true, columns,
                            column_slots);
        returned = true;
        break;
      case ClauseKind::kCreate:
        op = PlanCreate(std::move(op), c.As<CreateClause>().pattern, false);
        break;
      case ClauseKind::kMerge:
        op = PlanMerge(std::move(op), c.As<MergeClause>());
        break;
      case ClauseKind::kSet:
        op = PlanSet(std::move(op), c.As<SetClause>().items);
        break;
      case ClauseKind::kRemove:
        op = PlanRemove(std::move(op), c.As<RemoveClause>());
        break;
      case ClauseKind::kDelete:
        op = PlanDelete(std::move(op), c.As<DeleteClause>());
        break;
      case ClauseKind::kCallProcedure: {
        bool standalone = clauses.size() == 1;
        op = PlanCallProcedure(std::move(op), c.As<CallProcedureClause>(), standalone, columns,
                               column_slots);
        if (standalone) returned = true;
        break;
      }
      case ClauseKind::kForeach:
        op = PlanForeach(std::move(op), c.As<ForeachClause>());
        break;
      case ClauseKind::kCallSubquery:
        op = PlanCallSubquery(std::move(op), c.As<CallSubqueryClause>());
        break;
    }
  }
  // EXISTS / COUNT / COLLECT bodies may end with any reading clause.
  if (!returned && expression_subquery_ == 0) {
    const Clause& last = *clauses.back();
    if (!IsUpdatingClause(last) && last.kind != ClauseKind::kCallSubquery) {
      Fail(StatusCode::kSyntaxError,
           "Query cannot conclude with " +
               std::string(last.kind == ClauseKind::kWith     ? "WITH"
                           : last.kind == ClauseKind::kUnwind ? "UNWIND"
                                                              : "MATCH") +
               " (must be a RETURN clause, a FINISH clause, an update clause, a unit subquery "
               "call, or a procedure call with no YIELD)",
           last.pos);
    }
  }
  return op;
}

exec::OperatorPtr Planner::PlanUnwind(exec::OperatorPtr input, const UnwindClause& unwind) {
  exec::ExprPtr list = Compile(*unwind.list);
  if (scope_.Find(unwind.variable)) {
    Fail(StatusCode::kSemanticError, "Variable `" + unwind.variable + "` already declared",
         unwind.variable_pos);
  }
  int slot = BindNew(unwind.variable, VarKind::kAny);
  return exec::MakeUnwind(std::move(input), std::move(list), slot);
}

exec::OperatorPtr Planner::PlanProjection(exec::OperatorPtr input, const Projection& projection,
                                          const Expression* where, bool is_return,
                                          std::vector<std::string>* columns,
                                          std::vector<int>* column_slots) {
  struct Item {
    std::string name;
    const Expression* expr;
    SourcePos pos;
  };
  std::vector<Item> items;
  std::vector<std::unique_ptr<Variable>> star_vars;
  if (projection.star) {
    // RETURN * needs a named variable (the TCK's NoVariablesInScope); WITH * over anonymous
    // pattern variables only is allowed and passes nothing on.
    const bool any_named =
        std::any_of(scope_.vars().begin(), scope_.vars().end(),
                    [](const auto& entry) { return !entry.first.starts_with("  "); });
    if (is_return ? !any_named : scope_.vars().empty()) {
      Fail(StatusCode::kSyntaxError,
           std::string(is_return ? "RETURN" : "WITH") +
               " * is not allowed when there are no "
               "variables in scope",
           SourcePos{});
    }
    for (const auto& [name, info] : scope_.vars()) {
      if (name.starts_with("  ")) continue;  // anonymous pattern variables
      star_vars.push_back(std::make_unique<Variable>(SourcePos{}, name));
      items.push_back(Item{name, star_vars.back().get(), SourcePos{}});
    }
  }
  for (const ProjectionItem& item : projection.items) {
    std::string name;
    if (item.alias) {
      name = *item.alias;
    } else if (item.expr->kind == ExprKind::kVariable) {
      name = item.expr->As<Variable>().name;
    } else if (!is_return) {
      Fail(StatusCode::kSyntaxError, "Expression in WITH must be aliased (use AS)", item.pos);
    } else {
      name = item.text;
    }
    items.push_back(Item{name, item.expr.get(), item.pos});
  }
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (items[i].name == items[j].name) {
        Fail(StatusCode::kSyntaxError,
             "Multiple result columns with the same name are not supported", items[i].pos);
      }
    }
  }

  bool aggregating = std::any_of(items.begin(), items.end(),
                                 [](const Item& it) { return ContainsAggregate(*it.expr); });
  Scope new_scope;
  std::vector<int> out_slots;
  std::map<size_t, int> hidden_order_slots;  // ORDER BY item -> slot computed by the aggregation
  exec::OperatorPtr op = std::move(input);
  if (aggregating) {
    std::vector<int> group_slots;
    std::vector<exec::ExprPtr> group_exprs;
    std::vector<exec::AggregateSpec> aggs;
    std::vector<int> post_slots;
    std::vector<exec::ExprPtr> post_exprs;
    for (const Item& it : items) {
      int slot = slots_.Next();
      if (ContainsAggregate(*it.expr)) {
        post_slots.push_back(slot);
        post_exprs.push_back(CompileWithAggregates(*it.expr, &aggs));
      } else {
        group_slots.push_back(slot);
        group_exprs.push_back(Compile(*it.expr));
      }
      out_slots.push_back(slot);
    }
    // ORDER BY items that aggregate, or that read the input's variables, are computed here as
    // hidden columns: their aggregates join this aggregation, and their references to grouping
    // keys (by spelling, or by alias) read the keys' slots.
    if (!projection.order_by.empty()) {
      std::vector<std::pair<std::string, int>> keys;
      // An ORDER BY item that aggregates may use grouping keys only where they are variables or
      // properties of variables (and aliases): `ORDER BY me.age + you.age + count(*)` over the
      // key `me.age + you.age` is ambiguous in Neo4j (AmbiguousAggregationExpression).
      std::vector<std::pair<std::string, int>> simple_keys;
      for (size_t i = 0; i < items.size(); ++i) {
        if (ContainsAggregate(*items[i].expr)) continue;
        keys.emplace_back(ToCypher(*items[i].expr), out_slots[i]);
        keys.emplace_back(QuoteVariable(items[i].name), out_slots[i]);
        const Expression& key = *items[i].expr;
        const bool simple = key.kind == ExprKind::kVariable ||
                            (key.kind == ExprKind::kProperty &&
                             key.As<PropertyAccess>().object->kind == ExprKind::kVariable);
        if (simple) simple_keys.push_back(keys[keys.size() - 2]);
        simple_keys.push_back(keys.back());
      }
      for (size_t k = 0; k < projection.order_by.size(); ++k) {
        const Expression& e = *projection.order_by[k].expr;
        std::vector<std::string> vars;
        CollectVariables(e, &vars);
        const bool reads_input = std::any_of(vars.begin(), vars.end(), [&](const std::string& v) {
          return std::none_of(items.begin(), items.end(),
                              [&](const Item& it) { return it.name == v; });
        });
        if (!ContainsAggregate(e) && !reads_input) continue;
        const Scope input_scope = scope_;
        int slot = slots_.Next();
        {
          ScopedValue substitution(group_substitution_,
                                   ContainsAggregate(e) ? &simple_keys : &keys);
          ScopedValue input_scope_in_use(substitution_input_scope_, &input_scope);
          post_exprs.push_back(CompileWithAggregates(e, &aggs));
        }
        post_slots.push_back(slot);
        hidden_order_slots[k] = slot;
      }
    }
    op = exec::MakeAggregate(std::move(op), std::move(group_slots), std::move(group_exprs),
                             std::move(aggs));
    if (!post_exprs.empty())
      op = exec::MakeProject(std::move(op), std::move(post_slots), std::move(post_exprs));
  } else {
    std::vector<exec::ExprPtr> exprs;
    for (const Item& it : items) {
      // A plain variable passed through keeps its slot.
      if (it.expr->kind == ExprKind::kVariable) {
        auto var = scope_.Find(it.expr->As<Variable>().name);
        if (!var)
          Fail(StatusCode::kSemanticError,
               "Variable `" + it.expr->As<Variable>().name + "` not defined", it.expr->pos);
        out_slots.push_back(var->slot);
        continue;
      }
      int slot = slots_.Next();
      out_slots.push_back(slot);
      exprs.push_back(Compile(*it.expr));
    }
    std::vector<int> proj_slots;
    for (size_t i = 0, e = 0; i < items.size(); ++i) {
      if (items[i].expr->kind != ExprKind::kVariable) {
        proj_slots.push_back(out_slots[i]);
        ++e;
      }
    }
    if (!exprs.empty())
      op = exec::MakeProject(std::move(op), std::move(proj_slots), std::move(exprs));
  }
  for (size_t i = 0; i < items.size(); ++i) {
    VarKind kind = VarKind::kAny;
    const ExprKind expr_kind = items[i].expr->kind;
    if (expr_kind == ExprKind::kVariable) {
      if (auto v = scope_.Find(items[i].expr->As<Variable>().name)) kind = v->kind;
    } else if (expr_kind == ExprKind::kList || expr_kind == ExprKind::kMap ||
               (expr_kind == ExprKind::kLiteral &&
                items[i].expr->As<Literal>().literal_kind != LiteralKind::kNull)) {
      kind = VarKind::kValue;  // `WITH 1 AS n MATCH (n)` is a compile-time type conflict
    }
    new_scope.Bind(items[i].name, VarInfo{out_slots[i], kind});
  }
  if (projection.distinct) op = exec::MakeDistinct(std::move(op), out_slots);

  // ORDER BY sees the projected names and, without DISTINCT or aggregation, the old ones too.
  Scope old_scope = scope_;
  if (aggregating || projection.distinct) {
    scope_ = new_scope;
  } else {
    for (const auto& [name, info] : new_scope.vars()) scope_.Bind(name, info);
  }
  // WITH ... WHERE sees the same names as ORDER BY; it filters after SKIP / LIMIT.
  // After DISTINCT (without aggregation) only the projected values remain: an ORDER BY or WHERE
  // that reads the input's variables may use them only as spelled in the projection (as for
  // aggregation keys above).
  std::vector<std::pair<std::string, int>> distinct_keys;
  if (projection.distinct && !aggregating) {
    for (size_t i = 0; i < items.size(); ++i) {
      distinct_keys.emplace_back(ToCypher(*items[i].expr), out_slots[i]);
      distinct_keys.emplace_back(QuoteVariable(items[i].name), out_slots[i]);
    }
  }
  auto compile_after = [&](const Expression& e, bool predicate) {
    std::vector<std::string> vars;
    CollectVariables(e, &vars);
    const bool reads_input = std::any_of(vars.begin(), vars.end(), [&](const std::string& v) {
      return std::none_of(items.begin(), items.end(), [&](const Item& it) { return it.name == v; });
    });
    if (distinct_keys.empty() || !reads_input) return predicate ? CompilePredicate(e) : Compile(e);
    ScopedValue substitution(group_substitution_, &distinct_keys);
    return predicate ? CompilePredicate(e) : Compile(e);
  };
  exec::ExprPtr where_expr = where != nullptr ? compile_after(*where, true) : nullptr;
  if (!projection.order_by.empty()) {
    std::vector<exec::SortKey> keys;
    for (size_t k = 0; k < projection.order_by.size(); ++k) {
      const SortItem& s = projection.order_by[k];
      auto hidden = hidden_order_slots.find(k);
      exec::ExprPtr key = hidden != hidden_order_slots.end()
                              ? std::make_unique<exec::SlotExpr>(hidden->second, "order key")
                              : compile_after(*s.expr, false);
      keys.push_back(exec::SortKey{std::move(key), s.descending});
    }
    op = exec::MakeSort(std::move(op), std::move(keys));
  }
  auto check_constant = [&](const cypher::ExprPtr& e, const char* what) {
    std::vector<std::string> vars;
    CollectVariables(*e, &vars);
    if (!vars.empty()) {
      Fail(StatusCode::kSyntaxError,
           std::string("It is not allowed to refer to variables in ") + what, e->pos);
    }
  };
  // Updates before a SKIP / LIMIT happen for every row, as in Neo4j: read them all first.
  if (planned_updates_ && (projection.skip || projection.limit)) {
    op = exec::MakeEager(std::move(op));
  }
  if (projection.skip) {
    check_constant(projection.skip, "SKIP");
    op = exec::MakeSkip(std::move(op), Compile(*projection.skip));
  }
  if (projection.limit) {
    check_constant(projection.limit, "LIMIT");
    op = exec::MakeLimit(std::move(op), Compile(*projection.limit), planned_updates_);
  }
  scope_ = new_scope;
  if (where_expr) op = exec::MakeFilter(std::move(op), std::move(where_expr));
  (void)old_scope;
  for (size_t i = 0; i < items.size(); ++i) {
    columns->push_back(items[i].name);
    column_slots->push_back(out_slots[i]);
  }
  return op;
}

Result<Plan> PlanQuery(const Query& query, graph::GraphReader& reader, std::string_view source,
                       const exec::ProcedureRegistry& procedures) {
  try {
    Planner planner(reader, source, procedures);
    return planner.Run(query);
  } catch (const exec::CypherError& e) {
    return e.status();
  }
}

}  // namespace smith::cypher
