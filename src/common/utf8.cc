#include "common/utf8.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace smith {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path: eight bytes at a time while no high bit is set.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const uint8_t b0 = p[i];
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    // Ranges of the second byte per lead byte (Unicode Table 3-7); later bytes are 80..BF.
    size_t len;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 == 0xE0) {
      len = 3;
      lo = 0xA0;  // excludes overlong three-byte forms
    } else if (b0 >= 0xE1 && b0 <= 0xEC) {
      len = 3;
    } else if (b0 == 0xED) {
      len = 3;
      hi = 0x9F;  // excludes surrogates U+D800..U+DFFF
    } else if (b0 >= 0xEE && b0 <= 0xEF) {
      len = 3;
    } else if (b0 == 0xF0) {
      len = 4;
      lo = 0x90;  // excludes overlong four-byte forms
    } else if (b0 >= 0xF1 && b0 <= 0xF3) {
      len = 4;
    } else if (b0 == 0xF4) {
      len = 4;
      hi = 0x8F;  // excludes code points above U+10FFFF
    } else {
      return i;  // continuation byte, C0/C1 (overlong) or F5..FF
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return n;
}

bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == s.size(); }

Status ValidateUtf8(std::string_view s, std::string_view what) {
  const size_t offset = FindInvalidUtf8(s);
  if (offset == s.size()) return Status::OK();
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto byte = static_cast<uint8_t>(s[offset]);
  std::string msg(what);
  msg += " is not valid UTF-8 (byte 0x";
  msg += kHex[byte >> 4];
  msg += kHex[byte & 0xF];
  msg += " at offset ";
  msg += std::to_string(offset);
  msg += ")";
  return Status::InvalidArgument(msg);
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace smith
