"""Conversions between Python values and smith values, both directions."""

from __future__ import annotations

import collections
import datetime as dt
import decimal
import math
import typing as t
import zoneinfo

import pytest

import smith
from smith.time import Duration

UTC = dt.timezone.utc
PLUS_2 = dt.timezone(dt.timedelta(hours=2))
MINUS_5_30 = dt.timezone(-dt.timedelta(hours=5, minutes=30))
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")

SCALARS: list[t.Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**63 - 1,
    -(2**63),
    0.0,
    -2.5,
    1e300,
    math.inf,
    -math.inf,
    "",
    "short",
    "a longer string that does not fit inline in a value",
    "unicode: åäö 日本 🎉",
    b"",
    b"\x00\x01\xff",
    b"bytes long enough to need the heap representation",
    [],
    [1, "two", 3.0, None, [4, [5]]],
    {},
    {"a": 1, "nested": {"list": [1, {"deep": True}]}, "": "empty key"},
]

TEMPORALS: list[t.Any] = [
    dt.date(2024, 2, 29),
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
    dt.time(0, 0),
    dt.time(23, 59, 59, 999999),
    dt.time(12, 30, 15, 250000, tzinfo=PLUS_2),
    dt.time(1, 2, 3, tzinfo=UTC),
    dt.datetime(2024, 5, 17, 12, 30, 45, 123456),
    dt.datetime(1900, 1, 1),
    dt.datetime(2024, 5, 17, 12, 30, 45, 123456, tzinfo=UTC),
    dt.datetime(2024, 5, 17, 12, 30, tzinfo=MINUS_5_30),
    dt.datetime(2024, 7, 1, 9, 0, tzinfo=STOCKHOLM),
    dt.datetime(2024, 1, 1, 9, 0, tzinfo=NEW_YORK),
    dt.timedelta(0),
    dt.timedelta(days=3, seconds=7, microseconds=11),
    dt.timedelta(microseconds=-1),
    dt.timedelta(days=-400, hours=5),
    Duration(months=14, days=3, seconds=7, nanoseconds=5),
    Duration(seconds=1, nanoseconds=1),
    Duration(months=-1),
]


def same(a: t.Any, b: t.Any) -> bool:
    """Equal with the same type, and for datetimes the same tzinfo key/offset."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (dt.datetime, dt.time)) and a.tzinfo is not None:
        return a == b and a.utcoffset() == b.utcoffset() and str(a.tzinfo) == str(b.tzinfo)
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


@pytest.mark.parametrize("value", SCALARS + TEMPORALS, ids=repr)
def test_parameter_roundtrip(roundtrip: t.Callable[[t.Any], t.Any], value: t.Any) -> None:
    assert same(roundtrip(value), value)


@pytest.mark.parametrize("value", SCALARS[1:] + TEMPORALS, ids=repr)
def test_stored_roundtrip(stored_roundtrip: t.Callable[[t.Any], t.Any], value: t.Any) -> None:
    if value in ({}, [1, "two", 3.0, None, [4, [5]]]) or isinstance(value, dict):
        # Maps and mixed or nested lists are not property values (as in Neo4j): a clear
        # TypeError, and nothing stored.
        with pytest.raises(smith.exceptions.CypherTypeError):
            stored_roundtrip(value)
        return
    assert same(stored_roundtrip(value), value)


def test_nan_is_kept(roundtrip: t.Callable[[t.Any], t.Any]) -> None:
    assert math.isnan(roundtrip(math.nan))


def test_tuples_become_lists(roundtrip: t.Callable[[t.Any], t.Any]) -> None:
    assert roundtrip((1, (2, 3))) == [1, [2, 3]]
    Point = collections.namedtuple("Point", "x y")
    assert roundtrip(Point(1, 2)) == [1, 2]
    assert roundtrip(bytearray(b"ab")) == b"ab"
    assert roundtrip(memoryview(b"cd")) == b"cd"
    assert roundtrip(collections.OrderedDict(b=1, a=2)) == {"a": 2, "b": 1}
    assert roundtrip(range(3)) == [0, 1, 2]


def test_zone_names_are_kept(shared_driver: smith.Driver) -> None:
    value = dt.datetime(2024, 7, 1, 9, 0, tzinfo=STOCKHOLM)
    record = shared_driver.execute_query("RETURN $v AS v, toString($v) AS s", v=value).records[0]
    assert record["s"] == "2024-07-01T09:00+02:00[Europe/Stockholm]"
    assert record["v"].tzinfo == STOCKHOLM
    fixed = shared_driver.execute_query("RETURN toString($v) AS s", v=value.astimezone(PLUS_2))
    assert fixed.records[0]["s"] == "2024-07-01T09:00+02:00"


def test_ambiguous_local_times_keep_their_fold(roundtrip: t.Callable[[t.Any], t.Any]) -> None:
    # 2024-10-27 02:30 happens twice in Stockholm.
    first = dt.datetime(2024, 10, 27, 2, 30, tzinfo=STOCKHOLM, fold=0)
    second = dt.datetime(2024, 10, 27, 2, 30, tzinfo=STOCKHOLM, fold=1)
    assert first.utcoffset() != second.utcoffset()
    for value in (first, second):
        back = roundtrip(value)
        assert back == value and back.utcoffset() == value.utcoffset() and back.fold == value.fold


def test_cypher_temporals_come_back_as_python_types(shared_driver: smith.Driver) -> None:
    record = shared_driver.execute_query(
        "RETURN date('2015-07-21') AS d, localtime('12:31:14.5') AS lt, time('12:31+01:00') AS t,"
        " localdatetime('2015-07-21T21:40:32') AS ldt,"
        " datetime('2015-07-21T21:40:32[Europe/London]') AS zdt,"
        " duration('P1DT2H') AS short, duration('P1M') AS long"
    ).records[0]
    assert record["d"] == dt.date(2015, 7, 21)
    assert record["lt"] == dt.time(12, 31, 14, 500000)
    assert record["t"] == dt.time(12, 31, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert record["ldt"] == dt.datetime(2015, 7, 21, 21, 40, 32)
    london = zoneinfo.ZoneInfo("Europe/London")
    assert record["zdt"] == dt.datetime(2015, 7, 21, 21, 40, 32, tzinfo=london)
    assert record["zdt"].tzinfo == london
    assert record["short"] == dt.timedelta(days=1, hours=2)
    assert record["long"] == Duration(months=1)


def test_nanoseconds_without_pandas_are_truncated(
    shared_driver: smith.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smith import _convert

    monkeypatch.setattr(_convert, "_pandas", None)
    monkeypatch.setattr(_convert, "_pandas_checked", True)
    record = shared_driver.execute_query(
        "RETURN localdatetime('2020-01-01T00:00:00.123456789') AS ldt,"
        " localtime('10:00:00.000000001') AS lt, duration('PT0.000000001S') AS d"
    ).records[0]
    assert record["ldt"] == dt.datetime(2020, 1, 1, 0, 0, 0, 123456)
    assert record["lt"] == dt.time(10)
    assert record["d"] == Duration(nanoseconds=1)  # durations keep nanoseconds exactly


def test_dates_outside_python_range_raise(shared_driver: smith.Driver) -> None:
    with pytest.raises(ValueError, match="outside the range of Python's datetime.date"):
        shared_driver.execute_query("RETURN date('+10000-01-01') AS d")
    with pytest.raises(ValueError, match="datetime.datetime"):
        shared_driver.execute_query("RETURN localdatetime('-0001-01-01T00:00') AS d")


def test_duration_type() -> None:
    d = Duration(years=1, months=2, weeks=1, days=1, hours=1, minutes=1, seconds=1.5)
    assert (d.months, d.days, d.seconds, d.nanoseconds) == (14, 8, 3661, 500_000_000)
    assert Duration(seconds=1, nanoseconds=-5) == Duration(nanoseconds=999_999_995)
    assert Duration(nanoseconds=-5).nanoseconds == -5
    assert str(d) == "P1Y2M8DT1H1M1.5S"
    assert str(Duration()) == "PT0S"
    assert str(Duration(months=-13, seconds=-90)) == "P-1Y-1MT-1M-30S"
    assert repr(Duration(1, 2, 3, 4)) == "Duration(months=1, days=2, seconds=3, nanoseconds=4)"
    with pytest.raises(TypeError):
        Duration(months=1.5)  # type: ignore[arg-type]


def test_cypher_prints_python_durations_the_same(shared_driver: smith.Driver) -> None:
    for value in (
        Duration(months=14, days=3, seconds=3661, nanoseconds=500),
        Duration(days=-2),
        Duration(months=-13, seconds=-90, nanoseconds=-300_000_000),
        Duration(nanoseconds=-5),
    ):
        record = shared_driver.execute_query("RETURN toString($v) AS s", v=value).records[0]
        assert record["s"] == value.iso_format()


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (2**63, OverflowError, r"parameter \$v: integer 9223372036854775808 does not fit"),
        (-(2**63) - 1, OverflowError, "does not fit in a signed 64-bit INTEGER"),
        (decimal.Decimal("1.5"), TypeError, r"parameter \$v: decimal.Decimal is not supported"),
        ({1, 2}, TypeError, r"parameter \$v: set is not supported"),
        (frozenset(), TypeError, "frozenset is not supported"),
        (object(), TypeError, "values of type object are not supported"),
        (1 + 2j, TypeError, "complex"),
        ({1: "a"}, TypeError, r"parameter \$v: map keys must be strings, not int"),
        ("\ud800", ValueError, "lone surrogate"),
        (dt.time(1, tzinfo=STOCKHOLM), ValueError, "no UTC offset"),
        (smith.graph.Node(1, ["A"], {}), TypeError, "a Node cannot be a parameter"),
    ],
)
def test_unsupported_parameters(
    shared_driver: smith.Driver, value: t.Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        shared_driver.execute_query("RETURN $v", v=value)


def test_errors_name_the_position_inside_the_parameter(shared_driver: smith.Driver) -> None:
    rows = [{"id": 1, "price": 2.0}, {"id": 2, "tags": ["a", {"deep": decimal.Decimal(3)}]}]
    with pytest.raises(TypeError, match=r"parameter \$rows\[1\]\.tags\[1\]\.deep: decimal"):
        shared_driver.execute_query("UNWIND $rows AS row RETURN row", rows=rows)
    with pytest.raises(TypeError, match="parameter names must be strings"):
        shared_driver.session().run("RETURN 1", {1: 2})


def test_recursive_values_are_refused(shared_driver: smith.Driver) -> None:
    loop: list[t.Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="nested more than 100 levels"):
        shared_driver.execute_query("RETURN $v", v=loop)


def test_large_batches_convert(shared_driver: smith.Driver) -> None:
    rows = [{"k": i, "s": f"v{i}", "f": i / 2, "b": i % 2 == 0, "l": [i]} for i in range(5000)]
    records = shared_driver.execute_query(
        "UNWIND $rows AS r RETURN sum(r.k) AS s, count(*) AS c", rows=rows
    )
    assert records.records[0].values() == [sum(range(5000)), 5000]
