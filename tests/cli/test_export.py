"""smith export: the jsonl, csv and cypher formats of docs/cli.md, and the Cypher round trip."""

import csv
import io
import json

import pytest


def canonical(jsonl: str):
    """An id-free description of an exported graph, equal for equal graphs."""
    lines = [json.loads(line) for line in jsonl.splitlines()]
    assert lines[0] == {"type": "header", "format": "smith-jsonl", "version": 1}
    nodes = {}
    schema, rels = [], []
    for line in lines[1:]:
        if line["type"] == "node":
            nodes[line["id"]] = json.dumps([line["labels"], line["properties"]], sort_keys=True)
        elif line["type"] == "relationship":
            rels.append((line["start"], line["label"], line["end"],
                         json.dumps(line["properties"], sort_keys=True)))
        else:
            schema.append(json.dumps(line, sort_keys=True))
    edges = sorted((nodes[s], t, nodes[e], p) for s, t, e, p in rels)
    return sorted(schema), sorted(nodes.values()), edges


def test_jsonl_shape(run, people):
    proc = run("export", people, "--format", "jsonl", check=0)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    kinds = [line["type"] for line in lines]
    assert kinds == ["header", "constraint", "index"] + ["node"] * 3 + ["relationship"] * 3
    assert lines[1] == {"type": "constraint", "name": "person_id", "kind": "NODE_KEY",
                        "entity": "NODE", "label": "Person", "properties": ["id"]}
    assert lines[2] == {"type": "index", "name": "person_name", "entity": "NODE",
                        "label": "Person", "properties": ["name"]}
    ada = lines[3]
    assert ada["labels"] == ["Person"]
    assert ada["properties"] == {
        "born": {"$date": "1815-12-10"}, "id": 1, "name": "Ada", "nan": {"$float": "NaN"},
        "score": 0.5, "t": {"$localtime": "12:31:14.645876123"}, "tags": ["math", "poetry"]}
    assert lines[4]["labels"] == ["Admin", "Person"]
    assert lines[4]["properties"]["empty"] == []
    knows = lines[6]
    assert knows["label"] == "KNOWS" and knows["start"] == ada["id"] and knows["end"] == lines[4]["id"]
    assert knows["properties"] == {"d": {"$duration": "P1M2DT3.5S"},
                                   "since": {"$datetime": "2020-01-01T10:00+01:00[Europe/Paris]"}}
    assert lines[8]["properties"] == {"big": -9223372036854775808}
    assert "Exported 3 nodes, 3 relationships" in proc.stderr
    assert '"score":0.5' in proc.stdout and '"id":1,' in proc.stdout  # float vs integer text


def test_jsonl_to_output_dir(run, people, tmp_path):
    out = tmp_path / "out"
    run("export", people, "--format", "jsonl", "--output", out, check=0)
    assert (out / "graph.jsonl").read_text() == run("export", people, "--format", "jsonl").stdout


def test_csv_files(run, people, tmp_path):
    out = tmp_path / "csv"
    run("export", people, "--format", "csv", "--output", out, check=0)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["neo4j-admin-import.sh", "nodes_1.csv", "nodes_2.csv", "nodes_3.csv",
                     "relationships_1.csv", "relationships_2.csv", "schema.cypher"]
    n1 = (out / "nodes_1.csv").read_text()
    assert n1.splitlines()[0] == (":ID,:LABEL,born:date,id:long,name:string,nan:double,score:double,"
                                  "t:localtime,tags:string[]")
    assert n1.splitlines()[1] == "0,Person,1815-12-10,1,Ada,NaN,0.5,12:31:14.645876123,math;poetry"
    rows = list(csv.reader(io.StringIO((out / "nodes_2.csv").read_text())))
    assert rows[0] == [":ID", ":LABEL", "empty:string[]", "id:long", "name:string"]
    assert rows[1] == ["1", "Admin;Person", "", "2", 'Bob, "the" builder']
    assert '1,Admin;Person,"",2,"Bob, ""the"" builder"' in (out / "nodes_2.csv").read_text()
    rels = (out / "relationships_2.csv").read_text().splitlines()
    assert rels[0] == ":START_ID,:END_ID,:TYPE,big:long"
    assert rels[1] == "0,2,LIVES_IN,"  # absent property: unquoted empty field
    assert rels[2] == "1,2,LIVES_IN,-9223372036854775808"
    schema = (out / "schema.cypher").read_text()
    assert "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE (n.id) IS NODE KEY;" in schema
    script = (out / "neo4j-admin-import.sh").read_text()
    assert '--nodes="$dir/nodes_1.csv"' in script and "--array-delimiter" in script


def test_csv_splits_files_when_property_types_differ(run, db, tmp_path):
    run("query", db, "CREATE (:X {v: 1}), (:X {v: 'one'}), (:X {v: 2, w: true}), (:X {l: []}), (:X {l: [1.5]})",
        check=0)
    out = tmp_path / "csv"
    run("export", db, "--format", "csv", "--output", out, check=0)
    headers = sorted((p.read_text().splitlines()[0]) for p in out.glob("nodes_*.csv"))
    assert headers == [":ID,:LABEL,l:double[],v:long,w:boolean", ":ID,:LABEL,v:string"]


@pytest.mark.parametrize("value, why", [
    ("['a;b']", "array delimiter"),
    ("['']", "one empty string"),
])
def test_csv_refuses_values_it_cannot_hold(run, db, tmp_path, value, why):
    run("query", db, f"CREATE (:X {{v: {value}}})", check=0)
    proc = run("export", db, "--format", "csv", "--output", tmp_path / "csv", check=1)
    assert why in proc.stderr and "use --format jsonl" in proc.stderr
    assert not list((tmp_path / "csv").glob("*.csv"))


def test_cypher_script_shape(run, people):
    script = run("export", people, "--format", "cypher", check=0).stdout
    lines = script.splitlines()
    assert lines[1] == "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE (n.id) IS NODE KEY;"
    assert lines[2] == "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);"
    assert "date('1815-12-10')" in script and "(0.0 / 0.0)" in script
    assert "(-9223372036854775807 - 1)" in script
    assert lines[-2] == "DROP CONSTRAINT UNIQUE_IMPORT_NAME IF EXISTS;"


def test_cypher_round_trip_gives_an_equal_graph(run, people, tmp_path):
    script = tmp_path / "graph.cypher"
    run("export", people, "--format", "cypher", "--output", tmp_path, check=0)
    assert script.exists()
    copy = tmp_path / "copy"
    run("shell", copy, input=script.read_text(), check=0)
    original = run("export", people, "--format", "jsonl", check=0).stdout
    recreated = run("export", copy, "--format", "jsonl", check=0).stdout
    assert canonical(recreated) == canonical(original)
    assert "UNIQUE IMPORT" not in recreated
    run("check", copy, check=0)


def test_cypher_refuses_bytes(run, db, tmp_path):
    # Byte arrays reach a database only through parameters.
    run("query", db, "CREATE (:B {data: $b})", "--param", 'b={"$bytes": "AAEC/w=="}', check=0)
    proc = run("export", db, "--format", "cypher", check=1)
    assert "byte arrays have no Cypher literal" in proc.stderr
    lines = run("export", db, "--format", "jsonl", check=0).stdout.splitlines()
    assert json.loads(lines[1])["properties"] == {"data": {"$bytes": "AAEC/w=="}}
    run("export", db, "--format", "csv", "--output", tmp_path / "csv", check=0)
    assert (tmp_path / "csv" / "nodes_1.csv").read_text().splitlines()[1] == "0,B,0;1;2;-1"


def test_empty_database_exports(run, db, tmp_path):
    run("query", db, "RETURN 1", check=0)
    assert run("export", db, "--format", "jsonl", check=0).stdout.count("\n") == 1
    run("export", db, "--format", "csv", "--output", tmp_path / "csv", check=0)
    assert (tmp_path / "csv" / "schema.cypher").read_text() == ""
