#include "value_render.h"

#include <algorithm>
#include <utility>

namespace smith::cypher_test {
namespace {

constexpr std::string_view kSeparator = " | ";

ValueMap SortedLabelsInMap(const ValueMap& map);

Value SortedLabels(const Value& value);

Node SortedLabelsInNode(const Node& node) {
  Node out = node;
  std::sort(out.labels.begin(), out.labels.end());
  out.properties = SortedLabelsInMap(node.properties);
  return out;
}

ValueMap SortedLabelsInMap(const ValueMap& map) {
  ValueMap out;
  for (const auto& [key, item] : map) out.Assign(key, SortedLabels(item));
  return out;
}

// The value with every node's labels in ascending order, at any depth.
Value SortedLabels(const Value& value) {
  switch (value.type()) {
    case ValueType::kList: {
      std::vector<Value> items;
      for (const Value& item : value.AsList()) items.push_back(SortedLabels(item));
      return Value::List(std::move(items));
    }
    case ValueType::kMap:
      return Value::Map(SortedLabelsInMap(value.AsMap()));
    case ValueType::kNode:
      return Value(SortedLabelsInNode(value.AsNode()));
    case ValueType::kPath: {
      Path path = value.AsPath();
      for (Node& node : path.nodes) node = SortedLabelsInNode(node);
      return Value(std::move(path));
    }
    default:
      return value;
  }
}

}  // namespace

std::string RenderValue(const Value& value) { return SortedLabels(value).ToString(); }

std::string RenderRow(const std::vector<Value>& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += kSeparator;
    out += RenderValue(row[i]);
  }
  return out;
}

std::string RenderHeader(const std::vector<std::string>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += kSeparator;
    out += columns[i];
  }
  return out;
}

}  // namespace smith::cypher_test
