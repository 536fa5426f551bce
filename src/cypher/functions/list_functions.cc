// Scalar and list functions: coalesce, head, last, tail, size, length, range, reverse, keys,
// properties, isEmpty, nullIf, and the value-level graph functions (id, labels, type, nodes,
// relationships).
#include <algorithm>
#include <string>
#include <vector>

#include "common/int128.h"
#include "common/value_compare.h"
#include "cypher/functions/function_util.h"
#include "cypher/functions/unicode.h"

namespace smith::cypher::internal {
namespace {

// range() refuses to materialise more elements than this (Neo4j streams; we build a list).
constexpr int128 kMaxRangeSize = int128{1} << 28;

Result<Value> Coalesce(std::span<const Value> args, FunctionContext&) {
  for (const Value& v : args) {
    if (!v.is_null()) return v;
  }
  return Value();
}

Result<Value> Head(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  if (!args[0].is_list()) return InvalidArgType("head", args[0], "LIST");
  const auto& list = args[0].AsList();
  return list.empty() ? Value() : list.front();
}

Result<Value> Last(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  if (!args[0].is_list()) return InvalidArgType("last", args[0], "LIST");
  const auto& list = args[0].AsList();
  return list.empty() ? Value() : list.back();
}

Result<Value> Tail(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  if (!args[0].is_list()) return InvalidArgType("tail", args[0], "LIST");
  const auto& list = args[0].AsList();
  if (list.size() <= 1) return Value::List({});
  return Value::List(std::vector<Value>(list.begin() + 1, list.end()));
}

Result<Value> Size(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_list()) return Value::Int(static_cast<int64_t>(v.AsList().size()));
  if (v.is_string()) return Value::Int(static_cast<int64_t>(CodePointCount(v.AsString())));
  return InvalidArgType("size", v, "LIST or STRING");
}

Result<Value> CharLength(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_string()) return Value::Int(static_cast<int64_t>(CodePointCount(v.AsString())));
  return InvalidArgType("char_length", v, "STRING");
}

Result<Value> Length(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.type() == ValueType::kPath) {
    return Value::Int(static_cast<int64_t>(v.AsPath().relationships.size()));
  }
  return InvalidArgType("length", v, "PATH");
}

Result<Value> Range(std::span<const Value> args, FunctionContext&) {
  int64_t bounds[3] = {0, 0, 1};
  for (size_t i = 0; i < args.size(); ++i) {
    // The TCK (List11) expects ArgumentError, not TypeError, for non-integer arguments.
    if (!args[i].is_int()) {
      return ArgumentError("Invalid input for function 'range()': expected INTEGER but got " +
                           Describe(args[i]));
    }
    bounds[i] = args[i].AsInt();
  }
  const int64_t start = bounds[0], end = bounds[1], step = bounds[2];
  if (step == 0) return ArgumentError("Step argument to 'range()' cannot be zero");
  const int128 span = int128{end} - start;
  if ((span > 0 && step < 0) || (span < 0 && step > 0)) return Value::List({});
  const int128 count = span / step + 1;
  if (count > kMaxRangeSize) {
    return ArgumentError("The list produced by 'range()' would have more than 2^28 elements");
  }
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(count));
  for (int128 i = 0; i < count; ++i) {
    items.push_back(Value::Int(static_cast<int64_t>(start + i * step)));
  }
  return Value::List(std::move(items));
}

Result<Value> Reverse(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_list()) {
    std::vector<Value> items(v.AsList().rbegin(), v.AsList().rend());
    return Value::List(std::move(items));
  }
  if (v.is_string()) {
    std::vector<char32_t> cps = DecodeAll(v.AsString());
    std::string out;
    out.reserve(v.AsString().size());
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) AppendUtf8(*it, &out);
    return Value::String(out);
  }
  return InvalidArgType("reverse", v, "LIST or STRING");
}

const ValueMap* PropertiesOf(const Value& v) {
  switch (v.type()) {
    case ValueType::kMap:
      return &v.AsMap();
    case ValueType::kNode:
      return &v.AsNode().properties;
    case ValueType::kRelationship:
      return &v.AsRelationship().properties;
    default:
      return nullptr;
  }
}

Result<Value> Keys(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  const ValueMap* map = PropertiesOf(args[0]);
  if (map == nullptr) return InvalidArgType("keys", args[0], "MAP, NODE or RELATIONSHIP");
  std::vector<Value> keys;
  keys.reserve(map->size());
  for (const auto& [key, value] : *map) keys.push_back(Value::String(key));
  return Value::List(std::move(keys));
}

Result<Value> Properties(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  if (args[0].is_map()) return args[0];
  const ValueMap* map = PropertiesOf(args[0]);
  if (map == nullptr) return InvalidArgType("properties", args[0], "MAP, NODE or RELATIONSHIP");
  return Value::Map(*map);
}

Result<Value> IsEmpty(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kList:
      return Value::Bool(v.AsList().empty());
    case ValueType::kMap:
      return Value::Bool(v.AsMap().empty());
    case ValueType::kString:
      return Value::Bool(v.AsString().empty());
    default:
      return InvalidArgType("isEmpty", v, "LIST, MAP or STRING");
  }
}

Result<Value> NullIf(std::span<const Value> args, FunctionContext&) {
  return Equals(args[0], args[1]) == Ternary::kTrue ? Value() : args[0];
}

Result<Value> Id(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.type() == ValueType::kNode) return Value::Int(v.AsNode().id);
  if (v.type() == ValueType::kRelationship) return Value::Int(v.AsRelationship().id);
  return InvalidArgType("id", v, "NODE or RELATIONSHIP");
}

Result<Value> Labels(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.type() != ValueType::kNode) return InvalidArgType("labels", v, "NODE");
  std::vector<Value> labels;
  for (const std::string& label : v.AsNode().labels) labels.push_back(Value::String(label));
  return Value::List(std::move(labels));
}

Result<Value> Type(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.type() != ValueType::kRelationship) return InvalidArgType("type", v, "RELATIONSHIP");
  return Value::String(v.AsRelationship().type);
}

Result<Value> Nodes(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.type() != ValueType::kPath) return InvalidArgType("nodes", v, "PATH");
  std::vector<Value> nodes;
  for (const Node& n : v.AsPath().nodes) nodes.emplace_back(n);
  return Value::List(std::move(nodes));
}

Result<Value> Relationships(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.type() != ValueType::kPath) return InvalidArgType("relationships", v, "PATH");
  std::vector<Value> rels;
  for (const Relationship& r : v.AsPath().relationships) rels.emplace_back(r);
  return Value::List(std::move(rels));
}

constexpr ScalarFunction kFunctions[] = {
    {"coalesce", 1, ScalarFunction::kVariadic, &Coalesce, true},
    {"head", 1, 1, &Head, true},
    {"last", 1, 1, &Last, true},
    {"tail", 1, 1, &Tail, true},
    {"size", 1, 1, &Size, true},
    {"char_length", 1, 1, &CharLength, true},
    {"character_length", 1, 1, &CharLength, true},
    {"length", 1, 1, &Length, true},
    {"range", 2, 3, &Range, true},
    {"reverse", 1, 1, &Reverse, true},
    {"keys", 1, 1, &Keys, true},
    {"properties", 1, 1, &Properties, true},
    {"isEmpty", 1, 1, &IsEmpty, true},
    {"nullIf", 2, 2, &NullIf, true},
    {"id", 1, 1, &Id, true},
    {"labels", 1, 1, &Labels, true},
    {"type", 1, 1, &Type, true},
    {"nodes", 1, 1, &Nodes, true},
    {"relationships", 1, 1, &Relationships, true},
};

}  // namespace

std::span<const ScalarFunction> ListFunctions() { return kFunctions; }

}  // namespace smith::cypher::internal
