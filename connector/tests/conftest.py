"""Shared fixtures: temporary smith databases and a helper to query them."""

from __future__ import annotations

import typing as t

import pytest

from nodestream_plugin_smith.database import SmithDatabase


@pytest.fixture
def database(tmp_path) -> t.Iterator[SmithDatabase]:
    """A fresh SmithDatabase in a temporary directory, closed (released) afterwards."""
    db = SmithDatabase.open(tmp_path / "graph", sync_commit=False)
    yield db
    db.close()


def query_sync(path: str, query: str, **parameters: t.Any) -> list[dict[str, t.Any]]:
    """Runs a query with the synchronous smith driver in this process and closes it again, so
    the directory is free for the next nodestream subprocess."""
    import smith

    with smith.GraphDatabase.driver(path) as driver:
        records, _, _ = driver.execute_query(query, parameters)
        return [record.data() for record in records]
