// Temporal instant +/- duration (see temporal_arithmetic.h).
#include "cypher/functions/temporal_arithmetic.h"

#include "common/int128.h"
#include "cypher/functions/function_util.h"
#include "cypher/functions/temporal_util.h"

namespace smith::cypher {
namespace {

// Months then days on a local date (java.time: plusMonths clamps the day of month).
Status ShiftDate(int64_t* epoch_day, int64_t months, int64_t days) {
  if (months != 0 && !internal::PlusMonths(*epoch_day, months, epoch_day)) {
    return internal::TemporalRangeError("The date");
  }
  if (days != 0) {
    if (__builtin_add_overflow(*epoch_day, days, epoch_day) ||
        !internal::EpochDayInRange(*epoch_day)) {
      return internal::TemporalRangeError("The date");
    }
  }
  return Status::OK();
}

int64_t WrapTimeOfDay(int64_t nanos_of_day, int64_t seconds, int64_t nanos) {
  const int128 shifted =
      int128{nanos_of_day} + int128{seconds % kSecondsPerDay} * kNanosPerSecond + nanos;
  return static_cast<int64_t>(((shifted % kNanosPerDay) + kNanosPerDay) % kNanosPerDay);
}

}  // namespace

Result<Value> AddDurationToTemporal(const Value& temporal, const Duration& d, bool subtract) {
  DurationFields f = ToNeo4jFields(d);
  if (subtract) {
    // Every component fits when negated except INT64_MIN, which no valid duration reaches
    // through Duration::Make's normalisation on the months and days paths.
    if (f.months == INT64_MIN || f.days == INT64_MIN || f.seconds == INT64_MIN) {
      return internal::ArithmeticError("long overflow");
    }
    f = DurationFields{-f.months, -f.days, -f.seconds, -f.nanos};
  }
  switch (temporal.type()) {
    case ValueType::kDate: {
      int64_t day = temporal.AsDate().days;
      // A date moves by the whole days of the seconds part (truncated toward zero).
      SMITH_RETURN_IF_ERROR(ShiftDate(&day, f.months, f.days + f.seconds / kSecondsPerDay));
      return internal::MakeDate(day);
    }
    case ValueType::kLocalTime:
      return internal::MakeLocalTime(
          WrapTimeOfDay(temporal.AsLocalTime().nanos, f.seconds, f.nanos));
    case ValueType::kTime: {
      const Time t = temporal.AsTime();
      return internal::MakeTime(WrapTimeOfDay(t.nanos, f.seconds, f.nanos), t.offset_seconds);
    }
    case ValueType::kLocalDateTime: {
      const LocalDateTime ldt = temporal.AsLocalDateTime();
      int64_t day = ldt.date().days;
      SMITH_RETURN_IF_ERROR(ShiftDate(&day, f.months, f.days));
      const int128 total = int128{day} * kNanosPerDay + ldt.time().nanos +
                           int128{f.seconds} * kNanosPerSecond + f.nanos;
      const int128 days_total = (total >= 0 ? total : total - (kNanosPerDay - 1)) / kNanosPerDay;
      if (days_total > INT64_MAX || days_total < INT64_MIN) {
        return internal::TemporalRangeError("The local date time");
      }
      return internal::MakeLocalDateTime(static_cast<int64_t>(days_total),
                                         static_cast<int64_t>(total - days_total * kNanosPerDay));
    }
    case ValueType::kDateTime: {
      DateTime dt = temporal.AsDateTime();
      const ZoneSpec zone{dt.offset_seconds, dt.zone};
      // Months and days move the wall-clock date, re-resolving the offset each time.
      for (int step = 0; step < 2; ++step) {
        const int64_t months = step == 0 ? f.months : 0;
        const int64_t days = step == 0 ? 0 : f.days;
        if (months == 0 && days == 0) continue;
        const LocalDateTime local = dt.local();
        int64_t day = local.date().days;
        SMITH_RETURN_IF_ERROR(ShiftDate(&day, months, days));
        SMITH_ASSIGN_OR_RETURN(
            dt, internal::ResolveDateTime(day, local.time().nanos,
                                          ZoneSpec{dt.offset_seconds, dt.zone}, dt.offset_seconds));
      }
      // Seconds and nanoseconds move the instant.
      const int128 instant = int128{dt.seconds} * kNanosPerSecond + dt.nanos +
                             int128{f.seconds} * kNanosPerSecond + f.nanos;
      const int128 secs =
          (instant >= 0 ? instant : instant - (kNanosPerSecond - 1)) / kNanosPerSecond;
      if (secs > INT64_MAX / 2 || secs < INT64_MIN / 2) {
        return internal::TemporalRangeError("The date time");
      }
      SMITH_ASSIGN_OR_RETURN(
          DateTime result,
          internal::DateTimeAtInstant(
              static_cast<int64_t>(secs), static_cast<int32_t>(instant - secs * kNanosPerSecond),
              zone.zone == kNoTimeZone ? ZoneSpec{dt.offset_seconds, kNoTimeZone} : zone));
      return Value(result);
    }
    default:
      return internal::TypeError("Cannot add a duration to " +
                                 std::string(internal::TypeName(temporal)));
  }
}

}  // namespace smith::cypher
