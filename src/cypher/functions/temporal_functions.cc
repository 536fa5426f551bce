// The temporal instant functions: date(), localtime(), time(), localdatetime(), datetime(), their
// .statement()/.transaction()/.realtime() clock variants, .truncate(), and
// datetime.fromepoch()/datetime.fromepochmillis().
#include <string>

#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_construct.h"
#include "cypher/functions/temporal_util.h"

namespace smith::cypher::internal {
namespace {

enum class ClockKind { kStatement, kTransaction, kRealtime };

template <TemporalKind kKind>
Result<Value> Construct(std::span<const Value> args, FunctionContext& ctx) {
  if (args.empty()) return CurrentTemporal(kKind, ctx.statement_time, ctx.default_zone);
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_string()) return ParseTemporal(kKind, v.AsString());
  if (v.is_map()) return ConstructFromMap(kKind, v.AsMap(), ctx);
  if (IsTemporalInstant(v)) return ConvertTemporal(kKind, v, ctx);
  return InvalidArgType(KindName(kKind), v, "STRING, MAP or a temporal value");
}

// X.statement([timezone]), X.transaction([timezone]), X.realtime([timezone]): the timezone is a
// string or a map holding only `timezone`.
template <TemporalKind kKind, ClockKind kClock>
Result<Value> Clock(std::span<const Value> args, FunctionContext& ctx) {
  ZoneSpec zone = ctx.default_zone;
  if (!args.empty()) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    const Value* tz = &v;
    if (v.is_map()) {
      tz = v.AsMap().Find("timezone");
      if (tz == nullptr || v.AsMap().size() != 1) {
        return ArgumentError("Invalid input for function '" + std::string(KindName(kKind)) +
                             "' clock variant: only a timezone may be given");
      }
    }
    if (!tz->is_string()) return InvalidArgType(KindName(kKind), *tz, "STRING timezone");
    Result<ZoneSpec> parsed = ParseZoneSpec(tz->AsString());
    if (!parsed.ok()) return ArgumentError(parsed.status().message());
    zone = *parsed;
  }
  FunctionContext::TimePoint now;
  switch (kClock) {
    case ClockKind::kStatement:
      now = ctx.statement_time;
      break;
    case ClockKind::kTransaction:
      now = ctx.transaction_time;
      break;
    case ClockKind::kRealtime:
      now = ctx.realtime_clock();
      break;
  }
  return CurrentTemporal(kKind, now, zone);
}

template <TemporalKind kKind>
Result<Value> Truncate(std::span<const Value> args, FunctionContext& ctx) {
  const std::string fn = std::string(KindName(kKind)) + ".truncate";
  if (args[1].is_null()) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view unit, StringArg(fn, args[0]));
  const ValueMap* overrides = nullptr;
  if (args.size() > 2 && !args[2].is_null()) {
    if (!args[2].is_map()) return InvalidArgType(fn, args[2], "MAP");
    overrides = &args[2].AsMap();
  }
  return TruncateTemporal(kKind, unit, args[1], overrides, ctx);
}

Result<Value> FromEpoch(std::span<const Value> args, FunctionContext& ctx) {
  if (AnyNull(args)) return Value();
  SMITH_ASSIGN_OR_RETURN(int64_t seconds, IntArg("datetime.fromepoch", args[0]));
  SMITH_ASSIGN_OR_RETURN(int64_t nanos, IntArg("datetime.fromepoch", args[1]));
  const int64_t carry = FloorDiv(nanos, kNanosPerSecond);
  if (__builtin_add_overflow(seconds, carry, &seconds)) return TemporalRangeError("The instant");
  SMITH_ASSIGN_OR_RETURN(
      DateTime dt,
      DateTimeAtInstant(seconds, static_cast<int32_t>(FloorMod(nanos, kNanosPerSecond)),
                        ctx.default_zone));
  return Value(dt);
}

Result<Value> FromEpochMillis(std::span<const Value> args, FunctionContext& ctx) {
  if (args[0].is_null()) return Value();
  SMITH_ASSIGN_OR_RETURN(int64_t millis, IntArg("datetime.fromepochmillis", args[0]));
  SMITH_ASSIGN_OR_RETURN(DateTime dt,
                         DateTimeAtInstant(FloorDiv(millis, 1000),
                                           static_cast<int32_t>(FloorMod(millis, 1000) * 1'000'000),
                                           ctx.default_zone));
  return Value(dt);
}

#define SMITH_TEMPORAL_FUNCTIONS(prefix, kind)                                     \
  {prefix, 0, 1, &Construct<kind>, false},                                         \
      {prefix ".statement", 0, 1, &Clock<kind, ClockKind::kStatement>, false},     \
      {prefix ".transaction", 0, 1, &Clock<kind, ClockKind::kTransaction>, false}, \
      {prefix ".realtime", 0, 1, &Clock<kind, ClockKind::kRealtime>, false}, {     \
    prefix ".truncate", 2, 3, &Truncate<kind>, true                                \
  }

constexpr ScalarFunction kFunctions[] = {
    SMITH_TEMPORAL_FUNCTIONS("date", TemporalKind::kDate),
    SMITH_TEMPORAL_FUNCTIONS("localtime", TemporalKind::kLocalTime),
    SMITH_TEMPORAL_FUNCTIONS("time", TemporalKind::kTime),
    SMITH_TEMPORAL_FUNCTIONS("localdatetime", TemporalKind::kLocalDateTime),
    SMITH_TEMPORAL_FUNCTIONS("datetime", TemporalKind::kDateTime),
    {"datetime.fromepoch", 2, 2, &FromEpoch, true},
    {"datetime.fromepochmillis", 1, 1, &FromEpochMillis, true},
};

#undef SMITH_TEMPORAL_FUNCTIONS

}  // namespace

std::span<const ScalarFunction> TemporalFunctions() { return kFunctions; }

}  // namespace smith::cypher::internal
