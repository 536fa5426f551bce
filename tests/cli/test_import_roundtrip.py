"""export -> import round trips: a graph written with Cypher, exported as jsonl and as csv,
imported into empty databases, must read back equal through Cypher (labels, properties with
their exact types, relationships, constraints and indexes)."""
import json
import os
import subprocess
from pathlib import Path

import pytest

SMITH = os.environ.get("SMITH_CLI", str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "smith"))
# Optional: a separate binary for the `import` command (for builds where it is linked apart).
SMITH_IMPORT = os.environ.get("SMITH_IMPORT_CLI", SMITH)


GRAPH = [
    "CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS UNIQUE",
    "CREATE CONSTRAINT city_key FOR (c:City) REQUIRE (c.country, c.name) IS NODE KEY",
    "CREATE INDEX person_name FOR (p:Person) ON (p.name)",
    "CREATE (a:Person {id: 1, name: 'Ada', born: date('1815-12-10'), tags: ['math', 'poetry'],"
    " height: 1.65, alive: false, wake: localtime('06:30:00.000000001'),"
    " lunch: time('12:00+01:00'), met: localdatetime('1833-06-05T10:00'),"
    " died: datetime('1852-11-27T12:00:00.5+00:00[Europe/London]'), age: duration('P36Y11M17D'),"
    " quote: 'say \"hi\", then\nleave', empty: '', nums: [1, 2, 3], fl: [0.5, -1.0e300]})",
    "CREATE (b:Person:Author {id: 2, name: 'Charles ; Babbage', nothing: []})",
    "CREATE (c:City:Place {country: 'UK', name: 'London'})",
    "CREATE (:Lonely)",
    "MATCH (a:Person {id: 1}), (c:City) CREATE (a)-[:LIVES_IN {since: 1833, w: 0.5}]->(c)",
    "MATCH (a:Person {id: 1}), (b:Person {id: 2}) CREATE (a)-[:KNOWS {at: date('1833-06-05')}]->(b)",
    "MATCH (a:Person {id: 1}) CREATE (a)-[:SELF]->(a)",
]


def run(*args, check=True, stdin=None):
    binary = SMITH_IMPORT if args and args[0] == "import" else SMITH
    proc = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=300,
                          input=stdin)
    if check and proc.returncode != 0:
        raise AssertionError(f"smith {' '.join(map(str, args))} failed ({proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


def query(db, cypher):
    out = run("query", db, cypher, "--format", "jsonl").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def canonical(db):
    """The graph as sorted JSON text, without element ids."""
    nodes = sorted(json.dumps(r, sort_keys=True) for r in query(
        db, "MATCH (n) RETURN labels(n) AS l, properties(n) AS p"))
    rels = sorted(json.dumps(r, sort_keys=True) for r in query(
        db, "MATCH (a)-[r]->(b) RETURN properties(a) AS a, labels(a) AS la, type(r) AS t, "
            "properties(r) AS p, properties(b) AS b, labels(b) AS lb"))
    schema = sorted(json.dumps(r, sort_keys=True) for r in query(
        db, "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
            "RETURN name, type, labelsOrTypes, properties"))
    schema += sorted(json.dumps(r, sort_keys=True) for r in query(
        db, "SHOW INDEXES YIELD name, labelsOrTypes, properties, owningConstraint "
            "RETURN name, labelsOrTypes, properties, owningConstraint"))
    return nodes, rels, schema


@pytest.fixture
def source(tmp_path):
    db = tmp_path / "source"
    for statement in GRAPH:
        run("query", db, statement)
    return db


def export_or_skip(db, fmt, out_dir):
    proc = run("export", db, "--format", fmt, "--output", out_dir, check=False)
    assert proc.returncode == 0, proc.stderr


def test_jsonl_round_trip(tmp_path, source):
    export_or_skip(source, "jsonl", tmp_path / "jsonl")
    target = tmp_path / "from_jsonl"
    run("import", target, "--jsonl", tmp_path / "jsonl" / "graph.jsonl")
    assert canonical(target) == canonical(source)


def test_csv_round_trip(tmp_path, source):
    out = tmp_path / "csv"
    export_or_skip(source, "csv", out)
    args = []
    for f in sorted(out.glob("nodes_*.csv")):
        args += ["--nodes", f]
    for f in sorted(out.glob("relationships_*.csv")):
        args += ["--relationships", f]
    target = tmp_path / "from_csv"
    run("import", target, *args)
    schema = (out / "schema.cypher").read_text()
    for statement in schema.split(";\n"):
        if statement.strip():
            run("query", target, statement.strip().rstrip(";"))
    assert canonical(target) == canonical(source)
