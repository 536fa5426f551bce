#include "cypher_literal.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "common/cypher_string.h"

namespace smith::cli {

namespace {

void AppendCall(const char* function, const std::string& text, std::string* out) {
  out->append(function);
  out->push_back('(');
  AppendCypherStringLiteral(text, out);
  out->push_back(')');
}

}  // namespace

std::string CypherName(std::string_view name) {
  bool plain = !name.empty();
  for (size_t i = 0; i < name.size() && plain; ++i) {
    const char c = name[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    plain = alpha || (digit && i > 0);
  }
  if (plain) return std::string(name);
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

Status AppendCypherLiteral(const Value& value, std::string* out) {
  switch (value.type()) {
    case ValueType::kNull:
    case ValueType::kBool:
    case ValueType::kString:
      if (value.is_string()) {
        AppendCypherStringLiteral(value.AsString(), out);
      } else {
        value.AppendTo(out);
      }
      return Status::OK();
    case ValueType::kInt:
      if (value.AsInt() == std::numeric_limits<int64_t>::min()) {
        // The literal 9223372036854775808 does not fit, so -9223372036854775808 cannot be read.
        out->append("(-9223372036854775807 - 1)");
      } else {
        value.AppendTo(out);
      }
      return Status::OK();
    case ValueType::kFloat: {
      const double d = value.AsFloat();
      if (std::isnan(d)) {
        out->append("(0.0 / 0.0)");
      } else if (std::isinf(d)) {
        out->append(d > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)");
      } else {
        value.AppendTo(out);  // java.lang.Double.toString: shortest round-trip digits
      }
      return Status::OK();
    }
    case ValueType::kList: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : value.AsList()) {
        if (!first) out->append(", ");
        first = false;
        SMITH_RETURN_IF_ERROR(AppendCypherLiteral(item, out));
      }
      out->push_back(']');
      return Status::OK();
    }
    case ValueType::kMap: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, item] : value.AsMap()) {
        if (!first) out->append(", ");
        first = false;
        out->append(CypherName(key));
        out->append(": ");
        SMITH_RETURN_IF_ERROR(AppendCypherLiteral(item, out));
      }
      out->push_back('}');
      return Status::OK();
    }
    case ValueType::kDate:
      AppendCall("date", value.AsDate().ToString(), out);
      return Status::OK();
    case ValueType::kLocalTime:
      AppendCall("localtime", value.AsLocalTime().ToString(), out);
      return Status::OK();
    case ValueType::kTime:
      AppendCall("time", value.AsTime().ToString(), out);
      return Status::OK();
    case ValueType::kLocalDateTime:
      AppendCall("localdatetime", value.AsLocalDateTime().ToString(), out);
      return Status::OK();
    case ValueType::kDateTime:
      AppendCall("datetime", value.AsDateTime().ToString(), out);
      return Status::OK();
    case ValueType::kDuration:
      AppendCall("duration", value.AsDuration().ToString(), out);
      return Status::OK();
    case ValueType::kBytes:
      return Status::NotSupported("byte arrays have no Cypher literal");
    default:
      return Status::NotSupported(std::string(ValueTypeName(value.type())) +
                                  " values have no Cypher literal");
  }
}

}  // namespace smith::cli
