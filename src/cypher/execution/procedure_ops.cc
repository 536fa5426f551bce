// ProcedureCall: runs a procedure (built-in or registered, see procedures.h) per input row.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"
#include "cypher/execution/procedures.h"

namespace smith::exec {

namespace {

std::vector<OperatorPtr> One(OperatorPtr op) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(op));
  return v;
}

class ProcedureCall final : public Operator {
 public:
  ProcedureCall(OperatorPtr input, std::shared_ptr<const Procedure> procedure,
                std::vector<ExprPtr> args, std::vector<int> field_index, std::vector<int> slots,
                bool standalone)
      : Operator(One(std::move(input))),
        procedure_(std::move(procedure)),
        args_(std::move(args)),
        field_index_(std::move(field_index)),
        slots_(std::move(slots)),
        standalone_(standalone) {}
  std::string Name() const override { return "ProcedureCall"; }
  std::string Details() const override { return procedure_->name; }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    rows_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (next_ >= rows_.size()) {
      if (!child().Next(ctx, current_)) return false;
      Call(ctx);
      // Inside a query a void procedure passes each input row through once; standalone it
      // yields nothing.
      if (procedure_->outputs.empty() && !standalone_) {
        row = current_;
        return true;
      }
    }
    row = current_;
    for (size_t i = 0; i < slots_.size(); ++i) row[slots_[i]] = rows_[next_][field_index_[i]];
    ++next_;
    return true;
  }

 private:
  void Call(ExecContext& ctx) {
    std::vector<Value> values;
    values.reserve(args_.size());
    for (size_t i = 0; i < args_.size(); ++i) {
      // Nodes and relationships in rows are references; the procedure gets them whole.
      Value v = ctx.Materialize(args_[i]->Eval(current_, ctx));
      const ProcedureField& input = procedure_->inputs[i];
      if (!CoerceArgument(input.type, &v)) {
        ThrowError(StatusCode::kTypeError, "Wrong argument type for `" + input.name +
                                               "` of procedure " + procedure_->name +
                                               ": expected " + input.type.text + " but was " +
                                               std::string(ValueTypeName(v.type())));
      }
      values.push_back(std::move(v));
    }
    rows_ = procedure_->run(ctx, values);
    next_ = 0;
    if (procedure_->outputs.empty() && !rows_.empty()) {
      ThrowError(StatusCode::kProcedureCallFailed, "Procedure " + procedure_->name +
                                                       " has no outputs but returned " +
                                                       std::to_string(rows_.size()) + " records");
    }
    for (const auto& r : rows_) {
      if (r.size() != procedure_->outputs.size()) {
        ThrowError(StatusCode::kProcedureCallFailed,
                   "Procedure " + procedure_->name + " returned a record of " +
                       std::to_string(r.size()) + " values for " +
                       std::to_string(procedure_->outputs.size()) + " outputs");
      }
    }
  }

  std::shared_ptr<const Procedure> procedure_;
  std::vector<ExprPtr> args_;
  std::vector<int> field_index_;
  std::vector<int> slots_;
  const bool standalone_;
  Row current_;
  std::vector<std::vector<Value>> rows_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeProcedureCall(OperatorPtr input, std::shared_ptr<const Procedure> procedure,
                              std::vector<ExprPtr> args, std::vector<int> field_index,
                              std::vector<int> slots, bool standalone) {
  return std::make_unique<ProcedureCall>(std::move(input), std::move(procedure), std::move(args),
                                         std::move(field_index), std::move(slots), standalone);
}

}  // namespace smith::exec
