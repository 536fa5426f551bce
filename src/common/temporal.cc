// Temporal types: calendar arithmetic, validation, factories and ISO 8601 printing.
// Parsing lives in temporal_parse.cc.
#include "common/temporal.h"

#include <charconv>
#include <cstdlib>

namespace smith {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, res.ptr);
}

// Appends `v` (0 <= v < 10^width) zero-padded to `width` digits.
void AppendPadded(int64_t v, int width, std::string* out) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out->append(buf, static_cast<size_t>(width));
}

// java.time.LocalDate's year rule: four digits (with '-' for negative years) when |year| < 10000,
// otherwise the digits with an explicit sign.
void AppendYear(int64_t year, std::string* out) {
  if (year < 0 && year > -10000) {
    out->push_back('-');
    AppendPadded(-year, 4, out);
  } else if (year >= 0 && year <= 9999) {
    AppendPadded(year, 4, out);
  } else {
    if (year > 9999) out->push_back('+');
    AppendInt(year, out);
  }
}

// java.time.LocalTime's rule: HH:mm, then :ss if seconds or nanos are non-zero, then the
// fraction in groups of 3, 6 or 9 digits.
void AppendTimeOfDay(int64_t nanos_of_day, std::string* out) {
  const int64_t second_of_day = nanos_of_day / kNanosPerSecond;
  const int64_t nano = nanos_of_day % kNanosPerSecond;
  AppendPadded(second_of_day / 3600, 2, out);
  out->push_back(':');
  AppendPadded(second_of_day / 60 % 60, 2, out);
  const int64_t second = second_of_day % 60;
  if (second == 0 && nano == 0) return;
  out->push_back(':');
  AppendPadded(second, 2, out);
  if (nano == 0) return;
  out->push_back('.');
  if (nano % 1'000'000 == 0) {
    AppendPadded(nano / 1'000'000, 3, out);
  } else if (nano % 1000 == 0) {
    AppendPadded(nano / 1000, 6, out);
  } else {
    AppendPadded(nano, 9, out);
  }
}

void AppendDays(int64_t days, std::string* out) {
  const CivilDate c = CivilFromDays(days);
  AppendYear(c.year, out);
  out->push_back('-');
  AppendPadded(c.month, 2, out);
  out->push_back('-');
  AppendPadded(c.day, 2, out);
}

bool LocalSecondsInRange(int64_t seconds) {
  // Compare days first so that the multiplication below can never overflow.
  const int64_t days = FloorDiv(seconds, kSecondsPerDay);
  return days >= MinEpochDay() && days <= MaxEpochDay();
}

Status OutOfRange(std::string_view what) {
  std::string msg(what);
  msg += " is outside the supported range (years ";
  AppendInt(kMinYear, &msg);
  msg += " to ";
  AppendInt(kMaxYear, &msg);
  msg += ")";
  return Status::InvalidArgument(msg);
}

Status CheckOffset(int32_t offset_seconds) {
  if (offset_seconds >= -kMaxOffsetSeconds && offset_seconds <= kMaxOffsetSeconds) {
    return Status::OK();
  }
  return Status::InvalidArgument("UTC offset of " + std::to_string(offset_seconds) +
                                 " seconds is outside -18:00..+18:00");
}

Status CheckNanos(int64_t nanos) {
  if (nanos >= 0 && nanos < kNanosPerSecond) return Status::OK();
  return Status::InvalidArgument("nanosecond of second " + std::to_string(nanos) +
                                 " is outside 0..999999999");
}

// The range of UTC seconds whose local time could be in range for some offset; rejecting
// values outside it first keeps `utc + offset` from overflowing.
bool UtcSecondsPlausible(int64_t utc_seconds) {
  const int64_t margin = kMaxOffsetSeconds + kSecondsPerDay;
  return utc_seconds >= MinEpochDay() * kSecondsPerDay - margin &&
         utc_seconds <= MaxEpochDay() * kSecondsPerDay + margin;
}

}  // namespace

int64_t DaysFromCivil(int64_t year, int32_t month, int32_t day) {
  // Howard Hinnant's days_from_civil: shift the year to start in March so that the leap day is
  // the last day of the year, then count 400-year eras of 146097 days.
  year -= month <= 2 ? 1 : 0;
  const int64_t era = FloorDiv(year, 400);
  const int64_t yoe = year - era * 400;
  const int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = FloorDiv(days, 146097);
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = static_cast<int32_t>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int32_t>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2 ? 1 : 0);
  return c;
}

bool IsLeapYear(int64_t year) {
  return FloorMod(year, 4) == 0 && (FloorMod(year, 100) != 0 || FloorMod(year, 400) == 0);
}

int32_t DaysInMonth(int64_t year, int32_t month) {
  static constexpr int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

int64_t MinEpochDay() {
  static const int64_t kDay = DaysFromCivil(kMinYear, 1, 1);
  return kDay;
}

int64_t MaxEpochDay() {
  static const int64_t kDay = DaysFromCivil(kMaxYear, 12, 31);
  return kDay;
}

void AppendOffset(int32_t offset_seconds, std::string* out) {
  if (offset_seconds == 0) {
    out->push_back('Z');
    return;
  }
  out->push_back(offset_seconds < 0 ? '-' : '+');
  const int32_t abs = std::abs(offset_seconds);
  AppendPadded(abs / 3600, 2, out);
  out->push_back(':');
  AppendPadded(abs / 60 % 60, 2, out);
  if (abs % 60 != 0) {
    out->push_back(':');
    AppendPadded(abs % 60, 2, out);
  }
}

// ---- Date ----

Result<Date> Date::FromCivil(int64_t year, int32_t month, int32_t day) {
  if (year < kMinYear || year > kMaxYear) return OutOfRange("year " + std::to_string(year));
  if (month < 1 || month > 12) {
    return Status::InvalidArgument("month " + std::to_string(month) + " is outside 1..12");
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return Status::InvalidArgument("day " + std::to_string(day) + " does not exist in month " +
                                   std::to_string(month) + " of year " + std::to_string(year));
  }
  return Date{DaysFromCivil(year, month, day)};
}

void Date::AppendTo(std::string* out) const { AppendDays(days, out); }

std::string Date::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

// ---- LocalTime ----

Result<LocalTime> LocalTime::FromParts(int32_t hour, int32_t minute, int32_t second,
                                       int64_t nanosecond) {
  if (hour < 0 || hour > 23) {
    return Status::InvalidArgument("hour " + std::to_string(hour) + " is outside 0..23");
  }
  if (minute < 0 || minute > 59) {
    return Status::InvalidArgument("minute " + std::to_string(minute) + " is outside 0..59");
  }
  if (second < 0 || second > 59) {
    return Status::InvalidArgument("second " + std::to_string(second) + " is outside 0..59");
  }
  SMITH_RETURN_IF_ERROR(CheckNanos(nanosecond));
  return LocalTime{(int64_t{hour} * 3600 + minute * 60 + second) * kNanosPerSecond + nanosecond};
}

void LocalTime::AppendTo(std::string* out) const { AppendTimeOfDay(nanos, out); }

std::string LocalTime::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

// ---- Time ----

bool Time::IsValid() const {
  return LocalTime{nanos}.IsValid() && offset_seconds >= -kMaxOffsetSeconds &&
         offset_seconds <= kMaxOffsetSeconds;
}

void Time::AppendTo(std::string* out) const {
  AppendTimeOfDay(nanos, out);
  AppendOffset(offset_seconds, out);
}

std::string Time::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

// ---- LocalDateTime ----

Result<LocalDateTime> LocalDateTime::FromParts(Date date, LocalTime time) {
  if (!date.IsValid()) return OutOfRange("date");
  if (!time.IsValid()) return Status::InvalidArgument("time of day is outside 00:00..24:00");
  return LocalDateTime{date.days * kSecondsPerDay + time.nanos / kNanosPerSecond,
                       static_cast<int32_t>(time.nanos % kNanosPerSecond)};
}

bool LocalDateTime::IsValid() const {
  return nanos >= 0 && nanos < kNanosPerSecond && LocalSecondsInRange(seconds);
}

Date LocalDateTime::date() const { return Date{FloorDiv(seconds, kSecondsPerDay)}; }

LocalTime LocalDateTime::time() const {
  return LocalTime{FloorMod(seconds, kSecondsPerDay) * kNanosPerSecond + nanos};
}

void LocalDateTime::AppendTo(std::string* out) const {
  AppendDays(FloorDiv(seconds, kSecondsPerDay), out);
  out->push_back('T');
  AppendTimeOfDay(FloorMod(seconds, kSecondsPerDay) * kNanosPerSecond + nanos, out);
}

std::string LocalDateTime::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

// ---- DateTime ----

Result<DateTime> DateTime::FromInstant(int64_t utc_seconds, int32_t nanos, int32_t offset_seconds) {
  SMITH_RETURN_IF_ERROR(CheckOffset(offset_seconds));
  SMITH_RETURN_IF_ERROR(CheckNanos(nanos));
  if (!UtcSecondsPlausible(utc_seconds) || !LocalSecondsInRange(utc_seconds + offset_seconds)) {
    return OutOfRange("datetime");
  }
  return DateTime{utc_seconds, nanos, offset_seconds, kNoTimeZone};
}

Result<DateTime> DateTime::FromInstantInZone(int64_t utc_seconds, int32_t nanos, TimeZoneId zone) {
  SMITH_RETURN_IF_ERROR(CheckNanos(nanos));
  if (!UtcSecondsPlausible(utc_seconds)) return OutOfRange("datetime");
  const int32_t offset = TimeZoneOffsetAt(zone, utc_seconds);
  if (!LocalSecondsInRange(utc_seconds + offset)) return OutOfRange("datetime");
  return DateTime{utc_seconds, nanos, offset, zone};
}

Result<DateTime> DateTime::FromLocal(LocalDateTime local, int32_t offset_seconds) {
  SMITH_RETURN_IF_ERROR(CheckOffset(offset_seconds));
  if (!local.IsValid()) return OutOfRange("local datetime");
  return DateTime{local.seconds - offset_seconds, local.nanos, offset_seconds, kNoTimeZone};
}

Result<DateTime> DateTime::FromLocalInZone(LocalDateTime local, TimeZoneId zone) {
  if (!local.IsValid()) return OutOfRange("local datetime");
  const LocalTimeOffsets offsets = TimeZoneOffsetsForLocal(zone, local.seconds);
  return FromInstantInZone(local.seconds - offsets.first, local.nanos, zone);
}

bool DateTime::IsValid() const {
  if (nanos < 0 || nanos >= kNanosPerSecond) return false;
  if (offset_seconds < -kMaxOffsetSeconds || offset_seconds > kMaxOffsetSeconds) return false;
  if (!UtcSecondsPlausible(seconds) || !LocalSecondsInRange(seconds + offset_seconds)) {
    return false;
  }
  return zone == kNoTimeZone || TimeZoneOffsetAt(zone, seconds) == offset_seconds;
}

void DateTime::AppendTo(std::string* out) const {
  local().AppendTo(out);
  AppendOffset(offset_seconds, out);
  if (zone != kNoTimeZone) {
    out->push_back('[');
    out->append(TimeZoneName(zone));
    out->push_back(']');
  }
}

std::string DateTime::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

// ---- Duration ----

Result<Duration> Duration::Make(int64_t months, int64_t days, int64_t seconds, int64_t nanos) {
  int64_t carried = nanos / kNanosPerSecond;
  int64_t rest = nanos % kNanosPerSecond;
  int64_t total;
  if (__builtin_add_overflow(seconds, carried, &total)) {
    return Status::InvalidArgument("duration seconds overflow");
  }
  if (total > 0 && rest < 0) {
    total -= 1;
    rest += kNanosPerSecond;
  } else if (total < 0 && rest > 0) {
    total += 1;
    rest -= kNanosPerSecond;
  }
  return Duration{months, days, total, static_cast<int32_t>(rest)};
}

bool Duration::IsValid() const {
  if (nanos <= -kNanosPerSecond || nanos >= kNanosPerSecond) return false;
  if (seconds > 0 && nanos < 0) return false;
  if (seconds < 0 && nanos > 0) return false;
  return true;
}

namespace {

void AppendComponent(int64_t v, char unit, std::string* out) {
  if (v == 0) return;
  AppendInt(v, out);
  out->push_back(unit);
}

// '.', then the fraction digits of |nanos| without trailing zeros.
void AppendDurationFraction(int32_t nanos, std::string* out) {
  out->push_back('.');
  int64_t n = std::abs(int64_t{nanos});
  for (int64_t mod = kNanosPerSecond; mod > 1 && n > 0; n %= mod) {
    mod /= 10;
    out->push_back(static_cast<char>('0' + n / mod));
  }
}

}  // namespace

// Neo4j's DurationValue format: years and months from `months`, days as given, and hours,
// minutes and seconds from `seconds` without carrying hours into days.
void Duration::AppendTo(std::string* out) const {
  const size_t start = out->size();
  out->push_back('P');
  AppendComponent(months / 12, 'Y', out);
  AppendComponent(months % 12, 'M', out);
  AppendComponent(days, 'D', out);
  if (seconds != 0 || nanos != 0) {
    out->push_back('T');
    AppendComponent(seconds / 3600, 'H', out);
    AppendComponent(seconds % 3600 / 60, 'M', out);
    const int64_t s = seconds % 60;
    if (s != 0) {
      AppendInt(s, out);
      if (nanos != 0) AppendDurationFraction(nanos, out);
      out->push_back('S');
    } else if (nanos != 0) {
      if (nanos < 0) out->push_back('-');
      out->push_back('0');
      AppendDurationFraction(nanos, out);
      out->push_back('S');
    }
  }
  if (out->size() == start + 1) out->append("T0S");
}

std::string Duration::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

}  // namespace smith
