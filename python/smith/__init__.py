"""smith: an embedded-first labeled property graph database, with a driver shaped like neo4j's.

    from smith import GraphDatabase

    with GraphDatabase.driver("data/graph.smith") as driver:
        driver.execute_query("CREATE (:Person {name: $name})", name="Ada")
        records, summary, keys = driver.execute_query("MATCH (p:Person) RETURN p.name AS name")

See docs/python.md for the whole API and how values convert.
"""

from __future__ import annotations

from . import exceptions, graph, time
from ._async import (
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncResult,
    AsyncSession,
    AsyncTransaction,
)
from ._data import Record
from ._driver import Driver, GraphDatabase
from ._result import Result
from ._session import ManagedTransaction, Session, Transaction
from ._work import (
    READ_ACCESS,
    WRITE_ACCESS,
    Auth,
    AuthToken,
    EagerResult,
    Query,
    ResultSummary,
    RoutingControl,
    ServerInfo,
    SummaryCounters,
    basic_auth,
    bearer_auth,
    custom_auth,
    unit_of_work,
)
from .time import Duration

__version__ = "0.1.0"

__all__ = [
    "READ_ACCESS",
    "WRITE_ACCESS",
    "AsyncDriver",
    "AsyncGraphDatabase",
    "AsyncManagedTransaction",
    "AsyncResult",
    "AsyncSession",
    "AsyncTransaction",
    "Auth",
    "AuthToken",
    "Driver",
    "Duration",
    "EagerResult",
    "GraphDatabase",
    "ManagedTransaction",
    "Query",
    "Record",
    "Result",
    "ResultSummary",
    "RoutingControl",
    "ServerInfo",
    "Session",
    "SummaryCounters",
    "Transaction",
    "__version__",
    "basic_auth",
    "bearer_auth",
    "custom_auth",
    "exceptions",
    "graph",
    "time",
    "unit_of_work",
]
