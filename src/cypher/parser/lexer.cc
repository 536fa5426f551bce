#include "cypher/parser/lexer.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "common/utf8.h"
#include "cypher/parser/syntax_error.h"

namespace smith::cypher {
namespace {

constexpr uint64_t kMaxMagnitude = uint64_t{1} << 63;  // |INT64_MIN|

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// ASCII character classes, one table lookup per character on the hot paths.
constexpr uint8_t kIdentStartClass = 1;
constexpr uint8_t kIdentPartClass = 2;

constexpr std::array<uint8_t, 256> MakeCharClasses() {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    classes[c] = static_cast<uint8_t>((letter ? kIdentStartClass : 0) |
                                      (letter || digit ? kIdentPartClass : 0));
  }
  return classes;
}
constexpr std::array<uint8_t, 256> kCharClasses = MakeCharClasses();

bool IsAsciiIdentStart(char c) {
  return (kCharClasses[static_cast<unsigned char>(c)] & kIdentStartClass) != 0;
}
bool IsAsciiIdentPart(char c) {
  return (kCharClasses[static_cast<unsigned char>(c)] & kIdentPartClass) != 0;
}

// Decodes one UTF-8 sequence at s[i]; returns its length (0 if ill-formed) and the code point.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  size_t len;
  uint32_t min;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, *cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, *cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, *cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (byte(i + k) & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Non-ASCII code points that may appear in an unquoted name: everything except punctuation,
// symbols and spaces from the common blocks (so that `—` or `×` are reported, not swallowed).
bool IsUnicodeIdentPart(uint32_t cp) {
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
  return !IsUnicodeSpace(cp);
}

bool IsAscii(std::string_view s) {
  uint64_t high_bits = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    high_bits |= word;
  }
  for (; i < s.size(); ++i) high_bits |= static_cast<unsigned char>(s[i]);
  return (high_bits & 0x8080808080808080ull) == 0;
}

uint32_t ParseHex(std::string_view s, size_t i, size_t n) {
  uint32_t v = 0;
  for (size_t k = 0; k < n; ++k) v = v * 16 + static_cast<uint32_t>(HexValue(s[i + k]));
  return v;
}

class Lexer {
 public:
  Lexer(std::string_view src, std::vector<Token>* tokens) : src_(src), tokens_(tokens) {}

  Status Run() {
    tokens_->clear();
    tokens_->reserve(src_.size() / 3 + 4);
    ascii_ = IsAscii(src_);
    while (true) {
      SMITH_RETURN_IF_ERROR(SkipSpaceAndComments());
      if (i_ >= src_.size()) break;
      SMITH_RETURN_IF_ERROR(LexToken());
    }
    Token end;
    end.kind = TokenKind::kEnd;
    SetPosition(&end, src_.size());
    tokens_->push_back(end);
    return Status::OK();
  }

 private:
  Status Error(size_t offset, std::string_view description) const {
    return SyntaxErrorAt(src_, static_cast<uint32_t>(offset), description);
  }

  // Fills the token's position; offsets passed in must not decrease and must not precede the
  // start of the current line.
  void SetPosition(Token* t, size_t offset) {
    if (ascii_) {
      col_ += static_cast<uint32_t>(offset - col_offset_);
    } else {
      uint32_t columns = 0;
      for (size_t k = col_offset_; k < offset; ++k) {
        columns += (static_cast<unsigned char>(src_[k]) & 0xC0) != 0x80;
      }
      col_ += columns;
    }
    col_offset_ = offset;
    t->offset = static_cast<uint32_t>(offset);
    t->line = line_;
    t->column = col_;
  }

  void NewlineAt(size_t offset) {
    ++line_;
    col_ = 1;
    col_offset_ = offset + 1;
  }

  Status SkipSpaceAndComments() {
    while (i_ < src_.size()) {
      char c = src_[i_];
      if (c == '\n') {
        NewlineAt(i_);
        ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++i_;
      } else if (c == '/' && i_ + 1 < src_.size() && src_[i_ + 1] == '/') {
        while (i_ < src_.size() && src_[i_] != '\n') ++i_;
      } else if (c == '/' && i_ + 1 < src_.size() && src_[i_ + 1] == '*') {
        size_t start = i_;
        i_ += 2;
        while (true) {
          if (i_ + 1 >= src_.size()) {
            return Error(start,
                         "Failed to parse comment. A comment starting on `/*` must have a "
                         "closing `*/`.");
          }
          if (src_[i_] == '*' && src_[i_ + 1] == '/') break;
          if (src_[i_] == '\n') NewlineAt(i_);
          ++i_;
        }
        i_ += 2;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        uint32_t cp;
        size_t len = DecodeUtf8(src_, i_, &cp);
        if (len == 0 || !IsUnicodeSpace(cp)) return Status::OK();
        i_ += len;
      } else {
        return Status::OK();
      }
    }
    return Status::OK();
  }

  // Appends a token positioned where LexToken() started (strings may span lines).
  Token& Push(TokenKind kind, size_t start, size_t length) {
    Token t = pending_;
    t.kind = kind;
    t.offset = static_cast<uint32_t>(start);
    t.length = static_cast<uint32_t>(length);
    tokens_->push_back(t);
    return tokens_->back();
  }

  // Whether `.` at i_ is a property-access dot rather than the start of a float like `.5`.
  bool DotIsOperator() const {
    if (tokens_->empty()) return false;
    const Token& prev = tokens_->back();
    if (prev.end() != i_) return false;
    switch (prev.kind) {
      case TokenKind::kIdentifier:
      case TokenKind::kQuotedIdentifier:
      case TokenKind::kRParen:
      case TokenKind::kRBracket:
      case TokenKind::kRBrace:
        return true;
      default:
        return false;
    }
  }

  Status LexToken() {
    size_t start = i_;
    SetPosition(&pending_, start);
    char c = src_[i_];
    char next = i_ + 1 < src_.size() ? src_[i_ + 1] : '\0';
    auto single = [&](TokenKind kind) {
      Push(kind, start, 1);
      ++i_;
      return Status::OK();
    };
    auto pair = [&](TokenKind kind) {
      Push(kind, start, 2);
      i_ += 2;
      return Status::OK();
    };
    switch (c) {
      case '(':
        return single(TokenKind::kLParen);
      case ')':
        return single(TokenKind::kRParen);
      case '[':
        return single(TokenKind::kLBracket);
      case ']':
        return single(TokenKind::kRBracket);
      case '{':
        return single(TokenKind::kLBrace);
      case '}':
        return single(TokenKind::kRBrace);
      case ',':
        return single(TokenKind::kComma);
      case ';':
        return single(TokenKind::kSemicolon);
      case ':':
        return single(TokenKind::kColon);
      case '|':
        return single(TokenKind::kPipe);
      case '&':
        return single(TokenKind::kAmpersand);
      case '$':
        return single(TokenKind::kDollar);
      case '*':
        return single(TokenKind::kStar);
      case '-':
        return single(TokenKind::kMinus);
      case '/':
        return single(TokenKind::kSlash);
      case '%':
        return single(TokenKind::kPercent);
      case '^':
        return single(TokenKind::kCaret);
      case '+':
        return next == '=' ? pair(TokenKind::kPlusEq) : single(TokenKind::kPlus);
      case '!':
        return next == '=' ? pair(TokenKind::kNe) : single(TokenKind::kBang);
      case '=':
        return next == '~' ? pair(TokenKind::kRegexMatch) : single(TokenKind::kEq);
      case '<':
        if (next == '=') return pair(TokenKind::kLe);
        if (next == '>') return pair(TokenKind::kNe);
        return single(TokenKind::kLt);
      case '>':
        return next == '=' ? pair(TokenKind::kGe) : single(TokenKind::kGt);
      case '.':
        if (next == '.') return pair(TokenKind::kDotDot);
        if (IsDigit(next) && !DotIsOperator()) return LexNumber();
        return single(TokenKind::kDot);
      case '\'':
      case '"':
        return LexString();
      case '`':
        return LexQuotedIdentifier();
      default:
        break;
    }
    if (IsDigit(c)) return LexNumber();
    if (IsAsciiIdentStart(c)) return LexWord();
    if (static_cast<unsigned char>(c) >= 0x80) {
      uint32_t cp;
      size_t len = DecodeUtf8(src_, i_, &cp);
      if (len == 0) return Error(start, "Invalid UTF-8 in query text");
      if (IsUnicodeIdentPart(cp)) return LexWord();
      return Error(start, "Invalid input '" + std::string(src_.substr(start, len)) + "'");
    }
    return Error(start, "Invalid input '" + std::string(1, c) + "'");
  }

  // Length of the identifier character at i (0 if none).
  size_t IdentPartLength(size_t i) const {
    if (i >= src_.size()) return 0;
    char c = src_[i];
    if (IsAsciiIdentPart(c)) return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    uint32_t cp;
    size_t len = DecodeUtf8(src_, i, &cp);
    return len != 0 && IsUnicodeIdentPart(cp) ? len : 0;
  }

  Status LexWord() {
    size_t start = i_;
    while (true) {
      while (i_ < src_.size() && IsAsciiIdentPart(src_[i_])) ++i_;
      size_t len = IdentPartLength(i_);
      if (len == 0) break;
      i_ += len;
    }
    Token& t = Push(TokenKind::kIdentifier, start, i_ - start);
    t.keyword = LookupKeyword(src_.substr(start, i_ - start));
    return Status::OK();
  }

  Status InvalidNumber(size_t start) {
    size_t end = i_;
    while (end < src_.size() && (IdentPartLength(end) != 0 || src_[end] == '.')) {
      end += IdentPartLength(end) ? IdentPartLength(end) : 1;
    }
    return Error(start,
                 "Invalid number literal '" + std::string(src_.substr(start, end - start)) + "'");
  }

  // Digits (with single underscores between them) in the given base, accumulated into
  // `magnitude`; sets `overflow` when the value exceeds 2^63. Returns the digit count.
  size_t ScanDigits(int base, uint64_t* magnitude, bool* overflow) {
    size_t count = 0;
    while (i_ < src_.size()) {
      char c = src_[i_];
      if (c == '_' && count > 0 && i_ + 1 < src_.size() && IsHexDigit(src_[i_ + 1])) {
        ++i_;
        continue;
      }
      int d;
      if (base == 16 && IsHexDigit(c)) {
        d = HexValue(c);
      } else if (base == 8 && c >= '0' && c <= '7') {
        d = c - '0';
      } else if (base == 10 && IsDigit(c)) {
        d = c - '0';
      } else {
        break;
      }
      if (*magnitude > (kMaxMagnitude - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
        *overflow = true;
      } else {
        *magnitude = *magnitude * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
      }
      ++count;
      ++i_;
    }
    return count;
  }

  Status LexNumber() {
    size_t start = i_;
    uint64_t magnitude = 0;
    bool overflow = false;
    if (src_[i_] == '0' && i_ + 1 < src_.size() && (src_[i_ + 1] == 'x' || src_[i_ + 1] == 'o')) {
      int base = src_[i_ + 1] == 'x' ? 16 : 8;
      i_ += 2;
      size_t digits = ScanDigits(base, &magnitude, &overflow);
      if (digits == 0 || IdentPartLength(i_) != 0) return InvalidNumber(start);
      if (overflow) return Error(start, "integer is too large");
      Token& t = Push(TokenKind::kInteger, start, i_ - start);
      t.int_value = magnitude;
      return Status::OK();
    }
    bool is_float = false;
    ScanDigits(10, &magnitude, &overflow);
    if (i_ + 1 < src_.size() && src_[i_] == '.' && IsDigit(src_[i_ + 1])) {
      is_float = true;
      ++i_;
      uint64_t ignored = 0;
      bool ignored_overflow = false;
      ScanDigits(10, &ignored, &ignored_overflow);
    }
    if (i_ < src_.size() && (src_[i_] == 'e' || src_[i_] == 'E')) {
      size_t k = i_ + 1;
      if (k < src_.size() && (src_[k] == '-' || src_[k] == '+')) ++k;
      if (k < src_.size() && IsDigit(src_[k])) {
        is_float = true;
        i_ = k;
        while (i_ < src_.size() && IsDigit(src_[i_])) ++i_;
      } else {
        return InvalidNumber(start);
      }
    }
    if (IdentPartLength(i_) != 0) return InvalidNumber(start);
    std::string_view text = src_.substr(start, i_ - start);
    if (!is_float) {
      if (overflow) return Error(start, "integer is too large");
      Token& t = Push(TokenKind::kInteger, start, text.size());
      t.int_value = magnitude;
      return Status::OK();
    }
    double value = 0;
    std::string cleaned;
    if (text.find('_') != std::string_view::npos) {
      for (char ch : text) {
        if (ch != '_') cleaned.push_back(ch);
      }
      text = cleaned;
    }
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) {
      // Distinguish overflow (an error) from underflow (rounds towards zero, as in Java).
      std::string copy(text);
      value = std::strtod(copy.c_str(), nullptr);
      if (value == std::numeric_limits<double>::infinity()) {
        return Error(start, "floating point number is too large");
      }
    } else if (ec != std::errc() || ptr != text.data() + text.size()) {
      return InvalidNumber(start);
    }
    Token& t = Push(TokenKind::kFloat, start, i_ - start);
    t.float_value = value;
    return Status::OK();
  }

  Status LexString() {
    size_t start = i_;
    char quote = src_[i_++];
    while (true) {
      if (i_ >= src_.size()) {
        return Error(start,
                     "Failed to parse string literal. The query must contain an even number of "
                     "non-escaped quotes.");
      }
      char c = src_[i_];
      if (c == quote) break;
      if (c == '\n') NewlineAt(i_);
      if (c != '\\') {
        ++i_;
        continue;
      }
      size_t esc = i_;
      char e = i_ + 1 < src_.size() ? src_[i_ + 1] : '\0';
      switch (e) {
        case '\\':
        case '\'':
        case '"':
        case 'b':
        case 'B':
        case 'f':
        case 'F':
        case 'n':
        case 'N':
        case 'r':
        case 'R':
        case 't':
        case 'T':
          i_ += 2;
          break;
        case 'u':
        case 'U': {
          size_t n = e == 'u' ? 4 : 8;
          for (size_t k = 0; k < n; ++k) {
            if (i_ + 2 + k >= src_.size() || !IsHexDigit(src_[i_ + 2 + k])) {
              return Error(esc,
                           "Invalid input '" +
                               std::string(src_.substr(esc, std::min(n + 2, src_.size() - esc))) +
                               "': expected " + std::to_string(n) +
                               " hexadecimal digits in a unicode escape");
            }
          }
          uint32_t cp = ParseHex(src_, i_ + 2, n);
          i_ += 2 + n;
          if (cp >= 0xD800 && cp <= 0xDBFF && e == 'u' && i_ + 6 <= src_.size() &&
              src_[i_] == '\\' && src_[i_ + 1] == 'u') {
            bool hex = true;
            for (size_t k = 0; k < 4; ++k) hex = hex && IsHexDigit(src_[i_ + 2 + k]);
            uint32_t low = hex ? ParseHex(src_, i_ + 2, 4) : 0;
            if (low >= 0xDC00 && low <= 0xDFFF) {
              i_ += 6;
              break;
            }
          }
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return Error(esc, "Invalid unicode escape '" + std::string(src_.substr(esc, i_ - esc)) +
                                  "': not a Unicode scalar value");
          }
          break;
        }
        default:
          return Error(esc, "Invalid escape sequence '\\" +
                                (e == '\0' ? std::string() : std::string(1, e)) +
                                "' in string literal");
      }
    }
    ++i_;
    Push(TokenKind::kString, start, i_ - start);
    return Status::OK();
  }

  Status LexQuotedIdentifier() {
    size_t start = i_++;
    while (true) {
      if (i_ >= src_.size()) {
        return Error(start,
                     "Failed to parse quoted name. The query must contain an even number of "
                     "non-escaped backticks.");
      }
      if (src_[i_] == '`') {
        if (i_ + 1 < src_.size() && src_[i_ + 1] == '`') {
          i_ += 2;
          continue;
        }
        break;
      }
      if (src_[i_] == '\n') NewlineAt(i_);
      ++i_;
    }
    ++i_;
    Push(TokenKind::kQuotedIdentifier, start, i_ - start);
    return Status::OK();
  }

  std::string_view src_;
  std::vector<Token>* tokens_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  uint32_t col_ = 1;
  size_t col_offset_ = 0;
  bool ascii_ = false;  // The whole input is ASCII: columns are byte counts.
  Token pending_;
};

}  // namespace

Status Tokenize(std::string_view source, std::vector<Token>* tokens) {
  if (source.size() >= std::numeric_limits<uint32_t>::max()) {
    return Status(StatusCode::kSyntaxError, "Query text is too long (4 GiB or more)");
  }
  return Lexer(source, tokens).Run();
}

std::string DecodeStringLiteral(std::string_view text) {
  std::string out;
  std::string_view body = text.substr(1, text.size() - 2);
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'b':
      case 'B':
        out.push_back('\b');
        break;
      case 'f':
      case 'F':
        out.push_back('\f');
        break;
      case 'n':
      case 'N':
        out.push_back('\n');
        break;
      case 'r':
      case 'R':
        out.push_back('\r');
        break;
      case 't':
      case 'T':
        out.push_back('\t');
        break;
      case 'u':
      case 'U': {
        size_t n = e == 'u' ? 4 : 8;
        uint32_t cp = ParseHex(body, i + 1, n);
        i += n;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < body.size() && body[i + 1] == '\\' &&
            body[i + 2] == 'u') {
          uint32_t low = ParseHex(body, i + 3, 4);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
        AppendUtf8(cp, &out);
        break;
      }
      default:  // \\ \' \"
        out.push_back(e);
        break;
    }
  }
  return out;
}

bool IsUnquotedName(std::string_view name) {
  if (name.empty() || IsDigit(name[0])) return false;
  size_t i = 0;
  while (i < name.size()) {
    char c = name[i];
    if (IsAsciiIdentPart(c)) {
      ++i;
      continue;
    }
    uint32_t cp;
    size_t len = static_cast<unsigned char>(c) >= 0x80 ? DecodeUtf8(name, i, &cp) : 0;
    if (len == 0 || !IsUnicodeIdentPart(cp)) return false;
    i += len;
  }
  return true;
}

std::string DecodeQuotedIdentifier(std::string_view text) {
  std::string out;
  std::string_view body = text.substr(1, text.size() - 2);
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    out.push_back(body[i]);
    if (body[i] == '`') ++i;
  }
  return out;
}

}  // namespace smith::cypher
