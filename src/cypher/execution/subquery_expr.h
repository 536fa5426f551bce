// Expressions that run a sub-plan once per row: pattern predicates (`WHERE (a)-->(b)`),
// `EXISTS { }`, `COUNT { }`, `COLLECT { }` and pattern comprehensions (`[(a)-->(b) | b.x]`).
//
// The sub-plan is planned in the same row layout as the enclosing query (its slots come from the
// same allocator), so the outer row is its argument as is: the variables of the outer row are
// bound inside, and the sub-plan's own variables use slots the outer plan never reads.
//
// Thread safety: unlike other expressions, a PlanExpr holds operator state; plans are built per
// execution and run on one thread, and a PlanExpr is never evaluated re-entrantly (its sub-plan
// cannot contain itself).
#ifndef SMITH_CYPHER_EXECUTION_SUBQUERY_EXPR_H_
#define SMITH_CYPHER_EXECUTION_SUBQUERY_EXPR_H_

#include <string>

#include "cypher/execution/expr.h"
#include "cypher/execution/operator.h"

namespace smith::exec {

enum class PlanExprResult {
  kExists,   // true when the sub-plan yields a row (it stops at the first)
  kCount,    // the number of rows
  kCollect,  // the list of `value` evaluated on each row
};

class PlanExpr final : public Expr {
 public:
  // `value` is used by kCollect only (may be null otherwise). `row_size` is the number of slots
  // the sub-plan needs; shorter argument rows (constant contexts) are widened.
  PlanExpr(PlanExprResult result, OperatorPtr plan, ExprPtr value, int row_size,
           std::string description)
      : result_(result),
        plan_(std::move(plan)),
        value_(std::move(value)),
        row_size_(row_size),
        description_(std::move(description)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return description_; }

 private:
  PlanExprResult result_;
  OperatorPtr plan_;
  ExprPtr value_;
  int row_size_;
  std::string description_;
};

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_SUBQUERY_EXPR_H_
