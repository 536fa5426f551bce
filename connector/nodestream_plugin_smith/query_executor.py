"""SmithQueryExecutor: nodestream's QueryExecutor for an embedded smith database."""

from __future__ import annotations

import logging
import typing as t

import pandas as pd
from nodestream.databases.query_executor import (
    OperationOnNodeIdentity,
    OperationOnRelationshipIdentity,
    QueryExecutor,
)
from nodestream.model import IngestionHook, Node, RelationshipWithNodes, TimeToLiveConfiguration
from nodestream.schema import GraphObjectType

from . import ingest_query_builder as builder
from .database import SmithDatabase, SmithDatabaseError

__all__ = ["SmithIngestError", "SmithQueryExecutor"]

LOGGER = logging.getLogger(__name__)


class SmithIngestError(SmithDatabaseError):
    """An ingest operation failed. The message names the operation, the type and the cause;
    ``__cause__`` is the smith exception. The failed statement stored nothing."""


class SmithQueryExecutor(QueryExecutor):
    """Writes nodestream batches into a smith database, one statement per batch.

    Coroutine-safe: any number of calls may run at once (nodestream flushes buckets with
    ``asyncio.gather`` and, with ``flush_concurrency > 1``, several batches at a time). smith runs
    each statement atomically as the single writer, so concurrent batches serialise inside the
    engine and never interleave partially. The executor holds no state besides the shared
    ``SmithDatabase``.
    """

    def __init__(self, database: SmithDatabase) -> None:
        self.database = database

    async def _write(self, what: str, query: str, parameters: dict[str, t.Any]) -> list[dict]:
        try:
            return await self.database.execute(query, parameters)
        except Exception as error:
            raise SmithIngestError(f"smith: {what} failed: {_describe(error)}") from error

    async def upsert_nodes_in_bulk_with_same_operation(
        self, operation: OperationOnNodeIdentity, nodes: t.Iterable[Node]
    ) -> None:
        rows = builder.node_rows(operation, nodes)
        if not rows:
            return
        shape = operation.node_identity
        what = (
            f"upsert of {len(rows)} node(s) of type {shape.type!r} "
            f"({operation.node_creation_rule.value})"
        )
        await self._write(what, builder.node_upsert_query(operation), {"rows": rows})

    async def upsert_relationships_in_bulk_of_same_operation(
        self,
        shape: OperationOnRelationshipIdentity,
        relationships: t.Iterable[RelationshipWithNodes],
    ) -> None:
        rows = builder.relationship_rows(shape, relationships)
        if not rows:
            return
        what = (
            f"upsert of {len(rows)} relationship(s) of type "
            f"{shape.relationship_identity.type!r} "
            f"({shape.from_node.node_identity.type} -> {shape.to_node.node_identity.type}, "
            f"{shape.relationship_creation_rule.value})"
        )
        await self._write(what, builder.relationship_upsert_query(shape), {"rows": rows})

    async def perform_ttl_op(self, config: TimeToLiveConfiguration) -> None:
        """Deletes the objects of ``config.object_type`` last ingested ``expiry_in_hours`` ago or
        earlier, ``batch_size`` per statement (each chunk is its own transaction).

        With ``custom_query``, that query (run once, read-only, with ``$earliest_allowed_time``)
        chooses the objects instead: it must return their ``id()`` values in a column ``id``.
        """
        if config.expiry_in_hours is None:
            raise ValueError(
                f"TTL for {config.object_type!r}: expiry_in_hours must be set (got None)"
            )
        is_node = config.graph_object_type == GraphObjectType.NODE
        kind = "node" if is_node else "relationship"
        batch_size = max(int(config.batch_size or 1), 1)
        cutoff = pd.Timestamp.utcnow() - pd.Timedelta(hours=config.expiry_in_hours)
        what = f"TTL delete of {kind}s of type {config.object_type!r}"
        deleted = 0
        if config.custom_query:
            try:
                rows = await self.database.execute(
                    config.custom_query, {"earliest_allowed_time": cutoff}, read_only=True
                )
            except Exception as error:
                raise SmithIngestError(
                    f"smith: {what}: custom_query failed: {_describe(error)}"
                ) from error
            if rows and "id" not in rows[0]:
                raise SmithIngestError(
                    f"smith: {what}: custom_query must return a column named 'id', "
                    f"got {sorted(rows[0])}"
                )
            ids = [row["id"] for row in rows if row["id"] is not None]
            query = builder.delete_by_ids_query(is_node)
            for start in range(0, len(ids), batch_size):
                chunk = ids[start : start + batch_size]
                await self._write(what, query, {"ids": chunk})
                deleted += len(chunk)
        else:
            query = builder.ttl_chunk_query(is_node, config.object_type)
            parameters = {"earliest_allowed_time": cutoff, "batch_size": batch_size}
            while True:
                rows = await self._write(what, query, parameters)
                count = rows[0]["deleted"] if rows else 0
                deleted += count
                if count < batch_size:
                    break
        LOGGER.info("smith: %s: %d deleted (cutoff %s)", what, deleted, cutoff)

    async def execute_hook(self, hook: IngestionHook) -> None:
        """Runs the hook's query and parameters in one transaction.

        A hook may provide ``as_smith_query_and_parameters()`` to give smith-specific Cypher;
        otherwise ``as_cypher_query_and_parameters()`` is used.
        """
        if hasattr(hook, "as_smith_query_and_parameters"):
            query, parameters = hook.as_smith_query_and_parameters()
        else:
            query, parameters = hook.as_cypher_query_and_parameters()
        try:
            await self.database.execute_in_transaction([(query, parameters or {})])
        except Exception as error:
            raise SmithIngestError(
                f"smith: ingestion hook {type(hook).__name__} failed: {_describe(error)}"
            ) from error

    async def finish(self) -> None:
        """Nothing to release: the engine is shared by every connector of the process and
        closes at exit (``SmithDatabase.close_all``)."""


def _describe(error: BaseException) -> str:
    if isinstance(error, SmithDatabaseError):
        return str(error)
    return f"{type(error).__name__}: {error}"
