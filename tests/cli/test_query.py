"""smith query: output formats, parameters and errors."""

import json

import pytest


def test_table_output_with_status_line(run, people):
    proc = run("query", people, "MATCH (p:Person) RETURN p.name AS name, p.id AS id ORDER BY id", check=0)
    lines = proc.stdout.splitlines()
    assert lines[0] == lines[2] == lines[-2]
    assert [c.strip() for c in lines[1].split("|")[1:3]] == ["name", "id"]
    assert "'Ada'" in lines[3]
    assert lines[-1].startswith("2 rows (")


def test_long_values_are_truncated(run, db):
    proc = run("query", db, "RETURN 'x' + reduce(s = '', i IN range(1, 200) | s + 'y') AS long", check=0)
    row = proc.stdout.splitlines()[3]
    assert row.endswith("... |")
    assert len(row) < 80


def test_write_statement_reports_effects(run, db):
    out = run("query", db, "CREATE (:A {x: 1})-[:R]->(:B)", check=0).stdout
    assert out.startswith("0 rows, 2 nodes created, 1 relationship created, 1 property set, 2 labels added (")


def test_csv_format(run, people):
    proc = run("query", people, "MATCH (p:Person) RETURN p.name AS name, p.tags AS tags, p.born AS born ORDER BY p.id",
               "--format", "csv", check=0)
    assert proc.stdout == (
        "name,tags,born\n"
        "Ada,\"['math', 'poetry']\",1815-12-10\n"
        "\"Bob, \"\"the\"\" builder\",,\n"
    )
    assert proc.stderr == ""


def test_json_and_jsonl_formats(run, people):
    query = "MATCH (p:Person {id: 1}) RETURN p.name AS name, p.born AS born, p.nan AS nan, p AS node"
    data = json.loads(run("query", people, query, "--format", "json", check=0).stdout)
    assert data[0]["name"] == "Ada"
    assert data[0]["born"] == {"$date": "1815-12-10"}
    assert data[0]["nan"] == {"$float": "NaN"}
    assert data[0]["node"]["labels"] == ["Person"]
    assert data[0]["node"]["properties"]["score"] == 0.5
    lines = run("query", people, "UNWIND [1, 2.0, null] AS x RETURN x", "--format", "jsonl", check=0).stdout
    assert lines == '{"x":1}\n{"x":2.0}\n{"x":null}\n'
    assert run("query", people, "MATCH (n:Nope) RETURN n", "--format", "json", check=0).stdout == "[]\n"


def test_stats_go_to_stderr_for_machine_formats(run, db):
    proc = run("query", db, "CREATE (n:X) RETURN 1 AS one", "--format", "jsonl", "--stats", check=0)
    assert proc.stdout == '{"one":1}\n'
    assert "1 row, 1 node created" in proc.stderr


@pytest.mark.parametrize(
    "value, expected",
    [
        ("42", 42),
        ("'Ada'", "Ada"),
        ('"Ada"', "Ada"),
        ("[1, 2.5]", [1, 2.5]),
        ("{name: 'Ada', age: 36}", {"age": 36, "name": "Ada"}),
        ('{"name": "Ada", "tags": ["a"]}', {"name": "Ada", "tags": ["a"]}),
        ("date('2015-07-21')", {"$date": "2015-07-21"}),
        ('{"$date": "2015-07-21"}', {"$date": "2015-07-21"}),
        ("null", None),
        ("1 + 2", 3),
    ],
)
def test_param_values_are_cypher_or_json(run, db, value, expected):
    out = run("query", db, "RETURN $v AS v", "--param", f"v={value}", "--format", "jsonl", check=0).stdout
    assert json.loads(out)["v"] == expected


def test_params_can_use_earlier_params_and_equals_form(run, db):
    out = run("query", db, "RETURN $a + $b AS s", "--param", "a=2", "--param=b=$a * 10",
              "--format", "jsonl", check=0).stdout
    assert json.loads(out) == {"s": 22}


def test_bad_param_value(run, db):
    proc = run("query", db, "RETURN $v", "--param", "v=Ada", check=2)
    assert "parameter $v" in proc.stderr
    assert "quote strings" in proc.stderr
    assert "expected name=value" in run("query", db, "RETURN 1", "--param", "novalue", check=2).stderr


def test_query_errors_exit_1_on_stderr(run, db):
    proc = run("query", db, "RETRUN 1", check=1)
    assert proc.stdout == ""
    assert "Neo.ClientError.Statement.SyntaxError" in proc.stderr
    assert "line 1, column 1" in proc.stderr
    proc = run("query", db, "RETURN $missing", check=1)
    assert "Neo.ClientError.Statement.ParameterMissing" in proc.stderr


def test_constraint_violation_exit_1(run, people):
    proc = run("query", people, "CREATE (:Person {id: 1})", check=1)
    assert "Neo.ClientError.Schema.ConstraintValidationFailed" in proc.stderr
