// smith._smith: the private native module behind the smith package. The public API is the
// pure-Python package (smith/__init__.py); this module offers only what it needs: an open
// database, transactions, and cursors that read records in batches.
#include <nanobind/nanobind.h>

#include "bindings.h"
#include "errors.h"
#include "hooks.h"
#include "temporal_conversions.h"

NB_MODULE(_smith, m) {
  m.doc() = "smith's native engine binding (private: use the smith package).";
  smith::python::InitTemporalConversions();
  smith::python::BindHooks(m);
  smith::python::BindDatabase(m);
  m.attr("CLOSED_STATUS_CODE") = smith::python::kClosedStatusCode;
}
