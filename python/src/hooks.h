// Python objects the native module calls back into, installed once by the pure-Python package
// (smith/_hooks.py calls _smith._install_hooks at import).
//
// The graph value classes, the Duration class and the exception hierarchy are defined in Python
// (smith/graph.py, smith/time.py, smith/exceptions.py) so that they are ordinary, documented,
// picklable Python classes; the native code only constructs them.
//
// Ownership: the references are strong and deliberately never released. They live as long as the
// process; releasing them from a static destructor would run after the interpreter has shut down.
//
// Thread safety: Install runs once at import; every other access happens with the GIL held.
#ifndef SMITH_PYTHON_HOOKS_H_
#define SMITH_PYTHON_HOOKS_H_

#include <nanobind/nanobind.h>

namespace smith::python {

struct Hooks {
  // smith.graph.Node(id, labels: tuple[str, ...], properties: dict)
  PyObject* node_class = nullptr;
  // smith.graph.Relationship(id, type, start_node, end_node, properties: dict)
  PyObject* relationship_class = nullptr;
  // smith.graph.Path(nodes: tuple, relationships: tuple)
  PyObject* path_class = nullptr;
  // smith.time.Duration(months, days, seconds, nanoseconds): a tuple subclass.
  PyObject* duration_class = nullptr;
  // smith._convert.Precise(value, nanosecond): a datetime (or time) plus the nanoseconds below
  // its microsecond, as the coercion hook returns for pandas.Timestamp and numpy.datetime64.
  PyObject* precise_class = nullptr;
  // coerce(obj) -> obj: turns a value of a type the native code does not know (numpy, pandas,
  // Mapping, datetime subclasses, ...) into one it knows, or raises TypeError with the reason.
  PyObject* coerce = nullptr;
  // with_nanoseconds(dt, nanosecond) -> datetime-like: a pandas.Timestamp carrying the
  // nanoseconds when pandas can be imported, else `dt` unchanged (truncated to microseconds).
  PyObject* with_nanoseconds = nullptr;
  // error_factory(status_code: int, neo4j_code: str, message: str) -> exception instance.
  PyObject* error_factory = nullptr;
  // zoneinfo.ZoneInfo (a class), to recognise and build named-zone tzinfo objects.
  PyObject* zoneinfo_class = nullptr;
};

// The installed hooks. Raises RuntimeError (as nb::python_error) if _install_hooks has not run.
const Hooks& GetHooks();

// Binds _install_hooks(...) on module `m`.
void BindHooks(nanobind::module_& m);

}  // namespace smith::python

#endif  // SMITH_PYTHON_HOOKS_H_
