"""SmithDatabase: one embedded smith database directory, shared by every connector of a process.

nodestream builds a fresh connector for every pipeline x target, for the migrator and for each
side of ``nodestream copy``. All of them that name the same directory share one
``SmithDatabase`` (and so one ``smith.AsyncDriver`` and one open engine): ``SmithDatabase.open``
returns the existing instance for an absolute path. A smith directory can be open in only one
process at a time, so sharing inside the process is required, not just an optimisation.

The driver is opened on first use, not in ``open``, so building a connector is cheap and touches
no files; errors such as a database held by another process surface at the first query as a
``SmithDatabaseError`` naming the directory.

Thread and coroutine safety: every method may be called from many coroutines at once. The smith
driver runs each call in a worker thread; writes (``execute`` without ``read_only``,
``execute_in_transaction``) are additionally serialised here by one asyncio lock per event loop.
That costs no throughput (smith has a single writer anyway) and works around an engine bug seen
with smith 0.1.0: auto-commit write statements started concurrently from several threads lose
nodes (two statements allocate the same node ids; see the connector docs). The instance is not
bound to an event loop, so it can be used from successive ``asyncio.run`` calls.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import threading
import typing as t
import weakref

from smith import AsyncDriver, AsyncGraphDatabase, RoutingControl
from smith.exceptions import SmithError

__all__ = ["SmithDatabase", "SmithDatabaseError"]

Statement = t.Tuple[str, t.Optional[t.Mapping[str, t.Any]]]


class SmithDatabaseError(RuntimeError):
    """A smith database could not be opened or a statement failed.

    The message says what was being done and why it failed; ``__cause__`` holds the smith
    exception (a ``smith.exceptions.SmithError`` or an ``OSError``).
    """


class SmithDatabase:
    """One smith database directory opened through ``smith.AsyncGraphDatabase``.

    Use ``SmithDatabase.open(path, **driver_options)``; the constructor is internal. Results are
    returned as plain ``dict``s keyed by the RETURN columns; graph values stay
    ``smith.graph.Node`` / ``Relationship`` / ``Path`` objects.
    """

    _instances: t.ClassVar[dict[str, "SmithDatabase"]] = {}
    _instances_lock: t.ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: str, driver_options: t.Mapping[str, t.Any]) -> None:
        self.path = path
        self.driver_options = dict(driver_options)
        self._driver: AsyncDriver | None = None
        self._driver_lock = threading.Lock()
        self._write_locks: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, asyncio.Lock
        ] = weakref.WeakKeyDictionary()

    # -- lifecycle -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], **driver_options: t.Any) -> "SmithDatabase":
        """The process-wide instance for ``path`` (made absolute against the current directory).

        ``driver_options`` (``sync_commit``, ``block_cache_bytes``, ``create_if_missing``) are
        passed to ``AsyncGraphDatabase.driver`` when the directory is first opened; for an
        instance that already exists they are ignored (the options of the first opener apply,
        as in the smith driver).
        """
        absolute = os.path.abspath(os.fspath(path))
        with cls._instances_lock:
            database = cls._instances.get(absolute)
            if database is None:
                database = cls(absolute, driver_options)
                cls._instances[absolute] = database
            return database

    @classmethod
    def close_all(cls) -> None:
        """Closes every instance of the process (also registered with ``atexit``)."""
        with cls._instances_lock:
            databases = list(cls._instances.values())
        for database in databases:
            database.close()

    @property
    def driver(self) -> AsyncDriver:
        """The open driver; opens the directory on first access (raises SmithDatabaseError)."""
        driver = self._driver
        if driver is not None and not driver.closed():
            return driver
        with self._driver_lock:
            if self._driver is None or self._driver.closed():
                try:
                    self._driver = AsyncGraphDatabase.driver(self.path, **self.driver_options)
                except (SmithError, OSError) as error:
                    raise SmithDatabaseError(
                        f"cannot open smith database at {self.path}: {error}"
                    ) from error
            return self._driver

    def close(self) -> None:
        """Closes the driver (releasing the directory) and forgets this instance.

        A later ``SmithDatabase.open`` of the same path makes a new instance. Call only when no
        coroutine still uses the database.
        """
        with self._instances_lock:
            if self._instances.get(self.path) is self:
                del self._instances[self.path]
        with self._driver_lock:
            driver, self._driver = self._driver, None
        if driver is not None and not driver.closed():
            driver._driver.close()  # synchronous close: callable outside an event loop

    # -- queries ---------------------------------------------------------------------------------

    def _write_lock(self) -> asyncio.Lock:
        """The lock serialising this database's writes on the running event loop."""
        loop = asyncio.get_running_loop()
        lock = self._write_locks.get(loop)
        if lock is None:
            lock = self._write_locks[loop] = asyncio.Lock()
        return lock

    async def execute(
        self,
        query: str,
        parameters: t.Mapping[str, t.Any] | None = None,
        *,
        read_only: bool = False,
        plain: bool = False,
    ) -> list[dict[str, t.Any]]:
        """Runs one statement in its own transaction and returns all its rows.

        ``read_only`` runs it in a read transaction. ``plain`` turns graph values into plain
        values as ``smith.Record.data()`` does (nodes become property dicts). A write statement
        is atomic: when it fails, nothing of it is stored. Smith exceptions propagate unchanged
        (callers add context).
        """
        driver = self.driver
        transformer = _plain_rows if plain else _rows
        if read_only:
            return await driver.execute_query(
                query,
                dict(parameters or {}),
                routing_=RoutingControl.READ,
                result_transformer_=transformer,
            )
        async with self._write_lock():
            return await driver.execute_query(
                query,
                dict(parameters or {}),
                routing_=RoutingControl.WRITE,
                result_transformer_=transformer,
            )

    async def execute_in_transaction(
        self, statements: t.Iterable[Statement]
    ) -> list[list[dict[str, t.Any]]]:
        """Runs ``[(query, parameters), ...]`` in order in one write transaction.

        Commits when all succeed; otherwise rolls back (nothing of any statement is stored) and
        re-raises. Returns the rows of each statement.
        """
        statements = [(query, dict(parameters or {})) for query, parameters in statements]

        async def work(tx: t.Any) -> list[list[dict[str, t.Any]]]:
            results = []
            for query, parameters in statements:
                results.append(await _rows(await tx.run(query, parameters)))
            return results

        driver = self.driver
        async with self._write_lock():
            async with driver.session() as session:
                return await session.execute_write(work)

    async def stream(
        self, query: str, parameters: t.Mapping[str, t.Any] | None = None
    ) -> t.AsyncIterator[dict[str, t.Any]]:
        """Yields the rows of a read-only query as they are fetched (from one snapshot)."""
        async with self.driver.session(default_access_mode="READ") as session:
            result = await session.run(query, dict(parameters or {}))
            async for record in result:
                yield dict(zip(record.keys(), record))

    def __repr__(self) -> str:
        return f"SmithDatabase({self.path!r})"


async def _rows(result: t.Any) -> list[dict[str, t.Any]]:
    keys = result.keys()
    return [dict(zip(keys, record)) async for record in result]


async def _plain_rows(result: t.Any) -> list[dict[str, t.Any]]:
    return [record.data() async for record in result]


atexit.register(SmithDatabase.close_all)
