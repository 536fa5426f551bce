#include "cypher/parser/lexer.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace smith::cypher {
namespace {

std::vector<Token> Lex(std::string_view text) {
  std::vector<Token> tokens;
  Status s = Tokenize(text, &tokens);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return tokens;
}

std::vector<TokenKind> Kinds(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& t : Lex(text)) kinds.push_back(t.kind);
  return kinds;
}

std::string LexError(std::string_view text) {
  std::vector<Token> tokens;
  Status s = Tokenize(text, &tokens);
  EXPECT_FALSE(s.ok()) << text;
  EXPECT_EQ(s.code(), StatusCode::kSyntaxError);
  return std::string(s.message());
}

TEST(LexerTest, PunctuationAndOperators) {
  using K = TokenKind;
  EXPECT_EQ(Kinds("()[]{},;:|&!$*+ += - / % ^ = =~ <> != < <= > >= . .."),
            (std::vector<K>{K::kLParen,    K::kRParen,     K::kLBracket,  K::kRBracket, K::kLBrace,
                            K::kRBrace,    K::kComma,      K::kSemicolon, K::kColon,    K::kPipe,
                            K::kAmpersand, K::kBang,       K::kDollar,    K::kStar,     K::kPlus,
                            K::kPlusEq,    K::kMinus,      K::kSlash,     K::kPercent,  K::kCaret,
                            K::kEq,        K::kRegexMatch, K::kNe,        K::kNe,       K::kLt,
                            K::kLe,        K::kGt,         K::kGe,        K::kDot,      K::kDotDot,
                            K::kEnd}));
  // Arrows are separate tokens, combined by the parser.
  EXPECT_EQ(Kinds("<-->"), (std::vector<K>{K::kLt, K::kMinus, K::kMinus, K::kGt, K::kEnd}));
}

TEST(LexerTest, KeywordsAreCaseInsensitiveWords) {
  std::vector<Token> t = Lex("match MATCH Match `match` matches");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].keyword, Keyword::kMatch);
  EXPECT_EQ(t[1].keyword, Keyword::kMatch);
  EXPECT_EQ(t[2].keyword, Keyword::kMatch);
  EXPECT_EQ(t[3].kind, TokenKind::kQuotedIdentifier);
  EXPECT_EQ(t[3].keyword, Keyword::kNotAKeyword);
  EXPECT_EQ(t[4].keyword, Keyword::kNotAKeyword);
  EXPECT_EQ(LookupKeyword("allShortestPaths"), Keyword::kAllShortestPaths);
  EXPECT_EQ(KeywordText(Keyword::kYield), "YIELD");
  EXPECT_EQ(KeywordText(Keyword::kAll), "ALL");
}

TEST(LexerTest, Integers) {
  std::vector<Token> t = Lex("0 42 0x1F 0xff 0o17 1_000 9223372036854775807");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[0].int_value, 0u);
  EXPECT_EQ(t[1].int_value, 42u);
  EXPECT_EQ(t[2].int_value, 31u);
  EXPECT_EQ(t[3].int_value, 255u);
  EXPECT_EQ(t[4].int_value, 15u);
  EXPECT_EQ(t[5].int_value, 1000u);
  EXPECT_EQ(t[6].int_value, 9223372036854775807u);
  // 2^63 lexes (a preceding minus makes it INT64_MIN); the parser rejects it otherwise.
  t = Lex("9223372036854775808 0x8000000000000000");
  EXPECT_EQ(t[0].int_value, uint64_t{1} << 63);
  EXPECT_EQ(t[1].int_value, uint64_t{1} << 63);
}

TEST(LexerTest, Floats) {
  std::vector<Token> t = Lex("1.5 .5 1e3 2E-01 1.5e+2 0.0 1e-400");
  ASSERT_EQ(t.size(), 8u);
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(t[i].kind, TokenKind::kFloat) << i;
  EXPECT_DOUBLE_EQ(t[0].float_value, 1.5);
  EXPECT_DOUBLE_EQ(t[1].float_value, 0.5);
  EXPECT_DOUBLE_EQ(t[2].float_value, 1000.0);
  EXPECT_DOUBLE_EQ(t[3].float_value, 0.2);
  EXPECT_DOUBLE_EQ(t[4].float_value, 150.0);
  EXPECT_EQ(t[6].float_value, 0.0);  // Underflow rounds to zero.
}

TEST(LexerTest, RangesAndPropertyDotsAreNotFloats) {
  using K = TokenKind;
  EXPECT_EQ(Kinds("1..3"), (std::vector<K>{K::kInteger, K::kDotDot, K::kInteger, K::kEnd}));
  EXPECT_EQ(Kinds("*..3"), (std::vector<K>{K::kStar, K::kDotDot, K::kInteger, K::kEnd}));
  EXPECT_EQ(Kinds("n.x"), (std::vector<K>{K::kIdentifier, K::kDot, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("l[0].5"), (std::vector<K>{K::kIdentifier, K::kLBracket, K::kInteger,
                                             K::kRBracket, K::kDot, K::kInteger, K::kEnd}));
  EXPECT_EQ(Kinds("RETURN .5"), (std::vector<K>{K::kIdentifier, K::kFloat, K::kEnd}));
  EXPECT_EQ(Kinds("1.x"), (std::vector<K>{K::kInteger, K::kDot, K::kIdentifier, K::kEnd}));
}

TEST(LexerTest, StringsDecodeEscapes) {
  std::vector<Token> t =
      Lex(R"('a\'b' "c\"d" '\\ \n \t \r \b \f' '\u00e9\U0001F600' '\uD83D\uDE00')");
  ASSERT_EQ(t.size(), 6u);
  auto text = [&](size_t i) {
    return std::string_view(
               R"('a\'b' "c\"d" '\\ \n \t \r \b \f' '\u00e9\U0001F600' '\uD83D\uDE00')")
        .substr(t[i].offset, t[i].length);
  };
  EXPECT_EQ(DecodeStringLiteral(text(0)), "a'b");
  EXPECT_EQ(DecodeStringLiteral(text(1)), "c\"d");
  EXPECT_EQ(DecodeStringLiteral(text(2)), "\\ \n \t \r \b \f");
  EXPECT_EQ(DecodeStringLiteral(text(3)), "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(DecodeStringLiteral(text(4)), "\xF0\x9F\x98\x80");  // A surrogate pair.
  EXPECT_EQ(DecodeStringLiteral("'multi\nline'"), "multi\nline");
}

TEST(LexerTest, QuotedIdentifiers) {
  std::string_view text = "`a b` `x``y` ``";
  std::vector<Token> t = Lex(text);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(DecodeQuotedIdentifier(text.substr(t[0].offset, t[0].length)), "a b");
  EXPECT_EQ(DecodeQuotedIdentifier(text.substr(t[1].offset, t[1].length)), "x`y");
  EXPECT_EQ(DecodeQuotedIdentifier(text.substr(t[2].offset, t[2].length)), "");
}

TEST(LexerTest, CommentsAndUnicodeSpaceAreSkipped) {
  using K = TokenKind;
  EXPECT_EQ(Kinds("a // comment ; 'x\nb /* multi\nline ; */ c"),
            (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("\xEF\xBB\xBF"
                  "a\xC2\xA0"
                  "b"),
            (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kEnd}));
  // `--` is not a comment in Cypher.
  EXPECT_EQ(Kinds("--"), (std::vector<K>{K::kMinus, K::kMinus, K::kEnd}));
}

TEST(LexerTest, UnicodeNames) {
  std::vector<Token> t = Lex("n:Städte café");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[2].kind, TokenKind::kIdentifier);
  EXPECT_EQ(t[2].length, 7u);   // "Städte" is 7 bytes.
  EXPECT_EQ(t[3].column, 10u);  // Columns count code points.
  EXPECT_TRUE(IsUnquotedName("Städte"));
  EXPECT_TRUE(IsUnquotedName("_x1"));
  EXPECT_FALSE(IsUnquotedName("1x"));
  EXPECT_FALSE(IsUnquotedName("a b"));
  EXPECT_FALSE(IsUnquotedName(""));
  EXPECT_FALSE(IsUnquotedName("a\xE2\x80\x94"));  // Em dash.
}

TEST(LexerTest, Positions) {
  std::string_view text = "MATCH (n)\n  RETURN 'a\nb', x";
  std::vector<Token> t = Lex(text);
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[0].line, 1u);
  EXPECT_EQ(t[0].column, 1u);
  EXPECT_EQ(t[2].offset, 7u);
  EXPECT_EQ(t[2].column, 8u);
  EXPECT_EQ(t[4].line, 2u);  // RETURN
  EXPECT_EQ(t[4].column, 3u);
  EXPECT_EQ(t[5].line, 2u);  // The string starts on line 2 ...
  EXPECT_EQ(t[7].line, 3u);  // ... so x is on line 3.
  EXPECT_EQ(t[7].column, 5u);
  EXPECT_EQ(t[8].kind, TokenKind::kEnd);
  EXPECT_EQ(t[8].offset, text.size());
}

TEST(LexerTest, UnterminatedConstructs) {
  EXPECT_EQ(LexError("RETURN 'abc"),
            "Failed to parse string literal. The query must contain an even number of "
            "non-escaped quotes. (line 1, column 8 (offset: 7))\n\"RETURN 'abc\"\n        ^");
  EXPECT_NE(LexError("RETURN \"a\\\"").find("column 8"), std::string::npos);
  EXPECT_EQ(LexError("MATCH (n) /* never closed\nRETURN n"),
            "Failed to parse comment. A comment starting on `/*` must have a closing `*/`. "
            "(line 1, column 11 (offset: 10))\n\"MATCH (n) /* never closed\"\n           ^");
  EXPECT_NE(LexError("RETURN `abc").find("backticks"), std::string::npos);
}

TEST(LexerTest, InvalidEscapes) {
  EXPECT_EQ(LexError("RETURN 'a\\qb'"),
            "Invalid escape sequence '\\q' in string literal (line 1, column 10 (offset: 9))\n"
            "\"RETURN 'a\\qb'\"\n          ^");
  EXPECT_NE(LexError("RETURN '\\u12'").find("4 hexadecimal digits"), std::string::npos);
  EXPECT_NE(LexError("RETURN '\\U0011FFFF'").find("not a Unicode scalar value"), std::string::npos);
  EXPECT_NE(LexError("RETURN '\\uD800'").find("not a Unicode scalar value"), std::string::npos);
}

TEST(LexerTest, InvalidNumbers) {
  EXPECT_EQ(LexError("RETURN 0x AS literal"),
            "Invalid number literal '0x' (line 1, column 8 (offset: 7))\n"
            "\"RETURN 0x AS literal\"\n        ^");
  EXPECT_NE(LexError("RETURN 0x1A2b3j4D5E6f7").find("'0x1A2b3j4D5E6f7'"), std::string::npos);
  EXPECT_NE(LexError("RETURN 0o8").find("Invalid number literal"), std::string::npos);
  EXPECT_NE(LexError("RETURN 12abc").find("'12abc'"), std::string::npos);
  EXPECT_NE(LexError("RETURN 1e").find("Invalid number literal"), std::string::npos);
}

TEST(LexerTest, Overflow) {
  EXPECT_EQ(LexError("RETURN 9223372036854775809"),
            "integer is too large (line 1, column 8 (offset: 7))\n"
            "\"RETURN 9223372036854775809\"\n        ^");
  EXPECT_NE(LexError("RETURN 0x8000000000000001").find("integer is too large"), std::string::npos);
  EXPECT_NE(LexError("RETURN 0o1000000000000000000001").find("integer is too large"),
            std::string::npos);
  EXPECT_NE(LexError("RETURN 1.34E999").find("floating point number is too large"),
            std::string::npos);
}

TEST(LexerTest, InvalidCharacters) {
  EXPECT_EQ(LexError("RETURN 42 \xE2\x80\x94 41"),
            "Invalid input '\xE2\x80\x94' (line 1, column 11 (offset: 10))\n"
            "\"RETURN 42 \xE2\x80\x94 41\"\n           ^");
  EXPECT_NE(LexError("RETURN #").find("Invalid input '#'"), std::string::npos);
  EXPECT_NE(LexError("RETURN \xFF").find("Invalid UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace smith::cypher
