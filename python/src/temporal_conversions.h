// Temporal values between Python's datetime module and smith's temporal types (temporal.h).
//
//   Python                                   smith
//   datetime.date                        <-> Date
//   datetime.time (naive)                <-> LocalTime
//   datetime.time (fixed-offset tzinfo)  <-> Time
//   datetime.datetime (naive)            <-> LocalDateTime
//   datetime.datetime (aware)            <-> DateTime: with the zone's name when tzinfo is a
//                                            zoneinfo.ZoneInfo (or a pytz zone), else the offset
//   datetime.timedelta                   --> Duration (days, seconds, nanoseconds)
//   smith.time.Duration                  <-> Duration
//   Precise(value, nanosecond)           --> the value plus nanoseconds below the microsecond
//
// Read back: a Duration without months and with whole microseconds becomes a timedelta (when it
// fits), any other one a smith.time.Duration. Python's datetime types stop at microseconds: a
// LocalDateTime or DateTime with nanoseconds goes through the with_nanoseconds hook (a
// pandas.Timestamp when pandas is importable, else truncated to microseconds); times of day are
// truncated to microseconds. Dates outside Python's years 1-9999 raise ValueError.
//
// Only this file uses CPython's datetime C API (its PyDateTimeAPI capsule pointer is static per
// translation unit). Call with the GIL held.
#ifndef SMITH_PYTHON_TEMPORAL_CONVERSIONS_H_
#define SMITH_PYTHON_TEMPORAL_CONVERSIONS_H_

#include <nanobind/nanobind.h>

#include <string>

#include "common/value.h"

namespace smith::python {

// Imports the datetime C API. Call once at module initialisation.
void InitTemporalConversions();

enum class TemporalMatch {
  kNotTemporal,  // `obj` is none of the types above; *out untouched
  kConverted,    // *out holds the value
  kFailed,       // *error holds why (out of range, no fixed offset, ...)
};

// Converts `obj` when its type is exactly one of the datetime types above (subclasses such as
// pandas.Timestamp are left to the coercion hook), a smith.time.Duration or a Precise.
TemporalMatch TemporalFromPython(PyObject* obj, Value* out, std::string* error);

// The Python object for a temporal Value (value.is_temporal()). Raises ValueError (as
// nb::python_error) for values Python's types cannot hold.
nanobind::object TemporalToPython(const Value& value);

}  // namespace smith::python

#endif  // SMITH_PYTHON_TEMPORAL_CONVERSIONS_H_
