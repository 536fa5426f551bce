#include "to_python.h"

#include <unordered_map>

#include "errors.h"
#include "hooks.h"
#include "temporal_conversions.h"

namespace nb = nanobind;

namespace smith::python {
namespace {

nb::object Checked(PyObject* obj) {
  if (obj == nullptr) throw nb::python_error();
  return nb::steal(obj);
}

nb::object Text(std::string_view s) {
  return Checked(PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size())));
}

nb::object Properties(const ValueMap& map) {
  nb::object dict = Checked(PyDict_New());
  for (const auto& [key, value] : map) {
    nb::object k = Text(key);
    nb::object v = ToPython(value);
    if (PyDict_SetItem(dict.ptr(), k.ptr(), v.ptr()) != 0) throw nb::python_error();
  }
  return dict;
}

nb::object NodeToPython(const Node& node) {
  nb::object labels = Checked(PyTuple_New(static_cast<Py_ssize_t>(node.labels.size())));
  for (size_t i = 0; i < node.labels.size(); ++i) {
    PyTuple_SET_ITEM(labels.ptr(), static_cast<Py_ssize_t>(i),
                     Text(node.labels[i]).release().ptr());
  }
  return nb::borrow(GetHooks().node_class)(node.id, labels, Properties(node.properties));
}

// A node known only by its id: the end of a relationship returned on its own.
nb::object BareNode(int64_t id) {
  return nb::borrow(GetHooks().node_class)(id, nb::tuple(), nb::dict());
}

nb::object RelationshipToPython(const Relationship& rel, nb::handle start, nb::handle end) {
  return nb::borrow(GetHooks().relationship_class)(rel.id, Text(rel.type), start, end,
                                                   Properties(rel.properties));
}

nb::object PathToPython(const Path& path) {
  nb::object nodes = Checked(PyTuple_New(static_cast<Py_ssize_t>(path.nodes.size())));
  std::unordered_map<int64_t, PyObject*> by_id;  // borrowed from `nodes`
  for (size_t i = 0; i < path.nodes.size(); ++i) {
    PyObject* node = NodeToPython(path.nodes[i]).release().ptr();
    PyTuple_SET_ITEM(nodes.ptr(), static_cast<Py_ssize_t>(i), node);
    by_id.emplace(path.nodes[i].id, node);
  }
  nb::object rels = Checked(PyTuple_New(static_cast<Py_ssize_t>(path.relationships.size())));
  for (size_t i = 0; i < path.relationships.size(); ++i) {
    const Relationship& rel = path.relationships[i];
    auto start = by_id.find(rel.start_id);
    auto end = by_id.find(rel.end_id);
    nb::object start_node =
        start != by_id.end() ? nb::borrow(start->second) : BareNode(rel.start_id);
    nb::object end_node = end != by_id.end() ? nb::borrow(end->second) : BareNode(rel.end_id);
    PyTuple_SET_ITEM(rels.ptr(), static_cast<Py_ssize_t>(i),
                     RelationshipToPython(rel, start_node, end_node).release().ptr());
  }
  return nb::borrow(GetHooks().path_class)(nodes, rels);
}

}  // namespace

nb::object ToPython(const Value& value) {
  switch (value.type()) {
    case ValueType::kNull:
      return nb::none();
    case ValueType::kBool:
      return nb::bool_(value.AsBool());
    case ValueType::kInt:
      return Checked(PyLong_FromLongLong(value.AsInt()));
    case ValueType::kFloat:
      return Checked(PyFloat_FromDouble(value.AsFloat()));
    case ValueType::kString:
      return Text(value.AsString());
    case ValueType::kBytes: {
      std::string_view bytes = value.AsBytes();
      return Checked(
          PyBytes_FromStringAndSize(bytes.data(), static_cast<Py_ssize_t>(bytes.size())));
    }
    case ValueType::kList: {
      const std::vector<Value>& items = value.AsList();
      nb::object list = Checked(PyList_New(static_cast<Py_ssize_t>(items.size())));
      for (size_t i = 0; i < items.size(); ++i) {
        PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(i), ToPython(items[i]).release().ptr());
      }
      return list;
    }
    case ValueType::kMap:
      return Properties(value.AsMap());
    case ValueType::kDate:
    case ValueType::kLocalTime:
    case ValueType::kTime:
    case ValueType::kLocalDateTime:
    case ValueType::kDateTime:
    case ValueType::kDuration:
      return TemporalToPython(value);
    case ValueType::kNode:
      return NodeToPython(value.AsNode());
    case ValueType::kRelationship: {
      const Relationship& rel = value.AsRelationship();
      return RelationshipToPython(rel, BareNode(rel.start_id), BareNode(rel.end_id));
    }
    case ValueType::kPath:
      return PathToPython(value.AsPath());
  }
  RaiseBuiltin(PyExc_TypeError, "unknown value type");
}

nb::list RecordsToPython(const std::vector<std::vector<Value>>& records) {
  nb::object list = Checked(PyList_New(static_cast<Py_ssize_t>(records.size())));
  for (size_t r = 0; r < records.size(); ++r) {
    const std::vector<Value>& record = records[r];
    nb::object tuple = Checked(PyTuple_New(static_cast<Py_ssize_t>(record.size())));
    for (size_t i = 0; i < record.size(); ++i) {
      PyTuple_SET_ITEM(tuple.ptr(), static_cast<Py_ssize_t>(i),
                       ToPython(record[i]).release().ptr());
    }
    PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(r), tuple.release().ptr());
  }
  return nb::steal<nb::list>(list.release());
}

}  // namespace smith::python
