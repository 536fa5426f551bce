#include "cypher/functions/aggregates.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/int128.h"
#include "common/value_compare.h"
#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_arithmetic.h"

namespace smith::cypher {
namespace {

using internal::Describe;
using internal::TypeError;

// Arity checks, null skipping and DISTINCT, shared by every aggregate.
class AggregatorBase : public Aggregator {
 public:
  AggregatorBase(std::string_view name, bool distinct, int min_args, int max_args)
      : name_(name), distinct_(distinct), min_args_(min_args), max_args_(max_args) {}

  Status Add(std::span<const Value> args) final {
    const int n = static_cast<int>(args.size());
    if (n < min_args_ || n > max_args_) {
      return Status(StatusCode::kSemanticError,
                    "Aggregation function '" + name_ + "()' takes " + std::to_string(max_args_) +
                        " argument(s) but was given " + std::to_string(n));
    }
    if (n > 0) {
      if (args[0].is_null()) return Status::OK();
      if (distinct_ && !seen_.insert(args[0]).second) return Status::OK();
    }
    return Accumulate(args);
  }

 protected:
  virtual Status Accumulate(std::span<const Value> args) = 0;

  Status WrongType(const Value& v, std::string_view expected) const {
    return TypeError("Invalid input for aggregation function '" + name_ + "()': expected " +
                     std::string(expected) + " but got " + Describe(v));
  }

  const std::string name_;

 private:
  const bool distinct_;
  const int min_args_;
  const int max_args_;
  std::unordered_set<Value, ValueHash, ValueEquivalent> seen_;
};

class CountAggregator final : public AggregatorBase {
 public:
  explicit CountAggregator(bool distinct) : AggregatorBase("count", distinct, 0, 1) {}
  Result<Value> Finish() override { return Value::Int(count_); }

 private:
  Status Accumulate(std::span<const Value>) override {
    ++count_;
    return Status::OK();
  }
  int64_t count_ = 0;
};

class CollectAggregator final : public AggregatorBase {
 public:
  explicit CollectAggregator(bool distinct) : AggregatorBase("collect", distinct, 1, 1) {}
  Result<Value> Finish() override { return Value::List(std::move(items_)); }

 private:
  Status Accumulate(std::span<const Value> args) override {
    items_.push_back(args[0]);
    return Status::OK();
  }
  std::vector<Value> items_;
};

// Numbers or durations, never both (sum and avg).
class NumericState {
 public:
  enum class Kind { kEmpty, kInt, kFloat, kDuration };

  // Sets *wrong_type (and returns OK) for a value that is neither a number nor a duration.
  Status Add(const Value& v, bool int_overflow_is_error, bool* wrong_type) {
    if (v.type() == ValueType::kDuration) {
      if (kind_ == Kind::kInt || kind_ == Kind::kFloat) return Mixed();
      kind_ = Kind::kDuration;
      SMITH_ASSIGN_OR_RETURN(duration_, DurationAdd(duration_, v.AsDuration()));
    } else if (v.is_number()) {
      if (kind_ == Kind::kDuration) return Mixed();
      if (v.is_int() && kind_ != Kind::kFloat) {
        kind_ = Kind::kInt;
        int_sum_ += v.AsInt();
        if (int_overflow_is_error && (int_sum_ > INT64_MAX || int_sum_ < INT64_MIN)) {
          return internal::ArithmeticError("long overflow");
        }
      } else {
        if (kind_ != Kind::kFloat) {
          float_sum_ = static_cast<double>(int_sum_);
          int_sum_ = 0;
          kind_ = Kind::kFloat;
        }
        float_sum_ += v.AsNumber();
      }
    } else {
      *wrong_type = true;
      return Status::OK();
    }
    ++count_;
    return Status::OK();
  }

  Kind kind() const { return kind_; }
  int64_t count() const { return count_; }
  int128 int_sum() const { return int_sum_; }
  double float_sum() const { return float_sum_; }
  const Duration& duration() const { return duration_; }

 private:
  static Status Mixed() { return TypeError("Cannot aggregate a mix of numbers and durations"); }
  Kind kind_ = Kind::kEmpty;
  int64_t count_ = 0;
  int128 int_sum_ = 0;
  double float_sum_ = 0;
  Duration duration_;
};

class SumAggregator final : public AggregatorBase {
 public:
  explicit SumAggregator(bool distinct) : AggregatorBase("sum", distinct, 1, 1) {}
  Result<Value> Finish() override {
    switch (state_.kind()) {
      case NumericState::Kind::kEmpty:
        return Value::Int(0);
      case NumericState::Kind::kInt:
        return Value::Int(static_cast<int64_t>(state_.int_sum()));
      case NumericState::Kind::kFloat:
        return Value::Float(state_.float_sum());
      case NumericState::Kind::kDuration:
        return Value(state_.duration());
    }
    return Status::Internal("unhandled sum state");
  }

 private:
  Status Accumulate(std::span<const Value> args) override {
    bool wrong_type = false;
    SMITH_RETURN_IF_ERROR(state_.Add(args[0], /*int_overflow_is_error=*/true, &wrong_type));
    if (wrong_type) return WrongType(args[0], "INTEGER, FLOAT or DURATION");
    return Status::OK();
  }
  NumericState state_;
};

class AvgAggregator final : public AggregatorBase {
 public:
  explicit AvgAggregator(bool distinct) : AggregatorBase("avg", distinct, 1, 1) {}
  Result<Value> Finish() override {
    const double n = static_cast<double>(state_.count());
    switch (state_.kind()) {
      case NumericState::Kind::kEmpty:
        return Value();
      case NumericState::Kind::kInt:
        return Value::Float(static_cast<double>(state_.int_sum()) / n);
      case NumericState::Kind::kFloat:
        return Value::Float(state_.float_sum() / n);
      case NumericState::Kind::kDuration: {
        SMITH_ASSIGN_OR_RETURN(Duration d, DurationDivide(state_.duration(), n));
        return Value(d);
      }
    }
    return Status::Internal("unhandled avg state");
  }

 private:
  Status Accumulate(std::span<const Value> args) override {
    // The running integer sum is 128 bits wide, so avg never overflows.
    bool wrong_type = false;
    SMITH_RETURN_IF_ERROR(state_.Add(args[0], /*int_overflow_is_error=*/false, &wrong_type));
    if (wrong_type) return WrongType(args[0], "INTEGER, FLOAT or DURATION");
    return Status::OK();
  }
  NumericState state_;
};

class ExtremumAggregator final : public AggregatorBase {
 public:
  ExtremumAggregator(std::string_view name, bool distinct, bool max)
      : AggregatorBase(name, distinct, 1, 1), max_(max) {}
  Result<Value> Finish() override { return best_; }

 private:
  Status Accumulate(std::span<const Value> args) override {
    if (best_.is_null()) {
      best_ = args[0];
    } else {
      const int order = Order(args[0], best_);
      if (max_ ? order > 0 : order < 0) best_ = args[0];
    }
    return Status::OK();
  }
  const bool max_;
  Value best_;
};

class PercentileAggregator final : public AggregatorBase {
 public:
  PercentileAggregator(std::string_view name, bool distinct, bool continuous)
      : AggregatorBase(name, distinct, 2, 2), continuous_(continuous) {}

  Result<Value> Finish() override {
    if (values_.empty()) return Value();
    std::sort(values_.begin(), values_.end(), ValueOrderLess());
    const size_t count = values_.size();
    if (continuous_) {
      const double index = percentile_ * static_cast<double>(count - 1);
      const size_t lower = static_cast<size_t>(index);
      const size_t upper = static_cast<size_t>(std::ceil(index));
      if (lower == upper || lower == count - 1) return Value::Float(values_[lower].AsNumber());
      return Value::Float(values_[lower].AsNumber() * (static_cast<double>(upper) - index) +
                          values_[upper].AsNumber() * (index - static_cast<double>(lower)));
    }
    const double index = percentile_ * static_cast<double>(count);
    size_t i = static_cast<size_t>(index);
    if (static_cast<double>(i) == index && i != 0) --i;
    return values_[std::min(i, count - 1)];
  }

 private:
  Status Accumulate(std::span<const Value> args) override {
    if (!args[0].is_number()) return WrongType(args[0], "INTEGER or FLOAT");
    if (!have_percentile_) {
      const Value& p = args[1];
      if (!p.is_number()) return WrongType(p, "a percentile (FLOAT between 0.0 and 1.0)");
      const double d = p.AsNumber();
      if (!(d >= 0.0 && d <= 1.0)) {
        return internal::ArgumentError("Invalid input '" + p.ToString() + "' for '" + name_ +
                                       "()': the percentile must be between 0.0 and 1.0");
      }
      percentile_ = d;
      have_percentile_ = true;
    }
    values_.push_back(args[0]);
    return Status::OK();
  }
  const bool continuous_;
  bool have_percentile_ = false;
  double percentile_ = 0;
  std::vector<Value> values_;
};

class StDevAggregator final : public AggregatorBase {
 public:
  StDevAggregator(std::string_view name, bool distinct, bool population)
      : AggregatorBase(name, distinct, 1, 1), population_(population) {}

  Result<Value> Finish() override {
    if (population_) return Value::Float(count_ == 0 ? 0.0 : std::sqrt(m2_ / count_));
    return Value::Float(count_ < 2 ? 0.0 : std::sqrt(m2_ / (count_ - 1)));
  }

 private:
  // Welford's online algorithm.
  Status Accumulate(std::span<const Value> args) override {
    if (!args[0].is_number()) return WrongType(args[0], "INTEGER or FLOAT");
    const double x = args[0].AsNumber();
    count_ += 1;
    const double delta = x - mean_;
    mean_ += delta / count_;
    m2_ += delta * (x - mean_);
    return Status::OK();
  }
  const bool population_;
  double count_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

constexpr std::string_view kAggregateNames[] = {
    "count",          "collect",        "sum",   "avg",   "min", "max",
    "percentileCont", "percentileDisc", "stDev", "stDevP"};

}  // namespace

Aggregator::~Aggregator() = default;

bool IsAggregateFunction(std::string_view name) {
  for (std::string_view n : kAggregateNames) {
    if (internal::EqualsIgnoreCase(name, n)) return true;
  }
  return false;
}

Result<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct) {
  using internal::EqualsIgnoreCase;
  std::unique_ptr<Aggregator> result;
  if (EqualsIgnoreCase(name, "count")) {
    result = std::make_unique<CountAggregator>(distinct);
  } else if (EqualsIgnoreCase(name, "collect")) {
    result = std::make_unique<CollectAggregator>(distinct);
  } else if (EqualsIgnoreCase(name, "sum")) {
    result = std::make_unique<SumAggregator>(distinct);
  } else if (EqualsIgnoreCase(name, "avg")) {
    result = std::make_unique<AvgAggregator>(distinct);
  } else if (EqualsIgnoreCase(name, "min")) {
    result = std::make_unique<ExtremumAggregator>("min", distinct, /*max=*/false);
  } else if (EqualsIgnoreCase(name, "max")) {
    result = std::make_unique<ExtremumAggregator>("max", distinct, /*max=*/true);
  } else if (EqualsIgnoreCase(name, "percentileCont")) {
    result = std::make_unique<PercentileAggregator>("percentileCont", distinct, true);
  } else if (EqualsIgnoreCase(name, "percentileDisc")) {
    result = std::make_unique<PercentileAggregator>("percentileDisc", distinct, false);
  } else if (EqualsIgnoreCase(name, "stDev")) {
    result = std::make_unique<StDevAggregator>("stDev", distinct, /*population=*/false);
  } else if (EqualsIgnoreCase(name, "stDevP")) {
    result = std::make_unique<StDevAggregator>("stDevP", distinct, /*population=*/true);
  } else {
    return Status(StatusCode::kSemanticError,
                  "Unknown aggregation function '" + std::string(name) + "'");
  }
  return result;
}

}  // namespace smith::cypher
