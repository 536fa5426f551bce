#include "cypher/parser/token.h"

#include <array>
#include <cstddef>
#include <cstdint>

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

// Open-addressing hash table of keyword indexes (+1; 0 marks an empty slot), built at compile
// time. The hash uses the length and three upper-cased characters.
constexpr size_t kTableSize = 512;

constexpr size_t KeywordHash(std::string_view word) {
  size_t n = word.size();
  size_t h = n;
  h = h * 31 + static_cast<unsigned char>(Upper(word[0]));
  h = h * 31 + static_cast<unsigned char>(Upper(word[1]));
  h = h * 31 + static_cast<unsigned char>(Upper(word[n - 1]));
  return (h ^ (h >> 7)) & (kTableSize - 1);
}

constexpr std::array<uint8_t, kTableSize> MakeKeywordTable() {
  std::array<uint8_t, kTableSize> table{};
  for (size_t i = 0; i < kKeywords.size(); ++i) {
    size_t h = KeywordHash(kKeywords[i].text);
    while (table[h] != 0) h = (h + 1) & (kTableSize - 1);
    table[h] = static_cast<uint8_t>(i + 1);
  }
  return table;
}
static_assert(kKeywords.size() < 255);
constexpr std::array<uint8_t, kTableSize> kKeywordTable = MakeKeywordTable();

}  // namespace

Keyword LookupKeyword(std::string_view word) {
  if (word.size() < 2 || word.size() > 16) return Keyword::kNotAKeyword;
  for (size_t h = KeywordHash(word);; h = (h + 1) & (kTableSize - 1)) {
    uint8_t slot = kKeywordTable[h];
    if (slot == 0) return Keyword::kNotAKeyword;
    std::string_view text = kKeywords[slot - 1].text;
    if (text.size() != word.size()) continue;
    size_t i = 0;
    while (i < word.size() && Upper(word[i]) == text[i]) ++i;
    if (i == word.size()) return kKeywords[slot - 1].keyword;
  }
}

std::string_view KeywordText(Keyword kw) {
  if (kw == Keyword::kNotAKeyword) return "";
  return kKeywords[static_cast<size_t>(kw) - 1].text;
}

}  // namespace smith::cypher
