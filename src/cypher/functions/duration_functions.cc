// duration(map | string) and duration.between / inMonths / inDays / inSeconds (TCK Temporal10).
#include <string>

#include "common/int128.h"
#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_arithmetic.h"
#include "cypher/functions/temporal_util.h"

namespace smith::cypher::internal {
namespace {

enum Component {
  kYears,
  kMonths,
  kWeeks,
  kDays,
  kHours,
  kMinutes,
  kSeconds,
  kMilliseconds,
  kMicroseconds,
  kNanoseconds,
  kComponentCount,
};

constexpr std::string_view kComponentNames[kComponentCount] = {
    "years",   "months",  "weeks",        "days",         "hours",
    "minutes", "seconds", "milliseconds", "microseconds", "nanoseconds"};

Result<Value> DurationFromMap(const ValueMap& map) {
  const Value* values[kComponentCount] = {};
  bool any_float = false;
  for (const auto& [key, value] : map) {
    int component = -1;
    for (int c = 0; c < kComponentCount; ++c) {
      if (EqualsIgnoreCase(key, kComponentNames[c])) component = c;
    }
    if (component < 0) {
      return ArgumentError("Cannot construct DURATION: no such field: " + key);
    }
    if (value.is_null()) continue;
    if (!value.is_number()) return InvalidArgType("duration", value, "INTEGER or FLOAT for " + key);
    any_float |= value.is_float();
    values[component] = &value;
  }
  if (!any_float) {
    auto get = [&](Component c) -> int128 { return values[c] ? values[c]->AsInt() : 0; };
    SMITH_ASSIGN_OR_RETURN(
        Duration d, DurationFromWide(get(kYears) * 12 + get(kMonths), get(kWeeks) * 7 + get(kDays),
                                     get(kHours) * 3600 + get(kMinutes) * 60 + get(kSeconds),
                                     get(kMilliseconds) * 1'000'000 + get(kMicroseconds) * 1000 +
                                         get(kNanoseconds)));
    return Value(d);
  }
  auto get = [&](Component c) -> double { return values[c] ? values[c]->AsNumber() : 0.0; };
  SMITH_ASSIGN_OR_RETURN(
      Duration d, ApproximateDuration(get(kYears) * 12 + get(kMonths), get(kWeeks) * 7 + get(kDays),
                                      get(kHours) * 3600 + get(kMinutes) * 60 + get(kSeconds),
                                      get(kMilliseconds) * 1'000'000 + get(kMicroseconds) * 1000 +
                                          get(kNanoseconds)));
  return Value(d);
}

Result<Value> DurationFn(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_map()) return DurationFromMap(v.AsMap());
  if (v.is_string()) {
    Result<Duration> d = Duration::Parse(v.AsString());
    if (!d.ok()) return ArgumentError(d.status().message());
    return Value(*d);
  }
  if (v.type() == ValueType::kDuration) return v;
  return InvalidArgType("duration", v, "MAP or STRING");
}

// ---- duration.between and friends ----

enum class Between { kAll, kMonths, kDays, kSeconds };

// A side of the comparison: local fields, plus the zone it is placed in (if any).
struct Side {
  int64_t day = 0;
  int64_t nanos = 0;
  bool zoned = false;
  ZoneSpec zone;
  int32_t offset = 0;
};

int128 LocalNanos(int64_t day, int64_t nanos) { return int128{day} * kNanosPerDay + nanos; }

int128 InstantNanos(const Side& s) {
  const int128 local = LocalNanos(s.day, s.nanos);
  return s.zoned ? local - int128{s.offset} * kNanosPerSecond : local;
}

int64_t ProlepticMonth(const CivilDate& c) { return c.year * 12 + (c.month - 1); }

// The end date java.time's LocalDateTime.until uses for date-based units: one day closer to the
// start when the end's time of day has not yet reached the start's.
int64_t AdjustedEndDay(int64_t start_day, int64_t start_nanos, int64_t end_day, int64_t end_nanos) {
  if (end_day > start_day && end_nanos < start_nanos) return end_day - 1;
  if (end_day < start_day && end_nanos > start_nanos) return end_day + 1;
  return end_day;
}

int64_t MonthsBetween(int64_t start_day, int64_t end_day) {
  const CivilDate s = CivilFromDays(start_day);
  const CivilDate e = CivilFromDays(end_day);
  const int64_t packed = (ProlepticMonth(e) * 32 + e.day) - (ProlepticMonth(s) * 32 + s.day);
  return packed / 32;
}

Result<Value> ComputeBetween(const Value& a, const Value& b, Between unit) {
  const TemporalParts pa = Decompose(a);
  const TemporalParts pb = Decompose(b);
  const bool both_dates = pa.has_date && pb.has_date;
  Side sa{pa.epoch_day, pa.nanos_of_day, pa.has_zone, pa.zone_spec(), pa.offset};
  Side sb{pb.epoch_day, pb.nanos_of_day, pb.has_zone, pb.zone_spec(), pb.offset};
  // A side without a date takes the other's date.
  if (pa.has_date && !pb.has_date) sb.day = sa.day;
  if (pb.has_date && !pa.has_date) sa.day = sb.day;
  // A side without a zone is placed in the other's zone.
  auto adopt = [](Side* local, const Side& zoned) -> Status {
    local->zoned = true;
    local->zone = zoned.zone;
    if (zoned.zone.zone == kNoTimeZone) {
      local->offset = zoned.offset;
      return Status::OK();
    }
    SMITH_ASSIGN_OR_RETURN(DateTime dt, ResolveDateTime(local->day, local->nanos, zoned.zone));
    local->offset = dt.offset_seconds;
    return Status::OK();
  };
  if (sa.zoned && !sb.zoned) SMITH_RETURN_IF_ERROR(adopt(&sb, sa));
  if (sb.zoned && !sa.zoned) SMITH_RETURN_IF_ERROR(adopt(&sa, sb));

  int64_t months = 0, days = 0;
  int128 diff = InstantNanos(sb) - InstantNanos(sa);
  if (both_dates && unit != Between::kSeconds) {
    // The end seen in the start's zone (java.time converts a ZonedDateTime end this way).
    int64_t end_day = sb.day, end_nanos = sb.nanos;
    if (sa.zoned) {
      const int128 instant = InstantNanos(sb);
      const int64_t utc_seconds = static_cast<int64_t>(
          (instant >= 0 ? instant : instant - (kNanosPerSecond - 1)) / kNanosPerSecond);
      const int128 local = instant + int128{OffsetAt(sa.zone, utc_seconds)} * kNanosPerSecond;
      const int128 local_day = (local >= 0 ? local : local - (kNanosPerDay - 1)) / kNanosPerDay;
      end_day = static_cast<int64_t>(local_day);
      end_nanos = static_cast<int64_t>(local - local_day * kNanosPerDay);
    }
    const int64_t adjusted = AdjustedEndDay(sa.day, sa.nanos, end_day, end_nanos);
    if (unit == Between::kDays) return Value(Duration{0, adjusted - sa.day, 0, 0});
    months = MonthsBetween(sa.day, adjusted);
    if (unit == Between::kMonths) return Value(Duration{months, 0, 0, 0});
    Side moved = sa;
    if (!PlusMonths(sa.day, months, &moved.day)) return TemporalRangeError("The date");
    days = AdjustedEndDay(moved.day, moved.nanos, end_day, end_nanos) - moved.day;
    moved.day += days;
    if (moved.zoned && moved.zone.zone != kNoTimeZone) {
      SMITH_ASSIGN_OR_RETURN(DateTime dt,
                             ResolveDateTime(moved.day, moved.nanos, moved.zone, sa.offset));
      moved.offset = dt.offset_seconds;
      moved.day = dt.local().date().days;
      moved.nanos = dt.local().time().nanos;
    }
    diff = InstantNanos(sb) - InstantNanos(moved);
  } else if (unit == Between::kMonths || unit == Between::kDays) {
    return Value(Duration{});
  }
  SMITH_ASSIGN_OR_RETURN(
      Duration d, DurationFromWide(months, days, diff / kNanosPerSecond, diff % kNanosPerSecond));
  return Value(d);
}

template <Between kUnit>
Result<Value> BetweenFn(std::span<const Value> args, FunctionContext&) {
  if (AnyNull(args)) return Value();
  for (const Value& v : args) {
    if (!IsTemporalInstant(v)) return InvalidArgType("duration.between", v, "a temporal value");
  }
  return ComputeBetween(args[0], args[1], kUnit);
}

constexpr ScalarFunction kFunctions[] = {
    {"duration", 1, 1, &DurationFn, true},
    {"duration.between", 2, 2, &BetweenFn<Between::kAll>, true},
    {"duration.inMonths", 2, 2, &BetweenFn<Between::kMonths>, true},
    {"duration.inDays", 2, 2, &BetweenFn<Between::kDays>, true},
    {"duration.inSeconds", 2, 2, &BetweenFn<Between::kSeconds>, true},
};

}  // namespace

std::span<const ScalarFunction> DurationFunctions() { return kFunctions; }

}  // namespace smith::cypher::internal
