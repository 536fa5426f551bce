// Python objects to smith::Value, for query parameters.
//
//   None -> null; bool -> BOOLEAN; int -> INTEGER (beyond signed 64 bits: OverflowError);
//   float -> FLOAT (NaN and infinities kept); str -> STRING; bytes, bytearray -> BYTES;
//   list, tuple -> LIST; dict with str keys -> MAP; datetime types -> temporal values (see
//   temporal_conversions.h).
// Anything else goes to the coercion hook (smith/_convert.py), which turns numpy scalars and
// arrays, pandas values, other Mappings and Sequences into the types above, and rejects
// decimal.Decimal, sets and unknown types with the reason.
//
// Errors name the parameter and the position inside it, e.g.
//   TypeError: parameter $rows[3].price: decimal.Decimal is not supported: ...
//
// Call with the GIL held; the result owns no Python references, so the engine may use it after
// the GIL is released.
#ifndef SMITH_PYTHON_TO_VALUE_H_
#define SMITH_PYTHON_TO_VALUE_H_

#include <nanobind/nanobind.h>

#include "common/value.h"

namespace smith::python {

// Converts a parameter dict (or None: no parameters). Raises TypeError, ValueError or
// OverflowError (as nb::python_error) on the first value that cannot be converted.
ValueMap ParametersFromPython(nanobind::handle parameters);

}  // namespace smith::python

#endif  // SMITH_PYTHON_TO_VALUE_H_
