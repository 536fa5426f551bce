// Physical operators: a pull-based (Volcano) tree. The planner builds it; the engine opens the
// root and pulls rows until Next returns false.
//
// Rows. The whole pipeline of one query part shares one row layout (slot per variable or hidden
// temporary). A parent passes its row buffer down: a child fills the slots it binds and leaves
// the others alone, so no row is copied between streaming operators. Operators that hold rows
// (Sort, Aggregate, Distinct, eager scans) copy them.
//
// Re-opening. An operator under an Apply is opened once per outer row with that row as its
// `argument`; leaves (Once) start from the argument.
//
// Errors end the statement: operators throw CypherError.
// Thread safety: a tree runs on one thread; plans are built per execution (the planner caches
// the parsed statement, not the operator tree).
#ifndef SMITH_CYPHER_EXECUTION_OPERATOR_H_
#define SMITH_CYPHER_EXECUTION_OPERATOR_H_

#include <memory>
#include <string>
#include <vector>

#include "cypher/execution/expr.h"

namespace smith::exec {

class Operator {
 public:
  virtual ~Operator() = default;

  // Resets the operator (and its children) to run again; `argument` is the outer row for
  // operators under an Apply, or a row of nulls.
  virtual void Open(ExecContext& ctx, const Row& argument) {
    for (auto& child : children_) child->Open(ctx, argument);
  }
  // Fills `row` with the next result; false at the end.
  bool Next(ExecContext& ctx, Row& row) {
    bool more = Produce(ctx, row);
    if (more) ++rows_;
    return more;
  }

  virtual std::string Name() const = 0;
  // Extra detail for EXPLAIN, e.g. the label or predicate.
  virtual std::string Details() const { return ""; }
  const std::vector<std::unique_ptr<Operator>>& children() const { return children_; }
  int64_t rows() const { return rows_; }

 protected:
  explicit Operator(std::vector<std::unique_ptr<Operator>> children = {})
      : children_(std::move(children)) {}
  virtual bool Produce(ExecContext& ctx, Row& row) = 0;
  Operator& child(size_t i = 0) { return *children_[i]; }

  std::vector<std::unique_ptr<Operator>> children_;

 private:
  int64_t rows_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

// Prints the tree for EXPLAIN (with row counts for PROFILE).
std::string DescribePlan(const Operator& root, bool with_rows);

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_OPERATOR_H_
