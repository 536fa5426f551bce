"""GraphDatabase and Driver: opening an embedded database, shaped like the neo4j driver.

Several drivers on the same directory in one process share one open engine (a process may open
a database directory only once); the engine closes when the last of them closes.
"""

from __future__ import annotations

import os
import re
import threading
import typing as t
import urllib.parse
import warnings

from . import _native
from ._result import Result
from ._session import Session, merge_parameters, query_text
from ._work import READ_ACCESS, WRITE_ACCESS, Auth, Query, RoutingControl, ServerInfo
from .exceptions import AuthConfigurationError, ConfigurationError, ServiceUnavailable

__all__ = ["Driver", "GraphDatabase"]

_R = t.TypeVar("_R")

_SERVER_SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})

# smith's own driver options, with their defaults (see DatabaseOptions in smith/database.h).
_SMITH_OPTIONS: dict[str, t.Any] = {
    "create_if_missing": True,
    "sync_commit": True,
    "block_cache_bytes": 0,
}

# Configuration keys of the neo4j driver: accepted and ignored by embedded databases.
_NEO4J_CONFIG_KEYS = frozenset(
    {
        "connection_acquisition_timeout",
        "connection_timeout",
        "connection_write_timeout",
        "encrypted",
        "keep_alive",
        "liveness_check_timeout",
        "max_connection_lifetime",
        "max_connection_pool_size",
        "max_transaction_retry_time",
        "notifications_disabled_categories",
        "notifications_disabled_classifications",
        "notifications_min_severity",
        "resolver",
        "ssl_context",
        "telemetry_disabled",
        "trust",
        "trusted_certificates",
        "client_certificate",
        "user_agent",
        "warn_notification_severity",
        "fetch_size",
        "database",
        "bookmark_manager",
        "impersonated_user",
    }
)


def _database_path(uri: t.Any) -> str:
    """The directory a driver URI names; raises for server URIs and other schemes."""
    if isinstance(uri, os.PathLike):
        uri = os.fspath(uri)
    if not isinstance(uri, str):
        raise TypeError(f"the uri must be a path or a URI string, not {type(uri).__name__}")
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", uri)
    # One letter before the colon is a Windows drive, not a scheme.
    if match and len(match.group(1)) > 1:
        scheme = match.group(1).lower()
        if scheme in _SERVER_SCHEMES:
            raise ServiceUnavailable(
                f"cannot connect to {uri!r}: {scheme}:// URIs reach a smith server, which is not "
                "available yet. Open an embedded database instead: pass the path of its "
                "directory, or a file: URI such as 'file:///var/lib/app/graph.smith'."
            )
        if scheme != "file":
            raise ConfigurationError(
                f"unsupported URI scheme {scheme!r} in {uri!r}: pass a database directory path "
                "or a file: URI"
            )
        parts = urllib.parse.urlsplit(uri)
        if parts.netloc not in ("", "localhost"):
            raise ConfigurationError(
                f"file URIs name a local directory (file:///absolute/path or file:relative/path), "
                f"not host {parts.netloc!r}: {uri!r}"
            )
        uri = urllib.parse.unquote(parts.path)
    if not uri:
        raise ConfigurationError("the database path is empty")
    return uri


def _check_auth(auth: t.Any) -> None:
    if auth is None or isinstance(auth, Auth):
        return
    if isinstance(auth, (tuple, list)) and len(auth) in (2, 3):
        return
    raise AuthConfigurationError(
        "auth must be None, a (user, password) tuple or a smith.Auth "
        f"(smith.basic_auth(...)), not {type(auth).__name__}"
    )


class _SharedEngine:
    """One open database and the number of drivers using it."""

    __slots__ = ("database", "key", "refs")

    def __init__(self, database: _native.Database, key: str) -> None:
        self.database = database
        self.key = key
        self.refs = 0


_engines_lock = threading.Lock()
_engines: dict[str, _SharedEngine] = {}


def _acquire_engine(path: str, options: dict[str, t.Any]) -> _SharedEngine:
    key = os.path.realpath(os.path.abspath(path))
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None or engine.database.closed:
            database = _native.Database.open(path, **options)
            engine = _SharedEngine(database, key)
            _engines[key] = engine
        engine.refs += 1
        return engine


def _release_engine(engine: _SharedEngine) -> None:
    # Closed under the lock, so that a driver opened meanwhile on the same path cannot race the
    # closing engine for the directory lock.
    with _engines_lock:
        engine.refs -= 1
        if engine.refs > 0:
            return
        if _engines.get(engine.key) is engine:
            del _engines[engine.key]
        engine.database.close()


class GraphDatabase:
    """Creates drivers, like ``neo4j.GraphDatabase``."""

    @classmethod
    def driver(cls, uri: str | os.PathLike[str], auth: t.Any = None, **config: t.Any) -> Driver:
        """Opens (creating if missing) the embedded database in directory ``uri``.

        ``uri`` is a path or a ``file:`` URI. ``bolt://``, ``bolt+s://``, ``neo4j://`` and
        ``neo4j+s://`` URIs are reserved for the smith server and raise ServiceUnavailable until
        it exists. ``auth`` (a ``(user, password)`` tuple or ``smith.basic_auth(...)``) is
        accepted and ignored.

        smith options: ``create_if_missing`` (default True), ``sync_commit`` (default True: fsync
        at every commit; False keeps everything acknowledged across a killed process but may
        lose the last commits on power loss), ``block_cache_bytes`` (default 0: the storage
        default). They apply when the directory is opened; a driver on an already open
        directory shares its engine and options. The neo4j driver's connection options are
        accepted and ignored; other keys give a warning.

        Raises DatabaseLockedError if another process has the directory open.
        """
        path = _database_path(uri)
        _check_auth(auth)
        options = dict(_SMITH_OPTIONS)
        unknown = []
        for key, value in config.items():
            if key in _SMITH_OPTIONS:
                options[key] = value
            elif key not in _NEO4J_CONFIG_KEYS:
                unknown.append(key)
        if unknown:
            warnings.warn(
                f"smith ignores unknown driver configuration: {', '.join(sorted(unknown))}",
                stacklevel=2,
            )
        return Driver(_acquire_engine(path, options), config)

    @staticmethod
    def bookmark_manager(*args: t.Any, **kwargs: t.Any) -> None:
        """Bookmarks do not apply to an embedded database: returns None."""
        return None


class Driver:
    """An open embedded database, like ``neo4j.Driver``.

    Thread-safe: any number of threads may create sessions and run statements at once (each
    with its own session). Close it, or use it as a context manager.
    """

    def __init__(self, engine: _SharedEngine, config: dict[str, t.Any]) -> None:
        self._engine: _SharedEngine | None = engine
        self._database = engine.database
        self._server = ServerInfo(engine.database.path)
        self._default_session_config = {
            k: config[k] for k in ("fetch_size", "max_transaction_retry_time") if k in config
        }
        self._close_lock = threading.Lock()

    def __enter__(self) -> Driver:
        return self

    def __exit__(self, exc_type: t.Any, exc_value: t.Any, traceback: t.Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - never raise from a finaliser
            pass

    def _check_open(self) -> None:
        if self._engine is None:
            raise ServiceUnavailable("the driver is closed")

    @property
    def path(self) -> str:
        """The absolute path of the database directory."""
        return self._database.path

    @property
    def encrypted(self) -> bool:
        return False

    def session(self, **config: t.Any) -> Session:
        """A new session. Options as in the neo4j driver: ``default_access_mode``,
        ``fetch_size``, ``max_transaction_retry_time``; ``database``, ``bookmarks`` and the
        others are accepted and ignored (a directory holds one database)."""
        self._check_open()
        return Session(self, {**self._default_session_config, **config})

    def execute_query(
        self,
        query_: str | Query,
        parameters_: dict[str, t.Any] | None = None,
        routing_: RoutingControl | str = RoutingControl.WRITE,
        database_: str | None = None,
        impersonated_user_: str | None = None,
        bookmark_manager_: t.Any = None,
        auth_: t.Any = None,
        result_transformer_: t.Callable[[Result], _R] = (
            Result.to_eager_result  # type: ignore[assignment]
        ),
        **kwargs: t.Any,
    ) -> _R:
        """Runs one query in a managed transaction and returns ``result_transformer_(result)``:
        by default an ``EagerResult(records, summary, keys)``.

        Keyword arguments not ending in ``_`` are query parameters and take precedence over
        ``parameters_``. ``routing_=RoutingControl.READ`` runs a read transaction.
        """
        text = query_text(query_)
        parameters = merge_parameters(parameters_, kwargs)
        routing = RoutingControl(routing_)
        access_mode = READ_ACCESS if routing is RoutingControl.READ else WRITE_ACCESS

        def work(tx: t.Any) -> _R:
            return result_transformer_(tx.run(text, parameters))

        with self.session() as session:
            return session._run_transaction(access_mode, work, (), {})

    def verify_connectivity(self, **config: t.Any) -> None:
        """Raises ServiceUnavailable if the driver is closed; otherwise runs ``RETURN 1``."""
        self._check_open()
        self._database.run("RETURN 1", None).consume()

    def get_server_info(self, **config: t.Any) -> ServerInfo:
        self._check_open()
        return self._server

    def verify_authentication(self, auth: t.Any = None, **config: t.Any) -> bool:
        """Embedded databases need no authentication: True while the driver is open."""
        self._check_open()
        return True

    def supports_multi_db(self) -> bool:
        """False: a directory holds one database."""
        return False

    def supports_session_auth(self) -> bool:
        return False

    def close(self) -> None:
        """Releases the database; the last driver on a directory closes it. Idempotent."""
        with self._close_lock:
            engine, self._engine = self._engine, None
        if engine is not None:
            _release_engine(engine)

    def closed(self) -> bool:
        return self._engine is None
