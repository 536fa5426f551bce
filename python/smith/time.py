"""Temporal types Python's standard library lacks.

Cypher's other temporal types map onto :mod:`datetime` (see ``docs/python.md``). A Cypher
``DURATION`` keeps months, days, seconds and nanoseconds apart, because a month and a day have no
fixed length; :class:`datetime.timedelta` cannot hold months or nanoseconds, so durations that
have either come back as :class:`Duration` (the others as ``timedelta``).
"""

from __future__ import annotations

import typing as t

__all__ = ["Duration"]

_NANOS_PER_SECOND = 1_000_000_000


def _integral(name: str, value: t.Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise TypeError(f"Duration {name} must be an integer, not {value!r}")
    return value


class Duration(tuple):
    """A Cypher duration: ``(months, days, seconds, nanoseconds)``, like ``neo4j.time.Duration``.

    The constructor adds up its arguments: ``Duration(years=1, months=2)`` has 14 months,
    ``Duration(hours=1, nanoseconds=5)`` has 3600 seconds and 5 nanoseconds. Time parts may be
    floats (rounded to the nanosecond); years, months, weeks and days must be whole. The seconds
    and nanoseconds are normalised as the database stores them: ``abs(nanoseconds) < 10**9``
    with the sign of the seconds, so equal durations compare equal.
    """

    __slots__ = ()

    def __new__(
        cls,
        months: int = 0,
        days: int = 0,
        seconds: float = 0,
        nanoseconds: float = 0,
        *,
        years: int = 0,
        weeks: int = 0,
        hours: float = 0,
        minutes: float = 0,
        milliseconds: float = 0,
        microseconds: float = 0,
    ) -> Duration:
        total_months = _integral("years", years) * 12 + _integral("months", months)
        total_days = _integral("weeks", weeks) * 7 + _integral("days", days)
        total_nanos = (
            _nanos(hours, 3600 * _NANOS_PER_SECOND)
            + _nanos(minutes, 60 * _NANOS_PER_SECOND)
            + _nanos(seconds, _NANOS_PER_SECOND)
            + _nanos(milliseconds, 1_000_000)
            + _nanos(microseconds, 1_000)
            + _nanos(nanoseconds, 1)
        )
        whole, rest = divmod(abs(total_nanos), _NANOS_PER_SECOND)
        sign = -1 if total_nanos < 0 else 1
        return tuple.__new__(cls, (total_months, total_days, sign * whole, sign * rest))

    @property
    def months(self) -> int:
        return self[0]

    @property
    def days(self) -> int:
        return self[1]

    @property
    def seconds(self) -> int:
        return self[2]

    @property
    def nanoseconds(self) -> int:
        return self[3]

    def iso_format(self) -> str:
        """The ISO 8601 form Cypher prints, e.g. ``P1Y2M3DT4H5M6.000000007S``."""
        months, days, seconds, nanos = self
        out = "P"
        years, months = divmod(abs(months), 12)
        if self[0] < 0:
            years, months = -years, -months
        if years:
            out += f"{years}Y"
        if months:
            out += f"{months}M"
        if days:
            out += f"{days}D"
        if seconds or nanos:
            total = seconds * _NANOS_PER_SECOND + nanos
            sign = "-" if total < 0 else ""
            whole, frac = divmod(abs(total), _NANOS_PER_SECOND)
            hours, rem = divmod(whole, 3600)
            minutes, secs = divmod(rem, 60)
            out += "T"
            if hours:
                out += f"{sign}{hours}H"
            if minutes:
                out += f"{sign}{minutes}M"
            if secs or frac:
                text = f"{secs}" if not frac else f"{secs}.{frac:09d}".rstrip("0")
                out += f"{sign}{text}S"
        return out if out != "P" else "PT0S"

    def __str__(self) -> str:
        return self.iso_format()

    def __repr__(self) -> str:
        return (
            f"Duration(months={self[0]}, days={self[1]}, seconds={self[2]}, "
            f"nanoseconds={self[3]})"
        )

    def __reduce__(self) -> tuple[t.Any, ...]:
        return (Duration, tuple(self))


def _nanos(value: float, unit: int) -> int:
    if isinstance(value, bool):
        raise TypeError(f"Duration parts must be numbers, not {value!r}")
    if isinstance(value, int):
        return value * unit
    if isinstance(value, float):
        return round(value * unit)
    raise TypeError(f"Duration parts must be numbers, not {value!r}")
