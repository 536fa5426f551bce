// Compiled expressions: the planner turns AST expressions into these trees, with variables
// resolved to row slots, so evaluation does no name lookups.
//
// Evaluation errors (type errors, bad arguments, missing parameters) end the statement: Eval
// throws CypherError (cypher_error.h).
//
// Thread safety: a compiled expression is immutable once built and may be evaluated by several
// statements at once (plans are cached and shared).
#ifndef SMITH_CYPHER_EXECUTION_EXPR_H_
#define SMITH_CYPHER_EXECUTION_EXPR_H_

#include <memory>
#include <string>
#include <vector>

#include "common/value.h"

namespace smith::exec {

class ExecContext;

// A row: one Value per slot; the planner assigns slots to variables and hidden temporaries.
using Row = std::vector<Value>;

class Expr {
 public:
  virtual ~Expr() = default;
  virtual Value Eval(const Row& row, ExecContext& ctx) const = 0;
  // A short description for EXPLAIN.
  virtual std::string Describe() const = 0;
};

using ExprPtr = std::unique_ptr<Expr>;

// Evaluates a predicate: only `true` passes (null and false filter out). Throws a TypeError
// for non-boolean values.
bool EvalPredicate(const Expr& expr, const Row& row, ExecContext& ctx);

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_EXPR_H_
