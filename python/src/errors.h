// Turning smith::Status into Python exceptions.
//
// Every failure the engine reports crosses into Python here: the status code, its Neo4j status
// code (StatusCodeName) and the message go to the error factory installed from
// smith/exceptions.py, which picks the exception class (CypherSyntaxError, ConstraintError, ...).
// The binding raises by throwing nb::python_error, which nanobind hands back to the interpreter.
//
// Call with the GIL held.
#ifndef SMITH_PYTHON_ERRORS_H_
#define SMITH_PYTHON_ERRORS_H_

#include <nanobind/nanobind.h>

#include <string_view>

#include "common/status.h"

namespace smith::python {

// A status code the binding adds to StatusCode: the database (or the transaction or result that
// belonged to it) was closed. The factory maps it to smith.exceptions.ServiceUnavailable.
inline constexpr int kClosedStatusCode = -1;

// Raises the Python exception for `status` (which must not be OK).
[[noreturn]] void RaiseStatus(const Status& status);

// Raises ServiceUnavailable: `message` says what was closed.
[[noreturn]] void RaiseClosed(std::string_view message);

// Raises a built-in Python exception (e.g. PyExc_TypeError) with `message`.
[[noreturn]] void RaiseBuiltin(PyObject* exception_type, std::string_view message);

inline void RaiseIfError(const Status& status) {
  if (!status.ok()) RaiseStatus(status);
}

}  // namespace smith::python

#endif  // SMITH_PYTHON_ERRORS_H_
