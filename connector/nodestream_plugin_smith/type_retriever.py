"""SmithTypeRetriever: reads a smith database for ``nodestream copy``.

nodestream 0.16's copy asks the retriever of the source target for a ``TypeHistogram``
(``build_histogram``) and then for extractors (``fetch_extractors``) whose records the writer of
the destination target ingests. Records are ``DesiredIngestion`` objects ready for any connector:

* a node of schema type ``T`` becomes ``Node(T, key_values=<T's schema keys>, properties=<all
  other properties>, additional_types=<its other labels, sorted>).into_ingest()``;
* a relationship of type ``R`` found along a schema adjacency ``(From)-[R]->(To)`` becomes a
  ``RelationshipWithNodes`` with both end nodes mapped as above, the relationship's schema keys
  in ``key_values`` and the rest in ``properties``, every creation rule EAGER.

Shards. Each type (each adjacency for relationships) is split into ranges of internal ids
``[lo, hi)`` holding about ``shard_size`` objects each (equal-width ranges between the smallest
and largest id counted by ``build_histogram``); every shard is one extractor that streams its
rows from one snapshot, ``fetch_size`` rows at a time, so no type is ever loaded whole. Objects
created after ``build_histogram`` have larger ids and are not copied. Without ``shard_size``
each type is a single shard, the cheapest plan: smith answers an id range with a scan of the
whole label (see docs/connector-migrations.md, "Copy").

The seed guide's older interface is kept too: ``get_nodes_of_type`` and
``get_relationships_of_type`` are async generators of ``Node`` / ``RelationshipWithNodes``
(keys split out as above), paging through the type by id ranges.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import logging
import math
import typing as t
import warnings
from dataclasses import dataclass
from itertools import zip_longest

from nodestream.databases import TypeRetriever
from nodestream.databases.copy import TypeHistogram
from nodestream.model import Node, PropertySet, Relationship, RelationshipWithNodes
from nodestream.model.creation_rules import NodeCreationRule, RelationshipCreationRule
from nodestream.pipeline import Extractor
from nodestream.schema import Schema

from .migrator import quote

if t.TYPE_CHECKING:  # pragma: no cover
    from .database import SmithDatabase

__all__ = ["IdRange", "SmithTypeRetriever", "compute_id_ranges"]

LOGGER = logging.getLogger(__name__)

LAST_INGESTED_AT = "last_ingested_at"
DISTRIBUTIONS = ("sequential", "round_robin")
MAX_HISTOGRAM_CONCURRENCY = 4
DEFAULT_PAGE_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class IdRange:
    """Internal ids ``lo <= id < hi``."""

    lo: int
    hi: int


def compute_id_ranges(
    count: int, lowest: int | None, highest: int | None, shard_size: int | None
) -> list[IdRange]:
    """Splits ``[lowest, highest]`` into ``ceil(count / shard_size)`` equal-width ranges.

    No objects (``count == 0``) gives no range; no ``shard_size`` gives one range.
    """
    if count <= 0 or lowest is None or highest is None:
        return []
    end = highest + 1
    shards = 1 if not shard_size else max(1, math.ceil(count / shard_size))
    width = max(1, math.ceil((end - lowest) / shards))
    return [IdRange(lo, min(lo + width, end)) for lo in range(lowest, end, width)]


@dataclass(frozen=True, slots=True)
class _Adjacency:
    from_type: str
    relationship_type: str
    to_type: str


class _Plan(t.NamedTuple):
    count: int
    ranges: list[IdRange]


def _map_node(
    node_type: str, labels: t.Iterable[str], properties: t.Mapping[str, t.Any], schema: Schema
) -> Node:
    properties = PropertySet(properties)
    keys = (
        schema.get_node_type_by_name(node_type).keys if schema.has_node_of_type(node_type) else ()
    )
    missing = [key for key in keys if key not in properties]
    if missing:
        LOGGER.warning("node of type %r lacks key(s) %r; copied without them", node_type, missing)
    key_values = PropertySet(
        {key: properties.pop(key) for key in sorted(keys) if key in properties}
    )
    additional_types = tuple(sorted(label for label in labels if label != node_type))
    return Node(
        type=node_type,
        key_values=key_values,
        properties=properties,
        additional_types=additional_types,
    )


def _map_relationship(
    relationship_type: str, properties: t.Mapping[str, t.Any], schema: Schema
) -> Relationship:
    properties = PropertySet(properties)
    keys = (
        schema.get_relationship_type_by_name(relationship_type).keys
        if schema.has_relationship_of_type(relationship_type)
        else ()
    )
    key_values = PropertySet(
        {key: properties.pop(key) for key in sorted(keys) if key in properties}
    )
    return Relationship(type=relationship_type, key_values=key_values, properties=properties)


def _relationship_with_nodes(
    adjacency: _Adjacency, row: t.Mapping[str, t.Any], schema: Schema
) -> RelationshipWithNodes:
    return RelationshipWithNodes(
        from_node=_map_node(adjacency.from_type, row["a_labels"], row["a_properties"], schema),
        to_node=_map_node(adjacency.to_type, row["b_labels"], row["b_properties"], schema),
        relationship=_map_relationship(adjacency.relationship_type, row["r_properties"], schema),
        from_side_node_creation_rule=NodeCreationRule.EAGER,
        to_side_node_creation_rule=NodeCreationRule.EAGER,
        relationship_creation_rule=RelationshipCreationRule.EAGER,
    )


class SmithNodeShardExtractor(Extractor):
    """Streams one id range of one node type as ``DesiredIngestion`` records."""

    def __init__(
        self,
        database: "SmithDatabase",
        query: str,
        parameters: dict[str, t.Any],
        node_type: str,
        schema: Schema,
    ) -> None:
        self.database = database
        self.query = query
        self.parameters = parameters
        self.node_type = node_type
        self.schema = schema

    async def extract_records(self) -> t.AsyncGenerator[t.Any, None]:
        async for row in self.database.stream(self.query, self.parameters):
            node = _map_node(self.node_type, row["labels"], row["properties"], self.schema)
            yield node.into_ingest()


class SmithRelationshipShardExtractor(Extractor):
    """Streams one id range of one adjacency as ``DesiredIngestion`` records."""

    def __init__(
        self,
        database: "SmithDatabase",
        query: str,
        parameters: dict[str, t.Any],
        adjacency: _Adjacency,
        schema: Schema,
    ) -> None:
        self.database = database
        self.query = query
        self.parameters = parameters
        self.adjacency = adjacency
        self.schema = schema

    async def extract_records(self) -> t.AsyncGenerator[t.Any, None]:
        async for row in self.database.stream(self.query, self.parameters):
            yield _relationship_with_nodes(self.adjacency, row, self.schema).into_ingest()


class SmithTypeRetriever(TypeRetriever):
    """Histogram and shard extractors over a smith database (see the module docstring).

    Args:
        database: the source database.
        schema: the (filtered) project schema; only its types and adjacencies are copied.
        shard_size: about this many objects per extractor; None: one extractor per type.
        sample_ratio: N > 1 copies only relationships whose id is a multiple of N (nodes are
            always copied in full); None or 1: everything.
        latest_hours: copy only objects whose ``last_ingested_at`` is at most this many hours
            before ``build_histogram`` ran (objects without it are skipped).
        preload_nodes: node extractors first; default: relationships first, then nodes.
        relationships_only: no node extractors (end nodes still come with relationships).
        distribution: ``"sequential"`` (all shards of a type, then the next type) or
            ``"round_robin"`` (one shard of each type in turn).
        Other keyword arguments are ignored with a ``UserWarning``.

    ``build_histogram`` must be awaited before ``fetch_extractors`` (RuntimeError otherwise).
    """

    def __init__(
        self,
        database: "SmithDatabase",
        schema: Schema | None = None,
        shard_size: int | None = None,
        *,
        sample_ratio: int | None = None,
        latest_hours: float | None = None,
        preload_nodes: bool = False,
        relationships_only: bool = False,
        distribution: str = "sequential",
        **unknown: t.Any,
    ) -> None:
        super().__init__(schema=schema if schema is not None else Schema())
        if unknown:
            warnings.warn(
                f"smith type retriever: ignoring unknown option(s) {sorted(unknown)}; known: "
                "shard_size, sample_ratio, latest_hours, preload_nodes, relationships_only, "
                "distribution",
                UserWarning,
                stacklevel=2,
            )
        if shard_size is not None and (isinstance(shard_size, bool) or int(shard_size) <= 0):
            raise ValueError(f"shard_size must be a positive integer, got {shard_size!r}")
        if distribution not in DISTRIBUTIONS:
            raise ValueError(
                f"Unknown distribution {distribution!r}. Valid options: {list(DISTRIBUTIONS)}"
            )
        self.database = database
        self.shard_size = None if shard_size is None else int(shard_size)
        self.sample_ratio = (
            None if sample_ratio is None or int(sample_ratio) <= 1 else int(sample_ratio)
        )
        self.latest_hours = latest_hours
        self.preload_nodes = bool(preload_nodes)
        self.relationships_only = bool(relationships_only)
        self.distribution = distribution
        self.cutoff: _dt.datetime | None = None
        self.histogram: TypeHistogram | None = None
        self._node_plans: dict[str, _Plan] = {}
        self._adjacency_plans: dict[_Adjacency, _Plan] = {}

    # -- query text ------------------------------------------------------------------------------

    def _filters(self, variable: str, *, sample: bool) -> list[str]:
        clauses = []
        if sample and self.sample_ratio:
            clauses.append(f"id({variable}) % {self.sample_ratio} = 0")
        if self.latest_hours is not None:
            clauses.append(f"{variable}.{quote(LAST_INGESTED_AT)} >= $cutoff")
        return clauses

    @staticmethod
    def _where(clauses: list[str]) -> str:
        return f" WHERE {' AND '.join(clauses)}" if clauses else ""

    def _node_match(self, node_type: str, *, ranged: bool) -> str:
        clauses = (["id(n) >= $lo", "id(n) < $hi"] if ranged else []) + self._filters(
            "n", sample=False
        )
        return f"MATCH (n:{quote(node_type)}){self._where(clauses)}"

    def _adjacency_match(self, adjacency: _Adjacency, *, ranged: bool) -> str:
        clauses = (["id(r) >= $lo", "id(r) < $hi"] if ranged else []) + self._filters(
            "r", sample=True
        )
        return (
            f"MATCH (a:{quote(adjacency.from_type)})-[r:{quote(adjacency.relationship_type)}]->"
            f"(b:{quote(adjacency.to_type)}){self._where(clauses)}"
        )

    def _node_shard_query(self, node_type: str) -> str:
        return (
            f"{self._node_match(node_type, ranged=True)} "
            "RETURN labels(n) AS labels, properties(n) AS properties"
        )

    def _adjacency_shard_query(self, adjacency: _Adjacency) -> str:
        return (
            f"{self._adjacency_match(adjacency, ranged=True)} "
            "RETURN labels(a) AS a_labels, properties(a) AS a_properties, "
            "properties(r) AS r_properties, labels(b) AS b_labels, properties(b) AS b_properties"
        )

    def _parameters(self, id_range: IdRange | None = None) -> dict[str, t.Any]:
        parameters: dict[str, t.Any] = {}
        if self.latest_hours is not None:
            parameters["cutoff"] = self.cutoff
        if id_range is not None:
            parameters.update(lo=id_range.lo, hi=id_range.hi)
        return parameters

    # -- histogram -------------------------------------------------------------------------------

    def _snapshot_cutoff(self) -> _dt.datetime:
        now = _dt.datetime.now(_dt.timezone.utc)
        if self.latest_hours is not None:
            return now - _dt.timedelta(hours=float(self.latest_hours))
        return now

    def _adjacencies(self) -> list[_Adjacency]:
        adjacencies = {
            _Adjacency(a.from_node_type, a.relationship_type, a.to_node_type)
            for a in self.schema.adjacencies
            if self.schema.has_relationship_of_type(a.relationship_type)
        }
        return sorted(adjacencies, key=lambda a: (a.relationship_type, a.from_type, a.to_type))

    async def _plan(self, match: str, variable: str, page_size: int | None) -> _Plan:
        rows = await self.database.execute(
            f"{match} RETURN count({variable}) AS count, min(id({variable})) AS lo, "
            f"max(id({variable})) AS hi",
            self._parameters(),
            read_only=True,
        )
        row = rows[0] if rows else {"count": 0, "lo": None, "hi": None}
        count = int(row["count"] or 0)
        return _Plan(count, compute_id_ranges(count, row["lo"], row["hi"], page_size))

    async def build_histogram(self) -> TypeHistogram:
        """Counts every schema node type and every schema adjacency (per relationship type).

        Relationship counts are sums over the type's adjacencies (a relationship whose end nodes
        match two adjacencies is counted, and copied, once per adjacency).
        """
        self.cutoff = self._snapshot_cutoff()
        semaphore = asyncio.Semaphore(MAX_HISTOGRAM_CONCURRENCY)

        async def bounded(coroutine: t.Awaitable[_Plan]) -> _Plan:
            async with semaphore:
                return await coroutine

        node_types = [node.name for node in self.schema.nodes]
        adjacencies = self._adjacencies()
        node_plans = await asyncio.gather(
            *(
                bounded(self._plan(self._node_match(name, ranged=False), "n", self.shard_size))
                for name in node_types
            )
        )
        adjacency_plans = await asyncio.gather(
            *(
                bounded(self._plan(self._adjacency_match(adj, ranged=False), "r", self.shard_size))
                for adj in adjacencies
            )
        )
        self._node_plans = dict(zip(node_types, node_plans))
        self._adjacency_plans = dict(zip(adjacencies, adjacency_plans))
        relationship_counts = {rel.name: 0 for rel in self.schema.relationships}
        for adjacency, plan in self._adjacency_plans.items():
            relationship_counts[adjacency.relationship_type] += plan.count
        self.histogram = TypeHistogram(
            node_counts={name: plan.count for name, plan in self._node_plans.items()},
            relationship_counts=relationship_counts,
        )
        return self.histogram

    # -- extractors ------------------------------------------------------------------------------

    def _verify_histogram_built(self) -> None:
        if self.histogram is None or self.cutoff is None:
            raise RuntimeError("build_histogram() must be called before fetch_extractors()")

    def _distribute(self, per_type: list[list[Extractor]]) -> t.Iterator[Extractor]:
        if self.distribution == "sequential":
            for extractors in per_type:
                yield from extractors
            return
        for column in zip_longest(*per_type):
            yield from (extractor for extractor in column if extractor is not None)

    def _node_extractors(self) -> t.Iterator[Extractor]:
        per_type = [
            [
                SmithNodeShardExtractor(
                    self.database,
                    self._node_shard_query(node_type),
                    self._parameters(id_range),
                    node_type,
                    self.schema,
                )
                for id_range in plan.ranges
            ]
            for node_type, plan in self._node_plans.items()
            if plan.count > 0
        ]
        return self._distribute(per_type)

    def _relationship_extractors(self) -> t.Iterator[Extractor]:
        by_type: dict[str, list[tuple[_Adjacency, _Plan]]] = {}
        for adjacency, plan in self._adjacency_plans.items():
            if plan.count > 0:
                by_type.setdefault(adjacency.relationship_type, []).append((adjacency, plan))
        per_type = []
        for pairs in by_type.values():
            # Within a type, one shard of each adjacency in turn.
            shards = zip_longest(*([(adj, r) for r in plan.ranges] for adj, plan in pairs))
            extractors: list[Extractor] = []
            for column in shards:
                for item in column:
                    if item is None:
                        continue
                    adjacency, id_range = item
                    extractors.append(
                        SmithRelationshipShardExtractor(
                            self.database,
                            self._adjacency_shard_query(adjacency),
                            self._parameters(id_range),
                            adjacency,
                            self.schema,
                        )
                    )
            per_type.append(extractors)
        return self._distribute(per_type)

    async def fetch_extractors(self) -> t.AsyncGenerator[Extractor, None]:
        """Yields shard extractors: relationships then nodes (nodes first with preload_nodes)."""
        self._verify_histogram_built()
        groups: list[t.Callable[[], t.Iterator[Extractor]]] = [self._relationship_extractors]
        if not self.relationships_only:
            if self.preload_nodes:
                groups.insert(0, self._node_extractors)
            else:
                groups.append(self._node_extractors)
        for group in groups:
            for extractor in group():
                yield extractor

    # -- the seed guide's interface --------------------------------------------------------------

    def _page_size(self) -> int:
        return self.shard_size or DEFAULT_PAGE_SIZE

    async def get_nodes_of_type(self, type: str) -> t.AsyncGenerator[Node, None]:
        """Every node labelled ``type`` as a ``Node`` (schema keys in ``key_values``).

        Streams id-range pages of ``shard_size`` (default 10,000) nodes; honours
        ``latest_hours``. Additional types are the node's other labels.
        """
        if self.cutoff is None:
            self.cutoff = self._snapshot_cutoff()
        plan = await self._plan(self._node_match(type, ranged=False), "n", self._page_size())
        query = self._node_shard_query(type)
        for id_range in plan.ranges:
            async for row in self.database.stream(query, self._parameters(id_range)):
                yield _map_node(type, row["labels"], row["properties"], self.schema)

    async def get_relationships_of_type(
        self, type: str
    ) -> t.AsyncGenerator[RelationshipWithNodes, None]:
        """Every relationship of ``type`` with its end nodes, paged like ``get_nodes_of_type``.

        With schema adjacencies for ``type``, only relationships along them are returned, end
        nodes typed by the adjacency. Without, every relationship of ``type`` is returned and an
        end node's type is its first label (sorted) that is a schema node type, else its first
        label.
        """
        if self.cutoff is None:
            self.cutoff = self._snapshot_cutoff()
        adjacencies = sorted(
            {
                _Adjacency(a.from_node_type, a.relationship_type, a.to_node_type)
                for a in self.schema.get_adjacencies_by_relationship_type(type)
            },
            key=lambda a: (a.from_type, a.to_type),
        )
        if adjacencies:
            for adjacency in adjacencies:
                match = self._adjacency_match(adjacency, ranged=False)
                plan = await self._plan(match, "r", self._page_size())
                query = self._adjacency_shard_query(adjacency)
                for id_range in plan.ranges:
                    async for row in self.database.stream(query, self._parameters(id_range)):
                        yield _relationship_with_nodes(adjacency, row, self.schema)
            return
        ranged = ["id(r) >= $lo", "id(r) < $hi"] + self._filters("r", sample=True)
        match = f"MATCH (a)-[r:{quote(type)}]->(b)"
        plan = await self._plan(
            match + self._where(self._filters("r", sample=True)), "r", self._page_size()
        )
        query = (
            f"{match}{self._where(ranged)} RETURN labels(a) AS a_labels, properties(a) AS "
            "a_properties, properties(r) AS r_properties, labels(b) AS b_labels, "
            "properties(b) AS b_properties"
        )
        for id_range in plan.ranges:
            async for row in self.database.stream(query, self._parameters(id_range)):
                adjacency = _Adjacency(
                    self._endpoint_type(row["a_labels"]), type, self._endpoint_type(row["b_labels"])
                )
                yield _relationship_with_nodes(adjacency, row, self.schema)

    def _endpoint_type(self, labels: t.Iterable[str]) -> str | None:
        ordered = sorted(labels)
        for label in ordered:
            if self.schema.has_node_of_type(label):
                return label
        return ordered[0] if ordered else None
