#include "cypher/functions/function_util.h"

namespace smith::cypher::internal {

Status TypeError(std::string_view message) { return Status(StatusCode::kTypeError, message); }

Status ArgumentError(std::string_view message) {
  return Status(StatusCode::kArgumentError, message);
}

Status ArithmeticError(std::string_view message) {
  return Status(StatusCode::kArithmeticError, message);
}

std::string_view TypeName(const Value& v) { return ValueTypeName(v.type()); }

std::string Describe(const Value& v) {
  constexpr size_t kMaxShown = 60;
  std::string out(TypeName(v));
  if (v.is_null()) return out;
  std::string text = v.ToString();
  if (text.size() > kMaxShown) {
    text.resize(kMaxShown);
    text += "...";
  }
  out += ' ';
  out += text;
  return out;
}

Status InvalidArgType(std::string_view fn, const Value& got, std::string_view expected) {
  std::string message = "Invalid input for function '";
  message += fn;
  message += "()': expected ";
  message += expected;
  message += " but got ";
  message += Describe(got);
  return TypeError(message);
}

Result<int64_t> IntArg(std::string_view fn, const Value& v) {
  if (!v.is_int()) return InvalidArgType(fn, v, "INTEGER");
  return v.AsInt();
}

Result<double> NumberArg(std::string_view fn, const Value& v) {
  if (!v.is_number()) return InvalidArgType(fn, v, "INTEGER or FLOAT");
  return v.AsNumber();
}

Result<std::string_view> StringArg(std::string_view fn, const Value& v) {
  if (!v.is_string()) return InvalidArgType(fn, v, "STRING");
  return v.AsString();
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool AnyNull(std::span<const Value> args) {
  for (const Value& v : args) {
    if (v.is_null()) return true;
  }
  return false;
}

}  // namespace smith::cypher::internal
