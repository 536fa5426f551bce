#include "temporal_conversions.h"

// datetime.h after nanobind (which includes Python.h).
#include <datetime.h>

#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "common/time_zone.h"
#include "errors.h"
#include "hooks.h"

namespace nb = nanobind;

namespace smith::python {
namespace {

constexpr int64_t kNanosPerMicro = 1000;
constexpr int64_t kNanosPerHour = 3600 * kNanosPerSecond;
constexpr int64_t kNanosPerMinute = 60 * kNanosPerSecond;
// timedelta's limit on days is 999999999; stay clear of it after normalisation.
constexpr int64_t kMaxTimedeltaDays = 999'999'998;

// ---- Python -> smith ----------------------------------------------------------------------

// The UTC offset of aware object `obj` (a datetime or time) in seconds, or nullopt if its
// utcoffset() is None. Sets *error for sub-second offsets; throws on a Python error.
std::optional<int32_t> UtcOffsetSeconds(PyObject* obj, std::string* error) {
  nb::object offset = nb::steal(PyObject_CallMethod(obj, "utcoffset", nullptr));
  if (!offset.is_valid()) throw nb::python_error();
  if (offset.is_none()) return std::nullopt;
  if (!PyDelta_Check(offset.ptr())) {
    *error = "utcoffset() did not return a timedelta";
    return std::nullopt;
  }
  if (PyDateTime_DELTA_GET_MICROSECONDS(offset.ptr()) != 0) {
    *error = "UTC offsets with fractions of a second are not supported";
    return std::nullopt;
  }
  int64_t seconds = int64_t{PyDateTime_DELTA_GET_DAYS(offset.ptr())} * kSecondsPerDay +
                    PyDateTime_DELTA_GET_SECONDS(offset.ptr());
  if (seconds < -kMaxOffsetSeconds || seconds > kMaxOffsetSeconds) {
    *error = "UTC offset beyond +/-18 hours";
    return std::nullopt;
  }
  return static_cast<int32_t>(seconds);
}

// The tz database name of `tzinfo`: the key of a zoneinfo.ZoneInfo, or the `zone` of a pytz
// zone; nullopt for fixed offsets and anything else.
std::optional<std::string> ZoneName(PyObject* tzinfo) {
  const char* attribute = nullptr;
  if (PyObject_TypeCheck(tzinfo, reinterpret_cast<PyTypeObject*>(GetHooks().zoneinfo_class))) {
    attribute = "key";
  } else if (PyObject_HasAttrString(tzinfo, "zone")) {
    attribute = "zone";
  } else {
    return std::nullopt;
  }
  nb::object name = nb::steal(PyObject_GetAttrString(tzinfo, attribute));
  if (!name.is_valid()) {
    PyErr_Clear();
    return std::nullopt;
  }
  if (!PyUnicode_Check(name.ptr())) return std::nullopt;
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(name.ptr(), &size);
  if (data == nullptr) {
    PyErr_Clear();
    return std::nullopt;
  }
  return std::string(data, static_cast<size_t>(size));
}

Result<LocalTime> LocalTimeOf(int hour, int minute, int second, int micro, int64_t extra_nanos) {
  return LocalTime::FromParts(hour, minute, second, micro * kNanosPerMicro + extra_nanos);
}

TemporalMatch Fail(const Status& status, std::string* error) {
  *error = std::string(status.message());
  return TemporalMatch::kFailed;
}

TemporalMatch DateTimeFromPython(PyObject* obj, int64_t extra_nanos, Value* out,
                                 std::string* error) {
  Result<Date> date =
      Date::FromCivil(PyDateTime_GET_YEAR(obj), PyDateTime_GET_MONTH(obj), PyDateTime_GET_DAY(obj));
  if (!date.ok()) return Fail(date.status(), error);
  Result<LocalTime> time = LocalTimeOf(
      PyDateTime_DATE_GET_HOUR(obj), PyDateTime_DATE_GET_MINUTE(obj),
      PyDateTime_DATE_GET_SECOND(obj), PyDateTime_DATE_GET_MICROSECOND(obj), extra_nanos);
  if (!time.ok()) return Fail(time.status(), error);
  Result<LocalDateTime> local = LocalDateTime::FromParts(*date, *time);
  if (!local.ok()) return Fail(local.status(), error);
  PyObject* tzinfo = PyDateTime_DATE_GET_TZINFO(obj);
  std::optional<int32_t> offset;
  if (tzinfo != Py_None) {
    offset = UtcOffsetSeconds(obj, error);
    if (!error->empty()) return TemporalMatch::kFailed;
  }
  if (!offset.has_value()) {
    *out = Value(*local);
    return TemporalMatch::kConverted;
  }
  if (std::optional<std::string> name = ZoneName(tzinfo)) {
    Result<TimeZoneId> zone = FindTimeZone(*name);
    if (zone.ok()) {
      Result<DateTime> zoned =
          DateTime::FromInstantInZone(local->seconds - *offset, local->nanos, *zone);
      // A zone whose rules differ from Python's (another tz database version) keeps the
      // offset Python computed rather than moving the instant.
      if (zoned.ok() && zoned->offset_seconds == *offset) {
        *out = Value(*zoned);
        return TemporalMatch::kConverted;
      }
    }
  }
  Result<DateTime> fixed = DateTime::FromLocal(*local, *offset);
  if (!fixed.ok()) return Fail(fixed.status(), error);
  *out = Value(*fixed);
  return TemporalMatch::kConverted;
}

TemporalMatch TimeFromPython(PyObject* obj, int64_t extra_nanos, Value* out, std::string* error) {
  Result<LocalTime> time = LocalTimeOf(
      PyDateTime_TIME_GET_HOUR(obj), PyDateTime_TIME_GET_MINUTE(obj),
      PyDateTime_TIME_GET_SECOND(obj), PyDateTime_TIME_GET_MICROSECOND(obj), extra_nanos);
  if (!time.ok()) return Fail(time.status(), error);
  if (PyDateTime_TIME_GET_TZINFO(obj) == Py_None) {
    *out = Value(*time);
    return TemporalMatch::kConverted;
  }
  std::optional<int32_t> offset = UtcOffsetSeconds(obj, error);
  if (!error->empty()) return TemporalMatch::kFailed;
  if (!offset.has_value()) {
    *error =
        "a datetime.time whose tzinfo gives no UTC offset (such as a ZoneInfo zone, whose "
        "offset depends on the date) cannot be stored; use a fixed-offset datetime.timezone";
    return TemporalMatch::kFailed;
  }
  *out = Value(Time{time->nanos, *offset});
  return TemporalMatch::kConverted;
}

TemporalMatch DeltaFromPython(PyObject* obj, int64_t extra_nanos, Value* out, std::string* error) {
  Result<Duration> duration = Duration::Make(
      0, PyDateTime_DELTA_GET_DAYS(obj), PyDateTime_DELTA_GET_SECONDS(obj),
      int64_t{PyDateTime_DELTA_GET_MICROSECONDS(obj)} * kNanosPerMicro + extra_nanos);
  if (!duration.ok()) return Fail(duration.status(), error);
  *out = Value(*duration);
  return TemporalMatch::kConverted;
}

bool Int64Item(PyObject* tuple, Py_ssize_t i, int64_t* out) {
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(PyTuple_GET_ITEM(tuple, i), &overflow);
  if (v == -1 && PyErr_Occurred()) throw nb::python_error();
  *out = v;
  return overflow == 0;
}

TemporalMatch DurationFromPython(PyObject* obj, Value* out, std::string* error) {
  int64_t parts[4];
  if (PyTuple_GET_SIZE(obj) != 4) {
    *error = "a Duration has four fields";
    return TemporalMatch::kFailed;
  }
  for (Py_ssize_t i = 0; i < 4; ++i) {
    if (!Int64Item(obj, i, &parts[i])) {
      *error = "a Duration field does not fit in 64 bits";
      return TemporalMatch::kFailed;
    }
  }
  Result<Duration> duration = Duration::Make(parts[0], parts[1], parts[2], parts[3]);
  if (!duration.ok()) return Fail(duration.status(), error);
  *out = Value(*duration);
  return TemporalMatch::kConverted;
}

TemporalMatch PreciseFromPython(PyObject* obj, Value* out, std::string* error) {
  PyObject* inner = PyTuple_GET_ITEM(obj, 0);
  int64_t extra = 0;
  if (!Int64Item(obj, 1, &extra) || extra < 0 || extra >= kNanosPerMicro) {
    *error = "nanoseconds below the microsecond must lie in 0..999";
    return TemporalMatch::kFailed;
  }
  if (PyDateTime_CheckExact(inner)) return DateTimeFromPython(inner, extra, out, error);
  if (PyTime_CheckExact(inner)) return TimeFromPython(inner, extra, out, error);
  if (PyDelta_CheckExact(inner)) return DeltaFromPython(inner, extra, out, error);
  *error = "Precise wraps a datetime, time or timedelta";
  return TemporalMatch::kFailed;
}

// ---- smith -> Python ----------------------------------------------------------------------

[[noreturn]] void OutOfRange(const Value& value, const char* python_type) {
  RaiseBuiltin(PyExc_ValueError, std::string(ValueTypeName(value.type())) + " " + value.ToString() +
                                     " is outside the range of Python's " + python_type +
                                     " (years 1 to 9999)");
}

// A borrowed, cached datetime.timezone for a fixed offset.
PyObject* FixedOffset(int32_t offset_seconds) {
  if (offset_seconds == 0) return PyDateTime_TimeZone_UTC;
  static auto* cache = new std::unordered_map<int32_t, PyObject*>();  // GIL-guarded; leaked
  auto it = cache->find(offset_seconds);
  if (it != cache->end()) return it->second;
  nb::object delta = nb::steal(PyDelta_FromDSU(0, offset_seconds, 0));
  if (!delta.is_valid()) throw nb::python_error();
  PyObject* zone = PyTimeZone_FromOffset(delta.ptr());
  if (zone == nullptr) throw nb::python_error();
  cache->emplace(offset_seconds, zone);
  return zone;
}

// A borrowed, cached zoneinfo.ZoneInfo for a named zone.
PyObject* NamedZone(TimeZoneId zone) {
  static auto* cache = new std::unordered_map<TimeZoneId, PyObject*>();  // GIL-guarded; leaked
  auto it = cache->find(zone);
  if (it != cache->end()) return it->second;
  std::string_view name = TimeZoneName(zone);
  nb::object info = nb::borrow(GetHooks().zoneinfo_class)(nb::str(name.data(), name.size()));
  cache->emplace(zone, info.release().ptr());
  return cache->at(zone);
}

struct TimeFields {
  int hour, minute, second, micro;
  int64_t sub_micro;
};

TimeFields SplitNanosOfDay(int64_t nanos) {
  TimeFields f;
  f.hour = static_cast<int>(nanos / kNanosPerHour);
  f.minute = static_cast<int>(nanos % kNanosPerHour / kNanosPerMinute);
  f.second = static_cast<int>(nanos % kNanosPerMinute / kNanosPerSecond);
  f.micro = static_cast<int>(nanos % kNanosPerSecond / kNanosPerMicro);
  f.sub_micro = nanos % kNanosPerMicro;
  return f;
}

nb::object Checked(PyObject* obj) {
  if (obj == nullptr) throw nb::python_error();
  return nb::steal(obj);
}

// A datetime for `local` (wall clock) with `tzinfo` (borrowed; Py_None for naive) and `fold`,
// handed to the with_nanoseconds hook when it carries nanoseconds below the microsecond.
nb::object MakeDateTime(const Value& value, LocalDateTime local, PyObject* tzinfo, int fold) {
  CivilDate civil = local.date().ToCivil();
  if (civil.year < 1 || civil.year > 9999) OutOfRange(value, "datetime.datetime");
  TimeFields t = SplitNanosOfDay(local.time().nanos);
  nb::object dt = Checked(PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(
      static_cast<int>(civil.year), civil.month, civil.day, t.hour, t.minute, t.second, t.micro,
      tzinfo, fold, PyDateTimeAPI->DateTimeType));
  if (t.sub_micro == 0) return dt;
  return nb::borrow(GetHooks().with_nanoseconds)(dt, t.sub_micro);
}

nb::object DurationToPython(const Duration& d) {
  if (d.months == 0 && d.nanos % kNanosPerMicro == 0) {
    int64_t days = 0;
    int64_t seconds = d.seconds % kSecondsPerDay;
    bool fits = !__builtin_add_overflow(d.days, d.seconds / kSecondsPerDay, &days) &&
                days >= -kMaxTimedeltaDays && days <= kMaxTimedeltaDays;
    if (fits) {
      return Checked(PyDelta_FromDSU(static_cast<int>(days), static_cast<int>(seconds),
                                     static_cast<int>(d.nanos / kNanosPerMicro)));
    }
  }
  return nb::borrow(GetHooks().duration_class)(d.months, d.days, d.seconds, d.nanos);
}

}  // namespace

void InitTemporalConversions() {
  PyDateTime_IMPORT;
  if (PyDateTimeAPI == nullptr) throw nb::python_error();
}

TemporalMatch TemporalFromPython(PyObject* obj, Value* out, std::string* error) {
  // The most frequent types first; exact checks so that subclasses reach the coercion hook.
  if (PyDateTime_CheckExact(obj)) return DateTimeFromPython(obj, 0, out, error);
  if (PyDate_CheckExact(obj)) {
    Result<Date> date = Date::FromCivil(PyDateTime_GET_YEAR(obj), PyDateTime_GET_MONTH(obj),
                                        PyDateTime_GET_DAY(obj));
    if (!date.ok()) return Fail(date.status(), error);
    *out = Value(*date);
    return TemporalMatch::kConverted;
  }
  if (PyTime_CheckExact(obj)) return TimeFromPython(obj, 0, out, error);
  if (PyDelta_CheckExact(obj)) return DeltaFromPython(obj, 0, out, error);
  const Hooks& hooks = GetHooks();
  if (PyObject_TypeCheck(obj, reinterpret_cast<PyTypeObject*>(hooks.duration_class))) {
    return DurationFromPython(obj, out, error);
  }
  if (PyObject_TypeCheck(obj, reinterpret_cast<PyTypeObject*>(hooks.precise_class))) {
    return PreciseFromPython(obj, out, error);
  }
  return TemporalMatch::kNotTemporal;
}

nb::object TemporalToPython(const Value& value) {
  switch (value.type()) {
    case ValueType::kDate: {
      CivilDate civil = value.AsDate().ToCivil();
      if (civil.year < 1 || civil.year > 9999) OutOfRange(value, "datetime.date");
      return Checked(PyDate_FromDate(static_cast<int>(civil.year), civil.month, civil.day));
    }
    case ValueType::kLocalTime: {
      TimeFields t = SplitNanosOfDay(value.AsLocalTime().nanos);
      return Checked(PyTime_FromTime(t.hour, t.minute, t.second, t.micro));
    }
    case ValueType::kTime: {
      Time time = value.AsTime();
      TimeFields t = SplitNanosOfDay(time.nanos);
      return Checked(PyDateTimeAPI->Time_FromTime(t.hour, t.minute, t.second, t.micro,
                                                  FixedOffset(time.offset_seconds),
                                                  PyDateTimeAPI->TimeType));
    }
    case ValueType::kLocalDateTime:
      return MakeDateTime(value, value.AsLocalDateTime(), Py_None, 0);
    case ValueType::kDateTime: {
      DateTime dt = value.AsDateTime();
      if (!dt.has_zone()) return MakeDateTime(value, dt.local(), FixedOffset(dt.offset_seconds), 0);
      LocalTimeOffsets offsets = TimeZoneOffsetsForLocal(dt.zone, dt.local().seconds);
      int fold =
          !offsets.skipped && offsets.first != offsets.second && dt.offset_seconds == offsets.second
              ? 1
              : 0;
      return MakeDateTime(value, dt.local(), NamedZone(dt.zone), fold);
    }
    case ValueType::kDuration:
      return DurationToPython(value.AsDuration());
    default:
      RaiseBuiltin(PyExc_TypeError, "not a temporal value");
  }
}

}  // namespace smith::python
