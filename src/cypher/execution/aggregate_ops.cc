// Operators that hold rows: Aggregate (grouping), Distinct and Sort.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/value_compare.h"
#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"
#include "cypher/execution/row_key.h"
#include "cypher/functions/aggregates.h"

namespace smith::exec {

namespace {

std::vector<OperatorPtr> One(OperatorPtr op) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(op));
  return v;
}

class Aggregate final : public Operator {
 public:
  Aggregate(OperatorPtr input, std::vector<int> group_slots, std::vector<ExprPtr> group_exprs,
            std::vector<AggregateSpec> aggregates)
      : Operator(One(std::move(input))),
        group_slots_(std::move(group_slots)),
        group_exprs_(std::move(group_exprs)),
        aggregates_(std::move(aggregates)) {}
  std::string Name() const override {
    return group_exprs_.empty() ? "Aggregation" : "EagerAggregation";
  }
  std::string Details() const override {
    std::string out;
    for (const auto& a : aggregates_) out += (out.empty() ? "" : ", ") + a.function + "(...)";
    return out;
  }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    argument_ = &argument;
    done_ = false;
    output_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!done_) Run(ctx, row);
    if (next_ >= output_.size()) return false;
    row = std::move(output_[next_++]);
    return true;
  }

 private:
  struct Group {
    Row first_row;
    std::vector<std::unique_ptr<cypher::Aggregator>> aggregators;
  };

  std::vector<std::unique_ptr<cypher::Aggregator>> NewAggregators() {
    std::vector<std::unique_ptr<cypher::Aggregator>> out;
    for (const AggregateSpec& spec : aggregates_) {
      out.push_back(ValueOrThrow(cypher::MakeAggregator(spec.function, spec.distinct)));
    }
    return out;
  }

  void Run(ExecContext& ctx, Row& row) {
    done_ = true;
    std::unordered_map<std::vector<Value>, size_t, RowKeyHash, RowKeyEq> index;
    std::vector<Group> groups;
    Row input = row;
    std::vector<Value> key;
    std::vector<Value> args;
    while (child().Next(ctx, input)) {
      key.clear();
      for (const auto& e : group_exprs_) key.push_back(e->Eval(input, ctx));
      auto [it, inserted] = index.try_emplace(key, groups.size());
      if (inserted) groups.push_back(Group{input, NewAggregators()});
      Group& g = groups[it->second];
      for (size_t i = 0; i < aggregates_.size(); ++i) {
        args.clear();
        for (const auto& a : aggregates_[i].args) args.push_back(a->Eval(input, ctx));
        ThrowIfError(g.aggregators[i]->Add(args));
      }
    }
    // No input rows and no grouping keys: one row of empty aggregates. It starts from the
    // argument row, which has the plan's width (the caller's buffer may be empty, e.g. a scan's
    // row under a later MATCH).
    if (groups.empty() && group_exprs_.empty()) {
      groups.push_back(Group{*argument_, NewAggregators()});
    }
    // Emit in first-seen order; group key values are written to their slots.
    std::vector<std::vector<Value>> keys(groups.size());
    for (auto& [k, gi] : index) keys[gi] = k;
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      Row out = std::move(groups[gi].first_row);
      for (size_t i = 0; i < group_slots_.size(); ++i) out[group_slots_[i]] = keys[gi][i];
      for (size_t i = 0; i < aggregates_.size(); ++i) {
        out[aggregates_[i].slot] = ValueOrThrow(groups[gi].aggregators[i]->Finish());
      }
      output_.push_back(std::move(out));
    }
  }

  std::vector<int> group_slots_;
  std::vector<ExprPtr> group_exprs_;
  std::vector<AggregateSpec> aggregates_;
  const Row* argument_ = nullptr;  // from Open; outlives the run
  bool done_ = false;
  std::vector<Row> output_;
  size_t next_ = 0;
};

class Distinct final : public Operator {
 public:
  Distinct(OperatorPtr input, std::vector<int> slots)
      : Operator(One(std::move(input))), slots_(std::move(slots)) {}
  std::string Name() const override { return "Distinct"; }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    seen_.clear();
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (child().Next(ctx, row)) {
      std::vector<Value> key;
      key.reserve(slots_.size());
      for (int s : slots_) key.push_back(row[s]);
      if (seen_.insert(std::move(key)).second) return true;
    }
    return false;
  }

 private:
  std::vector<int> slots_;
  std::unordered_set<std::vector<Value>, RowKeyHash, RowKeyEq> seen_;
};

class Sort final : public Operator {
 public:
  Sort(OperatorPtr input, std::vector<SortKey> keys)
      : Operator(One(std::move(input))), keys_(std::move(keys)) {}
  std::string Name() const override { return "Sort"; }
  std::string Details() const override {
    std::string out;
    for (const auto& k : keys_) {
      out += (out.empty() ? "" : ", ") + k.expr->Describe() + (k.descending ? " DESC" : "");
    }
    return out;
  }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    done_ = false;
    rows_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!done_) {
      done_ = true;
      Row input = row;
      std::vector<std::pair<std::vector<Value>, Row>> entries;
      while (child().Next(ctx, input)) {
        std::vector<Value> key;
        for (const auto& k : keys_) key.push_back(k.expr->Eval(input, ctx));
        entries.emplace_back(std::move(key), input);
      }
      std::stable_sort(entries.begin(), entries.end(), [this](const auto& a, const auto& b) {
        for (size_t i = 0; i < keys_.size(); ++i) {
          int c = Order(a.first[i], b.first[i]);
          if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
        }
        return false;
      });
      for (auto& e : entries) rows_.push_back(std::move(e.second));
    }
    if (next_ >= rows_.size()) return false;
    row = std::move(rows_[next_++]);
    return true;
  }

 private:
  std::vector<SortKey> keys_;
  bool done_ = false;
  std::vector<Row> rows_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeAggregate(OperatorPtr input, std::vector<int> group_slots,
                          std::vector<ExprPtr> group_exprs, std::vector<AggregateSpec> aggregates) {
  return std::make_unique<Aggregate>(std::move(input), std::move(group_slots),
                                     std::move(group_exprs), std::move(aggregates));
}
OperatorPtr MakeDistinct(OperatorPtr input, std::vector<int> slots) {
  return std::make_unique<Distinct>(std::move(input), std::move(slots));
}
OperatorPtr MakeSort(OperatorPtr input, std::vector<SortKey> keys) {
  return std::make_unique<Sort>(std::move(input), std::move(keys));
}

}  // namespace smith::exec
