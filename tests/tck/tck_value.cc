#include "tck_value.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "common/utf8.h"

namespace smith::tck {
namespace {

bool IsIdentifierChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         u >= 0x80;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class ValueParser {
 public:
  explicit ValueParser(std::string_view text) : text_(text) {}

  Result<Value> ParseAll() {
    SMITH_ASSIGN_OR_RETURN(Value value, ParseValue(0));
    SkipSpace();
    if (pos_ != text_.size()) return Error("unexpected trailing text");
    return value;
  }

 private:
  static constexpr int kMaxDepth = 100;

  Status Error(std::string_view what) const {
    return Status::InvalidArgument("TCK value '" + std::string(text_) + "': " + std::string(what) +
                                   " at offset " + std::to_string(pos_));
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool Consume(std::string_view token) {
    SkipSpace();
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  Status Expect(std::string_view token) {
    if (Consume(token)) return Status::OK();
    return Error("expected '" + std::string(token) + "'");
  }

  Result<Value> ParseValue(int depth) {
    if (depth > kMaxDepth) return Error("nesting too deep");
    SkipSpace();
    char c = Peek();
    switch (c) {
      case '(': {
        SMITH_ASSIGN_OR_RETURN(Node node, ParseNode(depth));
        return Value(std::move(node));
      }
      case '[': {
        size_t save = pos_++;
        SkipSpace();
        bool relationship = Peek() == ':';
        pos_ = save;
        if (!relationship) return ParseList(depth);
        SMITH_ASSIGN_OR_RETURN(Relationship rel, ParseRelationship(depth));
        return Value(std::move(rel));
      }
      case '<':
        return ParsePath(depth);
      case '{': {
        SMITH_ASSIGN_OR_RETURN(ValueMap map, ParseMap(depth));
        return Value::Map(std::move(map));
      }
      case '\'':
      case '"': {
        SMITH_ASSIGN_OR_RETURN(std::string s, ParseString());
        return Value::String(s);
      }
      default:
        break;
    }
    if (IsDigit(c) || c == '-' || c == '+' || c == '.') return ParseNumber();
    if (IsIdentifierChar(c)) {
      size_t start = pos_;
      while (pos_ < text_.size() && IsIdentifierChar(text_[pos_])) ++pos_;
      std::string word(text_.substr(start, pos_ - start));
      std::string lower = word;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](char ch) { return static_cast<char>(std::tolower(ch)); });
      if (lower == "null") return Value::Null();
      if (lower == "true") return Value::Bool(true);
      if (lower == "false") return Value::Bool(false);
      if (word == "NaN") return Value::Float(std::nan(""));
      if (word == "Infinity") return Value::Float(HUGE_VAL);
      pos_ = start;
      return Error("unknown word '" + word + "'");
    }
    return Error(c == '\0' ? "missing value" : "unexpected character");
  }

  Result<Value> ParseNumber() {
    size_t start = pos_;
    bool negative = false;
    if (Peek() == '-' || Peek() == '+') {
      negative = Peek() == '-';
      ++pos_;
    }
    if (text_.substr(pos_, 8) == "Infinity") {
      pos_ += 8;
      return Value::Float(negative ? -HUGE_VAL : HUGE_VAL);
    }
    size_t digits_start = pos_;
    bool is_float = false;
    while (IsDigit(Peek())) ++pos_;
    if (Peek() == '.') {
      is_float = true;
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    }
    if (pos_ == digits_start || (pos_ == digits_start + 1 && text_[digits_start] == '.')) {
      pos_ = start;
      return Error("malformed number");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      is_float = true;
      ++pos_;
      if (Peek() == '-' || Peek() == '+') ++pos_;
      size_t exp_start = pos_;
      while (IsDigit(Peek())) ++pos_;
      if (pos_ == exp_start) return Error("malformed exponent");
    }
    if (IsIdentifierChar(Peek())) return Error("malformed number");
    // from_chars takes neither '+' nor a leading '.' in every form; hand it a clean copy.
    std::string number(negative ? "-" : "");
    if (text_[digits_start] == '.') number += '0';
    number += text_.substr(digits_start, pos_ - digits_start);
    const char* first = number.data();
    const char* last = number.data() + number.size();
    if (is_float) {
      double d = 0;
      auto [ptr, ec] = std::from_chars(first, last, d);
      if (ec != std::errc() || ptr != last) return Error("malformed float");
      return Value::Float(d);
    }
    int64_t i = 0;
    auto [ptr, ec] = std::from_chars(first, last, i);
    if (ec == std::errc::result_out_of_range) return Error("integer out of range");
    if (ec != std::errc() || ptr != last) return Error("malformed integer");
    return Value::Int(i);
  }

  Result<uint32_t> ParseHex4() {
    if (pos_ + 4 > text_.size()) return Error("truncated \\u escape");
    uint32_t cp = 0;
    auto [ptr, ec] = std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, cp, 16);
    if (ec != std::errc() || ptr != text_.data() + pos_ + 4) return Error("bad \\u escape");
    pos_ += 4;
    return cp;
  }

  Result<std::string> ParseString() {
    char quote = text_[pos_++];
    std::string out;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == quote) return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) break;
      char e = text_[pos_++];
      switch (e) {
        case '\'':
        case '"':
        case '\\':
          out += e;
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          SMITH_ASSIGN_OR_RETURN(uint32_t cp, ParseHex4());
          if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            SMITH_ASSIGN_OR_RETURN(uint32_t low, ParseHex4());
            if (low < 0xDC00 || low >= 0xE000) return Error("unpaired surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(static_cast<char32_t>(cp), &out);
          break;
        }
        default:
          --pos_;
          return Error("unknown escape");
      }
    }
    return Error("unterminated string");
  }

  Result<std::string> ParseName() {
    SkipSpace();
    if (Peek() == '`') {
      ++pos_;
      std::string name;
      while (pos_ < text_.size()) {
        char c = text_[pos_++];
        if (c != '`') {
          name += c;
        } else if (Peek() == '`') {
          name += '`';
          ++pos_;
        } else {
          return name;
        }
      }
      return Error("unterminated back-quoted name");
    }
    if (Peek() == '\'' || Peek() == '"') return ParseString();
    size_t start = pos_;
    while (pos_ < text_.size() && IsIdentifierChar(text_[pos_])) ++pos_;
    if (pos_ == start) return Error("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  Result<ValueMap> ParseMap(int depth) {
    SMITH_RETURN_IF_ERROR(Expect("{"));
    std::vector<ValueMap::Entry> entries;
    if (!Consume("}")) {
      do {
        SMITH_ASSIGN_OR_RETURN(std::string key, ParseName());
        SMITH_RETURN_IF_ERROR(Expect(":"));
        SMITH_ASSIGN_OR_RETURN(Value value, ParseValue(depth + 1));
        entries.emplace_back(std::move(key), std::move(value));
      } while (Consume(","));
      SMITH_RETURN_IF_ERROR(Expect("}"));
    }
    return ValueMap::FromEntries(std::move(entries));
  }

  Result<Value> ParseList(int depth) {
    SMITH_RETURN_IF_ERROR(Expect("["));
    std::vector<Value> items;
    if (!Consume("]")) {
      do {
        SMITH_ASSIGN_OR_RETURN(Value item, ParseValue(depth + 1));
        items.push_back(std::move(item));
      } while (Consume(","));
      SMITH_RETURN_IF_ERROR(Expect("]"));
    }
    return Value::List(std::move(items));
  }

  Result<ValueMap> ParseOptionalProperties(int depth) {
    SkipSpace();
    if (Peek() != '{') return ValueMap();
    return ParseMap(depth + 1);
  }

  Result<Node> ParseNode(int depth) {
    SMITH_RETURN_IF_ERROR(Expect("("));
    Node node;
    while (Consume(":")) {
      SMITH_ASSIGN_OR_RETURN(std::string label, ParseName());
      node.labels.push_back(std::move(label));
    }
    SMITH_ASSIGN_OR_RETURN(node.properties, ParseOptionalProperties(depth));
    SMITH_RETURN_IF_ERROR(Expect(")"));
    return node;
  }

  Result<Relationship> ParseRelationship(int depth) {
    SMITH_RETURN_IF_ERROR(Expect("["));
    SMITH_RETURN_IF_ERROR(Expect(":"));
    Relationship rel;
    SMITH_ASSIGN_OR_RETURN(rel.type, ParseName());
    SMITH_ASSIGN_OR_RETURN(rel.properties, ParseOptionalProperties(depth));
    SMITH_RETURN_IF_ERROR(Expect("]"));
    return rel;
  }

  Result<Value> ParsePath(int depth) {
    SMITH_RETURN_IF_ERROR(Expect("<"));
    Path path;
    SMITH_ASSIGN_OR_RETURN(Node first, ParseNode(depth));
    first.id = 0;
    path.nodes.push_back(std::move(first));
    while (!Consume(">")) {
      bool backward = Consume("<-");
      if (!backward) SMITH_RETURN_IF_ERROR(Expect("-"));
      SMITH_ASSIGN_OR_RETURN(Relationship rel, ParseRelationship(depth));
      SMITH_RETURN_IF_ERROR(Expect(backward ? "-" : "->"));
      SMITH_ASSIGN_OR_RETURN(Node next, ParseNode(depth));
      int64_t from = static_cast<int64_t>(path.nodes.size()) - 1;
      next.id = from + 1;
      rel.id = from;
      rel.start_id = backward ? from + 1 : from;
      rel.end_id = backward ? from : from + 1;
      path.relationships.push_back(std::move(rel));
      path.nodes.push_back(std::move(next));
    }
    return Value(std::move(path));
  }

  std::string_view text_;
  size_t pos_ = 0;
};

void AppendQuoted(std::string_view s, std::string* out) {
  *out += '\'';
  for (char c : s) {
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '\'':
        *out += "\\'";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(c));
          *out += buf;
        } else {
          *out += c;
        }
    }
  }
  *out += '\'';
}

void AppendName(std::string_view name, std::string* out) {
  bool plain =
      !name.empty() && !IsDigit(name[0]) && std::all_of(name.begin(), name.end(), IsIdentifierChar);
  if (plain) {
    *out += name;
    return;
  }
  *out += '`';
  for (char c : name) {
    *out += c;
    if (c == '`') *out += '`';
  }
  *out += '`';
}

void AppendFloat(double d, std::string* out) {
  if (std::isnan(d)) {
    *out += "NaN";
  } else if (std::isinf(d)) {
    *out += d > 0 ? "Infinity" : "-Infinity";
  } else if (d == 0) {
    *out += "0.0";  // -0.0 too: the TCK compares doubles with ==
  } else {
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof(buf), d);
    std::string_view digits(buf, static_cast<size_t>(ptr - buf));
    *out += digits;
    if (digits.find_first_of(".e") == std::string_view::npos) *out += ".0";
  }
}

void AppendCanonical(const Value& v, bool sort_lists, std::string* out);

void AppendProperties(const ValueMap& map, bool sort_lists, std::string* out) {
  *out += '{';
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) *out += ", ";
    first = false;
    AppendName(key, out);
    *out += ": ";
    AppendCanonical(value, sort_lists, out);
  }
  *out += '}';
}

void AppendNode(const Node& node, bool sort_lists, std::string* out) {
  std::vector<std::string> labels = node.labels;
  std::sort(labels.begin(), labels.end());
  *out += '(';
  for (const std::string& label : labels) {
    *out += ':';
    AppendName(label, out);
  }
  if (!node.properties.empty()) {
    if (!labels.empty()) *out += ' ';
    AppendProperties(node.properties, sort_lists, out);
  }
  *out += ')';
}

void AppendRelationship(const Relationship& rel, bool sort_lists, std::string* out) {
  *out += "[:";
  AppendName(rel.type, out);
  if (!rel.properties.empty()) {
    *out += ' ';
    AppendProperties(rel.properties, sort_lists, out);
  }
  *out += ']';
}

void AppendPath(const Path& path, bool sort_lists, std::string* out) {
  *out += '<';
  for (size_t i = 0; i < path.nodes.size(); ++i) {
    if (i > 0 && i - 1 < path.relationships.size()) {
      const Relationship& rel = path.relationships[i - 1];
      bool backward = rel.start_id == path.nodes[i].id && rel.end_id == path.nodes[i - 1].id &&
                      rel.start_id != rel.end_id;
      *out += backward ? "<-" : "-";
      AppendRelationship(rel, sort_lists, out);
      *out += backward ? "-" : "->";
    }
    AppendNode(path.nodes[i], sort_lists, out);
  }
  *out += '>';
}

void AppendCanonical(const Value& v, bool sort_lists, std::string* out) {
  switch (v.type()) {
    case ValueType::kNull:
      *out += "null";
      return;
    case ValueType::kBool:
      *out += v.AsBool() ? "true" : "false";
      return;
    case ValueType::kInt:
      *out += std::to_string(v.AsInt());
      return;
    case ValueType::kFloat:
      AppendFloat(v.AsFloat(), out);
      return;
    case ValueType::kString:
      AppendQuoted(v.AsString(), out);
      return;
    case ValueType::kBytes:
      v.AppendTo(out);
      return;
    case ValueType::kList: {
      std::vector<std::string> items;
      items.reserve(v.AsList().size());
      for (const Value& item : v.AsList()) {
        items.emplace_back();
        AppendCanonical(item, sort_lists, &items.back());
      }
      if (sort_lists) std::sort(items.begin(), items.end());
      *out += '[';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) *out += ", ";
        *out += items[i];
      }
      *out += ']';
      return;
    }
    case ValueType::kMap:
      AppendProperties(v.AsMap(), sort_lists, out);
      return;
    case ValueType::kNode:
      AppendNode(v.AsNode(), sort_lists, out);
      return;
    case ValueType::kRelationship:
      AppendRelationship(v.AsRelationship(), sort_lists, out);
      return;
    case ValueType::kPath:
      AppendPath(v.AsPath(), sort_lists, out);
      return;
    case ValueType::kDate:
    case ValueType::kLocalTime:
    case ValueType::kTime:
    case ValueType::kLocalDateTime:
    case ValueType::kDateTime:
    case ValueType::kDuration:
      AppendQuoted(v.ToString(), out);
      return;
  }
  *out += "<unknown value type>";
}

}  // namespace

Result<Value> ParseTckValue(std::string_view text) { return ValueParser(text).ParseAll(); }

std::string CanonicalValue(const Value& value, bool ignore_list_order) {
  std::string out;
  AppendCanonical(value, ignore_list_order, &out);
  return out;
}

}  // namespace smith::tck
