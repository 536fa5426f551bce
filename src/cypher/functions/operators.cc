#include "cypher/functions/operators.h"

#include <cmath>
#include <string>
#include <vector>

#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_arithmetic.h"
#include "cypher/functions/temporal_util.h"

namespace smith::cypher {
namespace {

using internal::TypeName;

Status Mismatch(std::string_view verb, const Value& a, std::string_view joiner, const Value& b) {
  std::string message = "Cannot ";
  message += verb;
  message += " `";
  message += TypeName(a);
  message += "` ";
  message += joiner;
  message += " `";
  message += TypeName(b);
  message += '`';
  return internal::TypeError(message);
}

Status Overflow() { return internal::ArithmeticError("long overflow"); }
Status DivisionByZero() { return internal::ArithmeticError("/ by zero"); }

// The text a value contributes to string concatenation, or false if it cannot be concatenated.
bool AppendConcatText(const Value& v, std::string* out) {
  switch (v.type()) {
    case ValueType::kString:
      out->append(v.AsString());
      return true;
    case ValueType::kBool:
      out->append(v.AsBool() ? "true" : "false");
      return true;
    case ValueType::kInt:
    case ValueType::kFloat:
      v.AppendTo(out);
      return true;
    default:
      if (v.is_temporal()) {
        v.AppendTo(out);
        return true;
      }
      return false;
  }
}

Value Duplicate(const Duration& d) { return Value(d); }

}  // namespace

Result<Value> Add(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_add_overflow(a.AsInt(), b.AsInt(), &r)) return Overflow();
    return Value::Int(r);
  }
  if (a.is_number() && b.is_number()) return Value::Float(a.AsNumber() + b.AsNumber());
  if (a.is_list() || b.is_list()) {
    std::vector<Value> items;
    if (a.is_list() && b.is_list()) {
      items.reserve(a.AsList().size() + b.AsList().size());
      items.insert(items.end(), a.AsList().begin(), a.AsList().end());
      items.insert(items.end(), b.AsList().begin(), b.AsList().end());
    } else if (a.is_list()) {
      items.reserve(a.AsList().size() + 1);
      items.insert(items.end(), a.AsList().begin(), a.AsList().end());
      items.push_back(b);
    } else {
      items.reserve(b.AsList().size() + 1);
      items.push_back(a);
      items.insert(items.end(), b.AsList().begin(), b.AsList().end());
    }
    return Value::List(std::move(items));
  }
  if (a.is_string() || b.is_string()) {
    std::string text;
    if (AppendConcatText(a, &text) && AppendConcatText(b, &text)) return Value::String(text);
    return Mismatch("add", a, "and", b);
  }
  const bool a_dur = a.type() == ValueType::kDuration;
  const bool b_dur = b.type() == ValueType::kDuration;
  if (a_dur && b_dur) {
    SMITH_ASSIGN_OR_RETURN(Duration d, DurationAdd(a.AsDuration(), b.AsDuration()));
    return Duplicate(d);
  }
  if (b_dur && internal::IsTemporalInstant(a)) {
    return AddDurationToTemporal(a, b.AsDuration(), /*subtract=*/false);
  }
  if (a_dur && internal::IsTemporalInstant(b)) {
    return AddDurationToTemporal(b, a.AsDuration(), /*subtract=*/false);
  }
  return Mismatch("add", a, "and", b);
}

Result<Value> Subtract(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_sub_overflow(a.AsInt(), b.AsInt(), &r)) return Overflow();
    return Value::Int(r);
  }
  if (a.is_number() && b.is_number()) return Value::Float(a.AsNumber() - b.AsNumber());
  if (b.type() == ValueType::kDuration) {
    if (a.type() == ValueType::kDuration) {
      SMITH_ASSIGN_OR_RETURN(Duration d, DurationSubtract(a.AsDuration(), b.AsDuration()));
      return Duplicate(d);
    }
    if (internal::IsTemporalInstant(a)) {
      return AddDurationToTemporal(a, b.AsDuration(), /*subtract=*/true);
    }
  }
  return Mismatch("subtract", b, "from", a);
}

Result<Value> Multiply(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_mul_overflow(a.AsInt(), b.AsInt(), &r)) return Overflow();
    return Value::Int(r);
  }
  if (a.is_number() && b.is_number()) return Value::Float(a.AsNumber() * b.AsNumber());
  const Value* duration = a.type() == ValueType::kDuration ? &a : &b;
  const Value* factor = duration == &a ? &b : &a;
  if (duration->type() == ValueType::kDuration && factor->is_number()) {
    Result<Duration> d = factor->is_int()
                             ? DurationMultiply(duration->AsDuration(), factor->AsInt())
                             : DurationMultiply(duration->AsDuration(), factor->AsFloat());
    if (!d.ok()) return d.status();
    return Duplicate(*d);
  }
  return Mismatch("multiply", a, "and", b);
}

Result<Value> Divide(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_int() && b.is_int()) {
    if (b.AsInt() == 0) return DivisionByZero();
    if (a.AsInt() == INT64_MIN && b.AsInt() == -1) return Overflow();
    return Value::Int(a.AsInt() / b.AsInt());
  }
  if (a.is_number() && b.is_number()) return Value::Float(a.AsNumber() / b.AsNumber());
  if (a.type() == ValueType::kDuration && b.is_number()) {
    SMITH_ASSIGN_OR_RETURN(Duration d, DurationDivide(a.AsDuration(), b.AsNumber()));
    return Duplicate(d);
  }
  return Mismatch("divide", a, "by", b);
}

Result<Value> Modulo(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_int() && b.is_int()) {
    if (b.AsInt() == 0) return DivisionByZero();
    if (b.AsInt() == -1) return Value::Int(0);  // also avoids INT64_MIN % -1
    return Value::Int(a.AsInt() % b.AsInt());
  }
  if (a.is_number() && b.is_number()) return Value::Float(std::fmod(a.AsNumber(), b.AsNumber()));
  return Mismatch("calculate modulus of", a, "and", b);
}

Result<Value> Power(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_number() && b.is_number()) return Value::Float(std::pow(a.AsNumber(), b.AsNumber()));
  return Mismatch("raise", a, "to the power of", b);
}

Result<Value> Negate(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kInt:
      if (v.AsInt() == INT64_MIN) return Overflow();
      return Value::Int(-v.AsInt());
    case ValueType::kFloat:
      return Value::Float(-v.AsFloat());
    case ValueType::kDuration: {
      SMITH_ASSIGN_OR_RETURN(Duration d, DurationNegate(v.AsDuration()));
      return Duplicate(d);
    }
    default:
      return internal::TypeError("Cannot negate `" + std::string(TypeName(v)) + "`");
  }
}

Result<Value> UnaryPlus(const Value& v) {
  if (v.is_null() || v.is_number() || v.type() == ValueType::kDuration) return v;
  return internal::TypeError("Cannot apply unary plus to `" + std::string(TypeName(v)) + "`");
}

}  // namespace smith::cypher
