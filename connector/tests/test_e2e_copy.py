"""End to end: ``nodestream copy`` (the real CLI) from one smith database to others.

A pipeline ingests a small graph (multi-label nodes, composite node keys, keyed relationships
with several relationships between the same two nodes) into the ``source`` target with
``nodestream run``; ``nodestream copy`` then copies it, with default options and with sharding,
preloading, concurrency and round-robin distribution, and the graphs are compared with Cypher.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import smith

NODESTREAM = str(Path(sys.executable).with_name("nodestream"))

RECORDS = [
    {"id": "a", "name": "Ada", "company": "acme", "country": "uk", "role": "dev", "since": 2020,
     "friend": "b", "weight": 1},
    {"id": "a", "name": "Ada", "company": "acme", "country": "uk", "role": "lead", "since": 2023,
     "friend": "c", "weight": 2},
    {"id": "b", "name": "Bob", "company": "acme", "country": "fr", "role": "dev", "since": 2021,
     "friend": "a", "weight": 3},
    {"id": "c", "name": "Cy", "company": "initech", "country": "us", "role": "ops", "since": 2019,
     "friend": "d", "weight": 4},
    {"id": "d", "name": "Di", "company": "initech", "country": "us", "role": "dev", "since": 2018,
     "friend": "a", "weight": 5},
]

PIPELINE = f"""\
- implementation: nodestream.pipeline:IterableExtractor
  arguments:
    iterable: {json.dumps(RECORDS)}
- implementation: nodestream.interpreting:Interpreter
  arguments:
    interpretations:
      - type: source_node
        node_type: Person
        additional_types: [Human]
        key:
          id: !jmespath id
        properties:
          name: !jmespath name
      - type: relationship
        node_type: Company
        relationship_type: WORKS_AT
        node_key:
          name: !jmespath company
          country: !jmespath country
        relationship_key:
          role: !jmespath role
        relationship_properties:
          since: !jmespath since
      - type: relationship
        node_type: Person
        relationship_type: KNOWS
        node_key:
          id: !jmespath friend
        relationship_properties:
          weight: !jmespath weight
"""

TARGETS = ("source", "plain", "sharded", "filtered")


def make_project(root: Path) -> Path:
    (root / "pipelines").mkdir(parents=True)
    (root / "pipelines" / "people.yaml").write_text(PIPELINE)
    targets = "".join(
        f"  {name}:\n    database: smith\n    uri: {name}.smith\n" for name in TARGETS
    )
    (root / "nodestream.yaml").write_text(
        "scopes:\n  default:\n    pipelines:\n      - path: pipelines/people.yaml\n"
        f"targets:\n{targets}"
    )
    return root


def nodestream(project: Path, *args: str) -> str:
    result = subprocess.run(
        [NODESTREAM, *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output, output
    return output


def dump(path: Path) -> tuple[list[str], list[str]]:
    """Every node (labels, properties) and relationship (ends, type, properties), sorted."""
    with smith.GraphDatabase.driver(str(path)) as driver:
        nodes, _, _ = driver.execute_query(
            "MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties"
        )
        relationships, _, _ = driver.execute_query(
            "MATCH (a)-[r]->(b) RETURN properties(a) AS a, type(r) AS type, "
            "properties(r) AS properties, properties(b) AS b"
        )

    def canonical(value) -> str:
        return json.dumps(value, sort_keys=True, default=str)

    return (
        sorted(canonical({**n.data(), "labels": sorted(n["labels"])}) for n in nodes),
        sorted(canonical(r.data()) for r in relationships),
    )


def test_copy_between_smith_databases(tmp_path):
    project = make_project(tmp_path / "project")
    nodestream(project, "run", "people", "--target", "source")
    source = dump(project / "source.smith")
    nodes, relationships = source
    assert len(nodes) == 4 + 3  # Person a-d, Company acme/uk, acme/fr, initech/us
    assert len(relationships) == 5 + 5  # WORKS_AT (a has two roles), KNOWS
    assert any('"Human"' in node for node in nodes)
    assert all('"last_ingested_at"' in node for node in nodes)

    output = nodestream(project, "copy", "--from", "source", "--to", "plain")
    assert re.search(r"\| nodes_upserted +\| 7 +\|", output), output
    assert re.search(r"\| relationships_upserted +\| 10 +\|", output), output
    assert dump(project / "plain.smith") == source

    nodestream(
        project,
        "copy",
        "--from", "source",
        "--to", "sharded",
        "--shard-size", "2",
        "--preload-nodes",
        "--concurrency-limit", "3",
        "--batch-size", "3",
        "--retriever-option", "distribution=round_robin",
    )
    assert dump(project / "sharded.smith") == source

    # Only WORKS_AT (and its end node types) with --relationship.
    nodestream(
        project, "copy", "--from", "source", "--to", "filtered", "--relationship", "WORKS_AT",
        "--retriever-option", "relationships_only=true",
    )
    nodes, relationships = dump(project / "filtered.smith")
    assert len(relationships) == 5
    assert relationships == sorted(r for r in source[1] if '"type": "WORKS_AT"' in r)
    assert nodes == sorted(
        n for n in source[0] if any(n_props_in(n, r) for r in relationships)
    )


def n_props_in(node: str, relationship: str) -> bool:
    properties = json.dumps(json.loads(node)["properties"], sort_keys=True, default=str)
    parsed = json.loads(relationship)
    return properties in (
        json.dumps(parsed["a"], sort_keys=True, default=str),
        json.dumps(parsed["b"], sort_keys=True, default=str),
    )
