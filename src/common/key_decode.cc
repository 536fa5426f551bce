// Decoding of the key encoding (key_codec.h).
#include <cmath>
#include <cstring>
#include <limits>

#include "common/int128.h"
#include "common/key_codec.h"
#include "common/key_codec_internal.h"
#include "common/utf8.h"

namespace smith {
namespace key_internal {
namespace {

Status KeyCorruption(std::string_view what) {
  std::string msg = "corrupt index key: ";
  msg.append(what);
  return Status::Corruption(msg);
}

uint8_t Byte(std::string_view in, size_t i) { return static_cast<uint8_t>(in[i]); }

Status GetTag(std::string_view* in, uint8_t* tag) {
  if (in->empty()) return KeyCorruption("truncated before a value tag");
  *tag = Byte(*in, 0);
  in->remove_prefix(1);
  return Status::OK();
}

Status Need(std::string_view in, size_t n, std::string_view what) {
  if (in.size() < n) return KeyCorruption(std::string("truncated ") + std::string(what));
  return Status::OK();
}

Status GetSigned64(std::string_view* in, std::string_view what, int64_t* v) {
  SMITH_RETURN_IF_ERROR(Need(*in, 8, what));
  *v = static_cast<int64_t>(DecodeFixed64BE(in->data()) ^ kSignBit);
  in->remove_prefix(8);
  return Status::OK();
}

Status GetSigned32(std::string_view* in, std::string_view what, int32_t* v) {
  SMITH_RETURN_IF_ERROR(Need(*in, 4, what));
  *v = static_cast<int32_t>(DecodeFixed32BE(in->data()) ^ 0x80000000u);
  in->remove_prefix(4);
  return Status::OK();
}

Status GetUnsigned32(std::string_view* in, std::string_view what, uint32_t* v) {
  SMITH_RETURN_IF_ERROR(Need(*in, 4, what));
  *v = DecodeFixed32BE(in->data());
  in->remove_prefix(4);
  return Status::OK();
}

// Reads a string body; `out` may be null to skip it.
Status GetStringBody(std::string_view* in, std::string* out) {
  size_t i = 0;
  while (true) {
    const size_t zero = in->find('\0', i);
    if (zero == std::string_view::npos || zero + 1 >= in->size()) {
      return KeyCorruption("unterminated string");
    }
    if (out != nullptr) out->append(in->data() + i, zero - i);
    const uint8_t next = Byte(*in, zero + 1);
    if (next == 0x01) {
      in->remove_prefix(zero + 2);
      return Status::OK();
    }
    if (next != 0xFF) return KeyCorruption("bad escape in string");
    if (out != nullptr) out->push_back('\0');
    i = zero + 2;
  }
}

Status GetMagnitude(std::string_view* in, bool negative, Magnitude* m) {
  const uint8_t flip = negative ? 0xFF : 0x00;
  SMITH_RETURN_IF_ERROR(Need(*in, 2, "number exponent"));
  const int e = ((Byte(*in, 0) ^ flip) << 8) | (Byte(*in, 1) ^ flip);
  in->remove_prefix(2);
  m->exponent = e - kExponentBias;
  m->fraction = 0;
  for (int group = 0;; ++group) {
    if (in->empty()) return KeyCorruption("truncated number mantissa");
    if (group == 10) return KeyCorruption("number mantissa too long");
    const uint8_t byte = Byte(*in, 0) ^ flip;
    in->remove_prefix(1);
    const uint64_t bits = byte >> 1;
    // Group g covers fraction bits 63-7g .. 57-7g; the tenth group would start below bit 0.
    if (group < 9) {
      m->fraction |= bits << (57 - 7 * group);
    } else if (bits != 0) {
      return KeyCorruption("number mantissa too long");
    }
    if ((byte & 1) == 0) {
      // A non-final group must not end the encoding with a zero group except for fraction 0.
      if (bits == 0 && group > 0) return KeyCorruption("non-canonical number mantissa");
      return Status::OK();
    }
  }
}

Status MagnitudeToInt(Magnitude m, bool negative, int64_t* out) {
  if (m.exponent < 0 || m.exponent > 63) return KeyCorruption("integer exponent out of range");
  if (m.exponent < 64 && m.exponent > 0 && (m.fraction << m.exponent) != 0) {
    return KeyCorruption("integer with fraction bits");
  }
  if (m.exponent == 0 && m.fraction != 0) return KeyCorruption("integer with fraction bits");
  const uint64_t magnitude =
      (uint64_t{1} << m.exponent) | (m.exponent == 0 ? 0 : m.fraction >> (64 - m.exponent));
  if (!negative && magnitude > static_cast<uint64_t>(INT64_MAX)) {
    return KeyCorruption("integer out of range");
  }
  if (negative && magnitude > kSignBit) return KeyCorruption("integer out of range");
  *out = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return Status::OK();
}

Status MagnitudeToDouble(Magnitude m, bool negative, double* out) {
  uint64_t bits = 0;
  if (m.exponent >= -1022 && m.exponent <= 1023) {
    if ((m.fraction & 0xFFF) != 0) return KeyCorruption("float with excess mantissa bits");
    bits = (static_cast<uint64_t>(m.exponent + 1023) << 52) | (m.fraction >> 12);
  } else if (m.exponent >= -1074 && m.exponent < -1022) {
    const int shift = m.exponent + 1074;  // position of the leading one in the mantissa, 0..51
    if (shift == 0 ? m.fraction != 0 : (m.fraction << shift) != 0) {
      return KeyCorruption("subnormal float with excess mantissa bits");
    }
    bits = (uint64_t{1} << shift) | (shift == 0 ? 0 : m.fraction >> (64 - shift));
  } else {
    return KeyCorruption("float exponent out of range");
  }
  std::memcpy(out, &bits, sizeof(bits));
  if (negative) *out = -*out;
  return Status::OK();
}

class KeyDecoder {
 public:
  explicit KeyDecoder(std::string_view* trailer) : trailer_(trailer) {}

  // Finds the end of one canonical encoding without building values.
  static Status Skip(std::string_view* in, int depth) {
    uint8_t tag = 0;
    SMITH_RETURN_IF_ERROR(GetTag(in, &tag));
    if ((tag == kTagList || tag == kTagMap) && depth >= kMaxValueNestingDepth) {
      return KeyCorruption("lists or maps nested too deep");
    }
    switch (tag) {
      case kTagNull:
      case kTagFalse:
      case kTagTrue:
      case kTagNegInfinity:
      case kTagZero:
      case kTagPosInfinity:
      case kTagNaN:
        return Status::OK();
      case kTagNegative:
      case kTagPositive: {
        Magnitude m{0, 0};
        return GetMagnitude(in, tag == kTagNegative, &m);
      }
      case kTagString:
      case kTagBytes:
        return GetStringBody(in, nullptr);
      case kTagList:
        while (true) {
          if (in->empty()) return KeyCorruption("unterminated list");
          if (Byte(*in, 0) == kListEnd) {
            in->remove_prefix(1);
            return Status::OK();
          }
          SMITH_RETURN_IF_ERROR(Skip(in, depth + 1));
        }
      case kTagMap: {
        uint32_t count = 0;
        SMITH_RETURN_IF_ERROR(GetUnsigned32(in, "map size", &count));
        for (uint32_t i = 0; i < count; ++i) SMITH_RETURN_IF_ERROR(GetStringBody(in, nullptr));
        for (uint32_t i = 0; i < count; ++i) SMITH_RETURN_IF_ERROR(Skip(in, depth + 1));
        return Status::OK();
      }
      case kTagDate:
      case kTagLocalTime:
        return Advance(in, 8, "date or local time");
      case kTagTime:
      case kTagLocalDateTime:
        return Advance(in, 12, "time or local datetime");
      case kTagDuration:
        return Advance(in, 32, "duration");
      case kTagDateTime: {
        SMITH_RETURN_IF_ERROR(Advance(in, 16, "datetime"));
        uint8_t zone_kind = 0;
        SMITH_RETURN_IF_ERROR(GetTag(in, &zone_kind));
        if (zone_kind == 0) return Status::OK();
        if (zone_kind != 1) return KeyCorruption("bad datetime zone marker");
        return GetStringBody(in, nullptr);
      }
      default:
        return KeyCorruption("unknown value tag " + std::to_string(tag));
    }
  }

  Status Decode(std::string_view* in, Value* out, int depth) {
    uint8_t tag = 0;
    SMITH_RETURN_IF_ERROR(GetTag(in, &tag));
    if ((tag == kTagList || tag == kTagMap) && depth >= kMaxValueNestingDepth) {
      return KeyCorruption("lists or maps nested too deep");
    }
    switch (tag) {
      case kTagNull:
        *out = Value();
        return Status::OK();
      case kTagFalse:
      case kTagTrue:
        *out = Value::Bool(tag == kTagTrue);
        return Status::OK();
      case kTagNegInfinity:
      case kTagPosInfinity:
      case kTagNaN: {
        uint8_t kind = 0;
        SMITH_RETURN_IF_ERROR(GetTrailer(&kind));
        if (kind != kTrailerFloat) return KeyCorruption("non-finite number marked as integer");
        *out = Value::Float(tag == kTagNaN ? std::numeric_limits<double>::quiet_NaN()
                                           : (tag == kTagPosInfinity
                                                  ? std::numeric_limits<double>::infinity()
                                                  : -std::numeric_limits<double>::infinity()));
        return Status::OK();
      }
      case kTagZero: {
        uint8_t kind = 0;
        SMITH_RETURN_IF_ERROR(GetTrailer(&kind));
        *out = kind == kTrailerInt     ? Value::Int(0)
               : kind == kTrailerFloat ? Value::Float(0.0)
                                       : Value::Float(-0.0);
        return Status::OK();
      }
      case kTagNegative:
      case kTagPositive: {
        const bool negative = tag == kTagNegative;
        Magnitude m{0, 0};
        SMITH_RETURN_IF_ERROR(GetMagnitude(in, negative, &m));
        uint8_t kind = 0;
        SMITH_RETURN_IF_ERROR(GetTrailer(&kind));
        if (kind == kTrailerInt) {
          int64_t i = 0;
          SMITH_RETURN_IF_ERROR(MagnitudeToInt(m, negative, &i));
          *out = Value::Int(i);
        } else if (kind == kTrailerFloat) {
          double d = 0;
          SMITH_RETURN_IF_ERROR(MagnitudeToDouble(m, negative, &d));
          *out = Value::Float(d);
        } else {
          return KeyCorruption("bad number trailer");
        }
        return Status::OK();
      }
      case kTagString:
      case kTagBytes: {
        std::string s;
        SMITH_RETURN_IF_ERROR(GetStringBody(in, &s));
        if (tag == kTagString) {
          if (!IsValidUtf8(s)) return KeyCorruption("string is not valid UTF-8");
          *out = Value::String(s);
        } else {
          *out = Value::Bytes(s);
        }
        return Status::OK();
      }
      case kTagList: {
        std::vector<Value> items;
        while (true) {
          if (in->empty()) return KeyCorruption("unterminated list");
          if (Byte(*in, 0) == kListEnd) {
            in->remove_prefix(1);
            break;
          }
          items.emplace_back();
          SMITH_RETURN_IF_ERROR(Decode(in, &items.back(), depth + 1));
        }
        *out = Value::List(std::move(items));
        return Status::OK();
      }
      case kTagMap: {
        uint32_t count = 0;
        SMITH_RETURN_IF_ERROR(GetUnsigned32(in, "map size", &count));
        // Every key needs at least two bytes: bound the reservation by the input.
        if (count > in->size() / 2) return KeyCorruption("map size exceeds the key");
        std::vector<ValueMap::Entry> entries(count);
        for (uint32_t i = 0; i < count; ++i) {
          SMITH_RETURN_IF_ERROR(GetStringBody(in, &entries[i].first));
          if (!IsValidUtf8(entries[i].first)) return KeyCorruption("map key is not valid UTF-8");
          if (i > 0 && !(entries[i - 1].first < entries[i].first)) {
            return KeyCorruption("map keys out of order");
          }
        }
        for (uint32_t i = 0; i < count; ++i) {
          SMITH_RETURN_IF_ERROR(Decode(in, &entries[i].second, depth + 1));
        }
        *out = Value::Map(ValueMap::FromSortedUnique(std::move(entries)));
        return Status::OK();
      }
      case kTagDate: {
        Date d;
        SMITH_RETURN_IF_ERROR(GetSigned64(in, "date", &d.days));
        if (!d.IsValid()) return KeyCorruption("date out of range");
        *out = Value(d);
        return Status::OK();
      }
      case kTagLocalTime: {
        SMITH_RETURN_IF_ERROR(Need(*in, 8, "local time"));
        LocalTime t{static_cast<int64_t>(DecodeFixed64BE(in->data()))};
        in->remove_prefix(8);
        if (!t.IsValid()) return KeyCorruption("local time out of range");
        *out = Value(t);
        return Status::OK();
      }
      case kTagTime: {
        int64_t utc_nanos = 0;
        Time t;
        SMITH_RETURN_IF_ERROR(GetSigned64(in, "time", &utc_nanos));
        SMITH_RETURN_IF_ERROR(GetSigned32(in, "time offset", &t.offset_seconds));
        if (t.offset_seconds < -kMaxOffsetSeconds || t.offset_seconds > kMaxOffsetSeconds) {
          return KeyCorruption("time offset out of range");
        }
        if (utc_nanos <= -2 * kNanosPerDay || utc_nanos >= 2 * kNanosPerDay) {
          return KeyCorruption("time out of range");
        }
        t.nanos = utc_nanos + int64_t{t.offset_seconds} * kNanosPerSecond;
        if (!t.IsValid()) return KeyCorruption("time out of range");
        *out = Value(t);
        return Status::OK();
      }
      case kTagLocalDateTime: {
        LocalDateTime t;
        uint32_t nanos = 0;
        SMITH_RETURN_IF_ERROR(GetSigned64(in, "local datetime", &t.seconds));
        SMITH_RETURN_IF_ERROR(GetUnsigned32(in, "local datetime", &nanos));
        t.nanos = static_cast<int32_t>(nanos);
        if (nanos >= kNanosPerSecond || !t.IsValid()) {
          return KeyCorruption("local datetime out of range");
        }
        *out = Value(t);
        return Status::OK();
      }
      case kTagDateTime:
        return DecodeDateTime(in, out);
      case kTagDuration:
        return DecodeDuration(in, out);
      default:
        return KeyCorruption("unknown value tag " + std::to_string(tag));
    }
  }

 private:
  static Status Advance(std::string_view* in, size_t n, std::string_view what) {
    SMITH_RETURN_IF_ERROR(Need(*in, n, what));
    in->remove_prefix(n);
    return Status::OK();
  }

  Status GetTrailer(uint8_t* kind) {
    if (trailer_->empty()) return KeyCorruption("truncated number trailer");
    *kind = Byte(*trailer_, 0);
    trailer_->remove_prefix(1);
    if (*kind < kTrailerInt || *kind > kTrailerNegativeZero) {
      return KeyCorruption("bad number trailer");
    }
    return Status::OK();
  }

  Status DecodeDateTime(std::string_view* in, Value* out) {
    int64_t seconds = 0;
    uint32_t nanos = 0;
    int32_t offset = 0;
    SMITH_RETURN_IF_ERROR(GetSigned64(in, "datetime", &seconds));
    SMITH_RETURN_IF_ERROR(GetUnsigned32(in, "datetime", &nanos));
    SMITH_RETURN_IF_ERROR(GetSigned32(in, "datetime offset", &offset));
    uint8_t zone_kind = 0;
    SMITH_RETURN_IF_ERROR(GetTag(in, &zone_kind));
    if (nanos >= kNanosPerSecond) return KeyCorruption("datetime nanos out of range");
    Result<DateTime> dt = Status::Internal("unset");
    if (zone_kind == 0) {
      dt = DateTime::FromInstant(seconds, static_cast<int32_t>(nanos), offset);
    } else if (zone_kind == 1) {
      std::string name;
      SMITH_RETURN_IF_ERROR(GetStringBody(in, &name));
      Result<TimeZoneId> zone = FindTimeZone(name);
      if (!zone.ok()) return KeyCorruption(zone.status().message());
      dt = DateTime::FromInstantInZone(seconds, static_cast<int32_t>(nanos), *zone);
    } else {
      return KeyCorruption("bad datetime zone marker");
    }
    if (!dt.ok()) return KeyCorruption(dt.status().message());
    *out = Value(*dt);
    return Status::OK();
  }

  static Status DecodeDuration(std::string_view* in, Value* out) {
    SMITH_RETURN_IF_ERROR(Need(*in, 16, "duration"));
    const uint128 bits =
        (uint128{DecodeFixed64BE(in->data()) ^ kSignBit} << 64) | DecodeFixed64BE(in->data() + 8);
    in->remove_prefix(16);
    Duration d;
    SMITH_RETURN_IF_ERROR(GetSigned64(in, "duration months", &d.months));
    SMITH_RETURN_IF_ERROR(GetSigned64(in, "duration days", &d.days));
    const int128 rest = static_cast<int128>(bits) - (int128{d.months} * kAverageSecondsPerMonth +
                                                     int128{d.days} * kSecondsPerDay) *
                                                        kNanosPerSecond;
    const int128 seconds = rest / kNanosPerSecond;
    if (seconds > INT64_MAX || seconds < INT64_MIN) {
      return KeyCorruption("duration seconds out of range");
    }
    d.seconds = static_cast<int64_t>(seconds);
    d.nanos = static_cast<int32_t>(rest % kNanosPerSecond);
    if (!d.IsValid()) return KeyCorruption("duration not normalised");
    *out = Value(d);
    return Status::OK();
  }

  std::string_view* trailer_;
};

}  // namespace
}  // namespace key_internal

using key_internal::KeyDecoder;

Status DecodeKeyTuple(std::string_view* in, size_t count, std::vector<Value>* out) {
  std::string_view rest = *in;
  for (size_t i = 0; i < count; ++i) SMITH_RETURN_IF_ERROR(KeyDecoder::Skip(&rest, 0));
  std::string_view trailer = rest;
  KeyDecoder decoder(&trailer);
  out->clear();
  out->resize(count);
  for (size_t i = 0; i < count; ++i) SMITH_RETURN_IF_ERROR(decoder.Decode(in, &(*out)[i], 0));
  in->remove_prefix(rest.size() - trailer.size());
  return Status::OK();
}

Status DecodeKey(std::string_view* in, Value* out) {
  std::string_view rest = *in;
  SMITH_RETURN_IF_ERROR(KeyDecoder::Skip(&rest, 0));
  std::string_view trailer = rest;
  KeyDecoder decoder(&trailer);
  SMITH_RETURN_IF_ERROR(decoder.Decode(in, out, 0));
  in->remove_prefix(rest.size() - trailer.size());
  return Status::OK();
}

}  // namespace smith
