#include "cypher/parser/token.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace smith::cypher {
namespace {

struct KeywordEntry {
  std::string_view text;
  Keyword keyword;
};

constexpr std::array kKeywords = {
#define SMITH_CYPHER_KEYWORD_ENTRY(e, s) KeywordEntry{s, Keyword::e},
    SMITH_CYPHER_KEYWORDS(SMITH_CYPHER_KEYWORD_ENTRY)
#undef SMITH_CYPHER_KEYWORD_ENTRY
};

constexpr bool KeywordsSorted() {
  for (size_t i = 1; i < kKeywords.size(); ++i) {
    if (!(kKeywords[i - 1].text < kKeywords[i].text)) return false;
  }
  return true;
}
static_assert(KeywordsSorted(), "SMITH_CYPHER_KEYWORDS must be sorted by spelling");

constexpr char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Compares the upper-case form of `word` with `upper`.
int CompareUpper(std::string_view word, std::string_view upper) {
  size_t n = std::min(word.size(), upper.size());
  for (size_t i = 0; i < n; ++i) {
    char a = Upper(word[i]);
    if (a != upper[i]) return static_cast<unsigned char>(a) < static_cast<unsigned char>(upper[i])
                                  ? -1
                                  : 1;
  }
  if (word.size() == upper.size()) return 0;
  return word.size() < upper.size() ? -1 : 1;
}

}  // namespace

Keyword LookupKeyword(std::string_view word) {
  if (word.size() < 2 || word.size() > 16) return Keyword::kNotAKeyword;
  size_t lo = 0;
  size_t hi = kKeywords.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = CompareUpper(word, kKeywords[mid].text);
    if (c == 0) return kKeywords[mid].keyword;
    if (c < 0) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return Keyword::kNotAKeyword;
}

std::string_view KeywordText(Keyword kw) {
  if (kw == Keyword::kNotAKeyword) return "";
  return kKeywords[static_cast<size_t>(kw) - 1].text;
}

}  // namespace smith::cypher
