// The pieces of the smith._smith module, one function per topic (module.cc calls them).
#ifndef SMITH_PYTHON_BINDINGS_H_
#define SMITH_PYTHON_BINDINGS_H_

#include <nanobind/nanobind.h>

namespace smith::python {

// Database, Transaction and Cursor (bind_database.cc).
void BindDatabase(nanobind::module_& m);

}  // namespace smith::python

#endif  // SMITH_PYTHON_BINDINGS_H_
