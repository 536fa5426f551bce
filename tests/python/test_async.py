"""The asyncio API: same shape as the sync one."""

from __future__ import annotations

import asyncio
import pathlib
import typing as t

import pytest
import pytest_asyncio

import smith
from smith.exceptions import (
    ClientError,
    CypherSyntaxError,
    ResultConsumedError,
    ServiceUnavailable,
)

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def adriver(db_path: pathlib.Path) -> t.AsyncIterator[smith.AsyncDriver]:
    async with smith.AsyncGraphDatabase.driver(str(db_path), sync_commit=False) as driver:
        yield driver


async def test_driver_basics(adriver: smith.AsyncDriver, db_path: pathlib.Path) -> None:
    await adriver.verify_connectivity()
    assert await adriver.verify_authentication()
    assert (await adriver.get_server_info()).address == adriver.path
    assert not await adriver.supports_multi_db()
    assert adriver.path == str(db_path.resolve())
    with pytest.raises(ServiceUnavailable, match="not available yet"):
        smith.AsyncGraphDatabase.driver("neo4j://localhost:7687")


async def test_execute_query(adriver: smith.AsyncDriver) -> None:
    records, summary, keys = await adriver.execute_query(
        "CREATE (n:N {v: $v}) RETURN n.v AS v", {"v": 1}
    )
    assert keys == ["v"] and records[0]["v"] == 1 and summary.counters.nodes_created == 1
    eager = await adriver.execute_query(
        smith.Query("MATCH (n:N) RETURN n.v AS v"), routing_=smith.RoutingControl.READ
    )
    assert eager.records[0]["v"] == 1

    async def transformer(result: smith.AsyncResult) -> list[int]:
        return [record["x"] async for record in result]

    assert await adriver.execute_query(
        "UNWIND range(1, 3) AS x RETURN x", result_transformer_=transformer
    ) == [1, 2, 3]


async def test_session_run_and_result(adriver: smith.AsyncDriver) -> None:
    async with adriver.session(fetch_size=2) as session:
        result = await session.run("UNWIND range(1, $n) AS x RETURN x", n=5)
        assert result.keys() == ("x",)
        assert [r["x"] async for r in result] == [1, 2, 3, 4, 5]
        assert (await result.consume()).query_type == "r"
        result = await session.run("UNWIND range(1, 5) AS x RETURN x")
        assert (await result.peek())["x"] == 1
        assert [r["x"] for r in await result.fetch(2)] == [1, 2]
        assert await result.value() == [3, 4, 5]
        assert await (await session.run("RETURN 1 AS a")).data() == [{"a": 1}]
        assert await (await session.run("RETURN 1 AS a, 2 AS b")).values() == [[1, 2]]
        assert (await (await session.run("RETURN 7 AS a")).single())["a"] == 7
        eager = await (await session.run("RETURN 1 AS a")).to_eager_result()
        assert eager.keys == ["a"]
        result = await session.run("RETURN 1 AS a")
        await result.consume()
        assert result.closed()
        with pytest.raises(ResultConsumedError):
            await result.data()
        with pytest.raises(CypherSyntaxError):
            await session.run("RETRN 1")


async def test_transactions(adriver: smith.AsyncDriver) -> None:
    async with adriver.session() as session:
        tx = await session.begin_transaction()
        await tx.run("CREATE (:T {v: 1})")
        await tx.commit()
        assert tx.closed()
        tx = await session.begin_transaction()
        await tx.run("CREATE (:T {v: 2})")
        await tx.rollback()
        async with await session.begin_transaction() as tx:
            await tx.run("CREATE (:T {v: 3})")
        with pytest.raises(RuntimeError):
            async with await session.begin_transaction() as tx:
                await tx.run("CREATE (:T {v: 4})")
                raise RuntimeError("boom")
        tx = await session.begin_transaction()
        await tx.run("CREATE (:T {v: 5})")
        await tx.close()
        result = await session.run("MATCH (t:T) RETURN t.v AS v ORDER BY v")
        assert await result.value() == [1, 3]


async def test_transaction_functions(adriver: smith.AsyncDriver) -> None:
    async def create(tx: smith.AsyncManagedTransaction, v: int) -> int:
        await tx.run("CREATE (:F {v: $v})", v=v)
        result = await tx.run("MATCH (f:F) RETURN count(f) AS c")
        return (await result.single())["c"]

    async def read(tx: smith.AsyncManagedTransaction) -> list[int]:
        result = await tx.run("MATCH (f:F) RETURN f.v AS v ORDER BY v")
        return await result.value()

    async def fail(tx: smith.AsyncManagedTransaction) -> None:
        await tx.run("CREATE (:F {v: 99})")
        raise ValueError("no")

    async with adriver.session() as session:
        assert await session.execute_write(create, 1) == 1
        assert await session.execute_write(create, v=2) == 2
        with pytest.raises(ValueError):
            await session.execute_write(fail)
        with pytest.raises(ClientError):
            await session.execute_read(create, 3)
        assert await session.execute_read(read) == [1, 2]


async def test_cancelled_transaction_function_rolls_back(adriver: smith.AsyncDriver) -> None:
    started = asyncio.Event()

    async def slow(tx: smith.AsyncManagedTransaction) -> None:
        await tx.run("CREATE (:C)")
        started.set()
        await asyncio.sleep(3600)

    async with adriver.session() as session:
        task = asyncio.create_task(session.execute_write(slow))
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    # The writer slot was released: another write goes through.
    records, _, _ = await adriver.execute_query(
        "CREATE (:D) WITH 1 AS x MATCH (c:C) RETURN count(c) AS c"
    )
    assert records[0]["c"] == 0


async def test_closed_async_driver(db_path: pathlib.Path) -> None:
    driver = smith.AsyncGraphDatabase.driver(str(db_path))
    session = driver.session()
    await driver.close()
    assert driver.closed()
    with pytest.raises(ServiceUnavailable):
        await session.run("RETURN 1")
    await session.close()
    assert session.closed()
