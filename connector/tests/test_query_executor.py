"""The query executor against a real smith database, in process (graph asserted with Cypher)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pandas as pd
import pytest
from nodestream.databases.query_executor import (
    OperationOnNodeIdentity,
    OperationOnRelationshipIdentity,
)
from nodestream.model import (
    IngestionHook,
    Node,
    NodeCreationRule,
    NodeIdentityShape,
    Relationship,
    RelationshipCreationRule,
    RelationshipIdentityShape,
    RelationshipWithNodes,
    TimeToLiveConfiguration,
)
from nodestream.schema import GraphObjectType

from nodestream_plugin_smith.query_executor import SmithIngestError, SmithQueryExecutor

EAGER = NodeCreationRule.EAGER
MATCH_ONLY = NodeCreationRule.MATCH_ONLY
FUZZY = NodeCreationRule.FUZZY


def node_op(type_, rule, keys=("id",), additional=()):
    return OperationOnNodeIdentity(NodeIdentityShape(type_, tuple(keys), tuple(additional)), rule)


def rel_op(rel_type, from_type, to_type, rule=RelationshipCreationRule.EAGER, keys=(),
           from_rule=MATCH_ONLY, to_rule=MATCH_ONLY):
    return OperationOnRelationshipIdentity(
        node_op(from_type, from_rule), node_op(to_type, to_rule),
        RelationshipIdentityShape(rel_type, tuple(keys)), rule,
    )


def rel(from_id, to_id, rel_type="KNOWS", keys=None, props=None, from_type="Person",
        to_type="Person"):
    return RelationshipWithNodes(
        Node(from_type, {"id": from_id}), Node(to_type, {"id": to_id}),
        Relationship(rel_type, keys or {}, props if props is not None else {}),
    )


async def rows(database, query, **parameters):
    return await database.execute(query, parameters, plain=True)


@pytest.fixture
def executor(database):
    return SmithQueryExecutor(database)


async def people(executor, *ids, additional=(), props=None):
    await executor.upsert_nodes_in_bulk_with_same_operation(
        node_op("Person", EAGER, additional=additional),
        [Node("Person", {"id": i}, dict(props or {"name": f"n{i}"}), additional) for i in ids],
    )


async def test_eager_creates_then_merges_properties(executor, database):
    await people(executor, "a", "b")
    op = node_op("Person", EAGER)
    await executor.upsert_nodes_in_bulk_with_same_operation(
        op, [Node("Person", {"id": "a"}, {"age": 3, "name": None})]
    )
    got = await rows(database, "MATCH (n:Person) RETURN n.id AS id, properties(n) AS p ORDER BY id")
    assert got == [
        {"id": "a", "p": {"id": "a", "age": 3}},  # name removed by None, age added
        {"id": "b", "p": {"id": "b", "name": "nb"}},
    ]


async def test_eager_merges_on_all_keys_and_primary_label(executor, database):
    op = node_op("Account", EAGER, keys=("id", "bank"))
    await executor.upsert_nodes_in_bulk_with_same_operation(op, [
        Node("Account", {"id": 1, "bank": "x"}, {}),
        Node("Account", {"id": 1, "bank": "y"}, {}),
    ])
    await executor.upsert_nodes_in_bulk_with_same_operation(op, [
        Node("Account", {"id": 1, "bank": "x"}, {"v": 1}),
    ])
    await database.execute("CREATE (:Other {id: 1, bank: 'x'})")
    got = await rows(database, "MATCH (n:Account) RETURN n.bank AS bank, n.v AS v ORDER BY bank")
    assert got == [{"bank": "x", "v": 1}, {"bank": "y", "v": None}]


async def test_additional_labels_added_never_removed(executor, database):
    await people(executor, "a", additional=("Employee",))
    await people(executor, "a", additional=("Manager",))
    await people(executor, "a")
    got = await rows(database, "MATCH (n:Person) RETURN labels(n) AS labels")
    assert len(got) == 1
    assert sorted(got[0]["labels"]) == ["Employee", "Manager", "Person"]


async def test_match_only_updates_existing_and_creates_nothing(executor, database):
    await people(executor, "a")
    await executor.upsert_nodes_in_bulk_with_same_operation(
        node_op("Person", MATCH_ONLY, additional=("Seen",)),
        [Node("Person", {"id": "a"}, {"x": 1}, ("Seen",)),
         Node("Person", {"id": "zz"}, {"x": 2}, ("Seen",))],
    )
    got = await rows(database, "MATCH (n) RETURN n.id AS id, n.x AS x, labels(n) AS l")
    assert got == [{"id": "a", "x": 1, "l": ["Person", "Seen"]}]


async def test_fuzzy_is_a_full_string_regex_and_updates_every_match(executor, database):
    await people(executor, "alpha", "alps", "xalpha")
    await executor.upsert_nodes_in_bulk_with_same_operation(
        node_op("Person", FUZZY), [Node("Person", {"id": "alp.*"}, {"hit": True})]
    )
    got = await rows(database, "MATCH (n:Person) RETURN n.id AS id, n.hit AS hit ORDER BY id")
    assert got == [
        {"id": "alpha", "hit": True}, {"id": "alps", "hit": True}, {"id": "xalpha", "hit": None}
    ]
    await executor.upsert_nodes_in_bulk_with_same_operation(
        node_op("Person", FUZZY), [Node("Person", {"id": "alp"}, {"partial": True})]
    )
    assert await rows(database, "MATCH (n:Person) WHERE n.partial RETURN n.id AS id") == []


async def test_values_round_trip(executor, database):
    ts = pd.Timestamp("2024-01-02T03:04:05.123456789Z")
    await people(executor, "a", props={
        "ts": ts, "flag": True, "n": 2**62, "f": 1.5, "s": "", "l": [1, 2], "b": b"\x00\x01",
        "last_ingested_by_my-pipe_at": ts,
    })
    got = await database.execute("MATCH (n:Person) RETURN properties(n) AS p")
    p = got[0]["p"]
    assert p["ts"] == ts and p["last_ingested_by_my-pipe_at"] == ts
    assert (p["flag"], p["n"], p["f"], p["s"], p["l"], p["b"]) == (True, 2**62, 1.5, "", [1, 2],
                                                                   b"\x00\x01")


async def test_map_property_is_refused_with_a_clear_error(executor, database):
    with pytest.raises(SmithIngestError, match="nested.*map cannot be stored"):
        await people(executor, "a", props={"nested": {"k": 1}})
    assert await rows(database, "MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


async def test_relationship_eager_one_per_ordered_pair(executor, database):
    await people(executor, "a", "b")
    op = rel_op("KNOWS", "Person", "Person")
    await executor.upsert_relationships_in_bulk_of_same_operation(
        op, [rel("a", "b", props={"w": 1}), rel("b", "a", props={"w": 2})]
    )
    await executor.upsert_relationships_in_bulk_of_same_operation(
        op, [rel("a", "b", props={"w": 3, "x": "y"})]
    )
    got = await rows(database, "MATCH (x)-[r:KNOWS]->(y) RETURN x.id AS f, y.id AS t, "
                               "properties(r) AS p ORDER BY f")
    assert got == [{"f": "a", "t": "b", "p": {"w": 3, "x": "y"}},
                   {"f": "b", "t": "a", "p": {"w": 2}}]


@pytest.mark.parametrize("rule", [RelationshipCreationRule.EAGER,
                                  RelationshipCreationRule.MERGE_KEY])
async def test_relationship_keys_merge_one_per_key(executor, database, rule):
    await people(executor, "a", "b")
    op = rel_op("KNOWS", "Person", "Person", rule=rule, keys=("since",))
    batch = [rel("a", "b", keys={"since": 2001}, props={"w": 1}),
             rel("a", "b", keys={"since": 2002}, props={"w": 2})]
    await executor.upsert_relationships_in_bulk_of_same_operation(op, batch)
    await executor.upsert_relationships_in_bulk_of_same_operation(
        op, [rel("a", "b", keys={"since": 2001}, props={"w": 5})]
    )
    got = await rows(database, "MATCH ()-[r:KNOWS]->() RETURN r.since AS since, r.w AS w "
                               "ORDER BY since")
    assert got == [{"since": 2001, "w": 5}, {"since": 2002, "w": 2}]


async def test_relationship_create_always_creates(executor, database):
    await people(executor, "a", "b")
    op = rel_op("VISITED", "Person", "Person", rule=RelationshipCreationRule.CREATE)
    for day in (1, 2):
        await executor.upsert_relationships_in_bulk_of_same_operation(
            op, [rel("a", "b", "VISITED", props={"day": day})]
        )
    got = await rows(database, "MATCH (:Person {id: 'a'})-[r:VISITED]->(:Person {id: 'b'}) "
                               "RETURN r.day AS day ORDER BY day")
    assert got == [{"day": 1}, {"day": 2}]


async def test_relationship_with_missing_endpoint_creates_nothing(executor, database):
    await people(executor, "a")
    await executor.upsert_relationships_in_bulk_of_same_operation(
        rel_op("KNOWS", "Person", "Person"), [rel("a", "ghost"), rel("ghost", "a")]
    )
    assert await rows(database, "MATCH (n) RETURN n.id AS id") == [{"id": "a"}]
    assert await rows(database, "MATCH ()-[r]->() RETURN count(r) AS c") == [{"c": 0}]


async def test_relationship_endpoints_matched_by_primary_label_only(executor, database):
    await people(executor, "a", "b", additional=("Employee",))
    await database.execute("CREATE (:Robot {id: 'a'})")
    await executor.upsert_relationships_in_bulk_of_same_operation(
        rel_op("KNOWS", "Person", "Person"), [rel("a", "b")]
    )
    got = await rows(database, "MATCH (x)-[:KNOWS]->(y) RETURN labels(x) AS l, y.id AS t")
    assert len(got) == 1 and "Person" in got[0]["l"] and got[0]["t"] == "b"


async def test_relationship_fuzzy_endpoint_links_every_match(executor, database):
    await people(executor, "a1", "a2", "b")
    op = rel_op("KNOWS", "Person", "Person", to_rule=FUZZY)
    await executor.upsert_relationships_in_bulk_of_same_operation(op, [rel("b", "a[0-9]")])
    got = await rows(database, "MATCH (:Person {id: 'b'})-[:KNOWS]->(y) RETURN y.id AS id "
                               "ORDER BY id")
    assert got == [{"id": "a1"}, {"id": "a2"}]


async def test_failed_batch_names_operation_and_type_and_leaves_nothing(executor, database):
    from decimal import Decimal
    with pytest.raises(SmithIngestError) as info:
        await executor.upsert_nodes_in_bulk_with_same_operation(
            node_op("Person", EAGER),
            [Node("Person", {"id": "ok"}, {}), Node("Person", {"id": "bad"}, {"d": Decimal(1)})],
        )
    message = str(info.value)
    assert "upsert of 2 node(s) of type 'Person' (EAGER)" in message
    assert "Decimal" in message
    assert await rows(database, "MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


async def test_failed_statement_in_engine_is_atomic(executor, database):
    await database.execute("CREATE CONSTRAINT person_name FOR (p:Person) REQUIRE p.name IS UNIQUE")
    await people(executor, "a", props={"name": "taken"})
    with pytest.raises(SmithIngestError) as info:
        await executor.upsert_nodes_in_bulk_with_same_operation(
            node_op("Person", EAGER),
            [Node("Person", {"id": "b"}, {"name": "free"}),
             Node("Person", {"id": "c"}, {"name": "taken"})],
        )
    assert "ConstraintError" in str(info.value)
    assert await rows(database, "MATCH (n:Person) RETURN n.id AS id") == [{"id": "a"}]


async def test_concurrent_batches(executor, database):
    await database.execute("CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS UNIQUE")
    op = node_op("Person", EAGER)
    batches = [[Node("Person", {"id": i % 150}, {f"b{b}": b}) for i in range(b * 50, b * 50 + 100)]
               for b in range(8)]
    await asyncio.gather(*(executor.upsert_nodes_in_bulk_with_same_operation(op, batch)
                           for batch in batches))
    rop = rel_op("NEXT", "Person", "Person")
    rel_batches = [[rel(i, (i + 1) % 150, "NEXT", props={"b": b}) for i in range(150)]
                   for b in range(6)]
    await asyncio.gather(*(executor.upsert_relationships_in_bulk_of_same_operation(rop, batch)
                           for batch in rel_batches))
    assert await rows(database, "MATCH (n:Person) RETURN count(n) AS c, "
                                "count(DISTINCT n.id) AS d") == [{"c": 150, "d": 150}]
    assert await rows(database, "MATCH ()-[r:NEXT]->() RETURN count(r) AS c") == [{"c": 150}]
    # Node 0 is in batches 0 and 2 (ids 0..99 and 100..199 % 150): both property sets merged.
    got = await rows(database, "MATCH (n:Person {id: 0}) RETURN n.b0 AS b0, n.b2 AS b2")
    assert got == [{"b0": 0, "b2": 2}]


async def test_concurrent_buckets_of_different_types_on_a_fresh_database(tmp_path):
    # As nodestream flushes: one coroutine per bucket, all at once, into a new database.
    from nodestream_plugin_smith.database import SmithDatabase

    for attempt in range(5):
        database = SmithDatabase.open(tmp_path / f"graph{attempt}", sync_commit=False)
        try:
            executor = SmithQueryExecutor(database)
            sizes = {"A": 4, "B": 2, "C": 3, "D": 5}
            await asyncio.gather(*(
                executor.upsert_nodes_in_bulk_with_same_operation(
                    node_op(label, EAGER), [Node(label, {"id": i}, {}) for i in range(n)])
                for label, n in sizes.items()
            ))
            got = await rows(database, "MATCH (n) RETURN labels(n)[0] AS l, count(*) AS c "
                                       "ORDER BY l")
            assert got == [{"l": label, "c": n} for label, n in sizes.items()], attempt
        finally:
            database.close()


def ttl(kind, object_type, hours=0, **kwargs):
    return TimeToLiveConfiguration(GraphObjectType(kind), object_type, hours, **kwargs)


async def test_ttl_nodes_detach_deleted_in_chunks(executor, database):
    old = pd.Timestamp.utcnow() - pd.Timedelta(hours=48)
    new = pd.Timestamp.utcnow()
    await people(executor, *[f"o{i}" for i in range(7)], props={"last_ingested_at": old})
    await people(executor, "fresh", props={"last_ingested_at": new})
    await people(executor, "unstamped", props={"name": "x"})
    await database.execute("CREATE (:Other {last_ingested_at: $t})", {"t": old})
    await executor.upsert_relationships_in_bulk_of_same_operation(
        rel_op("KNOWS", "Person", "Person"), [rel("o1", "fresh"), rel("fresh", "unstamped")]
    )
    await executor.perform_ttl_op(ttl("NODE", "Person", 24, batch_size=3))
    got = await rows(database, "MATCH (n) RETURN coalesce(n.id, 'other') AS id ORDER BY id")
    assert got == [{"id": "fresh"}, {"id": "other"}, {"id": "unstamped"}]
    got = await rows(database, "MATCH (x)-[r]->(y) RETURN x.id AS f, y.id AS t")
    assert got == [{"f": "fresh", "t": "unstamped"}]


async def test_ttl_relationships(executor, database):
    old = pd.Timestamp.utcnow() - pd.Timedelta(hours=5)
    await people(executor, "a", "b", "c")
    op = rel_op("KNOWS", "Person", "Person")
    await executor.upsert_relationships_in_bulk_of_same_operation(
        op, [rel("a", "b", props={"last_ingested_at": old}),
             rel("b", "c", props={"last_ingested_at": pd.Timestamp.utcnow()}),
             rel("c", "a", props={"w": 1})]
    )
    await executor.upsert_relationships_in_bulk_of_same_operation(
        rel_op("LIKES", "Person", "Person"),
        [rel("a", "c", "LIKES", props={"last_ingested_at": old})],
    )
    await executor.perform_ttl_op(ttl("RELATIONSHIP", "KNOWS", 2, batch_size=1))
    got = await rows(database, "MATCH (x)-[r]->(y) RETURN x.id + '-' + type(r) + '-' + y.id AS e "
                               "ORDER BY e")
    assert got == [{"e": "a-LIKES-c"}, {"e": "b-KNOWS-c"}, {"e": "c-KNOWS-a"}]
    assert await rows(database, "MATCH (n) RETURN count(n) AS c") == [{"c": 3}]


async def test_ttl_custom_query(executor, database):
    old = pd.Timestamp.utcnow() - pd.Timedelta(hours=5)
    await people(executor, "keep", "drop1", "drop2", props={"last_ingested_at": old})
    custom = ("MATCH (n:Person) WHERE n.last_ingested_at <= $earliest_allowed_time "
              "AND n.id STARTS WITH 'drop' RETURN id(n) AS id")
    await executor.perform_ttl_op(ttl("NODE", "Person", 1, custom_query=custom, batch_size=1))
    assert await rows(database, "MATCH (n) RETURN n.id AS id") == [{"id": "keep"}]


async def test_ttl_custom_query_errors(executor, database):
    await people(executor, "a")
    with pytest.raises(SmithIngestError, match="column named 'id'"):
        await executor.perform_ttl_op(
            ttl("NODE", "Person", custom_query="MATCH (n) RETURN id(n) AS node_id")
        )
    with pytest.raises(SmithIngestError, match="custom_query failed"):
        await executor.perform_ttl_op(ttl("NODE", "Person", custom_query="MATCH (n RETURN n"))
    with pytest.raises(ValueError, match="expiry_in_hours"):
        await executor.perform_ttl_op(ttl("NODE", "Person", None))
    assert await rows(database, "MATCH (n) RETURN count(n) AS c") == [{"c": 1}]


@dataclass
class Hook(IngestionHook):
    query: str
    parameters: dict

    def as_cypher_query_and_parameters(self):
        return self.query, self.parameters


async def test_hook_runs_query_with_parameters(executor, database):
    await people(executor, "a", "b")
    await executor.execute_hook(Hook(
        "MATCH (x:Person {id: $from}), (y:Person {id: $to}) CREATE (x)-[:HOOKED]->(y)",
        {"from": "a", "to": "b"},
    ))
    assert await rows(database, "MATCH (x)-[:HOOKED]->(y) RETURN x.id AS f, y.id AS t") == [
        {"f": "a", "t": "b"}
    ]


async def test_invalid_hook_raises_clear_error(executor, database):
    with pytest.raises(SmithIngestError, match="ingestion hook Hook failed: CypherSyntaxError"):
        await executor.execute_hook(Hook("CREATE (:X) CREAT (:Y)", {}))
    with pytest.raises(SmithIngestError, match="ingestion hook Hook failed"):
        await executor.execute_hook(Hook("CREATE (:X {v: 1 / $zero})", {"zero": 0}))
    assert await rows(database, "MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


async def test_finish_keeps_shared_engine_open(executor, database):
    await executor.finish()
    await people(executor, "a")
    assert await rows(database, "MATCH (n) RETURN count(n) AS c") == [{"c": 1}]
