"""Version, help, usage errors, and the messages for missing and locked databases."""

import subprocess
import time

import pytest


def test_version(run):
    proc = run("--version", check=0)
    assert proc.stdout.startswith("smith 0.")
    assert "storage format 1" in proc.stdout


def test_help_lists_every_command(run):
    out = run("help", check=0).stdout
    for command in ["shell", "query", "import", "export", "info", "check", "backup"]:
        assert f"\n  {command}" in out


@pytest.mark.parametrize("command", ["shell", "query", "export", "info", "check", "backup"])
def test_help_command(run, command):
    out = run("help", command, check=0).stdout
    assert out.startswith(f"usage: smith {command}")
    assert run(command, "--help", check=0).stdout == out


def test_no_arguments_and_unknown_command_are_usage_errors(run):
    assert run(check=2).stderr.startswith("smith: an embedded")
    proc = run("frobnicate", check=2)
    assert "unknown command 'frobnicate'" in proc.stderr
    assert proc.stdout == ""
    assert "unknown command" in run("help", "frobnicate", check=2).stderr


def test_usage_errors_name_the_problem(run, db):
    proc = run("query", db, check=2)
    assert "expected a database PATH and one Cypher statement" in proc.stderr
    assert "usage: smith query" in proc.stderr
    assert "unknown option --bogus" in run("info", db, "--bogus", check=2).stderr
    assert "--format is required" in run("export", db, check=2).stderr
    assert "give --output DIR" in run("export", db, "--format", "csv", check=2).stderr
    assert "unknown output format 'xml'" in run("query", db, "RETURN 1", "--format", "xml", check=2).stderr


@pytest.mark.parametrize("command", [["info"], ["check"], ["export", "--format", "jsonl"], ["backup", "dest"]])
def test_missing_database(run, tmp_path, command):
    missing = tmp_path / "nothing-here"
    proc = run(command[0], missing, *command[1:], check=1)
    assert f"no smith database at '{missing}'" in proc.stderr
    assert not missing.exists()


def test_not_a_database(run, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("hello")
    proc = run("info", other, check=1)
    assert "not a smith database" in proc.stderr or "not empty" in proc.stderr, proc.stderr
    assert "hint:" in proc.stderr


def test_locked_database_names_the_holder(run, smith, db, env, tmp_path):
    run("query", db, "CREATE (:Thing)", check=0)
    # A shell reading from a pipe keeps the database open until its input ends.
    holder = subprocess.Popen([smith, "shell", str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    try:
        holder.stdin.write(b"RETURN 'ready' AS state;\n")
        holder.stdin.flush()
        assert b"ready" in holder.stdout.readline() + holder.stdout.readline() + holder.stdout.readline() + holder.stdout.readline()
        for command in (["info"], ["query", "RETURN 1"], ["check"], ["backup", tmp_path / "b"]):
            proc = run(command[0], db, *command[1:], check=1)
            assert str(holder.pid) in proc.stderr, proc.stderr
            assert "hint: another process has this database open" in proc.stderr
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0
    run("info", db, check=0)


def test_shell_default_path_is_dot_smith_graph(run, tmp_path):
    run("shell", input="CREATE (:Default);\n", check=0)
    assert (tmp_path / ".smith" / "graph").is_dir()
    assert "Default" in run("info", tmp_path / ".smith" / "graph", check=0).stdout


def test_import_is_dispatched(run, db):
    proc = run("import", db)
    # Either the import command exists (and complains about its arguments) or it is not built.
    assert proc.returncode != 0 or proc.stdout
    assert "unknown command" not in proc.stderr
