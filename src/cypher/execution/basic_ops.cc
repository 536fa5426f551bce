// Streaming operators that need no graph access: Once, Filter, Project, Unwind, Skip, Limit,
// Apply, OptionalApply, Eager, Union, RelUniqueness; and the plan printer.
#include <unordered_set>

#include "common/value_compare.h"
#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"
#include "cypher/execution/row_key.h"

namespace smith::exec {

namespace {

std::vector<OperatorPtr> One(OperatorPtr op) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(op));
  return v;
}

std::vector<OperatorPtr> Two(OperatorPtr a, OperatorPtr b) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(a));
  v.push_back(std::move(b));
  return v;
}

// SKIP / LIMIT counts: constant expressions (the planner checks) evaluating to an integer >= 0.
// Anything else is a SyntaxError (the TCK's NegativeIntegerArgument / InvalidArgumentType), also
// when the value comes from a parameter.
int64_t NonNegativeCount(const Expr& expr, ExecContext& ctx) {
  Row empty;
  Value v = expr.Eval(empty, ctx);
  if (!v.is_int() || v.AsInt() < 0) {
    ThrowError(StatusCode::kSyntaxError, "Invalid input. '" + v.ToString() +
                                             "' is not a valid value. Must be a non-negative "
                                             "integer.");
  }
  return v.AsInt();
}

class Once final : public Operator {
 public:
  std::string Name() const override { return "Argument"; }
  void Open(ExecContext&, const Row& argument) override {
    argument_ = &argument;
    done_ = false;
  }

 protected:
  bool Produce(ExecContext&, Row& row) override {
    if (done_) return false;
    done_ = true;
    row = *argument_;
    return true;
  }

 private:
  const Row* argument_ = nullptr;
  bool done_ = true;
};

class Filter final : public Operator {
 public:
  Filter(OperatorPtr input, ExprPtr predicate)
      : Operator(One(std::move(input))), predicate_(std::move(predicate)) {}
  std::string Name() const override { return "Filter"; }
  std::string Details() const override { return predicate_->Describe(); }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (child().Next(ctx, row)) {
      if (EvalPredicate(*predicate_, row, ctx)) return true;
    }
    return false;
  }

 private:
  ExprPtr predicate_;
};

class Project final : public Operator {
 public:
  Project(OperatorPtr input, std::vector<int> slots, std::vector<ExprPtr> exprs)
      : Operator(One(std::move(input))), slots_(std::move(slots)), exprs_(std::move(exprs)) {}
  std::string Name() const override { return "Projection"; }
  std::string Details() const override {
    std::string out;
    for (const auto& e : exprs_) out += (out.empty() ? "" : ", ") + e->Describe();
    return out;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!child().Next(ctx, row)) return false;
    values_.clear();
    for (const auto& e : exprs_) values_.push_back(e->Eval(row, ctx));
    for (size_t i = 0; i < slots_.size(); ++i) row[slots_[i]] = std::move(values_[i]);
    return true;
  }

 private:
  std::vector<int> slots_;
  std::vector<ExprPtr> exprs_;
  std::vector<Value> values_;
};

class Unwind final : public Operator {
 public:
  Unwind(OperatorPtr input, ExprPtr list, int slot)
      : Operator(One(std::move(input))), list_(std::move(list)), slot_(slot) {}
  std::string Name() const override { return "Unwind"; }
  std::string Details() const override { return list_->Describe(); }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    items_ = Value();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      if (items_.is_list() && next_ < items_.AsList().size()) {
        row = current_;
        row[slot_] = items_.AsList()[next_++];
        return true;
      }
      if (!child().Next(ctx, current_)) return false;
      Value v = list_->Eval(current_, ctx);
      next_ = 0;
      if (v.is_list()) {
        items_ = std::move(v);
      } else if (v.is_null()) {
        items_ = Value();
      } else {
        items_ = Value::List({std::move(v)});  // UNWIND of a scalar yields it once
      }
    }
  }

 private:
  ExprPtr list_;
  int slot_;
  Row current_;
  Value items_;
  size_t next_ = 0;
};

class SkipLimit final : public Operator {
 public:
  SkipLimit(OperatorPtr input, ExprPtr count, bool is_limit, bool drain_input = false)
      : Operator(One(std::move(input))),
        count_(std::move(count)),
        is_limit_(is_limit),
        drain_input_(drain_input) {}
  std::string Name() const override { return is_limit_ ? "Limit" : "Skip"; }
  std::string Details() const override { return count_->Describe(); }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    n_ = NonNegativeCount(*count_, ctx);
    seen_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (is_limit_) {
      if (seen_ >= n_) {
        if (drain_input_) {
          while (child().Next(ctx, row)) {
          }
        }
        return false;
      }
      ++seen_;
      return child().Next(ctx, row);
    }
    while (seen_ < n_) {
      if (!child().Next(ctx, row)) return false;
      ++seen_;
    }
    return child().Next(ctx, row);
  }

 private:
  ExprPtr count_;
  bool is_limit_;
  bool drain_input_;
  int64_t n_ = 0;
  int64_t seen_ = 0;
};

class Apply final : public Operator {
 public:
  Apply(OperatorPtr input, OperatorPtr inner, bool optional, std::vector<int> null_slots)
      : Operator(Two(std::move(input), std::move(inner))),
        optional_(optional),
        null_slots_(std::move(null_slots)) {}
  std::string Name() const override { return optional_ ? "OptionalApply" : "Apply"; }
  void Open(ExecContext& ctx, const Row& argument) override {
    child(0).Open(ctx, argument);
    inner_open_ = false;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      if (inner_open_) {
        if (child(1).Next(ctx, row)) {
          matched_ = true;
          return true;
        }
        inner_open_ = false;
        if (optional_ && !matched_) {
          row = outer_;
          for (int s : null_slots_) row[s] = Value();
          return true;
        }
      }
      if (!child(0).Next(ctx, outer_)) return false;
      child(1).Open(ctx, outer_);
      inner_open_ = true;
      matched_ = false;
    }
  }

 private:
  bool optional_;
  std::vector<int> null_slots_;
  Row outer_;
  bool inner_open_ = false;
  bool matched_ = false;
};

class Eager final : public Operator {
 public:
  explicit Eager(OperatorPtr input) : Operator(One(std::move(input))) {}
  std::string Name() const override { return "Eager"; }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    filled_ = false;
    rows_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!filled_) {
      Row r = row;
      while (child().Next(ctx, r)) rows_.push_back(r);
      filled_ = true;
    }
    if (next_ >= rows_.size()) return false;
    row = std::move(rows_[next_++]);
    return true;
  }

 private:
  bool filled_ = false;
  std::vector<Row> rows_;
  size_t next_ = 0;
};

class Union final : public Operator {
 public:
  Union(OperatorPtr left, OperatorPtr right, std::vector<int> left_slots,
        std::vector<int> right_slots, bool distinct)
      : Operator(Two(std::move(left), std::move(right))),
        left_slots_(std::move(left_slots)),
        right_slots_(std::move(right_slots)),
        distinct_(distinct) {}
  std::string Name() const override { return distinct_ ? "Union" : "UnionAll"; }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    on_right_ = false;
    seen_.clear();
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      if (!on_right_) {
        if (!child(0).Next(ctx, row)) {
          on_right_ = true;
          continue;
        }
      } else {
        Row right = row;
        if (!child(1).Next(ctx, right)) return false;
        for (size_t i = 0; i < left_slots_.size(); ++i)
          row[left_slots_[i]] = right[right_slots_[i]];
      }
      if (!distinct_) return true;
      std::vector<Value> key;
      for (int s : left_slots_) key.push_back(row[s]);
      if (seen_.insert(std::move(key)).second) return true;
    }
  }

 private:
  std::vector<int> left_slots_;
  std::vector<int> right_slots_;
  bool distinct_;
  bool on_right_ = false;
  std::unordered_set<std::vector<Value>, RowKeyHash, RowKeyEq> seen_;
};

class RelUniqueness final : public Operator {
 public:
  RelUniqueness(OperatorPtr input, std::vector<int> slots)
      : Operator(One(std::move(input))), slots_(std::move(slots)) {}
  std::string Name() const override { return "RelationshipUniqueness"; }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (child().Next(ctx, row)) {
      ids_.clear();
      bool unique = true;
      for (int s : slots_) {
        const Value& v = row[s];
        if (v.type() == ValueType::kRelationship) {
          unique = unique && ids_.insert(v.AsRelationship().id).second;
        } else if (v.is_list()) {
          for (const Value& r : v.AsList())
            unique = unique && ids_.insert(r.AsRelationship().id).second;
        }
      }
      if (unique) return true;
    }
    return false;
  }

 private:
  std::vector<int> slots_;
  std::unordered_set<int64_t> ids_;
};

class Rows final : public Operator {
 public:
  Rows(std::vector<std::vector<Value>> rows, std::vector<int> slots)
      : rows_(std::move(rows)), slots_(std::move(slots)) {}
  std::string Name() const override { return "Rows"; }
  void Open(ExecContext&, const Row&) override { next_ = 0; }

 protected:
  bool Produce(ExecContext&, Row& row) override {
    if (next_ >= rows_.size()) return false;
    for (size_t i = 0; i < slots_.size(); ++i) row[slots_[i]] = rows_[next_][i];
    ++next_;
    return true;
  }

 private:
  std::vector<std::vector<Value>> rows_;
  std::vector<int> slots_;
  size_t next_ = 0;
};

void Describe(const Operator& op, bool with_rows, int depth, std::string* out) {
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append("+" + op.Name());
  std::string details = op.Details();
  if (!details.empty()) out->append("  " + details);
  if (with_rows) out->append("  (rows: " + std::to_string(op.rows()) + ")");
  out->push_back('\n');
  for (const auto& child : op.children()) Describe(*child, with_rows, depth + 1, out);
}

}  // namespace

std::string DescribePlan(const Operator& root, bool with_rows) {
  std::string out;
  Describe(root, with_rows, 0, &out);
  return out;
}

OperatorPtr MakeOnce() { return std::make_unique<Once>(); }
OperatorPtr MakeRows(std::vector<std::vector<Value>> rows, std::vector<int> slots) {
  return std::make_unique<Rows>(std::move(rows), std::move(slots));
}
OperatorPtr MakeFilter(OperatorPtr input, ExprPtr predicate) {
  return std::make_unique<Filter>(std::move(input), std::move(predicate));
}
OperatorPtr MakeProject(OperatorPtr input, std::vector<int> slots, std::vector<ExprPtr> exprs) {
  return std::make_unique<Project>(std::move(input), std::move(slots), std::move(exprs));
}
OperatorPtr MakeUnwind(OperatorPtr input, ExprPtr list, int slot) {
  return std::make_unique<Unwind>(std::move(input), std::move(list), slot);
}
OperatorPtr MakeSkip(OperatorPtr input, ExprPtr count) {
  return std::make_unique<SkipLimit>(std::move(input), std::move(count), false);
}
OperatorPtr MakeLimit(OperatorPtr input, ExprPtr count, bool drain_input) {
  return std::make_unique<SkipLimit>(std::move(input), std::move(count), true, drain_input);
}
OperatorPtr MakeApply(OperatorPtr input, OperatorPtr inner) {
  return std::make_unique<Apply>(std::move(input), std::move(inner), false, std::vector<int>{});
}
OperatorPtr MakeOptionalApply(OperatorPtr input, OperatorPtr inner, std::vector<int> null_slots) {
  return std::make_unique<Apply>(std::move(input), std::move(inner), true, std::move(null_slots));
}
OperatorPtr MakeEager(OperatorPtr input) { return std::make_unique<Eager>(std::move(input)); }
OperatorPtr MakeUnion(OperatorPtr left, OperatorPtr right, std::vector<int> left_slots,
                      std::vector<int> right_slots, bool distinct) {
  return std::make_unique<Union>(std::move(left), std::move(right), std::move(left_slots),
                                 std::move(right_slots), distinct);
}
OperatorPtr MakeRelUniqueness(OperatorPtr input, std::vector<int> slots) {
  return std::make_unique<RelUniqueness>(std::move(input), std::move(slots));
}

}  // namespace smith::exec
