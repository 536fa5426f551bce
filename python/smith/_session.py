"""Session, Transaction and ManagedTransaction: how statements run, like the neo4j driver's."""

from __future__ import annotations

import random
import time
import typing as t
import warnings

from ._result import Result
from ._work import READ_ACCESS, WRITE_ACCESS, Query
from .exceptions import (
    ClientError,
    SessionError,
    SmithError,
    TransactionError,
    TransactionNestingError,
)

if t.TYPE_CHECKING:
    from ._driver import Driver
    from ._native import Transaction as NativeTransaction

__all__ = ["ManagedTransaction", "Session", "Transaction"]

_R = t.TypeVar("_R")

# Session configuration keys of the neo4j driver, accepted and (except the first three) ignored.
_SESSION_CONFIG_KEYS = frozenset(
    {
        "default_access_mode",
        "fetch_size",
        "max_transaction_retry_time",
        "database",
        "bookmarks",
        "bookmark_manager",
        "impersonated_user",
        "auth",
        "initial_retry_delay",
        "retry_delay_multiplier",
        "retry_delay_jitter_factor",
        "notifications_min_severity",
        "notifications_disabled_categories",
        "notifications_disabled_classifications",
        "warn_notification_severity",
    }
)


def query_text(query: t.Any) -> str:
    if isinstance(query, Query):
        return str(query.text)
    if not isinstance(query, str):
        raise TypeError(f"a query must be a str or a smith.Query, not {type(query).__name__}")
    return query


def merge_parameters(
    parameters: dict[str, t.Any] | None, kwparameters: dict[str, t.Any]
) -> dict[str, t.Any] | None:
    """Keyword parameters take precedence over the dict, as in the neo4j driver."""
    if parameters is not None and not isinstance(parameters, dict):
        raise TypeError(f"parameters must be a dict, not {type(parameters).__name__}")
    if not kwparameters:
        return parameters
    merged = dict(parameters or {})
    merged.update(kwparameters)
    return merged


class TransactionBase:
    """What explicit and managed transactions share."""

    def __init__(self, native: NativeTransaction, session: Session) -> None:
        self._native = native
        self._session = session
        self._results: list[Result] = []
        self._closed_flag = False
        self._last_error: BaseException | None = None

    def run(
        self, query: str, parameters: dict[str, t.Any] | None = None, **kwparameters: t.Any
    ) -> Result:
        """Runs a statement in this transaction and returns its result.

        Raises TransactionError if the transaction is closed or failed earlier.
        """
        if isinstance(query, Query):
            raise ValueError("Query object is only supported for session.run")
        if self._closed_flag:
            raise TransactionError("Transaction closed")
        if self._last_error is not None:
            raise TransactionError("Transaction failed") from self._last_error
        text = query_text(query)
        params = merge_parameters(parameters, kwparameters)
        started = time.perf_counter()
        try:
            cursor = self._native.run(text, params)
        except SmithError as error:
            self._last_error = error
            raise
        result = Result(
            cursor, text, params, self._session._fetch_size, self._session._server, started
        )
        self._results.append(result)
        return result

    def _end_results(self) -> None:
        for result in self._results:
            result._tx_end()
        self._results = []

    def _commit(self) -> None:
        if self._closed_flag:
            raise TransactionError("Transaction closed")
        if self._last_error is not None:
            self._rollback()
            raise TransactionError("Transaction failed and was rolled back") from self._last_error
        try:
            self._end_results()
            self._native.commit()
        finally:
            self._closed_flag = True
            self._session._transaction_closed(self)

    def _rollback(self) -> None:
        if self._closed_flag:
            raise TransactionError("Transaction closed")
        try:
            self._end_results()
            self._native.rollback()
        finally:
            self._closed_flag = True
            self._session._transaction_closed(self)

    def _close(self) -> None:
        if not self._closed_flag:
            self._rollback()

    def _closed(self) -> bool:
        return self._closed_flag


class Transaction(TransactionBase):
    """An explicit transaction from ``Session.begin_transaction()``.

    As a context manager it commits when the block succeeds and rolls back when it raises.
    """

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, exc_type: t.Any, exc_value: t.Any, traceback: t.Any) -> None:
        if self._closed_flag:
            return
        if exc_type is None:
            self._commit()
        else:
            self._close()

    def commit(self) -> None:
        """Commits and closes the transaction. TransactionError if already closed."""
        self._commit()

    def rollback(self) -> None:
        """Rolls back and closes the transaction. TransactionError if already closed."""
        self._rollback()

    def close(self) -> None:
        """Rolls back unless already closed."""
        self._close()

    def closed(self) -> bool:
        return self._closed()


class ManagedTransaction(TransactionBase):
    """The transaction a transaction function receives: it may only ``run``; the session
    commits when the function returns and rolls back when it raises."""


class Session:
    """A sequence of statements and transactions, like ``neo4j.Session``.

    Not thread-safe: give each thread (or coroutine) its own session; they may all share one
    driver. Closing the session consumes its last auto-commit result and rolls back an open
    transaction.
    """

    def __init__(self, driver: Driver, config: dict[str, t.Any]) -> None:
        unknown = set(config) - _SESSION_CONFIG_KEYS
        if unknown:
            raise TypeError(f"unexpected session configuration: {', '.join(sorted(unknown))}")
        self._driver = driver
        self._database = driver._database
        self._server = driver._server
        self._fetch_size = int(config.get("fetch_size") or 1000)
        if self._fetch_size < 0:  # neo4j: -1 means "all at once"
            self._fetch_size = 1 << 30
        self._access_mode = config.get("default_access_mode") or WRITE_ACCESS
        if self._access_mode not in (READ_ACCESS, WRITE_ACCESS):
            raise ValueError("default_access_mode must be READ_ACCESS or WRITE_ACCESS")
        self._max_retry_time = float(config.get("max_transaction_retry_time") or 30.0)
        self._initial_retry_delay = float(config.get("initial_retry_delay") or 1.0)
        self._closed_flag = False
        self._auto_result: Result | None = None
        self._transaction: TransactionBase | None = None

    def _check_open(self) -> None:
        if self._closed_flag:
            raise SessionError("Session closed")
        self._driver._check_open()

    def _transaction_closed(self, tx: TransactionBase) -> None:
        if self._transaction is tx:
            self._transaction = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, exc_type: t.Any, exc_value: t.Any, traceback: t.Any) -> None:
        self.close()

    def run(
        self, query: str | Query, parameters: dict[str, t.Any] | None = None, **kwparameters: t.Any
    ) -> Result:
        """Runs a statement in its own (auto-commit) transaction and returns its result.

        A statement that writes has run and committed when this returns; a read streams its
        records from a snapshot as the result is iterated.
        """
        self._check_open()
        if self._transaction is not None:
            raise ClientError("Explicit Transaction must be handled explicitly")
        text = query_text(query)
        params = merge_parameters(parameters, kwparameters)
        started = time.perf_counter()
        cursor = self._database.run(text, params)
        self._auto_result = Result(cursor, text, params, self._fetch_size, self._server, started)
        return self._auto_result

    def begin_transaction(
        self, metadata: dict[str, t.Any] | None = None, timeout: float | None = None
    ) -> Transaction:
        """Begins an explicit transaction in the session's access mode (``metadata`` and
        ``timeout`` are ignored). A write transaction waits while another one is open."""
        self._check_open()
        if self._transaction is not None:
            raise TransactionNestingError("Explicit transaction already open")
        native = self._database.begin_transaction(self._access_mode == WRITE_ACCESS)
        tx = Transaction(native, self)
        self._transaction = tx
        return tx

    def _begin_managed(self, access_mode: str) -> ManagedTransaction:
        self._check_open()
        if self._transaction is not None:
            raise TransactionNestingError("Explicit transaction already open")
        native = self._database.begin_transaction(access_mode == WRITE_ACCESS)
        tx = ManagedTransaction(native, self)
        self._transaction = tx
        return tx

    def _run_transaction(
        self,
        access_mode: str,
        transaction_function: t.Callable[..., _R],
        args: tuple[t.Any, ...],
        kwargs: dict[str, t.Any],
    ) -> _R:
        deadline = None
        delay = self._initial_retry_delay
        while True:
            tx = self._begin_managed(access_mode)
            try:
                result = transaction_function(tx, *args, **kwargs)
            except BaseException as error:
                tx._close()
                if not (isinstance(error, SmithError) and error.is_retryable()):
                    raise
                deadline = deadline or time.monotonic() + self._max_retry_time
                if time.monotonic() + delay > deadline:
                    raise
                time.sleep(delay * random.uniform(0.8, 1.2))
                delay *= 2
                continue
            tx._commit()
            return result

    def execute_read(
        self, transaction_function: t.Callable[..., _R], *args: t.Any, **kwargs: t.Any
    ) -> _R:
        """Calls ``transaction_function(tx, *args, **kwargs)`` in a read transaction and commits.
        Transient errors are retried (up to ``max_transaction_retry_time``)."""
        return self._run_transaction(READ_ACCESS, transaction_function, args, kwargs)

    def execute_write(
        self, transaction_function: t.Callable[..., _R], *args: t.Any, **kwargs: t.Any
    ) -> _R:
        """As ``execute_read``, in a write transaction."""
        return self._run_transaction(WRITE_ACCESS, transaction_function, args, kwargs)

    def read_transaction(
        self, transaction_function: t.Callable[..., _R], *args: t.Any, **kwargs: t.Any
    ) -> _R:
        """Deprecated spelling of ``execute_read`` (neo4j 4)."""
        warnings.warn("read_transaction is deprecated: use execute_read", DeprecationWarning, 2)
        return self.execute_read(transaction_function, *args, **kwargs)

    def write_transaction(
        self, transaction_function: t.Callable[..., _R], *args: t.Any, **kwargs: t.Any
    ) -> _R:
        """Deprecated spelling of ``execute_write`` (neo4j 4)."""
        warnings.warn("write_transaction is deprecated: use execute_write", DeprecationWarning, 2)
        return self.execute_write(transaction_function, *args, **kwargs)

    def last_bookmark(self) -> None:
        """Bookmarks do not apply to an embedded database: always None."""
        return None

    def close(self) -> None:
        """Consumes the last auto-commit result, rolls back an open transaction. Idempotent."""
        if self._closed_flag:
            return
        try:
            if self._auto_result is not None and not self._auto_result.closed():
                try:
                    self._auto_result.consume()
                except SmithError:
                    pass
            if self._transaction is not None:
                self._transaction._close()
        finally:
            self._auto_result = None
            self._transaction = None
            self._closed_flag = True

    def closed(self) -> bool:
        return self._closed_flag
