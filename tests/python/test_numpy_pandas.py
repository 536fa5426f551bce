"""numpy and pandas values as parameters, and nanosecond values read back as pandas.Timestamp."""

from __future__ import annotations

import datetime as dt
import typing as t
import zoneinfo

import pytest

import smith

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (np.int64(7), 7),
        (np.int8(-3), -3),
        (np.uint32(4_000_000_000), 4_000_000_000),
        (np.float32(0.5), 0.5),
        (np.float64(1.25), 1.25),
        (np.bool_(True), True),
        (np.str_("text"), "text"),
        (np.bytes_(b"raw"), b"raw"),
        (np.array([1, 2, 3]), [1, 2, 3]),
        (np.array([0.5, 1.5]), [0.5, 1.5]),
        (np.array([True, False]), [True, False]),
        (np.array(["a", "b"]), ["a", "b"]),
        (np.array([[1, 2], [3, 4]]), [[1, 2], [3, 4]]),
        (np.array([1, "x", None], dtype=object), [1, "x", None]),
        (np.array(5), 5),
        (np.datetime64("2024-01-02T03:04:05"), dt.datetime(2024, 1, 2, 3, 4, 5)),
        (np.datetime64("2024-01-02"), dt.datetime(2024, 1, 2)),
        (np.datetime64("NaT"), None),
        (np.timedelta64(90, "s"), dt.timedelta(seconds=90)),
        (np.timedelta64(2, "D"), dt.timedelta(days=2)),
        (np.timedelta64(3, "M"), smith.Duration(months=3)),
        (np.timedelta64("NaT"), None),
        (pd.NaT, None),
        (pd.Timedelta(days=1, nanoseconds=5), smith.Duration(days=1, nanoseconds=5)),
        (pd.Timestamp("2024-05-17 12:30:45.123456"), dt.datetime(2024, 5, 17, 12, 30, 45, 123456)),
    ],
    ids=repr,
)
def test_numpy_and_pandas_parameters(
    roundtrip: t.Callable[[t.Any], t.Any], value: t.Any, expected: t.Any
) -> None:
    back = roundtrip(value)
    assert back == expected
    assert type(back) is type(expected) or isinstance(back, type(expected))


def test_integer_overflow_from_numpy(shared_driver: smith.Driver) -> None:
    with pytest.raises(OverflowError, match=r"parameter \$v"):
        shared_driver.execute_query("RETURN $v", v=np.uint64(2**64 - 1))


def test_complex_numpy_values_are_refused(shared_driver: smith.Driver) -> None:
    with pytest.raises(TypeError, match=r"parameter \$v: numpy arrays of dtype complex128"):
        shared_driver.execute_query("RETURN $v", v=np.array([1j]))


def test_timestamps_keep_nanoseconds_and_zones(roundtrip: t.Callable[[t.Any], t.Any]) -> None:
    naive = pd.Timestamp("2024-05-17 12:30:45.123456789")
    back = roundtrip(naive)
    assert isinstance(back, pd.Timestamp) and back == naive and back.nanosecond == 789
    aware = pd.Timestamp("2024-05-17 12:30:45.000000001", tz="Europe/Berlin")
    back = roundtrip(aware)
    assert isinstance(back, pd.Timestamp)
    assert back == aware and back.nanosecond == 1
    assert str(back.tz) == "Europe/Berlin"
    utc = pd.Timestamp("2000-01-01T00:00:00.000000999Z")
    assert roundtrip(utc) == utc
    # datetime64 with nanoseconds reads back as a Timestamp too.
    value = np.datetime64("2024-01-02T03:04:05.123456789")
    assert roundtrip(value) == pd.Timestamp(value)


def test_zone_of_a_timestamp_reaches_cypher(shared_driver: smith.Driver) -> None:
    aware = pd.Timestamp("2024-07-01 09:00", tz="Europe/Stockholm")
    record = shared_driver.execute_query("RETURN toString($v) AS s", v=aware).records[0]
    assert record["s"] == "2024-07-01T09:00+02:00[Europe/Stockholm]"
    back = shared_driver.execute_query("RETURN $v AS v", v=aware).records[0]["v"]
    assert back == aware and back.tzinfo == zoneinfo.ZoneInfo("Europe/Stockholm")


def test_cypher_nanoseconds_become_timestamps(shared_driver: smith.Driver) -> None:
    record = shared_driver.execute_query(
        "RETURN datetime('2020-01-01T00:00:00.000000001+01:00') AS dt,"
        " localdatetime('2020-01-01T00:00:00.5') AS whole_micros"
    ).records[0]
    assert isinstance(record["dt"], pd.Timestamp) and record["dt"].nanosecond == 1
    assert record["dt"].utcoffset() == dt.timedelta(hours=1)
    assert type(record["whole_micros"]) is dt.datetime


def test_dataframe_rows_as_parameters(shared_driver: smith.Driver) -> None:
    df = pd.DataFrame(
        {
            "k": np.arange(3),
            "x": [0.5, 1.5, np.nan],
            "when": pd.to_datetime(["2024-01-01", "2024-01-02", None]),
        }
    )
    rows = df.to_dict("records")
    records = shared_driver.execute_query(
        "UNWIND $rows AS r RETURN r.k AS k, r.x AS x, r.when AS when", rows=rows
    ).records
    assert [r["k"] for r in records] == [0, 1, 2]
    assert records[2]["when"] is None
    assert records[1]["when"] == dt.datetime(2024, 1, 2)
