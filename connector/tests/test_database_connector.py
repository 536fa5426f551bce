"""Connector configuration: nodestream.yaml target keys reaching from_file_data."""

from __future__ import annotations

import logging
import os

import pytest
from nodestream.databases import DatabaseConnector
import yaml
from nodestream.file_io import LazyLoadedArgument, LazyLoadedTagSafeLoader
from nodestream.project import Target

from nodestream_plugin_smith import DEFAULT_URI, SmithDatabase, SmithDatabaseConnector
from nodestream_plugin_smith.database import SmithDatabaseError
from nodestream_plugin_smith.database_connector import resolve_path
from nodestream_plugin_smith.query_executor import SmithQueryExecutor


@pytest.fixture(autouse=True)
def close_databases():
    yield
    SmithDatabase.close_all()


def test_registered_under_alias_smith(tmp_path):
    connector = DatabaseConnector.from_database_args(database="smith", uri=str(tmp_path / "g"))
    assert isinstance(connector, SmithDatabaseConnector)
    assert connector.database.path == str(tmp_path / "g")
    assert isinstance(connector.make_query_executor(), SmithQueryExecutor)


def test_default_uri_is_relative_to_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    connector = Target.from_file_data("smith", {"database": "smith"}).make_connector()
    assert DEFAULT_URI == ".smith/graph"
    assert connector.database.path == str(tmp_path / ".smith" / "graph")
    assert (tmp_path / ".smith" / "graph").is_dir()  # opened (and created) eagerly


def test_connectors_of_one_directory_share_one_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = SmithDatabaseConnector.from_file_data(uri="g")
    second = SmithDatabaseConnector.from_file_data(uri=str(tmp_path / "g"))
    third = SmithDatabaseConnector.from_file_data(path=f"file://{tmp_path}/g")
    other = SmithDatabaseConnector.from_file_data(uri="h")
    assert first.database is second.database is third.database
    assert other.database is not first.database


def test_env_and_delayed_values_are_resolved(tmp_path, monkeypatch):
    monkeypatch.setenv("SMITH_TEST_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("SMITH_TEST_SYNC", "false")
    config = yaml.load(
        "database: smith\n"
        "uri: !delayed {value: !env SMITH_TEST_DIR}\n"
        "password: !delayed {value: !env SMITH_TEST_DIR}\n"
        "block_cache_bytes: 1048576\n",
        Loader=LazyLoadedTagSafeLoader,
    )
    assert isinstance(config["uri"], LazyLoadedArgument)
    connector = Target.from_file_data("smith", config).make_connector()
    assert connector.database.path == str(tmp_path / "env")
    assert connector.database.driver_options == {"block_cache_bytes": 1048576}


def test_env_tag_in_a_target(tmp_path, monkeypatch):
    monkeypatch.setenv("SMITH_TEST_DIR", str(tmp_path / "from-env"))
    target = Target.from_file_data(
        "smith", {"database": "smith", "uri": LazyLoadedArgument("env", "SMITH_TEST_DIR"),
                  "batch_size": 10}
    )
    assert target.writer_arguments == {"batch_size": 10}
    assert target.make_connector().database.path == str(tmp_path / "from-env")


def test_unknown_keys_are_ignored_with_a_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        SmithDatabaseConnector.from_file_data(
            uri=str(tmp_path / "g"), username="neo4j", password="x", use_apoc=True, chunk_size=5
        )
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["smith connector: ignoring unknown option 'chunk_size'",
                        "smith connector: ignoring unknown option 'use_apoc'"]


def test_uri_forms(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_path("rel/dir") == str(tmp_path / "rel" / "dir")
    assert resolve_path(f"file://{tmp_path}/a%20b") == str(tmp_path / "a b")
    assert resolve_path("file:rel") == str(tmp_path / "rel")
    assert resolve_path(tmp_path / "p") == str(tmp_path / "p")
    for uri in ("bolt://localhost:7687", "neo4j+s://host"):
        with pytest.raises(SmithDatabaseError, match="server connections are not available"):
            resolve_path(uri)
    with pytest.raises(SmithDatabaseError, match="non-empty path"):
        resolve_path("")


def test_conflicting_uri_and_path(tmp_path):
    with pytest.raises(SmithDatabaseError, match="both uri"):
        SmithDatabaseConnector.from_file_data(uri=str(tmp_path / "a"), path=str(tmp_path / "b"))


def test_unopenable_directory_raises_at_construction(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(SmithDatabaseError, match=f"cannot open smith database at {tmp_path}"):
        SmithDatabaseConnector.from_file_data(uri=str(tmp_path / "file" / "db"))
    assert not os.path.exists(tmp_path / "file" / "db")
