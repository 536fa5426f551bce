// String functions: toUpper/upper, toLower/lower, trim, ltrim, rtrim, btrim, replace, substring,
// left, right, split. Positions and lengths count Unicode code points, as in Neo4j.
#include <string>
#include <vector>

#include "cypher/functions/function_util.h"
#include "cypher/functions/unicode.h"

namespace smith::cypher::internal {
namespace {

Result<Value> UpperFn(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg("toUpper", args[0]));
  return Value::String(ToUpper(s));
}

Result<Value> LowerFn(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg("toLower", args[0]));
  return Value::String(ToLower(s));
}

enum class TrimSide { kLeading, kTrailing, kBoth };

// Trims whitespace (no `chars`) or any code point of `chars`.
Result<Value> TrimImpl(std::string_view fn, std::span<const Value> args, TrimSide side) {
  if (AnyNull(args)) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg(fn, args[0]));
  std::vector<char32_t> set;
  const bool custom = args.size() > 1;
  if (custom) {
    SMITH_ASSIGN_OR_RETURN(std::string_view chars, StringArg(fn, args[1]));
    set = DecodeAll(chars);
  }
  auto trimmed = [&](char32_t cp) {
    if (!custom) return IsWhitespace(cp);
    for (char32_t c : set) {
      if (c == cp) return true;
    }
    return false;
  };
  const std::vector<char32_t> cps = DecodeAll(s);
  size_t begin = 0, end = cps.size();
  if (side != TrimSide::kTrailing) {
    while (begin < end && trimmed(cps[begin])) ++begin;
  }
  if (side != TrimSide::kLeading) {
    while (end > begin && trimmed(cps[end - 1])) --end;
  }
  std::string out;
  for (size_t i = begin; i < end; ++i) AppendUtf8(cps[i], &out);
  return Value::String(out);
}

Result<Value> Trim(std::span<const Value> args, FunctionContext&) {
  return TrimImpl("trim", args, TrimSide::kBoth);
}
Result<Value> BTrim(std::span<const Value> args, FunctionContext&) {
  return TrimImpl("btrim", args, TrimSide::kBoth);
}
Result<Value> LTrim(std::span<const Value> args, FunctionContext&) {
  return TrimImpl("ltrim", args, TrimSide::kLeading);
}
Result<Value> RTrim(std::span<const Value> args, FunctionContext&) {
  return TrimImpl("rtrim", args, TrimSide::kTrailing);
}

Result<Value> Replace(std::span<const Value> args, FunctionContext&) {
  if (AnyNull(args)) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg("replace", args[0]));
  SMITH_ASSIGN_OR_RETURN(std::string_view search, StringArg("replace", args[1]));
  SMITH_ASSIGN_OR_RETURN(std::string_view replacement, StringArg("replace", args[2]));
  std::string out;
  if (search.empty()) {
    // java.lang.String.replace: the replacement goes before every character and at the end.
    for (size_t pos = 0; pos < s.size();) {
      out.append(replacement);
      const size_t start = pos;
      DecodeUtf8(s, &pos);
      out.append(s.substr(start, pos - start));
    }
    out.append(replacement);
    return Value::String(out);
  }
  size_t pos = 0;
  while (true) {
    const size_t hit = s.find(search, pos);
    if (hit == std::string_view::npos) break;
    out.append(s.substr(pos, hit - pos));
    out.append(replacement);
    pos = hit + search.size();
  }
  out.append(s.substr(pos));
  return Value::String(out);
}

// A non-negative INTEGER argument (null and negatives are errors, as in Neo4j).
Result<int64_t> CountArg(std::string_view fn, std::string_view what, const Value& v) {
  if (v.is_null()) {
    return ArgumentError("Invalid input for function '" + std::string(fn) +
                         "()': " + std::string(what) + " cannot be null");
  }
  SMITH_ASSIGN_OR_RETURN(int64_t n, IntArg(fn, v));
  if (n < 0) {
    return ArgumentError("Invalid input for function '" + std::string(fn) + "()': " +
                         std::string(what) + " cannot be negative, got " + std::to_string(n));
  }
  return n;
}

Result<Value> Substring(std::span<const Value> args, FunctionContext&) {
  SMITH_ASSIGN_OR_RETURN(int64_t start, CountArg("substring", "start", args[1]));
  int64_t length = INT64_MAX;
  if (args.size() > 2) {
    SMITH_ASSIGN_OR_RETURN(length, CountArg("substring", "length", args[2]));
  }
  if (args[0].is_null()) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg("substring", args[0]));
  const size_t begin = ByteOffsetOfCodePoint(s, static_cast<size_t>(start));
  const std::string_view rest = s.substr(begin);
  const size_t end = ByteOffsetOfCodePoint(rest, static_cast<size_t>(length));
  return Value::String(rest.substr(0, end));
}

Result<Value> Left(std::span<const Value> args, FunctionContext&) {
  SMITH_ASSIGN_OR_RETURN(int64_t n, CountArg("left", "length", args[1]));
  if (args[0].is_null()) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg("left", args[0]));
  return Value::String(s.substr(0, ByteOffsetOfCodePoint(s, static_cast<size_t>(n))));
}

Result<Value> Right(std::span<const Value> args, FunctionContext&) {
  SMITH_ASSIGN_OR_RETURN(int64_t n, CountArg("right", "length", args[1]));
  if (args[0].is_null()) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg("right", args[0]));
  const size_t count = CodePointCount(s);
  const size_t skip = static_cast<uint64_t>(n) >= count ? 0 : count - static_cast<size_t>(n);
  return Value::String(s.substr(ByteOffsetOfCodePoint(s, skip)));
}

Result<Value> Split(std::span<const Value> args, FunctionContext&) {
  if (AnyNull(args)) return Value();
  SMITH_ASSIGN_OR_RETURN(std::string_view s, StringArg("split", args[0]));
  std::vector<std::string_view> delimiters;
  if (args[1].is_string()) {
    delimiters.push_back(args[1].AsString());
  } else if (args[1].is_list()) {
    for (const Value& d : args[1].AsList()) {
      if (d.is_null()) return Value();
      SMITH_ASSIGN_OR_RETURN(std::string_view text, StringArg("split", d));
      delimiters.push_back(text);
    }
  } else {
    return InvalidArgType("split", args[1], "STRING or LIST<STRING>");
  }
  std::vector<Value> parts;
  bool has_empty_delimiter = false;
  for (std::string_view d : delimiters) has_empty_delimiter |= d.empty();
  if (s.empty()) {
    parts.push_back(Value::String(""));
    return Value::List(std::move(parts));
  }
  size_t piece_start = 0;
  for (size_t pos = 0; pos < s.size();) {
    size_t matched = 0;
    for (std::string_view d : delimiters) {
      if (!d.empty() && d.size() > matched && s.substr(pos, d.size()) == d) matched = d.size();
    }
    if (matched > 0) {
      parts.push_back(Value::String(s.substr(piece_start, pos - piece_start)));
      pos += matched;
      piece_start = pos;
      continue;
    }
    DecodeUtf8(s, &pos);
    if (has_empty_delimiter) {
      // An empty delimiter splits between every character.
      parts.push_back(Value::String(s.substr(piece_start, pos - piece_start)));
      piece_start = pos;
    }
  }
  if (!has_empty_delimiter || piece_start < s.size()) {
    parts.push_back(Value::String(s.substr(piece_start)));
  }
  return Value::List(std::move(parts));
}

constexpr ScalarFunction kFunctions[] = {
    {"toUpper", 1, 1, &UpperFn, true}, {"upper", 1, 1, &UpperFn, true},
    {"toLower", 1, 1, &LowerFn, true}, {"lower", 1, 1, &LowerFn, true},
    {"trim", 1, 1, &Trim, true},       {"btrim", 1, 2, &BTrim, true},
    {"ltrim", 1, 2, &LTrim, true},     {"rtrim", 1, 2, &RTrim, true},
    {"replace", 3, 3, &Replace, true}, {"substring", 2, 3, &Substring, true},
    {"left", 2, 2, &Left, true},       {"right", 2, 2, &Right, true},
    {"split", 2, 2, &Split, true},
};

}  // namespace

std::span<const ScalarFunction> StringFunctions() { return kFunctions; }

}  // namespace smith::cypher::internal
