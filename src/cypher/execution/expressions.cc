// Evaluation of the basic compiled expressions: parameters, properties, collections, logic,
// operators, subscripts, CASE and label predicates.
#include "cypher/execution/expressions.h"

#include <re2/re2.h>

#include <algorithm>
#include <mutex>
#include <numeric>

#include "common/value_compare.h"
#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/functions/operators.h"

namespace smith::exec {

namespace {

Value FromTernary(Ternary t) {
  switch (t) {
    case Ternary::kTrue:
      return Value::Bool(true);
    case Ternary::kFalse:
      return Value::Bool(false);
    case Ternary::kNull:
      return Value();
  }
  return Value();
}

Ternary ToTernaryValue(const Value& v, const char* op) {
  if (v.is_null()) return Ternary::kNull;
  if (!v.is_bool()) {
    ThrowError(StatusCode::kTypeError, std::string("Type mismatch: expected Boolean but was ") +
                                           std::string(ValueTypeName(v.type())) + " (in " + op +
                                           ")");
  }
  return ToTernary(v.AsBool());
}

[[noreturn]] void TypeMismatch(const char* expected, const Value& got) {
  ThrowError(StatusCode::kTypeError, std::string("Type mismatch: expected ") + expected +
                                         " but was " + std::string(ValueTypeName(got.type())));
}

// Normalises a Cypher index (negative counts from the end) for a sequence of `size`.
int64_t NormaliseIndex(int64_t index, int64_t size) { return index < 0 ? size + index : index; }

}  // namespace

bool EvalPredicate(const Expr& expr, const Row& row, ExecContext& ctx) {
  Value v = expr.Eval(row, ctx);
  if (v.is_null()) return false;
  if (!v.is_bool()) TypeMismatch("Boolean", v);
  return v.AsBool();
}

Value ParamExpr::Eval(const Row&, ExecContext& ctx) const { return ctx.Parameter(name_); }

Value PropertyExpr::Eval(const Row& row, ExecContext& ctx) const {
  return ctx.Property(object_->Eval(row, ctx), key_);
}

Value ListExpr::Eval(const Row& row, ExecContext& ctx) const {
  std::vector<Value> items;
  items.reserve(items_.size());
  for (const ExprPtr& item : items_) items.push_back(item->Eval(row, ctx));
  return Value::List(std::move(items));
}

MapExpr::MapExpr(std::vector<std::string> keys, std::vector<ExprPtr> values)
    : keys_(std::move(keys)), values_(std::move(values)) {
  sorted_.resize(keys_.size());
  std::iota(sorted_.begin(), sorted_.end(), size_t{0});
  std::stable_sort(sorted_.begin(), sorted_.end(),
                   [&](size_t a, size_t b) { return keys_[a] < keys_[b]; });
  // Of equal keys (adjacent, in written order) keep the last.
  std::vector<size_t> unique;
  for (size_t i = 0; i < sorted_.size(); ++i) {
    if (i + 1 < sorted_.size() && keys_[sorted_[i]] == keys_[sorted_[i + 1]]) continue;
    unique.push_back(sorted_[i]);
  }
  sorted_ = std::move(unique);
}

Value MapExpr::Eval(const Row& row, ExecContext& ctx) const {
  // Every value is evaluated, in written order (an error reports the first failing one), even
  // those a later duplicate key overrides.
  std::vector<Value> values;
  values.reserve(values_.size());
  for (const ExprPtr& value : values_) values.push_back(value->Eval(row, ctx));
  std::vector<ValueMap::Entry> entries;
  entries.reserve(sorted_.size());
  for (size_t i : sorted_) entries.emplace_back(keys_[i], std::move(values[i]));
  return Value::Map(ValueMap::FromSortedUnique(std::move(entries)));
}

Value LogicExpr::Eval(const Row& row, ExecContext& ctx) const {
  static const char* kNames[] = {"AND", "OR", "XOR", "NOT"};
  const char* name = kNames[static_cast<int>(op_)];
  Ternary left = ToTernaryValue(left_->Eval(row, ctx), name);
  switch (op_) {
    case LogicOp::kNot:
      return FromTernary(Not(left));
    case LogicOp::kAnd:
      if (left == Ternary::kFalse) return Value::Bool(false);
      return FromTernary(And(left, ToTernaryValue(right_->Eval(row, ctx), name)));
    case LogicOp::kOr:
      if (left == Ternary::kTrue) return Value::Bool(true);
      return FromTernary(Or(left, ToTernaryValue(right_->Eval(row, ctx), name)));
    case LogicOp::kXor:
      return FromTernary(Xor(left, ToTernaryValue(right_->Eval(row, ctx), name)));
  }
  return Value();
}

std::string LogicExpr::Describe() const {
  static const char* kNames[] = {" AND ", " OR ", " XOR ", "NOT "};
  if (op_ == LogicOp::kNot) return "NOT " + left_->Describe();
  return left_->Describe() + kNames[static_cast<int>(op_)] + right_->Describe();
}

// Compiled regular expressions, keyed by pattern text (most queries use one pattern).
struct BinaryOpExpr::RegexCache {
  std::mutex mutex;
  std::string pattern;
  std::shared_ptr<const re2::RE2> regex;
};

BinaryOpExpr::BinaryOpExpr(cypher::BinaryOp op, ExprPtr left, ExprPtr right)
    : op_(op), left_(std::move(left)), right_(std::move(right)) {
  if (op == cypher::BinaryOp::kRegexMatch) regex_ = std::make_unique<RegexCache>();
}

BinaryOpExpr::~BinaryOpExpr() = default;

std::string BinaryOpExpr::Describe() const {
  return left_->Describe() + " " + cypher::BinaryOpText(op_) + " " + right_->Describe();
}

Value BinaryOpExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value l = left_->Eval(row, ctx);
  Value r = right_->Eval(row, ctx);
  return Apply(l, r);
}

Value BinaryOpExpr::Apply(const Value& l, const Value& r) const {
  using cypher::BinaryOp;
  switch (op_) {
    case BinaryOp::kEq:
      return FromTernary(Equals(l, r));
    case BinaryOp::kNe:
      return FromTernary(Not(Equals(l, r)));
    case BinaryOp::kLt:
      return FromTernary(LessThan(l, r));
    case BinaryOp::kLe:
      return FromTernary(LessThanOrEqual(l, r));
    case BinaryOp::kGt:
      return FromTernary(GreaterThan(l, r));
    case BinaryOp::kGe:
      return FromTernary(GreaterThanOrEqual(l, r));
    case BinaryOp::kAdd:
      return ValueOrThrow(cypher::Add(l, r));
    case BinaryOp::kSub:
      return ValueOrThrow(cypher::Subtract(l, r));
    case BinaryOp::kMul:
      return ValueOrThrow(cypher::Multiply(l, r));
    case BinaryOp::kDiv:
      return ValueOrThrow(cypher::Divide(l, r));
    case BinaryOp::kMod:
      return ValueOrThrow(cypher::Modulo(l, r));
    case BinaryOp::kPow:
      return ValueOrThrow(cypher::Power(l, r));
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains: {
      if (!l.is_string() || !r.is_string()) return Value();
      std::string_view a = l.AsString();
      std::string_view b = r.AsString();
      bool result = op_ == BinaryOp::kStartsWith ? a.starts_with(b)
                    : op_ == BinaryOp::kEndsWith ? a.ends_with(b)
                                                 : a.find(b) != std::string_view::npos;
      return Value::Bool(result);
    }
    case BinaryOp::kRegexMatch: {
      if (!l.is_string() || !r.is_string()) return Value();
      std::shared_ptr<const re2::RE2> regex;
      {
        std::lock_guard lock(regex_->mutex);
        if (!regex_->regex || regex_->pattern != r.AsString()) {
          re2::RE2::Options options;
          options.set_log_errors(false);
          auto compiled = std::make_shared<re2::RE2>(r.AsString(), options);
          if (!compiled->ok()) {
            ThrowError(StatusCode::kArgumentError, "Invalid Regex: " + compiled->error() + " in '" +
                                                       std::string(r.AsString()) + "'");
          }
          regex_->pattern = std::string(r.AsString());
          regex_->regex = std::move(compiled);
        }
        regex = regex_->regex;
      }
      return Value::Bool(re2::RE2::FullMatch(l.AsString(), *regex));
    }
    case BinaryOp::kIn: {
      if (r.is_null()) return Value();
      if (!r.is_list()) TypeMismatch("List", r);
      Ternary result = Ternary::kFalse;
      for (const Value& item : r.AsList()) {
        Ternary eq = Equals(l, item);
        if (eq == Ternary::kTrue) return Value::Bool(true);
        if (eq == Ternary::kNull) result = Ternary::kNull;
      }
      return FromTernary(result);
    }
    case BinaryOp::kAnd:
    case BinaryOp::kOr:
    case BinaryOp::kXor:
      break;
  }
  ThrowError(StatusCode::kInternal, "logical operator compiled as a binary operator");
}

ChainExpr::ChainExpr(std::vector<ExprPtr> operands, std::vector<cypher::BinaryOp> ops)
    : operands_(std::move(operands)) {
  for (cypher::BinaryOp op : ops) {
    comparators_.push_back(std::make_unique<BinaryOpExpr>(op, nullptr, nullptr));
  }
}

Value ChainExpr::Eval(const Row& row, ExecContext& ctx) const {
  Ternary result = Ternary::kTrue;
  Value left = operands_[0]->Eval(row, ctx);
  for (size_t i = 0; i < comparators_.size(); ++i) {
    Value right = operands_[i + 1]->Eval(row, ctx);
    Value step = comparators_[i]->Apply(left, right);
    result = And(result, step.is_null() ? Ternary::kNull : ToTernary(step.AsBool()));
    if (result == Ternary::kFalse) return Value::Bool(false);
    left = std::move(right);
  }
  return FromTernary(result);
}

Value UnaryExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value v = operand_->Eval(row, ctx);
  if (kind_ == UnaryKind::kPlus) {
    if (!v.is_null() && !v.is_number() && v.type() != ValueType::kDuration)
      TypeMismatch("Number", v);
    return v;
  }
  return ValueOrThrow(cypher::Negate(v));
}

Value IsNullExpr::Eval(const Row& row, ExecContext& ctx) const {
  return Value::Bool(operand_->Eval(row, ctx).is_null() != negated_);
}

Value SubscriptExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value object = object_->Eval(row, ctx);
  Value index = index_->Eval(row, ctx);
  if (object.is_null() || index.is_null()) return Value();
  if (object.is_list()) {
    if (!index.is_int()) TypeMismatch("Integer", index);
    const auto& items = object.AsList();
    int64_t i = NormaliseIndex(index.AsInt(), static_cast<int64_t>(items.size()));
    if (i < 0 || i >= static_cast<int64_t>(items.size())) return Value();
    return items[i];
  }
  if (object.is_map() || object.type() == ValueType::kNode ||
      object.type() == ValueType::kRelationship) {
    if (!index.is_string()) TypeMismatch("String", index);
    return ctx.Property(object, index.AsString());
  }
  TypeMismatch("List or Map", object);
}

Value SliceExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value object = object_->Eval(row, ctx);
  Value from = from_ ? from_->Eval(row, ctx) : Value();
  Value to = to_ ? to_->Eval(row, ctx) : Value();
  if (object.is_null() || (from_ && from.is_null()) || (to_ && to.is_null())) return Value();
  if (!object.is_list()) TypeMismatch("List", object);
  const auto& items = object.AsList();
  const auto size = static_cast<int64_t>(items.size());
  if (from_ && !from.is_int()) TypeMismatch("Integer", from);
  if (to_ && !to.is_int()) TypeMismatch("Integer", to);
  int64_t begin = from_ ? std::clamp<int64_t>(NormaliseIndex(from.AsInt(), size), 0, size) : 0;
  int64_t end = to_ ? std::clamp<int64_t>(NormaliseIndex(to.AsInt(), size), 0, size) : size;
  if (end <= begin) return Value::List({});
  return Value::List(std::vector<Value>(items.begin() + begin, items.begin() + end));
}

Value CaseExpr::Eval(const Row& row, ExecContext& ctx) const {
  if (subject_) {
    Value subject = subject_->Eval(row, ctx);
    for (const auto& [when, then] : alternatives_) {
      if (Equals(subject, when->Eval(row, ctx)) == Ternary::kTrue) return then->Eval(row, ctx);
    }
  } else {
    for (const auto& [when, then] : alternatives_) {
      Value condition = when->Eval(row, ctx);
      if (condition.is_bool() && condition.AsBool()) return then->Eval(row, ctx);
    }
  }
  return otherwise_ ? otherwise_->Eval(row, ctx) : Value();
}

bool LabelMatcher::Matches(const std::vector<uint32_t>& tokens, bool is_node, const Row& row,
                           ExecContext& ctx) const {
  const graph::TokenKind kind_of = is_node ? graph::TokenKind::kLabel : graph::TokenKind::kRelType;
  auto has = [&](std::string_view label) {
    auto token = ctx.FindToken(kind_of, label);
    return token && std::find(tokens.begin(), tokens.end(), *token) != tokens.end();
  };
  switch (kind) {
    case cypher::LabelExprKind::kName:
      return has(name);
    case cypher::LabelExprKind::kWildcard:
      return !tokens.empty();
    case cypher::LabelExprKind::kNot:
      return !children[0].Matches(tokens, is_node, row, ctx);
    case cypher::LabelExprKind::kAnd:
      return std::all_of(children.begin(), children.end(), [&](const LabelMatcher& c) {
        return c.Matches(tokens, is_node, row, ctx);
      });
    case cypher::LabelExprKind::kOr:
      return std::any_of(children.begin(), children.end(), [&](const LabelMatcher& c) {
        return c.Matches(tokens, is_node, row, ctx);
      });
    case cypher::LabelExprKind::kDynamic: {
      Value v = dynamic->Eval(row, ctx);
      if (v.is_string()) return has(v.AsString());
      if (!v.is_list()) TypeMismatch("String or List<String>", v);
      for (const Value& item : v.AsList()) {
        if (!item.is_string()) TypeMismatch("String", item);
        if (!has(item.AsString())) return false;
      }
      return true;
    }
  }
  return false;
}

std::string LabelMatcher::Describe() const {
  switch (kind) {
    case cypher::LabelExprKind::kName:
      return name;
    case cypher::LabelExprKind::kWildcard:
      return "%";
    case cypher::LabelExprKind::kDynamic:
      return "$(...)";
    case cypher::LabelExprKind::kNot:
      return "!" + children[0].Describe();
    case cypher::LabelExprKind::kAnd:
    case cypher::LabelExprKind::kOr: {
      std::string out;
      for (const LabelMatcher& c : children) {
        if (!out.empty()) out += kind == cypher::LabelExprKind::kAnd ? "&" : "|";
        out += c.Describe();
      }
      return out;
    }
  }
  return "?";
}

Value LabelPredicateExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value operand = operand_->Eval(row, ctx);
  if (operand.is_null()) return Value();
  std::vector<uint32_t> tokens;
  bool is_node = operand.type() == ValueType::kNode;
  if (is_node) {
    const graph::NodeRecord* record = ctx.NodeRecordOf(operand.AsNode().id);
    if (record == nullptr) return Value::Bool(false);
    tokens.assign(record->labels.begin(), record->labels.end());
  } else if (operand.type() == ValueType::kRelationship) {
    auto type = ctx.FindToken(graph::TokenKind::kRelType, operand.AsRelationship().type);
    if (type) tokens.push_back(*type);
  } else {
    TypeMismatch("Node or Relationship", operand);
  }
  for (const LabelMatcher& m : matchers_) {
    if (!m.Matches(tokens, is_node, row, ctx)) return Value::Bool(false);
  }
  return Value::Bool(true);
}

std::string LabelPredicateExpr::Describe() const {
  std::string out = operand_->Describe();
  for (const LabelMatcher& m : matchers_) out += ":" + m.Describe();
  return out;
}

}  // namespace smith::exec
