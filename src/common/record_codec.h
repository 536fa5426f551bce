// Compact, self-describing binary encoding of storable Values for records (property values in
// node and relationship records, catalog entries). Not order-preserving: for keys see
// key_codec.h.
//
// Storable: every Value except Node, Relationship and Path, nested at most
// kMaxValueNestingDepth deep (check with ValidateStorable before writing).
//
// Layout. Each value is one tag byte followed by its payload:
//
//   tag   type            payload
//   0x00  NULL            -
//   0x01  FALSE           -
//   0x02  TRUE            -
//   0x03  INTEGER         zigzag varint (integers outside -32..95)
//   0x04  FLOAT           8 bytes, IEEE 754 binary64 bits, little-endian (NaN payloads kept)
//   0x05  STRING          varint byte length, UTF-8 bytes
//   0x06  BYTES           varint byte length, bytes
//   0x07  LIST            varint element count, elements (each a value)
//   0x08  MAP             varint entry count, entries: varint key length, UTF-8 key bytes,
//                         value; keys strictly ascending in byte order
//   0x09  DATE            zigzag varint days since 1970-01-01
//   0x0A  LOCAL TIME      varint nanoseconds of day
//   0x0B  TIME            varint nanoseconds of day (local), zigzag varint offset seconds
//   0x0C  LOCAL DATETIME  zigzag varint seconds since 1970-01-01T00:00, varint nanos
//   0x0D  DATETIME        zigzag varint UTC seconds since the epoch, varint nanos,
//                         zigzag varint offset seconds (a fixed-offset datetime)
//   0x0E  DATETIME        zigzag varint UTC seconds, varint nanos, varint name length, tz
//                         database zone name (the offset is derived from the tz database when
//                         decoding, so stored values follow tz database updates, as in Neo4j)
//   0x0F  DURATION        zigzag varints months, days, seconds, nanos
//   0x10..0x7F            reserved (decoding them is Corruption)
//   0x80..0xFF  INTEGER   the integer (tag - 0xA0), i.e. -32..95, in the tag byte alone
//
// Varints are LEB128 (coding.h); zigzag maps 0, -1, 1, -2, ... to 0, 1, 2, 3, ...
// DO NOT CHANGE existing tag values: they are embedded in stored records.
//
// Thread safety: pure functions.
#ifndef SMITH_COMMON_RECORD_CODEC_H_
#define SMITH_COMMON_RECORD_CODEC_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "common/value.h"

namespace smith {

// OK if `v` can be stored: InvalidArgument naming the problem for graph values (anywhere inside
// lists and maps) or nesting deeper than kMaxValueNestingDepth. Does not check UTF-8: strings
// are validated where they enter smith (utf8.h).
Status ValidateStorable(const Value& v);

// Appends the encoding of `v` to `*out`. Precondition: ValidateStorable(v).ok() (asserted for
// graph values).
void EncodeValue(const Value& v, std::string* out);

// Decodes one value from the front of `*in` and consumes it. On truncated or corrupt input
// (unknown tag, bad varint, lengths past the end, invalid UTF-8, unsorted map keys, out-of-range
// temporal fields, unknown zone name, nesting too deep) returns Corruption naming what was being
// decoded; `*in` and `*out` are then unspecified. Never reads outside `*in`.
Status DecodeValue(std::string_view* in, Value* out);

}  // namespace smith

#endif  // SMITH_COMMON_RECORD_CODEC_H_
