#!/usr/bin/env python3
"""Measures the Python binding's ingest throughput: UNWIND $rows batches from Python.

Each batch is 1000 rows of 5 properties (a string key, an int, a float, a string, a bool) sent
as one parameter to the nodestream-style keyed upsert

    UNWIND $rows AS row MERGE (n:Item {key: row.key}) SET n += row

on a key constraint. Prints rows/s for:
  * convert-only: ``RETURN size($rows)`` (the binding's parameter conversion, no writes);
  * session.run: one auto-commit statement per batch;
  * execute_query: one managed transaction per batch (the neo4j driver's recommended call).
Half of each batch's keys exist already (as in nodestream re-ingests), half are new.

    .venv/bin/python bench/python_binding_bench.py [--batches 50] [--batch-size 1000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import typing as t

import smith

UPSERT = "UNWIND $rows AS row MERGE (n:Item {key: row.key}) SET n += row"


def make_batches(count: int, size: int, seed: int) -> list[list[dict[str, t.Any]]]:
    rng = random.Random(seed)
    batches = []
    next_key = 0
    for _ in range(count):
        rows = []
        for i in range(size):
            if i % 2 == 0 and next_key > 0:
                key = rng.randrange(next_key)
            else:
                key = next_key
                next_key += 1
            rows.append(
                {
                    "key": f"item-{key}",
                    "count": rng.randrange(1_000_000),
                    "score": rng.random(),
                    "name": f"name {rng.randrange(10_000)}",
                    "active": rng.random() < 0.5,
                }
            )
        batches.append(rows)
    return batches


def measure(
    label: str, batches: list[list[dict[str, t.Any]]], run: t.Callable[[t.Any], None]
) -> float:
    rows = sum(len(b) for b in batches)
    start = time.perf_counter()
    for batch in batches:
        run(batch)
    elapsed = time.perf_counter() - start
    rate = rows / elapsed
    print(f"{label:<16} {rows:>8} rows in {elapsed:7.3f} s  {rate:>12,.0f} rows/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--sync-commit", action="store_true", help="fsync every commit")
    args = parser.parse_args()

    batches = make_batches(args.batches, args.batch_size, args.seed)
    print(f"smith {smith.__version__}: {args.batches} batches of {args.batch_size} rows, "
          f"5 properties, seed {args.seed}, sync_commit={args.sync_commit}")
    for mode in ("session.run", "execute_query"):
        with tempfile.TemporaryDirectory() as tmp:
            with smith.GraphDatabase.driver(f"{tmp}/db", sync_commit=args.sync_commit) as driver:
                driver.execute_query(
                    "CREATE CONSTRAINT item_key FOR (n:Item) REQUIRE n.key IS UNIQUE"
                )
                if mode == "session.run":
                    with driver.session() as session:
                        measure(
                            "convert-only",
                            batches,
                            lambda b: session.run("RETURN size($rows) AS n", rows=b).consume(),
                        )
                        measure(mode, batches, lambda b: session.run(UPSERT, rows=b).consume())
                else:
                    measure(mode, batches, lambda b: driver.execute_query(UPSERT, rows=b))
                count = driver.execute_query("MATCH (n:Item) RETURN count(n) AS c").records[0]["c"]
                print(f"{'':<16} {count} distinct items stored")


if __name__ == "__main__":
    main()
