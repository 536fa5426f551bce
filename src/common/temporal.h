// Cypher's temporal value types: Date, LocalTime, Time, LocalDateTime, DateTime and Duration,
// with nanosecond precision, as Neo4j 5 and openCypher 9 define them.
//
// All types are small trivially copyable structs. The calendar is the proleptic Gregorian
// calendar; years run from kMinYear to kMaxYear as in Neo4j. Factories that take user input
// range-check and return Result<>; aggregate initialisation is for code that already holds valid
// fields (decoders validate with the IsValid() members).
//
// Text forms: ToString() prints exactly what Neo4j prints (java.time's toString rules):
//   Date           2015-07-21           (years outside 0000..9999 signed: +10000-01-01,
//   -0001-01-01) LocalTime      12:31                (seconds only when non-zero; fraction in 3, 6
//   or 9 digits)
//                  12:31:14.645876123
//   Time           12:31:14+01:00       (offset 'Z' for zero, seconds when non-zero: +00:53:28)
//   LocalDateTime  2015-07-21T21:40:32.142
//   DateTime       2015-07-21T21:40:32.142+01:00, 2015-07-21T21:40:32.142+02:00[Europe/Stockholm]
//   Duration       P14DT16H12M, PT0.5S, PT-0.3S, P-1Y-11M, PT0S
// Parse() accepts those plus the ISO 8601 variants Neo4j accepts (see each Parse()).
//
// Thread safety: value types; all functions are pure apart from time zone look-ups (thread-safe).
#ifndef SMITH_COMMON_TEMPORAL_H_
#define SMITH_COMMON_TEMPORAL_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time_zone.h"

namespace smith {

inline constexpr int64_t kNanosPerSecond = 1'000'000'000;
inline constexpr int64_t kSecondsPerDay = 86'400;
inline constexpr int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;
// Neo4j's year range for temporal instants.
inline constexpr int64_t kMinYear = -999'999'999;
inline constexpr int64_t kMaxYear = 999'999'999;
// Largest UTC offset magnitude accepted (java.time's limit).
inline constexpr int32_t kMaxOffsetSeconds = 18 * 3600;
// The average Gregorian month (365.2425 days / 12), used to order durations and to convert
// fractional months, as Neo4j does.
inline constexpr int64_t kAverageSecondsPerMonth = 2'629'746;

struct CivilDate {
  int64_t year = 1970;
  int32_t month = 1;  // 1..12
  int32_t day = 1;    // 1..31
};

// Days since 1970-01-01 of a proleptic Gregorian date; no range or validity check.
int64_t DaysFromCivil(int64_t year, int32_t month, int32_t day);
CivilDate CivilFromDays(int64_t days);
bool IsLeapYear(int64_t year);
int32_t DaysInMonth(int64_t year, int32_t month);
// The first and last day (since the epoch) of the supported year range.
int64_t MinEpochDay();
int64_t MaxEpochDay();

// "Z", "+01:00" or "-02:05:07": the text form of a UTC offset.
void AppendOffset(int32_t offset_seconds, std::string* out);

// A calendar date. Invariant (IsValid): MinEpochDay() <= days <= MaxEpochDay().
struct Date {
  int64_t days = 0;  // since 1970-01-01

  // InvalidArgument if the fields do not form a date in the supported range.
  static Result<Date> FromCivil(int64_t year, int32_t month, int32_t day);
  // Accepts 2015-07-21, 20150721, 2015-07, 201507, 2015-W30-2, 2015W302, 2015-W30, 2015W30,
  // 2015-202, 2015202, 2015 and signed years (+10000-01-01, -0005-03-01).
  static Result<Date> Parse(std::string_view text);

  bool IsValid() const { return days >= MinEpochDay() && days <= MaxEpochDay(); }
  CivilDate ToCivil() const { return CivilFromDays(days); }
  void AppendTo(std::string* out) const;
  std::string ToString() const;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// A wall-clock time of day without a zone. Invariant: 0 <= nanos < kNanosPerDay.
struct LocalTime {
  int64_t nanos = 0;  // since midnight

  static Result<LocalTime> FromParts(int32_t hour, int32_t minute, int32_t second,
                                     int64_t nanosecond);
  // Accepts 21:40:32.142, 214032.142, 21:40:32, 214032, 21:40, 2140, 21 (',' may replace '.';
  // up to nine fraction digits).
  static Result<LocalTime> Parse(std::string_view text);

  bool IsValid() const { return nanos >= 0 && nanos < kNanosPerDay; }
  void AppendTo(std::string* out) const;
  std::string ToString() const;
  friend auto operator<=>(const LocalTime&, const LocalTime&) = default;
};

// A time of day with a fixed UTC offset. Invariant: LocalTime{nanos}.IsValid() and
// |offset_seconds| <= kMaxOffsetSeconds. Equal (==) only with the same offset; Cypher orders
// times by the instant of day, nanos - offset (see value_compare.h).
struct Time {
  int64_t nanos = 0;           // local time of day
  int32_t offset_seconds = 0;  // east of UTC

  // Accepts a LocalTime form followed by an optional offset: Z, +01:00, +0100, +01, -02:05:07.
  // Without an offset the time is in UTC.
  static Result<Time> Parse(std::string_view text);

  bool IsValid() const;
  // Nanoseconds since UTC midnight; may lie outside [0, kNanosPerDay) for large offsets.
  int64_t utc_nanos() const { return nanos - int64_t{offset_seconds} * kNanosPerSecond; }
  void AppendTo(std::string* out) const;
  std::string ToString() const;
  friend bool operator==(const Time&, const Time&) = default;
};

// A date and wall-clock time without a zone. Invariant: 0 <= nanos < 1e9 and the date part lies
// in the supported year range.
struct LocalDateTime {
  int64_t seconds = 0;  // since 1970-01-01T00:00, counted as if in UTC
  int32_t nanos = 0;

  static Result<LocalDateTime> FromParts(Date date, LocalTime time);
  // Accepts <Date form>T<LocalTime form>, e.g. 2015-07-21T21:40:32.142, 2015-W30-2T214032, or a
  // Date form alone (midnight).
  static Result<LocalDateTime> Parse(std::string_view text);

  bool IsValid() const;
  Date date() const;
  LocalTime time() const;
  void AppendTo(std::string* out) const;
  std::string ToString() const;
  friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

// An instant with either a fixed UTC offset (zone == kNoTimeZone) or a named tz database zone, in
// which case offset_seconds is the zone's offset at that instant (kept so that printing and
// comparing never consult the tz database).
// Invariant (IsValid): 0 <= nanos < 1e9, |offset_seconds| <= kMaxOffsetSeconds, the local date
// lies in the supported range, and for a named zone offset_seconds == TimeZoneOffsetAt(zone,
// seconds).
struct DateTime {
  int64_t seconds = 0;  // since 1970-01-01T00:00Z
  int32_t nanos = 0;
  int32_t offset_seconds = 0;
  TimeZoneId zone = kNoTimeZone;

  // The instant `utc_seconds`.`nanos` shown at a fixed offset. InvalidArgument if out of range.
  static Result<DateTime> FromInstant(int64_t utc_seconds, int32_t nanos, int32_t offset_seconds);
  // The instant shown in a named zone; its offset is read from the tz database.
  static Result<DateTime> FromInstantInZone(int64_t utc_seconds, int32_t nanos, TimeZoneId zone);
  // The wall-clock time `local` at a fixed offset.
  static Result<DateTime> FromLocal(LocalDateTime local, int32_t offset_seconds);
  // The wall-clock time `local` in a named zone. Skipped local times move forward by the gap;
  // repeated ones take the earlier offset (as java.time and Neo4j do).
  static Result<DateTime> FromLocalInZone(LocalDateTime local, TimeZoneId zone);
  // Accepts <LocalDateTime form> followed by an optional offset and an optional [Zone/Name]:
  // 2015-07-21T21:40:32.142+0100, 2015-07-21T21:40:32.142[Europe/London],
  // 2015-07-21T21:40:32.142+02:00[Europe/Stockholm]. An offset given with a zone must be valid
  // for that local time in that zone. With neither the time is in UTC.
  static Result<DateTime> Parse(std::string_view text);

  bool IsValid() const;
  bool has_zone() const { return zone != kNoTimeZone; }
  LocalDateTime local() const { return LocalDateTime{seconds + offset_seconds, nanos}; }
  void AppendTo(std::string* out) const;
  std::string ToString() const;
  // Same instant, same offset and same zone.
  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// A temporal amount of months, days, seconds and nanoseconds, kept apart as in Neo4j because a
// month and a day have no fixed length. Normalised (IsValid): |nanos| < 1e9 and nanos is zero
// or has the sign of seconds when seconds != 0. Components may have different signs.
struct Duration {
  int64_t months = 0;
  int64_t days = 0;
  int64_t seconds = 0;
  int32_t nanos = 0;

  // Carries whole seconds out of `nanos` and gives nanos the sign of seconds. InvalidArgument if
  // the seconds overflow.
  static Result<Duration> Make(int64_t months, int64_t days, int64_t seconds, int64_t nanos);
  // Accepts ISO 8601 durations with optional signs and fractions on any component:
  // P14DT16H12M, P5M1.5D, PT0.75M, P2.5W, -P1D, P-1Y-2M, PT-0.3S, and the alternative form
  // P2012-02-02T14:37:21.545. Fractions of months, weeks and days become days and seconds
  // (a month counting kAverageSecondsPerMonth); fractions of time units become seconds.
  static Result<Duration> Parse(std::string_view text);

  bool IsValid() const;
  void AppendTo(std::string* out) const;
  std::string ToString() const;
  friend bool operator==(const Duration&, const Duration&) = default;
};

// A zone given as text the way Cypher's `timezone` arguments take it: "Z", "+01:00", "-0530",
// "+01" as a fixed offset, anything else as a tz database name.
struct ZoneSpec {
  int32_t offset_seconds = 0;  // when zone == kNoTimeZone
  TimeZoneId zone = kNoTimeZone;
};
Result<ZoneSpec> ParseZoneSpec(std::string_view text);

}  // namespace smith

#endif  // SMITH_COMMON_TEMPORAL_H_
