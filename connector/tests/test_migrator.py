"""SmithMigrator against temporary smith databases: each of the 20 operations, atomicity,
bookkeeping and the migration lock. Graph contents and SHOW CONSTRAINTS / SHOW INDEXES are
checked with Cypher."""

from __future__ import annotations

import os
import typing as t

import pytest
from nodestream.schema.migrations import Migration, MigrationGraph
from nodestream.schema.migrations.migrator import OperationTypeNotSupportedError
from nodestream.schema.migrations.operations import (
    AddAdditionalNodePropertyIndex,
    AddAdditionalRelationshipPropertyIndex,
    AddNodeProperty,
    AddRelationshipProperty,
    CreateNodeType,
    CreateRelationshipType,
    DropAdditionalNodePropertyIndex,
    DropAdditionalRelationshipPropertyIndex,
    DropNodeProperty,
    DropNodeType,
    DropRelationshipProperty,
    DropRelationshipType,
    NodeKeyExtended,
    NodeKeyPartRenamed,
    Operation,
    RelationshipKeyExtended,
    RelationshipKeyPartRenamed,
    RenameNodeProperty,
    RenameNodeType,
    RenameRelationshipProperty,
    RenameRelationshipType,
)
from smith.exceptions import ClientError, ConstraintError

from nodestream_plugin_smith.migrator import (
    LOCK_LABEL,
    MIGRATION_LABEL,
    MigrationLockError,
    SmithMigrator,
)


# -- helpers ---------------------------------------------------------------------------------------


async def cypher(database, query: str, **parameters: t.Any) -> list[dict[str, t.Any]]:
    return await database.execute(query, parameters)


async def constraints(database) -> dict[str, dict[str, t.Any]]:
    rows = await cypher(
        database,
        "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
        "RETURN name, type, entityType, labelsOrTypes, properties",
    )
    return {row.pop("name"): row for row in rows}


async def indexes(database) -> dict[str, dict[str, t.Any]]:
    rows = await cypher(
        database,
        "SHOW INDEXES YIELD name, entityType, labelsOrTypes, properties, owningConstraint "
        "RETURN name, entityType, labelsOrTypes, properties, owningConstraint",
    )
    return {row.pop("name"): row for row in rows}


async def user_constraints(database) -> dict[str, dict[str, t.Any]]:
    return {k: v for k, v in (await constraints(database)).items() if not k.startswith("__")}


async def user_indexes(database) -> dict[str, dict[str, t.Any]]:
    return {k: v for k, v in (await indexes(database)).items() if not k.startswith("__")}


async def nodes(database, label: str) -> list[dict[str, t.Any]]:
    rows = await cypher(
        database,
        f"MATCH (n:`{label}`) RETURN properties(n) AS p, labels(n) AS l ORDER BY id(n)",
    )
    return [dict(row["p"], _labels=sorted(row["l"])) for row in rows]


async def relationships(database, rel_type: str) -> list[tuple[t.Any, dict, t.Any]]:
    rows = await cypher(
        database,
        f"MATCH (a)-[r:`{rel_type}`]->(b) "
        "RETURN a.id AS src, properties(r) AS p, b.id AS dst ORDER BY src, dst",
    )
    return [(row["src"], row["p"], row["dst"]) for row in rows]


def migration(name: str, *operations: Operation, dependencies=()) -> Migration:
    return Migration(name=name, operations=list(operations), dependencies=list(dependencies))


async def apply(database, *operations: Operation, name: str = "m") -> SmithMigrator:
    migrator = SmithMigrator(database)
    await migrator.execute_migration(migration(name, *operations))
    return migrator


async def seed_people(database) -> None:
    """Two Person nodes (one also Employee), a Company and WORKS_AT / KNOWS relationships."""
    await cypher(
        database,
        "CREATE (a:Person:Employee {id: 'a', name: 'Ada', age: 36}), "
        "(b:Person {id: 'b', name: 'Bob'}), (c:Company {id: 'c', name: 'Acme'}), "
        "(a)-[:WORKS_AT {since: 2020, role: 'dev'}]->(c), (b)-[:WORKS_AT {since: 2021}]->(c), "
        "(a)-[:KNOWS {weight: 1}]->(b)",
    )


# -- the 20 operations -----------------------------------------------------------------------------


async def test_create_node_type_makes_a_node_key_constraint(database):
    await apply(database, CreateNodeType("Person", ["org", "id"], ["name"]))

    assert (await user_constraints(database)) == {
        "Person_node_key": {
            "type": "NODE_KEY",
            "entityType": "NODE",
            "labelsOrTypes": ["Person"],
            "properties": ["id", "org"],
        }
    }
    await cypher(database, "CREATE (:Person {id: 1, org: 'x'})")
    with pytest.raises(ConstraintError):
        await cypher(database, "CREATE (:Person {id: 1, org: 'x'})")
    with pytest.raises(ConstraintError):
        await cypher(database, "CREATE (:Person {id: 2})")  # a node key property is missing


async def test_create_node_type_unique_mode_and_without_keys(database):
    migrator = SmithMigrator(database, use_node_key_constraints=False)
    await migrator.execute_migration(
        migration("m", CreateNodeType("Person", ["id"], []), CreateNodeType("Tag", [], ["x"]))
    )

    found = await user_constraints(database)
    assert list(found) == ["Person_node_key"]
    assert found["Person_node_key"]["type"] == "UNIQUENESS"
    await cypher(database, "CREATE (:Person {name: 'no key'})")  # allowed by IS UNIQUE


async def test_create_relationship_type_changes_no_schema(database):
    await seed_people(database)
    await apply(database, CreateRelationshipType("WORKS_AT", {"role"}, {"since"}))

    assert await user_constraints(database) == {}
    assert await user_indexes(database) == {}
    assert len(await relationships(database, "WORKS_AT")) == 2


async def test_drop_node_type_deletes_nodes_relationships_constraint_and_indexes(database):
    await seed_people(database)
    await apply(
        database,
        CreateNodeType("Person", ["id"], []),
        CreateNodeType("Company", ["id"], []),
        AddAdditionalNodePropertyIndex("Person", "name"),
        AddAdditionalNodePropertyIndex("Company", "name"),
        name="setup",
    )

    await apply(database, DropNodeType("Person"))

    assert await nodes(database, "Person") == []
    assert await nodes(database, "Employee") == []
    assert [n["id"] for n in await nodes(database, "Company")] == ["c"]
    assert await relationships(database, "WORKS_AT") == []
    assert await relationships(database, "KNOWS") == []
    assert set(await user_constraints(database)) == {"Company_node_key"}
    assert set(await user_indexes(database)) == {
        "Company_node_key",
        "Company_name_additional_index",
    }


async def test_drop_relationship_type_deletes_relationships_and_indexes(database):
    await seed_people(database)
    await apply(
        database,
        AddAdditionalRelationshipPropertyIndex("WORKS_AT", "since"),
        AddAdditionalRelationshipPropertyIndex("KNOWS", "weight"),
        name="setup",
    )

    await apply(database, DropRelationshipType("WORKS_AT"))

    assert await relationships(database, "WORKS_AT") == []
    assert await relationships(database, "KNOWS") == [("a", {"weight": 1}, "b")]
    assert len(await nodes(database, "Person")) == 2
    assert set(await user_indexes(database)) == {"KNOWS_weight_additional_index"}


async def test_rename_node_type_relabels_and_moves_constraint_and_indexes(database):
    await seed_people(database)
    await apply(
        database,
        CreateNodeType("Person", ["id"], ["name"]),
        AddAdditionalNodePropertyIndex("Person", "name"),
        AddAdditionalNodePropertyIndex("Person", "age"),
        name="setup",
    )

    await apply(database, RenameNodeType("Person", "Human"))

    assert await nodes(database, "Person") == []
    humans = await nodes(database, "Human")
    assert [(h["id"], h["_labels"]) for h in humans] == [
        ("a", ["Employee", "Human"]),
        ("b", ["Human"]),
    ]
    assert humans[0]["name"] == "Ada" and humans[0]["age"] == 36
    found = await user_constraints(database)
    assert list(found) == ["Human_node_key"]
    assert found["Human_node_key"]["labelsOrTypes"] == ["Human"]
    assert found["Human_node_key"]["properties"] == ["id"]
    idx = await user_indexes(database)
    assert set(idx) == {
        "Human_node_key",
        "Human_name_additional_index",
        "Human_age_additional_index",
    }
    assert idx["Human_age_additional_index"]["labelsOrTypes"] == ["Human"]
    assert len(await relationships(database, "WORKS_AT")) == 2  # relationships kept


async def test_rename_relationship_type_keeps_ends_properties_and_indexes(database):
    await seed_people(database)
    await apply(database, AddAdditionalRelationshipPropertyIndex("WORKS_AT", "since"), name="s")

    await apply(database, RenameRelationshipType("WORKS_AT", "EMPLOYED_BY"))

    assert await relationships(database, "WORKS_AT") == []
    assert await relationships(database, "EMPLOYED_BY") == [
        ("a", {"since": 2020, "role": "dev"}, "c"),
        ("b", {"since": 2021}, "c"),
    ]
    idx = await user_indexes(database)
    assert set(idx) == {"EMPLOYED_BY_since_additional_index"}
    assert idx["EMPLOYED_BY_since_additional_index"]["entityType"] == "RELATIONSHIP"
    assert idx["EMPLOYED_BY_since_additional_index"]["labelsOrTypes"] == ["EMPLOYED_BY"]


async def test_add_node_property_applies_default_to_existing_nodes(database):
    await seed_people(database)
    await cypher(database, "MATCH (n:Person {id: 'b'}) SET n.country = 'FR'")

    await apply(
        database,
        AddNodeProperty("Person", "country", "UK"),
        AddNodeProperty("Person", "nickname"),  # no default: nothing to write
    )

    people = await nodes(database, "Person")
    assert [(p["id"], p["country"]) for p in people] == [("a", "UK"), ("b", "FR")]
    assert all("nickname" not in p for p in people)
    assert "country" not in (await nodes(database, "Company"))[0]


async def test_add_relationship_property_applies_default(database):
    await seed_people(database)

    await apply(database, AddRelationshipProperty("WORKS_AT", "role", "staff"))

    assert [(a, p["role"]) for a, p, _ in await relationships(database, "WORKS_AT")] == [
        ("a", "dev"),
        ("b", "staff"),
    ]
    assert await relationships(database, "KNOWS") == [("a", {"weight": 1}, "b")]


async def test_drop_node_property(database):
    await seed_people(database)

    await apply(database, DropNodeProperty("Person", "name"))

    assert all("name" not in p for p in await nodes(database, "Person"))
    assert (await nodes(database, "Company"))[0]["name"] == "Acme"


async def test_drop_relationship_property(database):
    await seed_people(database)

    await apply(database, DropRelationshipProperty("WORKS_AT", "since"))

    assert await relationships(database, "WORKS_AT") == [
        ("a", {"role": "dev"}, "c"),
        ("b", {}, "c"),
    ]


async def test_rename_node_property_moves_values_and_index(database):
    await seed_people(database)
    await cypher(database, "CREATE (:Person {id: 'z', full_name: 'kept'})")
    await apply(database, AddAdditionalNodePropertyIndex("Person", "name"), name="setup")

    await apply(database, RenameNodeProperty("Person", "name", "full_name"))

    people = {p["id"]: p for p in await nodes(database, "Person")}
    assert people["a"]["full_name"] == "Ada" and "name" not in people["a"]
    assert people["b"]["full_name"] == "Bob"
    assert people["z"]["full_name"] == "kept"  # had no old value: untouched
    assert (await nodes(database, "Company"))[0]["name"] == "Acme"
    idx = await user_indexes(database)
    assert set(idx) == {"Person_full_name_additional_index"}
    assert idx["Person_full_name_additional_index"]["properties"] == ["full_name"]


async def test_rename_relationship_property_moves_values_and_index(database):
    await seed_people(database)
    await apply(database, AddAdditionalRelationshipPropertyIndex("WORKS_AT", "since"), name="s")

    await apply(database, RenameRelationshipProperty("WORKS_AT", "since", "start_year"))

    assert await relationships(database, "WORKS_AT") == [
        ("a", {"start_year": 2020, "role": "dev"}, "c"),
        ("b", {"start_year": 2021}, "c"),
    ]
    assert set(await user_indexes(database)) == {"WORKS_AT_start_year_additional_index"}


async def test_add_and_drop_additional_node_property_index(database):
    await apply(database, AddAdditionalNodePropertyIndex("Person", "last_ingested_at"), name="a")
    # Idempotent: creating it again is not an error.
    await apply(database, AddAdditionalNodePropertyIndex("Person", "last_ingested_at"), name="b")

    idx = await user_indexes(database)
    assert idx == {
        "Person_last_ingested_at_additional_index": {
            "entityType": "NODE",
            "labelsOrTypes": ["Person"],
            "properties": ["last_ingested_at"],
            "owningConstraint": None,
        }
    }
    explained = await database.driver.execute_query(
        "EXPLAIN MATCH (n:Person) WHERE n.last_ingested_at = 1 RETURN n"
    )
    assert "NodeIndexSeek" in explained.summary.plan

    await apply(database, DropAdditionalNodePropertyIndex("Person", "last_ingested_at"), name="c")
    await apply(database, DropAdditionalNodePropertyIndex("Person", "last_ingested_at"), name="d")
    assert await user_indexes(database) == {}


async def test_add_and_drop_additional_relationship_property_index(database):
    await apply(database, AddAdditionalRelationshipPropertyIndex("KNOWS", "last_ingested_at"))

    assert await user_indexes(database) == {
        "KNOWS_last_ingested_at_additional_index": {
            "entityType": "RELATIONSHIP",
            "labelsOrTypes": ["KNOWS"],
            "properties": ["last_ingested_at"],
            "owningConstraint": None,
        }
    }

    await apply(
        database, DropAdditionalRelationshipPropertyIndex("KNOWS", "last_ingested_at"), name="d"
    )
    assert await user_indexes(database) == {}


async def test_node_key_extended_fills_default_and_extends_constraint(database):
    await seed_people(database)
    await cypher(database, "MATCH (n:Person {id: 'b'}) SET n.org = 'own'")
    await apply(database, CreateNodeType("Person", ["id"], []), name="setup")

    await apply(database, NodeKeyExtended("Person", "org", "acme"))

    assert {p["id"]: p["org"] for p in await nodes(database, "Person")} == {
        "a": "acme",
        "b": "own",
    }
    found = await user_constraints(database)
    assert found["Person_node_key"]["properties"] == ["id", "org"]
    assert found["Person_node_key"]["type"] == "NODE_KEY"
    await cypher(database, "CREATE (:Person {id: 'a', org: 'other'})")  # key is (id, org) now


async def test_node_key_extended_without_default_uses_null_string(database):
    await seed_people(database)
    await apply(database, CreateNodeType("Person", ["id"], []), name="setup")

    await apply(database, NodeKeyExtended("Person", "org", None))

    assert {p["org"] for p in await nodes(database, "Person")} == {"null"}
    assert (await user_constraints(database))["Person_node_key"]["properties"] == ["id", "org"]


async def test_relationship_key_extended_fills_default(database):
    await seed_people(database)

    await apply(database, RelationshipKeyExtended("WORKS_AT", "role", "staff"))

    assert [p["role"] for _, p, _ in await relationships(database, "WORKS_AT")] == [
        "dev",
        "staff",
    ]
    assert await user_constraints(database) == {}


async def test_node_key_part_renamed_renames_data_and_constraint(database):
    await seed_people(database)
    await apply(
        database,
        CreateNodeType("Person", ["id", "name"], []),
        AddAdditionalNodePropertyIndex("Person", "name"),
        name="setup",
    )

    await apply(database, NodeKeyPartRenamed("Person", "name", "label"))

    people = await nodes(database, "Person")
    assert [(p["id"], p["label"]) for p in people] == [("a", "Ada"), ("b", "Bob")]
    assert all("name" not in p for p in people)
    found = await user_constraints(database)
    assert found["Person_node_key"]["properties"] == ["id", "label"]
    assert "Person_label_additional_index" in await user_indexes(database)


async def test_relationship_key_part_renamed(database):
    await seed_people(database)

    await apply(database, RelationshipKeyPartRenamed("WORKS_AT", "role", "position"))

    assert await relationships(database, "WORKS_AT") == [
        ("a", {"since": 2020, "position": "dev"}, "c"),
        ("b", {"since": 2021}, "c"),
    ]


async def test_every_operation_type_has_a_handler():
    operation_types = [
        cls
        for cls in (
            AddAdditionalNodePropertyIndex,
            AddAdditionalRelationshipPropertyIndex,
            AddNodeProperty,
            AddRelationshipProperty,
            CreateNodeType,
            CreateRelationshipType,
            DropAdditionalNodePropertyIndex,
            DropAdditionalRelationshipPropertyIndex,
            DropNodeProperty,
            DropNodeType,
            DropRelationshipProperty,
            DropRelationshipType,
            NodeKeyExtended,
            NodeKeyPartRenamed,
            RelationshipKeyExtended,
            RelationshipKeyPartRenamed,
            RenameNodeProperty,
            RenameNodeType,
            RenameRelationshipProperty,
            RenameRelationshipType,
        )
    ]
    assert len(operation_types) == 20
    for cls in operation_types:
        name = "execute_" + cls.__new__(cls).type_as_snake_case()
        assert callable(getattr(SmithMigrator, name, None)), name


async def test_unknown_operation_is_rejected(database):
    class Unknown(Operation):
        pass

    with pytest.raises(OperationTypeNotSupportedError):
        await SmithMigrator(database).execute_operation(Unknown())


# -- atomicity and bookkeeping ---------------------------------------------------------------------


async def test_failing_migration_leaves_nothing_behind(database):
    await cypher(database, "CREATE (:Person {id: 1}), (:Person {id: 1}), (:Person {id: 2})")
    migrator = SmithMigrator(database)
    bad = migration(
        "bad",
        AddNodeProperty("Person", "country", "UK"),
        AddAdditionalNodePropertyIndex("Person", "country"),
        CreateNodeType("Person", ["id"], []),  # duplicate ids: the constraint cannot be created
    )

    # Neo4j's code for a constraint that existing data breaks; the neo4j driver (and smith's)
    # raises it as a plain ClientError.
    with pytest.raises(ClientError) as info:
        await migrator.execute_migration(bad)
    assert info.value.code == "Neo.ClientError.Schema.ConstraintCreationFailed"

    assert all("country" not in p for p in await nodes(database, "Person"))
    assert await user_indexes(database) == {}
    assert await user_constraints(database) == {}
    graph = MigrationGraph.from_iterable([bad])
    assert await migrator.get_completed_migrations(graph) == []
    assert await cypher(database, f"MATCH (l:{LOCK_LABEL}) RETURN l") == []  # lock released


async def test_completed_migrations_are_recorded(database):
    first = migration("0001_init", CreateNodeType("Person", ["id"], []))
    second = migration("0002_more", AddNodeProperty("Person", "x", 1), dependencies=["0001_init"])
    graph = MigrationGraph.from_iterable([first, second])
    migrator = SmithMigrator(database)
    assert await migrator.get_completed_migrations(graph) == []

    await migrator.execute_migration(first)

    fresh = SmithMigrator(database)
    assert await fresh.get_completed_migrations(graph) == [first]
    rows = await cypher(
        database, f"MATCH (m:{MIGRATION_LABEL}) RETURN m.name AS n, m.executed_at AS t"
    )
    assert rows[0]["n"] == "0001_init" and rows[0]["t"] is not None
    # Names the project no longer has are skipped, not an error.
    await cypher(database, f"CREATE (:{MIGRATION_LABEL} {{name: 'gone'}})")
    assert await fresh.get_completed_migrations(graph) == [first]


async def test_recorded_migration_is_not_applied_twice(database):
    await cypher(database, "CREATE (:Counter {n: 0})")
    step = migration("once", AddNodeProperty("Counter", "touched", True))
    await SmithMigrator(database).execute_migration(step)
    await cypher(database, "MATCH (c:Counter) REMOVE c.touched")

    await SmithMigrator(database).execute_migration(step)  # e.g. a stale plan

    assert "touched" not in (await nodes(database, "Counter"))[0]


async def test_base_transaction_protocol_rolls_back(database):
    migrator = SmithMigrator(database)
    with pytest.raises(RuntimeError, match="boom"):
        async with migrator.transaction():
            await migrator.execute_operation(CreateNodeType("Person", ["id"], []))
            await cypher_in(migrator, "CREATE (:Person {id: 1})")
            raise RuntimeError("boom")
    assert await user_constraints(database) == {}
    assert await nodes(database, "Person") == []

    # Outside a transaction an operation commits on its own.
    await migrator.execute_operation(CreateNodeType("Person", ["id"], []))
    assert set(await user_constraints(database)) == {"Person_node_key"}


async def cypher_in(migrator: SmithMigrator, query: str) -> None:
    await migrator._run(query)


# -- lock ------------------------------------------------------------------------------------------


async def test_second_migrator_fails_fast_while_lock_is_held(database):
    first, second = SmithMigrator(database), SmithMigrator(database)
    await first.acquire_lock()

    with pytest.raises(MigrationLockError) as raised:
        await second.acquire_lock()
    message = str(raised.value)
    assert database.path in message
    assert f"process {os.getpid()}" in message
    assert f"MATCH (l:{LOCK_LABEL}) DELETE l" in message
    with pytest.raises(MigrationLockError):
        await second.execute_migration(migration("m", CreateNodeType("X", ["id"], [])))
    assert await user_constraints(database) == {}

    await second.release_lock()  # not its lock: nothing happens
    with pytest.raises(MigrationLockError):
        await second.acquire_lock()

    await first.release_lock()
    await second.acquire_lock()
    await second.release_lock()
    assert await cypher(database, f"MATCH (l:{LOCK_LABEL}) RETURN l") == []


async def test_stale_lock_is_reported_and_can_be_cleared(database):
    # A run that crashed left its lock: a process id that no longer exists.
    await SmithMigrator(database)._ensure_bookkeeping_schema()
    await cypher(
        database,
        f"CREATE (:{LOCK_LABEL} {{lock: 'lock', owner: 'dead', pid: $pid, host: $host, "
        "acquired_at: datetime()})",
        pid=2**22 + 12345,
        host=__import__("socket").gethostname(),
    )
    migrator = SmithMigrator(database)

    with pytest.raises(MigrationLockError, match="stale") as raised:
        await migrator.execute_migration(migration("m", CreateNodeType("X", ["id"], [])))
    assert "clear the lock" in str(raised.value)

    assert await migrator.clear_lock() is True
    assert await migrator.clear_lock() is False
    await migrator.execute_migration(migration("m", CreateNodeType("X", ["id"], [])))
    assert set(await user_constraints(database)) == {"X_node_key"}


async def test_bookkeeping_constraints_are_visible(database):
    await apply(database, CreateNodeType("X", ["id"], []))

    found = await constraints(database)
    assert found[f"{LOCK_LABEL}_node_key"]["properties"] == ["lock"]
    assert found[f"{MIGRATION_LABEL}_node_key"]["properties"] == ["name"]
