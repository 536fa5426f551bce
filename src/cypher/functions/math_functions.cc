// Mathematical functions: abs, ceil, floor, round, sign, isNaN, rand, the logarithmic functions
// and the trigonometric functions. Results are FLOAT except abs (keeps INTEGER) and sign.
#include <charconv>
#include <cmath>
#include <numbers>
#include <string>

#include "cypher/functions/function_util.h"

namespace smith::cypher::internal {
namespace {

// ---- round ----

enum class RoundingMode { kUp, kDown, kCeiling, kFloor, kHalfUp, kHalfDown, kHalfEven };

bool ParseRoundingMode(std::string_view text, RoundingMode* mode) {
  static constexpr std::pair<std::string_view, RoundingMode> kModes[] = {
      {"UP", RoundingMode::kUp},
      {"DOWN", RoundingMode::kDown},
      {"CEILING", RoundingMode::kCeiling},
      {"FLOOR", RoundingMode::kFloor},
      {"HALF_UP", RoundingMode::kHalfUp},
      {"HALF_DOWN", RoundingMode::kHalfDown},
      {"HALF_EVEN", RoundingMode::kHalfEven}};
  for (const auto& [name, m] : kModes) {
    if (EqualsIgnoreCase(text, name)) {
      *mode = m;
      return true;
    }
  }
  return false;
}

// java.lang.Math.round: the closest integer, ties toward positive infinity.
double JavaRound(double x) {
  if (!std::isfinite(x) || std::fabs(x) >= 0x1p52) return x;
  const double down = std::floor(x);
  return x - down >= 0.5 ? down + 1 : down;
}

// BigDecimal.valueOf(x).setScale(precision, mode).doubleValue(): rounds the shortest decimal
// representation of `x` (Double.toString's digits) to `precision` fraction digits.
double RoundDecimal(double x, int64_t precision, RoundingMode mode) {
  if (!std::isfinite(x) || x == 0) return x;
  const bool negative = std::signbit(x);
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), std::fabs(x), std::chars_format::scientific);
  const std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  const size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = 0;
  const char* exp_begin = sci.data() + e_pos + 1;
  if (*exp_begin == '+') ++exp_begin;
  std::from_chars(exp_begin, sci.data() + sci.size(), exponent);
  // value = digits * 10^(exponent - (digits.size() - 1)); the fraction has `fraction` digits.
  const int64_t fraction = static_cast<int64_t>(digits.size()) - 1 - exponent;
  if (fraction <= precision) return x;
  // Keep the first `keep` digits (keep <= 0: nothing survives but a possible carry).
  const int64_t keep = static_cast<int64_t>(digits.size()) - (fraction - precision);
  const int first_dropped = keep >= 0 ? digits[static_cast<size_t>(keep)] - '0' : 0;
  bool rest_nonzero = false;
  for (int64_t i = std::max<int64_t>(keep + 1, 0); i < static_cast<int64_t>(digits.size()); ++i) {
    rest_nonzero |= digits[static_cast<size_t>(i)] != '0';
  }
  const bool any_dropped = first_dropped != 0 || rest_nonzero;
  const int last_kept = keep > 0 ? digits[static_cast<size_t>(keep - 1)] - '0' : 0;
  bool increment = false;
  switch (mode) {
    case RoundingMode::kUp:
      increment = any_dropped;
      break;
    case RoundingMode::kDown:
      break;
    case RoundingMode::kCeiling:
      increment = any_dropped && !negative;
      break;
    case RoundingMode::kFloor:
      increment = any_dropped && negative;
      break;
    case RoundingMode::kHalfUp:
      increment = first_dropped >= 5;
      break;
    case RoundingMode::kHalfDown:
      increment = first_dropped > 5 || (first_dropped == 5 && rest_nonzero);
      break;
    case RoundingMode::kHalfEven:
      increment = first_dropped > 5 || (first_dropped == 5 && (rest_nonzero || last_kept % 2 != 0));
      break;
  }
  std::string kept = keep > 0 ? digits.substr(0, static_cast<size_t>(keep)) : "0";
  if (increment) {
    int i = static_cast<int>(kept.size()) - 1;
    while (i >= 0 && kept[static_cast<size_t>(i)] == '9') kept[static_cast<size_t>(i--)] = '0';
    if (i >= 0) {
      ++kept[static_cast<size_t>(i)];
    } else {
      kept.insert(kept.begin(), '1');
    }
  }
  const std::string text = kept + "e" + std::to_string(-precision);
  double result = 0;
  std::from_chars(text.data(), text.data() + text.size(), result);
  return negative ? -result : result;
}

Result<Value> Round(std::span<const Value> args, FunctionContext&) {
  if (AnyNull(args)) return Value();
  SMITH_ASSIGN_OR_RETURN(double x, NumberArg("round", args[0]));
  if (args.size() == 1) return Value::Float(JavaRound(x));
  int64_t precision = 0;
  if (args[1].is_int()) {
    precision = args[1].AsInt();
  } else if (args[1].is_float()) {
    precision = static_cast<int64_t>(args[1].AsFloat());
  } else {
    return InvalidArgType("round", args[1], "INTEGER");
  }
  if (precision < 0) return ArgumentError("Precision argument to 'round()' cannot be negative");
  if (args.size() == 2) {
    if (precision == 0) return Value::Float(JavaRound(x));
    return Value::Float(RoundDecimal(x, precision, RoundingMode::kHalfUp));
  }
  SMITH_ASSIGN_OR_RETURN(std::string_view mode_text, StringArg("round", args[2]));
  RoundingMode mode;
  if (!ParseRoundingMode(mode_text, &mode)) {
    return ArgumentError("Unknown rounding mode for 'round()': '" + std::string(mode_text) +
                         "' (expected UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN)");
  }
  return Value::Float(RoundDecimal(x, precision, mode));
}

// ---- one-argument numeric functions ----

template <double (*kFn)(double), const char* kName>
Result<Value> Unary(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  if (!args[0].is_number()) return InvalidArgType(kName, args[0], "INTEGER or FLOAT");
  return Value::Float(kFn(args[0].AsNumber()));
}

double Ceil(double x) { return std::ceil(x); }
double Floor(double x) { return std::floor(x); }
double Sqrt(double x) { return std::sqrt(x); }
double Exp(double x) { return std::exp(x); }
double Log(double x) { return std::log(x); }
double Log10(double x) { return std::log10(x); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Cot(double x) { return 1.0 / std::tan(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }
double Atan(double x) { return std::atan(x); }
double Haversin(double x) { return (1.0 - std::cos(x)) / 2.0; }
// java.lang.Math.toDegrees / toRadians constants.
double Degrees(double x) { return x * 57.29577951308232; }
double Radians(double x) { return x * 0.017453292519943295; }

Result<Value> Abs(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_int()) {
    if (v.AsInt() == INT64_MIN) return ArithmeticError("long overflow");
    return Value::Int(v.AsInt() < 0 ? -v.AsInt() : v.AsInt());
  }
  if (v.is_float()) return Value::Float(std::fabs(v.AsFloat()));
  return InvalidArgType("abs", v, "INTEGER or FLOAT");
}

Result<Value> Sign(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_int()) return Value::Int(v.AsInt() > 0 ? 1 : (v.AsInt() < 0 ? -1 : 0));
  if (v.is_float()) {
    const double d = v.AsFloat();
    return Value::Int(d > 0 ? 1 : (d < 0 ? -1 : 0));  // NaN -> 0, as (long) Math.signum(NaN)
  }
  return InvalidArgType("sign", v, "INTEGER or FLOAT");
}

Result<Value> IsNaN(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_int()) return Value::Bool(false);
  if (v.is_float()) return Value::Bool(std::isnan(v.AsFloat()));
  return InvalidArgType("isNaN", v, "INTEGER or FLOAT");
}

Result<Value> Atan2(std::span<const Value> args, FunctionContext&) {
  if (AnyNull(args)) return Value();
  SMITH_ASSIGN_OR_RETURN(double y, NumberArg("atan2", args[0]));
  SMITH_ASSIGN_OR_RETURN(double x, NumberArg("atan2", args[1]));
  return Value::Float(std::atan2(y, x));
}

Result<Value> E(std::span<const Value>, FunctionContext&) { return Value::Float(std::numbers::e); }
Result<Value> Pi(std::span<const Value>, FunctionContext&) {
  return Value::Float(std::numbers::pi);
}
Result<Value> Rand(std::span<const Value>, FunctionContext& ctx) {
  return Value::Float(ctx.random.NextDouble());
}

constexpr char kCeilName[] = "ceil";
constexpr char kFloorName[] = "floor";
constexpr char kSqrtName[] = "sqrt";
constexpr char kExpName[] = "exp";
constexpr char kLogName[] = "log";
constexpr char kLog10Name[] = "log10";
constexpr char kSinName[] = "sin";
constexpr char kCosName[] = "cos";
constexpr char kTanName[] = "tan";
constexpr char kCotName[] = "cot";
constexpr char kAsinName[] = "asin";
constexpr char kAcosName[] = "acos";
constexpr char kAtanName[] = "atan";
constexpr char kHaversinName[] = "haversin";
constexpr char kDegreesName[] = "degrees";
constexpr char kRadiansName[] = "radians";

constexpr ScalarFunction kFunctions[] = {
    {"abs", 1, 1, &Abs, true},
    {"ceil", 1, 1, &Unary<Ceil, kCeilName>, true},
    {"floor", 1, 1, &Unary<Floor, kFloorName>, true},
    {"round", 1, 3, &Round, true},
    {"sign", 1, 1, &Sign, true},
    {"isNaN", 1, 1, &IsNaN, true},
    {"sqrt", 1, 1, &Unary<Sqrt, kSqrtName>, true},
    {"exp", 1, 1, &Unary<Exp, kExpName>, true},
    {"log", 1, 1, &Unary<Log, kLogName>, true},
    {"log10", 1, 1, &Unary<Log10, kLog10Name>, true},
    {"e", 0, 0, &E, true},
    {"pi", 0, 0, &Pi, true},
    {"sin", 1, 1, &Unary<Sin, kSinName>, true},
    {"cos", 1, 1, &Unary<Cos, kCosName>, true},
    {"tan", 1, 1, &Unary<Tan, kTanName>, true},
    {"cot", 1, 1, &Unary<Cot, kCotName>, true},
    {"asin", 1, 1, &Unary<Asin, kAsinName>, true},
    {"acos", 1, 1, &Unary<Acos, kAcosName>, true},
    {"atan", 1, 1, &Unary<Atan, kAtanName>, true},
    {"atan2", 2, 2, &Atan2, true},
    {"haversin", 1, 1, &Unary<Haversin, kHaversinName>, true},
    {"degrees", 1, 1, &Unary<Degrees, kDegreesName>, true},
    {"radians", 1, 1, &Unary<Radians, kRadiansName>, true},
    {"rand", 0, 0, &Rand, false},
};

}  // namespace

std::span<const ScalarFunction> MathFunctions() { return kFunctions; }

}  // namespace smith::cypher::internal
