"""Exceptions raised by smith, named and arranged like ``neo4j.exceptions``.

Two families, as in the neo4j driver:

* :class:`Neo4jError` and its subclasses: the database rejected or failed a statement. They carry
  the Neo4j status code (``.code``, e.g. ``"Neo.ClientError.Statement.SyntaxError"``) and the
  message (``.message``); ``classification``, ``category`` and ``title`` split the code.
* :class:`DriverError` and its subclasses: the driver API was misused (a closed session, a
  consumed result) or the database cannot be reached (:class:`ServiceUnavailable`, among them
  :class:`DatabaseLockedError` when another process holds the database directory).

Every smith exception derives from :class:`SmithError`, which has ``.code`` (``None`` for driver
errors without one) and ``.message``.

Parameter values the driver cannot convert raise the built-in :class:`TypeError`,
:class:`ValueError` or :class:`OverflowError`, naming the parameter.
"""

from __future__ import annotations

__all__ = [
    "AuthConfigurationError",
    "AuthError",
    "BrokenRecordError",
    "CertificateConfigurationError",
    "ClientError",
    "ConfigurationError",
    "ConstraintError",
    "CypherSyntaxError",
    "CypherTypeError",
    "DatabaseError",
    "DatabaseLockedError",
    "DatabaseUnavailable",
    "DriverError",
    "Forbidden",
    "ForbiddenOnReadOnlyDatabase",
    "IncompleteCommit",
    "Neo4jError",
    "NotALeader",
    "ReadServiceUnavailable",
    "ResultConsumedError",
    "ResultError",
    "ResultFailedError",
    "ResultNotSingleError",
    "RoutingServiceUnavailable",
    "ServiceUnavailable",
    "SessionError",
    "SessionExpired",
    "SmithError",
    "TokenExpired",
    "TransactionError",
    "TransactionNestingError",
    "TransientError",
    "UnsupportedServerProduct",
    "WriteServiceUnavailable",
]


class SmithError(Exception):
    """The base of every exception smith raises."""

    def __init__(self, message: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.message: str = message
        self.code: str | None = code or None

    def __str__(self) -> str:
        if self.code:
            return f"{{code: {self.code}}} {{message: {self.message}}}"
        return self.message

    def is_retryable(self) -> bool:
        """Whether running the same work again may succeed (only transient errors)."""
        return False

    # The neo4j driver's older spelling.
    def is_retriable(self) -> bool:
        return self.is_retryable()


class Neo4jError(SmithError):
    """The database reported an error; ``code`` is its Neo4j status code."""

    def __init__(self, message: str = "", code: str | None = None, status: int | None = None):
        super().__init__(message, code)
        #: smith's own status code (the C++ ``StatusCode``), or None.
        self.status: int | None = status

    def _code_part(self, index: int) -> str | None:
        parts = (self.code or "").split(".")
        return parts[index] if len(parts) == 4 else None

    @property
    def classification(self) -> str | None:
        """``ClientError``, ``DatabaseError`` or ``TransientError``."""
        return self._code_part(1)

    @property
    def category(self) -> str | None:
        """E.g. ``Statement`` or ``Schema``."""
        return self._code_part(2)

    @property
    def title(self) -> str | None:
        """E.g. ``SyntaxError``."""
        return self._code_part(3)


class ClientError(Neo4jError):
    """The request was wrong: fix the statement, its parameters or the data."""


class CypherSyntaxError(ClientError):
    """The statement does not parse, or refers to something undefined."""


class CypherTypeError(ClientError):
    """An expression met a value of the wrong type."""


class ConstraintError(ClientError):
    """A write would violate a uniqueness or node key constraint."""


class AuthError(ClientError):
    """Authentication failed (reserved for the server; embedded databases ignore auth)."""


class TokenExpired(AuthError):
    """The authentication token expired (reserved for the server)."""


class Forbidden(ClientError):
    """The operation is not allowed."""


class DatabaseError(Neo4jError):
    """The database failed: an I/O error, damaged storage, or a bug in smith."""


class TransientError(Neo4jError):
    """A temporary failure: the same work may succeed when tried again."""

    def is_retryable(self) -> bool:
        return True


class DatabaseUnavailable(TransientError):
    """The database is temporarily unavailable."""


class NotALeader(TransientError):
    """Reserved for clusters."""


class ForbiddenOnReadOnlyDatabase(TransientError):
    """Reserved for read-only databases."""


class DriverError(SmithError):
    """The driver API was misused, or the database cannot be reached."""


class SessionError(DriverError):
    """The session is closed or cannot do what was asked."""


class TransactionError(DriverError):
    """The transaction is closed, failed, or cannot do what was asked."""


class TransactionNestingError(TransactionError):
    """An explicit transaction was begun while another one is open in the session."""


class ResultError(DriverError):
    """A result was used wrongly."""


class ResultFailedError(ResultError):
    """The result failed earlier."""


class ResultConsumedError(ResultError):
    """The result was consumed, or its transaction has ended."""


class ResultNotSingleError(ResultError):
    """``single(strict=True)`` found zero or several records."""


class BrokenRecordError(DriverError):
    """A record could not be decoded."""


class SessionExpired(DriverError):
    """Reserved for the server."""


class ServiceUnavailable(DriverError):
    """The database cannot be reached: closed, held by another process, or a server URI."""


class DatabaseLockedError(ServiceUnavailable):
    """Another process (or an unrelated handle in this one) has the database directory open.

    The message names the holding process. Only one process may open a database directory;
    others must go through it (for example through a smith server, once it exists).
    """


class RoutingServiceUnavailable(ServiceUnavailable):
    """Reserved for clusters."""


class WriteServiceUnavailable(ServiceUnavailable):
    """Reserved for clusters."""


class ReadServiceUnavailable(ServiceUnavailable):
    """Reserved for clusters."""


class IncompleteCommit(ServiceUnavailable):
    """Reserved for the server: the connection dropped during a commit."""


class ConfigurationError(DriverError):
    """The driver or session configuration (or the URI) is invalid."""


class AuthConfigurationError(ConfigurationError):
    """The auth argument is malformed."""


class CertificateConfigurationError(ConfigurationError):
    """Reserved for the server."""


class UnsupportedServerProduct(DriverError):
    """Reserved for the server."""


# Neo4j status codes whose exception class is more specific than their classification's,
# as the neo4j driver maps them.
_CLASS_BY_CODE: dict[str, type[Neo4jError]] = {
    "Neo.ClientError.Schema.ConstraintValidationFailed": ConstraintError,
    "Neo.ClientError.Schema.ConstraintViolation": ConstraintError,
    "Neo.ClientError.Statement.ConstraintVerificationFailed": ConstraintError,
    "Neo.ClientError.Statement.ConstraintViolation": ConstraintError,
    "Neo.ClientError.Statement.InvalidSyntax": CypherSyntaxError,
    "Neo.ClientError.Statement.SyntaxError": CypherSyntaxError,
    # Neo4j reports undefined variables and similar mistakes as syntax errors; smith's binder
    # calls them semantic errors.
    "Neo.ClientError.Statement.SemanticError": CypherSyntaxError,
    "Neo.ClientError.Procedure.TypeError": CypherTypeError,
    "Neo.ClientError.Statement.InvalidType": CypherTypeError,
    "Neo.ClientError.Statement.TypeError": CypherTypeError,
    "Neo.ClientError.Security.Unauthorized": AuthError,
    "Neo.ClientError.Security.TokenExpired": TokenExpired,
    "Neo.ClientError.Security.Forbidden": Forbidden,
    "Neo.TransientError.General.DatabaseUnavailable": DatabaseUnavailable,
}

_CLASS_BY_CLASSIFICATION: dict[str, type[Neo4jError]] = {
    "ClientError": ClientError,
    "DatabaseError": DatabaseError,
    "TransientError": TransientError,
}

# smith's StatusCode values with a class of their own (python/src/errors.h, common/status.h).
_STATUS_CLOSED = -1
_STATUS_LOCKED = 7


def _from_status(status: int, code: str, message: str) -> SmithError:
    """The exception for a status reported by the native module (installed as its hook)."""
    if status == _STATUS_CLOSED:
        return ServiceUnavailable(message)
    if status == _STATUS_LOCKED:
        return DatabaseLockedError(message, code)
    cls = _CLASS_BY_CODE.get(code)
    if cls is None:
        parts = code.split(".")
        classification = parts[1] if len(parts) == 4 else ""
        cls = _CLASS_BY_CLASSIFICATION.get(classification, DatabaseError)
    return cls(message, code, status)
