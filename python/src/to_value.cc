#include "to_value.h"

#include <string>
#include <utility>
#include <vector>

#include "errors.h"
#include "hooks.h"
#include "temporal_conversions.h"

namespace nb = nanobind;

namespace smith::python {
namespace {

// Where a value sits inside the parameters, as a chain of frames on the C++ stack; rendered
// only when an error is raised.
struct Where {
  const Where* parent = nullptr;
  PyObject* key = nullptr;  // borrowed str key, or null for a list index
  Py_ssize_t index = 0;
};

std::string Render(const Where* where) {
  std::vector<const Where*> chain;
  for (; where != nullptr; where = where->parent) chain.push_back(where);
  std::string out = "parameter ";
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Where& w = **it;
    if (w.key != nullptr) {
      const char* text = PyUnicode_AsUTF8(w.key);
      if (text == nullptr) {
        PyErr_Clear();
        text = "?";
      }
      out += it == chain.rbegin() ? "$" : ".";
      out += text;
    } else {
      out += "[" + std::to_string(w.index) + "]";
    }
  }
  return out;
}

[[noreturn]] void Raise(PyObject* type, const Where& where, std::string_view message) {
  RaiseBuiltin(type, Render(&where) + ": " + std::string(message));
}

std::string Utf8(PyObject* text) {
  const char* data = text != nullptr && PyUnicode_Check(text) ? PyUnicode_AsUTF8(text) : nullptr;
  if (data == nullptr) {
    PyErr_Clear();
    return "?";
  }
  return data;
}

// "int", "decimal.Decimal": the type's qualified name, with its module unless builtins.
std::string TypeName(PyObject* obj) {
  nb::handle type = reinterpret_cast<PyObject*>(Py_TYPE(obj));
  nb::object module = nb::getattr(type, "__module__", nb::none());
  nb::object name = nb::getattr(type, "__qualname__", nb::none());
  std::string out = Utf8(name.ptr());
  std::string m = PyUnicode_Check(module.ptr()) ? Utf8(module.ptr()) : "builtins";
  return m == "builtins" ? out : m + "." + out;
}

// str(obj), or "?" if that fails.
std::string Repr(PyObject* obj) {
  nb::object text = nb::steal(PyObject_Str(obj));
  if (!text.is_valid()) {
    PyErr_Clear();
    return "?";
  }
  return Utf8(text.ptr());
}

// The UTF-8 text of map key `key`; raises naming `where` if it is not a str.
std::string KeyString(PyObject* key, const Where& where) {
  if (!PyUnicode_Check(key)) {
    Raise(PyExc_TypeError, where,
          "map keys must be strings, not " + TypeName(key) + " (" + Repr(key) + ")");
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(key, &size);
  if (data == nullptr) {
    PyErr_Clear();
    Raise(PyExc_ValueError, where, "map key cannot be encoded as UTF-8");
  }
  return std::string(data, static_cast<size_t>(size));
}

class Converter {
 public:
  Value Convert(PyObject* obj, const Where& where, int depth, bool coerced);

 private:
  Value ConvertInt(PyObject* obj, const Where& where);
  Value ConvertString(PyObject* obj, const Where& where);
  Value ConvertSequence(PyObject* obj, const Where& where, int depth);
  Value ConvertDict(PyObject* obj, const Where& where, int depth);
  Value Coerce(PyObject* obj, const Where& where, int depth);
};

Value Converter::ConvertInt(PyObject* obj, const Where& where) {
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
  if (overflow != 0) {
    Raise(PyExc_OverflowError, where,
          "integer " + Repr(obj) +
              " does not fit in a signed 64-bit INTEGER (-2**63 to 2**63-1); pass it as a "
              "string or a float");
  }
  if (v == -1 && PyErr_Occurred()) throw nb::python_error();
  return Value::Int(v);
}

Value Converter::ConvertString(PyObject* obj, const Where& where) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(obj, &size);
  if (data == nullptr) {
    PyErr_Clear();
    Raise(PyExc_ValueError, where,
          "string cannot be encoded as UTF-8 (it contains a lone surrogate code point)");
  }
  return Value::String(std::string_view(data, static_cast<size_t>(size)));
}

Value Converter::ConvertSequence(PyObject* obj, const Where& where, int depth) {
  const bool is_list = PyList_Check(obj);
  Py_ssize_t size = is_list ? PyList_GET_SIZE(obj) : PyTuple_GET_SIZE(obj);
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(size));
  for (Py_ssize_t i = 0; i < size; ++i) {
    // A coercion hook may run Python code that shrinks the list: re-check and hold the item.
    if (is_list && i >= PyList_GET_SIZE(obj)) break;
    nb::object item = nb::borrow(is_list ? PyList_GET_ITEM(obj, i) : PyTuple_GET_ITEM(obj, i));
    Where here{&where, nullptr, i};
    items.push_back(Convert(item.ptr(), here, depth + 1, false));
  }
  return Value::List(std::move(items));
}

Value Converter::ConvertDict(PyObject* obj, const Where& where, int depth) {
  std::vector<ValueMap::Entry> entries;
  entries.reserve(static_cast<size_t>(PyDict_GET_SIZE(obj)));
  PyObject* borrowed_key = nullptr;
  PyObject* borrowed_value = nullptr;
  Py_ssize_t pos = 0;
  while (PyDict_Next(obj, &pos, &borrowed_key, &borrowed_value)) {
    // Held while converting: the coercion hook runs Python code that could drop them.
    nb::object key = nb::borrow(borrowed_key);
    nb::object value = nb::borrow(borrowed_value);
    entries.emplace_back(KeyString(key.ptr(), where), Value());
    Where here{&where, key.ptr(), 0};
    entries.back().second = Convert(value.ptr(), here, depth + 1, false);
  }
  return Value::Map(ValueMap::FromEntries(std::move(entries)));
}

Value Converter::Coerce(PyObject* obj, const Where& where, int depth) {
  nb::object coerced = nb::steal(PyObject_CallOneArg(GetHooks().coerce, obj));
  if (!coerced.is_valid()) {
    if (PyErr_ExceptionMatches(PyExc_TypeError) || PyErr_ExceptionMatches(PyExc_ValueError) ||
        PyErr_ExceptionMatches(PyExc_OverflowError)) {
      nb::python_error error;  // fetches and clears the pending exception
      PyObject* type = error.type().ptr();
      std::string reason = Repr(error.value().ptr());
      Raise(type, where, reason);
    }
    throw nb::python_error();
  }
  return Convert(coerced.ptr(), where, depth, true);
}

Value Converter::Convert(PyObject* obj, const Where& where, int depth, bool coerced) {
  if (depth > kMaxValueNestingDepth) {
    Raise(PyExc_ValueError, where,
          "lists and maps are nested more than " + std::to_string(kMaxValueNestingDepth) +
              " levels deep (is the value recursive?)");
  }
  if (obj == Py_None) return Value();
  if (obj == Py_True) return Value::Bool(true);
  if (obj == Py_False) return Value::Bool(false);
  if (PyLong_Check(obj)) return ConvertInt(obj, where);
  if (PyFloat_Check(obj)) return Value::Float(PyFloat_AS_DOUBLE(obj));
  if (PyUnicode_Check(obj)) return ConvertString(obj, where);
  if (PyDict_Check(obj)) return ConvertDict(obj, where, depth);
  // Tuple subclasses (named tuples, smith.time.Duration) are not plain sequences: they go on to
  // the temporal check and the coercion hook.
  if (PyList_Check(obj) || PyTuple_CheckExact(obj)) return ConvertSequence(obj, where, depth);
  if (PyBytes_Check(obj)) {
    return Value::Bytes(
        std::string_view(PyBytes_AS_STRING(obj), static_cast<size_t>(PyBytes_GET_SIZE(obj))));
  }
  if (PyByteArray_Check(obj)) {
    return Value::Bytes(std::string_view(PyByteArray_AS_STRING(obj),
                                         static_cast<size_t>(PyByteArray_GET_SIZE(obj))));
  }
  Value temporal;
  std::string error;
  switch (TemporalFromPython(obj, &temporal, &error)) {
    case TemporalMatch::kConverted:
      return temporal;
    case TemporalMatch::kFailed:
      Raise(PyExc_ValueError, where, error);
    case TemporalMatch::kNotTemporal:
      break;
  }
  if (coerced) {
    Raise(PyExc_TypeError, where,
          "the coercion hook returned an unsupported " + TypeName(obj) + " value");
  }
  return Coerce(obj, where, depth);
}

}  // namespace

ValueMap ParametersFromPython(nb::handle parameters) {
  if (parameters.is_none()) return {};
  if (!PyDict_Check(parameters.ptr())) {
    RaiseBuiltin(PyExc_TypeError, "parameters must be a dict, not " + TypeName(parameters.ptr()));
  }
  Converter converter;
  std::vector<ValueMap::Entry> entries;
  entries.reserve(static_cast<size_t>(PyDict_GET_SIZE(parameters.ptr())));
  PyObject* borrowed_key = nullptr;
  PyObject* borrowed_value = nullptr;
  Py_ssize_t pos = 0;
  while (PyDict_Next(parameters.ptr(), &pos, &borrowed_key, &borrowed_value)) {
    nb::object key = nb::borrow(borrowed_key);
    nb::object value = nb::borrow(borrowed_value);
    if (!PyUnicode_Check(key.ptr())) {
      RaiseBuiltin(PyExc_TypeError, "parameter names must be strings, not " + TypeName(key.ptr()));
    }
    Where where{nullptr, key.ptr(), 0};
    entries.emplace_back(KeyString(key.ptr(), where), Value());
    entries.back().second = converter.Convert(value.ptr(), where, 0, false);
  }
  return ValueMap::FromEntries(std::move(entries));
}

}  // namespace smith::python
