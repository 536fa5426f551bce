"""Engine errors mapped onto the exception hierarchy."""

from __future__ import annotations

import pytest

import smith
from smith import exceptions as ex


@pytest.mark.parametrize(
    ("query", "cls", "code", "text"),
    [
        ("MATCH (n) RETRN n", ex.CypherSyntaxError, "Neo.ClientError.Statement.SyntaxError",
         "line 1, column 11"),
        ("RETURN x", ex.CypherSyntaxError, "Neo.ClientError.Statement.SemanticError",
         "Variable `x` not defined"),
        ("RETURN $missing", ex.ClientError, "Neo.ClientError.Statement.ParameterMissing",
         "missing"),
        ("RETURN 1 + 'a' * 2", ex.CypherTypeError, "Neo.ClientError.Statement.TypeError", ""),
        ("RETURN 1 / 0", ex.ClientError, "Neo.ClientError.Statement.ArithmeticError", "zero"),
    ],
)
def test_statement_errors(
    session: smith.Session, query: str, cls: type[ex.SmithError], code: str, text: str
) -> None:
    with pytest.raises(cls) as info:
        session.run(query).consume()
    error = info.value
    assert error.code == code
    assert text in error.message
    assert str(error) == f"{{code: {code}}} {{message: {error.message}}}"
    assert isinstance(error, ex.Neo4jError) and isinstance(error, ex.SmithError)
    assert error.classification == "ClientError"
    assert error.category == code.split(".")[2]
    assert error.title == code.split(".")[3]
    assert not error.is_retryable()


def test_constraint_errors_name_label_and_values(session: smith.Session) -> None:
    session.run("CREATE CONSTRAINT person_key FOR (n:Person) REQUIRE n.key IS UNIQUE").consume()
    session.run("CREATE (:Person {key: 'k1'})").consume()
    with pytest.raises(ex.ConstraintError) as info:
        session.run("CREATE (:Person {key: 'k1'})").consume()
    assert "`Person`" in info.value.message
    assert info.value.classification == "ClientError"
    with pytest.raises(ex.ClientError) as info:
        session.run("CREATE CONSTRAINT person_key FOR (n:Person) REQUIRE n.key IS UNIQUE")
    assert info.value.code == "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"


def test_status_mapping() -> None:
    make = ex._from_status
    assert type(make(17, "Neo.DatabaseError.General.UnknownError", "m")) is ex.DatabaseError
    assert type(make(5, "Neo.DatabaseError.General.StorageDamageDetected", "m")) is ex.DatabaseError
    transient = make(99, "Neo.TransientError.General.DatabaseUnavailable", "m")
    assert type(transient) is ex.DatabaseUnavailable and transient.is_retryable()
    assert type(make(99, "Neo.TransientError.Transaction.Deadlock", "m")) is ex.TransientError
    assert type(make(-1, "", "closed")) is ex.ServiceUnavailable
    assert type(make(99, "not a code", "m")) is ex.DatabaseError
    error = make(11, "Neo.ClientError.Statement.SyntaxError", "bad")
    assert error.status == 11 and error.message == "bad"


def test_hierarchy_matches_neo4j_names() -> None:
    assert issubclass(ex.CypherSyntaxError, ex.ClientError)
    assert issubclass(ex.ConstraintError, ex.ClientError)
    assert issubclass(ex.ClientError, ex.Neo4jError)
    assert issubclass(ex.DatabaseError, ex.Neo4jError)
    assert issubclass(ex.TransientError, ex.Neo4jError)
    assert issubclass(ex.ServiceUnavailable, ex.DriverError)
    assert issubclass(ex.ResultNotSingleError, ex.ResultError)
    assert issubclass(ex.TransactionNestingError, ex.TransactionError)
    assert not issubclass(ex.DriverError, ex.Neo4jError)
    for name in ex.__all__:
        assert issubclass(getattr(ex, name), ex.SmithError)
    assert str(ex.DriverError("plain")) == "plain" and ex.DriverError("plain").code is None


def test_errors_after_results_were_read(session: smith.Session) -> None:
    # The error surfaces when the failing row is reached; earlier rows are delivered first.
    result = session.run("UNWIND [1, 2, 0] AS x RETURN 10 / x AS y")
    assert [r["y"] for r in result.fetch(2)] == [10, 5]
    with pytest.raises(ex.ClientError, match="zero"):
        list(result)
