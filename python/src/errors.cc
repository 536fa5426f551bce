#include "errors.h"

#include <string>

#include "hooks.h"

namespace nb = nanobind;

namespace smith::python {
namespace {

[[noreturn]] void Raise(int code, std::string_view neo4j_code, std::string_view message) {
  const Hooks& hooks = GetHooks();
  nb::object exception = nb::borrow(hooks.error_factory)(
      code, nb::str(neo4j_code.data(), neo4j_code.size()), nb::str(message.data(), message.size()));
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exception.ptr())), exception.ptr());
  throw nb::python_error();
}

}  // namespace

void RaiseStatus(const Status& status) {
  Raise(static_cast<int>(status.code()), StatusCodeName(status.code()), status.message());
}

void RaiseClosed(std::string_view message) { Raise(kClosedStatusCode, "", message); }

void RaiseBuiltin(PyObject* exception_type, std::string_view message) {
  std::string text(message);
  PyErr_SetString(exception_type, text.c_str());
  throw nb::python_error();
}

}  // namespace smith::python
