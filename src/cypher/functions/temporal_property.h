// Property access on temporal values (`d.year`, `dur.minutesOfHour`): the accessors Neo4j 5
// defines for each temporal type.
//
//   Date                year, quarter, month, week, weekYear, dayOfQuarter (quarterDay), day,
//                       ordinalDay, dayOfWeek (weekDay)
//   LocalTime           hour, minute, second, millisecond, microsecond, nanosecond
//   Time                the LocalTime accessors + timezone, offset, offsetMinutes, offsetSeconds
//   LocalDateTime       the Date and LocalTime accessors
//   DateTime            all of the above + epochSeconds, epochMillis
//   Duration            years, quarters, months, weeks, days, hours, minutes, seconds,
//                       milliseconds, microseconds, nanoseconds (each the whole amount in that
//                       unit within its group: months, days, or seconds and nanoseconds), and
//                       quartersOfYear, monthsOfQuarter, monthsOfYear, daysOfWeek,
//                       minutesOfHour, secondsOfMinute, millisecondsOfSecond,
//                       microsecondsOfSecond, nanosecondsOfSecond
//
// Names match case-insensitively. `timezone` is the zone name of a DateTime in a named zone and
// the offset text ("+01:00", "Z") otherwise; `offset` is always the offset text. Duration
// accessors read Neo4j's normalised form (seconds floored, nanoseconds in [0, 1e9)), so
// duration('PT-0.1S').seconds is -1 and .nanosecondsOfSecond 900000000, as in Neo4j.
//
// Thread safety: pure function.
#ifndef SMITH_CYPHER_FUNCTIONS_TEMPORAL_PROPERTY_H_
#define SMITH_CYPHER_FUNCTIONS_TEMPORAL_PROPERTY_H_

#include <string_view>

#include "common/result.h"
#include "common/value.h"

namespace smith::cypher {

// `v.name`. Null for a null `v`; kArgumentError "No such field" for a name the type does not
// have; kTypeError if `v` is not a temporal value; kArithmeticError if the value does not fit in
// 64 bits (`.nanoseconds` of a duration of more than 292 years, `.epochMillis` of an instant
// beyond the year 292 million).
Result<Value> TemporalProperty(const Value& v, std::string_view name);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_FUNCTIONS_TEMPORAL_PROPERTY_H_
