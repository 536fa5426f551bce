"""Loads the native module ``smith._smith`` and installs the Python hooks it calls back into."""

from __future__ import annotations

from . import _convert, exceptions, graph, time
from . import _smith  # type: ignore[attr-defined]

_smith._install_hooks(
    node=graph.Node,
    relationship=graph.Relationship,
    path=graph.Path,
    duration=time.Duration,
    precise=_convert.Precise,
    coerce=_convert.coerce,
    with_nanoseconds=_convert.with_nanoseconds,
    error_factory=exceptions._from_status,
)

Database = _smith.Database
Transaction = _smith.Transaction
Cursor = _smith.Cursor

__all__ = ["Cursor", "Database", "Transaction"]
