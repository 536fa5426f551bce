"""Fixtures for the smith Python package tests: a fresh database directory per test."""

from __future__ import annotations

import pathlib
import typing as t

import pytest

import smith


@pytest.fixture
def db_path(tmp_path: pathlib.Path) -> pathlib.Path:
    """A database directory that does not exist yet."""
    return tmp_path / "graph.smith"


@pytest.fixture
def driver(db_path: pathlib.Path) -> t.Iterator[smith.Driver]:
    """A driver on a fresh database; commits skip fsync to keep the suite fast."""
    with smith.GraphDatabase.driver(str(db_path), sync_commit=False) as d:
        yield d


@pytest.fixture
def session(driver: smith.Driver) -> t.Iterator[smith.Session]:
    with driver.session() as s:
        yield s


@pytest.fixture(scope="module")
def shared_driver(tmp_path_factory: pytest.TempPathFactory) -> t.Iterator[smith.Driver]:
    """One driver for a whole module of tests that leave no data behind (value round trips)."""
    path = tmp_path_factory.mktemp("shared") / "graph.smith"
    with smith.GraphDatabase.driver(str(path), sync_commit=False) as d:
        yield d


@pytest.fixture
def roundtrip(shared_driver: smith.Driver) -> t.Callable[[t.Any], t.Any]:
    """Passes a value as a parameter and returns what the database gives back."""

    def run(value: t.Any) -> t.Any:
        records, _, _ = shared_driver.execute_query("RETURN $v AS v", v=value)
        return records[0]["v"]

    return run


@pytest.fixture
def stored_roundtrip(shared_driver: smith.Driver) -> t.Callable[[t.Any], t.Any]:
    """Stores a value as a node property and reads it back."""

    def run(value: t.Any) -> t.Any:
        shared_driver.execute_query("CREATE (:Box {v: $v})", v=value)
        try:
            records, _, _ = shared_driver.execute_query("MATCH (b:Box) RETURN b.v AS v")
        finally:
            shared_driver.execute_query("MATCH (b:Box) DELETE b")
        return records[0]["v"]

    return run
