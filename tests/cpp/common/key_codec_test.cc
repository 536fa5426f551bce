#include "common/key_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "common/value_compare.h"
#include "random_value.h"

namespace smith {
namespace {

std::string Key(const Value& v) {
  std::string out;
  EncodeKey(v, &out);
  return out;
}

std::string Canonical(const Value& v) {
  std::string out;
  EncodeKeyCanonical(v, &out);
  return out;
}

int Sign(int x) { return (x > 0) - (x < 0); }

int MemcmpSign(const std::string& a, const std::string& b) { return Sign(a.compare(b)); }

Value RoundTrip(const Value& v) {
  const std::string key = Key(v);
  std::string_view in = key;
  Value out;
  Status s = DecodeKey(&in, &out);
  EXPECT_TRUE(s.ok()) << s.ToString() << " for " << v.ToString();
  EXPECT_TRUE(in.empty()) << v.ToString();
  return out;
}

TEST(CodingTest, FixedAndVarints) {
  std::string buf;
  PutFixed32BE(0x01020304, &buf);
  PutFixed64BE(0x0102030405060708ULL, &buf);
  EXPECT_EQ(buf, std::string("\x01\x02\x03\x04\x01\x02\x03\x04\x05\x06\x07\x08", 12));
  std::string_view in = buf;
  uint32_t a;
  uint64_t b;
  ASSERT_TRUE(GetFixed32BE(&in, &a).ok());
  ASSERT_TRUE(GetFixed64BE(&in, &b).ok());
  EXPECT_EQ(a, 0x01020304u);
  EXPECT_EQ(b, 0x0102030405060708ULL);
  EXPECT_TRUE(GetFixed32BE(&in, &a).IsCorruption());

  for (uint64_t v : {uint64_t{0}, uint64_t{1}, uint64_t{127}, uint64_t{128}, uint64_t{300},
                     uint64_t{1} << 35, UINT64_MAX}) {
    std::string enc;
    PutVarint64(v, &enc);
    std::string_view view = enc;
    uint64_t got = 0;
    ASSERT_TRUE(GetVarint64(&view, &got).ok());
    EXPECT_EQ(got, v);
    EXPECT_TRUE(view.empty());
    for (size_t n = 0; n < enc.size(); ++n) {
      std::string_view prefix(enc.data(), n);
      EXPECT_TRUE(GetVarint64(&prefix, &got).IsCorruption()) << v << " prefix " << n;
    }
  }
  std::string eleven(11, '\x80');
  std::string_view view = eleven;
  uint64_t got;
  EXPECT_TRUE(GetVarint64(&view, &got).IsCorruption());
  std::string too_big("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x02", 10);
  view = too_big;
  EXPECT_TRUE(GetVarint64(&view, &got).IsCorruption());
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{1}, INT64_MIN, INT64_MAX}) {
    std::string enc;
    PutVarsint64(v, &enc);
    std::string_view sv = enc;
    int64_t back;
    ASSERT_TRUE(GetVarsint64(&sv, &back).ok());
    EXPECT_EQ(back, v);
  }
  EXPECT_EQ(ZigZagEncode(-1), 1u);
  EXPECT_EQ(ZigZagEncode(1), 2u);
}

TEST(KeyCodecTest, NumbersInterleaveAcrossIntAndFloat) {
  const double kInf = std::numeric_limits<double>::infinity();
  const Value ascending[] = {
      Value::Float(-kInf),
      Value::Int(INT64_MIN),
      Value::Float(-1e18),
      Value::Int(-2),
      Value::Float(-1.5),
      Value::Int(-1),
      Value::Float(-std::numeric_limits<double>::denorm_min()),
      Value::Int(0),
      Value::Float(std::numeric_limits<double>::denorm_min()),
      Value::Float(std::numeric_limits<double>::min()),
      Value::Float(0.5),
      Value::Int(1),
      Value::Float(1.5),
      Value::Int(2),
      Value::Float(2.5),
      Value::Float(9007199254740992.0),
      Value::Int((int64_t{1} << 53) + 1),
      Value::Int(INT64_MAX),
      Value::Float(9223372036854775808.0),
      Value::Float(std::numeric_limits<double>::max()),
      Value::Float(kInf),
      Value::Float(std::numeric_limits<double>::quiet_NaN()),
      Value(),
  };
  for (size_t i = 1; i < std::size(ascending); ++i) {
    EXPECT_LT(Key(ascending[i - 1]), Key(ascending[i]))
        << ascending[i - 1].ToString() << " < " << ascending[i].ToString();
  }
  // Order-equal numbers share the canonical part; the trailer puts int before float.
  EXPECT_EQ(Canonical(Value::Int(2)), Canonical(Value::Float(2.0)));
  EXPECT_EQ(Canonical(Value::Float(0.0)), Canonical(Value::Float(-0.0)));
  EXPECT_LT(Key(Value::Int(2)), Key(Value::Float(2.0)));
  EXPECT_LT(Key(Value::Float(2.0)), Key(Value::Float(2.000000000000001)));
  EXPECT_EQ(Key(Value::Int(2)).substr(0, Canonical(Value::Int(2)).size()),
            Canonical(Value::Int(2)));
  // Small ints stay short: tag, two exponent bytes, one mantissa byte, one trailer byte.
  EXPECT_EQ(Key(Value::Int(42)).size(), 5u);
  EXPECT_EQ(Key(Value::Int(0)).size(), 2u);
}

TEST(KeyCodecTest, RoundTripsKeepIntsAndFloatsApart) {
  const Value values[] = {
      Value::Int(0),
      Value::Float(0.0),
      Value::Float(-0.0),
      Value::Int(INT64_MIN),
      Value::Int(INT64_MAX),
      Value::Float(1e-310),
      Value::Float(-3.75),
      Value::Int(-3),
      Value::String(""),
      Value::String(std::string("a\0b", 3)),
      Value::Bytes("\xFF\x00"),
      Value::List({}),
      Value::List({Value::Int(1), Value::Float(1.0), Value()}),
      Value::Map({{"k", Value::Float(2.0)}, {"j", Value::Int(2)}}),
      Value(Duration{-5, 3, -86400, 0}),
      Value(Duration{INT64_MAX, INT64_MIN, INT64_MAX, 999999999}),
  };
  for (const Value& v : values) {
    EXPECT_EQ(RoundTrip(v), v) << v.ToString();
  }
  EXPECT_TRUE(std::signbit(RoundTrip(Value::Float(-0.0)).AsFloat()));
}

TEST(KeyCodecTest, StringsAreSelfDelimitingInTuples) {
  // ("a", "b") < ("a\0", "a") < ("ab", "") as tuples, even though "a" "b" concatenated would
  // compare the other way without escaping.
  auto tuple = [](std::vector<Value> values) {
    std::string out;
    EncodeKeyTuple(values, &out);
    return out;
  };
  const std::string t1 = tuple({Value::String("a"), Value::String("b")});
  const std::string t2 = tuple({Value::String(std::string("a\0", 2)), Value::String("a")});
  const std::string t3 = tuple({Value::String("ab"), Value::String("")});
  EXPECT_LT(t1, t2);
  EXPECT_LT(t2, t3);
  std::string_view in = t2;
  std::vector<Value> back;
  ASSERT_TRUE(DecodeKeyTuple(&in, 2, &back).ok());
  EXPECT_TRUE(in.empty());
  EXPECT_EQ(back[0].AsString(), std::string("a\0", 2));
  EXPECT_EQ(back[1].AsString(), "a");
}

TEST(KeyCodecTest, EqualitySeekPrefixFindsIntsAndFloats) {
  // A composite index holding (2, 'x') and (2.0, 'x'): the canonical tuple is a prefix of both.
  std::string prefix, as_int, as_float, other;
  const Value seek[] = {Value::Int(2), Value::String("x")};
  EncodeKeyTupleCanonical(seek, &prefix);
  const Value v1[] = {Value::Int(2), Value::String("x")};
  const Value v2[] = {Value::Float(2.0), Value::String("x")};
  const Value v3[] = {Value::Float(2.0), Value::String("y")};
  EncodeKeyTuple(v1, &as_int);
  EncodeKeyTuple(v2, &as_float);
  EncodeKeyTuple(v3, &other);
  EXPECT_EQ(as_int.compare(0, prefix.size(), prefix), 0);
  EXPECT_EQ(as_float.compare(0, prefix.size(), prefix), 0);
  EXPECT_NE(other.compare(0, prefix.size(), prefix), 0);
  std::vector<Value> back;
  std::string_view in = as_float;
  ASSERT_TRUE(DecodeKeyTuple(&in, 2, &back).ok());
  EXPECT_TRUE(back[0].is_float());
}

TEST(KeyCodecTest, TemporalOrdering) {
  Result<TimeZoneId> sthlm = FindTimeZone("Europe/Stockholm");
  const Value ascending[] = {
      Value(*DateTime::Parse("2015-07-21T21:40:32+02:00")),
      Value(*DateTime::Parse("2015-07-21T21:40:32+02:00[Europe/Stockholm]")),
      Value(*DateTime::Parse("2015-07-21T20:40:32Z")),
      Value(*DateTime::FromInstantInZone(DateTime::Parse("2015-07-21T20:40:32Z")->seconds, 1,
                                         *sthlm)),
      Value(LocalDateTime{-1, 999999999}),
      Value(LocalDateTime{0, 0}),
      Value(Date{-1}),
      Value(Date{0}),
      Value(Time{13 * 3600 * kNanosPerSecond, 3600}),  // 12:00Z
      Value(Time{12 * 3600 * kNanosPerSecond, 0}),     // the same instant of day
      Value(LocalTime{0}),
      Value(Duration{0, 0, -1, 0}),
      Value(Duration{0, 1, 0, 0}),
      Value(Duration{1, 0, 0, 0}),
      Value::String(""),
  };
  for (size_t i = 1; i < std::size(ascending); ++i) {
    const int order = Order(ascending[i - 1], ascending[i]);
    EXPECT_EQ(MemcmpSign(Key(ascending[i - 1]), Key(ascending[i])), Sign(order))
        << ascending[i - 1].ToString() << " vs " << ascending[i].ToString();
  }
  for (const Value& v : ascending) EXPECT_EQ(RoundTrip(v), v) << v.ToString();
}

// The central property: for random pairs, memcmp order of the keys agrees with Order(); pairs
// that Order() calls equal share the canonical encoding.
TEST(KeyCodecTest, RandomOrderingAgreesWithOrder) {
  for (bool collide : {true, false}) {
    const uint64_t seed = collide ? 777 : 778;
    testing::RandomValueOptions options;
    options.collide = collide;
    options.max_depth = 2;
    testing::RandomValueGenerator gen(seed, options);
    std::vector<Value> values;
    std::vector<std::string> keys;
    for (int i = 0; i < 3000; ++i) {
      values.push_back(gen.Next());
      keys.push_back(Key(values.back()));
    }
    for (int n = 0; n < 200000; ++n) {
      const size_t i = gen.rng()() % values.size();
      const size_t j = gen.rng()() % values.size();
      const int order = Sign(Order(values[i], values[j]));
      const int bytes = MemcmpSign(keys[i], keys[j]);
      if (order != 0) {
        ASSERT_EQ(bytes, order) << values[i].ToString() << " vs " << values[j].ToString()
                                << " seed " << seed;
      } else {
        ASSERT_EQ(Canonical(values[i]), Canonical(values[j]))
            << values[i].ToString() << " vs " << values[j].ToString() << " seed " << seed;
        ASSERT_EQ(bytes == 0, testing::SameValue(values[i], values[j]))
            << values[i].ToString() << " vs " << values[j].ToString() << " seed " << seed;
      }
    }
    // Sorting by key bytes sorts by Order().
    std::vector<size_t> idx(values.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
    for (size_t i = 1; i < idx.size(); ++i) {
      ASSERT_LE(Order(values[idx[i - 1]], values[idx[i]]), 0) << "seed " << seed;
    }
  }
}

TEST(KeyCodecTest, RandomTuplesSortLexicographically) {
  const uint64_t seed = 31337;
  testing::RandomValueOptions options;
  options.collide = true;
  options.max_depth = 1;
  testing::RandomValueGenerator gen(seed, options);
  for (int n = 0; n < 20000; ++n) {
    const Value a[] = {gen.Next(), gen.Next()};
    const Value b[] = {gen.Next(), gen.Next()};
    std::string ka, kb;
    EncodeKeyTuple(a, &ka);
    EncodeKeyTuple(b, &kb);
    int order = Sign(Order(a[0], b[0]));
    if (order == 0) order = Sign(Order(a[1], b[1]));
    if (order != 0) {
      ASSERT_EQ(MemcmpSign(ka, kb), order)
          << a[0].ToString() << "," << a[1].ToString() << " vs " << b[0].ToString() << ","
          << b[1].ToString() << " seed " << seed;
    }
    std::string_view in = ka;
    std::vector<Value> back;
    ASSERT_TRUE(DecodeKeyTuple(&in, 2, &back).ok());
    ASSERT_TRUE(testing::SameValue(back[0], a[0]) && testing::SameValue(back[1], a[1]));
  }
}

// The graph layer encodes single-property schema tuples with EncodeKey / EncodeKeyCanonical
// directly (no vector); index and constraint keys must not depend on which path wrote them.
TEST(KeyCodecTest, TupleOfOneIsTheValuesOwnKey) {
  testing::RandomValueGenerator gen(77, {});
  for (int n = 0; n < 5000; ++n) {
    const Value v[] = {gen.Next()};
    std::string tuple, alone, tuple_canonical, alone_canonical;
    EncodeKeyTuple(v, &tuple);
    EncodeKey(v[0], &alone);
    EncodeKeyTupleCanonical(v, &tuple_canonical);
    EncodeKeyCanonical(v[0], &alone_canonical);
    ASSERT_EQ(tuple, alone) << v[0].ToString();
    ASSERT_EQ(tuple_canonical, alone_canonical) << v[0].ToString();
  }
}

TEST(KeyCodecTest, RandomRoundTrip) {
  const uint64_t seed = 2024;
  testing::RandomValueGenerator gen(seed, {});
  for (int n = 0; n < 20000; ++n) {
    const Value v = gen.Next();
    ASSERT_TRUE(IsKeyEncodable(v));
    std::string key = Key(v);
    key += "tail";  // decoding consumes exactly one key
    std::string_view in = key;
    Value back;
    Status s = DecodeKey(&in, &back);
    ASSERT_TRUE(s.ok()) << s.ToString() << " " << v.ToString() << " seed " << seed;
    ASSERT_EQ(in, "tail") << v.ToString();
    ASSERT_TRUE(testing::SameValue(back, v)) << v.ToString() << " -> " << back.ToString();
  }
}

// Every strict prefix and random corruptions decode to Corruption or to some valid value;
// nothing crashes or reads out of bounds (run under ASan).
TEST(KeyCodecTest, TruncatedAndCorruptInput) {
  const uint64_t seed = 5150;
  testing::RandomValueGenerator gen(seed, {});
  for (int n = 0; n < 3000; ++n) {
    const std::string key = Key(gen.Next());
    for (size_t len = 0; len < key.size(); ++len) {
      const std::string prefix = key.substr(0, len);  // own buffer: ASan sees overreads
      std::string_view in = prefix;
      Value out;
      Status s = DecodeKey(&in, &out);
      ASSERT_TRUE(s.ok() || s.IsCorruption()) << s.ToString();
    }
    std::string mutated = key;
    for (int k = 0; k < 3; ++k) {
      mutated[gen.rng()() % mutated.size()] = static_cast<char>(gen.rng()());
      std::string_view in = mutated;
      Value out;
      Status s = DecodeKey(&in, &out);
      ASSERT_TRUE(s.ok() || s.IsCorruption()) << s.ToString();
    }
  }
  std::string_view empty;
  Value out;
  EXPECT_TRUE(DecodeKey(&empty, &out).IsCorruption());
  std::string deep(2 * kMaxValueNestingDepth, '\x20');
  std::string_view in = deep;
  EXPECT_TRUE(DecodeKey(&in, &out).IsCorruption());
  std::string bad_utf8("\x40\xC0\x80\x00\x01", 5);
  in = bad_utf8;
  Status s = DecodeKey(&in, &out);
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("UTF-8"), std::string_view::npos);
}

TEST(KeyCodecTest, GraphValuesAndDeepNestingAreNotEncodable) {
  EXPECT_FALSE(IsKeyEncodable(Value(Node{1, {}, {}})));
  EXPECT_FALSE(IsKeyEncodable(Value::List({Value(Relationship{})})));
  Value v = Value::Int(1);
  for (int i = 0; i < kMaxValueNestingDepth; ++i) v = Value::List({v});
  EXPECT_TRUE(IsKeyEncodable(v));
  EXPECT_TRUE(testing::SameValue(RoundTrip(v), v));
  EXPECT_FALSE(IsKeyEncodable(Value::List({v})));
}

}  // namespace
}  // namespace smith
