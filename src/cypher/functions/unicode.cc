#include "cypher/functions/unicode.h"
#include "common/utf8.h"

#include <algorithm>

namespace smith::cypher::internal {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

const CaseRun* FindRun(const CaseRun* runs, size_t count, char32_t cp) {
  const CaseRun* end = runs + count;
  const CaseRun* it =
      std::upper_bound(runs, end, cp, [](char32_t c, const CaseRun& r) { return c < r.first; });
  if (it == runs) return nullptr;
  --it;
  if (cp > it->last) return nullptr;
  if (it->stride == 2 && (cp - it->first) % 2 != 0) return nullptr;
  return it;
}

const CaseSpecial* FindSpecial(const CaseSpecial* specials, size_t count, char32_t cp) {
  const CaseSpecial* end = specials + count;
  const CaseSpecial* it = std::lower_bound(
      specials, end, cp, [](const CaseSpecial& s, char32_t c) { return s.cp < c; });
  return it != end && it->cp == cp ? it : nullptr;
}

bool HasCase(char32_t cp) {
  return FindRun(kUpperRuns, kUpperRunsCount, cp) != nullptr ||
         FindRun(kLowerRuns, kLowerRunsCount, cp) != nullptr;
}

void AppendMapped(char32_t cp, const CaseRun* runs, size_t run_count, const CaseSpecial* specials,
                  size_t special_count, std::string* out) {
  if (cp < 0x80 && runs == kUpperRuns) {
    out->push_back(static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
    return;
  }
  if (cp < 0x80 && runs == kLowerRuns) {
    out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  if (const CaseSpecial* special = FindSpecial(specials, special_count, cp)) {
    for (char32_t c : special->out) {
      if (c == 0) break;
      AppendUtf8(c, out);
    }
    return;
  }
  if (const CaseRun* run = FindRun(runs, run_count, cp)) {
    AppendUtf8(static_cast<char32_t>(static_cast<int64_t>(cp) + run->delta), out);
    return;
  }
  AppendUtf8(cp, out);
}

}  // namespace

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(*pos);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    ++*pos;
    return kReplacement;
  }
  if (*pos + static_cast<size_t>(extra) >= s.size()) {
    ++*pos;
    return kReplacement;
  }
  for (int i = 1; i <= extra; ++i) {
    const unsigned char b = byte(*pos + static_cast<size_t>(i));
    if ((b & 0xC0) != 0x80) {
      ++*pos;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *pos += static_cast<size_t>(extra) + 1;
  return cp;
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (size_t pos = 0; pos < s.size();) {
    DecodeUtf8(s, &pos);
    ++count;
  }
  return count;
}

size_t ByteOffsetOfCodePoint(std::string_view s, size_t index) {
  size_t pos = 0;
  for (size_t i = 0; i < index && pos < s.size(); ++i) DecodeUtf8(s, &pos);
  return pos;
}

std::vector<char32_t> DecodeAll(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) out.push_back(DecodeUtf8(s, &pos));
  return out;
}

std::string ToUpper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    AppendMapped(DecodeUtf8(s, &pos), kUpperRuns, kUpperRunsCount, kUpperSpecials,
                 kUpperSpecialsCount, &out);
  }
  return out;
}

std::string ToLower(std::string_view s) {
  constexpr char32_t kCapitalSigma = 0x3A3;
  constexpr char32_t kFinalSigma = 0x3C2;
  const std::vector<char32_t> cps = DecodeAll(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    // Final sigma (Unicode SpecialCasing, as Java applies it): a capital sigma that ends a word,
    // i.e. follows a cased letter and is not followed by one, becomes U+03C2.
    if (cps[i] == kCapitalSigma && i > 0 && HasCase(cps[i - 1]) &&
        (i + 1 == cps.size() || !HasCase(cps[i + 1]))) {
      AppendUtf8(kFinalSigma, &out);
      continue;
    }
    AppendMapped(cps[i], kLowerRuns, kLowerRunsCount, kLowerSpecials, kLowerSpecialsCount, &out);
  }
  return out;
}

bool IsWhitespace(char32_t cp) {
  if (cp <= 0x20) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  switch (cp) {
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200A);
  }
}

}  // namespace smith::cypher::internal
