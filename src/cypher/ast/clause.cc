#include "cypher/ast/clause.h"

namespace smith::cypher {
namespace {

std::vector<ClausePtr> CloneClauses(const std::vector<ClausePtr>& clauses) {
  std::vector<ClausePtr> out;
  out.reserve(clauses.size());
  for (const ClausePtr& c : clauses) out.push_back(c->Clone());
  return out;
}

template <typename T>
std::vector<T> CloneAll(const std::vector<T>& items) {
  std::vector<T> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(item.Clone());
  return out;
}

}  // namespace

SingleQuery SingleQuery::Clone() const {
  SingleQuery out;
  out.pos = pos;
  out.union_all = union_all;
  out.clauses = CloneClauses(clauses);
  return out;
}

Query Query::Clone() const {
  Query out;
  out.pos = pos;
  out.parts = CloneAll(parts);
  return out;
}

ProjectionItem ProjectionItem::Clone() const { return {pos, CloneExpr(expr), alias, text}; }

SortItem SortItem::Clone() const { return {pos, CloneExpr(expr), descending}; }

Projection Projection::Clone() const {
  Projection out;
  out.distinct = distinct;
  out.star = star;
  out.items = CloneAll(items);
  out.order_by = CloneAll(order_by);
  out.skip = CloneExpr(skip);
  out.limit = CloneExpr(limit);
  return out;
}

ClausePtr MatchClause::Clone() const {
  auto out = std::make_unique<MatchClause>(pos);
  out->optional = optional;
  out->pattern = pattern.Clone();
  out->where = CloneExpr(where);
  return out;
}

ClausePtr UnwindClause::Clone() const {
  auto out = std::make_unique<UnwindClause>(pos);
  out->list = CloneExpr(list);
  out->variable = variable;
  out->variable_pos = variable_pos;
  return out;
}

ClausePtr WithClause::Clone() const {
  auto out = std::make_unique<WithClause>(pos);
  out->projection = projection.Clone();
  out->where = CloneExpr(where);
  return out;
}

ClausePtr ReturnClause::Clone() const {
  auto out = std::make_unique<ReturnClause>(pos);
  out->projection = projection.Clone();
  return out;
}

ClausePtr CreateClause::Clone() const {
  auto out = std::make_unique<CreateClause>(pos);
  out->pattern = pattern.Clone();
  return out;
}

SetItem SetItem::Clone() const {
  SetItem out;
  out.kind = kind;
  out.pos = pos;
  out.target = CloneExpr(target);
  out.value = CloneExpr(value);
  out.labels = CloneLabels(labels);
  return out;
}

ClausePtr SetClause::Clone() const {
  auto out = std::make_unique<SetClause>(pos);
  out->items = CloneAll(items);
  return out;
}

MergeAction MergeAction::Clone() const { return {pos, on_create, CloneAll(items)}; }

ClausePtr MergeClause::Clone() const {
  auto out = std::make_unique<MergeClause>(pos);
  out->path = path.Clone();
  out->actions = CloneAll(actions);
  return out;
}

RemoveItem RemoveItem::Clone() const { return {kind, pos, CloneExpr(target), CloneLabels(labels)}; }

ClausePtr RemoveClause::Clone() const {
  auto out = std::make_unique<RemoveClause>(pos);
  out->items = CloneAll(items);
  return out;
}

ClausePtr DeleteClause::Clone() const {
  auto out = std::make_unique<DeleteClause>(pos);
  out->detach = detach;
  out->targets = CloneExprs(targets);
  return out;
}

ClausePtr ForeachClause::Clone() const {
  auto out = std::make_unique<ForeachClause>(pos);
  out->variable = variable;
  out->variable_pos = variable_pos;
  out->list = CloneExpr(list);
  out->clauses = CloneClauses(clauses);
  return out;
}

std::string CallProcedureClause::QualifiedName() const {
  std::string out;
  for (const std::string& ns : namespaces) {
    out += ns;
    out += '.';
  }
  out += name;
  return out;
}

ClausePtr CallProcedureClause::Clone() const {
  auto out = std::make_unique<CallProcedureClause>(pos);
  out->namespaces = namespaces;
  out->name = name;
  out->has_arguments = has_arguments;
  out->args = CloneExprs(args);
  out->yield_star = yield_star;
  out->yields = yields;
  out->where = CloneExpr(where);
  return out;
}

InTransactions InTransactions::Clone() const { return {CloneExpr(rows), on_error}; }

ClausePtr CallSubqueryClause::Clone() const {
  auto out = std::make_unique<CallSubqueryClause>(pos);
  out->has_scope = has_scope;
  out->scope_all = scope_all;
  out->scope = scope;
  out->body = body.Clone();
  if (in_transactions) out->in_transactions = in_transactions->Clone();
  return out;
}

}  // namespace smith::cypher
