"""Session, Transaction and transaction functions."""

from __future__ import annotations

import pytest

import smith
from smith.exceptions import (
    ClientError,
    ConstraintError,
    CypherSyntaxError,
    ResultConsumedError,
    SessionError,
    TransactionError,
    TransactionNestingError,
    TransientError,
)


def names(session: smith.Session) -> list[str]:
    return session.run("MATCH (p:P) RETURN p.name AS n ORDER BY n").value()


def test_run_with_parameters(session: smith.Session) -> None:
    result = session.run("CREATE (p:P {name: $name}) RETURN p.name AS n", {"name": "a"})
    assert result.single()["n"] == "a"
    session.run("CREATE (p:P {name: $name})", name="b").consume()
    # Keyword parameters take precedence over the dict.
    session.run("CREATE (p:P {name: $name})", {"name": "x"}, name="c").consume()
    session.run(smith.Query("CREATE (:P {name: 'd'})", timeout=5)).consume()
    assert names(session) == ["a", "b", "c", "d"]


def test_run_rejects_bad_arguments(session: smith.Session) -> None:
    with pytest.raises(TypeError, match="a query must be a str"):
        session.run(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parameters must be a dict"):
        session.run("RETURN 1", [1])  # type: ignore[arg-type]


def test_explicit_transaction_commit_and_rollback(session: smith.Session) -> None:
    tx = session.begin_transaction()
    tx.run("CREATE (:P {name: 'kept'})")
    assert tx.run("MATCH (p:P) RETURN count(p) AS c").single()["c"] == 1
    tx.commit()
    assert tx.closed()
    tx = session.begin_transaction()
    tx.run("CREATE (:P {name: 'dropped'})")
    tx.rollback()
    assert names(session) == ["kept"]
    with pytest.raises(TransactionError, match="closed"):
        tx.run("RETURN 1")
    with pytest.raises(TransactionError, match="closed"):
        tx.commit()


def test_transaction_context_manager(session: smith.Session) -> None:
    with session.begin_transaction() as tx:
        tx.run("CREATE (:P {name: 'committed'})")
    with pytest.raises(RuntimeError):
        with session.begin_transaction() as tx:
            tx.run("CREATE (:P {name: 'rolled back'})")
            raise RuntimeError("boom")
    with session.begin_transaction() as tx:
        tx.run("CREATE (:P {name: 'explicitly rolled back'})")
        tx.rollback()
    with session.begin_transaction() as tx:
        tx.run("CREATE (:P {name: 'closed'})")
        tx.close()
    assert names(session) == ["committed"]


def test_one_transaction_at_a_time(session: smith.Session) -> None:
    tx = session.begin_transaction()
    with pytest.raises(TransactionNestingError):
        session.begin_transaction()
    with pytest.raises(ClientError, match="Explicit Transaction"):
        session.run("RETURN 1")
    tx.close()
    assert session.run("RETURN 1 AS x").single()["x"] == 1


def test_failed_statement_fails_the_transaction(session: smith.Session) -> None:
    tx = session.begin_transaction()
    tx.run("CREATE (:P {name: 'lost'})")
    with pytest.raises(CypherSyntaxError):
        tx.run("CREATE (:P {name: }")
    with pytest.raises(TransactionError, match="failed"):
        tx.run("RETURN 1")
    with pytest.raises(TransactionError, match="failed"):
        tx.commit()
    assert names(session) == []


def test_results_end_with_their_transaction(session: smith.Session) -> None:
    tx = session.begin_transaction()
    result = tx.run("UNWIND range(1, 3) AS x RETURN x")
    assert result.peek()["x"] == 1
    tx.commit()
    assert result.closed()
    with pytest.raises(ResultConsumedError, match="out of scope"):
        list(result)
    with pytest.raises(ResultConsumedError):
        result.consume()


def test_read_transaction_refuses_writes(driver: smith.Driver) -> None:
    with driver.session(default_access_mode=smith.READ_ACCESS) as session:
        tx = session.begin_transaction()
        with pytest.raises(ClientError, match="Writing in read access mode not allowed"):
            tx.run("CREATE (:P)")
        tx.close()
        with session.begin_transaction() as tx:
            assert tx.run("RETURN 1 AS x").single()["x"] == 1


def test_execute_read_and_write(session: smith.Session) -> None:
    def create(tx: smith.ManagedTransaction, name: str, *, suffix: str = "") -> int:
        tx.run("CREATE (:P {name: $n})", n=name + suffix)
        return tx.run("MATCH (p:P) RETURN count(p) AS c").single()["c"]

    assert session.execute_write(create, "a") == 1
    assert session.execute_write(create, "b", suffix="!") == 2
    assert session.execute_read(lambda tx: tx.run("MATCH (p:P) RETURN p.name AS n").value()) == [
        "a",
        "b!",
    ]
    assert not hasattr(smith.ManagedTransaction, "commit")

    def fails(tx: smith.ManagedTransaction) -> None:
        tx.run("CREATE (:P {name: 'never'})")
        raise ValueError("no")

    with pytest.raises(ValueError):
        session.execute_write(fails)
    with pytest.raises(ClientError):
        session.execute_read(lambda tx: tx.run("CREATE (:P)").consume())
    assert names(session) == ["a", "b!"]


def test_transient_errors_are_retried(session: smith.Session) -> None:
    attempts = []

    def flaky(tx: smith.ManagedTransaction) -> str:
        attempts.append(1)
        tx.run("CREATE (:P {name: $n})", n=f"try {len(attempts)}")
        if len(attempts) < 3:
            raise TransientError("try again", "Neo.TransientError.General.Test")
        return "done"

    session._initial_retry_delay = 0.001
    assert session.execute_write(flaky) == "done"
    assert len(attempts) == 3
    assert names(session) == ["try 3"]


def test_deprecated_transaction_functions(session: smith.Session) -> None:
    with pytest.warns(DeprecationWarning):
        session.write_transaction(lambda tx: tx.run("CREATE (:P {name: 'w'})").consume())
    with pytest.warns(DeprecationWarning):
        assert session.read_transaction(lambda tx: tx.run("RETURN 2 AS x").single()["x"]) == 2


def test_session_close(driver: smith.Driver) -> None:
    session = driver.session()
    result = session.run("UNWIND range(1, 3) AS x RETURN x")
    tx_session = driver.session()
    tx = tx_session.begin_transaction()
    tx.run("CREATE (:P {name: 'open'})")
    session.close()
    tx_session.close()
    session.close()  # idempotent
    assert session.closed()
    # Closing consumed the auto-commit result and rolled back the transaction.
    with pytest.raises(ResultConsumedError):
        list(result)
    assert tx.closed()
    with pytest.raises(SessionError, match="closed"):
        session.run("RETURN 1")
    with pytest.raises(SessionError):
        session.begin_transaction()
    with driver.session() as fresh:
        assert names(fresh) == []
    assert session.last_bookmark() is None


def test_session_configuration(driver: smith.Driver) -> None:
    with driver.session(database="neo4j", fetch_size=10, bookmarks=None) as session:
        assert session.run("RETURN 1 AS x").single()["x"] == 1
    with pytest.raises(TypeError, match="unexpected session configuration"):
        driver.session(no_such_key=1)
    with pytest.raises(ValueError):
        driver.session(default_access_mode="SIDEWAYS")


def test_autocommit_write_is_atomic(session: smith.Session) -> None:
    session.run("CREATE CONSTRAINT k FOR (n:K) REQUIRE n.k IS UNIQUE").consume()
    session.run("CREATE (:K {k: 1})").consume()
    with pytest.raises(ConstraintError) as info:
        session.run("UNWIND [5, 6, 1] AS k CREATE (:K {k: k})")
    assert info.value.code == "Neo.ClientError.Schema.ConstraintValidationFailed"
    assert session.run("MATCH (n:K) RETURN count(n) AS c").single()["c"] == 1
