#include "common/value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace smith {
namespace {

TEST(ValueTest, IsTwentyFourBytes) { EXPECT_EQ(sizeof(Value), 24u); }

TEST(ValueTest, FactoriesAndAccessors) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_EQ(Value().type(), ValueType::kNull);
  EXPECT_TRUE(Value::Bool(true).AsBool());
  EXPECT_EQ(Value::Int(-7).AsInt(), -7);
  EXPECT_EQ(Value::Float(2.5).AsFloat(), 2.5);
  EXPECT_TRUE(std::isnan(Value::Float(std::nan("")).AsFloat()));
  EXPECT_EQ(Value::String("short").AsString(), "short");
  const std::string long_text(100, 'x');
  EXPECT_EQ(Value::String(long_text).AsString(), long_text);
  EXPECT_EQ(Value::Bytes(std::string("\0\1", 2)).AsBytes(), std::string("\0\1", 2));
  EXPECT_EQ(Value::List({Value::Int(1), Value()}).AsList().size(), 2u);
  EXPECT_EQ(Value(Date{5}).AsDate().days, 5);
  EXPECT_EQ(Value(LocalTime{6}).AsLocalTime().nanos, 6);
  EXPECT_EQ(Value(Time{7, -3600}).AsTime(), (Time{7, -3600}));
  EXPECT_EQ(Value(LocalDateTime{8, 9}).AsLocalDateTime(), (LocalDateTime{8, 9}));
  const DateTime dt{10, 11, 3600, kNoTimeZone};
  EXPECT_EQ(Value(dt).AsDateTime(), dt);
  const Duration d{1, 2, 3, 4};
  EXPECT_EQ(Value(d).AsDuration(), d);
  EXPECT_TRUE(Value(d).is_temporal());
  EXPECT_TRUE(Value::Int(1).is_number());
  EXPECT_TRUE(Value::Float(1).is_number());
  EXPECT_FALSE(Value::String("1").is_number());
}

TEST(ValueTest, InlineStringBoundary) {
  for (size_t n :
       {size_t{0}, size_t{1}, Value::kMaxInlineString, Value::kMaxInlineString + 1, size_t{1000}}) {
    const std::string s(n, 'q');
    Value v = Value::String(s);
    Value copy = v;
    Value moved = std::move(v);
    EXPECT_EQ(copy.AsString(), s);
    EXPECT_EQ(moved.AsString(), s);
    EXPECT_TRUE(v.is_null());  // NOLINT(bugprone-use-after-move): moving leaves null
  }
}

TEST(ValueTest, CopiesShareStorage) {
  std::vector<Value> items(1000, Value::String("a string longer than sixteen bytes"));
  Value list = Value::List(std::move(items));
  Value copy = list;
  EXPECT_EQ(&copy.AsList(), &list.AsList());
  EXPECT_EQ(copy.AsList()[3].AsString().data(), list.AsList()[999].AsString().data());
  list = Value::Int(1);
  EXPECT_EQ(copy.AsList().size(), 1000u);
}

TEST(ValueTest, SelfAssignmentAndAssigningAnElementOfItself) {
  Value v = Value::List({Value::String(std::string(40, 'z')), Value::Int(2)});
  v = *&v;
  EXPECT_EQ(v.AsList().size(), 2u);
  v = v.AsList()[0];  // the list dies while its element is being copied out
  EXPECT_EQ(v.AsString(), std::string(40, 'z'));
}

TEST(ValueTest, GraphValues) {
  Node n{1, {"Person", "Admin"}, ValueMap{{"name", Value::String("Ann")}}};
  Relationship r{7, "KNOWS", 1, 2, ValueMap{}};
  Node m{2, {}, ValueMap{}};
  Value path(Path{{n, m}, {r}});
  EXPECT_TRUE(path.is_graph());
  EXPECT_EQ(path.AsPath().relationships[0].type, "KNOWS");
  EXPECT_EQ(Value(n).AsNode().labels[1], "Admin");
  EXPECT_EQ(Value(r).AsRelationship().end_id, 2);
}

TEST(ValueTest, IdentityIsRepresentational) {
  EXPECT_NE(Value::Int(1), Value::Float(1.0));
  EXPECT_EQ(Value::Float(std::nan("")), Value::Float(std::nan("")));
  EXPECT_NE(Value::Float(0.0), Value::Float(-0.0));
  EXPECT_EQ(Value::List({Value::Int(1)}), Value::List({Value::Int(1)}));
  EXPECT_NE(Value::String("a"), Value::Bytes("a"));
  EXPECT_EQ(Value(), Value());
}

TEST(ValueMapTest, SortedUniqueKeys) {
  ValueMap m{{"b", Value::Int(2)}, {"a", Value::Int(1)}, {"b", Value::Int(3)}};
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m.at_index(0).first, "a");
  EXPECT_EQ(m.Find("b")->AsInt(), 3);  // later duplicates win
  EXPECT_EQ(m.Find("c"), nullptr);
  EXPECT_TRUE(m.Insert("c", Value::Int(4)));
  EXPECT_FALSE(m.Insert("c", Value::Int(5)));
  EXPECT_EQ(m.Find("c")->AsInt(), 4);
  m.Assign("c", Value::Int(6));
  EXPECT_EQ(m.Find("c")->AsInt(), 6);
  m.Assign("0", Value());
  EXPECT_EQ(m.at_index(0).first, "0");
  EXPECT_TRUE(m.Erase("a"));
  EXPECT_FALSE(m.Erase("a"));
  std::string keys;
  for (const auto& [k, v] : m) keys += k;
  EXPECT_EQ(keys, "0bc");
  // Byte order is code point order: 'Z' < 'a' < 'é'.
  ValueMap u{{"\xC3\xA9", Value()}, {"a", Value()}, {"Z", Value()}};
  EXPECT_EQ(u.at_index(0).first, "Z");
  EXPECT_EQ(u.at_index(2).first, "\xC3\xA9");
}

TEST(ValueToStringTest, CypherLiterals) {
  EXPECT_EQ(Value().ToString(), "null");
  EXPECT_EQ(Value::Bool(false).ToString(), "false");
  EXPECT_EQ(Value::Int(-42).ToString(), "-42");
  EXPECT_EQ(Value::String("it's").ToString(), "'it\\'s'");
  // Control characters are escaped so that the text parses back to the same string.
  EXPECT_EQ(Value::String(std::string("a\\b\n\t\b\f\x01\x1f\0z", 11)).ToString(),
            "'a\\\\b\\n\\t\\b\\f\\u0001\\u001f\\u0000z'");
  EXPECT_EQ(Value::String("\xc3\xa9").ToString(), "'\xc3\xa9'");  // UTF-8 as is
  EXPECT_EQ(Value::Bytes("\x0a\xff").ToString(), "0x0aff");
  EXPECT_EQ(Value::List({Value::Int(1), Value::String("a"), Value()}).ToString(), "[1, 'a', null]");
  EXPECT_EQ(Value::Map({{"b", Value::String("x")}, {"a", Value::Int(1)}}).ToString(),
            "{a: 1, b: 'x'}");
  EXPECT_EQ(Value::Map({{"two words", Value::Int(1)}}).ToString(), "{`two words`: 1}");
  EXPECT_EQ(Value::Map({}).ToString(), "{}");
  EXPECT_EQ(Value::List({}).ToString(), "[]");
  EXPECT_EQ(Value(Date{0}).ToString(), "1970-01-01");
  EXPECT_EQ(Value::List({Value(Duration{0, 0, 0, 500000000})}).ToString(), "[PT0.5S]");
}

TEST(ValueToStringTest, FloatsLikeJava) {
  const std::pair<double, const char*> cases[] = {
      {1.0, "1.0"},
      {-1.0, "-1.0"},
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {3.14, "3.14"},
      {100.0, "100.0"},
      {1234567.0, "1234567.0"},
      {1e7, "1.0E7"},
      {12345678.9, "1.23456789E7"},
      {0.001, "0.001"},
      {0.0001, "1.0E-4"},
      {1e20, "1.0E20"},
      {1.5e-300, "1.5E-300"},
      {0.1 + 0.2, "0.30000000000000004"},
      {std::numeric_limits<double>::quiet_NaN(), "NaN"},
      {std::numeric_limits<double>::infinity(), "Infinity"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
      {std::numeric_limits<double>::max(), "1.7976931348623157E308"},
  };
  for (const auto& [d, text] : cases) EXPECT_EQ(Value::Float(d).ToString(), text) << text;
}

TEST(ValueToStringTest, GraphValuesLikeTheTck) {
  Node a{1, {"A"}, ValueMap{{"name", Value::String("a")}}};
  Node b{2, {}, ValueMap{}};
  Relationship r{5, "T", 1, 2, ValueMap{{"k", Value::Int(1)}}};
  Relationship back{6, "T", 1, 2, ValueMap{}};
  EXPECT_EQ(Value(a).ToString(), "(:A {name: 'a'})");
  EXPECT_EQ(Value(b).ToString(), "()");
  EXPECT_EQ(Value(Node{3, {}, ValueMap{{"id", Value::Int(0)}}}).ToString(), "({id: 0})");
  EXPECT_EQ(Value(r).ToString(), "[:T {k: 1}]");
  EXPECT_EQ(Value(Path{{a, b}, {r}}).ToString(), "<(:A {name: 'a'})-[:T {k: 1}]->()>");
  EXPECT_EQ(Value(Path{{b, a}, {back}}).ToString(), "<()<-[:T]-(:A {name: 'a'})>");
  EXPECT_EQ(ValueTypeName(ValueType::kDateTime), "ZONED DATETIME");
}

}  // namespace
}  // namespace smith
