#include "cypher/functions/temporal_property.h"

#include <optional>
#include <string>

#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_arithmetic.h"
#include "cypher/functions/temporal_util.h"

namespace smith::cypher {
namespace {

using internal::EqualsIgnoreCase;

std::optional<Value> DateField(int64_t day, std::string_view name) {
  const CivilDate c = CivilFromDays(day);
  if (EqualsIgnoreCase(name, "year")) return Value::Int(c.year);
  if (EqualsIgnoreCase(name, "quarter")) return Value::Int(internal::QuarterOfMonth(c.month));
  if (EqualsIgnoreCase(name, "month")) return Value::Int(c.month);
  if (EqualsIgnoreCase(name, "week")) return Value::Int(internal::IsoWeek(day));
  if (EqualsIgnoreCase(name, "weekYear")) return Value::Int(internal::IsoWeekYear(day));
  if (EqualsIgnoreCase(name, "dayOfQuarter") || EqualsIgnoreCase(name, "quarterDay")) {
    return Value::Int(internal::DayOfQuarter(day));
  }
  if (EqualsIgnoreCase(name, "day")) return Value::Int(c.day);
  if (EqualsIgnoreCase(name, "ordinalDay")) return Value::Int(internal::DayOfYear(day));
  if (EqualsIgnoreCase(name, "dayOfWeek") || EqualsIgnoreCase(name, "weekDay")) {
    return Value::Int(internal::IsoDayOfWeek(day));
  }
  return std::nullopt;
}

std::optional<Value> TimeField(int64_t nanos, std::string_view name) {
  const int64_t second_of_day = nanos / kNanosPerSecond;
  const int64_t fraction = nanos % kNanosPerSecond;
  if (EqualsIgnoreCase(name, "hour")) return Value::Int(second_of_day / 3600);
  if (EqualsIgnoreCase(name, "minute")) return Value::Int(second_of_day / 60 % 60);
  if (EqualsIgnoreCase(name, "second")) return Value::Int(second_of_day % 60);
  if (EqualsIgnoreCase(name, "millisecond")) return Value::Int(fraction / 1'000'000);
  if (EqualsIgnoreCase(name, "microsecond")) return Value::Int(fraction / 1000);
  if (EqualsIgnoreCase(name, "nanosecond")) return Value::Int(fraction);
  return std::nullopt;
}

std::string OffsetText(int32_t offset) {
  std::string out;
  AppendOffset(offset, &out);
  return out;
}

std::optional<Value> ZoneField(int32_t offset, TimeZoneId zone, std::string_view name) {
  if (EqualsIgnoreCase(name, "timezone")) {
    if (zone != kNoTimeZone) return Value::String(TimeZoneName(zone));
    return Value::String(OffsetText(offset));
  }
  if (EqualsIgnoreCase(name, "offset")) return Value::String(OffsetText(offset));
  if (EqualsIgnoreCase(name, "offsetMinutes")) return Value::Int(offset / 60);
  if (EqualsIgnoreCase(name, "offsetSeconds")) return Value::Int(offset);
  return std::nullopt;
}

// seconds * unit + fraction, or nullopt if it does not fit in 64 bits.
std::optional<int64_t> Scaled(int64_t seconds, int64_t unit, int64_t fraction) {
  int64_t out = 0;
  if (__builtin_mul_overflow(seconds, unit, &out) || __builtin_add_overflow(out, fraction, &out)) {
    return std::nullopt;
  }
  return out;
}

// std::nullopt: no such field; a null optional inside: the value does not fit (overflow).
std::optional<std::optional<int64_t>> DurationField(const Duration& d, std::string_view name) {
  const DurationFields f = ToNeo4jFields(d);
  struct Accessor {
    std::string_view name;
    std::optional<int64_t> value;
  };
  // Java long arithmetic as Neo4j's DurationValue.get (division truncates toward zero).
  const Accessor accessors[] = {
      {"years", f.months / 12},
      {"quarters", f.months / 3},
      {"months", f.months},
      {"weeks", f.days / 7},
      {"days", f.days},
      {"hours", f.seconds / 3600},
      {"minutes", f.seconds / 60},
      {"seconds", f.seconds},
      {"milliseconds", Scaled(f.seconds, 1000, f.nanos / 1'000'000)},
      {"microseconds", Scaled(f.seconds, 1'000'000, f.nanos / 1000)},
      {"nanoseconds", Scaled(f.seconds, kNanosPerSecond, f.nanos)},
      {"quartersOfYear", f.months / 3 % 4},
      {"monthsOfQuarter", f.months % 3},
      {"monthsOfYear", f.months % 12},
      {"daysOfWeek", f.days % 7},
      {"minutesOfHour", f.seconds / 60 % 60},
      {"secondsOfMinute", f.seconds % 60},
      {"millisecondsOfSecond", f.nanos / 1'000'000},
      {"microsecondsOfSecond", f.nanos / 1000},
      {"nanosecondsOfSecond", f.nanos},
  };
  for (const Accessor& a : accessors) {
    if (EqualsIgnoreCase(name, a.name)) return a.value;
  }
  return std::nullopt;
}

}  // namespace

Result<Value> TemporalProperty(const Value& v, std::string_view name) {
  if (v.is_null()) return Value();
  if (!v.is_temporal()) {
    return internal::TypeError("Cannot read temporal field '" + std::string(name) + "' of " +
                               internal::Describe(v));
  }
  std::optional<Value> result;
  if (v.type() == ValueType::kDuration) {
    if (std::optional<std::optional<int64_t>> field = DurationField(v.AsDuration(), name)) {
      if (!*field) return internal::ArithmeticError("long overflow");
      result = Value::Int(**field);
    }
  } else {
    const internal::TemporalParts p = internal::Decompose(v);
    if (p.has_date) result = DateField(p.epoch_day, name);
    if (!result && p.has_time) result = TimeField(p.nanos_of_day, name);
    if (!result && p.has_zone) result = ZoneField(p.offset, p.zone, name);
    if (!result && v.type() == ValueType::kDateTime) {
      const DateTime dt = v.AsDateTime();
      if (EqualsIgnoreCase(name, "epochSeconds")) result = Value::Int(dt.seconds);
      if (EqualsIgnoreCase(name, "epochMillis")) {
        const std::optional<int64_t> millis = Scaled(dt.seconds, 1000, dt.nanos / 1'000'000);
        if (!millis) return internal::ArithmeticError("long overflow");
        result = Value::Int(*millis);
      }
    }
  }
  if (!result) {
    return internal::ArgumentError("No such field: '" + std::string(name) + "' of " +
                                   std::string(internal::TypeName(v)));
  }
  return std::move(*result);
}

}  // namespace smith::cypher
