// X.truncate(unit, temporal[, map]): truncation of temporal instants (TCK Temporal9).
#include <string>

#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_construct.h"
#include "cypher/functions/temporal_util.h"

namespace smith::cypher::internal {
namespace {

enum class Unit {
  kMillennium,
  kCentury,
  kDecade,
  kYear,
  kWeekYear,
  kQuarter,
  kMonth,
  kWeek,
  kDay,
  kHour,
  kMinute,
  kSecond,
  kMillisecond,
  kMicrosecond,
  kNanosecond,
};

bool ParseUnit(std::string_view text, Unit* unit) {
  static constexpr std::pair<std::string_view, Unit> kUnits[] = {
      {"millennium", Unit::kMillennium},
      {"century", Unit::kCentury},
      {"decade", Unit::kDecade},
      {"year", Unit::kYear},
      {"weekYear", Unit::kWeekYear},
      {"quarter", Unit::kQuarter},
      {"month", Unit::kMonth},
      {"week", Unit::kWeek},
      {"day", Unit::kDay},
      {"hour", Unit::kHour},
      {"minute", Unit::kMinute},
      {"second", Unit::kSecond},
      {"millisecond", Unit::kMillisecond},
      {"microsecond", Unit::kMicrosecond},
      {"nanosecond", Unit::kNanosecond}};
  for (const auto& [name, u] : kUnits) {
    if (EqualsIgnoreCase(text, name)) {
      *unit = u;
      return true;
    }
  }
  return false;
}

int64_t FirstDayOfYear(int64_t year) { return DaysFromCivil(year, 1, 1); }

// The truncated local date (units down to day).
int64_t TruncateDay(Unit unit, int64_t day) {
  const CivilDate c = CivilFromDays(day);
  switch (unit) {
    case Unit::kMillennium:
      return FirstDayOfYear(FloorDiv(c.year, 1000) * 1000);
    case Unit::kCentury:
      return FirstDayOfYear(FloorDiv(c.year, 100) * 100);
    case Unit::kDecade:
      return FirstDayOfYear(FloorDiv(c.year, 10) * 10);
    case Unit::kYear:
      return FirstDayOfYear(c.year);
    case Unit::kWeekYear:
      return IsoWeekOneMonday(IsoWeekYear(day));
    case Unit::kQuarter:
      return DaysFromCivil(c.year, (QuarterOfMonth(c.month) - 1) * 3 + 1, 1);
    case Unit::kMonth:
      return DaysFromCivil(c.year, c.month, 1);
    case Unit::kWeek:
      return day - (IsoDayOfWeek(day) - 1);
    default:
      return day;
  }
}

int64_t TruncateNanos(Unit unit, int64_t nanos) {
  int64_t step = 1;
  switch (unit) {
    case Unit::kHour:
      step = 3600 * kNanosPerSecond;
      break;
    case Unit::kMinute:
      step = 60 * kNanosPerSecond;
      break;
    case Unit::kSecond:
      step = kNanosPerSecond;
      break;
    case Unit::kMillisecond:
      step = 1'000'000;
      break;
    case Unit::kMicrosecond:
      step = 1000;
      break;
    case Unit::kNanosecond:
      return nanos;
    default:
      return 0;  // day and larger: midnight
  }
  return nanos - nanos % step;
}

}  // namespace

Result<Value> TruncateTemporal(TemporalKind kind, std::string_view unit_text, const Value& v,
                               const ValueMap* overrides, FunctionContext& ctx) {
  const std::string fn = std::string(KindName(kind)) + ".truncate";
  Unit unit;
  if (!ParseUnit(unit_text, &unit)) {
    return ArgumentError("Invalid input for function '" + fn + "()': unknown unit '" +
                         std::string(unit_text) + "'");
  }
  if (!IsTemporalInstant(v)) return InvalidArgType(fn, v, "a temporal value");
  const bool date_unit = unit <= Unit::kDay;
  if (!KindHasTime(kind) && !date_unit) {
    return ArgumentError("Cannot truncate a DATE to " + std::string(unit_text));
  }
  if (!KindHasDate(kind) && unit < Unit::kDay) {
    return ArgumentError("Cannot truncate a time value to " + std::string(unit_text));
  }
  const TemporalParts p = Decompose(v);
  if (unit < Unit::kDay && !p.has_date) {
    return ArgumentError("Cannot truncate " + Describe(v) + " to " + std::string(unit_text));
  }
  const int64_t day = p.has_date ? TruncateDay(unit, p.epoch_day) : 0;
  const int64_t nanos = TruncateNanos(unit, p.nanos_of_day);
  if (p.has_date && !EpochDayInRange(day)) return TemporalRangeError("The truncated date");
  Value base;
  if (p.has_date && p.has_time && p.has_zone) {
    SMITH_ASSIGN_OR_RETURN(DateTime dt, ResolveDateTime(day, nanos, p.zone_spec(), p.offset));
    base = Value(dt);
  } else if (p.has_date && p.has_time) {
    SMITH_ASSIGN_OR_RETURN(base, MakeLocalDateTime(day, nanos));
  } else if (p.has_date) {
    SMITH_ASSIGN_OR_RETURN(base, MakeDate(day));
  } else if (p.has_zone) {
    base = MakeTime(nanos, p.offset);
  } else {
    base = MakeLocalTime(nanos);
  }
  static const ValueMap kNoOverrides;
  return ConstructWithBase(kind, base, overrides ? *overrides : kNoOverrides,
                           /*attach_zone=*/true, ctx);
}

}  // namespace smith::cypher::internal
