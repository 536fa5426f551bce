"""Type stubs of the private native module smith._smith (python/src/)."""

from typing import Any, Callable

CLOSED_STATUS_CODE: int

class Cursor:
    """The records of one statement, read in batches."""

    @property
    def keys(self) -> tuple[str, ...]: ...
    def fetch(self, max_rows: int) -> list[tuple[Any, ...]]: ...
    def consume(self) -> dict[str, Any]: ...
    def discard(self) -> None: ...

class Transaction:
    """An explicit transaction."""

    def run(self, query: str, parameters: dict[str, Any] | None) -> Cursor: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...

class Database:
    """An open database directory, shared by drivers."""

    @staticmethod
    def open(
        path: str,
        create_if_missing: bool = True,
        sync_commit: bool = True,
        block_cache_bytes: int = 0,
    ) -> Database: ...
    def run(self, query: str, parameters: dict[str, Any] | None) -> Cursor: ...
    def begin_transaction(self, write: bool) -> Transaction: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    @property
    def path(self) -> str: ...

def _install_hooks(
    node: type,
    relationship: type,
    path: type,
    duration: type,
    precise: type,
    coerce: Callable[[Any], Any],
    with_nanoseconds: Callable[[Any, int], Any],
    error_factory: Callable[[int, str, str], BaseException],
) -> None: ...
