#include "graph/property_value.h"

#include <string>
#include <vector>

#include "common/utf8.h"

namespace smith::graph {

namespace {

Status Refuse(std::string_view property, std::string_view why) {
  return Status::InvalidArgument("Property `" + std::string(property) + "`: " + std::string(why));
}

Status ValidateScalar(std::string_view property, const Value& value) {
  switch (value.type()) {
    case ValueType::kString:
      return ValidateUtf8(value.AsString(),
                          "the value of property `" + std::string(property) + "`");
    case ValueType::kMap:
      return Refuse(property,
                    "a map cannot be stored as a property value; store its entries as separate "
                    "properties or serialise it to a string");
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      return Refuse(property, std::string(ValueTypeName(value.type())) +
                                  " values cannot be stored as property values");
    default:
      return Status::OK();
  }
}

bool IsStorableScalar(const Value& value) {
  switch (value.type()) {
    case ValueType::kString:
      return IsValidUtf8(value.AsString());
    case ValueType::kMap:
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      return false;
    default:
      return true;
  }
}

}  // namespace

bool IsStorablePropertyValue(const Value& value) {
  if (!value.is_list()) return IsStorableScalar(value);
  const std::vector<Value>& items = value.AsList();
  for (const Value& item : items) {
    if (item.is_null() || item.is_list() || item.type() != items.front().type() ||
        !IsStorableScalar(item)) {
      return false;
    }
  }
  return true;
}

Status ValidatePropertyValue(std::string_view property, const Value& value) {
  if (!value.is_list()) return ValidateScalar(property, value);
  const std::vector<Value>& items = value.AsList();
  for (const Value& item : items) {
    if (item.is_null()) return Refuse(property, "a list stored as a property cannot contain null");
    if (item.is_list()) return Refuse(property, "a list stored as a property cannot contain lists");
    if (item.type() != items.front().type()) {
      return Refuse(property, "a list stored as a property must hold values of one type, found " +
                                  std::string(ValueTypeName(items.front().type())) + " and " +
                                  std::string(ValueTypeName(item.type())));
    }
    SMITH_RETURN_IF_ERROR(ValidateScalar(property, item));
  }
  return Status::OK();
}

}  // namespace smith::graph
