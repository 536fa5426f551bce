#include "common/key_codec.h"

#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>

#include "common/int128.h"
#include "common/key_codec_internal.h"

namespace smith {
namespace key_internal {
namespace {

void PutSigned64(int64_t v, std::string* out) {
  PutFixed64BE(static_cast<uint64_t>(v) ^ kSignBit, out);
}

void PutSigned32(int32_t v, std::string* out) {
  PutFixed32BE(static_cast<uint32_t>(v) ^ 0x80000000u, out);
}

void PutStringBody(std::string_view s, std::string* out) {
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\0') {
      out->append(s.data() + start, i - start);
      out->push_back('\0');
      out->push_back('\xFF');
      start = i + 1;
    }
  }
  out->append(s.data() + start, s.size() - start);
  out->push_back('\0');
  out->push_back('\x01');
}

Magnitude MagnitudeOfInt(uint64_t u) {
  const int lz = std::countl_zero(u);
  const int exponent = 63 - lz;
  // Shift out the leading one; done in two steps because a shift by 64 is undefined.
  const uint64_t fraction = (u << lz) << 1;
  return {exponent, fraction};
}

Magnitude MagnitudeOfDouble(double d) {
  uint64_t bits = 0;
  std::memcpy(&bits, &d, sizeof(bits));
  const int biased = static_cast<int>((bits >> 52) & 0x7FF);
  const uint64_t mantissa = bits & ((uint64_t{1} << 52) - 1);
  if (biased != 0) return {biased - 1023, mantissa << 12};
  const Magnitude m = MagnitudeOfInt(mantissa);  // subnormal: mantissa * 2^-1074
  return {m.exponent - 1074, m.fraction};
}

void PutMagnitude(Magnitude m, bool negative, std::string* out) {
  const auto flip = static_cast<uint8_t>(negative ? 0xFF : 0x00);
  const auto e = static_cast<uint16_t>(m.exponent + kExponentBias);
  out->push_back(static_cast<char>((e >> 8) ^ flip));
  out->push_back(static_cast<char>((e & 0xFF) ^ flip));
  uint64_t f = m.fraction;
  do {
    const auto group = static_cast<uint8_t>(f >> 57);
    f <<= 7;
    const uint8_t byte = static_cast<uint8_t>(group << 1) | (f != 0 ? 1 : 0);
    out->push_back(static_cast<char>(byte ^ flip));
  } while (f != 0);
}

class KeyEncoder {
 public:
  // `trailer` may be null for canonical-only encoding.
  KeyEncoder(std::string* out, std::string* trailer) : out_(out), trailer_(trailer) {}

  void Encode(const Value& v) {
    switch (v.type()) {
      case ValueType::kNull:
        out_->push_back(static_cast<char>(kTagNull));
        return;
      case ValueType::kBool:
        out_->push_back(static_cast<char>(v.AsBool() ? kTagTrue : kTagFalse));
        return;
      case ValueType::kInt:
        EncodeInt(v.AsInt());
        return;
      case ValueType::kFloat:
        EncodeFloat(v.AsFloat());
        return;
      case ValueType::kString:
        out_->push_back(static_cast<char>(kTagString));
        PutStringBody(v.AsString(), out_);
        return;
      case ValueType::kBytes:
        out_->push_back(static_cast<char>(kTagBytes));
        PutStringBody(v.AsBytes(), out_);
        return;
      case ValueType::kList:
        out_->push_back(static_cast<char>(kTagList));
        for (const Value& item : v.AsList()) Encode(item);
        out_->push_back(static_cast<char>(kListEnd));
        return;
      case ValueType::kMap: {
        const ValueMap& map = v.AsMap();
        out_->push_back(static_cast<char>(kTagMap));
        PutFixed32BE(static_cast<uint32_t>(map.size()), out_);
        for (const auto& entry : map) PutStringBody(entry.first, out_);
        for (const auto& entry : map) Encode(entry.second);
        return;
      }
      case ValueType::kDate:
        out_->push_back(static_cast<char>(kTagDate));
        PutSigned64(v.AsDate().days, out_);
        return;
      case ValueType::kLocalTime:
        out_->push_back(static_cast<char>(kTagLocalTime));
        PutFixed64BE(static_cast<uint64_t>(v.AsLocalTime().nanos), out_);
        return;
      case ValueType::kTime: {
        const Time t = v.AsTime();
        out_->push_back(static_cast<char>(kTagTime));
        PutSigned64(t.utc_nanos(), out_);
        PutSigned32(t.offset_seconds, out_);
        return;
      }
      case ValueType::kLocalDateTime: {
        const LocalDateTime t = v.AsLocalDateTime();
        out_->push_back(static_cast<char>(kTagLocalDateTime));
        PutSigned64(t.seconds, out_);
        PutFixed32BE(static_cast<uint32_t>(t.nanos), out_);
        return;
      }
      case ValueType::kDateTime: {
        const DateTime t = v.AsDateTime();
        out_->push_back(static_cast<char>(kTagDateTime));
        PutSigned64(t.seconds, out_);
        PutFixed32BE(static_cast<uint32_t>(t.nanos), out_);
        PutSigned32(t.offset_seconds, out_);
        if (t.zone == kNoTimeZone) {
          out_->push_back('\0');
        } else {
          out_->push_back('\x01');
          PutStringBody(TimeZoneName(t.zone), out_);
        }
        return;
      }
      case ValueType::kDuration: {
        const Duration& d = v.AsDuration();
        const int128 total = (int128{d.months} * kAverageSecondsPerMonth +
                              int128{d.days} * kSecondsPerDay + d.seconds) *
                                 kNanosPerSecond +
                             d.nanos;
        const auto bits = static_cast<uint128>(total);
        out_->push_back(static_cast<char>(kTagDuration));
        PutFixed64BE(static_cast<uint64_t>(bits >> 64) ^ kSignBit, out_);
        PutFixed64BE(static_cast<uint64_t>(bits), out_);
        PutSigned64(d.months, out_);
        PutSigned64(d.days, out_);
        return;
      }
      case ValueType::kNode:
      case ValueType::kRelationship:
      case ValueType::kPath:
        assert(false && "graph values cannot be key-encoded");
        out_->push_back(static_cast<char>(kTagNull));
        return;
    }
  }

 private:
  void Trailer(uint8_t byte) {
    if (trailer_ != nullptr) trailer_->push_back(static_cast<char>(byte));
  }

  void EncodeInt(int64_t i) {
    Trailer(kTrailerInt);
    if (i == 0) {
      out_->push_back(static_cast<char>(kTagZero));
      return;
    }
    const bool negative = i < 0;
    // Two's complement negation in unsigned arithmetic handles INT64_MIN.
    const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    out_->push_back(static_cast<char>(negative ? kTagNegative : kTagPositive));
    PutMagnitude(MagnitudeOfInt(magnitude), negative, out_);
  }

  void EncodeFloat(double d) {
    if (std::isnan(d)) {
      Trailer(kTrailerFloat);
      out_->push_back(static_cast<char>(kTagNaN));
      return;
    }
    if (d == 0) {
      Trailer(std::signbit(d) ? kTrailerNegativeZero : kTrailerFloat);
      out_->push_back(static_cast<char>(kTagZero));
      return;
    }
    Trailer(kTrailerFloat);
    if (std::isinf(d)) {
      out_->push_back(static_cast<char>(d < 0 ? kTagNegInfinity : kTagPosInfinity));
      return;
    }
    const bool negative = d < 0;
    out_->push_back(static_cast<char>(negative ? kTagNegative : kTagPositive));
    PutMagnitude(MagnitudeOfDouble(std::fabs(d)), negative, out_);
  }

  std::string* out_;
  std::string* trailer_;
};

bool Encodable(const Value& v, int depth) {
  if (v.is_graph()) return false;
  if ((v.is_list() || v.is_map()) && depth >= kMaxValueNestingDepth) return false;
  if (v.is_list()) {
    for (const Value& item : v.AsList()) {
      if (!Encodable(item, depth + 1)) return false;
    }
  } else if (v.is_map()) {
    for (const auto& entry : v.AsMap()) {
      if (!Encodable(entry.second, depth + 1)) return false;
    }
  }
  return true;
}

}  // namespace
}  // namespace key_internal

using key_internal::Encodable;
using key_internal::KeyEncoder;

bool IsKeyEncodable(const Value& v) { return Encodable(v, 0); }

void EncodeKey(const Value& v, std::string* out) {
  std::string trailer;
  KeyEncoder(out, &trailer).Encode(v);
  out->append(trailer);
}

void EncodeKeyCanonical(const Value& v, std::string* out) { KeyEncoder(out, nullptr).Encode(v); }

void EncodeKeyTuple(std::span<const Value> values, std::string* out) {
  std::string trailer;
  KeyEncoder encoder(out, &trailer);
  for (const Value& v : values) encoder.Encode(v);
  out->append(trailer);
}

void EncodeKeyTupleCanonical(std::span<const Value> values, std::string* out) {
  KeyEncoder encoder(out, nullptr);
  for (const Value& v : values) encoder.Encode(v);
}

}  // namespace smith
