"""Many threads and coroutines on one driver."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import smith

THREADS = 8
ROUNDS = 25

def test_threads_share_one_driver(driver: smith.Driver) -> None:
    driver.execute_query("CREATE CONSTRAINT k FOR (n:T) REQUIRE n.k IS UNIQUE")
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            with driver.session() as session:
                for i in range(ROUNDS):
                    rows = [{"k": f"{worker}-{i}-{j}", "w": worker} for j in range(10)]
                    session.run("UNWIND $rows AS r MERGE (n:T {k: r.k}) SET n.w = r.w", rows=rows)
                    count = session.run("MATCH (n:T) WHERE n.w = $w RETURN count(n) AS c", w=worker)
                    assert count.single()["c"] == (i + 1) * 10
                    session.execute_write(
                        lambda tx: tx.run("MERGE (c:Counter) SET c.v = coalesce(c.v, 0) + 1")
                    )
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    records, _, _ = driver.execute_query(
        "MATCH (n:T) RETURN count(n) AS c UNION ALL MATCH (c:Counter) RETURN c.v AS c"
    )
    assert [r["c"] for r in records] == [THREADS * ROUNDS * 10, THREADS * ROUNDS]


def test_engine_calls_release_the_gil(driver: smith.Driver) -> None:
    """A thread waiting for the writer slot must not stop other Python threads."""
    tx = driver.session().begin_transaction()
    tx.run("CREATE (:Held)")
    finished = threading.Event()

    def blocked_writer() -> None:
        with driver.session() as session:
            session.run("CREATE (:Waiting)").consume()
        finished.set()

    thread = threading.Thread(target=blocked_writer)
    thread.start()
    # The waiting thread is parked in C++ without the GIL: this thread keeps running Python
    # and reading from the database.
    deadline = time.monotonic() + 0.3
    reads = 0
    while time.monotonic() < deadline:
        reads += driver.execute_query("RETURN 1 AS x", routing_="r").records[0]["x"]
    assert reads > 0
    assert not finished.is_set()
    tx.commit()
    thread.join(timeout=60)
    assert finished.is_set()
    assert driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"] == 2


def test_thread_pool_reads(driver: smith.Driver) -> None:
    driver.execute_query("UNWIND range(1, 1000) AS i CREATE (:R {i: i})")

    def total(_: int) -> int:
        with driver.session() as session:
            return sum(session.run("MATCH (r:R) RETURN r.i AS i").value())

    with ThreadPoolExecutor(THREADS) as pool:
        assert list(pool.map(total, range(32))) == [500500] * 32


@pytest.mark.asyncio
async def test_asyncio_gather_on_one_driver(db_path) -> None:
    async with smith.AsyncGraphDatabase.driver(str(db_path), sync_commit=False) as driver:
        await driver.execute_query("CREATE CONSTRAINT k FOR (n:A) REQUIRE n.k IS UNIQUE")

        async def writer(worker: int) -> int:
            async with driver.session() as session:
                for i in range(10):
                    await session.execute_write(
                        _create, [{"k": f"{worker}-{i}-{j}"} for j in range(5)]
                    )
                result = await session.run("MATCH (n:A) RETURN count(n) AS c")
                return (await result.single())["c"]

        async def explicit(worker: int) -> None:
            async with driver.session() as session:
                async with await session.begin_transaction() as tx:
                    await tx.run("CREATE (:A {k: $k})", k=f"tx-{worker}")
                    await asyncio.sleep(0.001)  # hold the writer across an await

        # More concurrent writers than worker threads: must not deadlock.
        counts = await asyncio.gather(
            *(writer(w) for w in range(12)), *(explicit(w) for w in range(40))
        )
        assert all(c >= 50 for c in counts[:12])
        records, _, _ = await driver.execute_query("MATCH (n:A) RETURN count(n) AS c")
        assert records[0]["c"] == 12 * 10 * 5 + 40


async def _create(tx: smith.AsyncManagedTransaction, rows: list[dict[str, str]]) -> None:
    await tx.run("UNWIND $rows AS r CREATE (:A {k: r.k})", rows=rows)
