"""The asyncio API: AsyncGraphDatabase, AsyncDriver, AsyncSession, AsyncTransaction, AsyncResult.

Each class wraps its synchronous counterpart and runs every call that reaches the engine in a
worker thread (the native module releases the GIL there), so the event loop never blocks on the
database and many coroutines can use one driver at once.

Two thread pools keep that deadlock-free. Calls that may wait for the database's single writer
slot (beginning a transaction, auto-commit statements) run in the *waiting* pool; calls made on
behalf of an open transaction or result (run in a transaction, commit, rollback, fetching
records) run in the *engine* pool and never wait for the writer. So a coroutine holding the
writer can always finish, however many others are queued behind it. (As with the sync API, a
coroutine that holds a write transaction and then waits for another write of its own waits
forever.)
"""

from __future__ import annotations

import asyncio
import functools
import os
import random
import threading
import time
import typing as t
from concurrent.futures import ThreadPoolExecutor

from ._data import Record
from ._driver import Driver, GraphDatabase
from ._result import Result
from ._session import ManagedTransaction, Session, TransactionBase, query_text
from ._work import (
    READ_ACCESS,
    WRITE_ACCESS,
    EagerResult,
    Query,
    ResultSummary,
    RoutingControl,
    ServerInfo,
)
from .exceptions import SmithError

__all__ = [
    "AsyncDriver",
    "AsyncGraphDatabase",
    "AsyncManagedTransaction",
    "AsyncResult",
    "AsyncSession",
    "AsyncTransaction",
]

_R = t.TypeVar("_R")

_pools_lock = threading.Lock()
_pools: dict[str, ThreadPoolExecutor] = {}
_POOL_SIZES = {"engine": 4, "waiting": 32}


def _pool(name: str) -> ThreadPoolExecutor:
    pool = _pools.get(name)
    if pool is None:
        with _pools_lock:
            pool = _pools.get(name)
            if pool is None:
                pool = ThreadPoolExecutor(_POOL_SIZES[name], thread_name_prefix=f"smith-{name}")
                _pools[name] = pool
    return pool


async def _in_engine(fn: t.Callable[..., _R], *args: t.Any, **kwargs: t.Any) -> _R:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool("engine"), functools.partial(fn, *args, **kwargs))


async def _in_waiting(fn: t.Callable[..., _R], *args: t.Any, **kwargs: t.Any) -> _R:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool("waiting"), functools.partial(fn, *args, **kwargs))


class AsyncResult:
    """The records of a statement, for ``async for``; like ``neo4j.AsyncResult``."""

    def __init__(self, result: Result) -> None:
        self._result = result

    def __aiter__(self) -> AsyncResult:
        return self

    async def __anext__(self) -> Record:
        buffer = self._result._buffer
        record = buffer.popleft() if buffer else await _in_engine(self._result._next_record)
        if record is None:
            raise StopAsyncIteration
        return record

    def keys(self) -> tuple[str, ...]:
        return self._result.keys()

    async def consume(self) -> ResultSummary:
        return await _in_engine(self._result.consume)

    async def single(self, strict: bool = False) -> Record | None:
        return await _in_engine(self._result.single, strict)

    async def fetch(self, n: int) -> list[Record]:
        return await _in_engine(self._result.fetch, n)

    async def peek(self) -> Record | None:
        return await _in_engine(self._result.peek)

    async def value(self, key: int | str = 0, default: t.Any = None) -> list[t.Any]:
        return await _in_engine(self._result.value, key, default)

    async def values(self, *keys: int | str) -> list[list[t.Any]]:
        return await _in_engine(self._result.values, *keys)

    async def data(self, *keys: int | str) -> list[dict[str, t.Any]]:
        return await _in_engine(self._result.data, *keys)

    async def to_eager_result(self) -> EagerResult:
        return await _in_engine(self._result.to_eager_result)

    async def to_df(self, expand: bool = False, parse_dates: bool = False) -> t.Any:
        return await _in_engine(self._result.to_df, expand, parse_dates)

    def closed(self) -> bool:
        return self._result.closed()


class AsyncTransactionBase:
    def __init__(self, tx: TransactionBase) -> None:
        self._tx = tx

    async def run(
        self, query: str, parameters: dict[str, t.Any] | None = None, **kwparameters: t.Any
    ) -> AsyncResult:
        result = await _in_engine(self._tx.run, query, parameters, **kwparameters)
        return AsyncResult(result)

    async def _commit(self) -> None:
        await _in_engine(self._tx._commit)

    async def _close(self) -> None:
        await _in_engine(self._tx._close)


class AsyncTransaction(AsyncTransactionBase):
    """An explicit transaction; ``async with`` commits on success, rolls back on error."""

    async def __aenter__(self) -> AsyncTransaction:
        return self

    async def __aexit__(self, exc_type: t.Any, exc_value: t.Any, traceback: t.Any) -> None:
        if self._tx._closed():
            return
        if exc_type is None:
            await self._commit()
        else:
            await self._close()

    async def commit(self) -> None:
        await self._commit()

    async def rollback(self) -> None:
        await _in_engine(self._tx._rollback)

    async def close(self) -> None:
        await self._close()

    def closed(self) -> bool:
        return self._tx._closed()

    def cancel(self) -> None:
        """Rolls back without waiting for the engine (for asyncio.CancelledError handlers)."""
        if not self._tx._closed():
            _pool("engine").submit(self._tx._close)


class AsyncManagedTransaction(AsyncTransactionBase):
    """The transaction an async transaction function receives: it may only ``run``."""


class AsyncSession:
    """A session for asyncio; like ``neo4j.AsyncSession``. One per coroutine."""

    def __init__(self, session: Session) -> None:
        self._session = session

    async def __aenter__(self) -> AsyncSession:
        return self

    async def __aexit__(self, exc_type: t.Any, exc_value: t.Any, traceback: t.Any) -> None:
        await self.close()

    async def run(
        self, query: str | Query, parameters: dict[str, t.Any] | None = None, **kwparameters: t.Any
    ) -> AsyncResult:
        result = await _in_waiting(self._session.run, query, parameters, **kwparameters)
        return AsyncResult(result)

    async def begin_transaction(
        self, metadata: dict[str, t.Any] | None = None, timeout: float | None = None
    ) -> AsyncTransaction:
        tx = await _in_waiting(self._session.begin_transaction, metadata, timeout)
        return AsyncTransaction(tx)

    async def _run_transaction(
        self,
        access_mode: str,
        transaction_function: t.Callable[..., t.Awaitable[_R]],
        args: tuple[t.Any, ...],
        kwargs: dict[str, t.Any],
    ) -> _R:
        session = self._session
        deadline = None
        delay = session._initial_retry_delay
        while True:
            tx: ManagedTransaction = await _in_waiting(session._begin_managed, access_mode)
            managed = AsyncManagedTransaction(tx)
            try:
                result = await transaction_function(managed, *args, **kwargs)
            except BaseException as error:
                if isinstance(error, asyncio.CancelledError):
                    _pool("engine").submit(tx._close)
                    raise
                await managed._close()
                if not (isinstance(error, SmithError) and error.is_retryable()):
                    raise
                deadline = deadline or time.monotonic() + session._max_retry_time
                if time.monotonic() + delay > deadline:
                    raise
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))
                delay *= 2
                continue
            await managed._commit()
            return result

    async def execute_read(
        self,
        transaction_function: t.Callable[..., t.Awaitable[_R]],
        *args: t.Any,
        **kwargs: t.Any,
    ) -> _R:
        """Awaits ``transaction_function(tx, *args, **kwargs)`` in a read transaction, commits."""
        return await self._run_transaction(READ_ACCESS, transaction_function, args, kwargs)

    async def execute_write(
        self,
        transaction_function: t.Callable[..., t.Awaitable[_R]],
        *args: t.Any,
        **kwargs: t.Any,
    ) -> _R:
        """As ``execute_read``, in a write transaction."""
        return await self._run_transaction(WRITE_ACCESS, transaction_function, args, kwargs)

    def last_bookmark(self) -> None:
        return None

    async def close(self) -> None:
        await _in_engine(self._session.close)

    def closed(self) -> bool:
        return self._session.closed()


class AsyncGraphDatabase:
    """Creates async drivers, like ``neo4j.AsyncGraphDatabase``."""

    @classmethod
    def driver(
        cls, uri: str | os.PathLike[str], auth: t.Any = None, **config: t.Any
    ) -> AsyncDriver:
        """As ``GraphDatabase.driver``. Opening the directory happens here, synchronously (it is
        quick, and errors such as DatabaseLockedError surface at once)."""
        return AsyncDriver(GraphDatabase.driver(uri, auth, **config))

    @staticmethod
    def bookmark_manager(*args: t.Any, **kwargs: t.Any) -> None:
        return None


class AsyncDriver:
    """An open embedded database for asyncio; like ``neo4j.AsyncDriver``."""

    def __init__(self, driver: Driver) -> None:
        self._driver = driver

    async def __aenter__(self) -> AsyncDriver:
        return self

    async def __aexit__(self, exc_type: t.Any, exc_value: t.Any, traceback: t.Any) -> None:
        await self.close()

    @property
    def path(self) -> str:
        return self._driver.path

    @property
    def encrypted(self) -> bool:
        return False

    def session(self, **config: t.Any) -> AsyncSession:
        return AsyncSession(self._driver.session(**config))

    async def execute_query(
        self,
        query_: str | Query,
        parameters_: dict[str, t.Any] | None = None,
        routing_: RoutingControl | str = RoutingControl.WRITE,
        database_: str | None = None,
        impersonated_user_: str | None = None,
        bookmark_manager_: t.Any = None,
        auth_: t.Any = None,
        result_transformer_: t.Callable[[AsyncResult], t.Awaitable[_R]] = (
            AsyncResult.to_eager_result  # type: ignore[assignment]
        ),
        **kwargs: t.Any,
    ) -> _R:
        """As ``Driver.execute_query``; ``result_transformer_`` is awaited with an AsyncResult."""
        text = query_text(query_)
        routing = RoutingControl(routing_)
        access_mode = READ_ACCESS if routing is RoutingControl.READ else WRITE_ACCESS

        async def work(tx: AsyncManagedTransaction) -> _R:
            return await result_transformer_(await tx.run(text, parameters_, **kwargs))

        async with self.session() as session:
            return await session._run_transaction(access_mode, work, (), {})

    async def verify_connectivity(self, **config: t.Any) -> None:
        await _in_engine(self._driver.verify_connectivity)

    async def get_server_info(self, **config: t.Any) -> ServerInfo:
        return self._driver.get_server_info()

    async def verify_authentication(self, auth: t.Any = None, **config: t.Any) -> bool:
        return self._driver.verify_authentication(auth)

    async def supports_multi_db(self) -> bool:
        return False

    async def supports_session_auth(self) -> bool:
        return False

    async def close(self) -> None:
        await _in_engine(self._driver.close)

    def closed(self) -> bool:
        return self._driver.closed()
