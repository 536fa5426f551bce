#include "cypher/ast/statement.h"

namespace smith::cypher {

StatementPtr QueryStatement::Clone() const {
  auto out = std::make_unique<QueryStatement>(pos);
  out->explain = explain;
  out->query = query.Clone();
  return out;
}

StatementPtr CreateConstraintStatement::Clone() const {
  auto out = std::make_unique<CreateConstraintStatement>(pos);
  out->explain = explain;
  out->name = name;
  out->if_not_exists = if_not_exists;
  out->target = target;
  out->properties = properties;
  out->constraint = constraint;
  out->options = CloneExpr(options);
  return out;
}

StatementPtr DropConstraintStatement::Clone() const {
  auto out = std::make_unique<DropConstraintStatement>(pos);
  out->explain = explain;
  out->name = name;
  out->if_exists = if_exists;
  return out;
}

StatementPtr CreateIndexStatement::Clone() const {
  auto out = std::make_unique<CreateIndexStatement>(pos);
  out->explain = explain;
  out->name = name;
  out->if_not_exists = if_not_exists;
  out->index = index;
  out->target = target;
  out->properties = properties;
  out->lookup_function = lookup_function;
  out->options = CloneExpr(options);
  return out;
}

StatementPtr DropIndexStatement::Clone() const {
  auto out = std::make_unique<DropIndexStatement>(pos);
  out->explain = explain;
  out->name = name;
  out->if_exists = if_exists;
  return out;
}

StatementPtr ShowStatement::Clone() const {
  auto out = std::make_unique<ShowStatement>(pos);
  out->explain = explain;
  out->show = show;
  out->filter = filter;
  if (yield) out->yield = yield->Clone();
  out->where = CloneExpr(where);
  if (return_clause) {
    ClausePtr ret = return_clause->Clone();
    out->return_clause.reset(static_cast<ReturnClause*>(ret.release()));
  }
  return out;
}

}  // namespace smith::cypher
