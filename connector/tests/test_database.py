"""SmithDatabase helpers: execute, execute_in_transaction, stream, sharing."""

from __future__ import annotations

import pytest
from smith.exceptions import SmithError

from nodestream_plugin_smith.database import SmithDatabase


async def test_execute_returns_rows_as_dicts(database):
    await database.execute("CREATE (:N {v: 1}), (:N {v: 2})")
    rows = await database.execute("MATCH (n:N) RETURN n.v AS v, n AS node ORDER BY v",
                                  read_only=True)
    assert [row["v"] for row in rows] == [1, 2]
    assert rows[0]["node"]["v"] == 1 and "N" in rows[0]["node"].labels
    plain = await database.execute("MATCH (n:N) RETURN n AS node ORDER BY n.v", plain=True)
    assert plain == [{"node": {"v": 1}}, {"node": {"v": 2}}]


async def test_execute_in_transaction_commits_all_or_nothing(database):
    results = await database.execute_in_transaction([
        ("CREATE (:T {v: $v})", {"v": 1}),
        ("MATCH (t:T) RETURN count(t) AS c", None),
    ])
    assert results == [[], [{"c": 1}]]
    with pytest.raises(SmithError):
        await database.execute_in_transaction([
            ("CREATE (:T {v: 2})", {}),
            ("CREATE (:T {v: 1 / $zero})", {"zero": 0}),
        ])
    assert await database.execute("MATCH (t:T) RETURN t.v AS v") == [{"v": 1}]


async def test_stream_yields_rows(database):
    await database.execute("UNWIND range(1, 2500) AS i CREATE (:S {i: i})")
    total, count = 0, 0
    async for row in database.stream("MATCH (s:S) RETURN s.i AS i"):
        total += row["i"]
        count += 1
    assert (count, total) == (2500, 2500 * 2501 // 2)


def test_one_instance_per_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = SmithDatabase.open("g")
    try:
        assert SmithDatabase.open(tmp_path / "g") is first
        assert SmithDatabase.open(tmp_path / "h") is not first
    finally:
        SmithDatabase.close_all()
    assert SmithDatabase.open("g") is not first
    SmithDatabase.close_all()
