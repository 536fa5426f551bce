// smith::Value to Python objects, for query results.
//
//   null -> None; BOOLEAN -> bool; INTEGER -> int; FLOAT -> float; STRING -> str;
//   BYTES -> bytes; LIST -> list; MAP -> dict; temporal values: see temporal_conversions.h;
//   NODE -> smith.graph.Node; RELATIONSHIP -> smith.graph.Relationship (its start_node and
//   end_node carry only their ids unless the relationship sits in a path); PATH ->
//   smith.graph.Path.
//
// Call with the GIL held. Raise ValueError (as nb::python_error) for values Python's types
// cannot hold (dates outside years 1-9999).
#ifndef SMITH_PYTHON_TO_PYTHON_H_
#define SMITH_PYTHON_TO_PYTHON_H_

#include <nanobind/nanobind.h>

#include <vector>

#include "common/value.h"

namespace smith::python {

nanobind::object ToPython(const Value& value);

// One tuple per record.
nanobind::list RecordsToPython(const std::vector<std::vector<Value>>& records);

}  // namespace smith::python

#endif  // SMITH_PYTHON_TO_PYTHON_H_
