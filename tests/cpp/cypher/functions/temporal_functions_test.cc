// Temporal functions beyond the TCK tables: clocks, error handling, null handling, daylight
// saving time, durations from maps, accessors of negative durations.
#include <cmath>
#include <random>
#include <string>

#include "cypher/functions/temporal_arithmetic.h"
#include "cypher/functions/temporal_property.h"

#include <gtest/gtest.h>

#include "test_macros.h"

namespace smith::cypher {
namespace {

using testing::Eval;
using testing::FixedContext;
using testing::Outcome;

TEST(TemporalClock, NoArgumentFormsReadTheStatementClockInTheDefaultZone) {
  // FixedContext: 2024-05-17T10:30:15.123456789Z.
  EXPECT_EVAL("date()", "'2024-05-17'");
  EXPECT_EVAL("localtime()", "'10:30:15.123456789'");
  EXPECT_EVAL("time()", "'10:30:15.123456789Z'");
  EXPECT_EVAL("localdatetime()", "'2024-05-17T10:30:15.123456789'");
  EXPECT_EVAL("datetime()", "'2024-05-17T10:30:15.123456789Z'");
  EXPECT_EVAL("datetime({})", "'2024-05-17T10:30:15.123456789Z'");
  EXPECT_EVAL("datetime({timezone: 'Asia/Tokyo'})",
              "'2024-05-17T19:30:15.123456789+09:00[Asia/Tokyo]'");
  EXPECT_EVAL("date({timezone: 'Pacific/Kiritimati'})", "'2024-05-18'");
  EXPECT_EVAL("time({timezone: '-05:00'})", "'05:30:15.123456789-05:00'");
  EXPECT_EVAL("datetime.statement('+01:00')", "'2024-05-17T11:30:15.123456789+01:00'");
  EXPECT_EVAL("localtime.transaction({timezone: 'Europe/Stockholm'})", "'12:30:15.123456789'");
}

TEST(TemporalClock, ClocksAreIndependent) {
  const FunctionContext::TimePoint statement{std::chrono::seconds(1000)};
  const FunctionContext::TimePoint transaction{std::chrono::seconds(500)};
  FunctionContext ctx(statement, transaction, 1);
  ctx.realtime_clock = [] { return FunctionContext::TimePoint{std::chrono::seconds(2000)}; };
  EXPECT_EQ(Outcome(Eval("datetime.statement().epochSeconds", ctx)), "OK: 1000");
  EXPECT_EQ(Outcome(Eval("datetime.transaction().epochSeconds", ctx)), "OK: 500");
  EXPECT_EQ(Outcome(Eval("datetime.realtime().epochSeconds", ctx)), "OK: 2000");
  EXPECT_EQ(Outcome(Eval("localdatetime.realtime('Z')", ctx)), "OK: '1970-01-01T00:33:20'");
  ctx.default_zone = ZoneSpec{3600, kNoTimeZone};
  EXPECT_EQ(Outcome(Eval("datetime()", ctx)), "OK: '1970-01-01T01:16:40+01:00'");
  EXPECT_EQ(Outcome(Eval("datetime({year: 2015})", ctx)), "OK: '2015-01-01T00:00+01:00'");
}

TEST(TemporalConstruct, NullArgumentsGiveNull) {
  for (const char* expr :
       {"date(null)", "localtime(null)", "time(null)", "localdatetime(null)", "datetime(null)",
        "duration(null)", "date({date: null})", "date.truncate('day', null)",
        "datetime.fromepoch(null, 0)", "datetime.fromepochmillis(null)",
        "duration.between(null, date())", "date.statement(null)"}) {
    EXPECT_EVAL(expr, "null");
  }
}

TEST(TemporalConstruct, MapErrors) {
  EXPECT_EVAL_ERROR("date({month: 1})", StatusCode::kArgumentError);  // year required
  EXPECT_EVAL_ERROR("date({year: 1984, day: 3})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1984, dayOfWeek: 3})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1984, month: 1, week: 3})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1984, month: 13})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1984, month: 2, day: 30})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1985, week: 53})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1985, ordinalDay: 366})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1000000000})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1984, hour: 1})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: 1984, colour: 'red'})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({year: '1984'})", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("localtime({minute: 3})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localtime({hour: 1, second: 3})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localtime({hour: 24})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localtime({hour: 1, minute: 2, second: 3, millisecond: 1, microsecond: 1000})",
                    StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localtime({hour: 1, timezone: '+01:00'})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("time({hour: 1, timezone: 'Mars/Olympus'})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date({date: localtime('12:00')})", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("localtime({time: date('2015-07-21')})", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("datetime({datetime: datetime(), date: date()})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("datetime({epochSeconds: 1, year: 1970})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date(1)", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("localtime(date('2015-07-21'))", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("datetime(localtime('12:00'))", StatusCode::kTypeError);
}

TEST(TemporalConstruct, StringErrorsAreArgumentErrors) {
  EXPECT_EVAL_ERROR("date('2015-13-01')", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date('yesterday')", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localtime('25:00')", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("datetime('2015-07-21T21:40[Nowhere/Special]')", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("duration('P1Q')", StatusCode::kArgumentError);
}

TEST(TemporalConstruct, ConversionsBetweenTypes) {
  EXPECT_EVAL("localdatetime(date('2015-07-21'))", "'2015-07-21T00:00'");
  EXPECT_EVAL("datetime(date('2015-07-21'))", "'2015-07-21T00:00Z'");
  EXPECT_EVAL("date(datetime('2015-07-21T23:30-05:00'))", "'2015-07-21'");
  EXPECT_EVAL("localtime(time('23:30-05:00'))", "'23:30'");
  EXPECT_EVAL("time(localdatetime('2015-07-21T23:30'))", "'23:30Z'");
}

TEST(TemporalConstruct, EpochForms) {
  EXPECT_EVAL("datetime({epochSeconds: 1, nanosecond: 5})", "'1970-01-01T00:00:01.000000005Z'");
  EXPECT_EVAL("datetime({epochMillis: -1})", "'1969-12-31T23:59:59.999Z'");
  EXPECT_EVAL("datetime({epochSeconds: 0, timezone: 'Asia/Kolkata'})",
              "'1970-01-01T05:30+05:30[Asia/Kolkata]'");
  EXPECT_EVAL("datetime.fromepoch(-1, 500000000)", "'1969-12-31T23:59:59.500Z'");
  EXPECT_EVAL("datetime.fromepoch(0, -1)", "'1969-12-31T23:59:59.999999999Z'");
  EXPECT_EVAL("datetime.fromepochmillis(-1001)", "'1969-12-31T23:59:58.999Z'");
  EXPECT_EVAL_ERROR("datetime.fromepochmillis('1')", StatusCode::kTypeError);
}

TEST(TemporalConstruct, NamedZonesAcrossDaylightSavingTime) {
  // 2017-03-26T02:30 does not exist in Stockholm: moved forward by the gap.
  EXPECT_EVAL(
      "datetime({year: 2017, month: 3, day: 26, hour: 2, minute: 30, "
      "timezone: 'Europe/Stockholm'})",
      "'2017-03-26T03:30+02:00[Europe/Stockholm]'");
  // 2017-10-29T02:30 exists twice: the earlier offset is taken.
  EXPECT_EVAL(
      "datetime({year: 2017, month: 10, day: 29, hour: 2, minute: 30, "
      "timezone: 'Europe/Stockholm'})",
      "'2017-10-29T02:30+02:00[Europe/Stockholm]'");
  EXPECT_EVAL(
      "datetime({datetime: datetime('2017-10-29T02:30+01:00[Europe/Stockholm]'), "
      "second: 1})",
      "'2017-10-29T02:30:01+01:00[Europe/Stockholm]'");
}

TEST(TemporalConstruct, SubSecondOverridesOfABase) {
  EXPECT_EVAL("localtime({time: localtime('12:00:00.123456789'), millisecond: 5})",
              "'12:00:00.005'");
  EXPECT_EVAL("localtime({time: localtime('12:00:00.123456789'), microsecond: 5})",
              "'12:00:00.123005'");
  EXPECT_EVAL("localtime({time: localtime('12:00:00.123456789'), nanosecond: 5})",
              "'12:00:00.123456005'");
  EXPECT_EVAL("localtime({time: localtime('12:00:00.123456789'), nanosecond: 5000})",
              "'12:00:00.000005'");
}

TEST(TemporalTruncate, Errors) {
  EXPECT_EVAL_ERROR("date.truncate('hour', datetime())", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localtime.truncate('month', localtime())", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date.truncate('fortnight', date())", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date.truncate('day', localtime())", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("datetime.truncate('year', localtime())", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("date.truncate('day', 42)", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("date.truncate(1, date())", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("date.truncate('day', date(), 'x')", StatusCode::kTypeError);
}

TEST(TemporalTruncate, NegativeYearsAndCaseInsensitiveUnits) {
  EXPECT_EVAL("date.truncate('millennium', date('-0005-03-01'))", "'-1000-01-01'");
  EXPECT_EVAL("date.truncate('DECADE', date('-0005-03-01'))", "'-0010-01-01'");
  EXPECT_EVAL("date.truncate('weekyear', date('2021-01-01'))", "'2019-12-30'");
  EXPECT_EVAL("localtime.truncate('day', localtime('12:00'))", "'00:00'");
}

TEST(TemporalTruncate, RandomInstantsTruncateIdempotentlyAndNeverUpward) {
  const uint64_t seed = 1984;
  SCOPED_TRACE("random seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const char* units[] = {"millennium", "century", "decade",      "year",       "weekYear",
                         "quarter",    "month",   "week",        "day",        "hour",
                         "minute",     "second",  "millisecond", "microsecond"};
  FunctionContext ctx = FixedContext();
  for (int i = 0; i < 2000; ++i) {
    // Instants between the years -3000 and 5000 with random nanoseconds, in a named zone.
    const int64_t seconds =
        static_cast<int64_t>(rng() % (8000ULL * 366 * 86400)) - 5000LL * 366 * 86400;
    const int64_t nanos = static_cast<int64_t>(rng() % 1'000'000'000);
    const std::vector<std::pair<std::string, Value>> vars = {{"epoch", Value::Int(seconds)},
                                                             {"nanos", Value::Int(nanos)}};
    const std::string unit = units[rng() % std::size(units)];
    const std::string base =
        "datetime({epochSeconds: epoch, nanosecond: nanos, timezone: 'America/New_York'})";
    const std::string once = "localdatetime.truncate('" + unit + "', " + base + ")";
    const std::string twice = "localdatetime.truncate('" + unit + "', " + once + ")";
    Result<Value> a = Eval(once, ctx, vars);
    Result<Value> b = Eval(twice, ctx, vars);
    Result<Value> not_later = Eval(once + " <= localdatetime(" + base + ")", ctx, vars);
    ASSERT_TRUE(a.ok()) << once << " epoch=" << seconds << ": " << a.status().ToString();
    ASSERT_TRUE(b.ok()) << twice << ": " << b.status().ToString();
    ASSERT_EQ(Outcome(a), Outcome(b)) << unit << " epoch=" << seconds;
    ASSERT_EQ(Outcome(not_later), "OK: true") << unit << " epoch=" << seconds;
  }
}

TEST(Durations, FromMaps) {
  EXPECT_EVAL("duration({})", "'PT0S'");
  EXPECT_EVAL("duration({weeks: 1, days: -1})", "'P6D'");
  EXPECT_EVAL("duration({seconds: -1, nanoseconds: 1})", "'PT-0.999999999S'");
  EXPECT_EVAL("duration({milliseconds: 1500})", "'PT1.5S'");
  EXPECT_EVAL("duration({Hours: 2})", "'PT2H'");
  EXPECT_EVAL("duration(duration('P1D'))", "'P1D'");
  EXPECT_EVAL_ERROR("duration({fortnights: 1})", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("duration({days: '1'})", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("duration(1)", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("duration({years: 1e30})", StatusCode::kArithmeticError);
}

TEST(Durations, AccessorsUseNeo4jNormalisation) {
  // -0.1 s is seconds -1 plus 900000000 ns in Neo4j's representation.
  EXPECT_EVAL("duration('PT-0.1S').seconds", "-1");
  EXPECT_EVAL("duration('PT-0.1S').nanosecondsOfSecond", "900000000");
  EXPECT_EVAL("duration('PT-0.1S').milliseconds", "-100");
  EXPECT_EVAL("duration('PT-61M').minutesOfHour", "-1");
  EXPECT_EVAL("duration('P-14M').monthsOfYear", "-2");
  EXPECT_EVAL("duration('P-14M').years", "-1");
  EXPECT_EVAL("duration('P10D').WEEKS", "1");
  const std::string huge =
      "duration.inSeconds(localdatetime('-999999999-01-01'), "
      "localdatetime('+999999999-12-31T23:59:59'))";
  EXPECT_EVAL(huge + ".seconds", "63113903968377599");
  EXPECT_EVAL_ERROR(huge + ".milliseconds", StatusCode::kArithmeticError);
  EXPECT_EVAL_ERROR(huge + ".nanoseconds", StatusCode::kArithmeticError);
  EXPECT_EVAL_ERROR("datetime('+999999999-12-31T23:59:59Z').epochMillis",
                    StatusCode::kArithmeticError);
}

TEST(TemporalProperties, ErrorsAndNull) {
  Result<Value> r = TemporalProperty(Value(), "year");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->is_null());
  r = TemporalProperty(Value::Int(1), "year");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("date('2015-07-21').hour", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localtime('12:00').timezone", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("localdatetime('2015-07-21T12:00').epochSeconds", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("duration('P1D').year", StatusCode::kArgumentError);
  EXPECT_EVAL("datetime('2015-07-21T12:00Z').timezone", "'Z'");
  EXPECT_EVAL("datetime('2015-07-21T12:00-05:30').offsetMinutes", "-330");
  EXPECT_EVAL("datetime('1969-12-31T23:59:59.999Z').epochMillis", "-1");
  EXPECT_EVAL("date('2015-07-21').DayOfWeek", "2");
  EXPECT_EVAL("date('2015-07-21').quarterDay", "21");
}

TEST(Durations, Between) {
  EXPECT_EVAL("duration.between(date('2015-01-31'), date('2015-03-01'))", "'P1M1D'");
  EXPECT_EVAL("duration.between(date('2015-03-01'), date('2015-01-31'))", "'P-1M-1D'");
  EXPECT_EVAL("duration.inDays(datetime('2015-01-01T23:00Z'), datetime('2015-01-02T22:00Z'))",
              "'PT0S'");
  EXPECT_EVAL_ERROR("duration.between(date(), 1)", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("duration.between(duration('P1D'), date())", StatusCode::kTypeError);
}

TEST(TemporalArithmetic, Neo4jFieldsFloorTheSeconds) {
  const DurationFields f = ToNeo4jFields(Duration{1, 2, -3, -250'000'000});
  EXPECT_EQ(f.months, 1);
  EXPECT_EQ(f.days, 2);
  EXPECT_EQ(f.seconds, -4);
  EXPECT_EQ(f.nanos, 750'000'000);
  Result<Duration> d = ApproximateDuration(0.75, 0, 0, 0);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "P22DT19H51M49.5S");
  EXPECT_FALSE(ApproximateDuration(std::nan(""), 0, 0, 0).ok());
}

}  // namespace
}  // namespace smith::cypher
