"""Result and Record."""

from __future__ import annotations

import pickle
import tracemalloc

import pytest

import smith
from smith.exceptions import ResultConsumedError, ResultNotSingleError

NUMBERS = "UNWIND range(1, $n) AS x RETURN x, x * 10 AS y"


def test_iteration_and_keys(session: smith.Session) -> None:
    result = session.run(NUMBERS, n=3)
    assert result.keys() == ("x", "y")
    assert [(r["x"], r["y"]) for r in result] == [(1, 10), (2, 20), (3, 30)]
    assert list(result) == []  # read once
    summary = result.consume()
    assert summary.query == NUMBERS
    assert summary.parameters == {"n": 3}
    assert summary.query_type == "r"
    assert not summary.counters.contains_updates
    assert result.consume() is summary
    assert result.closed()


def test_next_and_fetch(session: smith.Session) -> None:
    result = session.run(NUMBERS, n=5)
    assert next(result)["x"] == 1
    assert [r["x"] for r in result.fetch(2)] == [2, 3]
    assert [r["x"] for r in result.fetch(10)] == [4, 5]
    assert result.fetch(1) == []
    with pytest.raises(StopIteration):
        next(result)


def test_single(session: smith.Session) -> None:
    assert session.run("RETURN 1 AS x").single()["x"] == 1
    assert session.run(NUMBERS, n=0).single() is None
    with pytest.warns(UserWarning, match="multiple"):
        assert session.run(NUMBERS, n=3).single()["x"] == 1
    with pytest.raises(ResultNotSingleError, match="No records"):
        session.run(NUMBERS, n=0).single(strict=True)
    with pytest.raises(ResultNotSingleError, match="More than one"):
        session.run(NUMBERS, n=2).single(strict=True)
    result = session.run(NUMBERS, n=5)
    with pytest.warns(UserWarning):
        result.single()
    assert list(result) == []  # single() exhausts the result
    assert result.consume().query_type == "r"


def test_peek(session: smith.Session) -> None:
    result = session.run(NUMBERS, n=2)
    assert result.peek()["x"] == 1
    assert result.peek()["x"] == 1
    assert [r["x"] for r in result] == [1, 2]
    assert result.peek() is None


def test_value_values_data(session: smith.Session) -> None:
    assert session.run(NUMBERS, n=3).value() == [1, 2, 3]
    assert session.run(NUMBERS, n=2).value("y") == [10, 20]
    assert session.run(NUMBERS, n=2).value("missing", -1) == [-1, -1]
    assert session.run(NUMBERS, n=2).values() == [[1, 10], [2, 20]]
    assert session.run(NUMBERS, n=2).values("y") == [[10], [20]]
    assert session.run(NUMBERS, n=2).data() == [{"x": 1, "y": 10}, {"x": 2, "y": 20}]
    assert session.run(NUMBERS, n=1).data("y") == [{"y": 10}]


def test_consumed_result_refuses_records(session: smith.Session) -> None:
    result = session.run(NUMBERS, n=3)
    result.consume()
    for read in (list, lambda r: r.single(), lambda r: r.peek(), lambda r: r.data()):
        with pytest.raises(ResultConsumedError, match="consumed"):
            read(result)


def test_to_eager_result_and_to_df(session: smith.Session) -> None:
    eager = session.run(NUMBERS, n=2).to_eager_result()
    assert eager.keys == ["x", "y"]
    assert [r.values() for r in eager.records] == [[1, 10], [2, 20]]
    records, summary, keys = eager
    assert summary.query_type == "r" and keys == ["x", "y"] and len(records) == 2
    pandas = pytest.importorskip("pandas")
    df = session.run(NUMBERS, n=3).to_df()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == ["x", "y"]
    assert df["y"].tolist() == [10, 20, 30]


def test_write_summary_counters(session: smith.Session) -> None:
    summary = session.run(
        "CREATE (a:A:B {k: 1})-[:R {w: 2}]->(b:A) SET a.z = 3 REMOVE a:B"
    ).consume()
    c = summary.counters
    assert (c.nodes_created, c.relationships_created) == (2, 1)
    assert (c.labels_added, c.labels_removed, c.properties_set) == (3, 1, 3)
    assert c.contains_updates and not c.contains_system_updates
    assert summary.query_type == "rw"
    summary = session.run("MATCH (n) DETACH DELETE n").consume()
    assert (summary.counters.nodes_deleted, summary.counters.relationships_deleted) == (2, 1)
    summary = session.run("CREATE INDEX i FOR (n:A) ON (n.k)").consume()
    assert summary.counters.indexes_added == 1
    summary = session.run("CREATE CONSTRAINT c FOR (n:A) REQUIRE n.u IS UNIQUE").consume()
    assert summary.counters.constraints_added == 1
    summary = session.run("DROP CONSTRAINT c").consume()
    assert summary.counters.constraints_removed == 1
    assert "nodes_created" not in repr(summary.counters)


def test_explain_and_profile_plans(session: smith.Session) -> None:
    summary = session.run("EXPLAIN MATCH (n:A) RETURN n").consume()
    assert summary.plan and summary.profile is None
    summary = session.run("PROFILE MATCH (n:A) RETURN n").consume()
    assert summary.plan and summary.profile == summary.plan
    assert session.run("MATCH (n) RETURN n").consume().plan is None


def test_results_stream_without_holding_everything(session: smith.Session) -> None:
    n = 50_000
    result = session.run("UNWIND range(1, $n) AS x RETURN x, 'padding padding padding' AS s", n=n)
    tracemalloc.start()
    try:
        total = 0
        for record in result:
            total += record[0]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == n * (n + 1) // 2
    # 50k records held as Python objects would take ~10 MB; batches of 1000 stay far below.
    assert peak < 2_000_000, peak


def test_many_open_results_at_once(session: smith.Session) -> None:
    results = [session.run(NUMBERS, n=i) for i in range(1, 50)]
    assert [sum(r.value()) for r in results] == [i * (i + 1) // 2 for i in range(1, 50)]


def test_record_access() -> None:
    record = smith.Record({"name": "Ada", "age": 36, "name2": None})
    assert record["name"] == "Ada" and record[1] == 36 and record[0] == "Ada"
    assert record.get("age") == 36 and record.get("nope", 5) == 5
    assert record.index("age") == 1
    with pytest.raises(KeyError):
        record["nope"]
    with pytest.raises(IndexError):
        record[7]
    with pytest.raises(TypeError):
        record[1.5]
    assert record.value() == "Ada" and record.value("age") == 36 and record.value(9, "d") == "d"
    assert record.keys() == ["name", "age", "name2"]
    assert record.values() == ["Ada", 36, None]
    assert record.values("age", "nope") == [36, None]
    assert record.items() == [("name", "Ada"), ("age", 36), ("name2", None)]
    assert record.items("age") == [("age", 36)]
    assert record.data() == {"name": "Ada", "age": 36, "name2": None}
    assert record.data("name") == {"name": "Ada"}
    assert len(record) == 3
    assert list(record) == ["Ada", 36, None]
    assert dict(record) == {"name": "Ada", "age": 36, "name2": None}
    assert record[1:] == smith.Record([("age", 36), ("name2", None)])
    assert record == ["Ada", 36, None] and record == ("Ada", 36, None)
    assert record == {"name": "Ada", "age": 36, "name2": None}
    assert record != ["Ada"]
    assert repr(record) == "<Record name='Ada' age=36 name2=None>"
    assert isinstance(record, smith.Record) and isinstance(record, tuple)
    copy = pickle.loads(pickle.dumps(record))
    assert copy == record and copy.keys() == record.keys()
    assert hash(smith.Record({"a": 1})) == hash(smith.Record({"a": 1}))


def test_records_from_queries(session: smith.Session) -> None:
    record = session.run("RETURN 1 AS a, 'b' AS b, [1, 2] AS c").single()
    assert record.keys() == ["a", "b", "c"]
    assert record.data() == {"a": 1, "b": "b", "c": [1, 2]}
    assert type(record).__name__ == "Record"
