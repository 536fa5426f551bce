#include "cypher/functions/temporal_util.h"

#include <algorithm>
#include <string>

namespace smith::cypher::internal {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

int IsoDayOfWeek(int64_t epoch_day) {
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(FloorMod(epoch_day + 3, 7)) + 1;
}

int64_t IsoWeekOneMonday(int64_t week_year) {
  const int64_t jan4 = DaysFromCivil(week_year, 1, 4);
  return jan4 - (IsoDayOfWeek(jan4) - 1);
}

int IsoWeeksInYear(int64_t week_year) {
  return static_cast<int>((IsoWeekOneMonday(week_year + 1) - IsoWeekOneMonday(week_year)) / 7);
}

int64_t IsoWeekYear(int64_t epoch_day) {
  const int64_t year = CivilFromDays(epoch_day).year;
  if (epoch_day >= IsoWeekOneMonday(year + 1)) return year + 1;
  if (epoch_day < IsoWeekOneMonday(year)) return year - 1;
  return year;
}

int IsoWeek(int64_t epoch_day) {
  return static_cast<int>((epoch_day - IsoWeekOneMonday(IsoWeekYear(epoch_day))) / 7) + 1;
}

int DayOfYear(int64_t epoch_day) {
  return static_cast<int>(epoch_day - DaysFromCivil(CivilFromDays(epoch_day).year, 1, 1)) + 1;
}

int QuarterOfMonth(int month) { return (month - 1) / 3 + 1; }

int DayOfQuarter(int64_t epoch_day) {
  const CivilDate c = CivilFromDays(epoch_day);
  const int first_month = (QuarterOfMonth(c.month) - 1) * 3 + 1;
  return static_cast<int>(epoch_day - DaysFromCivil(c.year, first_month, 1)) + 1;
}

int DaysInQuarter(int64_t year, int quarter) {
  const int first_month = (quarter - 1) * 3 + 1;
  return DaysInMonth(year, first_month) + DaysInMonth(year, first_month + 1) +
         DaysInMonth(year, first_month + 2);
}

bool EpochDayInRange(int64_t epoch_day) {
  return epoch_day >= MinEpochDay() && epoch_day <= MaxEpochDay();
}

bool PlusMonths(int64_t epoch_day, int64_t months, int64_t* out) {
  constexpr int64_t kMaxMonths = (kMaxYear - kMinYear + 1) * 12;
  if (months > kMaxMonths || months < -kMaxMonths) return false;
  const CivilDate c = CivilFromDays(epoch_day);
  const int64_t total = c.year * 12 + (c.month - 1) + months;
  const int64_t year = FloorDiv(total, 12);
  if (year < kMinYear || year > kMaxYear) return false;
  const int32_t month = static_cast<int32_t>(FloorMod(total, 12)) + 1;
  const int32_t day = std::min(c.day, DaysInMonth(year, month));
  *out = DaysFromCivil(year, month, day);
  return true;
}

Status TemporalRangeError(std::string_view what) {
  std::string message(what);
  message += " is out of the supported range";
  return Status(StatusCode::kArgumentError, message);
}

bool IsTemporalInstant(const Value& v) {
  return v.is_temporal() && v.type() != ValueType::kDuration;
}

TemporalParts Decompose(const Value& v) {
  TemporalParts p;
  switch (v.type()) {
    case ValueType::kDate:
      p.has_date = true;
      p.epoch_day = v.AsDate().days;
      break;
    case ValueType::kLocalTime:
      p.has_time = true;
      p.nanos_of_day = v.AsLocalTime().nanos;
      break;
    case ValueType::kTime: {
      const Time t = v.AsTime();
      p.has_time = true;
      p.has_zone = true;
      p.nanos_of_day = t.nanos;
      p.offset = t.offset_seconds;
      break;
    }
    case ValueType::kLocalDateTime: {
      const LocalDateTime ldt = v.AsLocalDateTime();
      p.has_date = true;
      p.has_time = true;
      p.epoch_day = ldt.date().days;
      p.nanos_of_day = ldt.time().nanos;
      break;
    }
    case ValueType::kDateTime: {
      const DateTime dt = v.AsDateTime();
      const LocalDateTime local = dt.local();
      p.has_date = true;
      p.has_time = true;
      p.has_zone = true;
      p.epoch_day = local.date().days;
      p.nanos_of_day = local.time().nanos;
      p.offset = dt.offset_seconds;
      p.zone = dt.zone;
      break;
    }
    default:
      break;
  }
  return p;
}

Result<DateTime> ResolveDateTime(int64_t epoch_day, int64_t nanos_of_day, ZoneSpec zone,
                                 std::optional<int32_t> preferred_offset) {
  if (!EpochDayInRange(epoch_day)) return TemporalRangeError("The date");
  const LocalDateTime local{epoch_day * kSecondsPerDay + nanos_of_day / kNanosPerSecond,
                            static_cast<int32_t>(nanos_of_day % kNanosPerSecond)};
  auto resolve = [&]() -> Result<DateTime> {
    if (zone.zone == kNoTimeZone) return DateTime::FromLocal(local, zone.offset_seconds);
    const LocalTimeOffsets offsets = TimeZoneOffsetsForLocal(zone.zone, local.seconds);
    if (preferred_offset && !offsets.skipped && offsets.second != offsets.first &&
        *preferred_offset == offsets.second) {
      return DateTime::FromInstantInZone(local.seconds - offsets.second, local.nanos, zone.zone);
    }
    return DateTime::FromLocalInZone(local, zone.zone);
  };
  Result<DateTime> result = resolve();
  if (!result.ok()) return TemporalRangeError("The date time");
  return result;
}

Result<DateTime> DateTimeAtInstant(int64_t utc_seconds, int32_t nanos, ZoneSpec zone) {
  Result<DateTime> result = zone.zone == kNoTimeZone
                                ? DateTime::FromInstant(utc_seconds, nanos, zone.offset_seconds)
                                : DateTime::FromInstantInZone(utc_seconds, nanos, zone.zone);
  if (!result.ok()) return TemporalRangeError("The date time");
  return result;
}

int32_t OffsetAt(ZoneSpec zone, int64_t utc_seconds) {
  return zone.zone == kNoTimeZone ? zone.offset_seconds : TimeZoneOffsetAt(zone.zone, utc_seconds);
}

Result<Value> MakeDate(int64_t epoch_day) {
  if (!EpochDayInRange(epoch_day)) return TemporalRangeError("The date");
  return Value(Date{epoch_day});
}

Result<Value> MakeLocalDateTime(int64_t epoch_day, int64_t nanos_of_day) {
  if (!EpochDayInRange(epoch_day)) return TemporalRangeError("The local date time");
  return Value(LocalDateTime{epoch_day * kSecondsPerDay + nanos_of_day / kNanosPerSecond,
                             static_cast<int32_t>(nanos_of_day % kNanosPerSecond)});
}

Value MakeLocalTime(int64_t nanos_of_day) { return Value(LocalTime{nanos_of_day}); }

Value MakeTime(int64_t nanos_of_day, int32_t offset) { return Value(Time{nanos_of_day, offset}); }

}  // namespace smith::cypher::internal
