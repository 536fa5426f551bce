"""SmithDatabaseConnector: the nodestream DatabaseConnector registered as ``database: smith``."""

from __future__ import annotations

import logging
import os
import typing as t
from urllib.parse import unquote, urlparse

from nodestream.databases import DatabaseConnector
from nodestream.file_io import LazyLoadedArgument

from .database import SmithDatabase, SmithDatabaseError
from .migrator import SmithMigrator
from .query_executor import SmithQueryExecutor
from .type_retriever import SmithTypeRetriever

__all__ = ["DEFAULT_URI", "DRIVER_OPTIONS", "SmithDatabaseConnector", "resolve_path"]

LOGGER = logging.getLogger(__name__)

# The embedded database used when a target gives no uri: relative to the current directory,
# which is the nodestream project directory when the CLI runs there.
DEFAULT_URI = ".smith/graph"

# Options passed through to smith.AsyncGraphDatabase.driver (see docs/python.md).
DRIVER_OPTIONS = ("sync_commit", "block_cache_bytes", "create_if_missing")

_SERVER_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _resolved(value: t.Any) -> t.Any:
    """The value of a ``!delayed`` / lazily loaded argument (nested ones too), else ``value``."""
    while isinstance(value, LazyLoadedArgument):
        value = value.get_value()
    return value


def resolve_path(uri: t.Any) -> str:
    """The absolute directory named by ``uri``: a path or a ``file:`` URI.

    Relative paths are taken against the current directory. Server URIs (``bolt://``,
    ``neo4j://``) raise ``SmithDatabaseError``: only embedded databases are supported.
    """
    uri = os.fspath(_resolved(uri))
    if not isinstance(uri, str) or not uri:
        raise SmithDatabaseError(f"smith uri must be a non-empty path, got {uri!r}")
    parsed = urlparse(uri)
    scheme = parsed.scheme.lower()
    if scheme in _SERVER_SCHEMES:
        raise SmithDatabaseError(
            f"smith uri {uri!r}: server connections are not available; "
            "use a directory path or a file: URI for an embedded database"
        )
    if scheme == "file":
        path = unquote(parsed.path)
        if parsed.netloc and parsed.netloc != "localhost":
            path = parsed.netloc + path  # file://relative/dir
        uri = path
    return os.path.abspath(os.path.expanduser(uri))


class SmithDatabaseConnector(DatabaseConnector, alias="smith"):
    """Connects nodestream to an embedded smith database directory.

    Cheap to build (nodestream builds one per pipeline x target): all connectors of a directory
    share one ``SmithDatabase``, opened by the first (``from_file_data`` opens it, so a
    directory that is locked by another process or cannot be created fails at once, before the
    pipeline reads any data).
    """

    @classmethod
    def from_file_data(
        cls,
        uri: t.Any = DEFAULT_URI,
        username: t.Any = None,
        password: t.Any = None,
        **options: t.Any,
    ) -> "SmithDatabaseConnector":
        """Builds a connector from a ``targets:`` entry of nodestream.yaml.

        ``uri`` (or its alias ``path``): directory or ``file:`` URI, default ``.smith/graph``.
        ``username`` / ``password`` are accepted for symmetry with neo4j and ignored (an
        embedded database has no users). ``sync_commit``, ``block_cache_bytes`` and
        ``create_if_missing`` go to the smith driver. Other keys are ignored with a warning.
        ``!env`` and ``!delayed`` values are resolved.
        """
        options = {key: _resolved(value) for key, value in options.items()}
        path = options.pop("path", None)
        if path is not None:
            if uri is not DEFAULT_URI and resolve_path(uri) != resolve_path(path):
                raise SmithDatabaseError(
                    f"smith target gives both uri {uri!r} and path {path!r}; use one"
                )
            uri = path
        driver_options = {key: options.pop(key) for key in DRIVER_OPTIONS if key in options}
        for key in sorted(options):
            LOGGER.warning("smith connector: ignoring unknown option %r", key)
        database = SmithDatabase.open(resolve_path(uri), **driver_options)
        database.driver  # open now: a locked or unwritable directory fails before any data flows
        return cls(database)

    def __init__(self, database: SmithDatabase) -> None:
        self.database = database

    def make_query_executor(self) -> SmithQueryExecutor:
        return SmithQueryExecutor(self.database)

    def make_type_retriever(self, **kwargs: t.Any) -> SmithTypeRetriever:
        return SmithTypeRetriever(self.database, **kwargs)

    def make_migrator(self) -> SmithMigrator:
        return SmithMigrator(self.database)
