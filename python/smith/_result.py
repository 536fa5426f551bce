"""Result: the records of one statement, streamed from the engine in batches."""

from __future__ import annotations

import time
import typing as t
import warnings
from collections import deque

from ._data import Record, record_factory
from ._work import EagerResult, ResultSummary, ServerInfo, SummaryCounters
from .exceptions import ResultConsumedError, ResultNotSingleError

if t.TYPE_CHECKING:
    from ._native import Cursor

__all__ = ["Result"]

_OUT_OF_SCOPE = (
    "The result is out of scope. The associated transaction has been closed. Results can only "
    "be used while the transaction is open."
)
_CONSUMED = (
    "The result has been consumed. Fetch all needed records before calling Result.consume()."
)


class Result:
    """The records of a statement, like ``neo4j.Result``.

    Iterate over it (``for record in result``) to stream the records: the engine is read
    ``fetch_size`` records at a time, so a large result never sits in memory whole. A result
    can be read once. ``consume()`` discards what is left and returns the summary.

    Results of ``Session.run`` stay readable after the session runs other statements; results
    of a transaction become unreadable (``ResultConsumedError``) when the transaction ends.
    Not thread-safe: use a result from one thread at a time.
    """

    def __init__(
        self,
        cursor: Cursor,
        query: str,
        parameters: dict[str, t.Any] | None,
        fetch_size: int,
        server: ServerInfo,
        started: float,
    ) -> None:
        self._cursor = cursor
        self._keys: tuple[str, ...] = cursor.keys
        self._make = record_factory(self._keys)
        self._query = query
        self._parameters = parameters
        self._fetch_size = max(1, fetch_size)
        self._server = server
        self._started = started
        self._available_after = _millis(time.perf_counter() - started)
        self._buffer: deque[Record] = deque()
        self._exhausted = False  # the engine has no more records
        self._consumed = False
        self._out_of_scope = False
        self._summary: ResultSummary | None = None

    # ---- engine access: the only methods that block (AsyncResult runs them in a thread) ----

    def _fetch_batch(self) -> bool:
        """Reads the next batch into the buffer; False at the end of the records."""
        if self._exhausted:
            return False
        rows = self._cursor.fetch(self._fetch_size)
        if not rows:
            self._exhausted = True
            return False
        self._buffer.extend(map(self._make, rows))
        return True

    def _buffer_at_least(self, n: int | None) -> None:
        """Fills the buffer up to `n` records (all with None) or the end."""
        self._check_readable()
        while (n is None or len(self._buffer) < n) and self._fetch_batch():
            pass

    def _next_record(self) -> Record | None:
        """The next record, or None at the end."""
        if self._buffer:
            return self._buffer.popleft()
        self._check_readable()
        while self._fetch_batch():
            if self._buffer:
                return self._buffer.popleft()
        return None

    def _consume_native(self) -> ResultSummary:
        if self._summary is None:
            stats = self._cursor.consume()
            plan = stats["plan"] or None
            profiled = plan is not None and self._query.lstrip()[:7].upper() == "PROFILE"
            self._summary = ResultSummary(
                query=self._query,
                parameters=self._parameters,
                query_type=stats["query_type"] or None,
                counters=SummaryCounters(stats["counters"]),
                plan=plan,
                profile=plan if profiled else None,
                server=self._server,
                result_available_after=self._available_after,
                result_consumed_after=_millis(time.perf_counter() - self._started),
            )
        return self._summary

    def _tx_end(self) -> None:
        """The transaction this result belongs to ended: drop the records, refuse further use."""
        self._buffer.clear()
        self._exhausted = True
        self._out_of_scope = True
        self._cursor.discard()

    def _check_readable(self) -> None:
        if self._out_of_scope:
            raise ResultConsumedError(_OUT_OF_SCOPE)
        if self._consumed:
            raise ResultConsumedError(_CONSUMED)

    # ---- public API ----

    def __iter__(self) -> t.Iterator[Record]:
        """The remaining records. Iterators share the stream: each record comes out once."""
        buffer = self._buffer
        while True:
            while buffer:
                yield buffer.popleft()
            self._check_readable()
            if not self._fetch_batch():
                return

    def __next__(self) -> Record:
        record = self._next_record()
        if record is None:
            raise StopIteration
        return record

    def keys(self) -> tuple[str, ...]:
        """The column names."""
        return self._keys

    def consume(self) -> ResultSummary:
        """Discards the remaining records and returns the summary (again on later calls)."""
        if self._out_of_scope:
            raise ResultConsumedError(_OUT_OF_SCOPE)
        self._buffer.clear()
        summary = self._consume_native()
        self._consumed = True
        self._exhausted = True
        return summary

    def single(self, strict: bool = False) -> Record | None:
        """The one remaining record; always exhausts the result.

        With ``strict=False``: None if there is none, the first with a warning if there are
        several. With ``strict=True``: ``ResultNotSingleError`` unless there is exactly one.
        """
        self._buffer_at_least(2)
        buffered = list(self._buffer)
        self._buffer.clear()
        self._discard_rest()
        if not buffered:
            if strict:
                raise ResultNotSingleError(
                    "No records found. Make sure your query returns exactly one record."
                )
            return None
        if len(buffered) > 1:
            if strict:
                raise ResultNotSingleError(
                    "More than one record found. Make sure your query returns exactly one record."
                )
            warnings.warn(
                "Expected a result with a single record, but found multiple.", stacklevel=2
            )
        return buffered[0]

    def _discard_rest(self) -> None:
        if not self._exhausted:
            self._consume_native()
            self._exhausted = True

    def fetch(self, n: int) -> list[Record]:
        """Up to ``n`` next records."""
        self._buffer_at_least(n)
        return [self._buffer.popleft() for _ in range(min(n, len(self._buffer)))]

    def peek(self) -> Record | None:
        """The next record without consuming it, or None."""
        self._buffer_at_least(1)
        return self._buffer[0] if self._buffer else None

    def value(self, key: int | str = 0, default: t.Any = None) -> list[t.Any]:
        """The remaining records' values of one column."""
        return [record.value(key, default) for record in self]

    def values(self, *keys: int | str) -> list[list[t.Any]]:
        """The remaining records as value lists."""
        return [record.values(*keys) for record in self]

    def data(self, *keys: int | str) -> list[dict[str, t.Any]]:
        """The remaining records as dicts (see ``Record.data``)."""
        return [record.data(*keys) for record in self]

    def to_eager_result(self) -> EagerResult:
        """All remaining records, the summary and the keys; consumes the result."""
        self._buffer_at_least(None)
        records = list(self)
        return EagerResult(records=records, summary=self.consume(), keys=list(self._keys))

    def to_df(self, expand: bool = False, parse_dates: bool = False) -> t.Any:
        """The remaining records as a pandas DataFrame, one column per key.

        ``expand`` and ``parse_dates`` are accepted for compatibility; smith does not flatten
        graph values, and its temporal values already are ``datetime``/``pandas.Timestamp``.
        """
        import pandas as pd

        return pd.DataFrame(self.values(), columns=list(self._keys))

    def closed(self) -> bool:
        """True once consumed or once its transaction has ended."""
        return self._consumed or self._out_of_scope


def _millis(seconds: float) -> int:
    return int(seconds * 1000)
