// Duration arithmetic (see temporal_arithmetic.h).
#include <cmath>

#include "common/int128.h"
#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_arithmetic.h"

namespace smith::cypher {
namespace {

Status Overflow() { return internal::ArithmeticError("long overflow"); }

}  // namespace

Result<Duration> DurationFromWide(int128 months, int128 days, int128 seconds, int128 nanos) {
  constexpr int128 kMax = INT64_MAX;
  constexpr int128 kMin = INT64_MIN;
  seconds += nanos / kNanosPerSecond;
  nanos %= kNanosPerSecond;
  for (int128 v : {months, days, seconds}) {
    if (v > kMax || v < kMin) return Overflow();
  }
  Result<Duration> d = Duration::Make(static_cast<int64_t>(months), static_cast<int64_t>(days),
                                      static_cast<int64_t>(seconds), static_cast<int64_t>(nanos));
  if (!d.ok()) return Overflow();
  return d;
}

namespace {

// Java's (long) cast of a double, but failing instead of saturating.
bool SafeDoubleToLong(double d, int64_t* out) {
  // 2^63 is exactly representable; every double below it converts.
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) return false;
  *out = static_cast<int64_t>(d);
  return true;
}

}  // namespace

DurationFields ToNeo4jFields(const Duration& d) {
  DurationFields f{d.months, d.days, d.seconds, d.nanos};
  if (f.nanos < 0) {
    f.seconds -= 1;
    f.nanos += kNanosPerSecond;
  }
  return f;
}

Result<Duration> DurationAdd(const Duration& a, const Duration& b) {
  return DurationFromWide(int128{a.months} + b.months, int128{a.days} + b.days,
                          int128{a.seconds} + b.seconds, int128{a.nanos} + b.nanos);
}

Result<Duration> DurationSubtract(const Duration& a, const Duration& b) {
  return DurationFromWide(int128{a.months} - b.months, int128{a.days} - b.days,
                          int128{a.seconds} - b.seconds, int128{a.nanos} - b.nanos);
}

Result<Duration> DurationNegate(const Duration& d) {
  return DurationFromWide(-int128{d.months}, -int128{d.days}, -int128{d.seconds}, -int128{d.nanos});
}

Result<Duration> DurationMultiply(const Duration& d, int64_t factor) {
  return DurationFromWide(int128{d.months} * factor, int128{d.days} * factor,
                          int128{d.seconds} * factor, int128{d.nanos} * factor);
}

Result<Duration> DurationMultiply(const Duration& d, double factor) {
  const DurationFields f = ToNeo4jFields(d);
  return ApproximateDuration(
      static_cast<double>(f.months) * factor, static_cast<double>(f.days) * factor,
      static_cast<double>(f.seconds) * factor, static_cast<double>(f.nanos) * factor);
}

Result<Duration> DurationDivide(const Duration& d, double divisor) {
  if (divisor == 0) return internal::ArithmeticError("/ by zero");
  const DurationFields f = ToNeo4jFields(d);
  return ApproximateDuration(
      static_cast<double>(f.months) / divisor, static_cast<double>(f.days) / divisor,
      static_cast<double>(f.seconds) / divisor, static_cast<double>(f.nanos) / divisor);
}

Result<Duration> ApproximateDuration(double months, double days, double seconds, double nanos) {
  constexpr double kNanosPerSecondD = 1e9;
  constexpr double kNanosPerDayD = 86400.0 * 1e9;
  constexpr double kAverageNanosPerMonth = static_cast<double>(kAverageSecondsPerMonth) * 1e9;
  int64_t months_whole = 0, days_whole = 0, seconds_whole = 0, nanos_whole = 0;
  if (!SafeDoubleToLong(months, &months_whole)) return Overflow();
  const double month_rest_nanos =
      kAverageNanosPerMonth * months - kAverageNanosPerMonth * static_cast<double>(months_whole);
  days += month_rest_nanos / kNanosPerDayD;
  if (!SafeDoubleToLong(days, &days_whole)) return Overflow();
  const double day_rest_nanos =
      kNanosPerDayD * days - kNanosPerDayD * static_cast<double>(days_whole);
  const double total_nanos = day_rest_nanos + nanos + kNanosPerSecondD * seconds;
  if (!SafeDoubleToLong(total_nanos / kNanosPerSecondD, &seconds_whole)) return Overflow();
  const double second_rest_nanos =
      total_nanos - kNanosPerSecondD * static_cast<double>(seconds_whole);
  if (!SafeDoubleToLong(second_rest_nanos, &nanos_whole)) return Overflow();
  return DurationFromWide(months_whole, days_whole, seconds_whole, nanos_whole);
}

}  // namespace smith::cypher
