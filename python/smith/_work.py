"""Small value types of the driver API: queries, access modes, summaries, auth tokens."""

from __future__ import annotations

import enum
import typing as t

from ._data import Record

__all__ = [
    "READ_ACCESS",
    "WRITE_ACCESS",
    "Auth",
    "AuthToken",
    "EagerResult",
    "Query",
    "ResultSummary",
    "RoutingControl",
    "ServerInfo",
    "SummaryCounters",
    "basic_auth",
    "bearer_auth",
    "custom_auth",
    "unit_of_work",
]

READ_ACCESS = "READ"
WRITE_ACCESS = "WRITE"

SMITH_AGENT = "smith/0.1.0"


class RoutingControl(str, enum.Enum):
    """Where ``Driver.execute_query`` runs its query: a read or a write transaction."""

    READ = "r"
    WRITE = "w"


class Query:
    """A query text with metadata and a timeout, like ``neo4j.Query``.

    smith accepts the metadata and timeout and ignores them (statements are not interrupted).
    """

    def __init__(
        self,
        text: str,
        metadata: dict[str, t.Any] | None = None,
        timeout: float | None = None,
    ) -> None:
        self.text = text
        self.metadata = metadata
        self.timeout = timeout

    def __str__(self) -> str:
        return str(self.text)

    def __repr__(self) -> str:
        return f"<Query text={self.text!r} metadata={self.metadata!r} timeout={self.timeout!r}>"


def unit_of_work(
    metadata: dict[str, t.Any] | None = None, timeout: float | None = None
) -> t.Callable[[t.Callable[..., t.Any]], t.Callable[..., t.Any]]:
    """Decorator for transaction functions, as in the neo4j driver; the settings are kept on the
    function and otherwise ignored."""

    def wrapper(f: t.Callable[..., t.Any]) -> t.Callable[..., t.Any]:
        f.metadata = metadata  # type: ignore[attr-defined]
        f.timeout = timeout  # type: ignore[attr-defined]
        return f

    return wrapper


class Auth:
    """An authentication token, like ``neo4j.Auth``. Embedded databases ignore it."""

    def __init__(
        self,
        scheme: str | None,
        principal: str | None,
        credentials: str | None,
        realm: str | None = None,
        **parameters: t.Any,
    ) -> None:
        self.scheme = scheme
        self.principal = principal
        self.credentials = credentials
        self.realm = realm
        self.parameters = parameters

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Auth) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash((self.scheme, self.principal, self.credentials, self.realm))

    def __repr__(self) -> str:
        return f"<Auth scheme={self.scheme!r} principal={self.principal!r}>"


AuthToken = Auth


def basic_auth(user: str, password: str, realm: str | None = None) -> Auth:
    return Auth("basic", user, password, realm)


def bearer_auth(token: str) -> Auth:
    return Auth("bearer", None, token)


def custom_auth(
    principal: str | None,
    credentials: str | None,
    realm: str | None,
    scheme: str | None,
    **parameters: t.Any,
) -> Auth:
    return Auth(scheme, principal, credentials, realm, **parameters)


class ServerInfo:
    """What ``Driver.get_server_info()`` and ``ResultSummary.server`` describe."""

    def __init__(self, address: str | None) -> None:
        #: The database directory for an embedded database.
        self.address = address
        self.agent = SMITH_AGENT
        self.protocol_version = None
        self.connection_id = None

    def __repr__(self) -> str:
        return f"<ServerInfo address={self.address!r} agent={self.agent!r}>"


_COUNTER_NAMES = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "labels_added",
    "labels_removed",
    "indexes_added",
    "indexes_removed",
    "constraints_added",
    "constraints_removed",
    "system_updates",
)


class SummaryCounters:
    """What a statement changed, with the neo4j driver's attribute names."""

    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    labels_removed: int = 0
    indexes_added: int = 0
    indexes_removed: int = 0
    constraints_added: int = 0
    constraints_removed: int = 0
    system_updates: int = 0

    def __init__(self, statistics: dict[str, int] | None = None) -> None:
        for name, value in (statistics or {}).items():
            if name in _COUNTER_NAMES:
                setattr(self, name, int(value))

    @property
    def contains_updates(self) -> bool:
        """True if the statement changed any data or schema."""
        return any(getattr(self, name) for name in _COUNTER_NAMES if name != "system_updates")

    @property
    def contains_system_updates(self) -> bool:
        return bool(self.system_updates)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SummaryCounters) and all(
            getattr(self, n) == getattr(other, n) for n in _COUNTER_NAMES
        )

    def __repr__(self) -> str:
        changed = {n: getattr(self, n) for n in _COUNTER_NAMES if getattr(self, n)}
        return f"<SummaryCounters {changed!r}>"


class ResultSummary:
    """What ``Result.consume()`` returns, like ``neo4j.ResultSummary``.

    ``plan`` holds the text of the plan for ``EXPLAIN`` and ``PROFILE`` statements (the neo4j
    driver gives a dict); ``profile`` holds it for ``PROFILE`` only, with row counts. Timings are
    in milliseconds.
    """

    def __init__(
        self,
        *,
        query: str,
        parameters: dict[str, t.Any] | None,
        query_type: str | None,
        counters: SummaryCounters,
        plan: str | None,
        profile: str | None,
        server: ServerInfo,
        result_available_after: int | None,
        result_consumed_after: int | None,
    ) -> None:
        self.query = query
        self.parameters = parameters
        #: "r", "rw", "w" or "s", as Neo4j reports it.
        self.query_type = query_type
        self.counters = counters
        self.plan = plan
        self.profile = profile
        self.server = server
        self.database: str | None = None
        self.notifications: list[dict[str, t.Any]] | None = None
        self.summary_notifications: list[t.Any] = []
        self.result_available_after = result_available_after
        self.result_consumed_after = result_consumed_after

    def __repr__(self) -> str:
        return (
            f"<ResultSummary query_type={self.query_type!r} counters={self.counters!r} "
            f"query={self.query!r}>"
        )


class EagerResult(t.NamedTuple):
    """All records of a query with its summary and keys (``Driver.execute_query``)."""

    records: list[Record]
    summary: ResultSummary
    keys: list[str]
