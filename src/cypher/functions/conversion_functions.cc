// Type conversion and type inspection functions: toString, toInteger, toFloat, toBoolean, their
// *OrNull and *List variants, valueType, plus timestamp() and randomUUID().
#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cypher/functions/function_util.h"

namespace smith::cypher::internal {
namespace {

// How a conversion treats input it cannot convert.
enum class OnFailure { kError, kNull };

std::string_view TrimJavaWhitespace(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

std::optional<int64_t> ParseLong(std::string_view s) {
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (!s.empty() && s.front() == '-') return std::nullopt;
  }
  if (s.empty()) return std::nullopt;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

// java.lang.Double.parseDouble for decimal input: surrounding whitespace, a sign, NaN,
// Infinity, digits with optional fraction and exponent, an optional f/F/d/D suffix.
std::optional<double> ParseDouble(std::string_view s) {
  s = TrimJavaWhitespace(s);
  if (s.empty()) return std::nullopt;
  bool negative = false;
  if (s.front() == '+' || s.front() == '-') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "NaN") return std::nan("");
  if (s == "Infinity") return negative ? -HUGE_VAL : HUGE_VAL;
  if (!s.empty() && (s.back() == 'f' || s.back() == 'F' || s.back() == 'd' || s.back() == 'D')) {
    s.remove_suffix(1);
  }
  size_t i = 0, mantissa_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++mantissa_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exponent_digits;
    if (exponent_digits == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  std::string text(s);
  if (text.front() == '.') text.insert(text.begin(), '0');
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ptr != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // from_chars reports overflow and underflow without a value; Java gives +-Infinity or 0.
    const size_t e = text.find_first_of("eE");
    const bool tiny = e != std::string::npos && text.find('-', e) != std::string::npos;
    value = tiny ? 0.0 : HUGE_VAL;
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

// Java's (long) cast: truncation, NaN to 0, saturation at the int64 range.
int64_t JavaDoubleToLong(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9223372036854775808.0) return INT64_MAX;
  if (d <= -9223372036854775808.0) return INT64_MIN;
  return static_cast<int64_t>(d);
}

Result<Value> Fail(OnFailure mode, std::string_view fn, const Value& v, std::string_view expected) {
  if (mode == OnFailure::kNull) return Value();
  return InvalidArgType(fn, v, expected);
}

Result<Value> ConvertToString(const Value& v, OnFailure mode) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kString:
      return v;
    case ValueType::kBool:
      return Value::String(v.AsBool() ? "true" : "false");
    case ValueType::kInt:
    case ValueType::kFloat:
      return Value::String(v.ToString());
    default:
      if (v.is_temporal()) return Value::String(v.ToString());
      return Fail(mode, "toString", v,
                  "INTEGER, FLOAT, BOOLEAN, STRING, a temporal value or DURATION");
  }
}

Result<Value> ConvertToInteger(const Value& v, OnFailure mode) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kInt:
      return v;
    case ValueType::kFloat:
      return Value::Int(JavaDoubleToLong(v.AsFloat()));
    case ValueType::kBool:
      return Value::Int(v.AsBool() ? 1 : 0);
    case ValueType::kString: {
      const std::string_view text = TrimJavaWhitespace(v.AsString());
      if (std::optional<int64_t> i = ParseLong(text)) return Value::Int(*i);
      std::optional<double> d = ParseDouble(text);
      if (!d || std::isnan(*d) || *d >= 9223372036854775808.0 || *d < -9223372036854775808.0) {
        return Value();
      }
      return Value::Int(static_cast<int64_t>(*d));
    }
    default:
      return Fail(mode, "toInteger", v, "INTEGER, FLOAT, BOOLEAN or STRING");
  }
}

Result<Value> ConvertToFloat(const Value& v, OnFailure mode) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kFloat:
      return v;
    case ValueType::kInt:
      return Value::Float(static_cast<double>(v.AsInt()));
    case ValueType::kString: {
      std::optional<double> d = ParseDouble(v.AsString());
      return d ? Value::Float(*d) : Value();
    }
    default:
      return Fail(mode, "toFloat", v, "INTEGER, FLOAT or STRING");
  }
}

Result<Value> ConvertToBoolean(const Value& v, OnFailure mode) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kBool:
      return v;
    case ValueType::kInt:
      return Value::Bool(v.AsInt() != 0);
    case ValueType::kString: {
      const std::string_view text = TrimJavaWhitespace(v.AsString());
      if (EqualsIgnoreCase(text, "true")) return Value::Bool(true);
      if (EqualsIgnoreCase(text, "false")) return Value::Bool(false);
      return Value();
    }
    default:
      return Fail(mode, "toBoolean", v, "BOOLEAN, INTEGER or STRING");
  }
}

template <Result<Value> (*kConvert)(const Value&, OnFailure)>
Result<Value> Strict(std::span<const Value> args, FunctionContext&) {
  return kConvert(args[0], OnFailure::kError);
}

template <Result<Value> (*kConvert)(const Value&, OnFailure)>
Result<Value> OrNull(std::span<const Value> args, FunctionContext&) {
  return kConvert(args[0], OnFailure::kNull);
}

// toXList(list): each element converted, null where it cannot be.
template <Result<Value> (*kConvert)(const Value&, OnFailure), const char* kName>
Result<Value> ListOf(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_list()) return InvalidArgType(kName, v, "LIST");
  std::vector<Value> out;
  out.reserve(v.AsList().size());
  for (const Value& item : v.AsList()) {
    SMITH_ASSIGN_OR_RETURN(Value converted, kConvert(item, OnFailure::kNull));
    out.push_back(std::move(converted));
  }
  return Value::List(std::move(out));
}

// ---- valueType ----

// The order Neo4j uses to normalise a union of types.
int TypeRank(ValueType type) {
  switch (type) {
    case ValueType::kBool:
      return 0;
    case ValueType::kString:
      return 1;
    case ValueType::kInt:
      return 2;
    case ValueType::kFloat:
      return 3;
    case ValueType::kDate:
      return 4;
    case ValueType::kLocalTime:
      return 5;
    case ValueType::kTime:
      return 6;
    case ValueType::kLocalDateTime:
      return 7;
    case ValueType::kDateTime:
      return 8;
    case ValueType::kDuration:
      return 9;
    case ValueType::kNode:
      return 10;
    case ValueType::kRelationship:
      return 11;
    case ValueType::kMap:
      return 12;
    case ValueType::kList:
      return 13;
    case ValueType::kPath:
      return 14;
    default:
      return 15;
  }
}

std::string TypeDescription(const Value& v) {
  if (v.is_null()) return "NULL";
  if (!v.is_list()) return std::string(TypeName(v)) + " NOT NULL";
  // LIST<T1 NOT NULL | T2 NOT NULL> NOT NULL, with the inner types nullable if the list holds a
  // null, LIST<NOTHING> for an empty list and LIST<NULL> for a list of nulls only.
  bool has_null = false;
  std::set<std::pair<int, std::string>> inner;
  for (const Value& item : v.AsList()) {
    if (item.is_null()) {
      has_null = true;
      continue;
    }
    std::string t = TypeDescription(item);
    t.resize(t.size() - std::string_view(" NOT NULL").size());
    inner.emplace(TypeRank(item.type()), std::move(t));
  }
  std::string out = "LIST<";
  if (inner.empty()) {
    out += has_null ? "NULL" : "NOTHING";
  } else {
    bool first = true;
    for (const auto& [rank, name] : inner) {
      if (!first) out += " | ";
      first = false;
      out += name;
      if (!has_null) out += " NOT NULL";
    }
  }
  out += "> NOT NULL";
  return out;
}

Result<Value> ValueTypeFn(std::span<const Value> args, FunctionContext&) {
  return Value::String(TypeDescription(args[0]));
}

Result<Value> Timestamp(std::span<const Value>, FunctionContext& ctx) {
  const auto millis =
      std::chrono::floor<std::chrono::milliseconds>(ctx.statement_time.time_since_epoch());
  return Value::Int(millis.count());
}

Result<Value> RandomUuid(std::span<const Value>, FunctionContext& ctx) {
  uint8_t bytes[16];
  for (int half = 0; half < 2; ++half) {
    uint64_t r = ctx.random.Next();
    for (int i = 0; i < 8; ++i) bytes[half * 8 + i] = static_cast<uint8_t>(r >> (8 * i));
  }
  bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0x0F]);
  }
  return Value::String(out);
}

constexpr char kToStringList[] = "toStringList";
constexpr char kToIntegerList[] = "toIntegerList";
constexpr char kToFloatList[] = "toFloatList";
constexpr char kToBooleanList[] = "toBooleanList";

constexpr ScalarFunction kFunctions[] = {
    {"toString", 1, 1, &Strict<ConvertToString>, true},
    {"toStringOrNull", 1, 1, &OrNull<ConvertToString>, true},
    {"toInteger", 1, 1, &Strict<ConvertToInteger>, true},
    {"toIntegerOrNull", 1, 1, &OrNull<ConvertToInteger>, true},
    {"toFloat", 1, 1, &Strict<ConvertToFloat>, true},
    {"toFloatOrNull", 1, 1, &OrNull<ConvertToFloat>, true},
    {"toBoolean", 1, 1, &Strict<ConvertToBoolean>, true},
    {"toBooleanOrNull", 1, 1, &OrNull<ConvertToBoolean>, true},
    {"toStringList", 1, 1, &ListOf<ConvertToString, kToStringList>, true},
    {"toIntegerList", 1, 1, &ListOf<ConvertToInteger, kToIntegerList>, true},
    {"toFloatList", 1, 1, &ListOf<ConvertToFloat, kToFloatList>, true},
    {"toBooleanList", 1, 1, &ListOf<ConvertToBoolean, kToBooleanList>, true},
    {"valueType", 1, 1, &ValueTypeFn, true},
    {"timestamp", 0, 0, &Timestamp, false},
    {"randomUUID", 0, 0, &RandomUuid, false},
};

}  // namespace

std::span<const ScalarFunction> ConversionFunctions() { return kFunctions; }

}  // namespace smith::cypher::internal
