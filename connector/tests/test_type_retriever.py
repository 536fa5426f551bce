"""SmithTypeRetriever against temporary smith databases: histogram, extractor records (keys split
per the schema), shards, ordering, options, the seed guide's get_*_of_type generators, and a
round trip of the records into a second database through the connector's query executor."""

from __future__ import annotations

import datetime as dt
import typing as t

import pytest
from nodestream.databases.debounced_ingest_strategy import DebouncedIngestStrategy
from nodestream.model import DesiredIngestion, Node, RelationshipWithNodes
from nodestream.model.creation_rules import NodeCreationRule, RelationshipCreationRule
from nodestream.schema import Schema
from nodestream.schema.state import Adjacency, AdjacencyCardinality

from nodestream_plugin_smith.database import SmithDatabase
from nodestream_plugin_smith.query_executor import SmithQueryExecutor
from nodestream_plugin_smith.type_retriever import (
    IdRange,
    SmithNodeShardExtractor,
    SmithRelationshipShardExtractor,
    SmithTypeRetriever,
    compute_id_ranges,
)

NOW = dt.datetime.now(dt.timezone.utc)
OLD = NOW - dt.timedelta(days=10)


def make_schema() -> Schema:
    """Person(id) -KNOWS-> Person, Person -WORKS_AT(role)-> Company(id, country)."""
    schema = Schema()
    person = schema.get_node_type_by_name("Person")
    person.add_keys(["id"])
    person.add_properties(["name", "last_ingested_at"])
    company = schema.get_node_type_by_name("Company")
    company.add_keys(["id", "country"])
    company.add_properties(["name"])
    works_at = schema.get_relationship_type_by_name("WORKS_AT")
    works_at.add_keys(["role"])
    works_at.add_properties(["since"])
    schema.get_relationship_type_by_name("KNOWS").add_properties(["weight"])
    schema.add_adjacency(Adjacency("Person", "Company", "WORKS_AT"), AdjacencyCardinality())
    schema.add_adjacency(Adjacency("Person", "Person", "KNOWS"), AdjacencyCardinality())
    return schema


async def seed(database: SmithDatabase) -> None:
    await database.execute(
        "CREATE (a:Person:Employee {id: 'a', name: 'Ada', last_ingested_at: $now}), "
        "(b:Person {id: 'b', name: 'Bob', last_ingested_at: $old}), "
        "(c:Person {id: 'c', name: 'Cy', last_ingested_at: $now}), "
        "(acme:Company {id: 'acme', country: 'UK', name: 'Acme'}), "
        "(x:Other {id: 'x'}), "
        "(a)-[:WORKS_AT {role: 'dev', since: 2020, last_ingested_at: $now}]->(acme), "
        "(a)-[:WORKS_AT {role: 'lead', since: 2022, last_ingested_at: $old}]->(acme), "
        "(b)-[:WORKS_AT {role: 'dev', since: 2021, last_ingested_at: $now}]->(acme), "
        "(a)-[:KNOWS {weight: 1}]->(b), (b)-[:KNOWS {weight: 2}]->(c), "
        "(x)-[:KNOWS {weight: 9}]->(a)",
        {"now": NOW, "old": OLD},
    )


async def drain(retriever: SmithTypeRetriever) -> list[DesiredIngestion]:
    records = []
    async for extractor in retriever.fetch_extractors():
        async for record in extractor.extract_records():
            records.append(record)
    return records


def node_records(records: list[DesiredIngestion]) -> list[Node]:
    return [r.source for r in records if not r.relationships]


def relationship_records(records: list[DesiredIngestion]) -> list[RelationshipWithNodes]:
    return [rel for r in records for rel in r.relationships]


async def test_compute_id_ranges():
    assert compute_id_ranges(0, None, None, 10) == []
    assert compute_id_ranges(5, 3, 9, None) == [IdRange(3, 10)]
    assert compute_id_ranges(5, 0, 4, 2) == [IdRange(0, 2), IdRange(2, 4), IdRange(4, 5)]
    ranges = compute_id_ranges(1000, 0, 99_999, 100)
    assert len(ranges) == 10 and ranges[0].lo == 0 and ranges[-1].hi == 100_000
    assert all(a.hi == b.lo for a, b in zip(ranges, ranges[1:]))


async def test_histogram_counts_schema_types(database):
    await seed(database)
    retriever = SmithTypeRetriever(database, schema=make_schema())

    histogram = await retriever.build_histogram()

    assert histogram.node_counts == {"Person": 3, "Company": 1}
    # KNOWS from the Other node is not along a schema adjacency.
    assert histogram.relationship_counts == {"WORKS_AT": 3, "KNOWS": 2}


async def test_extractor_records_split_keys_per_schema(database):
    await seed(database)
    retriever = SmithTypeRetriever(database, schema=make_schema())
    await retriever.build_histogram()

    records = await drain(retriever)

    nodes = {n.key_values["id"]: n for n in node_records(records)}
    assert set(nodes) == {"a", "b", "c", "acme"}
    ada = nodes["a"]
    assert ada.type == "Person"
    assert dict(ada.key_values) == {"id": "a"}
    assert dict(ada.properties) == {"name": "Ada", "last_ingested_at": NOW}
    assert ada.additional_types == ("Employee",)
    acme = nodes["acme"]
    assert dict(acme.key_values) == {"id": "acme", "country": "UK"}
    assert dict(acme.properties) == {"name": "Acme"}
    assert all(r.source_node_creation_rule == NodeCreationRule.EAGER for r in records)

    rels = relationship_records(records)
    works = sorted(
        (r for r in rels if r.relationship.type == "WORKS_AT"),
        key=lambda r: (r.from_node.key_values["id"], r.relationship.key_values["role"]),
    )
    assert [
        (
            w.from_node.key_values["id"],
            dict(w.relationship.key_values),
            w.relationship.properties["since"],
        )
        for w in works
    ] == [("a", {"role": "dev"}, 2020), ("a", {"role": "lead"}, 2022), ("b", {"role": "dev"}, 2021)]
    first = works[0]
    assert first.from_node.type == "Person" and first.to_node.type == "Company"
    assert dict(first.to_node.key_values) == {"id": "acme", "country": "UK"}
    assert dict(first.to_node.properties) == {"name": "Acme"}
    assert first.from_node.additional_types == ("Employee",)
    assert "role" not in first.relationship.properties
    assert first.from_side_node_creation_rule == NodeCreationRule.EAGER
    assert first.to_side_node_creation_rule == NodeCreationRule.EAGER
    assert first.relationship_creation_rule == RelationshipCreationRule.EAGER
    knows = sorted(
        (r.from_node.key_values["id"], r.to_node.key_values["id"], dict(r.relationship.properties))
        for r in rels
        if r.relationship.type == "KNOWS"
    )
    assert knows == [("a", "b", {"weight": 1}), ("b", "c", {"weight": 2})]
    assert len(records) == 4 + 3 + 2


async def test_order_relationships_first_then_nodes_and_options(database):
    await seed(database)

    async def kinds(**options: t.Any) -> list[str]:
        retriever = SmithTypeRetriever(database, schema=make_schema(), **options)
        await retriever.build_histogram()
        return [
            "node" if isinstance(e, SmithNodeShardExtractor) else "rel"
            async for e in retriever.fetch_extractors()
        ]

    assert await kinds() == ["rel", "rel", "node", "node"]
    assert await kinds(preload_nodes=True) == ["node", "node", "rel", "rel"]
    assert await kinds(relationships_only=True) == ["rel", "rel"]
    assert await kinds(relationships_only=True, preload_nodes=True) == ["rel", "rel"]


async def test_shards_cover_every_object_once(database):
    await database.execute(
        "UNWIND range(1, 23) AS i CREATE (:Person {id: toString(i), name: 'p' + i})"
    )
    await database.execute(
        "MATCH (a:Person), (b:Person) WHERE toInteger(a.id) + 1 = toInteger(b.id) "
        "CREATE (a)-[:KNOWS {weight: toInteger(a.id)}]->(b)"
    )
    retriever = SmithTypeRetriever(database, schema=make_schema(), shard_size=5)
    histogram = await retriever.build_histogram()
    assert histogram.node_counts["Person"] == 23
    assert histogram.relationship_counts["KNOWS"] == 22

    extractors = [e async for e in retriever.fetch_extractors()]
    node_shards = [e for e in extractors if isinstance(e, SmithNodeShardExtractor)]
    rel_shards = [e for e in extractors if isinstance(e, SmithRelationshipShardExtractor)]
    assert len(node_shards) == 5 and len(rel_shards) == 5

    records = await drain(retriever)
    ids = sorted(int(n.key_values["id"]) for n in node_records(records))
    assert ids == list(range(1, 24))
    weights = sorted(r.relationship.properties["weight"] for r in relationship_records(records))
    assert weights == list(range(1, 23))


async def test_distribution_round_robin_interleaves_types(database):
    await database.execute(
        "UNWIND range(1, 6) AS i CREATE (:Person {id: i}), (:Company {id: i, country: 'x'})"
    )
    schema = make_schema()

    async def order(distribution: str) -> list[str]:
        retriever = SmithTypeRetriever(
            database, schema=schema, shard_size=2, distribution=distribution, preload_nodes=True
        )
        await retriever.build_histogram()
        return [e.node_type async for e in retriever.fetch_extractors()]

    assert await order("sequential") == ["Person"] * 3 + ["Company"] * 3
    assert await order("round_robin") == ["Person", "Company"] * 3


async def test_sample_ratio_applies_to_relationships_only(database):
    await database.execute("UNWIND range(1, 40) AS i CREATE (:Person {id: i})")
    await database.execute(
        "MATCH (a:Person), (b:Person) WHERE a.id + 1 = b.id CREATE (a)-[:KNOWS]->(b)"
    )
    ids = [row["i"] for row in await database.execute("MATCH ()-[r:KNOWS]->() RETURN id(r) AS i")]
    retriever = SmithTypeRetriever(database, schema=make_schema(), sample_ratio=3)

    histogram = await retriever.build_histogram()
    records = await drain(retriever)

    expected = sum(1 for i in ids if i % 3 == 0)
    assert 0 < expected < len(ids)
    assert histogram.relationship_counts["KNOWS"] == expected
    assert len(relationship_records(records)) == expected
    assert len(node_records(records)) == 40


async def test_latest_hours_filters_on_last_ingested_at(database):
    await seed(database)
    retriever = SmithTypeRetriever(database, schema=make_schema(), latest_hours=24)

    histogram = await retriever.build_histogram()
    records = await drain(retriever)

    assert histogram.node_counts == {"Person": 2, "Company": 0}  # Company has no timestamp
    assert sorted(n.key_values["id"] for n in node_records(records)) == ["a", "c"]
    assert sorted(
        (r.from_node.key_values["id"], r.relationship.key_values["role"])
        for r in relationship_records(records)
    ) == [("a", "dev"), ("b", "dev")]


async def test_options_validation(database):
    with pytest.warns(UserWarning, match="limit"):
        SmithTypeRetriever(database, schema=make_schema(), limit=10)
    with pytest.raises(ValueError, match="distribution"):
        SmithTypeRetriever(database, schema=make_schema(), distribution="random")
    with pytest.raises(ValueError, match="shard_size"):
        SmithTypeRetriever(database, schema=make_schema(), shard_size=0)
    retriever = SmithTypeRetriever(database, schema=make_schema())
    with pytest.raises(RuntimeError, match="build_histogram"):
        await drain(retriever)


async def test_empty_database_and_no_schema(database):
    retriever = SmithTypeRetriever(database)
    histogram = await retriever.build_histogram()
    assert histogram.node_counts == {} and histogram.relationship_counts == {}
    assert await drain(retriever) == []

    retriever = SmithTypeRetriever(database, schema=make_schema())
    histogram = await retriever.build_histogram()
    assert histogram.node_counts == {"Person": 0, "Company": 0}
    assert await drain(retriever) == []


class CountingDatabase:
    """Wraps a SmithDatabase and counts the streamed queries."""

    def __init__(self, database: SmithDatabase) -> None:
        self.database = database
        self.streams: list[dict[str, t.Any]] = []

    async def execute(self, *args: t.Any, **kwargs: t.Any):
        return await self.database.execute(*args, **kwargs)

    async def stream(self, query: str, parameters: dict[str, t.Any]):
        self.streams.append(parameters)
        async for row in self.database.stream(query, parameters):
            yield row


async def test_get_nodes_of_type_pages_through_the_type(database):
    await database.execute(
        "UNWIND range(1, 10) AS i CREATE (:Person {id: i, name: 'p' + i})"
    )
    counting = CountingDatabase(database)
    retriever = SmithTypeRetriever(counting, schema=make_schema(), shard_size=3)

    found = [node async for node in retriever.get_nodes_of_type("Person")]

    assert sorted(n.key_values["id"] for n in found) == list(range(1, 11))
    assert all(n.type == "Person" and set(n.properties) == {"name"} for n in found)
    assert len(counting.streams) == 4  # ceil(10 / 3) id-range pages
    assert all({"lo", "hi"} <= set(page) for page in counting.streams)


async def test_get_relationships_of_type(database):
    await seed(database)
    retriever = SmithTypeRetriever(database, schema=make_schema())

    works = [r async for r in retriever.get_relationships_of_type("WORKS_AT")]
    pairs = sorted((r.from_node.key_values["id"], r.relationship.key_values["role"]) for r in works)
    assert pairs == [
        ("a", "dev"),
        ("a", "lead"),
        ("b", "dev"),
    ]
    assert all(r.to_node.type == "Company" for r in works)

    # Without a schema, end node types come from labels.
    bare = SmithTypeRetriever(database)
    knows = [r async for r in bare.get_relationships_of_type("KNOWS")]
    assert sorted((r.from_node.type, r.to_node.type) for r in knows) == [
        ("Employee", "Person"),
        ("Other", "Employee"),
        ("Person", "Person"),
    ]
    assert all(r.from_node.properties.get("id") is not None for r in knows)


async def test_records_reingest_into_another_database(tmp_path, database):
    await seed(database)
    target = SmithDatabase.open(tmp_path / "target", sync_commit=False)
    try:
        retriever = SmithTypeRetriever(database, schema=make_schema(), shard_size=2)
        await retriever.build_histogram()
        strategy = DebouncedIngestStrategy(SmithQueryExecutor(target))
        for record in await drain(retriever):
            await record.ingest(strategy)
        await strategy.flush()

        async def dump(db: SmithDatabase) -> tuple[list, list]:
            nodes = await db.execute(
                "MATCH (n) WHERE NOT n:Other RETURN labels(n) AS l, properties(n) AS p"
            )
            rels = await db.execute(
                "MATCH (a)-[r]->(b) WHERE NOT a:Other RETURN a.id AS a, type(r) AS t, "
                "properties(r) AS p, b.id AS b"
            )
            key = repr
            return (
                sorted(({"l": sorted(n["l"]), "p": n["p"]} for n in nodes), key=key),
                sorted(rels, key=key),
            )

        assert await dump(target) == await dump(database)
    finally:
        target.close()
