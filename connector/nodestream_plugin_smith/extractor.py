"""SmithExtractor: a pipeline step that reads records from a smith database with Cypher."""

from __future__ import annotations

import typing as t

from nodestream.pipeline import Extractor

from .database import SmithDatabase, SmithDatabaseError
from .database_connector import DEFAULT_URI, resolve_path

__all__ = ["SmithExtractor"]


class SmithExtractor(Extractor):
    """Pages through a Cypher query and yields each row as a dict.

    The query must contain ``SKIP $offset LIMIT $limit`` (after an ``ORDER BY`` if the order
    must be stable between pages); the extractor runs it with offset 0, limit, 2*limit, ... and
    stops at the first page shorter than ``limit``. Each page is a separate read (its own
    snapshot). Nodes in the rows become property dicts and relationships
    ``(start properties, type, end properties)`` tuples, as ``smith.Record.data()`` gives them.

    Pipeline arguments: ``query`` (required), ``uri`` or ``path`` (the database directory or
    ``file:`` URI; default ``.smith/graph``, the connector's default), ``limit`` (rows per page,
    default 100), ``parameters`` (extra query parameters). The extractor checkpoints its offset,
    so a resumed pipeline continues where it stopped.
    """

    def __init__(
        self,
        query: str,
        uri: str | None = None,
        path: str | None = None,
        limit: int = 100,
        parameters: t.Mapping[str, t.Any] | None = None,
        **driver_options: t.Any,
    ) -> None:
        if uri is not None and path is not None and resolve_path(uri) != resolve_path(path):
            raise SmithDatabaseError("SmithExtractor: give either uri or path, not both")
        if int(limit) < 1:
            raise ValueError(f"SmithExtractor: limit must be >= 1, got {limit!r}")
        self.query = query
        self.limit = int(limit)
        self.parameters = dict(parameters or {})
        self.database = SmithDatabase.open(
            resolve_path(path or uri or DEFAULT_URI), **driver_options
        )
        self.offset = 0

    async def extract_records(self) -> t.AsyncGenerator[dict[str, t.Any], None]:
        while True:
            parameters = {**self.parameters, "offset": self.offset, "limit": self.limit}
            try:
                rows = await self.database.execute(
                    self.query, parameters, read_only=True, plain=True
                )
            except SmithDatabaseError:
                raise
            except Exception as error:
                raise SmithDatabaseError(
                    f"SmithExtractor: query failed at offset {self.offset}: "
                    f"{type(error).__name__}: {error}"
                ) from error
            for row in rows:
                yield row
            self.offset += len(rows)
            if len(rows) < self.limit:
                break

    async def make_checkpoint(self) -> int:
        return self.offset

    async def resume_from_checkpoint(self, checkpoint_object: t.Any) -> None:
        if isinstance(checkpoint_object, int):
            self.offset = checkpoint_object
