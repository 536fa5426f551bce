#include "common/record_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "common/coding.h"
#include "random_value.h"

namespace smith {
namespace {

std::string Encode(const Value& v) {
  std::string out;
  EncodeValue(v, &out);
  return out;
}

TEST(RecordCodecTest, ExactBytes) {
  EXPECT_EQ(Encode(Value()), std::string("\x00", 1));
  EXPECT_EQ(Encode(Value::Bool(false)), "\x01");
  EXPECT_EQ(Encode(Value::Bool(true)), "\x02");
  EXPECT_EQ(Encode(Value::Int(0)), "\xA0");
  EXPECT_EQ(Encode(Value::Int(-32)), "\x80");
  EXPECT_EQ(Encode(Value::Int(95)), "\xFF");
  EXPECT_EQ(Encode(Value::Int(96)), "\x03\xC0\x01");  // zigzag(96) = 192
  EXPECT_EQ(Encode(Value::Int(-33)), "\x03\x41");     // zigzag(-33) = 65
  EXPECT_EQ(Encode(Value::Float(1.0)), std::string("\x04\x00\x00\x00\x00\x00\x00\xF0\x3F", 9));
  EXPECT_EQ(Encode(Value::String("hi")), "\x05\x02hi");
  EXPECT_EQ(Encode(Value::Bytes("")), std::string("\x06\x00", 2));
  EXPECT_EQ(Encode(Value::List({Value::Int(1), Value()})), std::string("\x07\x02\xA1\x00", 4));
  EXPECT_EQ(Encode(Value::Map({{"a", Value::Int(1)}})),
            "\x08\x01\x01"
            "a\xA1");
  EXPECT_EQ(Encode(Value(Date{-1})), "\x09\x01");
  EXPECT_EQ(Encode(Value(LocalTime{5})), "\x0A\x05");
  EXPECT_EQ(Encode(Value(Time{1, -1})), "\x0B\x01\x01");
  EXPECT_EQ(Encode(Value(LocalDateTime{1, 2})), "\x0C\x02\x02");
  EXPECT_EQ(Encode(Value(DateTime{0, 0, 3600, kNoTimeZone})),
            std::string("\x0D\x00\x00\xA0\x38", 5));  // zigzag(3600) = 7200
  Result<DateTime> zoned = DateTime::FromInstantInZone(0, 0, *FindTimeZone("UTC"));
  EXPECT_EQ(Encode(Value(*zoned)), std::string("\x0E\x00\x00\x03UTC", 7));
  EXPECT_EQ(Encode(Value(Duration{1, -1, 2, 3})), "\x0F\x02\x01\x04\x06");
}

TEST(RecordCodecTest, SmallIntsTakeOneOrTwoBytes) {
  for (int64_t i = -32; i <= 95; ++i) EXPECT_EQ(Encode(Value::Int(i)).size(), 1u) << i;
  for (int64_t i : {-64, -33}) EXPECT_EQ(Encode(Value::Int(i)).size(), 2u) << i;
  EXPECT_EQ(Encode(Value::Int(96)).size(), 3u);
  EXPECT_EQ(Encode(Value::Int(INT64_MIN)).size(), 11u);
}

TEST(RecordCodecTest, RoundTripPreservesRepresentation) {
  double payload_nan;
  const uint64_t bits = 0x7FF8000000000123ULL;
  std::memcpy(&payload_nan, &bits, sizeof(bits));
  const Value values[] = {
      Value::Float(payload_nan),
      Value::Float(-0.0),
      Value::Int(1),
      Value::Float(1.0),
      Value::String(std::string(1000, 'y')),
      Value::Map({{"", Value()}, {"nested", Value::List({Value::Map({})})}}),
      Value(*DateTime::Parse("2015-07-21T21:40:32.142+02:00[Europe/Stockholm]")),
      Value(*DateTime::Parse("1818-07-21T21:40:32.142[Europe/Stockholm]")),
  };
  for (const Value& v : values) {
    const std::string enc = Encode(v);
    std::string_view in = enc;
    Value out;
    ASSERT_TRUE(DecodeValue(&in, &out).ok()) << v.ToString();
    EXPECT_TRUE(in.empty());
    EXPECT_EQ(out, v) << v.ToString() << " -> " << out.ToString();
  }
}

TEST(RecordCodecTest, RandomRoundTrip) {
  const uint64_t seed = 20000;
  testing::RandomValueOptions options;
  options.nan_payloads = true;
  testing::RandomValueGenerator gen(seed, options);
  std::string buf;
  std::vector<Value> values;
  for (int n = 0; n < 20000; ++n) {
    values.push_back(gen.Next());
    ASSERT_TRUE(ValidateStorable(values.back()).ok());
    EncodeValue(values.back(), &buf);
  }
  // Values concatenate: decoding consumes exactly one at a time.
  std::string_view in = buf;
  for (const Value& v : values) {
    Value out;
    Status s = DecodeValue(&in, &out);
    ASSERT_TRUE(s.ok()) << s.ToString() << " " << v.ToString() << " seed " << seed;
    ASSERT_EQ(out, v) << v.ToString() << " -> " << out.ToString() << " seed " << seed;
  }
  EXPECT_TRUE(in.empty());
}

TEST(RecordCodecTest, TruncatedAndCorruptInput) {
  const uint64_t seed = 8086;
  testing::RandomValueGenerator gen(seed, {});
  for (int n = 0; n < 3000; ++n) {
    const std::string enc = Encode(gen.Next());
    for (size_t len = 0; len < enc.size(); ++len) {
      const std::string prefix = enc.substr(0, len);  // own buffer: ASan sees overreads
      std::string_view in = prefix;
      Value out;
      Status s = DecodeValue(&in, &out);
      // A strict prefix of one value can never be a complete value.
      ASSERT_TRUE(s.IsCorruption()) << s.ToString() << " len " << len << " seed " << seed;
      ASSERT_NE(s.message().find("corrupt value record"), std::string_view::npos);
    }
    std::string mutated = enc;
    for (int k = 0; k < 4; ++k) {
      mutated[gen.rng()() % mutated.size()] = static_cast<char>(gen.rng()());
      std::string_view in = mutated;
      Value out;
      Status s = DecodeValue(&in, &out);
      ASSERT_TRUE(s.ok() || s.IsCorruption()) << s.ToString();
    }
  }
  // Pure noise.
  for (int n = 0; n < 20000; ++n) {
    std::string noise(gen.rng()() % 24, '\0');
    for (char& c : noise) c = static_cast<char>(gen.rng()());
    std::string_view in = noise;
    Value out;
    Status s = DecodeValue(&in, &out);
    ASSERT_TRUE(s.ok() || s.IsCorruption()) << s.ToString();
  }
}

TEST(RecordCodecTest, SpecificCorruptions) {
  auto decode = [](std::string bytes) {
    std::string_view in = bytes;
    Value out;
    return DecodeValue(&in, &out);
  };
  EXPECT_NE(decode("\x05\x02\xC0\x80").message().find("string is not valid UTF-8"),
            std::string_view::npos);
  EXPECT_NE(decode("\x05\x09hi").message().find("string length 9 exceeds"), std::string_view::npos);
  EXPECT_NE(decode("\x08\x02\x01"
                   "b\xA0\x01"
                   "a\xA0")
                .message()
                .find("map keys not strictly ascending"),
            std::string_view::npos);
  EXPECT_NE(decode("\x08\x01\x02\xC3\x28\xA0").message().find("map key is not valid UTF-8"),
            std::string_view::npos);
  EXPECT_NE(decode("\x7F").message().find("unknown value tag 127"), std::string_view::npos);
  EXPECT_NE(decode("\x0A\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01").message().find("local time"),
            std::string_view::npos);
  EXPECT_NE(decode(std::string("\x0E\x00\x00\x04Mars", 8)).message().find("unknown time zone"),
            std::string_view::npos);
  EXPECT_NE(decode("\x07\xFF\xFF\xFF\xFF\x0F").message().find("list size exceeds"),
            std::string_view::npos);
  EXPECT_TRUE(decode(std::string("\x0F\x00\x00\x02\x01", 5))
                  .IsCorruption());  // nanos against seconds' sign
  EXPECT_TRUE(decode("\x03\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x7F").IsCorruption());
  EXPECT_TRUE(decode(std::string(3 * kMaxValueNestingDepth, '\x07')).IsCorruption());
  std::string deep;
  for (int i = 0; i < kMaxValueNestingDepth + 1; ++i) deep += "\x07\x01";
  deep += "\xA0";
  EXPECT_NE(decode(deep).message().find("nested too deep"), std::string_view::npos);
}

TEST(RecordCodecTest, ValidateStorable) {
  EXPECT_TRUE(ValidateStorable(Value::List({Value::Map({{"a", Value::Int(1)}})})).ok());
  Status s = ValidateStorable(Value::List({Value(Node{1, {}, {}})}));
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("NODE"), std::string_view::npos);
  Value v = Value::Int(1);
  for (int i = 0; i < kMaxValueNestingDepth; ++i) v = Value::List({v});
  EXPECT_TRUE(ValidateStorable(v).ok());
  std::string enc = Encode(v);
  std::string_view in = enc;
  Value out;
  EXPECT_TRUE(DecodeValue(&in, &out).ok());
  EXPECT_FALSE(ValidateStorable(Value::List({v})).ok());
}

}  // namespace
}  // namespace smith
