// Operators and expressions that run a nested plan per row: PlanExpr (subquery_expr.h),
// Foreach and CallSubquery (with IN TRANSACTIONS).
#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"
#include "cypher/execution/subquery_expr.h"

namespace smith::exec {

Value PlanExpr::Eval(const Row& row, ExecContext& ctx) const {
  const Row* argument = &row;
  Row widened;
  if (row.size() < static_cast<size_t>(row_size_)) {
    widened = row;
    widened.resize(row_size_);
    argument = &widened;
  }
  plan_->Open(ctx, *argument);
  Row inner = *argument;
  switch (result_) {
    case PlanExprResult::kExists:
      return Value::Bool(plan_->Next(ctx, inner));
    case PlanExprResult::kCount: {
      int64_t count = 0;
      while (plan_->Next(ctx, inner)) ++count;
      return Value::Int(count);
    }
    case PlanExprResult::kCollect: {
      std::vector<Value> items;
      while (plan_->Next(ctx, inner)) items.push_back(value_->Eval(inner, ctx));
      return Value::List(std::move(items));
    }
  }
  return Value();
}

namespace {

std::vector<OperatorPtr> Two(OperatorPtr a, OperatorPtr b) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(a));
  v.push_back(std::move(b));
  return v;
}

class Foreach final : public Operator {
 public:
  Foreach(OperatorPtr input, ExprPtr list, int slot, OperatorPtr body)
      : Operator(Two(std::move(input), std::move(body))), list_(std::move(list)), slot_(slot) {}
  std::string Name() const override { return "Foreach"; }
  std::string Details() const override { return list_->Describe(); }
  void Open(ExecContext& ctx, const Row& argument) override { child(0).Open(ctx, argument); }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!child(0).Next(ctx, row)) return false;
    Value list = list_->Eval(row, ctx);
    if (list.is_null()) return true;
    if (!list.is_list()) {
      ThrowError(StatusCode::kTypeError, "Type mismatch: expected a list in FOREACH but was " +
                                             std::string(ValueTypeName(list.type())));
    }
    for (const Value& item : list.AsList()) {
      scratch_ = row;
      scratch_[slot_] = item;
      child(1).Open(ctx, scratch_);
      Row out = scratch_;
      while (child(1).Next(ctx, out)) {
      }
    }
    return true;
  }

 private:
  ExprPtr list_;
  int slot_;
  Row scratch_;
};

class CallSubquery final : public Operator {
 public:
  CallSubquery(OperatorPtr input, OperatorPtr body, std::vector<int> from_slots,
               std::vector<int> to_slots, bool unit, ExprPtr batch_rows)
      : Operator(Two(std::move(input), std::move(body))),
        from_slots_(std::move(from_slots)),
        to_slots_(std::move(to_slots)),
        unit_(unit),
        batch_rows_(std::move(batch_rows)) {}
  std::string Name() const override {
    return batch_rows_ ? "TransactionApply" : (unit_ ? "SubqueryForeach" : "Apply");
  }
  std::string Details() const override {
    return batch_rows_ ? "batch " + batch_rows_->Describe() : "";
  }
  void Open(ExecContext& ctx, const Row& argument) override {
    child(0).Open(ctx, argument);
    body_open_ = false;
    in_batch_ = 0;
    if (batch_rows_) {
      Value n = batch_rows_->Eval(argument, ctx);
      if (!n.is_int() || n.AsInt() <= 0) {
        ThrowError(StatusCode::kArgumentError,
                   "Invalid input. '" + n.ToString() +
                       "' is not a valid value. Must be a positive integer.");
      }
      batch_size_ = n.AsInt();
    }
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      if (body_open_) {
        if (child(1).Next(ctx, body_row_)) {
          row = outer_;
          for (size_t i = 0; i < from_slots_.size(); ++i)
            row[to_slots_[i]] = body_row_[from_slots_[i]];
          return true;
        }
        body_open_ = false;
        FinishInputRow(ctx);
      }
      if (!child(0).Next(ctx, outer_)) {
        if (in_batch_ > 0) Commit(ctx);
        return false;
      }
      child(1).Open(ctx, outer_);
      body_row_ = outer_;
      if (unit_) {
        while (child(1).Next(ctx, body_row_)) {
        }
        FinishInputRow(ctx);
        row = outer_;
        return true;
      }
      body_open_ = true;
    }
  }

 private:
  void FinishInputRow(ExecContext& ctx) {
    if (!batch_rows_) return;
    if (++in_batch_ >= batch_size_) Commit(ctx);
  }
  void Commit(ExecContext& ctx) {
    in_batch_ = 0;
    if (!ctx.can_write()) return;
    if (!ctx.chunk_commits_allowed()) {
      ThrowError(StatusCode::kInvalidState,
                 "A query with 'CALL { ... } IN TRANSACTIONS' can only be executed in an implicit "
                 "transaction, but tried to execute in an explicit transaction.");
    }
    ThrowIfError(ctx.writer().CommitChunk());
    ctx.ForgetCachedRecords();
  }

  std::vector<int> from_slots_;
  std::vector<int> to_slots_;
  bool unit_;
  ExprPtr batch_rows_;
  int64_t batch_size_ = 0;
  int64_t in_batch_ = 0;
  bool body_open_ = false;
  Row outer_;
  Row body_row_;
};

}  // namespace

OperatorPtr MakeForeach(OperatorPtr input, ExprPtr list, int slot, OperatorPtr body) {
  return std::make_unique<Foreach>(std::move(input), std::move(list), slot, std::move(body));
}

OperatorPtr MakeCallSubquery(OperatorPtr input, OperatorPtr body, std::vector<int> from_slots,
                             std::vector<int> to_slots, bool unit, ExprPtr batch_rows) {
  return std::make_unique<CallSubquery>(std::move(input), std::move(body), std::move(from_slots),
                                        std::move(to_slots), unit, std::move(batch_rows));
}

}  // namespace smith::exec
