#include "common/record_codec.h"

#include <cassert>
#include <cstring>

#include "common/coding.h"
#include "common/utf8.h"

namespace smith {
namespace {

// DO NOT CHANGE THESE VALUES: they are embedded in stored records.
enum RecordTag : uint8_t {
  kNull = 0x00,
  kFalse = 0x01,
  kTrue = 0x02,
  kInt = 0x03,
  kFloat = 0x04,
  kString = 0x05,
  kBytes = 0x06,
  kList = 0x07,
  kMap = 0x08,
  kDate = 0x09,
  kLocalTime = 0x0A,
  kTime = 0x0B,
  kLocalDateTime = 0x0C,
  kDateTimeOffset = 0x0D,
  kDateTimeZone = 0x0E,
  kDuration = 0x0F,
  kSmallIntBase = 0xA0,  // tags 0x80..0xFF hold the integers -32..95
};
constexpr int64_t kSmallIntMin = -32;
constexpr int64_t kSmallIntMax = 95;

void PutTag(RecordTag tag, std::string* out) { out->push_back(static_cast<char>(tag)); }

void PutLengthPrefixed(std::string_view s, std::string* out) {
  PutVarint64(s.size(), out);
  out->append(s);
}

void Encode(const Value& v, std::string* out) {
  switch (v.type()) {
    case ValueType::kNull:
      PutTag(kNull, out);
      return;
    case ValueType::kBool:
      PutTag(v.AsBool() ? kTrue : kFalse, out);
      return;
    case ValueType::kInt: {
      const int64_t i = v.AsInt();
      if (i >= kSmallIntMin && i <= kSmallIntMax) {
        out->push_back(static_cast<char>(kSmallIntBase + i));
      } else {
        PutTag(kInt, out);
        PutVarsint64(i, out);
      }
      return;
    }
    case ValueType::kFloat: {
      const double d = v.AsFloat();
      uint64_t bits = 0;
      std::memcpy(&bits, &d, sizeof(bits));
      char buf[9];
      buf[0] = static_cast<char>(kFloat);
      for (int i = 1; i <= 8; ++i) {
        buf[i] = static_cast<char>(bits);
        bits >>= 8;
      }
      out->append(buf, sizeof(buf));
      return;
    }
    case ValueType::kString:
      PutTag(kString, out);
      PutLengthPrefixed(v.AsString(), out);
      return;
    case ValueType::kBytes:
      PutTag(kBytes, out);
      PutLengthPrefixed(v.AsBytes(), out);
      return;
    case ValueType::kList: {
      const auto& items = v.AsList();
      PutTag(kList, out);
      PutVarint64(items.size(), out);
      for (const Value& item : items) Encode(item, out);
      return;
    }
    case ValueType::kMap: {
      const ValueMap& map = v.AsMap();
      PutTag(kMap, out);
      PutVarint64(map.size(), out);
      for (const auto& [key, value] : map) {
        PutLengthPrefixed(key, out);
        Encode(value, out);
      }
      return;
    }
    case ValueType::kDate:
      PutTag(kDate, out);
      PutVarsint64(v.AsDate().days, out);
      return;
    case ValueType::kLocalTime:
      PutTag(kLocalTime, out);
      PutVarint64(static_cast<uint64_t>(v.AsLocalTime().nanos), out);
      return;
    case ValueType::kTime: {
      const Time t = v.AsTime();
      PutTag(kTime, out);
      PutVarint64(static_cast<uint64_t>(t.nanos), out);
      PutVarsint64(t.offset_seconds, out);
      return;
    }
    case ValueType::kLocalDateTime: {
      const LocalDateTime t = v.AsLocalDateTime();
      PutTag(kLocalDateTime, out);
      PutVarsint64(t.seconds, out);
      PutVarint64(static_cast<uint64_t>(t.nanos), out);
      return;
    }
    case ValueType::kDateTime: {
      const DateTime t = v.AsDateTime();
      PutTag(t.has_zone() ? kDateTimeZone : kDateTimeOffset, out);
      PutVarsint64(t.seconds, out);
      PutVarint64(static_cast<uint64_t>(t.nanos), out);
      if (t.has_zone()) {
        PutLengthPrefixed(TimeZoneName(t.zone), out);
      } else {
        PutVarsint64(t.offset_seconds, out);
      }
      return;
    }
    case ValueType::kDuration: {
      const Duration& d = v.AsDuration();
      PutTag(kDuration, out);
      PutVarsint64(d.months, out);
      PutVarsint64(d.days, out);
      PutVarsint64(d.seconds, out);
      PutVarsint64(d.nanos, out);
      return;
    }
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      assert(false && "graph values are not storable");
      PutTag(kNull, out);
      return;
  }
}

// ---- Decoding ----

Status RecordCorruption(std::string_view what) {
  std::string msg = "corrupt value record: ";
  msg.append(what);
  return Status::Corruption(msg);
}

// Wraps a coding.h error with the field being decoded.
Status Field(const Status& s, std::string_view what) {
  if (s.ok()) return s;
  std::string msg = "corrupt value record: ";
  msg.append(what);
  msg += ": ";
  msg.append(s.message());
  return Status::Corruption(msg);
}

Status GetUnsigned(std::string_view* in, std::string_view what, uint64_t* v) {
  return Field(GetVarint64(in, v), what);
}

Status GetSigned(std::string_view* in, std::string_view what, int64_t* v) {
  return Field(GetVarsint64(in, v), what);
}

Status GetLengthPrefixed(std::string_view* in, std::string_view what, std::string_view* s) {
  uint64_t length = 0;
  SMITH_RETURN_IF_ERROR(GetUnsigned(in, what, &length));
  if (length > in->size()) {
    return RecordCorruption(std::string(what) + " length " + std::to_string(length) +
                            " exceeds the remaining " + std::to_string(in->size()) + " bytes");
  }
  *s = in->substr(0, length);
  in->remove_prefix(length);
  return Status::OK();
}

Status GetText(std::string_view* in, std::string_view what, std::string_view* s) {
  SMITH_RETURN_IF_ERROR(GetLengthPrefixed(in, what, s));
  if (!IsValidUtf8(*s)) return RecordCorruption(std::string(what) + " is not valid UTF-8");
  return Status::OK();
}

Status CheckTemporal(bool valid, std::string_view what) {
  if (valid) return Status::OK();
  return RecordCorruption(std::string(what) + " out of range");
}

Status Decode(std::string_view* in, Value* out, int depth) {
  if (in->empty()) return RecordCorruption("truncated before a value tag");
  const auto tag = static_cast<uint8_t>(in->front());
  in->remove_prefix(1);
  if (tag >= 0x80) {
    *out = Value::Int(int64_t{tag} - kSmallIntBase);
    return Status::OK();
  }
  switch (tag) {
    case kNull:
      *out = Value();
      return Status::OK();
    case kFalse:
    case kTrue:
      *out = Value::Bool(tag == kTrue);
      return Status::OK();
    case kInt: {
      int64_t i = 0;
      SMITH_RETURN_IF_ERROR(GetSigned(in, "integer", &i));
      *out = Value::Int(i);
      return Status::OK();
    }
    case kFloat: {
      if (in->size() < 8) return RecordCorruption("truncated float");
      uint64_t bits = 0;
      for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<uint8_t>((*in)[i]);
      in->remove_prefix(8);
      double d = 0;
      std::memcpy(&d, &bits, sizeof(d));
      *out = Value::Float(d);
      return Status::OK();
    }
    case kString: {
      std::string_view s;
      SMITH_RETURN_IF_ERROR(GetText(in, "string", &s));
      *out = Value::String(s);
      return Status::OK();
    }
    case kBytes: {
      std::string_view s;
      SMITH_RETURN_IF_ERROR(GetLengthPrefixed(in, "bytes", &s));
      *out = Value::Bytes(s);
      return Status::OK();
    }
    case kList: {
      if (depth >= kMaxValueNestingDepth) return RecordCorruption("lists nested too deep");
      uint64_t count = 0;
      SMITH_RETURN_IF_ERROR(GetUnsigned(in, "list size", &count));
      // Every element takes at least one byte, which bounds the allocation by the input.
      if (count > in->size()) return RecordCorruption("list size exceeds the record");
      std::vector<Value> items(count);
      for (Value& item : items) SMITH_RETURN_IF_ERROR(Decode(in, &item, depth + 1));
      *out = Value::List(std::move(items));
      return Status::OK();
    }
    case kMap: {
      if (depth >= kMaxValueNestingDepth) return RecordCorruption("maps nested too deep");
      uint64_t count = 0;
      SMITH_RETURN_IF_ERROR(GetUnsigned(in, "map size", &count));
      if (count > in->size() / 2) return RecordCorruption("map size exceeds the record");
      std::vector<ValueMap::Entry> entries(count);
      for (uint64_t i = 0; i < count; ++i) {
        std::string_view key;
        SMITH_RETURN_IF_ERROR(GetText(in, "map key", &key));
        if (i > 0 && !(entries[i - 1].first < key)) {
          return RecordCorruption("map keys not strictly ascending");
        }
        entries[i].first.assign(key);
        SMITH_RETURN_IF_ERROR(Decode(in, &entries[i].second, depth + 1));
      }
      *out = Value::Map(ValueMap::FromSortedUnique(std::move(entries)));
      return Status::OK();
    }
    case kDate: {
      Date d;
      SMITH_RETURN_IF_ERROR(GetSigned(in, "date", &d.days));
      SMITH_RETURN_IF_ERROR(CheckTemporal(d.IsValid(), "date"));
      *out = Value(d);
      return Status::OK();
    }
    case kLocalTime: {
      uint64_t nanos = 0;
      SMITH_RETURN_IF_ERROR(GetUnsigned(in, "local time", &nanos));
      SMITH_RETURN_IF_ERROR(CheckTemporal(nanos < kNanosPerDay, "local time"));
      *out = Value(LocalTime{static_cast<int64_t>(nanos)});
      return Status::OK();
    }
    case kTime: {
      uint64_t nanos = 0;
      int64_t offset = 0;
      SMITH_RETURN_IF_ERROR(GetUnsigned(in, "time", &nanos));
      SMITH_RETURN_IF_ERROR(GetSigned(in, "time offset", &offset));
      const bool valid =
          nanos < kNanosPerDay && offset >= -kMaxOffsetSeconds && offset <= kMaxOffsetSeconds;
      SMITH_RETURN_IF_ERROR(CheckTemporal(valid, "time"));
      *out = Value(Time{static_cast<int64_t>(nanos), static_cast<int32_t>(offset)});
      return Status::OK();
    }
    case kLocalDateTime: {
      LocalDateTime t;
      uint64_t nanos = 0;
      SMITH_RETURN_IF_ERROR(GetSigned(in, "local datetime", &t.seconds));
      SMITH_RETURN_IF_ERROR(GetUnsigned(in, "local datetime nanos", &nanos));
      SMITH_RETURN_IF_ERROR(CheckTemporal(nanos < kNanosPerSecond, "local datetime nanos"));
      t.nanos = static_cast<int32_t>(nanos);
      SMITH_RETURN_IF_ERROR(CheckTemporal(t.IsValid(), "local datetime"));
      *out = Value(t);
      return Status::OK();
    }
    case kDateTimeOffset:
    case kDateTimeZone: {
      int64_t seconds = 0;
      uint64_t nanos = 0;
      SMITH_RETURN_IF_ERROR(GetSigned(in, "datetime", &seconds));
      SMITH_RETURN_IF_ERROR(GetUnsigned(in, "datetime nanos", &nanos));
      SMITH_RETURN_IF_ERROR(CheckTemporal(nanos < kNanosPerSecond, "datetime nanos"));
      Result<DateTime> dt = Status::Internal("unset");
      if (tag == kDateTimeOffset) {
        int64_t offset = 0;
        SMITH_RETURN_IF_ERROR(GetSigned(in, "datetime offset", &offset));
        SMITH_RETURN_IF_ERROR(CheckTemporal(
            offset >= -kMaxOffsetSeconds && offset <= kMaxOffsetSeconds, "datetime offset"));
        dt = DateTime::FromInstant(seconds, static_cast<int32_t>(nanos),
                                   static_cast<int32_t>(offset));
      } else {
        std::string_view name;
        SMITH_RETURN_IF_ERROR(GetText(in, "datetime zone", &name));
        Result<TimeZoneId> zone = FindTimeZone(name);
        if (!zone.ok()) return RecordCorruption(zone.status().message());
        dt = DateTime::FromInstantInZone(seconds, static_cast<int32_t>(nanos), *zone);
      }
      if (!dt.ok()) return RecordCorruption(dt.status().message());
      *out = Value(*dt);
      return Status::OK();
    }
    case kDuration: {
      Duration d;
      int64_t nanos = 0;
      SMITH_RETURN_IF_ERROR(GetSigned(in, "duration months", &d.months));
      SMITH_RETURN_IF_ERROR(GetSigned(in, "duration days", &d.days));
      SMITH_RETURN_IF_ERROR(GetSigned(in, "duration seconds", &d.seconds));
      SMITH_RETURN_IF_ERROR(GetSigned(in, "duration nanos", &nanos));
      SMITH_RETURN_IF_ERROR(
          CheckTemporal(nanos > -kNanosPerSecond && nanos < kNanosPerSecond, "duration nanos"));
      d.nanos = static_cast<int32_t>(nanos);
      SMITH_RETURN_IF_ERROR(CheckTemporal(d.IsValid(), "duration"));
      *out = Value(d);
      return Status::OK();
    }
    default:
      return RecordCorruption("unknown value tag " + std::to_string(tag));
  }
}

Status Storable(const Value& v, int depth) {
  if (v.is_graph()) {
    return Status::InvalidArgument(std::string(ValueTypeName(v.type())) +
                                   " values cannot be stored as properties");
  }
  if (v.is_list() || v.is_map()) {
    if (depth >= kMaxValueNestingDepth) {
      return Status::InvalidArgument("lists and maps nested more than " +
                                     std::to_string(kMaxValueNestingDepth) +
                                     " deep cannot be stored");
    }
    if (v.is_list()) {
      for (const Value& item : v.AsList()) SMITH_RETURN_IF_ERROR(Storable(item, depth + 1));
    } else {
      for (const auto& entry : v.AsMap()) SMITH_RETURN_IF_ERROR(Storable(entry.second, depth + 1));
    }
  }
  return Status::OK();
}

}  // namespace

Status ValidateStorable(const Value& v) { return Storable(v, 0); }

void EncodeValue(const Value& v, std::string* out) { Encode(v, out); }

Status DecodeValue(std::string_view* in, Value* out) { return Decode(in, out, 0); }

}  // namespace smith
