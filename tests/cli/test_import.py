"""`smith import`: CSV and JSONL bulk import driven through the built binary.

The binary is $SMITH_CLI (default build/release/tools/cli/smith). Imported graphs are checked
with Cypher through `smith query`: counts, properties with their types, adjacency, MERGE on
imported keys and fresh ids for new elements.
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

SMITH = os.environ.get("SMITH_CLI", str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "smith"))
# Optional: a separate binary for the `import` command (for builds where it is linked apart).
SMITH_IMPORT = os.environ.get("SMITH_IMPORT_CLI", SMITH)



def run(*args, check=True):
    binary = SMITH_IMPORT if args and args[0] == "import" else SMITH
    proc = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"smith {' '.join(map(str, args))} failed ({proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


def query(db, cypher):
    out = run("query", db, cypher, "--format", "jsonl").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def write(path, text):
    Path(path).write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def people(tmp_path):
    nodes = write(tmp_path / "people.csv",
                  "id:ID(Person),email,age:int,score:double,born:date,tags:string[],:LABEL\n"
                  "1,ada@x,36,1.5,1815-12-10,math;poetry,Person;Author\n"
                  '2,"bob@x",41,,,"",Person\n'
                  '3,"multi\nline@x",7,2,2000-02-29,a,Person\n')
    cities = write(tmp_path / "cities.csv", "id:ID(City),name\nL,London\nP,Paris\n")
    rels = write(tmp_path / "rels.csv",
                 ":START_ID(Person),:END_ID(City),since:datetime,:TYPE\n"
                 "1,L,1833-06-05T10:00Z,LIVES_IN\n"
                 "2,P,2001-01-01T00:00+01:00,\n"
                 "3,L,,VISITED\n")
    return nodes, cities, rels


def test_csv_import_is_queryable_with_cypher(tmp_path, people):
    nodes, cities, rels = people
    db = tmp_path / "db"
    proc = run("import", db, "--nodes", nodes, "--nodes=City", cities,
               "--relationships=VISITED", rels)
    assert "Imported 5 nodes, 3 relationships" in proc.stdout
    assert query(db, "MATCH (n) RETURN count(n) AS c") == [{"c": 5}]
    assert query(db, "MATCH (n:Author) RETURN n.email AS e, n.age AS a, n.score AS s, "
                     "n.born AS b, n.tags AS t") == [
        {"e": "ada@x", "a": 36, "s": 1.5, "b": {"$date": "1815-12-10"}, "t": ["math", "poetry"]}]
    # An empty quoted array field is the empty list; an empty unquoted field no property.
    assert query(db, "MATCH (n {email: 'bob@x'}) RETURN n.tags AS t, n.score AS s") == [
        {"t": [], "s": None}]
    assert query(db, "MATCH (n:Person) WHERE n.email STARTS WITH 'multi' RETURN n.email AS e") == [
        {"e": "multi\nline@x"}]
    assert query(db, "MATCH (p:Person)-[r]->(c:City) RETURN p.email AS p, type(r) AS t, "
                     "c.name AS c ORDER BY p") == [
        {"p": "ada@x", "t": "LIVES_IN", "c": "London"},
        {"p": "bob@x", "t": "VISITED", "c": "Paris"},
        {"p": "multi\nline@x", "t": "VISITED", "c": "London"}]
    # Incoming adjacency works too.
    assert query(db, "MATCH (c:City {name: 'London'})<-[r]-(p) RETURN count(p) AS n") == [{"n": 2}]


def test_merge_matches_imported_keys_and_create_gets_fresh_ids(tmp_path, people):
    nodes, cities, rels = people
    db = tmp_path / "db"
    run("query", db, "CREATE CONSTRAINT person_email FOR (p:Person) REQUIRE p.email IS UNIQUE")
    run("query", db, "CREATE INDEX city_name FOR (c:City) ON (c.name)")
    run("import", db, "--nodes", nodes, "--nodes=City", cities, "--relationships=VISITED", rels)
    run("query", db, "MERGE (p:Person {email: 'ada@x'}) SET p.merged = true")
    assert query(db, "MATCH (p:Person {email: 'ada@x'}) RETURN count(p) AS n, "
                     "collect(p.merged) AS m") == [{"n": 1, "m": [True]}]
    run("query", db, "MERGE (p:Person {email: 'new@x'})")
    assert query(db, "MATCH (p:Person) RETURN count(p) AS n") == [{"n": 4}]
    assert query(db, "MATCH (p:Person {email: 'new@x'}) RETURN id(p) AS id") == [{"id": 5}]
    # The unique constraint holds against imported data.
    proc = run("query", db, "CREATE (:Person {email: 'bob@x'})", check=False)
    assert proc.returncode != 0
    # The index seek finds imported nodes.
    plan = run("query", db, "EXPLAIN MATCH (c:City {name: 'Paris'}) RETURN c").stdout
    assert query(db, "MATCH (c:City {name: 'Paris'}) RETURN c.name AS n") == [{"n": "Paris"}]
    assert plan  # printed
    run("query", db, "MATCH (a:Person {email: 'new@x'}), (c:City {name: 'Paris'}) "
                     "CREATE (a)-[:LIVES_IN]->(c)")
    assert query(db, "MATCH ()-[r]->() RETURN max(id(r)) AS m") == [{"m": 3}]


def test_bad_value_names_file_line_column_and_imports_nothing(tmp_path):
    nodes = write(tmp_path / "n.csv", "id:ID,name,age:int\n1,a,3\n2,\"x\ny\",4\n3,c,abc\n")
    db = tmp_path / "db"
    proc = run("import", db, "--nodes=P", nodes, check=False)
    assert proc.returncode == 1
    assert "n.csv:5:3 (column 'age:int'): 'abc' is not an integer" in proc.stderr
    assert "nothing was imported" in proc.stderr
    assert "--skip-bad-rows" in proc.stderr
    if db.exists():
        assert query(db, "MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


def test_duplicate_ids_and_missing_nodes(tmp_path):
    nodes = write(tmp_path / "n.csv", ":ID\n1\n2\n1\n")
    proc = run("import", tmp_path / "db", "--nodes=P", nodes, check=False)
    assert proc.returncode == 1
    assert "n.csv:4:1" in proc.stderr and "duplicate node id '1'" in proc.stderr
    ok = write(tmp_path / "ok.csv", ":ID\n1\n")
    rels = write(tmp_path / "r.csv", ":START_ID,:END_ID\n1,7\n")
    proc = run("import", tmp_path / "db2", "--nodes=P", ok, "--relationships=R", rels,
               check=False)
    assert proc.returncode == 1
    assert "r.csv:2:2 (column ':END_ID'): end node '7' was not imported" in proc.stderr


def test_skip_bad_rows_writes_a_report(tmp_path):
    nodes = write(tmp_path / "n.csv", ":ID,age:long\n1,1\n2,zz\n3,3\n")
    report = tmp_path / "bad.txt"
    db = tmp_path / "db"
    proc = run("import", db, "--nodes=P", nodes, "--skip-bad-rows", "--report-file", report)
    assert "Imported 2 nodes" in proc.stdout
    assert "1 bad row skipped" in proc.stdout
    lines = report.read_text().splitlines()
    assert len(lines) == 1 and "n.csv:3:2" in lines[0] and "'zz' is not an integer" in lines[0]
    assert query(db, "MATCH (n:P) RETURN collect(n.age) AS a") == [{"a": [1, 3]}]


def test_refuses_a_database_with_data(tmp_path):
    db = tmp_path / "db"
    run("query", db, "CREATE (:X)")
    nodes = write(tmp_path / "n.csv", ":ID\n1\n")
    proc = run("import", db, "--nodes=P", nodes, check=False)
    assert proc.returncode == 1
    assert "new or empty database" in proc.stderr
    assert query(db, "MATCH (n) RETURN count(n) AS c") == [{"c": 1}]


def test_usage_errors(tmp_path):
    assert run("import", check=False).returncode == 2
    assert run("import", tmp_path / "db", check=False).returncode == 2
    assert run("import", tmp_path / "db", "--nodes", check=False).returncode == 2
    assert run("import", tmp_path / "db", "--bogus", "x", check=False).returncode == 2
    proc = run("import", tmp_path / "db", "--nodes=P", tmp_path / "missing.csv", check=False)
    assert proc.returncode == 1 and "missing.csv" in proc.stderr


def test_delimiters_and_header_files(tmp_path):
    header = write(tmp_path / "h.tsv", "id:ID\tnames:string[]\n")
    body = write(tmp_path / "b.tsv", "1\ta|b\n2\tc\n")
    db = tmp_path / "db"
    run("import", db, "--nodes=T", f"{header},{body}", "--delimiter", "\\t",
        "--array-delimiter", "|")
    assert query(db, "MATCH (n:T) RETURN n.names AS v ORDER BY size(v)") == [
        {"v": ["c"]}, {"v": ["a", "b"]}]


def test_jsonl_import_with_schema_and_tagged_values(tmp_path):
    lines = [
        {"type": "header", "format": "smith-jsonl", "version": 1},
        {"type": "constraint", "name": "person_id", "kind": "UNIQUE", "entity": "NODE",
         "label": "Person", "properties": ["id"]},
        {"type": "index", "name": "person_name", "entity": "NODE", "label": "Person",
         "properties": ["name"]},
        {"type": "relationship", "id": 0, "label": "LIVES_IN", "start": 0, "end": 1,
         "properties": {"since": {"$datetime": "1833-06-05T10:00Z"}, "weight": 0.5}},
        {"type": "node", "id": 0, "labels": ["Person"],
         "properties": {"id": 1, "name": "Ada", "born": {"$date": "1815-12-10"},
                        "f": 1.0, "nan": {"$float": "NaN"}, "raw": {"$bytes": "AQI="}}},
        {"type": "node", "id": 1, "labels": ["City", "Place"],
         "properties": {"country": "UK", "name": "London"}},
    ]
    path = write(tmp_path / "graph.jsonl", "\n".join(json.dumps(l) for l in lines) + "\n")
    db = tmp_path / "db"
    proc = run("import", db, "--jsonl", path)
    assert "Imported 2 nodes, 1 relationship" in proc.stdout
    names = {r["name"] for r in query(db, "SHOW CONSTRAINTS YIELD name RETURN name")}
    assert "person_id" in names
    assert query(db, "MATCH (p:Person)-[r:LIVES_IN]->(c:City:Place) RETURN p.born AS b, "
                     "p.f AS f, r.weight AS w, r.since AS s, c.name AS c") == [
        {"b": {"$date": "1815-12-10"}, "f": 1.0, "w": 0.5,
         "s": {"$datetime": "1833-06-05T10:00Z"}, "c": "London"}]
    run("query", db, "MERGE (p:Person {id: 1}) SET p.seen = 1")
    assert query(db, "MATCH (p:Person) RETURN count(p) AS n, sum(p.seen) AS s") == [
        {"n": 1, "s": 1}]


def test_jsonl_rejects_unknown_line_types_and_other_versions(tmp_path):
    bad = write(tmp_path / "a.jsonl", '{"type":"node","id":0}\n{"type":"spaceship"}\n')
    proc = run("import", tmp_path / "db", "--jsonl", bad, check=False)
    assert proc.returncode == 1 and "a.jsonl:2" in proc.stderr and "spaceship" in proc.stderr
    v2 = write(tmp_path / "b.jsonl", '{"type":"header","format":"smith-jsonl","version":2}\n')
    proc = run("import", tmp_path / "db2", "--jsonl", v2, check=False)
    assert proc.returncode == 1 and "version 2" in proc.stderr
