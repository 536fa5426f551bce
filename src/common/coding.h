// Fixed-width big-endian and varint integer coding, shared by the value codecs and the storage
// layer's keys and records.
//
// Big-endian fixed integers compare under memcmp like the unsigned integers they encode, which is
// what RocksDB keys need. Varints are the LEB128 form used by protobuf and leveldb: seven bits per
// byte, least significant group first, high bit set on all bytes but the last (1 byte for values
// below 128, at most 10 for 64 bits). Zigzag maps signed to unsigned so that small magnitudes stay
// short: 0, -1, 1, -2, ... -> 0, 1, 2, 3, ...
//
// Get* functions consume from the front of `*in` and return Corruption (naming the field) without
// consuming on truncated or overlong input.
//
// Thread safety: pure functions.
#ifndef SMITH_COMMON_CODING_H_
#define SMITH_COMMON_CODING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace smith {

inline void PutFixed32BE(uint32_t v, std::string* out) {
  const char buf[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
  out->append(buf, 4);
}

inline void PutFixed64BE(uint64_t v, std::string* out) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v);
    v >>= 8;
  }
  out->append(buf, 8);
}

// Decodes 4 or 8 big-endian bytes at `p` (the caller checked the length).
inline uint32_t DecodeFixed32BE(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | uint32_t{u[3]};
}

inline uint64_t DecodeFixed64BE(const char* p) {
  return (uint64_t{DecodeFixed32BE(p)} << 32) | DecodeFixed32BE(p + 4);
}

Status GetFixed32BE(std::string_view* in, uint32_t* v);
Status GetFixed64BE(std::string_view* in, uint64_t* v);

inline void PutVarint64(uint64_t v, std::string* out) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out->append(buf, static_cast<size_t>(n));
}

Status GetVarint64Slow(std::string_view* in, uint64_t* v);

// Corruption if `*in` ends inside the varint or it is longer than 10 bytes / exceeds 64 bits.
inline Status GetVarint64(std::string_view* in, uint64_t* v) {
  if (!in->empty() && static_cast<unsigned char>(in->front()) < 0x80) {
    *v = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    return Status::OK();
  }
  return GetVarint64Slow(in, v);
}

inline uint64_t ZigZagEncode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t ZigZagDecode(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

inline void PutVarsint64(int64_t v, std::string* out) { PutVarint64(ZigZagEncode(v), out); }
inline Status GetVarsint64(std::string_view* in, int64_t* v) {
  uint64_t u = 0;
  SMITH_RETURN_IF_ERROR(GetVarint64(in, &u));
  *v = ZigZagDecode(u);
  return Status::OK();
}

}  // namespace smith

#endif  // SMITH_COMMON_CODING_H_
