"""smith info, check and backup."""

import json


def test_info_text(run, people):
    out = run("info", people, check=0).stdout
    assert f"Database:        {people}" in out
    assert "Storage format:  1" in out
    assert "Nodes:           3" in out
    assert "Relationships:   3" in out
    assert "| Person | 2     |" in out
    assert "| LIVES_IN          | 2             |" in out
    assert "| person_id" in out and "NODE KEY" in out and "(:Person) (id)" in out
    assert "Size on disk:" in out


def test_info_json(run, people):
    info = json.loads(run("info", people, "--json", check=0).stdout)
    assert info["nodes"] == 3 and info["relationships"] == 3
    assert info["labels"] == {"Admin": 1, "City": 1, "Person": 2}
    assert info["relationship_types"] == {"KNOWS": 1, "LIVES_IN": 2}
    assert info["constraints"] == [{"name": "person_id", "type": "NODE KEY", "entity": "NODE",
                                    "label": "Person", "properties": ["id"]}]
    assert info["indexes"][0]["name"] == "person_name"
    assert info["format_version"] == 1 and info["size_bytes"] > 0


def test_check_consistent(run, people):
    proc = run("check", people, check=0)
    assert "3 nodes, 3 relationships, 6 adjacency entries" in proc.stdout
    assert "OK: the database is consistent." in proc.stdout


def test_check_after_deletes_and_updates(run, people):
    run("query", people, "MATCH (p:Person {id: 1}) SET p.name = 'Ada L.'", check=0)
    run("query", people, "MATCH (c:City) DETACH DELETE c", check=0)
    assert "OK" in run("check", people, check=0).stdout


def test_backup_is_an_equal_openable_copy(run, people, tmp_path):
    dest = tmp_path / "backups" / "b1"
    proc = run("backup", people, dest, check=0)
    assert "3 nodes, 3 relationships" in proc.stdout
    assert run("export", dest, "--format", "jsonl").stdout == run("export", people, "--format", "jsonl").stdout
    run("check", dest, check=0)
    # The copy is independent of the original.
    run("query", dest, "CREATE (:OnlyInBackup)", check=0)
    assert "OnlyInBackup" not in run("info", people, check=0).stdout


def test_backup_refuses_existing_destination(run, people, tmp_path):
    dest = tmp_path / "exists"
    dest.mkdir()
    proc = run("backup", people, dest, check=1)
    assert "already exists" in proc.stderr
