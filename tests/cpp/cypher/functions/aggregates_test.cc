// Aggregation functions (aggregates.h), including the TCK's aggregation scenarios that need no
// graph (Aggregation1, 3, 6, 8), replayed by feeding the rows their MATCH would produce.
#include "cypher/functions/aggregates.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "eval.h"

namespace smith::cypher {
namespace {

using testing::TckRender;

// Folds `rows` (one argument list per row) and renders the result, or "ERROR <code>".
std::string Aggregate(std::string_view name, bool distinct,
                      const std::vector<std::vector<Value>>& rows) {
  Result<std::unique_ptr<Aggregator>> agg = MakeAggregator(name, distinct);
  if (!agg.ok()) return "ERROR " + std::string(StatusCodeName(agg.status().code()));
  for (const std::vector<Value>& row : rows) {
    Status s = (*agg)->Add(row);
    if (!s.ok()) return "ERROR " + std::string(StatusCodeName(s.code()));
  }
  Result<Value> r = (*agg)->Finish();
  if (!r.ok()) return "ERROR " + std::string(StatusCodeName(r.status().code()));
  return TckRender(*r);
}

// One single-argument row per value.
std::vector<std::vector<Value>> Rows(const std::vector<Value>& values) {
  std::vector<std::vector<Value>> rows;
  for (const Value& v : values) rows.push_back({v});
  return rows;
}

Value I(int64_t i) { return Value::Int(i); }
Value F(double d) { return Value::Float(d); }
Value S(std::string_view s) { return Value::String(s); }
Value D(std::string_view iso) { return Value(*Duration::Parse(iso)); }

constexpr const char* kArgumentError = "ERROR Neo.ClientError.Statement.ArgumentError";
constexpr const char* kTypeError = "ERROR Neo.ClientError.Statement.TypeError";

TEST(Aggregates, Registry) {
  EXPECT_TRUE(IsAggregateFunction("count"));
  EXPECT_TRUE(IsAggregateFunction("COLLECT"));
  EXPECT_TRUE(IsAggregateFunction("percentileDisc"));
  EXPECT_TRUE(IsAggregateFunction("stdevp"));
  EXPECT_FALSE(IsAggregateFunction("toUpper"));
  Result<std::unique_ptr<Aggregator>> agg = MakeAggregator("median", false);
  ASSERT_FALSE(agg.ok());
  EXPECT_EQ(agg.status().code(), StatusCode::kSemanticError);
}

TEST(Aggregates, Count) {
  // count(*): rows, nulls included.
  EXPECT_EQ(Aggregate("count", false, {{}, {}, {}}), "3");
  EXPECT_EQ(Aggregate("count", false, {}), "0");
  // Aggregation1.feature [1]: only non-null values count.
  EXPECT_EQ(Aggregate("count", false, Rows({I(33), Value()})), "1");
  EXPECT_EQ(Aggregate("count", true, Rows({I(1), F(1.0), I(2), Value(), Value()})), "2");
  // Aggregation8.feature [1] and [2]: DISTINCT over nothing and over nulls.
  EXPECT_EQ(Aggregate("count", true, Rows({Value()})), "0");
  EXPECT_EQ(Aggregate("count", true, {}), "0");
  EXPECT_EQ(Aggregate("count", false, {{I(1), I(2)}}),
            "ERROR Neo.ClientError.Statement.SemanticError");
}

TEST(Aggregates, Collect) {
  EXPECT_EQ(Aggregate("collect", false, Rows({I(1), Value(), S("a"), I(1)})), "[1, 'a', 1]");
  // Aggregation8.feature [3] Collect distinct nulls, [4] values mixed with nulls.
  EXPECT_EQ(Aggregate("collect", true, Rows({Value(), Value()})), "[]");
  EXPECT_EQ(Aggregate("collect", true, Rows({Value(), I(1), Value()})), "[1]");
  // 1 and 1.0 are equivalent for DISTINCT; the first one is kept.
  EXPECT_EQ(Aggregate("collect", true, Rows({I(1), F(1.0), F(0.0 / 0.0), F(0.0 / 0.0)})),
            "[1, NaN]");
  EXPECT_EQ(Aggregate("collect", true,
                      Rows({Value::List({I(1)}), Value::List({F(1.0)}), Value::List({I(2)})})),
            "[[1], [2]]");
}

TEST(Aggregates, Sum) {
  EXPECT_EQ(Aggregate("sum", false, {}), "0");
  // Aggregation3.feature [1] Sum only non-null values.
  EXPECT_EQ(Aggregate("sum", false, Rows({I(33), Value(), I(42)})), "75");
  // Aggregation3.feature [2] No overflow during summation: range(1000000, 2000000) LIMIT 3000.
  std::vector<Value> values;
  for (int64_t i = 1000000; i < 1003000; ++i) values.push_back(I(i));
  EXPECT_EQ(Aggregate("sum", false, Rows(values)), "3004498500");
  EXPECT_EQ(Aggregate("sum", false, Rows({I(1), F(0.5), I(2)})), "3.5");
  EXPECT_EQ(Aggregate("sum", true, Rows({I(2), I(2), I(3)})), "5");
  EXPECT_EQ(Aggregate("sum", false, Rows({I(INT64_MAX), I(1)})),
            "ERROR Neo.ClientError.Statement.ArithmeticError");
  EXPECT_EQ(Aggregate("sum", false, Rows({D("P1DT2H"), D("PT22H"), Value()})), "'P1DT24H'");
  EXPECT_EQ(Aggregate("sum", false, Rows({I(1), D("P1D")})), kTypeError);
  EXPECT_EQ(Aggregate("sum", false, Rows({S("1")})), kTypeError);
}

TEST(Aggregates, Avg) {
  EXPECT_EQ(Aggregate("avg", false, {}), "null");
  EXPECT_EQ(Aggregate("avg", false, Rows({Value()})), "null");
  EXPECT_EQ(Aggregate("avg", false, Rows({I(1), I(2)})), "1.5");
  EXPECT_EQ(Aggregate("avg", false, Rows({I(INT64_MAX), I(INT64_MAX)})),
            "9.223372036854776E18");  // no overflow
  EXPECT_EQ(Aggregate("avg", false, Rows({F(1.0), I(2), Value(), F(6.0)})), "3.0");
  EXPECT_EQ(Aggregate("avg", true, Rows({I(1), I(1), I(4)})), "2.5");
  EXPECT_EQ(Aggregate("avg", false, Rows({D("P1D"), D("P2D")})), "'P1DT12H'");
  EXPECT_EQ(Aggregate("avg", false, Rows({S("a")})), kTypeError);
}

TEST(Aggregates, MinMaxFollowOrderability) {
  EXPECT_EQ(Aggregate("min", false, Rows({I(3), F(1.5), Value(), I(2)})), "1.5");
  EXPECT_EQ(Aggregate("max", false, Rows({I(3), F(1.5), Value(), I(2)})), "3");
  EXPECT_EQ(Aggregate("max", false, {}), "null");
  // Strings sort before numbers, so the mixed maximum is a number.
  EXPECT_EQ(Aggregate("max", false, Rows({S("zzz"), I(1)})), "1");
  EXPECT_EQ(Aggregate("min", false, Rows({S("zzz"), I(1)})), "'zzz'");
  EXPECT_EQ(Aggregate("max", false, Rows({I(1), F(0.0 / 0.0)})), "NaN");
  EXPECT_EQ(Aggregate("min", false,
                      Rows({Value(*Date::Parse("2015-07-21")), Value(*Date::Parse("2014-01-01"))})),
            "'2014-01-01'");
}

TEST(Aggregates, Percentiles) {
  // Aggregation6.feature [1] percentileDisc() and [2] percentileCont() over 10.0, 20.0, 30.0.
  const std::vector<Value> prices = {F(10.0), F(20.0), F(30.0)};
  const std::pair<double, const char*> cases[] = {{0.0, "10.0"}, {0.5, "20.0"}, {1.0, "30.0"}};
  for (const auto& [p, expected] : cases) {
    std::vector<std::vector<Value>> rows;
    for (const Value& price : prices) rows.push_back({price, F(p)});
    EXPECT_EQ(Aggregate("percentileDisc", false, rows), expected) << p;
    EXPECT_EQ(Aggregate("percentileCont", false, rows), expected) << p;
  }
  // Aggregation6.feature [3] and [4]: percentiles outside [0, 1] are ArgumentErrors.
  for (const Value& bad : {I(1000), I(-1), F(1.1)}) {
    EXPECT_EQ(Aggregate("percentileCont", false, {{F(10.0), bad}}), kArgumentError);
    EXPECT_EQ(Aggregate("percentileDisc", false, {{F(10.0), bad}}), kArgumentError);
  }
  // Aggregation6.feature [5]: arguments swapped, so the "percentile" is a degree > 2.
  EXPECT_EQ(Aggregate("percentileDisc", false, {{F(0.90), I(3)}, {F(0.90), I(4)}}), kArgumentError);
  // The Neo4j manual's examples: ages 13, 33, 44.
  std::vector<std::vector<Value>> ages = {{I(13), F(0.4)}, {I(33), F(0.4)}, {I(44), F(0.4)}};
  EXPECT_EQ(Aggregate("percentileCont", false, ages), "29.0");
  for (auto& row : ages) row[1] = F(0.5);
  EXPECT_EQ(Aggregate("percentileDisc", false, ages), "33");
  EXPECT_EQ(Aggregate("percentileDisc", false, {}), "null");
  EXPECT_EQ(Aggregate("percentileCont", false, {{Value(), F(0.5)}}), "null");
  EXPECT_EQ(Aggregate("percentileCont", false, {{S("x"), F(0.5)}}), kTypeError);
}

TEST(Aggregates, StandardDeviation) {
  // The Neo4j manual's examples: ages 13, 33, 44.
  const auto ages = Rows({I(13), I(33), I(44)});
  EXPECT_EQ(Aggregate("stDev", false, ages), "15.716233645501712");
  EXPECT_EQ(Aggregate("stDevP", false, ages), "12.832251036613439");
  EXPECT_EQ(Aggregate("stDev", false, Rows({I(5)})), "0.0");
  EXPECT_EQ(Aggregate("stDev", false, {}), "0.0");
  EXPECT_EQ(Aggregate("stDevP", false, Rows({I(5)})), "0.0");
  EXPECT_EQ(Aggregate("stDev", true, Rows({I(1), I(1), I(3)})), TckRender(F(std::sqrt(2.0))));
  EXPECT_EQ(Aggregate("stDev", false, Rows({S("1")})), kTypeError);
}

}  // namespace
}  // namespace smith::cypher
