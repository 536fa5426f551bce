// Arithmetic operators (operators.h): numeric semantics, null propagation, string and list
// concatenation, temporal arithmetic and the type errors.
#include <cmath>
#include <random>
#include <string>

#include "cypher/functions/operators.h"

#include <gtest/gtest.h>

#include "common/int128.h"
#include "test_macros.h"

namespace smith::cypher {
namespace {

using testing::Eval;

TEST(Operators, IntegerArithmeticStaysInteger) {
  EXPECT_EVAL("1 + 2", "3");
  EXPECT_EVAL("1 - 2", "-1");
  EXPECT_EVAL("6 * 7", "42");
  EXPECT_EVAL("7 / 2", "3");
  EXPECT_EVAL("-7 / 2", "-3");  // truncation toward zero
  EXPECT_EVAL("7 % 3", "1");
  EXPECT_EVAL("-7 % 3", "-1");  // the sign of the dividend
  EXPECT_EVAL("7 % -3", "1");
  EXPECT_EVAL("2 ^ 3", "8.0");  // power is always FLOAT
  EXPECT_EVAL("2 ^ -1", "0.5");
  EXPECT_EVAL("-2 ^ 2", "4.0");  // unary minus binds tighter than ^
}

TEST(Operators, MixingIntegersAndFloatsGivesFloats) {
  EXPECT_EVAL("1 + 1.5", "2.5");
  EXPECT_EVAL("1.5 - 1", "0.5");
  EXPECT_EVAL("3 * 0.5", "1.5");
  EXPECT_EVAL("7 / 2.0", "3.5");
  EXPECT_EVAL("7.5 % 2", "1.5");
  EXPECT_EVAL("-7.5 % 2", "-1.5");
  EXPECT_EVAL("1.0 + 2.0", "3.0");
}

TEST(Operators, IntegerOverflowIsAnArithmeticError) {
  EXPECT_EVAL("9223372036854775806 + 1", "9223372036854775807");
  EXPECT_EVAL_ERROR_MESSAGE("9223372036854775807 + 1", StatusCode::kArithmeticError,
                            "long overflow");
  EXPECT_EVAL_ERROR("-9223372036854775808 - 1", StatusCode::kArithmeticError);
  EXPECT_EVAL_ERROR("4611686018427387904 * 2", StatusCode::kArithmeticError);
  EXPECT_EVAL_ERROR("-9223372036854775808 / -1", StatusCode::kArithmeticError);
  EXPECT_EVAL_ERROR("-(-9223372036854775808)", StatusCode::kArithmeticError);
  EXPECT_EVAL("-9223372036854775808 % -1", "0");
  EXPECT_EVAL("9223372036854775807 + 1.0", "9.223372036854776E18");
}

TEST(Operators, IntegerDivisionByZeroIsAnErrorFloatDivisionIsIeee) {
  EXPECT_EVAL_ERROR_MESSAGE("1 / 0", StatusCode::kArithmeticError, "/ by zero");
  EXPECT_EVAL_ERROR_MESSAGE("1 % 0", StatusCode::kArithmeticError, "/ by zero");
  EXPECT_EVAL("1.0 / 0", "Infinity");
  EXPECT_EVAL("-1 / 0.0", "-Infinity");
  EXPECT_EVAL("0.0 / 0", "NaN");
  EXPECT_EVAL("1.5 % 0", "NaN");
}

TEST(Operators, NullPropagates) {
  for (const char* expr : {"null + 1", "1 + null", "null - 1", "null * 2", "2 / null", "null % 2",
                           "null ^ 2", "-null", "null + 'a'", "[1] + null", "null + [1]",
                           "date('2015-07-21') + null", "null * duration('P1D')", "null + null"}) {
    EXPECT_EVAL(expr, "null");
  }
}

TEST(Operators, StringConcatenation) {
  EXPECT_EVAL("'a' + 'b'", "'ab'");
  EXPECT_EVAL("'a' + 1", "'a1'");
  EXPECT_EVAL("1 + 'a'", "'1a'");
  EXPECT_EVAL("'a' + 1.0", "'a1.0'");
  EXPECT_EVAL("'a' + 1.5e20", "'a1.5E20'");
  EXPECT_EVAL("'a' + true", "'atrue'");
  EXPECT_EVAL("false + 'a'", "'falsea'");
  EXPECT_EVAL("'on ' + date('2015-07-21')", "'on 2015-07-21'");
  EXPECT_EVAL("'took ' + duration('PT1H')", "'took PT1H'");
  EXPECT_EVAL_ERROR_MESSAGE("'a' + {k: 1}", StatusCode::kTypeError,
                            "Cannot add `STRING` and `MAP`");
}

TEST(Operators, ListConcatenation) {
  EXPECT_EVAL("[1, 2] + [3]", "[1, 2, 3]");
  EXPECT_EVAL("[1] + 2", "[1, 2]");
  EXPECT_EVAL("0 + [1]", "[0, 1]");
  EXPECT_EVAL("[1] + [[2]]", "[1, [2]]");
  EXPECT_EVAL("'a' + ['b']", "['a', 'b']");
  EXPECT_EVAL("[] + []", "[]");
}

TEST(Operators, TypeErrorsNameBothTypes) {
  EXPECT_EVAL_ERROR_MESSAGE("true + 1", StatusCode::kTypeError,
                            "Cannot add `BOOLEAN` and `INTEGER`");
  EXPECT_EVAL_ERROR_MESSAGE("'a' - 1", StatusCode::kTypeError,
                            "Cannot subtract `INTEGER` from `STRING`");
  EXPECT_EVAL_ERROR_MESSAGE("'a' * 2", StatusCode::kTypeError,
                            "Cannot multiply `STRING` and `INTEGER`");
  EXPECT_EVAL_ERROR_MESSAGE("{} / 2", StatusCode::kTypeError, "Cannot divide `MAP` by `INTEGER`");
  EXPECT_EVAL_ERROR("1 % 'a'", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("2 ^ '2'", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR_MESSAGE("-'a'", StatusCode::kTypeError, "Cannot negate `STRING`");
  EXPECT_EVAL_ERROR("+true", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("date('2015-07-21') - date('2015-07-20')", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("duration('P1D') - date('2015-07-20')", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("duration('P1D') * duration('P1D')", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("2 / duration('P1D')", StatusCode::kTypeError);
  EXPECT_EVAL_ERROR("date('2015-07-21') + 1", StatusCode::kTypeError);
}

TEST(Operators, UnaryOperators) {
  EXPECT_EVAL("-(3)", "-3");
  EXPECT_EVAL("-(1.5)", "-1.5");
  EXPECT_EVAL("+(1.5)", "1.5");
  EXPECT_EVAL("-duration('P1DT2H')", "'P-1DT-2H'");
  EXPECT_EVAL("+duration('P1D')", "'P1D'");
}

TEST(Operators, TemporalPlusDuration) {
  EXPECT_EVAL("date('2015-01-31') + duration('P1M')", "'2015-02-28'");  // day clamped
  EXPECT_EVAL("duration('P1M') + date('2016-01-31')", "'2016-02-29'");
  EXPECT_EVAL("date('2015-07-21') - duration('P1Y2M3D')", "'2014-05-18'");
  // A date moves by the whole days of the seconds part only.
  EXPECT_EVAL("date('2015-07-21') + duration('PT47H59M')", "'2015-07-22'");
  EXPECT_EVAL("date('2015-07-21') + duration('PT-0.5S')", "'2015-07-21'");
  EXPECT_EVAL("localtime('23:00') + duration('PT2H')", "'01:00'");
  EXPECT_EVAL("localtime('01:00') - duration('P3DT2H')", "'23:00'");
  EXPECT_EVAL("time('23:00+05:00') + duration('PT2H30M')", "'01:30+05:00'");
  EXPECT_EVAL("localdatetime('2015-12-31T23:59:59.5') + duration('PT0.5S')", "'2016-01-01T00:00'");
  EXPECT_EVAL("datetime('2015-07-21T21:40:32.142+01:00') + duration('PT1.858S')",
              "'2015-07-21T21:40:34+01:00'");
  EXPECT_EVAL_ERROR("date('+999999999-12-31') + duration('P1D')", StatusCode::kArgumentError);
}

TEST(Operators, DateTimeArithmeticAcrossDaylightSavingTime) {
  // Europe/Stockholm moved from +01:00 to +02:00 at 2017-03-26T02:00 local time.
  // Days move the wall clock; hours move the instant.
  EXPECT_EVAL("datetime('2017-03-25T12:00[Europe/Stockholm]') + duration('P1D')",
              "'2017-03-26T12:00+02:00[Europe/Stockholm]'");
  EXPECT_EVAL("datetime('2017-03-25T12:00[Europe/Stockholm]') + duration('PT24H')",
              "'2017-03-26T13:00+02:00[Europe/Stockholm]'");
  // A wall-clock time in the gap moves forward by the gap's length.
  EXPECT_EVAL("datetime('2017-03-25T02:30[Europe/Stockholm]') + duration('P1D')",
              "'2017-03-26T03:30+02:00[Europe/Stockholm]'");
}

TEST(Operators, DurationArithmetic) {
  EXPECT_EVAL("duration('P1M2DT3H') + duration('P1MT1H')", "'P2M2DT4H'");
  EXPECT_EVAL("duration('PT0.5S') - duration('PT1S')", "'PT-0.5S'");
  EXPECT_EVAL("duration('P1DT1H') * 3", "'P3DT3H'");
  EXPECT_EVAL("2 * duration('PT0.75S')", "'PT1.5S'");
  EXPECT_EVAL("duration('P1D') * 0.5", "'PT12H'");
  EXPECT_EVAL("duration('P1M') / 2", "'P15DT5H14M33S'");  // half an average month
  EXPECT_EVAL_ERROR_MESSAGE("duration('P1D') / 0", StatusCode::kArithmeticError, "/ by zero");
  EXPECT_EVAL_ERROR("duration({days: 9223372036854775807}) + duration('P1D')",
                    StatusCode::kArithmeticError);
  EXPECT_EVAL_ERROR("duration({months: 4611686018427387904}) * 2", StatusCode::kArithmeticError);
}

TEST(Operators, DirectCallsMatchTheEvaluator) {
  // The functions are callable without the evaluator, as the executor does.
  Result<Value> r = Add(Value::Int(2), Value::Float(0.5));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, Value::Float(2.5));
  r = Power(Value::Int(2), Value::Float(0.5));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->AsFloat(), std::sqrt(2.0));
  r = Modulo(Value::Float(-0.0), Value::Int(3));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(std::signbit(r->AsFloat()));
}

TEST(Operators, RandomIntegerArithmeticMatchesA128BitReference) {
  const uint64_t seed = 20240517;
  SCOPED_TRACE("random seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  // Mix tiny, mid-sized and extreme operands so that every overflow path is taken.
  auto operand = [&]() -> int64_t {
    switch (rng() % 4) {
      case 0:
        return static_cast<int64_t>(rng() % 21) - 10;
      case 1:
        return static_cast<int64_t>(rng() % 2000001) - 1000000;
      case 2:
        return static_cast<int64_t>(rng() >> (rng() % 64));
      default:
        return rng() % 2 ? INT64_MAX - static_cast<int64_t>(rng() % 3)
                         : INT64_MIN + static_cast<int64_t>(rng() % 3);
    }
  };
  auto check = [](const Result<Value>& r, bool defined, int128 expected, const char* op, int64_t a,
                  int64_t b) {
    const bool fits = defined && expected >= INT64_MIN && expected <= INT64_MAX;
    if (fits) {
      ASSERT_TRUE(r.ok()) << a << " " << op << " " << b << ": " << r.status().ToString();
      ASSERT_EQ(r->AsInt(), static_cast<int64_t>(expected)) << a << " " << op << " " << b;
    } else {
      ASSERT_FALSE(r.ok()) << a << " " << op << " " << b;
      ASSERT_EQ(r.status().code(), StatusCode::kArithmeticError);
    }
  };
  for (int i = 0; i < 20000; ++i) {
    const int64_t a = operand(), b = operand();
    const Value va = Value::Int(a), vb = Value::Int(b);
    check(Add(va, vb), true, int128{a} + b, "+", a, b);
    check(Subtract(va, vb), true, int128{a} - b, "-", a, b);
    check(Multiply(va, vb), true, int128{a} * b, "*", a, b);
    check(Divide(va, vb), b != 0, b != 0 ? int128{a} / b : 0, "/", a, b);
    check(Modulo(va, vb), b != 0, b != 0 ? int128{a} % b : 0, "%", a, b);
  }
}

}  // namespace
}  // namespace smith::cypher
