"""GraphDatabase.driver and Driver: URIs, auth, configuration, sharing, closing, locking."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

import smith
from smith.exceptions import (
    AuthConfigurationError,
    ConfigurationError,
    DatabaseLockedError,
    ServiceUnavailable,
)


def count_nodes(driver: smith.Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c")
    return records[0]["c"]


def test_driver_creates_the_directory(db_path: pathlib.Path) -> None:
    assert not db_path.exists()
    with smith.GraphDatabase.driver(str(db_path)) as driver:
        assert db_path.is_dir()
        assert driver.path == str(db_path.resolve())
        driver.verify_connectivity()


def test_driver_accepts_pathlike_and_file_uris(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "a b"
    with smith.GraphDatabase.driver(target) as driver:
        driver.execute_query("CREATE (:X)")
    for uri in (target.as_uri(), "file://localhost" + str(target)):
        with smith.GraphDatabase.driver(uri) as driver:
            assert count_nodes(driver) == 1
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with smith.GraphDatabase.driver("file:a%20b") as driver:
            assert count_nodes(driver) == 1
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize(
    "uri", ["bolt://localhost:7687", "bolt+s://h", "neo4j://localhost", "neo4j+s://x.io"]
)
def test_server_uris_say_the_server_is_not_available_yet(uri: str) -> None:
    with pytest.raises(ServiceUnavailable, match="smith server, which is not available yet"):
        smith.GraphDatabase.driver(uri, auth=("neo4j", "secret"))


def test_other_uris_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError, match="unsupported URI scheme 'http'"):
        smith.GraphDatabase.driver("http://localhost:7474")
    with pytest.raises(ConfigurationError, match="not host 'elsewhere'"):
        smith.GraphDatabase.driver("file://elsewhere/db")
    with pytest.raises(ConfigurationError, match="empty"):
        smith.GraphDatabase.driver("")
    with pytest.raises(TypeError):
        smith.GraphDatabase.driver(42)  # type: ignore[arg-type]


def test_auth_is_accepted_and_ignored(db_path: pathlib.Path) -> None:
    for auth in (None, ("user", "pw"), smith.basic_auth("user", "pw"), smith.bearer_auth("t")):
        with smith.GraphDatabase.driver(str(db_path), auth=auth) as driver:
            assert driver.verify_authentication()
    assert smith.basic_auth("u", "p") == smith.Auth("basic", "u", "p")
    with pytest.raises(AuthConfigurationError):
        smith.GraphDatabase.driver(str(db_path), auth="user:pw")


def test_configuration(db_path: pathlib.Path) -> None:
    # neo4j's connection options are accepted silently; unknown keys warn.
    with smith.GraphDatabase.driver(
        str(db_path), max_connection_pool_size=5, encrypted=False, sync_commit=False
    ) as driver:
        driver.verify_connectivity()
    with pytest.warns(UserWarning, match="no_such_option"):
        smith.GraphDatabase.driver(str(db_path), no_such_option=1).close()
    missing = db_path.parent / "missing"
    with pytest.raises(smith.exceptions.SmithError):
        smith.GraphDatabase.driver(str(missing), create_if_missing=False)


def test_driver_information(driver: smith.Driver) -> None:
    info = driver.get_server_info()
    assert info.address == driver.path
    assert info.agent.startswith("smith/")
    assert driver.supports_multi_db() is False
    assert driver.encrypted is False
    assert smith.__version__ == "0.1.0"


def test_closed_driver_refuses_work(db_path: pathlib.Path) -> None:
    driver = smith.GraphDatabase.driver(str(db_path))
    session = driver.session()
    driver.close()
    driver.close()  # idempotent
    assert driver.closed()
    with pytest.raises(ServiceUnavailable):
        driver.session()
    with pytest.raises(ServiceUnavailable):
        driver.verify_connectivity()
    with pytest.raises(ServiceUnavailable):
        session.run("RETURN 1")


def test_drivers_on_one_path_share_the_engine(db_path: pathlib.Path) -> None:
    first = smith.GraphDatabase.driver(str(db_path))
    second = smith.GraphDatabase.driver(str(db_path / ".." / db_path.name))
    assert first._database is second._database
    first.execute_query("CREATE (:Shared)")
    assert count_nodes(second) == 1
    first.close()
    # The engine stays open for the second driver, and its results keep working.
    result = second.session(fetch_size=2).run("UNWIND range(1, 5) AS x RETURN x")
    assert result.fetch(2) == [[1], [2]]
    second.close()
    # The last close closed the engine: unread results report it, and the directory is free.
    with pytest.raises(ServiceUnavailable, match="closed"):
        list(result)
    assert second._database.closed
    with smith.GraphDatabase.driver(str(db_path)) as third:
        assert third._database is not first._database
        assert count_nodes(third) == 1


def test_engine_closes_with_the_last_driver_and_frees_the_directory(
    db_path: pathlib.Path,
) -> None:
    driver = smith.GraphDatabase.driver(str(db_path))
    driver.execute_query("CREATE (:A)")
    tx = driver.session().begin_transaction()
    tx.run("CREATE (:B)")
    driver.close()  # rolls back the open transaction
    with pytest.raises(ServiceUnavailable):
        tx.run("CREATE (:C)")
    assert run_in_subprocess(db_path, "print(count)").strip() == "1"


def run_in_subprocess(db_path: pathlib.Path, body: str) -> str:
    script = textwrap.dedent(
        f"""
        import smith
        try:
            with smith.GraphDatabase.driver({str(db_path)!r}) as driver:
                count = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
                {body}
        except smith.exceptions.DatabaseLockedError as error:
            print("LOCKED", error.code, error.message)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_second_process_gets_the_lock_error(driver: smith.Driver, db_path: pathlib.Path) -> None:
    output = run_in_subprocess(db_path, "print(count)")
    assert output.startswith("LOCKED Neo.ClientError.Database.DatabaseUnavailable"), output
    assert f"in use by process {os.getpid()}" in output
    assert "Only one process may open a smith database directory" in output


def test_lock_error_class(db_path: pathlib.Path) -> None:
    assert issubclass(DatabaseLockedError, ServiceUnavailable)
    error = smith.exceptions._from_status(7, "Neo.ClientError.Database.DatabaseUnavailable", "m")
    assert isinstance(error, DatabaseLockedError)
    assert error.code == "Neo.ClientError.Database.DatabaseUnavailable"


def test_execute_query(driver: smith.Driver) -> None:
    records, summary, keys = driver.execute_query(
        "CREATE (p:Person {name: $name, age: $age}) RETURN p.name AS name", {"name": "Ada"}, age=36
    )
    assert keys == ["name"]
    assert [r["name"] for r in records] == ["Ada"]
    assert summary.counters.nodes_created == 1
    assert summary.counters.properties_set == 2
    assert summary.counters.contains_updates
    # Keyword parameters win over the dict; Query objects work; READ routing reads.
    eager = driver.execute_query(
        smith.Query("MATCH (p:Person {name: $name}) RETURN p.age AS age"),
        {"name": "nobody"},
        routing_=smith.RoutingControl.READ,
        database_="neo4j",
        name="Ada",
    )
    assert isinstance(eager, smith.EagerResult)
    assert eager.records[0]["age"] == 36
    assert eager.summary.query_type == "r"
    with pytest.raises(smith.exceptions.ClientError, match="read"):
        driver.execute_query("CREATE (:X)", routing_="r")
    # A custom transformer sees the Result inside the transaction.
    total = driver.execute_query(
        "UNWIND range(1, 4) AS x RETURN x", result_transformer_=lambda r: sum(r.value())
    )
    assert total == 10


def test_execute_query_rolls_back_on_error(driver: smith.Driver) -> None:
    driver.execute_query("CREATE CONSTRAINT k FOR (n:K) REQUIRE n.k IS UNIQUE")
    driver.execute_query("CREATE (:K {k: 1})")
    with pytest.raises(smith.exceptions.ConstraintError):
        driver.execute_query("UNWIND [2, 1] AS k CREATE (:K {k: k})")
    assert driver.execute_query("MATCH (n:K) RETURN n.k AS k").records[0]["k"] == 1
    assert count_nodes(driver) == 1


def test_public_names() -> None:
    for name in smith.__all__:
        assert hasattr(smith, name), name
    assert smith.custom_auth("p", "c", None, "scheme", extra=1).parameters == {"extra": 1}
    assert smith.GraphDatabase.bookmark_manager() is None

    @smith.unit_of_work(metadata={"app": "x"}, timeout=3)
    def work(tx: smith.ManagedTransaction) -> int:
        return tx.run("RETURN 5 AS x").single()["x"]

    assert (work.metadata, work.timeout) == ({"app": "x"}, 3)
    assert str(smith.Query("RETURN 1")) == "RETURN 1"
    assert smith.RoutingControl("r") is smith.RoutingControl.READ


def test_command_line_tool_is_installed_beside_the_package(tmp_path: pathlib.Path) -> None:
    """The package build installs the `smith` tool into the environment's scripts folder."""
    import subprocess
    import sysconfig

    tool = pathlib.Path(sysconfig.get_path("scripts")) / "smith"
    assert tool.exists(), f"{tool} missing"
    version = subprocess.run([str(tool), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("smith ")
    db = tmp_path / "db"
    with smith.GraphDatabase.driver(str(db)) as driver:
        driver.execute_query("CREATE (:Installed {ok: true})")
    out = subprocess.run(
        [str(tool), "query", str(db), "MATCH (n:Installed) RETURN n.ok AS ok", "--format", "csv"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.splitlines() == ["ok", "true"], out.stdout
