#include "value_json.h"

#include <cmath>
#include <limits>

#include "common/utf8.h"
#include "nlohmann/json.hpp"

namespace smith::cli {

namespace {

Json Tagged(const char* tag, std::string text) {
  Json object = Json::object();
  object[tag] = std::move(text);
  return object;
}

Json PropertiesToJson(const ValueMap& map) {
  Json object = Json::object();
  for (const auto& [key, value] : map) object[key] = ValueToJson(value);
  return object;
}

Json NodeToJson(const Node& node) {
  Json object = Json::object();
  object["id"] = node.id;
  object["labels"] = node.labels;
  object["properties"] = PropertiesToJson(node.properties);
  return object;
}

Json RelToJson(const Relationship& rel) {
  Json object = Json::object();
  object["id"] = rel.id;
  object["type"] = rel.type;
  object["start"] = rel.start_id;
  object["end"] = rel.end_id;
  object["properties"] = PropertiesToJson(rel.properties);
  return object;
}

int Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Result<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0)
    return Status::InvalidArgument("base64 text length is not a multiple of 4");
  std::string out;
  for (size_t i = 0; i < text.size(); i += 4) {
    int d[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        d[k] = 0;
        ++pad;
      } else if (pad > 0 || (d[k] = Base64Digit(c)) < 0) {
        return Status::InvalidArgument("invalid base64 text");
      }
    }
    const uint32_t n = (d[0] << 18) | (d[1] << 12) | (d[2] << 6) | d[3];
    out.push_back(static_cast<char>(n >> 16));
    if (pad < 2) out.push_back(static_cast<char>((n >> 8) & 0xff));
    if (pad < 1) out.push_back(static_cast<char>(n & 0xff));
  }
  return out;
}

template <typename T>
Result<Value> ParseTemporal(const std::string& text) {
  SMITH_ASSIGN_OR_RETURN(T parsed, T::Parse(text));
  return Value(parsed);
}

Result<Value> FromTagged(const std::string& tag, const Json& body) {
  if (!body.is_string()) {
    return Status::InvalidArgument("the value of JSON member \"" + tag + "\" must be a string");
  }
  const std::string text = body.get<std::string>();
  if (tag == "$float") {
    if (text == "NaN") return Value::Float(std::numeric_limits<double>::quiet_NaN());
    if (text == "Infinity") return Value::Float(std::numeric_limits<double>::infinity());
    if (text == "-Infinity") return Value::Float(-std::numeric_limits<double>::infinity());
    return Status::InvalidArgument("\"$float\" must be \"NaN\", \"Infinity\" or \"-Infinity\"");
  }
  if (tag == "$bytes") {
    SMITH_ASSIGN_OR_RETURN(std::string bytes, Base64Decode(text));
    return Value::Bytes(bytes);
  }
  if (tag == "$date") return ParseTemporal<Date>(text);
  if (tag == "$localtime") return ParseTemporal<LocalTime>(text);
  if (tag == "$time") return ParseTemporal<Time>(text);
  if (tag == "$localdatetime") return ParseTemporal<LocalDateTime>(text);
  if (tag == "$datetime") return ParseTemporal<DateTime>(text);
  if (tag == "$duration") return ParseTemporal<Duration>(text);
  return Status::InvalidArgument("unknown tag");
}

bool IsTag(const std::string& name) {
  return name == "$float" || name == "$bytes" || name == "$date" || name == "$localtime" ||
         name == "$time" || name == "$localdatetime" || name == "$datetime" || name == "$duration";
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(kAlphabet[n >> 18]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back(kAlphabet[n & 63]);
  }
  if (i < bytes.size()) {
    uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[n >> 18]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

Json ValueToJson(const Value& value) {
  switch (value.type()) {
    case ValueType::kNull:
      return nullptr;
    case ValueType::kBool:
      return value.AsBool();
    case ValueType::kInt:
      return value.AsInt();
    case ValueType::kFloat: {
      const double d = value.AsFloat();
      if (std::isnan(d)) return Tagged("$float", "NaN");
      if (std::isinf(d)) return Tagged("$float", d > 0 ? "Infinity" : "-Infinity");
      return d;
    }
    case ValueType::kString:
      return std::string(value.AsString());
    case ValueType::kBytes:
      return Tagged("$bytes", Base64Encode(value.AsBytes()));
    case ValueType::kList: {
      Json array = Json::array();
      for (const Value& item : value.AsList()) array.push_back(ValueToJson(item));
      return array;
    }
    case ValueType::kMap:
      return PropertiesToJson(value.AsMap());
    case ValueType::kDate:
      return Tagged("$date", value.AsDate().ToString());
    case ValueType::kLocalTime:
      return Tagged("$localtime", value.AsLocalTime().ToString());
    case ValueType::kTime:
      return Tagged("$time", value.AsTime().ToString());
    case ValueType::kLocalDateTime:
      return Tagged("$localdatetime", value.AsLocalDateTime().ToString());
    case ValueType::kDateTime:
      return Tagged("$datetime", value.AsDateTime().ToString());
    case ValueType::kDuration:
      return Tagged("$duration", value.AsDuration().ToString());
    case ValueType::kNode:
      return NodeToJson(value.AsNode());
    case ValueType::kRelationship:
      return RelToJson(value.AsRelationship());
    case ValueType::kPath: {
      const Path& path = value.AsPath();
      Json object = Json::object();
      object["nodes"] = Json::array();
      for (const Node& n : path.nodes) object["nodes"].push_back(NodeToJson(n));
      object["relationships"] = Json::array();
      for (const Relationship& r : path.relationships) {
        object["relationships"].push_back(RelToJson(r));
      }
      return object;
    }
  }
  return nullptr;
}

Result<Value> ValueFromJson(const Json& json) {
  switch (json.type()) {
    case Json::value_t::null:
      return Value::Null();
    case Json::value_t::boolean:
      return Value::Bool(json.get<bool>());
    case Json::value_t::number_integer:
      return Value::Int(json.get<int64_t>());
    case Json::value_t::number_unsigned: {
      const uint64_t u = json.get<uint64_t>();
      if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return Status::InvalidArgument("integer " + std::to_string(u) +
                                       " is out of the 64-bit signed range");
      }
      return Value::Int(static_cast<int64_t>(u));
    }
    case Json::value_t::number_float:
      return Value::Float(json.get<double>());
    case Json::value_t::string: {
      std::string text = json.get<std::string>();
      SMITH_RETURN_IF_ERROR(ValidateUtf8(text, "a JSON string"));
      return Value::String(text);
    }
    case Json::value_t::array: {
      std::vector<Value> items;
      for (const Json& item : json) {
        SMITH_ASSIGN_OR_RETURN(Value v, ValueFromJson(item));
        items.push_back(std::move(v));
      }
      return Value::List(std::move(items));
    }
    case Json::value_t::object: {
      if (json.size() == 1 && IsTag(json.begin().key())) {
        auto tagged = FromTagged(json.begin().key(), json.begin().value());
        if (!tagged.ok()) {
          return Status::InvalidArgument("bad JSON value " + json.dump() + ": " +
                                         std::string(tagged.status().message()));
        }
        return tagged;
      }
      std::vector<ValueMap::Entry> entries;
      for (auto it = json.begin(); it != json.end(); ++it) {
        SMITH_ASSIGN_OR_RETURN(Value v, ValueFromJson(it.value()));
        entries.emplace_back(it.key(), std::move(v));
      }
      return Value::Map(ValueMap::FromEntries(std::move(entries)));
    }
    default:
      return Status::InvalidArgument("unsupported JSON value " + json.dump());
  }
}

Result<Json> ParseJson(std::string_view text) {
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Status::InvalidArgument("not valid JSON");
  return parsed;
}

}  // namespace smith::cli
