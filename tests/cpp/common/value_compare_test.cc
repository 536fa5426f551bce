#include "common/value_compare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "random_value.h"

namespace smith {
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

Value I(int64_t i) { return Value::Int(i); }
Value F(double d) { return Value::Float(d); }
Value S(std::string_view s) { return Value::String(s); }
Value B(bool b) { return Value::Bool(b); }
Value N() { return Value(); }
Value L(std::vector<Value> items) { return Value::List(std::move(items)); }
Value M(std::initializer_list<ValueMap::Entry> entries) { return Value::Map(ValueMap(entries)); }

constexpr Ternary T = Ternary::kTrue;
constexpr Ternary Fa = Ternary::kFalse;
constexpr Ternary Nu = Ternary::kNull;

std::string Str(Ternary t) { return t == T ? "true" : t == Fa ? "false" : "null"; }

struct EqCase {
  Value a, b;
  Ternary expected;
};

TEST(EqualsTest, Table) {
  const EqCase cases[] = {
      {N(), N(), Nu},
      {N(), I(1), Nu},
      {I(1), N(), Nu},
      {I(1), I(1), T},
      {I(1), F(1.0), T},
      {F(1.0), I(1), T},
      {F(0.5), I(0), Fa},
      {F(0.0), F(-0.0), T},
      {F(kNaN), F(kNaN), Fa},
      {F(kNaN), I(1), Fa},
      {F(kNaN), S("a"), Fa},
      {F(kInf), F(kInf), T},
      {S("1"), I(1), Fa},
      {S("1.0"), F(1.0), Fa},
      {S("a"), S("a"), T},
      {S("a"), S("b"), Fa},
      {B(true), B(true), T},
      {B(true), I(1), Fa},
      {Value::Bytes("a"), S("a"), Fa},
      // Large integers: 2^62 + 1 is not a double; 2^53 + 1 is not equal to 2^53 as a double.
      {I(4611686018427387905), I(4611686018427387905), T},
      {I(4611686018427387905), I(4611686018427387900), Fa},
      {I(4611686018427387905), F(4611686018427387904.0), Fa},
      {I(4611686018427387904), F(4611686018427387904.0), T},
      {I((int64_t{1} << 53) + 1), F(9007199254740992.0), Fa},
      {I(INT64_MAX), F(9223372036854775808.0), Fa},
      {I(INT64_MIN), F(-9223372036854775808.0), T},
      // Lists (TCK Comparison1 [6]).
      {L({I(1), I(2)}), L({I(1)}), Fa},
      {L({N()}), L({I(1)}), Nu},
      {L({S("a")}), L({I(1)}), Fa},
      {L({L({I(1)})}), L({L({I(1)}), L({N()})}), Fa},
      {L({L({I(1)}), L({I(2)})}), L({L({I(1)}), L({N()})}), Nu},
      {L({L({I(1)}), L({I(2), I(3)})}), L({L({I(1)}), L({N()})}), Fa},
      {L({I(1), F(2.0)}), L({F(1.0), I(2)}), T},
      {L({}), L({}), T},
      {L({F(kNaN)}), L({F(kNaN)}), Fa},
      // Maps (TCK Comparison1 [7]).
      {M({}), M({}), T},
      {M({{"k", B(true)}}), M({{"k", B(true)}}), T},
      {M({{"k", F(1.0)}}), M({{"k", I(1)}}), T},
      {M({{"k", S("a")}, {"l", I(2)}}), M({{"k", S("a")}, {"l", I(2)}}), T},
      {M({}), M({{"k", N()}}), Fa},
      {M({{"k", N()}}), M({}), Fa},
      {M({{"k", I(1)}}), M({{"k", I(1)}, {"l", N()}}), Fa},
      {M({{"k", N()}, {"l", I(1)}}), M({{"l", I(1)}}), Fa},
      {M({{"k", N()}}), M({{"k", N()}, {"l", N()}}), Fa},
      {M({{"k", N()}}), M({{"k", N()}}), Nu},
      {M({{"k", I(1)}}), M({{"k", N()}}), Nu},
      {M({{"k", I(1)}, {"l", N()}}), M({{"k", N()}, {"l", N()}}), Nu},
      {M({{"k", I(1)}, {"l", N()}}), M({{"k", N()}, {"l", I(1)}}), Nu},
      {M({{"k", I(1)}, {"l", N()}}), M({{"k", I(1)}, {"l", I(1)}}), Nu},
      {M({{"k", I(1)}, {"l", I(2)}}), M({{"k", N()}, {"l", I(1)}}), Fa},
      // Temporal values.
      {Value(Date{1}), Value(Date{1}), T},
      {Value(Date{1}), Value(LocalDateTime{86400, 0}), Fa},
      {Value(Time{3600LL * kNanosPerSecond, 3600}), Value(Time{0, 0}), Fa},
      {Value(Duration{0, 1, 0, 0}), Value(Duration{0, 0, 86400, 0}), Fa},
      {Value(Duration{1, 1, 1, 1}), Value(Duration{1, 1, 1, 1}), T},
      // Graph values compare by id.
      {Value(Node{1, {"A"}, {}}), Value(Node{1, {}, {}}), T},
      {Value(Node{1, {}, {}}), Value(Node{2, {}, {}}), Fa},
      {Value(Relationship{1, "T", 1, 2, {}}), Value(Node{1, {}, {}}), Fa},
  };
  for (const EqCase& c : cases) {
    EXPECT_EQ(Str(Equals(c.a, c.b)), Str(c.expected)) << c.a.ToString() << " = " << c.b.ToString();
    EXPECT_EQ(Str(Equals(c.b, c.a)), Str(c.expected)) << c.b.ToString() << " = " << c.a.ToString();
  }
}

TEST(EqualsTest, DateTimesNeedSameInstantOffsetAndZone) {
  Result<DateTime> a = DateTime::Parse("2015-07-21T21:40:32+02:00");
  Result<DateTime> b = DateTime::Parse("2015-07-21T19:40:32Z");
  Result<DateTime> c = DateTime::Parse("2015-07-21T21:40:32+02:00[Europe/Stockholm]");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->seconds, b->seconds);
  EXPECT_EQ(Equals(Value(*a), Value(*b)), Fa);
  EXPECT_EQ(Equals(Value(*a), Value(*c)), Fa);
  EXPECT_EQ(Equals(Value(*c), Value(*DateTime::Parse(c->ToString()))), T);
  // Same instant: ordered by offset, then fixed offsets before named zones.
  EXPECT_LT(Order(Value(*b), Value(*a)), 0);
  EXPECT_LT(Order(Value(*a), Value(*c)), 0);
}

struct CmpCase {
  Value a, b;
  Ternary lt, le, gt, ge;
};

TEST(CompareTest, Table) {
  const CmpCase cases[] = {
      {I(1), F(3.14), T, T, Fa, Fa},
      {I(1), F(1.0), Fa, T, Fa, T},
      {F(1.0), F(1.0), Fa, T, Fa, T},
      {I(-1), I(1), T, T, Fa, Fa},
      // NaN: every comparison false (TCK Comparison2 [5]), except against non-numbers: null.
      {F(kNaN), I(1), Fa, Fa, Fa, Fa},
      {F(kNaN), F(1.0), Fa, Fa, Fa, Fa},
      {F(kNaN), F(kNaN), Fa, Fa, Fa, Fa},
      {F(kNaN), S("a"), Nu, Nu, Nu, Nu},
      // Across types: null (TCK Comparison2 [3], [6]).
      {S("1.0"), F(1.0), Nu, Nu, Nu, Nu},
      {S("1"), I(1), Nu, Nu, Nu, Nu},
      {B(true), I(1), Nu, Nu, Nu, Nu},
      {N(), N(), Nu, Nu, Nu, Nu},
      {L({}), M({}), Nu, Nu, Nu, Nu},
      {M({}), M({}), Nu, Nu, Nu, Nu},
      {Value(Node{1, {}, {}}), Value(Node{2, {}, {}}), Nu, Nu, Nu, Nu},
      {Value(Duration{0, 1, 0, 0}), Value(Duration{0, 2, 0, 0}), Nu, Nu, Nu, Nu},
      {Value(Date{1}), Value(LocalDateTime{0, 0}), Nu, Nu, Nu, Nu},
      // Same types.
      {S("a"), S("b"), T, T, Fa, Fa},
      {S("B"), S("a"), T, T, Fa, Fa},
      {S("a"), S("ab"), T, T, Fa, Fa},
      {S("z"), S("\xC3\xA9"), T, T, Fa, Fa},                     // U+007A < U+00E9
      {S("\xEF\xBF\xBF"), S("\xF0\x90\x80\x80"), T, T, Fa, Fa},  // U+FFFF < U+10000
      {B(false), B(true), T, T, Fa, Fa},
      {Value(Date{1}), Value(Date{2}), T, T, Fa, Fa},
      {Value::Bytes("\x01"), Value::Bytes("\xFF"), T, T, Fa, Fa},
      // Large integers against floats, exactly.
      {I((int64_t{1} << 53) + 1), F(9007199254740992.0), Fa, Fa, T, T},
      {I(INT64_MAX), F(9223372036854775808.0), T, T, Fa, Fa},
      {I(INT64_MIN), F(-9223372036854775808.0), Fa, T, Fa, T},
      {I(INT64_MIN), F(-kInf), Fa, Fa, T, T},
      {I(3), F(2.9999999999999996), Fa, Fa, T, T},
      {I(-3), F(-2.9999999999999996), T, T, Fa, Fa},
      // Lists (TCK Comparison2 [4]).
      {L({I(1), I(0)}), L({I(1)}), Fa, Fa, T, T},
      {L({I(1), N()}), L({I(1)}), Fa, Fa, T, T},
      {L({I(1), I(2)}), L({I(1), N()}), Nu, Nu, Nu, Nu},
      {L({I(1), S("a")}), L({I(1), N()}), Nu, Nu, Nu, Nu},
      {L({I(1), I(2)}), L({I(3), N()}), T, T, Fa, Fa},
      {L({I(1), F(kNaN)}), L({I(1), I(2)}), Fa, Fa, Fa, Fa},
      {L({}), L({I(1)}), T, T, Fa, Fa},
  };
  for (const CmpCase& c : cases) {
    const std::string what = c.a.ToString() + " vs " + c.b.ToString();
    EXPECT_EQ(Str(LessThan(c.a, c.b)), Str(c.lt)) << what;
    EXPECT_EQ(Str(LessThanOrEqual(c.a, c.b)), Str(c.le)) << what;
    EXPECT_EQ(Str(GreaterThan(c.a, c.b)), Str(c.gt)) << what;
    EXPECT_EQ(Str(GreaterThanOrEqual(c.a, c.b)), Str(c.ge)) << what;
    // Swapping the operands mirrors the operators.
    EXPECT_EQ(Str(GreaterThan(c.b, c.a)), Str(c.lt)) << what;
    EXPECT_EQ(Str(LessThanOrEqual(c.b, c.a)), Str(c.ge)) << what;
  }
}

TEST(CompareTest, TimesCompareByInstantOfDay) {
  const Value noon_utc(Time{12 * 3600 * kNanosPerSecond, 0});
  const Value one_pm_plus_one(Time{13 * 3600 * kNanosPerSecond, 3600});  // same instant
  const Value noon_plus_one(Time{12 * 3600 * kNanosPerSecond, 3600});    // an hour earlier
  EXPECT_EQ(Compare(noon_plus_one, noon_utc), Comparison::kLess);
  EXPECT_EQ(Compare(noon_utc, one_pm_plus_one), Comparison::kLess);  // tie broken by offset
  EXPECT_EQ(Equals(noon_utc, one_pm_plus_one), Fa);
}

TEST(CompareTest, IntFloatExactAgainstLongDouble) {
  const uint64_t seed = 99;
  testing::RandomValueGenerator gen(seed, {});
  for (int i = 0; i < 50000; ++i) {
    const int64_t a = gen.Int();
    const double b = gen.Float();
    if (std::isnan(b)) continue;
    // x86-64 long double has a 64-bit mantissa: exact for every int64 and every double.
    const long double la = static_cast<long double>(a), lb = b;
    const int expected = la < lb ? -1 : (la > lb ? 1 : 0);
    ASSERT_EQ(CompareIntFloat(a, b), expected) << a << " vs " << b << " seed " << seed;
  }
}

TEST(OrderTest, TypesInOpenCypherOrder) {
  Result<TimeZoneId> zone = FindTimeZone("Europe/Stockholm");
  const Value ordered[] = {
      M({{"a", I(1)}}),
      Value(Node{1, {}, {}}),
      Value(Relationship{1, "T", 1, 1, {}}),
      L({I(1)}),
      Value::Bytes("x"),
      Value(Path{{Node{1, {}, {}}}, {}}),
      Value(*DateTime::FromInstantInZone(0, 0, *zone)),
      Value(LocalDateTime{0, 0}),
      Value(Date{0}),
      Value(Time{0, 0}),
      Value(LocalTime{0}),
      Value(Duration{0, 0, 0, 0}),
      S(""),
      B(false),
      B(true),
      F(-kInf),
      I(INT64_MIN),
      I(-1),
      F(-0.5),
      I(0),
      F(0.5),
      I(INT64_MAX),
      F(kInf),
      F(kNaN),
      N(),
  };
  for (size_t i = 0; i < std::size(ordered); ++i) {
    for (size_t j = 0; j < std::size(ordered); ++j) {
      const int expected = i < j ? -1 : (i > j ? 1 : 0);
      const int got = Order(ordered[i], ordered[j]);
      ASSERT_EQ((got > 0) - (got < 0), expected)
          << ordered[i].ToString() << " vs " << ordered[j].ToString();
    }
  }
}

TEST(OrderTest, WithinTypes) {
  EXPECT_EQ(Order(I(1), F(1.0)), 0);
  EXPECT_EQ(Order(F(0.0), F(-0.0)), 0);
  EXPECT_EQ(Order(F(kNaN), F(-kNaN)), 0);
  EXPECT_LT(Order(L({I(1)}), L({I(1), I(0)})), 0);
  EXPECT_LT(Order(L({I(1), N()}), L({I(2)})), 0);
  EXPECT_LT(Order(L({I(1), I(2)}), L({I(1), N()})), 0);  // null sorts last inside lists too
  EXPECT_LT(Order(L({S("a")}), L({I(1)})), 0);           // strings before numbers
  EXPECT_LT(Order(M({{"z", I(1)}}), M({{"a", I(1)}, {"b", I(1)}})), 0);  // smaller map first
  EXPECT_LT(Order(M({{"a", I(9)}}), M({{"b", I(1)}})), 0);               // then keys
  EXPECT_LT(Order(M({{"a", I(1)}}), M({{"a", I(2)}})), 0);               // then values
  EXPECT_LT(Order(Value(Duration{0, 1, 0, 0}), Value(Duration{0, 0, 86401, 0})), 0);
  EXPECT_LT(Order(Value(Duration{0, 0, 86400 * 30, 0}), Value(Duration{1, 0, 0, 0})), 0);
  EXPECT_LT(Order(Value(Duration{0, 0, 0, -1}), Value(Duration{0, 0, 0, 0})), 0);
  EXPECT_GT(Order(Value(Duration{0, 1, 0, 0}), Value(Duration{0, 0, 86400, 0})), 0);  // tie: days
  EXPECT_NE(Order(Value(Duration{0, 1, 0, 0}), Value(Duration{0, 0, 86400, 0})), 0);
}

TEST(EquivalenceTest, NullAndNaNAreEquivalentToThemselves) {
  EXPECT_TRUE(Equivalent(N(), N()));
  EXPECT_TRUE(Equivalent(F(kNaN), F(kNaN)));
  EXPECT_TRUE(Equivalent(I(1), F(1.0)));
  EXPECT_TRUE(Equivalent(L({N(), F(kNaN)}), L({N(), F(kNaN)})));
  EXPECT_FALSE(Equivalent(I(1), S("1")));
  EXPECT_EQ(Hash(I(1)), Hash(F(1.0)));
  EXPECT_EQ(Hash(F(0.0)), Hash(F(-0.0)));
  EXPECT_EQ(Hash(F(kNaN)), Hash(F(-kNaN)));
  EXPECT_EQ(Hash(L({I(1), I(2)})), Hash(L({F(1.0), F(2.0)})));
  EXPECT_EQ(Hash(I(INT64_MIN)), Hash(F(-9223372036854775808.0)));
  EXPECT_NE(Hash(I(1)), Hash(I(2)));
  EXPECT_NE(Hash(S("a")), Hash(Value::Bytes("a")));
}

// Properties that must hold for all pairs: Equivalent <=> Order == 0, Hash consistent with
// Equivalent, Order antisymmetric, Equals true => Equivalent, Compare agrees with Order on
// comparable pairs.
TEST(ValueCompareProperties, RandomPairs) {
  const uint64_t seed = 12345;
  testing::RandomValueOptions options;
  options.collide = true;
  options.max_depth = 2;
  testing::RandomValueGenerator gen(seed, options);
  std::vector<Value> values;
  for (int i = 0; i < 600; ++i) values.push_back(gen.Next());
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = 0; j < values.size(); ++j) {
      const Value& a = values[i];
      const Value& b = values[j];
      const int ab = Order(a, b);
      const int ba = Order(b, a);
      ASSERT_EQ((ab > 0) - (ab < 0), -((ba > 0) - (ba < 0)))
          << a.ToString() << " " << b.ToString() << " seed " << seed;
      ASSERT_EQ(Equivalent(a, b), ab == 0);
      if (ab == 0) {
        ASSERT_EQ(Hash(a), Hash(b)) << a.ToString() << " " << b.ToString();
      }
      if (Equals(a, b) == Ternary::kTrue) {
        ASSERT_EQ(ab, 0) << a.ToString() << " " << b.ToString();
      }
      const Comparison c = Compare(a, b);
      if (c == Comparison::kLess) {
        ASSERT_LT(ab, 0) << a.ToString() << " " << b.ToString();
      }
      if (c == Comparison::kGreater) {
        ASSERT_GT(ab, 0) << a.ToString() << " " << b.ToString();
      }
      if (c == Comparison::kEqual) {
        ASSERT_EQ(ab, 0) << a.ToString() << " " << b.ToString();
      }
    }
  }
  // Order is a strict weak ordering: sorting succeeds and the result is sorted pairwise.
  std::vector<Value> sorted = values;
  std::stable_sort(sorted.begin(), sorted.end(), ValueOrderLess());
  for (size_t i = 1; i < sorted.size(); ++i) ASSERT_LE(Order(sorted[i - 1], sorted[i]), 0);
}

TEST(TernaryTest, ThreeValuedLogic) {
  EXPECT_EQ(And(T, Nu), Nu);
  EXPECT_EQ(And(Fa, Nu), Fa);
  EXPECT_EQ(Or(T, Nu), T);
  EXPECT_EQ(Or(Fa, Nu), Nu);
  EXPECT_EQ(Xor(T, Fa), T);
  EXPECT_EQ(Xor(T, Nu), Nu);
  EXPECT_EQ(Not(Nu), Nu);
  EXPECT_EQ(Not(T), Fa);
}

}  // namespace
}  // namespace smith
