"""smith shell reading a script from a pipe or file (like psql -f)."""


def test_script_runs_statements_in_order(run, db):
    script = (
        "CREATE (:P {n: 1});\n"
        "CREATE (:P {n: 2}); CREATE (:P {n: 3});\n"
        "// a comment; with a semicolon\n"
        "MATCH (p:P)\n"
        "  WHERE p.n > 1 /* block; comment */\n"
        "RETURN p.n AS n ORDER BY n;\n"
    )
    proc = run("shell", db, input=script, check=0)
    assert proc.stdout.count("1 node created") == 3
    assert "| 2 |" in proc.stdout and "| 3 |" in proc.stdout
    assert "2 rows (" in proc.stdout
    assert proc.stderr == ""


def test_semicolons_inside_strings_and_names(run, db):
    proc = run("shell", db, input="RETURN 'a;b' AS `x;y`, \"c\\\";d\" AS z;\n", check=0)
    assert "'a;b'" in proc.stdout
    assert "x;y" in proc.stdout
    assert "1 row" in proc.stdout


def test_last_statement_without_semicolon_runs(run, db):
    proc = run("shell", db, input="RETURN 41 + 1 AS answer", check=0)
    assert "| 42 " in proc.stdout


def test_error_stops_script_with_line_number(run, db):
    script = "CREATE (:A);\n\nRETURN nope;\nCREATE (:B);\n"
    proc = run("shell", db, input=script, check=1)
    assert "error at <stdin>:3:" in proc.stderr
    assert "Neo.ClientError.Statement.SemanticError" in proc.stderr or "nope" in proc.stderr
    labels = run("query", db, "MATCH (n) RETURN labels(n)[0] AS l", "--format", "csv", check=0).stdout
    assert labels == "l\nA\n"  # B was never created


def test_meta_commands_in_scripts(run, db, tmp_path):
    other = tmp_path / "more.cypher"
    other.write_text("CREATE (:FromSource {v: $v});\n")
    script = (
        ":param v => 7\n"
        ":param {w: 'x', z: [1, 2]}\n"
        ":params\n"
        f":source {other}\n"
        "MATCH (n:FromSource) RETURN n.v AS v;\n"
        ":schema\n"
        ":quit\n"
        "CREATE (:NeverRuns);\n"
    )
    proc = run("shell", db, input=script, check=0)
    out = proc.stdout
    assert "$v = 7" in out
    assert ":param v => 7" in out and ":param w => 'x'" in out and ":param z => [1, 2]" in out
    assert "| 7 |" in out
    assert "| FromSource" in out  # :schema label table
    assert "NeverRuns" not in run("shell", db, input=":schema\n", check=0).stdout


def test_schema_lists_labels_types_constraints_indexes(run, people):
    out = run("shell", people, input=":schema\n", check=0).stdout
    assert "| Person" in out and "| 2 " in out
    assert "| KNOWS" in out and "| LIVES_IN" in out
    assert "| person_id" in out and "NODE_KEY" in out
    assert "| person_name" in out and "RANGE" in out


def test_unknown_meta_command_fails_script(run, db):
    proc = run("shell", db, input=":frob\n", check=1)
    assert "unknown command :frob" in proc.stderr


def test_source_error_reports_file_and_line(run, db, tmp_path):
    bad = tmp_path / "bad.cypher"
    bad.write_text("RETURN 1;\nRETURN 1 +;\n")
    proc = run("shell", db, input=f":source {bad}\n", check=1)
    assert f"error at {bad}:2:" in proc.stderr


def test_explicit_transaction_meta_commands(run, db):
    script = ":begin\nCREATE (:T1);\n:rollback\n:begin\nCREATE (:T2);\n:commit\n"
    run("shell", db, input=script, check=0)
    out = run("query", db, "MATCH (n) RETURN labels(n)[0] AS l", "--format", "csv", check=0).stdout
    assert out == "l\nT2\n"
