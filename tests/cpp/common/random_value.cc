#include "random_value.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "common/utf8.h"

namespace smith::testing {
namespace {

const char* const kZones[] = {"Europe/Stockholm", "America/New_York", "Asia/Kolkata", "UTC",
                              "Australia/Eucla",  "Pacific/Honolulu"};

}  // namespace

int64_t RandomValueGenerator::Int() {
  static constexpr int64_t kPool[] = {0,
                                      1,
                                      -1,
                                      2,
                                      3,
                                      95,
                                      96,
                                      -32,
                                      -33,
                                      127,
                                      128,
                                      (int64_t{1} << 53),
                                      (int64_t{1} << 53) + 1,
                                      -(int64_t{1} << 53) - 1,
                                      INT64_MAX,
                                      INT64_MIN,
                                      INT64_MAX - 1,
                                      INT64_MIN + 1};
  if (options_.collide) {
    return Below(3) == 0 ? kPool[Below(std::size(kPool))] : Between(-4, 4);
  }
  switch (Below(4)) {
    case 0:
      return kPool[Below(std::size(kPool))];
    case 1:
      return Between(-200, 200);
    case 2:
      return static_cast<int64_t>(rng_());
    default:
      return static_cast<int64_t>(rng_()) >> Below(64);
  }
}

double RandomValueGenerator::Float() {
  static const double kPool[] = {0.0,
                                 -0.0,
                                 1.0,
                                 -1.0,
                                 1.5,
                                 2.0,
                                 -2.5,
                                 0.1,
                                 std::numeric_limits<double>::quiet_NaN(),
                                 std::numeric_limits<double>::infinity(),
                                 -std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::denorm_min(),
                                 -std::numeric_limits<double>::denorm_min(),
                                 std::numeric_limits<double>::min(),
                                 std::numeric_limits<double>::max(),
                                 -std::numeric_limits<double>::max(),
                                 9007199254740992.0,      // 2^53
                                 9223372036854775808.0,   // 2^63
                                 -9223372036854775808.0,  // -2^63
                                 4611686018427387904.0};
  if (options_.collide) {
    switch (Below(3)) {
      case 0:
        return kPool[Below(std::size(kPool))];
      case 1:
        return static_cast<double>(Between(-4, 4));
      default:
        return static_cast<double>(Between(-8, 8)) / 2;
    }
  }
  switch (Below(5)) {
    case 0:
      return kPool[Below(std::size(kPool))];
    case 1:
      return static_cast<double>(Int());
    case 2:
      return std::uniform_real_distribution<double>(-1e6, 1e6)(rng_);
    default: {
      uint64_t bits = rng_();
      double d;
      std::memcpy(&d, &bits, sizeof(d));
      if (std::isnan(d) && !options_.nan_payloads) d = std::numeric_limits<double>::quiet_NaN();
      return d;
    }
  }
}

std::string RandomValueGenerator::Utf8String() {
  static const std::string_view kPool[] = {"",
                                           "a",
                                           std::string_view("a\0", 2),
                                           std::string_view("a\0b", 3),
                                           "ab",
                                           "b",
                                           "\xC3\xA9",
                                           "\xF0\x9F\x98\x80",
                                           "A"};
  if (options_.collide && Below(2) == 0) return std::string(kPool[Below(std::size(kPool))]);
  std::string s;
  const size_t length = Below(4) == 0 ? Below(40) : Below(6);
  for (size_t i = 0; i < length; ++i) {
    uint32_t cp;
    switch (Below(5)) {
      case 0:
        cp = static_cast<uint32_t>(Below(3));  // NUL, 0x01, 0x02: escape edge cases
        break;
      case 1:
        cp = static_cast<uint32_t>(0x80 + Below(0x780));
        break;
      case 2:
        cp = static_cast<uint32_t>(0x800 + Below(0xD000 - 0x800));
        break;
      case 3:
        cp = static_cast<uint32_t>(0x10000 + Below(0x100000));
        break;
      default:
        cp = static_cast<uint32_t>('a' + Below(4));
    }
    AppendUtf8(cp, &s);
  }
  return s;
}

std::string RandomValueGenerator::ByteString() {
  std::string s;
  const size_t length = Below(24);
  for (size_t i = 0; i < length; ++i) {
    const uint64_t r = Below(4);
    s.push_back(static_cast<char>(r == 0 ? 0x00 : r == 1 ? 0xFF : Below(256)));
  }
  return s;
}

Value RandomValueGenerator::Temporal() {
  const int64_t min_day = MinEpochDay(), max_day = MaxEpochDay();
  auto day = [&]() -> int64_t {
    if (options_.collide) return Between(-3, 3);
    switch (Below(3)) {
      case 0:
        return Between(-30000, 30000);
      case 1:
        return Between(min_day + 2, max_day - 2);
      default:
        return Below(2) == 0 ? min_day + 1 : max_day - 1;
    }
  };
  auto nanos_of_day = [&]() -> int64_t {
    if (options_.collide) return Between(0, 3) * 3600 * kNanosPerSecond;
    return Between(0, kNanosPerDay - 1);
  };
  auto offset = [&]() -> int32_t {
    if (options_.collide) return static_cast<int32_t>(Between(-1, 1) * 3600);
    return static_cast<int32_t>(Between(-kMaxOffsetSeconds, kMaxOffsetSeconds));
  };
  switch (Below(6)) {
    case 0:
      return Value(Date{day()});
    case 1:
      return Value(LocalTime{nanos_of_day()});
    case 2:
      return Value(Time{nanos_of_day(), offset()});
    case 3: {
      const int64_t n = nanos_of_day();
      return Value(LocalDateTime{day() * kSecondsPerDay + n / kNanosPerSecond,
                                 static_cast<int32_t>(n % kNanosPerSecond)});
    }
    case 4: {
      const int64_t n = nanos_of_day();
      const int64_t utc = day() * kSecondsPerDay + n / kNanosPerSecond;
      const auto nanos = static_cast<int32_t>(n % kNanosPerSecond);
      Result<DateTime> dt = Status::Internal("unset");
      if (Below(2) == 0) {
        dt = DateTime::FromInstant(utc, nanos, offset());
      } else {
        Result<TimeZoneId> zone = FindTimeZone(kZones[Below(std::size(kZones))]);
        dt = DateTime::FromInstantInZone(utc, nanos, *zone);
      }
      return dt.ok() ? Value(*dt) : Value();
    }
    default: {
      auto component = [&]() -> int64_t {
        if (options_.collide) return Between(-2, 2);
        return Below(3) == 0 ? static_cast<int64_t>(rng_()) >> 2 : Between(-1000, 1000);
      };
      const int64_t months = component(), days = component();
      const int64_t seconds =
          Below(2) == 0 || days > 1000000 || days < -1000000 ? component() : days * -86400;
      const int64_t nanos =
          options_.collide ? 0 : Between(-kNanosPerSecond + 1, kNanosPerSecond - 1);
      Result<Duration> d = Duration::Make(months, days, seconds, nanos);
      return d.ok() ? Value(*d) : Value();
    }
  }
}

Value RandomValueGenerator::Generate(int depth) {
  const uint64_t kinds = depth < options_.max_depth ? 10 : 8;
  switch (Below(kinds)) {
    case 0:
      return Below(3) == 0 ? Value() : Value::Bool(Below(2) == 0);
    case 1:
    case 2:
      return Value::Int(Int());
    case 3:
      return Value::Float(Float());
    case 4:
    case 5:
      return Value::String(Utf8String());
    case 6:
      return Value::Bytes(ByteString());
    case 7:
      return Temporal();
    case 8: {
      std::vector<Value> items(Below(5));
      for (Value& item : items) item = Generate(depth + 1);
      return Value::List(std::move(items));
    }
    default: {
      ValueMap map;
      const size_t n = Below(4);
      for (size_t i = 0; i < n; ++i) {
        map.Assign(
            options_.collide ? std::string(1, static_cast<char>('a' + Below(3))) : Utf8String(),
            Generate(depth + 1));
      }
      return Value::Map(std::move(map));
    }
  }
}

bool SameValue(const Value& a, const Value& b) {
  if (a.is_float() && b.is_float() && std::isnan(a.AsFloat()) && std::isnan(b.AsFloat())) {
    return true;
  }
  if (a.type() != b.type()) return false;
  if (a.is_list()) {
    const auto& la = a.AsList();
    const auto& lb = b.AsList();
    if (la.size() != lb.size()) return false;
    for (size_t i = 0; i < la.size(); ++i) {
      if (!SameValue(la[i], lb[i])) return false;
    }
    return true;
  }
  if (a.is_map()) {
    const ValueMap& ma = a.AsMap();
    const ValueMap& mb = b.AsMap();
    if (ma.size() != mb.size()) return false;
    for (size_t i = 0; i < ma.size(); ++i) {
      if (ma.at_index(i).first != mb.at_index(i).first) return false;
      if (!SameValue(ma.at_index(i).second, mb.at_index(i).second)) return false;
    }
    return true;
  }
  return a == b;
}

}  // namespace smith::testing
