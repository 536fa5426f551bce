// Order-preserving ("memcomparable") encoding of Values for index and uniqueness keys.
//
// For any two encodable values a and b, memcmp order of EncodeKey(a) and EncodeKey(b) agrees
// with Order(a, b) (value_compare.h) whenever Order(a, b) != 0; values that Order() considers
// equal (int 2 and float 2.0, 0.0 and -0.0) get distinct encodings in a fixed order (int first,
// then float, then -0.0), so that decoding is lossless: an int stays an int, a float a float.
//
// Encodable: null, booleans, ints, floats, strings, bytes, the six temporal types, and lists and
// maps of encodable values nested at most kMaxValueNestingDepth deep. Graph values (Node,
// Relationship, Path) are not (asserted). NaN payload bits are not preserved.
//
// Layout. A key is the CANONICAL part followed by the TRAILER:
//
//   key       := canonical(v) trailer(v)
//   trailer   := one byte per number in canonical(v), in encoding order:
//                0x01 int, 0x02 float, 0x03 float -0.0
//
// Order-equal values have identical canonical parts; only the trailer tells int 2 from float
// 2.0. A tuple is all canonical parts, then all trailers:
//
//   tuple key := canonical(v1) ... canonical(vn) trailer(v1) ... trailer(vn)
//
// so an equality lookup for (2, 'x') finds entries stored as (2, 'x') and (2.0, 'x') by seeking
// to the canonical prefix EncodeKeyTupleCanonical((2, 'x')) and scanning while keys start with
// it; a unique constraint, for which 2 and 2.0 collide, keys on the canonical form alone.
//
//   canonical(v) := tag body, with tags ordered like Order()'s types:
//   0x10 MAP            count:fixed32BE, count keys as string bodies (ascending), count values
//   0x20 LIST           canonical(element)*, 0x00 (0x00 is below every tag: prefixes sort first)
//   0x28 BYTES          string body
//   0x30 DATETIME       utc seconds:s64, nanos:u32, offset seconds:s32,
//                       zone: 0x00 (fixed offset) | 0x01 string body (tz database name)
//   0x31 LOCALDATETIME  seconds:s64, nanos:u32
//   0x32 DATE           days:s64
//   0x33 TIME           utc nanos of day (nanos - offset * 1e9):s64, offset seconds:s32
//   0x34 LOCALTIME      nanos of day:u64
//   0x35 DURATION       total nanos (months * 2629746e9 + days * 86400e9 + seconds * 1e9 +
//                       nanos):s128, months:s64, days:s64
//   0x40 STRING         string body (raw UTF-8)
//   0x50 FALSE, 0x51 TRUE
//   0x60 -Infinity, 0x61 negative finite: ~exponent ~mantissa (bytes complemented),
//   0x62 zero (0, 0.0 and -0.0), 0x63 positive finite: exponent mantissa, 0x64 +Infinity,
//   0x65 NaN
//   0x70 NULL
//
//   u32/u64     big-endian; s32/s64/s128: big-endian two's complement with the sign bit flipped
//   string body every 0x00 byte written as 0x00 0xFF, then the terminator 0x00 0x01
//   exponent    the magnitude is 1.f * 2^e exactly (e in -1074..1023 for floats, 0..63 for ints);
//               e + 1100 as u16
//   mantissa    the bits f after the leading 1, most significant first, in groups of seven:
//               each byte is (group << 1) | more, where `more` is 1 if non-zero bits follow;
//               at least one byte (a zero f is the single byte 0x00)
//
// Thread safety: pure functions.
#ifndef SMITH_COMMON_KEY_CODEC_H_
#define SMITH_COMMON_KEY_CODEC_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/coding.h"
#include "common/status.h"
#include "common/value.h"

namespace smith {

// True if `v` can be key-encoded: no graph values, nesting within kMaxValueNestingDepth.
bool IsKeyEncodable(const Value& v);

// Appends the full (lossless) key encoding of `v` to `*out`. Precondition: IsKeyEncodable(v).
void EncodeKey(const Value& v, std::string* out);
// Appends the canonical part only: identical bytes for Order-equal values; a prefix of
// EncodeKey(v)'s output. Not decodable on its own.
void EncodeKeyCanonical(const Value& v, std::string* out);

// Tuples (composite keys): lexicographic in the order of the values.
void EncodeKeyTuple(std::span<const Value> values, std::string* out);
void EncodeKeyTupleCanonical(std::span<const Value> values, std::string* out);

// Decodes one EncodeKey() encoding from the front of `*in`, consuming it. Corruption (naming
// what was being decoded) on truncated or malformed input, including invalid UTF-8 in strings;
// `*in` is then unspecified.
Status DecodeKey(std::string_view* in, Value* out);
// Decodes an EncodeKeyTuple() encoding of exactly `count` values, replacing `*out`.
Status DecodeKeyTuple(std::string_view* in, size_t count, std::vector<Value>* out);

}  // namespace smith

#endif  // SMITH_COMMON_KEY_CODEC_H_
