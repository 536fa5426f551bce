"""End to end: ``nodestream migrations make / run / show`` (the real CLI, in subprocesses) on a
temporary project whose target is a smith database, walking through all 20 operation types.

``migrations make`` asks rename questions only on a terminal, so it runs on a pseudo-terminal
with "yes" answers prepared; steps without renames run with ``-n`` (every question answered no).
Between CLI calls the graph is read and seeded with the smith driver, which is closed again
before the next call (a database directory is open in one process at a time).
"""

from __future__ import annotations

import dataclasses
import os
import pty
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import smith
from nodestream.schema.migrations import Migration

from nodestream_plugin_smith.migrator import LOCK_LABEL

NODESTREAM = str(Path(sys.executable).with_name("nodestream"))

ALL_OPERATIONS = {
    "CreateNodeType",
    "CreateRelationshipType",
    "DropNodeType",
    "DropRelationshipType",
    "RenameNodeType",
    "RenameRelationshipType",
    "AddNodeProperty",
    "AddRelationshipProperty",
    "DropNodeProperty",
    "DropRelationshipProperty",
    "RenameNodeProperty",
    "RenameRelationshipProperty",
    "AddAdditionalNodePropertyIndex",
    "DropAdditionalNodePropertyIndex",
    "AddAdditionalRelationshipPropertyIndex",
    "DropAdditionalRelationshipPropertyIndex",
    "NodeKeyExtended",
    "RelationshipKeyExtended",
    "NodeKeyPartRenamed",
    "RelationshipKeyPartRenamed",
}

PIPELINE_HEAD = """\
- implementation: nodestream.pipeline:IterableExtractor
  arguments:
    iterable: []
- implementation: nodestream.interpreting:Interpreter
  arguments:
    interpretations:
"""


def people_pipeline(
    *,
    person_properties: dict[str, str],
    company_type: str = "Company",
    company_keys: tuple[str, ...] = ("id",),
    works_keys: tuple[str, ...] = ("role",),
    works_properties: tuple[str, ...] = ("since",),
    knows_type: str = "KNOWS",
    knows_properties: tuple[str, ...] = ("weight",),
) -> str:
    def mapping(names, indent: int) -> str:
        pad = " " * indent
        if not names:
            return " {}\n"
        return "\n" + "".join(f"{pad}{name}: !jmespath {name}\n" for name in names)

    return PIPELINE_HEAD + textwrap.indent(
        "- type: source_node\n"
        "  node_type: Person\n"
        "  key:\n    id: !jmespath id\n"
        "  properties:" + mapping(person_properties, 4) + "- type: relationship\n"
        f"  node_type: {company_type}\n"
        "  relationship_type: WORKS_AT\n"
        "  node_key:" + mapping(company_keys, 4) + "  node_properties:\n"
        "    name: !jmespath company_name\n"
        "  relationship_key:" + mapping(works_keys, 4) + "  relationship_properties:"
        + mapping(works_properties, 4) + "- type: relationship\n"
        "  node_type: Person\n"
        f"  relationship_type: {knows_type}\n"
        "  node_key:\n    id: !jmespath friend\n"
        "  relationship_properties:" + mapping(knows_properties, 4),
        " " * 6,
    )


TEMP_PIPELINE = PIPELINE_HEAD + textwrap.indent(
    "- type: source_node\n"
    "  node_type: Temp\n"
    "  key:\n    id: !jmespath id\n"
    "- type: relationship\n"
    "  node_type: Person\n"
    "  relationship_type: TEMP_REL\n"
    "  node_key:\n    id: !jmespath person\n",
    " " * 6,
)


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "pipelines").mkdir(parents=True)
        self.db = str(root / "graph.smith")

    def write(self, pipelines: dict[str, str]) -> None:
        for old in (self.root / "pipelines").glob("*.yaml"):
            old.unlink()
        entries = []
        for name, text in pipelines.items():
            (self.root / "pipelines" / f"{name}.yaml").write_text(text)
            entries.append(f"      - path: pipelines/{name}.yaml")
        (self.root / "nodestream.yaml").write_text(
            "scopes:\n  default:\n    pipelines:\n" + "\n".join(entries) + "\n"
            "targets:\n  smith:\n    database: smith\n    uri: graph.smith\n"
        )

    def cli(self, *args: str, answers: int | None = None) -> str:
        """Runs nodestream; ``answers`` prepares that many "yes" lines on a pseudo-terminal."""
        if answers is None:
            result = subprocess.run(
                [NODESTREAM, *args],
                cwd=self.root,
                capture_output=True,
                text=True,
                timeout=300,
                stdin=subprocess.DEVNULL,
            )
        else:
            master, slave = pty.openpty()
            try:
                os.write(master, b"yes\n" * answers)
                result = subprocess.run(
                    [NODESTREAM, *args],
                    cwd=self.root,
                    capture_output=True,
                    text=True,
                    timeout=300,
                    stdin=slave,
                )
            finally:
                os.close(slave)
                os.close(master)
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert "Traceback" not in output, output
        return output

    def make(self, answers: int | None = None) -> Migration:
        before = set(self.migration_files())
        # Migration names are timestamps in seconds: never make two in the same second.
        time.sleep(1.1)
        args = ("migrations", "make") if answers else ("migrations", "make", "-n")
        self.cli(*args, answers=answers)
        (new,) = set(self.migration_files()) - before
        return Migration.read_from_file(new)

    def migration_files(self) -> list[Path]:
        return sorted((self.root / "migrations").glob("*.yaml"))

    def run_migrations(self) -> str:
        return self.cli("migrations", "run", "--target", "smith")

    def show(self) -> dict[str, str]:
        output = self.cli("migrations", "show")
        status = {}
        for line in output.splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) == 2 and cells[1] in ("✅", "❌"):
                status[cells[0]] = cells[1]
        return status

    def query(self, statement: str, **parameters) -> list[dict]:
        with smith.GraphDatabase.driver(self.db) as driver:
            records, _, _ = driver.execute_query(statement, parameters)
            return [record.data() for record in records]

    def constraints(self) -> dict[str, list[str]]:
        rows = self.query("SHOW CONSTRAINTS YIELD name, properties RETURN name, properties")
        return {r["name"]: r["properties"] for r in rows if not r["name"].startswith("__")}

    def indexes(self) -> set[str]:
        rows = self.query("SHOW INDEXES YIELD name, owningConstraint RETURN name, owningConstraint")
        return {
            r["name"]
            for r in rows
            if r["owningConstraint"] is None and not r["name"].startswith("__")
        }


def operation_names(migration: Migration) -> list[str]:
    return sorted(type(operation).__name__ for operation in migration.operations)


def with_defaults(migration: Migration, path: Path, defaults: dict[str, object]) -> None:
    """Edits a generated migration as a user would: gives added properties a default."""
    operations = [
        dataclasses.replace(op, default=defaults[type(op).__name__])
        if type(op).__name__ in defaults
        else op
        for op in migration.operations
    ]
    dataclasses.replace(migration, operations=operations).write_to_file(path)


def test_migrations_make_run_show_cover_all_operations(tmp_path):
    project = Project(tmp_path / "project")
    person = {"name": "name", "age": "age"}

    # Step 1: create every type (with last_ingested_at indexes).
    project.write({"people": people_pipeline(person_properties=person), "temp": TEMP_PIPELINE})
    first = project.make()
    assert operation_names(first) == sorted(
        ["CreateNodeType"] * 3
        + ["CreateRelationshipType"] * 3
        + ["AddAdditionalNodePropertyIndex"] * 3
        + ["AddAdditionalRelationshipPropertyIndex"] * 3
    )
    assert project.show() == {first.name: "❌"}
    project.run_migrations()
    assert project.show() == {first.name: "✅"}
    assert project.constraints() == {
        "Person_node_key": ["id"],
        "Company_node_key": ["id"],
        "Temp_node_key": ["id"],
    }
    assert project.indexes() == {
        f"{t}_last_ingested_at_additional_index"
        for t in ("Person", "Company", "Temp", "WORKS_AT", "KNOWS", "TEMP_REL")
    }
    project.query(
        "CREATE (a:Person {id: 'a', name: 'Ada', age: 36}), (b:Person {id: 'b', name: 'Bob', "
        "age: 40}), (c:Company {id: 'acme', name: 'Acme'}), (t:Temp {id: 't1'}), "
        "(a)-[:WORKS_AT {role: 'dev', since: 2020}]->(c), "
        "(b)-[:WORKS_AT {role: 'ops', since: 2021}]->(c), (a)-[:KNOWS {weight: 3}]->(b), "
        "(t)-[:TEMP_REL]->(a)"
    )

    # Step 2: additions (defaults edited in), drops, key extensions; no renames.
    person = {"name": "name", "country": "country"}
    project.write(
        {
            "people": people_pipeline(
                person_properties=person,
                company_keys=("id", "country"),
                works_keys=("role", "dept"),
                works_properties=("since", "title"),
                knows_properties=(),
            ),
            "temp": TEMP_PIPELINE,
        }
    )
    second = project.make()
    assert operation_names(second) == sorted(
        [
            "AddNodeProperty",
            "DropNodeProperty",
            "NodeKeyExtended",
            "AddRelationshipProperty",
            "RelationshipKeyExtended",
            "DropRelationshipProperty",
        ]
    )
    with_defaults(
        second,
        project.migration_files()[-1],
        {
            "AddNodeProperty": "UK",
            "NodeKeyExtended": "GB",
            "AddRelationshipProperty": "engineer",
            "RelationshipKeyExtended": "rnd",
        },
    )
    project.run_migrations()
    people = project.query("MATCH (p:Person) RETURN properties(p) AS p ORDER BY p.id")
    assert [p["p"] for p in people] == [
        {"id": "a", "name": "Ada", "country": "UK"},
        {"id": "b", "name": "Bob", "country": "UK"},
    ]
    assert project.query("MATCH (c:Company) RETURN properties(c) AS p") == [
        {"p": {"id": "acme", "name": "Acme", "country": "GB"}}
    ]
    works = project.query(
        "MATCH (p)-[r:WORKS_AT]->() RETURN properties(r) AS r ORDER BY p.id"
    )
    assert [w["r"] for w in works] == [
        {"role": "dev", "since": 2020, "title": "engineer", "dept": "rnd"},
        {"role": "ops", "since": 2021, "title": "engineer", "dept": "rnd"},
    ]
    assert project.query("MATCH ()-[r:KNOWS]->() RETURN properties(r) AS r") == [{"r": {}}]
    assert project.constraints() == {
        "Person_node_key": ["id"],
        "Company_node_key": ["country", "id"],
        "Temp_node_key": ["id"],
    }

    # Step 3: property and key renames (four questions, all "yes").
    project.write(
        {
            "people": people_pipeline(
                person_properties={"full_name": "name", "country": "country"},
                company_keys=("code", "country"),
                works_keys=("position", "dept"),
                works_properties=("start", "title"),
                knows_properties=(),
            ),
            "temp": TEMP_PIPELINE,
        }
    )
    third = project.make(answers=4)
    assert operation_names(third) == sorted(
        [
            "RenameNodeProperty",
            "NodeKeyPartRenamed",
            "RenameRelationshipProperty",
            "RelationshipKeyPartRenamed",
        ]
    )
    project.run_migrations()
    people = project.query("MATCH (p:Person) RETURN properties(p) AS p ORDER BY p.id")
    assert [p["p"] for p in people] == [
        {"id": "a", "full_name": "Ada", "country": "UK"},
        {"id": "b", "full_name": "Bob", "country": "UK"},
    ]
    assert project.query("MATCH (c:Company) RETURN properties(c) AS p") == [
        {"p": {"code": "acme", "name": "Acme", "country": "GB"}}
    ]
    works = project.query("MATCH (p)-[r:WORKS_AT]->() RETURN properties(r) AS r ORDER BY p.id")
    assert [w["r"] for w in works] == [
        {"position": "dev", "start": 2020, "title": "engineer", "dept": "rnd"},
        {"position": "ops", "start": 2021, "title": "engineer", "dept": "rnd"},
    ]
    assert project.constraints()["Company_node_key"] == ["code", "country"]

    # Step 4: type renames (two questions).
    project.write(
        {
            "people": people_pipeline(
                person_properties={"full_name": "name", "country": "country"},
                company_type="Organisation",
                company_keys=("code", "country"),
                works_keys=("position", "dept"),
                works_properties=("start", "title"),
                knows_type="FRIEND_OF",
                knows_properties=(),
            ),
            "temp": TEMP_PIPELINE,
        }
    )
    fourth = project.make(answers=2)
    assert operation_names(fourth) == ["RenameNodeType", "RenameRelationshipType"]
    project.run_migrations()
    assert project.query("MATCH (c:Company) RETURN c") == []
    assert project.query("MATCH (o:Organisation) RETURN o.code AS code") == [{"code": "acme"}]
    assert project.query(
        "MATCH (a:Person)-[:FRIEND_OF]->(b:Person) RETURN a.id AS a, b.id AS b"
    ) == [{"a": "a", "b": "b"}]
    assert project.query("MATCH ()-[r:KNOWS]->() RETURN r") == []
    assert project.query(
        "MATCH (:Person)-[r:WORKS_AT]->(:Organisation) RETURN count(r) AS c"
    ) == [{"c": 2}]
    assert project.constraints() == {
        "Person_node_key": ["id"],
        "Organisation_node_key": ["code", "country"],
        "Temp_node_key": ["id"],
    }
    assert project.indexes() == {
        f"{t}_last_ingested_at_additional_index"
        for t in ("Person", "Organisation", "Temp", "WORKS_AT", "FRIEND_OF", "TEMP_REL")
    }

    # Step 5: a pipeline goes away: its types are dropped. (This comes last among the generated
    # migrations: nodestream 0.16.2 cannot replay a migration that drops a type and then that
    # type's index, so every later `migrations make` would fail with KeyError.)
    project.write(
        {
            "people": people_pipeline(
                person_properties={"full_name": "name", "country": "country"},
                company_type="Organisation",
                company_keys=("code", "country"),
                works_keys=("position", "dept"),
                works_properties=("start", "title"),
                knows_type="FRIEND_OF",
                knows_properties=(),
            )
        }
    )
    fifth = project.make()
    assert operation_names(fifth) == sorted(
        [
            "DropNodeType",
            "DropRelationshipType",
            "DropAdditionalNodePropertyIndex",
            "DropAdditionalRelationshipPropertyIndex",
        ]
    )
    project.run_migrations()
    assert project.query("MATCH (t:Temp) RETURN t") == []
    assert project.query("MATCH ()-[r:TEMP_REL]->() RETURN r") == []
    assert project.query("MATCH (p:Person) RETURN count(p) AS c") == [{"c": 2}]
    assert "Temp_node_key" not in project.constraints()
    assert project.indexes() == {
        f"{t}_last_ingested_at_additional_index"
        for t in ("Person", "Organisation", "WORKS_AT", "FRIEND_OF")
    }

    # Step 6: a hand-written migration drops additional indexes.
    sixth = Migration.from_file_data(
        {
            "name": "zz_drop_timestamp_indexes",
            "dependencies": [fifth.name],
            "operations": [
                {
                    "operation": "DropAdditionalNodePropertyIndex",
                    "arguments": {"node_type": "Person", "field_name": "last_ingested_at"},
                },
                {
                    "operation": "DropAdditionalRelationshipPropertyIndex",
                    "arguments": {
                        "relationship_type": "FRIEND_OF",
                        "field_name": "last_ingested_at",
                    },
                },
            ],
        }
    )
    sixth.write_to_file(project.root / "migrations" / "zz_drop_timestamp_indexes.yaml")
    assert project.show()[sixth.name] == "❌"
    project.run_migrations()
    assert project.indexes() == {
        "Organisation_last_ingested_at_additional_index",
        "WORKS_AT_last_ingested_at_additional_index",
    }

    # Every operation type ran, and every migration is recorded.
    seen = {
        type(op).__name__
        for path in project.migration_files()
        for op in Migration.read_from_file(path).operations
    }
    assert seen == ALL_OPERATIONS
    names = {m.name for m in (first, second, third, fourth, fifth, sixth)}
    assert project.show() == {name: "✅" for name in names}
    recorded = project.query("MATCH (m:__NodestreamMigration__) RETURN m.name AS n")
    assert {r["n"] for r in recorded} == names
    assert "executed successfully" not in project.run_migrations()  # nothing pending


def test_migrations_run_reports_a_stale_lock(tmp_path):
    project = Project(tmp_path / "project")
    project.write({"people": people_pipeline(person_properties={"name": "name"})})
    migration = project.make()
    project.query(f"CREATE (:{LOCK_LABEL} {{lock: 'lock', pid: 1234567, host: 'elsewhere'}})")

    result = subprocess.run(
        [NODESTREAM, "migrations", "run", "--target", "smith"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Cannot acquire the nodestream migration lock" in output, output
    assert f"MATCH (l:{LOCK_LABEL}) DELETE l" in output, output
    assert project.show() == {migration.name: "❌"}

    project.query(f"MATCH (l:{LOCK_LABEL}) DELETE l")
    project.run_migrations()
    assert project.show() == {migration.name: "✅"}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
