// Internal calendar and time-zone helpers for the temporal functions: ISO week dates, quarters,
// month arithmetic, and a uniform "local fields" view of the five temporal instant types.
#ifndef SMITH_CYPHER_FUNCTIONS_TEMPORAL_UTIL_H_
#define SMITH_CYPHER_FUNCTIONS_TEMPORAL_UTIL_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/result.h"
#include "common/temporal.h"
#include "common/value.h"

namespace smith::cypher::internal {

int64_t FloorDiv(int64_t a, int64_t b);
int64_t FloorMod(int64_t a, int64_t b);

// ISO 8601 calendar on days since 1970-01-01.
int IsoDayOfWeek(int64_t epoch_day);  // Monday = 1 .. Sunday = 7
int64_t IsoWeekOneMonday(int64_t week_year);
int IsoWeeksInYear(int64_t week_year);  // 52 or 53
int64_t IsoWeekYear(int64_t epoch_day);
int IsoWeek(int64_t epoch_day);  // 1..53, within IsoWeekYear(epoch_day)
int DayOfYear(int64_t epoch_day);
int QuarterOfMonth(int month);  // 1..4
int DayOfQuarter(int64_t epoch_day);
int DaysInQuarter(int64_t year, int quarter);
// `epoch_day` plus `months` calendar months with the day of month clamped to the new month's
// length (java.time's plusMonths). False if the result leaves the supported year range.
bool PlusMonths(int64_t epoch_day, int64_t months, int64_t* out);
bool EpochDayInRange(int64_t epoch_day);

// kArgumentError "<what> is out of the supported range".
Status TemporalRangeError(std::string_view what);

// A temporal instant broken into local fields. For zoned values the date and time are the
// wall-clock fields at the value's own offset.
struct TemporalParts {
  bool has_date = false;
  bool has_time = false;
  bool has_zone = false;          // a Time or a DateTime
  int64_t epoch_day = 0;          // local date, when has_date
  int64_t nanos_of_day = 0;       // local time of day, when has_time (midnight otherwise)
  int32_t offset = 0;             // when has_zone
  TimeZoneId zone = kNoTimeZone;  // the named zone of a DateTime, if any

  ZoneSpec zone_spec() const { return ZoneSpec{offset, zone}; }
};

// True for Date, LocalTime, Time, LocalDateTime and DateTime (not Duration).
bool IsTemporalInstant(const Value& v);
// Precondition: IsTemporalInstant(v).
TemporalParts Decompose(const Value& v);

// The instant shown at `local` (epoch day, nanos of day) in `zone`: a fixed offset as given; a
// named zone resolved as java.time does (gaps move forward, overlaps take the earlier offset
// unless `preferred_offset` is the other valid one).
Result<DateTime> ResolveDateTime(int64_t epoch_day, int64_t nanos_of_day, ZoneSpec zone,
                                 std::optional<int32_t> preferred_offset = std::nullopt);
// The instant (UTC seconds + nanos) shown in `zone`.
Result<DateTime> DateTimeAtInstant(int64_t utc_seconds, int32_t nanos, ZoneSpec zone);
// The offset `zone` has at the UTC instant.
int32_t OffsetAt(ZoneSpec zone, int64_t utc_seconds);

// Range-checked builders (kArgumentError when out of range).
Result<Value> MakeDate(int64_t epoch_day);
Result<Value> MakeLocalDateTime(int64_t epoch_day, int64_t nanos_of_day);
Value MakeLocalTime(int64_t nanos_of_day);  // precondition: 0 <= nanos_of_day < kNanosPerDay
Value MakeTime(int64_t nanos_of_day, int32_t offset);

}  // namespace smith::cypher::internal

#endif  // SMITH_CYPHER_FUNCTIONS_TEMPORAL_UTIL_H_
