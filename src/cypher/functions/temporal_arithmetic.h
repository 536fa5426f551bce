// Arithmetic on durations and temporal instants with Neo4j 5's semantics, shared by the
// operators (+, -, *, /), the duration functions and the sum/avg aggregates.
//
// Neo4j keeps a duration as (months, days, seconds, nanos) with nanos in [0, 1e9) and seconds
// floored; smith's Duration gives nanos the sign of seconds instead. Where the two views lead to
// different results (which whole days a date moves by, what `.seconds` returns), these functions
// convert to Neo4j's view first, so that results match Neo4j exactly.
//
// Errors: overflow of a duration component is kArithmeticError; a result outside the supported
// temporal range is kArgumentError.
//
// Thread safety: pure functions.
#ifndef SMITH_CYPHER_FUNCTIONS_TEMPORAL_ARITHMETIC_H_
#define SMITH_CYPHER_FUNCTIONS_TEMPORAL_ARITHMETIC_H_

#include <cstdint>

#include "common/int128.h"
#include "common/result.h"
#include "common/temporal.h"
#include "common/value.h"

namespace smith::cypher {

// A duration as Neo4j stores it: seconds = floor(total seconds), 0 <= nanos < 1e9.
struct DurationFields {
  int64_t months = 0;
  int64_t days = 0;
  int64_t seconds = 0;
  int64_t nanos = 0;
};
DurationFields ToNeo4jFields(const Duration& d);

// Exact components, normalised with Duration::Make; kArithmeticError if they do not fit.
Result<Duration> DurationFromWide(int128 months, int128 days, int128 seconds, int128 nanos);

// Component-wise, then normalised (Duration::Make).
Result<Duration> DurationAdd(const Duration& a, const Duration& b);
Result<Duration> DurationSubtract(const Duration& a, const Duration& b);
Result<Duration> DurationNegate(const Duration& d);
// Exact: every component multiplied by `factor`.
Result<Duration> DurationMultiply(const Duration& d, int64_t factor);
// Approximate (ApproximateDuration of the scaled components), as Neo4j.
Result<Duration> DurationMultiply(const Duration& d, double factor);
Result<Duration> DurationDivide(const Duration& d, double divisor);

// Neo4j's DurationValue.approximate: fractional months cascade into days (a month counting
// kAverageSecondsPerMonth), fractional days into seconds, fractional seconds into nanoseconds,
// each step truncating toward zero. kArithmeticError if a component does not fit in 64 bits
// (or is NaN).
Result<Duration> ApproximateDuration(double months, double days, double seconds, double nanos);

// `temporal` plus (or minus) `d` as java.time applies a Neo4j duration: months, then days, then
// seconds, then nanoseconds, each only where the type supports it (a Date moves by the whole
// days in the seconds part and ignores nanoseconds; times wrap around midnight; a DateTime
// adds months and days to its local date and seconds to its instant).
// Precondition: `temporal` is a Date, LocalTime, Time, LocalDateTime or DateTime.
Result<Value> AddDurationToTemporal(const Value& temporal, const Duration& d, bool subtract);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_FUNCTIONS_TEMPORAL_ARITHMETIC_H_
