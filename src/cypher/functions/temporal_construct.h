// Internal: building temporal instants the ways Cypher's constructor functions allow: from a map
// of fields (with the `date`, `time` and `datetime` selectors), from another temporal value,
// from a string, from the clock, and by truncation.
//
// Map semantics (Neo4j 5, pinned by the TCK's Temporal1/3/9):
//  - A date is given in one of four forms: calendar {year, month, day}, week {year, week,
//    dayOfWeek} (year meaning the ISO week-based year), quarter {year, quarter, dayOfQuarter}
//    or ordinal {year, ordinalDay}. Mixing forms is an error. Without a base, year is required
//    and a field needs its parent (day needs month, dayOfWeek needs week, ...); missing smaller
//    fields default to their first value.
//  - A time is {hour, minute, second, millisecond, microsecond, nanosecond}; without a base a
//    field needs its parent (minute needs hour, ...) and sub-second fields add up
//    (millisecond: 123, microsecond: 456, nanosecond: 789 is .123456789).
//  - `date: x`, `time: x`, `datetime: x` take a base from another temporal; the map's fields
//    then override the base's fields of the same form (the base's week fields for a week-form
//    override, its calendar fields otherwise). Sub-second overrides replace the given field and
//    everything finer, keeping coarser base digits ({nanosecond: 2} on .645 is .645000002).
//  - `timezone` on a zoned target: with a zoned base the base's instant is converted to the new
//    zone; otherwise the wall-clock fields are placed in it. Without `timezone` a zoned base
//    keeps its zone (a named zone re-resolves its offset), else the default zone applies.
//  - datetime only: {epochSeconds[, nanosecond]} or {epochMillis} with an optional timezone.
//  - A map holding nothing but `timezone` (or nothing at all) means "now" in that zone.
#ifndef SMITH_CYPHER_FUNCTIONS_TEMPORAL_CONSTRUCT_H_
#define SMITH_CYPHER_FUNCTIONS_TEMPORAL_CONSTRUCT_H_

#include <string_view>

#include "common/result.h"
#include "common/value.h"
#include "cypher/functions/function_context.h"

namespace smith::cypher::internal {

enum class TemporalKind { kDate, kLocalTime, kTime, kLocalDateTime, kDateTime };

// "date", "localtime", "time", "localdatetime", "datetime".
std::string_view KindName(TemporalKind kind);
bool KindHasDate(TemporalKind kind);
bool KindHasTime(TemporalKind kind);
bool KindHasZone(TemporalKind kind);

Result<Value> ConstructFromMap(TemporalKind kind, const ValueMap& map, FunctionContext& ctx);

// date(x), localtime(x), ...: the fields of `kind` selected from the temporal value `v`.
Result<Value> ConvertTemporal(TemporalKind kind, const Value& v, FunctionContext& ctx);

// ISO 8601 text (kArgumentError if it does not parse).
Result<Value> ParseTemporal(TemporalKind kind, std::string_view text);

// The value of `kind` at the instant `now` seen in `zone`.
Result<Value> CurrentTemporal(TemporalKind kind, FunctionContext::TimePoint now, ZoneSpec zone);

// X.truncate(unit, v[, overrides]) for X = `kind` (see temporal_truncate.cc).
Result<Value> TruncateTemporal(TemporalKind kind, std::string_view unit, const Value& v,
                               const ValueMap* overrides, FunctionContext& ctx);

// Shared by truncation: builds `kind` from a base value and overriding fields. With
// `attach_zone`, a `timezone` field keeps the base's wall-clock fields instead of converting.
Result<Value> ConstructWithBase(TemporalKind kind, const Value& base, const ValueMap& map,
                                bool attach_zone, FunctionContext& ctx);

}  // namespace smith::cypher::internal

#endif  // SMITH_CYPHER_FUNCTIONS_TEMPORAL_CONSTRUCT_H_
