// Value::ToString: Cypher-literal rendering in the style of the openCypher TCK and Neo4j's shell.
#include <charconv>
#include <cmath>
#include <cstring>

#include "common/cypher_string.h"
#include "common/value.h"

namespace smith {
namespace {

// java.lang.Double.toString: the shortest digits that round-trip, in plain notation for
// 1e-3 <= |d| < 1e7 (always with a fraction: 1.0) and as d.dddE<exp> otherwise.
void AppendFloat(double d, std::string* out) {
  if (std::isnan(d)) {
    out->append("NaN");
    return;
  }
  if (std::isinf(d)) {
    out->append(d < 0 ? "-Infinity" : "Infinity");
    return;
  }
  if (std::signbit(d)) out->push_back('-');
  d = std::fabs(d);
  if (d == 0) {
    out->append("0.0");
    return;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::scientific);
  // buf holds "D[.DDD]e[+-]XX": collect the significant digits and the decimal exponent.
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  const size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = 0;
  std::from_chars(sci.data() + e_pos + (sci[e_pos + 1] == '+' ? 2 : 1), sci.data() + sci.size(),
                  exponent);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (d >= 1e-3 && d < 1e7) {
    if (exponent >= 0) {
      const size_t int_digits = static_cast<size_t>(exponent) + 1;
      if (digits.size() <= int_digits) {
        out->append(digits);
        out->append(int_digits - digits.size(), '0');
        out->append(".0");
      } else {
        out->append(digits, 0, int_digits);
        out->push_back('.');
        out->append(digits, int_digits, std::string::npos);
      }
    } else {
      out->append("0.");
      out->append(static_cast<size_t>(-exponent - 1), '0');
      out->append(digits);
    }
    return;
  }
  out->push_back(digits[0]);
  out->push_back('.');
  if (digits.size() > 1) {
    out->append(digits, 1, std::string::npos);
  } else {
    out->push_back('0');
  }
  out->push_back('E');
  out->append(std::to_string(exponent));
}

bool IsPlainIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (!alpha && !(digit && i > 0)) return false;
  }
  return true;
}

// A label, type or key: bare when it is a plain identifier, otherwise in backticks.
void AppendName(std::string_view s, std::string* out) {
  if (IsPlainIdentifier(s)) {
    out->append(s);
    return;
  }
  out->push_back('`');
  for (char c : s) {
    if (c == '`') out->push_back('`');
    out->push_back(c);
  }
  out->push_back('`');
}

void AppendMap(const ValueMap& map, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) out->append(", ");
    first = false;
    AppendName(key, out);
    out->append(": ");
    value.AppendTo(out);
  }
  out->push_back('}');
}

void AppendNode(const Node& node, std::string* out) {
  out->push_back('(');
  for (const std::string& label : node.labels) {
    out->push_back(':');
    AppendName(label, out);
  }
  if (!node.properties.empty()) {
    if (!node.labels.empty()) out->push_back(' ');
    AppendMap(node.properties, out);
  }
  out->push_back(')');
}

void AppendRelationship(const Relationship& rel, std::string* out) {
  out->append("[:");
  AppendName(rel.type, out);
  if (!rel.properties.empty()) {
    out->push_back(' ');
    AppendMap(rel.properties, out);
  }
  out->push_back(']');
}

void AppendPath(const Path& path, std::string* out) {
  out->push_back('<');
  for (size_t i = 0; i < path.nodes.size(); ++i) {
    AppendNode(path.nodes[i], out);
    if (i < path.relationships.size()) {
      const Relationship& rel = path.relationships[i];
      const bool forward = rel.start_id == path.nodes[i].id;
      out->append(forward ? "-" : "<-");
      AppendRelationship(rel, out);
      out->append(forward ? "->" : "-");
    }
  }
  out->push_back('>');
}

}  // namespace

void Value::AppendTo(std::string* out) const {
  switch (type_) {
    case ValueType::kNull:
      out->append("null");
      return;
    case ValueType::kBool:
      out->append(payload_.b ? "true" : "false");
      return;
    case ValueType::kInt: {
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof(buf), payload_.i);
      out->append(buf, res.ptr);
      return;
    }
    case ValueType::kFloat:
      AppendFloat(payload_.f, out);
      return;
    case ValueType::kString:
      AppendCypherStringLiteral(StringData(), out);
      return;
    case ValueType::kBytes: {
      static constexpr char kHex[] = "0123456789abcdef";
      out->append("0x");
      for (unsigned char c : StringData()) {
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
      }
      return;
    }
    case ValueType::kList: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : AsList()) {
        if (!first) out->append(", ");
        first = false;
        item.AppendTo(out);
      }
      out->push_back(']');
      return;
    }
    case ValueType::kMap:
      AppendMap(AsMap(), out);
      return;
    case ValueType::kDate:
      AsDate().AppendTo(out);
      return;
    case ValueType::kLocalTime:
      AsLocalTime().AppendTo(out);
      return;
    case ValueType::kTime:
      AsTime().AppendTo(out);
      return;
    case ValueType::kLocalDateTime:
      AsLocalDateTime().AppendTo(out);
      return;
    case ValueType::kDateTime:
      AsDateTime().AppendTo(out);
      return;
    case ValueType::kDuration:
      AsDuration().AppendTo(out);
      return;
    case ValueType::kNode:
      AppendNode(AsNode(), out);
      return;
    case ValueType::kRelationship:
      AppendRelationship(AsRelationship(), out);
      return;
    case ValueType::kPath:
      AppendPath(AsPath(), out);
      return;
  }
}

std::string Value::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

}  // namespace smith
