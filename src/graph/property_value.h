// Which values can be stored as properties, as Neo4j defines it: booleans, integers, floats,
// strings (valid UTF-8), byte arrays, temporal values and durations, and lists whose elements
// are all of one of those types (integers and floats are not mixed). Nulls are not stored (a null
// property is an absent one); maps, nested lists, lists containing null, and graph values are
// rejected with a clear error naming the property.
#ifndef SMITH_GRAPH_PROPERTY_VALUE_H_
#define SMITH_GRAPH_PROPERTY_VALUE_H_

#include <string_view>

#include "common/status.h"
#include "common/value.h"

namespace smith::graph {

// OK, or InvalidArgument naming `property` and what is wrong with `value`.
Status ValidatePropertyValue(std::string_view property, const Value& value);

// Whether ValidatePropertyValue would accept `value`, without building any message: the check
// made for every property written (the name is looked up only when this is false).
bool IsStorablePropertyValue(const Value& value);

}  // namespace smith::graph

#endif  // SMITH_GRAPH_PROPERTY_VALUE_H_
