"""Conversions the native module delegates to Python (installed as hooks by ``_native``).

The native module converts the common parameter types itself (None, bool, int, float, str,
bytes, list, tuple, dict and the exact :mod:`datetime` types). Everything else reaches
:func:`coerce`, which returns an equivalent value of one of those types or raises
:class:`TypeError` with the reason; the native module adds the parameter's name.

numpy and pandas are never imported here: their values are recognised only when the modules are
already in :data:`sys.modules` (a numpy scalar cannot exist otherwise). Reading back, pandas is
imported on first need by :func:`with_nanoseconds`, if it is installed.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import importlib.util
import sys
import typing as t
from collections.abc import Mapping, Sequence

from .graph import Node, Path, Relationship
from .time import Duration

_EPOCH = _dt.datetime(1970, 1, 1)
_NANOS_PER_UNIT = {
    "h": 3_600_000_000_000,
    "m": 60_000_000_000,
    "s": 1_000_000_000,
    "ms": 1_000_000,
    "us": 1_000,
    "ns": 1,
}


class Precise(tuple):
    """A datetime, time or timedelta plus the nanoseconds (0-999) below its microsecond."""

    __slots__ = ()

    def __new__(cls, value: t.Any, nanosecond: int) -> Precise:
        return tuple.__new__(cls, (value, nanosecond))


def coerce(obj: t.Any) -> t.Any:
    """A value the native module converts, equivalent to ``obj``; TypeError if none exists."""
    np = sys.modules.get("numpy")
    if np is not None:
        if isinstance(obj, np.generic):
            return _numpy_scalar(np, obj)
        if isinstance(obj, np.ndarray):
            return _numpy_array(np, obj)
    pd = sys.modules.get("pandas")
    if pd is not None:
        if obj is pd.NaT or obj is getattr(pd, "NA", None):
            return None
        if isinstance(obj, pd.Timestamp):
            return _timestamp(obj)
        if isinstance(obj, pd.Timedelta):
            return Precise(obj.to_pytimedelta(), int(obj.nanoseconds))
    if isinstance(obj, decimal.Decimal):
        raise TypeError(
            "decimal.Decimal is not supported (Cypher has no decimal type): pass float(value) "
            "if rounding is acceptable, or str(value) to keep every digit"
        )
    if isinstance(obj, (set, frozenset)):
        raise TypeError(
            f"{type(obj).__name__} is not supported (Cypher has no set type): pass a list, "
            "e.g. sorted(value)"
        )
    if isinstance(obj, (Node, Relationship, Path)):
        raise TypeError(
            f"a {type(obj).__name__} cannot be a parameter: pass its element_id or its "
            "properties (dict(value)) instead"
        )
    # Subclasses of the datetime types: copy into the exact type.
    if isinstance(obj, _dt.datetime):
        return _dt.datetime(
            obj.year, obj.month, obj.day, obj.hour, obj.minute, obj.second, obj.microsecond,
            obj.tzinfo, fold=obj.fold,
        )
    if isinstance(obj, _dt.date):
        return _dt.date(obj.year, obj.month, obj.day)
    if isinstance(obj, _dt.time):
        return _dt.time(
            obj.hour, obj.minute, obj.second, obj.microsecond, obj.tzinfo, fold=obj.fold
        )
    if isinstance(obj, _dt.timedelta):
        return _dt.timedelta(obj.days, obj.seconds, obj.microseconds)
    if isinstance(obj, memoryview):
        return obj.tobytes()
    if isinstance(obj, Mapping):
        return dict(obj)
    if isinstance(obj, Sequence) and not isinstance(obj, (str, bytes, bytearray)):
        return list(obj)
    raise TypeError(f"values of type {_type_name(obj)} are not supported")


def _type_name(obj: t.Any) -> str:
    cls = type(obj)
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def _timestamp(ts: t.Any) -> t.Any:
    value = ts.to_pydatetime(warn=False)
    nanosecond = int(ts.nanosecond)
    return Precise(value, nanosecond) if nanosecond else value


def _numpy_scalar(np: t.Any, obj: t.Any) -> t.Any:
    # timedelta64 derives from numpy.signedinteger: test the temporal types first.
    if isinstance(obj, np.datetime64):
        return _datetime64(np, obj)
    if isinstance(obj, np.timedelta64):
        return _timedelta64(np, obj)
    if isinstance(obj, np.bool_):
        return bool(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    if isinstance(obj, (np.str_, np.bytes_)):
        return obj.item()
    raise TypeError(f"numpy values of type {obj.dtype} are not supported")


def _numpy_array(np: t.Any, obj: t.Any) -> t.Any:
    if obj.ndim == 0:
        return _numpy_scalar(np, obj[()])
    kind = obj.dtype.kind
    if kind in "biufUS":
        return obj.tolist()  # nested lists of Python scalars for any number of dimensions
    if kind == "O":
        return list(obj)
    if kind in "Mm":
        return [_numpy_array(np, row) if obj.ndim > 1 else row for row in obj]
    raise TypeError(f"numpy arrays of dtype {obj.dtype} are not supported")


def _split_unit(np: t.Any, obj: t.Any) -> tuple[str, int]:
    unit, count = np.datetime_data(obj.dtype)
    return unit, int(count)


def _datetime64(np: t.Any, obj: t.Any) -> t.Any:
    """A naive numpy.datetime64 as a LocalDateTime, nanoseconds kept."""
    if np.isnat(obj):
        return None
    unit, count = _split_unit(np, obj)
    if unit in ("Y", "M", "W", "D"):
        days = int(obj.astype("datetime64[D]").astype(np.int64))
        return _EPOCH + _dt.timedelta(days=days)
    if unit not in _NANOS_PER_UNIT:  # ps, fs, as: below the nanosecond
        obj, unit, count = obj.astype("datetime64[ns]"), "ns", 1
    nanos = int(obj.astype(np.int64)) * count * _NANOS_PER_UNIT[unit]
    micros, nanosecond = divmod(nanos, 1000)
    value = _EPOCH + _dt.timedelta(microseconds=micros)
    return Precise(value, nanosecond) if nanosecond else value


def _timedelta64(np: t.Any, obj: t.Any) -> t.Any:
    if np.isnat(obj):
        return None
    unit, count = _split_unit(np, obj)
    amount = int(obj.astype(np.int64)) * count
    if unit == "Y":
        return Duration(months=12 * amount)
    if unit == "M":
        return Duration(months=amount)
    if unit == "W":
        return Duration(days=7 * amount)
    if unit == "D":
        return Duration(days=amount)
    if unit not in _NANOS_PER_UNIT:
        amount, unit = int(obj.astype("timedelta64[ns]").astype(np.int64)), "ns"
    return Duration(nanoseconds=amount * _NANOS_PER_UNIT[unit])


_pandas: t.Any = None
_pandas_checked = False


def _load_pandas() -> t.Any:
    global _pandas, _pandas_checked
    if not _pandas_checked:
        _pandas_checked = True
        if "pandas" in sys.modules or importlib.util.find_spec("pandas") is not None:
            try:
                import pandas
            except ImportError:
                pandas = None
            _pandas = pandas
    return _pandas


def with_nanoseconds(value: _dt.datetime, nanosecond: int) -> t.Any:
    """``value`` plus ``nanosecond`` (1-999) as a pandas.Timestamp, or ``value`` without pandas."""
    pd = _load_pandas()
    if pd is None:
        return value
    try:
        ts = pd.Timestamp(value)
        if hasattr(ts, "as_unit"):
            ts = ts.as_unit("ns")
        return ts.replace(nanosecond=nanosecond)
    except (OverflowError, ValueError):  # outside pandas' nanosecond range (1677-2262)
        return value
