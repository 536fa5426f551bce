// Internals shared by the key encoder (key_codec.cc) and decoder (key_decode.cc). The byte
// layout is documented in key_codec.h.
#ifndef SMITH_COMMON_KEY_CODEC_INTERNAL_H_
#define SMITH_COMMON_KEY_CODEC_INTERNAL_H_

#include <cstdint>

namespace smith::key_internal {

// DO NOT CHANGE THESE VALUES: they are embedded in stored index and constraint keys.
enum KeyTag : uint8_t {
  kListEnd = 0x00,
  kTagMap = 0x10,
  kTagList = 0x20,
  kTagBytes = 0x28,
  kTagDateTime = 0x30,
  kTagLocalDateTime = 0x31,
  kTagDate = 0x32,
  kTagTime = 0x33,
  kTagLocalTime = 0x34,
  kTagDuration = 0x35,
  kTagString = 0x40,
  kTagFalse = 0x50,
  kTagTrue = 0x51,
  kTagNegInfinity = 0x60,
  kTagNegative = 0x61,
  kTagZero = 0x62,
  kTagPositive = 0x63,
  kTagPosInfinity = 0x64,
  kTagNaN = 0x65,
  kTagNull = 0x70,
};

enum TrailerByte : uint8_t {
  kTrailerInt = 0x01,
  kTrailerFloat = 0x02,
  kTrailerNegativeZero = 0x03,
};

inline constexpr int kExponentBias = 1100;
inline constexpr uint64_t kSignBit = uint64_t{1} << 63;

// A finite non-zero magnitude as 1.fraction * 2^exponent; `fraction` is left-aligned.
struct Magnitude {
  int exponent;
  uint64_t fraction;
};

}  // namespace smith::key_internal

#endif  // SMITH_COMMON_KEY_CODEC_INTERNAL_H_
