#include "hooks.h"

namespace nb = nanobind;

namespace smith::python {
namespace {

Hooks* installed = nullptr;

PyObject* Keep(nb::handle h) {
  Py_INCREF(h.ptr());
  return h.ptr();
}

}  // namespace

const Hooks& GetHooks() {
  if (installed == nullptr) {
    PyErr_SetString(PyExc_RuntimeError,
                    "smith._smith is used before the smith package installed its hooks; import "
                    "smith rather than smith._smith");
    throw nb::python_error();
  }
  return *installed;
}

void BindHooks(nb::module_& m) {
  m.def(
      "_install_hooks",
      [](nb::handle node, nb::handle relationship, nb::handle path, nb::handle duration,
         nb::handle precise, nb::handle coerce, nb::handle with_nanoseconds,
         nb::handle error_factory) {
        nb::object zoneinfo = nb::module_::import_("zoneinfo").attr("ZoneInfo");
        auto* hooks = new Hooks();  // Never freed: see hooks.h.
        hooks->node_class = Keep(node);
        hooks->relationship_class = Keep(relationship);
        hooks->path_class = Keep(path);
        hooks->duration_class = Keep(duration);
        hooks->precise_class = Keep(precise);
        hooks->coerce = Keep(coerce);
        hooks->with_nanoseconds = Keep(with_nanoseconds);
        hooks->error_factory = Keep(error_factory);
        hooks->zoneinfo_class = Keep(zoneinfo);
        installed = hooks;
      },
      nb::arg("node"), nb::arg("relationship"), nb::arg("path"), nb::arg("duration"),
      nb::arg("precise"), nb::arg("coerce"), nb::arg("with_nanoseconds"), nb::arg("error_factory"),
      "Installs the Python classes and callbacks the module uses.");
}

}  // namespace smith::python
