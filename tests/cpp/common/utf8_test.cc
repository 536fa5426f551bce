#include "common/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace smith {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii, long enough to use the eight-byte fast path"));
  EXPECT_TRUE(IsValidUtf8(std::string("nul\0inside", 10)));
  EXPECT_TRUE(IsValidUtf8("\xC2\x80"));          // U+0080, smallest two-byte
  EXPECT_TRUE(IsValidUtf8("\xDF\xBF"));          // U+07FF
  EXPECT_TRUE(IsValidUtf8("\xE0\xA0\x80"));      // U+0800, smallest three-byte
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(IsValidUtf8("\xF0\x90\x80\x80"));  // U+10000, smallest four-byte
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the largest code point
  EXPECT_TRUE(IsValidUtf8("Sm\xC3\xB6rg\xC3\xA5sbord \xF0\x9F\x98\x80"));
}

TEST(Utf8Test, RejectsIllFormedText) {
  struct Case {
    std::string text;
    size_t offset;
  };
  const Case cases[] = {
      {"\x80", 0},                           // stray continuation byte
      {"abc\xBF", 3},                        // stray continuation after ASCII
      {"\xC0\x80", 0},                       // overlong U+0000
      {"\xC1\xBF", 0},                       // overlong U+007F
      {"\xE0\x80\x80", 0},                   // overlong three-byte
      {"\xE0\x9F\xBF", 0},                   // overlong U+07FF
      {"\xF0\x80\x80\x80", 0},               // overlong four-byte
      {"\xF0\x8F\xBF\xBF", 0},               // overlong U+FFFF
      {"\xED\xA0\x80", 0},                   // U+D800 high surrogate
      {"\xED\xBF\xBF", 0},                   // U+DFFF low surrogate
      {"\xF4\x90\x80\x80", 0},               // U+110000
      {"\xF5\x80\x80\x80", 0},               // lead byte beyond U+10FFFF
      {"\xFF", 0},                           // never valid
      {"ok\xC3", 2},                         // truncated two-byte
      {"ok\xE2\x82", 2},                     // truncated three-byte
      {"ok\xF0\x9F\x98", 2},                 // truncated four-byte
      {"\xC3\x28", 0},                       // bad continuation
      {"\xE2\x28\xA1", 0},                   // bad second byte
      {"\xE2\x82\x28", 0},                   // bad third byte
      {"0123456789abcdef\xC3\xA9\xE9", 18},  // after the fast path and a valid sequence
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.text));
    EXPECT_FALSE(IsValidUtf8(c.text));
    EXPECT_EQ(FindInvalidUtf8(c.text), c.offset);
  }
}

TEST(Utf8Test, ValidateNamesWhatAndOffset) {
  EXPECT_TRUE(ValidateUtf8("fine", "label").ok());
  Status s = ValidateUtf8("ab\xC0\x80", "property value");
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.message(), "property value is not valid UTF-8 (byte 0xC0 at offset 2)");
}

TEST(Utf8Test, EveryTwoByteSequenceMatchesTheDefinition) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string s{static_cast<char>(a), static_cast<char>(b)};
      bool expected;
      if (a < 0x80) {
        expected = b < 0x80;
      } else {
        expected = a >= 0xC2 && a <= 0xDF && b >= 0x80 && b <= 0xBF;
      }
      ASSERT_EQ(IsValidUtf8(s), expected) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace smith
