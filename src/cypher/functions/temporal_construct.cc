// Temporal constructors from maps, other temporals, strings and the clock (see
// temporal_construct.h for the semantics).
#include "cypher/functions/temporal_construct.h"

#include <chrono>
#include <optional>
#include <string>

#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_util.h"

namespace smith::cypher::internal {
namespace {

enum Field {
  kYear,
  kQuarter,
  kMonth,
  kWeek,
  kDayOfWeek,
  kDayOfQuarter,
  kOrdinalDay,
  kDay,
  kHour,
  kMinute,
  kSecond,
  kMillisecond,
  kMicrosecond,
  kNanosecond,
  kEpochSeconds,
  kEpochMillis,
  kFieldCount,
};

constexpr std::string_view kFieldNames[kFieldCount] = {
    "year",        "quarter",    "month",        "week",       "dayOfWeek", "dayOfQuarter",
    "ordinalDay",  "day",        "hour",         "minute",     "second",    "millisecond",
    "microsecond", "nanosecond", "epochSeconds", "epochMillis"};

bool IsDateField(int f) { return f <= kDay; }
bool IsTimeField(int f) { return f >= kHour && f <= kNanosecond; }

struct Fields {
  std::optional<int64_t> v[kFieldCount];
  std::optional<ZoneSpec> timezone;
  const Value* date = nullptr;
  const Value* time = nullptr;
  const Value* datetime = nullptr;

  bool has(Field f) const { return v[f].has_value(); }
  int64_t get(Field f) const { return *v[f]; }
  bool AnyDateField() const {
    for (int f = kYear; f <= kDay; ++f) {
      if (v[f]) return true;
    }
    return false;
  }
  bool AnyTimeField() const {
    for (int f = kHour; f <= kNanosecond; ++f) {
      if (v[f]) return true;
    }
    return false;
  }
  bool Empty() const {
    for (const auto& f : v) {
      if (f) return false;
    }
    return date == nullptr && time == nullptr && datetime == nullptr;
  }
};

// The base a map's fields override: from the date/time/datetime selectors or a truncated value.
struct Base {
  std::optional<int64_t> day;
  std::optional<int64_t> nanos;
  std::optional<ZoneSpec> zone;
};

std::string Upper(std::string_view kind) {
  std::string out(kind);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

Status FieldError(TemporalKind kind, std::string_view message) {
  return ArgumentError("Cannot construct " + Upper(KindName(kind)) + ": " + std::string(message));
}

Result<ZoneSpec> ZoneArg(const Value& v) {
  if (!v.is_string()) return InvalidArgType("timezone", v, "STRING");
  Result<ZoneSpec> zone = ParseZoneSpec(v.AsString());
  if (!zone.ok()) return ArgumentError(zone.status().message());
  return zone;
}

// Reads `map` into `fields`. Sets *null_result if a selector is null (the result is then null).
Status ParseFields(TemporalKind kind, const ValueMap& map, Fields* fields, bool* null_result) {
  for (const auto& [key, value] : map) {
    if (EqualsIgnoreCase(key, "timezone")) {
      if (value.is_null()) continue;
      SMITH_ASSIGN_OR_RETURN(fields->timezone, ZoneArg(value));
      continue;
    }
    const Value** selector = nullptr;
    bool selector_allowed = false;
    if (EqualsIgnoreCase(key, "date")) {
      selector = &fields->date;
      selector_allowed = KindHasDate(kind);
    } else if (EqualsIgnoreCase(key, "time")) {
      selector = &fields->time;
      selector_allowed = KindHasTime(kind);
    } else if (EqualsIgnoreCase(key, "datetime")) {
      selector = &fields->datetime;
      selector_allowed = KindHasDate(kind) && KindHasTime(kind);
    }
    if (selector != nullptr) {
      if (!selector_allowed) return FieldError(kind, "cannot select from '" + key + "'");
      if (value.is_null()) {
        *null_result = true;
        continue;
      }
      if (!IsTemporalInstant(value))
        return InvalidArgType(KindName(kind), value, "a temporal value");
      *selector = &value;
      continue;
    }
    int field = -1;
    for (int f = 0; f < kFieldCount; ++f) {
      if (EqualsIgnoreCase(key, kFieldNames[f])) field = f;
    }
    if (field < 0) return FieldError(kind, "no such field: " + key);
    const bool allowed = (IsDateField(field) && KindHasDate(kind)) ||
                         (IsTimeField(field) && KindHasTime(kind)) ||
                         (field >= kEpochSeconds && kind == TemporalKind::kDateTime);
    if (!allowed) return FieldError(kind, "field '" + key + "' does not apply");
    if (value.is_null()) continue;
    if (!value.is_int()) return InvalidArgType(KindName(kind), value, "INTEGER for " + key);
    fields->v[field] = value.AsInt();
  }
  if ((fields->datetime != nullptr) && (fields->date != nullptr || fields->time != nullptr)) {
    return FieldError(kind, "'datetime' cannot be combined with 'date' or 'time'");
  }
  return Status::OK();
}

Status CheckRange(TemporalKind kind, std::string_view name, int64_t v, int64_t lo, int64_t hi) {
  if (v < lo || v > hi) {
    return FieldError(kind, "invalid value for " + std::string(name) + ": " + std::to_string(v) +
                                " (valid values " + std::to_string(lo) + " - " +
                                std::to_string(hi) + ")");
  }
  return Status::OK();
}

Status Requires(TemporalKind kind, const Fields& f, Field field, Field parent) {
  if (f.has(field) && !f.has(parent)) {
    return FieldError(kind, std::string(kFieldNames[field]) + " cannot be specified without " +
                                std::string(kFieldNames[parent]));
  }
  return Status::OK();
}

Result<int64_t> BuildDate(TemporalKind kind, const Fields& f, const Base& base) {
  const bool calendar = f.has(kMonth) || f.has(kDay);
  const bool week = f.has(kWeek) || f.has(kDayOfWeek);
  const bool quarter = f.has(kQuarter) || f.has(kDayOfQuarter);
  const bool ordinal = f.has(kOrdinalDay);
  if (int{calendar} + int{week} + int{quarter} + int{ordinal} > 1) {
    return FieldError(kind, "calendar, week, quarter and ordinal-day fields cannot be mixed");
  }
  const std::optional<int64_t> b = base.day;
  if (!f.has(kYear) && !b) return FieldError(kind, "year must be specified");
  if (!b) {
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kDay, kMonth));
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kDayOfWeek, kWeek));
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kDayOfQuarter, kQuarter));
  }
  const CivilDate bc = b ? CivilFromDays(*b) : CivilDate{};
  int64_t year = f.has(kYear) ? f.get(kYear) : (week ? IsoWeekYear(*b) : bc.year);
  SMITH_RETURN_IF_ERROR(CheckRange(kind, "year", year, kMinYear, kMaxYear));
  int64_t day = 0;
  if (week) {
    int64_t w = f.has(kWeek) ? f.get(kWeek) : (b ? IsoWeek(*b) : 1);
    if (!f.has(kWeek)) w = std::min<int64_t>(w, IsoWeeksInYear(year));
    const int64_t dow = f.has(kDayOfWeek) ? f.get(kDayOfWeek) : (b ? IsoDayOfWeek(*b) : 1);
    SMITH_RETURN_IF_ERROR(CheckRange(kind, "week", w, 1, IsoWeeksInYear(year)));
    SMITH_RETURN_IF_ERROR(CheckRange(kind, "dayOfWeek", dow, 1, 7));
    day = IsoWeekOneMonday(year) + (w - 1) * 7 + (dow - 1);
  } else if (quarter) {
    const int64_t q = f.has(kQuarter) ? f.get(kQuarter) : (b ? QuarterOfMonth(bc.month) : 1);
    SMITH_RETURN_IF_ERROR(CheckRange(kind, "quarter", q, 1, 4));
    const int64_t max_doq = DaysInQuarter(year, static_cast<int>(q));
    int64_t doq = f.has(kDayOfQuarter) ? f.get(kDayOfQuarter) : (b ? DayOfQuarter(*b) : 1);
    if (!f.has(kDayOfQuarter)) doq = std::min(doq, max_doq);
    SMITH_RETURN_IF_ERROR(CheckRange(kind, "dayOfQuarter", doq, 1, max_doq));
    day = DaysFromCivil(year, static_cast<int32_t>((q - 1) * 3 + 1), 1) + doq - 1;
  } else if (ordinal) {
    const int64_t od = f.get(kOrdinalDay);
    SMITH_RETURN_IF_ERROR(CheckRange(kind, "ordinalDay", od, 1, IsLeapYear(year) ? 366 : 365));
    day = DaysFromCivil(year, 1, 1) + od - 1;
  } else {
    const int64_t month = f.has(kMonth) ? f.get(kMonth) : (b ? bc.month : 1);
    SMITH_RETURN_IF_ERROR(CheckRange(kind, "month", month, 1, 12));
    const int64_t max_day = DaysInMonth(year, static_cast<int32_t>(month));
    int64_t d = f.has(kDay) ? f.get(kDay) : (b ? bc.day : 1);
    if (!f.has(kDay)) d = std::min(d, max_day);
    SMITH_RETURN_IF_ERROR(CheckRange(kind, "day", d, 1, max_day));
    day = DaysFromCivil(year, static_cast<int32_t>(month), static_cast<int32_t>(d));
  }
  if (!EpochDayInRange(day)) return TemporalRangeError("The date");
  return day;
}

Result<int64_t> BuildTime(TemporalKind kind, const Fields& f, const Base& base) {
  if (!base.nanos) {
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kMinute, kHour));
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kSecond, kMinute));
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kMillisecond, kSecond));
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kMicrosecond, kSecond));
    SMITH_RETURN_IF_ERROR(Requires(kind, f, kNanosecond, kSecond));
  }
  const int64_t b = base.nanos.value_or(0);
  const int64_t hour = f.has(kHour) ? f.get(kHour) : b / (3600 * kNanosPerSecond);
  const int64_t minute = f.has(kMinute) ? f.get(kMinute) : b / (60 * kNanosPerSecond) % 60;
  const int64_t second = f.has(kSecond) ? f.get(kSecond) : b / kNanosPerSecond % 60;
  SMITH_RETURN_IF_ERROR(CheckRange(kind, "hour", hour, 0, 23));
  SMITH_RETURN_IF_ERROR(CheckRange(kind, "minute", minute, 0, 59));
  SMITH_RETURN_IF_ERROR(CheckRange(kind, "second", second, 0, 59));
  const int64_t base_fraction = b % kNanosPerSecond;
  int64_t fraction = base_fraction;
  const bool ms = f.has(kMillisecond), us = f.has(kMicrosecond), ns = f.has(kNanosecond);
  if (ms) SMITH_RETURN_IF_ERROR(CheckRange(kind, "millisecond", f.get(kMillisecond), 0, 999));
  if (us) {
    SMITH_RETURN_IF_ERROR(
        CheckRange(kind, "microsecond", f.get(kMicrosecond), 0, ms ? 999 : 999'999));
  }
  if (ns) {
    SMITH_RETURN_IF_ERROR(
        CheckRange(kind, "nanosecond", f.get(kNanosecond), 0, ms || us ? 999 : 999'999'999));
  }
  const int64_t ns_part = ns ? f.get(kNanosecond) : 0;
  if (ms) {
    fraction = f.get(kMillisecond) * 1'000'000 + (us ? f.get(kMicrosecond) * 1000 : 0) + ns_part;
  } else if (us) {
    const int64_t micros = f.get(kMicrosecond);
    fraction = micros >= 1000 ? micros * 1000 + ns_part
                              : base_fraction / 1'000'000 * 1'000'000 + micros * 1000 + ns_part;
  } else if (ns) {
    fraction = ns_part >= 1000 ? ns_part : base_fraction / 1000 * 1000 + ns_part;
  }
  return ((hour * 60 + minute) * 60 + second) * kNanosPerSecond + fraction;
}

int64_t UtcSecondsOf(FunctionContext::TimePoint t, int32_t* nanos) {
  const int64_t total = t.time_since_epoch().count();
  const int64_t seconds = FloorDiv(total, kNanosPerSecond);
  *nanos = static_cast<int32_t>(total - seconds * kNanosPerSecond);
  return seconds;
}

// The offset a Time gets in `zone` (a named zone has no offset without a date: use the one in
// effect at the statement's instant, as Neo4j does).
int32_t TimeOffsetFor(ZoneSpec zone, FunctionContext& ctx) {
  int32_t nanos = 0;
  return OffsetAt(zone, UtcSecondsOf(ctx.statement_time, &nanos));
}

Result<Value> Build(TemporalKind kind, const Fields& f, const Base& base, bool attach_zone,
                    FunctionContext& ctx) {
  if (kind == TemporalKind::kDateTime && (f.has(kEpochSeconds) || f.has(kEpochMillis))) {
    if (f.AnyDateField() || f.has(kHour) || f.has(kMinute) || f.has(kSecond) || base.day ||
        base.nanos || (f.has(kEpochSeconds) && f.has(kEpochMillis))) {
      return FieldError(kind, "epochSeconds and epochMillis cannot be combined with other fields");
    }
    Fields sub;
    sub.v[kHour] = sub.v[kMinute] = sub.v[kSecond] = 0;
    for (Field x : {kMillisecond, kMicrosecond, kNanosecond}) sub.v[x] = f.v[x];
    SMITH_ASSIGN_OR_RETURN(int64_t fraction, BuildTime(kind, sub, Base{}));
    int64_t seconds = 0;
    if (f.has(kEpochSeconds)) {
      seconds = f.get(kEpochSeconds);
    } else {
      seconds = FloorDiv(f.get(kEpochMillis), 1000);
      fraction += FloorMod(f.get(kEpochMillis), 1000) * 1'000'000;
      if (fraction >= kNanosPerSecond) {
        fraction -= kNanosPerSecond;
        seconds += 1;
      }
    }
    SMITH_ASSIGN_OR_RETURN(DateTime dt, DateTimeAtInstant(seconds, static_cast<int32_t>(fraction),
                                                          f.timezone.value_or(ctx.default_zone)));
    return Value(dt);
  }
  if (!KindHasZone(kind) && f.timezone) {
    return FieldError(kind, "a timezone can only be given alone, to read the current time");
  }
  int64_t day = 0, nanos = 0;
  if (KindHasDate(kind)) {
    SMITH_ASSIGN_OR_RETURN(day, BuildDate(kind, f, base));
  }
  if (KindHasTime(kind)) {
    SMITH_ASSIGN_OR_RETURN(nanos, BuildTime(kind, f, base));
  }
  switch (kind) {
    case TemporalKind::kDate:
      return MakeDate(day);
    case TemporalKind::kLocalTime:
      return MakeLocalTime(nanos);
    case TemporalKind::kLocalDateTime:
      return MakeLocalDateTime(day, nanos);
    case TemporalKind::kTime: {
      const bool convert = f.timezone && base.zone && !attach_zone;
      if (convert) {
        const int32_t from = base.zone->offset_seconds;
        const int32_t to = TimeOffsetFor(*f.timezone, ctx);
        const int64_t shifted =
            FloorMod(nanos + (int64_t{to} - from) * kNanosPerSecond, kNanosPerDay);
        return MakeTime(shifted, to);
      }
      if (f.timezone) return MakeTime(nanos, TimeOffsetFor(*f.timezone, ctx));
      if (base.zone) return MakeTime(nanos, base.zone->offset_seconds);
      return MakeTime(nanos, TimeOffsetFor(ctx.default_zone, ctx));
    }
    case TemporalKind::kDateTime: {
      if (f.timezone && base.zone && !attach_zone) {
        SMITH_ASSIGN_OR_RETURN(DateTime in_base,
                               ResolveDateTime(day, nanos, *base.zone, base.zone->offset_seconds));
        SMITH_ASSIGN_OR_RETURN(DateTime dt,
                               DateTimeAtInstant(in_base.seconds, in_base.nanos, *f.timezone));
        return Value(dt);
      }
      if (f.timezone) {
        SMITH_ASSIGN_OR_RETURN(DateTime dt, ResolveDateTime(day, nanos, *f.timezone));
        return Value(dt);
      }
      if (base.zone) {
        SMITH_ASSIGN_OR_RETURN(DateTime dt,
                               ResolveDateTime(day, nanos, *base.zone, base.zone->offset_seconds));
        return Value(dt);
      }
      SMITH_ASSIGN_OR_RETURN(DateTime dt, ResolveDateTime(day, nanos, ctx.default_zone));
      return Value(dt);
    }
  }
  return Status::Internal("unhandled temporal kind");
}

// Fills `base` from the selectors of `f`, checking that each offers what it is asked for.
Status BaseFromSelectors(TemporalKind kind, const Fields& f, Base* base) {
  if (f.datetime != nullptr) {
    const TemporalParts p = Decompose(*f.datetime);
    if (!p.has_date) return InvalidArgType(KindName(kind), *f.datetime, "a value with a date");
    base->day = p.epoch_day;
    base->nanos = p.nanos_of_day;
    if (p.has_zone) base->zone = p.zone_spec();
  }
  if (f.date != nullptr) {
    const TemporalParts p = Decompose(*f.date);
    if (!p.has_date) return InvalidArgType(KindName(kind), *f.date, "a value with a date");
    base->day = p.epoch_day;
  }
  if (f.time != nullptr) {
    const TemporalParts p = Decompose(*f.time);
    if (!p.has_time) return InvalidArgType(KindName(kind), *f.time, "a value with a time");
    base->nanos = p.nanos_of_day;
    if (p.has_zone) base->zone = p.zone_spec();
  }
  return Status::OK();
}

}  // namespace

std::string_view KindName(TemporalKind kind) {
  switch (kind) {
    case TemporalKind::kDate:
      return "date";
    case TemporalKind::kLocalTime:
      return "localtime";
    case TemporalKind::kTime:
      return "time";
    case TemporalKind::kLocalDateTime:
      return "localdatetime";
    case TemporalKind::kDateTime:
      return "datetime";
  }
  return "";
}

bool KindHasDate(TemporalKind kind) {
  return kind == TemporalKind::kDate || kind == TemporalKind::kLocalDateTime ||
         kind == TemporalKind::kDateTime;
}

bool KindHasTime(TemporalKind kind) { return kind != TemporalKind::kDate; }

bool KindHasZone(TemporalKind kind) {
  return kind == TemporalKind::kTime || kind == TemporalKind::kDateTime;
}

Result<Value> ConstructFromMap(TemporalKind kind, const ValueMap& map, FunctionContext& ctx) {
  Fields f;
  bool null_result = false;
  SMITH_RETURN_IF_ERROR(ParseFields(kind, map, &f, &null_result));
  if (null_result) return Value();
  if (f.Empty()) {
    return CurrentTemporal(kind, ctx.statement_time, f.timezone.value_or(ctx.default_zone));
  }
  Base base;
  SMITH_RETURN_IF_ERROR(BaseFromSelectors(kind, f, &base));
  return Build(kind, f, base, /*attach_zone=*/false, ctx);
}

Result<Value> ConstructWithBase(TemporalKind kind, const Value& base_value, const ValueMap& map,
                                bool attach_zone, FunctionContext& ctx) {
  Fields f;
  bool null_result = false;
  SMITH_RETURN_IF_ERROR(ParseFields(kind, map, &f, &null_result));
  if (null_result) return Value();
  if (f.date != nullptr || f.time != nullptr || f.datetime != nullptr) {
    return FieldError(kind, "selectors cannot be used here");
  }
  if (KindHasDate(kind) && KindHasTime(kind)) {
    f.datetime = &base_value;
  } else if (KindHasDate(kind)) {
    f.date = &base_value;
  } else {
    f.time = &base_value;
  }
  Base base;
  SMITH_RETURN_IF_ERROR(BaseFromSelectors(kind, f, &base));
  // A date-only base given to a zoned kind has no time: midnight.
  if (KindHasTime(kind) && !base.nanos) base.nanos = 0;
  return Build(kind, f, base, attach_zone, ctx);
}

Result<Value> ConvertTemporal(TemporalKind kind, const Value& v, FunctionContext& ctx) {
  if (!IsTemporalInstant(v)) return InvalidArgType(KindName(kind), v, "a temporal value");
  Fields f;
  if (KindHasDate(kind) && KindHasTime(kind)) {
    f.datetime = &v;
  } else if (KindHasDate(kind)) {
    f.date = &v;
  } else {
    f.time = &v;
  }
  Base base;
  SMITH_RETURN_IF_ERROR(BaseFromSelectors(kind, f, &base));
  return Build(kind, f, base, /*attach_zone=*/false, ctx);
}

Result<Value> ParseTemporal(TemporalKind kind, std::string_view text) {
  auto wrap = [](auto result) -> Result<Value> {
    if (!result.ok()) return ArgumentError(result.status().message());
    return Value(*result);
  };
  switch (kind) {
    case TemporalKind::kDate:
      return wrap(Date::Parse(text));
    case TemporalKind::kLocalTime:
      return wrap(LocalTime::Parse(text));
    case TemporalKind::kTime:
      return wrap(Time::Parse(text));
    case TemporalKind::kLocalDateTime:
      return wrap(LocalDateTime::Parse(text));
    case TemporalKind::kDateTime:
      return wrap(DateTime::Parse(text));
  }
  return Status::Internal("unhandled temporal kind");
}

Result<Value> CurrentTemporal(TemporalKind kind, FunctionContext::TimePoint now, ZoneSpec zone) {
  int32_t nanos = 0;
  const int64_t seconds = UtcSecondsOf(now, &nanos);
  SMITH_ASSIGN_OR_RETURN(DateTime dt, DateTimeAtInstant(seconds, nanos, zone));
  const LocalDateTime local = dt.local();
  switch (kind) {
    case TemporalKind::kDate:
      return Value(local.date());
    case TemporalKind::kLocalTime:
      return Value(local.time());
    case TemporalKind::kTime:
      return MakeTime(local.time().nanos, dt.offset_seconds);
    case TemporalKind::kLocalDateTime:
      return Value(local);
    case TemporalKind::kDateTime:
      return Value(dt);
  }
  return Status::Internal("unhandled temporal kind");
}

}  // namespace smith::cypher::internal
