#include "common/value_compare.h"

#include <cmath>
#include <cstring>
#include <functional>
#include <string_view>

#include "common/int128.h"

namespace smith {
namespace {

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int CompareBytes(std::string_view a, std::string_view b) {
  const int c = a.compare(b);  // char_traits<char>::compare is memcmp: unsigned byte order
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Numbers, NaN excluded.
int CompareNumbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return Cmp(a.AsInt(), b.AsInt());
  if (a.is_int()) return CompareIntFloat(a.AsInt(), b.AsFloat());
  if (b.is_int()) return -CompareIntFloat(b.AsInt(), a.AsFloat());
  return Cmp(a.AsFloat(), b.AsFloat());
}

bool IsNaN(const Value& v) { return v.is_float() && std::isnan(v.AsFloat()); }

int CompareTime(const Time& a, const Time& b) {
  if (int c = Cmp(a.utc_nanos(), b.utc_nanos())) return c;
  return Cmp(a.offset_seconds, b.offset_seconds);
}

int CompareLocalDateTime(const LocalDateTime& a, const LocalDateTime& b) {
  if (int c = Cmp(a.seconds, b.seconds)) return c;
  return Cmp(a.nanos, b.nanos);
}

int CompareDateTime(const DateTime& a, const DateTime& b) {
  if (int c = Cmp(a.seconds, b.seconds)) return c;
  if (int c = Cmp(a.nanos, b.nanos)) return c;
  if (int c = Cmp(a.offset_seconds, b.offset_seconds)) return c;
  if (a.zone == b.zone) return 0;
  if (a.zone == kNoTimeZone) return -1;
  if (b.zone == kNoTimeZone) return 1;
  return CompareBytes(TimeZoneName(a.zone), TimeZoneName(b.zone));
}

int128 DurationTotalNanos(const Duration& d) {
  return (int128{d.months} * kAverageSecondsPerMonth + int128{d.days} * kSecondsPerDay +
          d.seconds) *
             kNanosPerSecond +
         d.nanos;
}

int CompareDuration(const Duration& a, const Duration& b) {
  if (int c = Cmp(DurationTotalNanos(a), DurationTotalNanos(b))) return c;
  if (int c = Cmp(a.months, b.months)) return c;
  return Cmp(a.days, b.days);
}

// Same-type comparison of temporal values; Duration excluded.
int CompareTemporal(const Value& a, const Value& b) {
  switch (a.type()) {
    case ValueType::kDate:
      return Cmp(a.AsDate().days, b.AsDate().days);
    case ValueType::kLocalTime:
      return Cmp(a.AsLocalTime().nanos, b.AsLocalTime().nanos);
    case ValueType::kTime:
      return CompareTime(a.AsTime(), b.AsTime());
    case ValueType::kLocalDateTime:
      return CompareLocalDateTime(a.AsLocalDateTime(), b.AsLocalDateTime());
    case ValueType::kDateTime:
      return CompareDateTime(a.AsDateTime(), b.AsDateTime());
    default:
      return 0;
  }
}

Comparison FromInt(int c) {
  return c < 0 ? Comparison::kLess : (c > 0 ? Comparison::kGreater : Comparison::kEqual);
}

// Position of each type in ORDER BY's order of types.
int OrderRank(ValueType t) {
  switch (t) {
    case ValueType::kMap:
      return 0;
    case ValueType::kNode:
      return 1;
    case ValueType::kRelationship:
      return 2;
    case ValueType::kList:
      return 3;
    case ValueType::kBytes:
      return 4;
    case ValueType::kPath:
      return 5;
    case ValueType::kDateTime:
      return 6;
    case ValueType::kLocalDateTime:
      return 7;
    case ValueType::kDate:
      return 8;
    case ValueType::kTime:
      return 9;
    case ValueType::kLocalTime:
      return 10;
    case ValueType::kDuration:
      return 11;
    case ValueType::kString:
      return 12;
    case ValueType::kBool:
      return 13;
    case ValueType::kInt:
    case ValueType::kFloat:
      return 14;
    case ValueType::kNull:
      return 15;
  }
  return 16;
}

int OrderPath(const Path& a, const Path& b) {
  // The sequence node, relationship, node, ... compared element by element by id.
  const size_t na = a.nodes.size() + a.relationships.size();
  const size_t nb = b.nodes.size() + b.relationships.size();
  for (size_t i = 0; i < na && i < nb; ++i) {
    const int64_t ia = i % 2 == 0 ? a.nodes[i / 2].id : a.relationships[i / 2].id;
    const int64_t ib = i % 2 == 0 ? b.nodes[i / 2].id : b.relationships[i / 2].id;
    if (int c = Cmp(ia, ib)) return c;
  }
  return Cmp(na, nb);
}

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

uint64_t Combine(uint64_t seed, uint64_t v) { return Mix(seed * 31 + v + 0x9e3779b97f4a7c15ULL); }

}  // namespace

int CompareIntFloat(int64_t i, double d) {
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63) return -1;
  if (d < -kTwo63) return 1;
  const double whole = std::trunc(d);
  const auto di = static_cast<int64_t>(whole);  // exact: |whole| < 2^63
  if (i != di) return i < di ? -1 : 1;
  const double fraction = d - whole;  // exact
  return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
}

// ---- Ternary logic ----

Ternary Not(Ternary a) {
  if (a == Ternary::kNull) return a;
  return a == Ternary::kTrue ? Ternary::kFalse : Ternary::kTrue;
}

Ternary And(Ternary a, Ternary b) {
  if (a == Ternary::kFalse || b == Ternary::kFalse) return Ternary::kFalse;
  if (a == Ternary::kNull || b == Ternary::kNull) return Ternary::kNull;
  return Ternary::kTrue;
}

Ternary Or(Ternary a, Ternary b) {
  if (a == Ternary::kTrue || b == Ternary::kTrue) return Ternary::kTrue;
  if (a == Ternary::kNull || b == Ternary::kNull) return Ternary::kNull;
  return Ternary::kFalse;
}

Ternary Xor(Ternary a, Ternary b) {
  if (a == Ternary::kNull || b == Ternary::kNull) return Ternary::kNull;
  return ToTernary(a != b);
}

// ---- Equality ----

Ternary Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Ternary::kNull;
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return Ternary::kFalse;
    return ToTernary(CompareNumbers(a, b) == 0);
  }
  if (a.type() != b.type()) return Ternary::kFalse;
  switch (a.type()) {
    case ValueType::kBool:
      return ToTernary(a.AsBool() == b.AsBool());
    case ValueType::kString:
      return ToTernary(a.AsString() == b.AsString());
    case ValueType::kBytes:
      return ToTernary(a.AsBytes() == b.AsBytes());
    case ValueType::kList: {
      const auto& la = a.AsList();
      const auto& lb = b.AsList();
      if (la.size() != lb.size()) return Ternary::kFalse;
      Ternary result = Ternary::kTrue;
      for (size_t i = 0; i < la.size(); ++i) {
        const Ternary t = Equals(la[i], lb[i]);
        if (t == Ternary::kFalse) return t;
        if (t == Ternary::kNull) result = t;
      }
      return result;
    }
    case ValueType::kMap: {
      const ValueMap& ma = a.AsMap();
      const ValueMap& mb = b.AsMap();
      if (ma.size() != mb.size()) return Ternary::kFalse;
      for (size_t i = 0; i < ma.size(); ++i) {
        if (ma.at_index(i).first != mb.at_index(i).first) return Ternary::kFalse;
      }
      Ternary result = Ternary::kTrue;
      for (size_t i = 0; i < ma.size(); ++i) {
        const Ternary t = Equals(ma.at_index(i).second, mb.at_index(i).second);
        if (t == Ternary::kFalse) return t;
        if (t == Ternary::kNull) result = t;
      }
      return result;
    }
    case ValueType::kDate:
    case ValueType::kLocalTime:
    case ValueType::kTime:
    case ValueType::kLocalDateTime:
    case ValueType::kDateTime:
      return ToTernary(CompareTemporal(a, b) == 0);
    case ValueType::kDuration:
      return ToTernary(a.AsDuration() == b.AsDuration());
    case ValueType::kNode:
      return ToTernary(a.AsNode().id == b.AsNode().id);
    case ValueType::kRelationship:
      return ToTernary(a.AsRelationship().id == b.AsRelationship().id);
    case ValueType::kPath:
      return ToTernary(OrderPath(a.AsPath(), b.AsPath()) == 0);
    default:
      return Ternary::kFalse;
  }
}

// ---- Comparability ----

Comparison Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Comparison::kIncomparable;
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return Comparison::kUnordered;
    return FromInt(CompareNumbers(a, b));
  }
  if (a.type() != b.type()) return Comparison::kIncomparable;
  switch (a.type()) {
    case ValueType::kBool:
      return FromInt(Cmp(a.AsBool(), b.AsBool()));
    case ValueType::kString:
      return FromInt(CompareBytes(a.AsString(), b.AsString()));
    case ValueType::kBytes:
      return FromInt(CompareBytes(a.AsBytes(), b.AsBytes()));
    case ValueType::kList: {
      const auto& la = a.AsList();
      const auto& lb = b.AsList();
      for (size_t i = 0; i < la.size() && i < lb.size(); ++i) {
        const Comparison c = Compare(la[i], lb[i]);
        if (c != Comparison::kEqual) return c;
      }
      return FromInt(Cmp(la.size(), lb.size()));
    }
    case ValueType::kDate:
    case ValueType::kLocalTime:
    case ValueType::kTime:
    case ValueType::kLocalDateTime:
    case ValueType::kDateTime:
      return FromInt(CompareTemporal(a, b));
    default:
      return Comparison::kIncomparable;
  }
}

namespace {

Ternary Apply(Comparison c, bool on_less, bool on_equal, bool on_greater) {
  switch (c) {
    case Comparison::kLess:
      return ToTernary(on_less);
    case Comparison::kEqual:
      return ToTernary(on_equal);
    case Comparison::kGreater:
      return ToTernary(on_greater);
    case Comparison::kUnordered:
      return Ternary::kFalse;
    case Comparison::kIncomparable:
      return Ternary::kNull;
  }
  return Ternary::kNull;
}

}  // namespace

Ternary LessThan(const Value& a, const Value& b) {
  return Apply(Compare(a, b), true, false, false);
}

Ternary LessThanOrEqual(const Value& a, const Value& b) {
  return Apply(Compare(a, b), true, true, false);
}

Ternary GreaterThan(const Value& a, const Value& b) {
  return Apply(Compare(a, b), false, false, true);
}

Ternary GreaterThanOrEqual(const Value& a, const Value& b) {
  return Apply(Compare(a, b), false, true, true);
}

// ---- Orderability ----

int Order(const Value& a, const Value& b) {
  const int ra = OrderRank(a.type());
  const int rb = OrderRank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case ValueType::kNull:
      return 0;
    case ValueType::kInt:
    case ValueType::kFloat: {
      const bool nan_a = IsNaN(a), nan_b = IsNaN(b);
      if (nan_a || nan_b) return Cmp(nan_a, nan_b);
      return CompareNumbers(a, b);
    }
    case ValueType::kBool:
      return Cmp(a.AsBool(), b.AsBool());
    case ValueType::kString:
      return CompareBytes(a.AsString(), b.AsString());
    case ValueType::kBytes:
      return CompareBytes(a.AsBytes(), b.AsBytes());
    case ValueType::kList: {
      const auto& la = a.AsList();
      const auto& lb = b.AsList();
      for (size_t i = 0; i < la.size() && i < lb.size(); ++i) {
        if (int c = Order(la[i], lb[i])) return c;
      }
      return Cmp(la.size(), lb.size());
    }
    case ValueType::kMap: {
      // By size, then by the sorted keys, then by the values in key order.
      const ValueMap& ma = a.AsMap();
      const ValueMap& mb = b.AsMap();
      if (int c = Cmp(ma.size(), mb.size())) return c;
      for (size_t i = 0; i < ma.size(); ++i) {
        if (int c = CompareBytes(ma.at_index(i).first, mb.at_index(i).first)) return c;
      }
      for (size_t i = 0; i < ma.size(); ++i) {
        if (int c = Order(ma.at_index(i).second, mb.at_index(i).second)) return c;
      }
      return 0;
    }
    case ValueType::kDate:
    case ValueType::kLocalTime:
    case ValueType::kTime:
    case ValueType::kLocalDateTime:
    case ValueType::kDateTime:
      return CompareTemporal(a, b);
    case ValueType::kDuration:
      return CompareDuration(a.AsDuration(), b.AsDuration());
    case ValueType::kNode:
      return Cmp(a.AsNode().id, b.AsNode().id);
    case ValueType::kRelationship:
      return Cmp(a.AsRelationship().id, b.AsRelationship().id);
    case ValueType::kPath:
      return OrderPath(a.AsPath(), b.AsPath());
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) { return Order(a, b) == 0; }

// ---- Hashing ----

size_t Hash(const Value& v) {
  const uint64_t rank = static_cast<uint64_t>(OrderRank(v.type()));
  switch (v.type()) {
    case ValueType::kNull:
      return Mix(rank);
    case ValueType::kBool:
      return Mix(rank * 2 + (v.AsBool() ? 1 : 0));
    case ValueType::kInt:
      return Combine(rank, static_cast<uint64_t>(v.AsInt()));
    case ValueType::kFloat: {
      const double d = v.AsFloat();
      if (std::isnan(d)) return Combine(rank, 0x7ff8000000000000ULL);
      // Integral floats in int64 range hash as the equal int (this also maps -0.0 to 0).
      if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::trunc(d) == d) {
        return Combine(rank, static_cast<uint64_t>(static_cast<int64_t>(d)));
      }
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof(bits));
      return Combine(rank, bits);
    }
    case ValueType::kString:
      return Combine(rank, std::hash<std::string_view>()(v.AsString()));
    case ValueType::kBytes:
      return Combine(rank, std::hash<std::string_view>()(v.AsBytes()));
    case ValueType::kList: {
      uint64_t h = Mix(rank);
      for (const Value& item : v.AsList()) h = Combine(h, Hash(item));
      return h;
    }
    case ValueType::kMap: {
      uint64_t h = Mix(rank);
      for (const auto& [key, value] : v.AsMap()) {
        h = Combine(h, std::hash<std::string_view>()(key));
        h = Combine(h, Hash(value));
      }
      return h;
    }
    case ValueType::kDate:
      return Combine(rank, static_cast<uint64_t>(v.AsDate().days));
    case ValueType::kLocalTime:
      return Combine(rank, static_cast<uint64_t>(v.AsLocalTime().nanos));
    case ValueType::kTime: {
      const Time t = v.AsTime();
      return Combine(Combine(rank, static_cast<uint64_t>(t.nanos)),
                     static_cast<uint64_t>(t.offset_seconds));
    }
    case ValueType::kLocalDateTime: {
      const LocalDateTime t = v.AsLocalDateTime();
      return Combine(Combine(rank, static_cast<uint64_t>(t.seconds)),
                     static_cast<uint64_t>(t.nanos));
    }
    case ValueType::kDateTime: {
      const DateTime t = v.AsDateTime();
      uint64_t h = Combine(rank, static_cast<uint64_t>(t.seconds));
      h = Combine(h, static_cast<uint64_t>(t.nanos));
      h = Combine(h, static_cast<uint64_t>(t.offset_seconds));
      return Combine(h, t.zone);
    }
    case ValueType::kDuration: {
      const Duration& d = v.AsDuration();
      uint64_t h = Combine(rank, static_cast<uint64_t>(d.months));
      h = Combine(h, static_cast<uint64_t>(d.days));
      h = Combine(h, static_cast<uint64_t>(d.seconds));
      return Combine(h, static_cast<uint64_t>(d.nanos));
    }
    case ValueType::kNode:
      return Combine(rank, static_cast<uint64_t>(v.AsNode().id));
    case ValueType::kRelationship:
      return Combine(rank, static_cast<uint64_t>(v.AsRelationship().id));
    case ValueType::kPath: {
      const Path& p = v.AsPath();
      uint64_t h = Mix(rank);
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        h = Combine(h, static_cast<uint64_t>(p.nodes[i].id));
        if (i < p.relationships.size()) {
          h = Combine(h, static_cast<uint64_t>(p.relationships[i].id));
        }
      }
      return h;
    }
  }
  return 0;
}

}  // namespace smith
