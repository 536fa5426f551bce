"""SmithMigrator: applies nodestream schema migrations to a smith database.

Every one of nodestream's 20 schema operations has an ``execute_<operation>`` method. Names follow
nodestream (and the reference neo4j connector) so they can be found with ``SHOW CONSTRAINTS`` /
``SHOW INDEXES``:

* node key constraint: ``<NodeType>_node_key`` (``IS NODE KEY`` by default, ``IS UNIQUE`` with
  ``use_node_key_constraints=False``);
* additional property index: ``<Type>_<property>_additional_index`` for nodes and relationships.

Atomicity: ``execute_migration`` runs all operations of one migration *and* the record that the
migration ran in one smith write transaction. smith's schema commands (CREATE/DROP CONSTRAINT and
INDEX) are transactional too, so a failing migration leaves neither data nor schema changes
behind, and is not marked as executed. The migration lock is taken and released in transactions
of its own, around that one.

Bookkeeping lives in the graph, as in the neo4j connector: one ``(:__NodestreamMigration__
{name})`` node per executed migration and, while a migration runs, one
``(:__NodestreamMigrationLock__ {lock: 'lock'})`` node. Both labels get a node key constraint
(``__NodestreamMigration___node_key``, ``__NodestreamMigrationLock___node_key``).

Thread and coroutine safety: one migrator runs one migration at a time; do not share an instance
between concurrent coroutines. Several migrators (in one process or, one after the other, in
several) coordinate through the lock node.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import socket
import typing as t
import uuid

from nodestream.schema.migrations import Migration, MigrationGraph, Migrator
from nodestream.schema.migrations.migrator import (
    OperationTypeNotSupportedError,
    OperationTypeRoutingMixin,
)
from nodestream.schema.migrations.operations import (
    AddAdditionalNodePropertyIndex,
    AddAdditionalRelationshipPropertyIndex,
    AddNodeProperty,
    AddRelationshipProperty,
    CreateNodeType,
    CreateRelationshipType,
    DropAdditionalNodePropertyIndex,
    DropAdditionalRelationshipPropertyIndex,
    DropNodeProperty,
    DropNodeType,
    DropRelationshipProperty,
    DropRelationshipType,
    NodeKeyExtended,
    NodeKeyPartRenamed,
    Operation,
    RelationshipKeyExtended,
    RelationshipKeyPartRenamed,
    RenameNodeProperty,
    RenameNodeType,
    RenameRelationshipProperty,
    RenameRelationshipType,
)

if t.TYPE_CHECKING:  # pragma: no cover
    from .database import SmithDatabase

__all__ = [
    "LOCK_LABEL",
    "MIGRATION_LABEL",
    "MigrationLockError",
    "SmithMigrator",
    "additional_index_name",
    "node_key_name",
    "quote",
]

LOGGER = logging.getLogger(__name__)

LOCK_LABEL = "__NodestreamMigrationLock__"
MIGRATION_LABEL = "__NodestreamMigration__"

# The key the neo4j connector uses for a key that was added without a default: a node key
# property may not be missing, so existing nodes get this string.
NULL_KEY_DEFAULT = "null"

NODE = "NODE"
RELATIONSHIP = "RELATIONSHIP"


def quote(name: str) -> str:
    """``name`` as a Cypher identifier in backticks (backticks inside doubled)."""
    return "`" + name.replace("`", "``") + "`"


def node_key_name(node_type: str) -> str:
    """The name of the key constraint of ``node_type`` (nodestream's ``proposed_index_name``)."""
    return f"{node_type}_node_key"


def additional_index_name(object_type: str, field_name: str) -> str:
    """The name of an additional property index on a node or relationship type."""
    return f"{object_type}_{field_name}_additional_index"


class MigrationLockError(RuntimeError):
    """The migration lock of a smith database is held by another migrator.

    The message names the holder (process id, host, start time) and says how to clear a lock that
    a crashed run left behind.
    """


class SmithMigrator(Migrator, OperationTypeRoutingMixin):
    """Runs nodestream migrations against one ``SmithDatabase``.

    Args:
        database: the database (shared with the connector; not closed here).
        use_node_key_constraints: create key constraints ``IS NODE KEY`` (every key property
            must exist, the default) or ``IS UNIQUE`` (a node missing a key property is allowed).
    """

    def __init__(
        self, database: "SmithDatabase", *, use_node_key_constraints: bool = True
    ) -> None:
        self.database = database
        self.use_node_key_constraints = use_node_key_constraints
        self.owner = uuid.uuid4().hex
        self._session: t.Any = None
        self._tx: t.Any = None
        self._write_lock: t.Any = None

    # -- statements ------------------------------------------------------------------------------

    async def _run(
        self, query: str, parameters: t.Mapping[str, t.Any] | None = None
    ) -> list[dict[str, t.Any]]:
        """Runs one statement in the open transaction, else in an auto-commit one."""
        if self._tx is None:
            return await self.database.execute(query, parameters)
        result = await self._tx.run(query, dict(parameters or {}))
        keys = result.keys()
        return [dict(zip(keys, record)) async for record in result]

    # -- transactions ----------------------------------------------------------------------------

    async def start_transaction(self) -> None:
        """Begins one smith write transaction; statements of this migrator run in it.

        The database's write lock (shared with the connector's writers) is held until the
        transaction ends, so no other statement of this process writes in between.
        """
        if self._tx is not None:
            raise RuntimeError("SmithMigrator: a transaction is already open")
        lock_factory = getattr(self.database, "_write_lock", None)
        lock = lock_factory() if lock_factory is not None else None
        if lock is not None:
            await lock.acquire()
        try:
            session = self.database.driver.session()
            try:
                self._tx = await session.begin_transaction()
            except BaseException:
                await session.close()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        self._session = session
        self._write_lock = lock

    async def _end_transaction(self, commit: bool) -> None:
        tx, session, lock = self._tx, self._session, self._write_lock
        self._tx = self._session = self._write_lock = None
        if tx is None:
            return
        try:
            if commit:
                await tx.commit()
            else:
                await tx.rollback()
        finally:
            try:
                await session.close()
            finally:
                if lock is not None:
                    lock.release()

    async def commit_transaction(self) -> None:
        await self._end_transaction(commit=True)

    async def rollback_transaction(self) -> None:
        await self._end_transaction(commit=False)

    # -- migrations ------------------------------------------------------------------------------

    async def execute_migration(self, migration: Migration) -> None:
        """Takes the lock, applies the migration atomically, records it, releases the lock.

        Operations and the record run in one transaction. A migration that another migrator
        recorded after this run computed its plan is skipped, not applied twice.
        """
        await self.acquire_lock()
        try:
            async with self.transaction():
                if await self._is_recorded(migration.name):
                    LOGGER.info("migration %s already executed; skipping", migration.name)
                    return
                for operation in migration.operations:
                    await self.execute_operation(operation)
                await self.mark_migration_as_executed(migration)
        finally:
            await self.release_lock()

    async def execute_operation(self, operation: Operation) -> None:
        """Routes ``operation`` to ``execute_<snake_case_type>``.

        Runs in the open transaction; without one, the operation gets a transaction of its own.
        Unlike ``OperationTypeRoutingMixin``, errors raised by the handler (AttributeError
        included) propagate unchanged.
        """
        method_name = f"execute_{operation.type_as_snake_case()}"
        method = getattr(self, method_name, None)
        if method is None:
            raise OperationTypeNotSupportedError(
                f"Unable to route operation to method: {method_name}"
            )
        if self._tx is not None:
            await method(operation)
            return
        async with self.transaction():
            await method(operation)

    async def _ensure_bookkeeping_schema(self) -> None:
        await self._create_node_key(LOCK_LABEL, ["lock"], node_key_name(LOCK_LABEL))
        await self._create_node_key(MIGRATION_LABEL, ["name"], node_key_name(MIGRATION_LABEL))

    async def _is_recorded(self, name: str) -> bool:
        rows = await self._run(
            f"MATCH (m:{quote(MIGRATION_LABEL)} {{name: $name}}) RETURN count(m) AS c",
            {"name": name},
        )
        return bool(rows and rows[0]["c"])

    async def mark_migration_as_executed(self, migration: Migration) -> None:
        await self._ensure_bookkeeping_schema()
        await self._run(
            f"MERGE (m:{quote(MIGRATION_LABEL)} {{name: $name}}) "
            "ON CREATE SET m.executed_at = $now",
            {"name": migration.name, "now": _now()},
        )

    async def get_completed_migrations(self, graph: MigrationGraph) -> list[Migration]:
        """The migrations of ``graph`` recorded as executed (unknown names are logged, skipped)."""
        rows = await self._run(f"MATCH (m:{quote(MIGRATION_LABEL)}) RETURN m.name AS name")
        completed = []
        for name in sorted(row["name"] for row in rows if row["name"] is not None):
            try:
                completed.append(graph.get_migration(name))
            except KeyError:
                LOGGER.warning(
                    "smith database %s records migration %r, which the project does not have",
                    self.database.path,
                    name,
                )
        return completed

    # -- lock ------------------------------------------------------------------------------------

    def _clear_lock_hint(self) -> str:
        statement = f"MATCH (l:{LOCK_LABEL}) DELETE l"
        return (
            "If no migration is running (a previous run crashed), clear the lock with\n"
            f"  smith query {self.database.path} '{statement}'\n"
            "or from Python: SmithMigrator(database).clear_lock(), or\n"
            f"  python -c \"import smith; smith.GraphDatabase.driver({self.database.path!r})"
            f".execute_query('{statement}')\""
        )

    async def _describe_holder(self) -> str | None:
        rows = await self.database.execute(
            f"MATCH (l:{quote(LOCK_LABEL)}) RETURN properties(l) AS p", read_only=True
        )
        if not rows:
            return None
        holder = rows[0]["p"]
        pid, host = holder.get("pid"), holder.get("host")
        parts = [f"held by process {pid} on host {host}"]
        if holder.get("acquired_at") is not None:
            parts.append(f"since {holder['acquired_at']}")
        if host == socket.gethostname() and isinstance(pid, int):
            if pid == os.getpid():
                parts.append("(this process: another migrator is running here)")
            elif not _process_alive(pid):
                parts.append("(that process no longer exists: the lock is stale)")
        return " ".join(parts)

    def _lock_error(self, holder: str) -> MigrationLockError:
        return MigrationLockError(
            f"Cannot acquire the nodestream migration lock of smith database "
            f"{self.database.path}: it is {holder}. Another `nodestream migrations run` "
            f"may be in progress.\n{self._clear_lock_hint()}"
        )

    async def acquire_lock(self) -> None:
        """Creates the lock node; fails at once with MigrationLockError if it exists."""
        holder = await self._describe_holder()  # a snapshot read: never waits for a writer
        if holder is not None:
            raise self._lock_error(holder)
        lock = {
            "owner": self.owner,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "acquired_at": _now(),
        }
        try:
            await self._ensure_bookkeeping_schema()
            await self._run(
                f"CREATE (l:{quote(LOCK_LABEL)} {{lock: 'lock'}}) SET l += $lock",
                {"lock": lock},
            )
        except Exception as error:
            holder = await self._describe_holder()
            if holder is None:
                raise
            raise self._lock_error(holder) from error

    async def release_lock(self) -> None:
        """Deletes the lock node of this migrator (a lock taken by another one stays)."""
        await self._run(
            f"MATCH (l:{quote(LOCK_LABEL)} {{lock: 'lock'}}) WHERE l.owner = $owner DELETE l",
            {"owner": self.owner},
        )

    async def clear_lock(self) -> bool:
        """Deletes the lock node whoever holds it; True if there was one.

        For a lock left by a crashed run only: clearing the lock of a running migration lets a
        second one run concurrently.
        """
        rows = await self._run(
            f"MATCH (l:{quote(LOCK_LABEL)}) DELETE l RETURN count(*) AS c"
        )
        return bool(rows and rows[0]["c"])

    # -- schema helpers --------------------------------------------------------------------------

    async def _create_node_key(
        self, node_type: str, keys: t.Iterable[str], constraint_name: str
    ) -> None:
        keys = sorted(set(keys))
        if not keys:
            return
        pattern = ", ".join(f"n.{quote(key)}" for key in keys)
        kind = "NODE KEY" if self.use_node_key_constraints else "UNIQUE"
        await self._run(
            f"CREATE CONSTRAINT {quote(constraint_name)} IF NOT EXISTS "
            f"FOR (n:{quote(node_type)}) REQUIRE ({pattern}) IS {kind}"
        )

    async def _drop_constraint(self, name: str) -> None:
        await self._run(f"DROP CONSTRAINT {quote(name)} IF EXISTS")

    async def _drop_index(self, name: str) -> None:
        await self._run(f"DROP INDEX {quote(name)} IF EXISTS")

    async def _constraint_properties(self, name: str) -> set[str]:
        rows = await self._run(
            "SHOW CONSTRAINTS YIELD name, properties WHERE name = $name RETURN properties",
            {"name": name},
        )
        return set(rows[0]["properties"]) if rows else set()

    async def _index_exists(self, name: str) -> bool:
        rows = await self._run(
            "SHOW INDEXES YIELD name WHERE name = $name RETURN name", {"name": name}
        )
        return bool(rows)

    async def _additional_indexed_properties(self, entity_type: str, object_type: str) -> set[str]:
        """Properties with an index on ``object_type`` that no constraint owns."""
        rows = await self._run(
            "SHOW INDEXES YIELD entityType, labelsOrTypes, properties, owningConstraint "
            "WHERE entityType = $entity_type AND labelsOrTypes = [$object_type] "
            "AND owningConstraint IS NULL RETURN properties",
            {"entity_type": entity_type, "object_type": object_type},
        )
        return {row["properties"][0] for row in rows if len(row["properties"]) == 1}

    async def _create_index(self, entity_type: str, object_type: str, field_name: str) -> None:
        name = quote(additional_index_name(object_type, field_name))
        if entity_type == NODE:
            pattern, variable = f"(n:{quote(object_type)})", "n"
        else:
            pattern, variable = f"()-[r:{quote(object_type)}]-()", "r"
        await self._run(
            f"CREATE INDEX {name} IF NOT EXISTS FOR {pattern} ON ({variable}.{quote(field_name)})"
        )

    async def _drop_all_additional_indexes(self, entity_type: str, object_type: str) -> set[str]:
        fields = await self._additional_indexed_properties(entity_type, object_type)
        for field_name in sorted(fields):
            await self._drop_index(additional_index_name(object_type, field_name))
        return fields

    async def _move_additional_index(
        self, entity_type: str, object_type: str, old_field: str, new_field: str
    ) -> None:
        """Renames the additional index of ``old_field`` (if any) to follow a property rename."""
        old_name = additional_index_name(object_type, old_field)
        if await self._index_exists(old_name):
            await self._drop_index(old_name)
            await self._create_index(entity_type, object_type, new_field)

    # -- data helpers ----------------------------------------------------------------------------

    async def _set_default(self, pattern: str, variable: str, prop: str, default: t.Any) -> None:
        """Sets ``prop`` to ``default`` on every object of ``pattern`` that lacks it."""
        if default is None:
            return  # a null property does not exist in Cypher: nothing to set
        target = f"{variable}.{quote(prop)}"
        await self._run(
            f"MATCH {pattern} WHERE {target} IS NULL SET {target} = $value", {"value": default}
        )

    async def _rename_property(self, pattern: str, variable: str, old: str, new: str) -> None:
        """Moves ``old`` to ``new`` where ``old`` is set (objects without it are untouched)."""
        if old == new:
            return
        old_ref, new_ref = f"{variable}.{quote(old)}", f"{variable}.{quote(new)}"
        await self._run(
            f"MATCH {pattern} WHERE {old_ref} IS NOT NULL "
            f"SET {new_ref} = {old_ref} REMOVE {old_ref}"
        )

    async def _remove_property(self, pattern: str, variable: str, prop: str) -> None:
        ref = f"{variable}.{quote(prop)}"
        await self._run(f"MATCH {pattern} WHERE {ref} IS NOT NULL REMOVE {ref}")

    @staticmethod
    def _nodes(node_type: str) -> str:
        return f"(n:{quote(node_type)})"

    @staticmethod
    def _relationships(relationship_type: str) -> str:
        return f"()-[r:{quote(relationship_type)}]->()"

    async def _rename_node_property_with_schema(
        self, node_type: str, old: str, new: str
    ) -> None:
        """Renames a node property, its key constraint part and its additional index."""
        if old == new:
            return
        constraint = node_key_name(node_type)
        keys = await self._constraint_properties(constraint)
        if old in keys:
            await self._drop_constraint(constraint)
        await self._move_additional_index(NODE, node_type, old, new)
        await self._rename_property(self._nodes(node_type), "n", old, new)
        if old in keys:
            await self._create_node_key(node_type, (keys - {old}) | {new}, constraint)

    async def _rename_relationship_property_with_schema(
        self, relationship_type: str, old: str, new: str
    ) -> None:
        if old == new:
            return
        await self._move_additional_index(RELATIONSHIP, relationship_type, old, new)
        await self._rename_property(self._relationships(relationship_type), "r", old, new)

    # -- the 20 operations -----------------------------------------------------------------------

    async def execute_create_node_type(self, operation: CreateNodeType) -> None:
        await self._create_node_key(operation.name, operation.keys, operation.proposed_index_name)

    async def execute_create_relationship_type(self, operation: CreateRelationshipType) -> None:
        # Relationship keys identify a relationship among those between the same two nodes
        # only; a database-wide uniqueness constraint would reject valid data. Nothing to do
        # (as in the neo4j connector).
        del operation

    async def execute_drop_node_type(self, operation: DropNodeType) -> None:
        await self._drop_constraint(operation.proposed_index_name)
        await self._drop_all_additional_indexes(NODE, operation.name)
        await self._run(f"MATCH {self._nodes(operation.name)} DETACH DELETE n")

    async def execute_drop_relationship_type(self, operation: DropRelationshipType) -> None:
        await self._drop_all_additional_indexes(RELATIONSHIP, operation.name)
        await self._run(f"MATCH {self._relationships(operation.name)} DELETE r")

    async def execute_rename_node_type(self, operation: RenameNodeType) -> None:
        if operation.old_type == operation.new_type:
            return
        keys = await self._constraint_properties(operation.old_proposed_index_name)
        await self._drop_constraint(operation.old_proposed_index_name)
        fields = await self._drop_all_additional_indexes(NODE, operation.old_type)
        await self._run(
            f"MATCH {self._nodes(operation.old_type)} "
            f"SET n:{quote(operation.new_type)} REMOVE n:{quote(operation.old_type)}"
        )
        await self._create_node_key(operation.new_type, keys, operation.new_proposed_index_name)
        for field_name in sorted(fields):
            await self._create_index(NODE, operation.new_type, field_name)

    async def execute_rename_relationship_type(self, operation: RenameRelationshipType) -> None:
        if operation.old_type == operation.new_type:
            return
        fields = await self._drop_all_additional_indexes(RELATIONSHIP, operation.old_type)
        # smith cannot change the type of a relationship: each one is recreated with the same
        # end nodes and properties (it gets a new id) and the old one deleted.
        await self._run(
            f"MATCH (a)-[r:{quote(operation.old_type)}]->(b) "
            f"CREATE (a)-[copy:{quote(operation.new_type)}]->(b) "
            "SET copy = properties(r) DELETE r"
        )
        for field_name in sorted(fields):
            await self._create_index(RELATIONSHIP, operation.new_type, field_name)

    async def execute_add_node_property(self, operation: AddNodeProperty) -> None:
        await self._set_default(
            self._nodes(operation.node_type), "n", operation.property_name, operation.default
        )

    async def execute_add_relationship_property(self, operation: AddRelationshipProperty) -> None:
        await self._set_default(
            self._relationships(operation.relationship_type),
            "r",
            operation.property_name,
            operation.default,
        )

    async def execute_drop_node_property(self, operation: DropNodeProperty) -> None:
        await self._remove_property(
            self._nodes(operation.node_type), "n", operation.property_name
        )

    async def execute_drop_relationship_property(
        self, operation: DropRelationshipProperty
    ) -> None:
        await self._remove_property(
            self._relationships(operation.relationship_type), "r", operation.property_name
        )

    async def execute_rename_node_property(self, operation: RenameNodeProperty) -> None:
        await self._rename_node_property_with_schema(
            operation.node_type, operation.old_property_name, operation.new_property_name
        )

    async def execute_rename_relationship_property(
        self, operation: RenameRelationshipProperty
    ) -> None:
        await self._rename_relationship_property_with_schema(
            operation.relationship_type,
            operation.old_property_name,
            operation.new_property_name,
        )

    async def execute_add_additional_node_property_index(
        self, operation: AddAdditionalNodePropertyIndex
    ) -> None:
        await self._create_index(NODE, operation.node_type, operation.field_name)

    async def execute_drop_additional_node_property_index(
        self, operation: DropAdditionalNodePropertyIndex
    ) -> None:
        await self._drop_index(operation.proposed_index_name)

    async def execute_add_additional_relationship_property_index(
        self, operation: AddAdditionalRelationshipPropertyIndex
    ) -> None:
        await self._create_index(RELATIONSHIP, operation.relationship_type, operation.field_name)

    async def execute_drop_additional_relationship_property_index(
        self, operation: DropAdditionalRelationshipPropertyIndex
    ) -> None:
        await self._drop_index(operation.proposed_index_name)

    async def execute_node_key_extended(self, operation: NodeKeyExtended) -> None:
        constraint = operation.proposed_index_name
        default = NULL_KEY_DEFAULT if operation.default is None else operation.default
        keys = await self._constraint_properties(constraint)
        await self._drop_constraint(constraint)
        await self._set_default(
            self._nodes(operation.node_type), "n", operation.added_key_property, default
        )
        await self._create_node_key(
            operation.node_type, keys | {operation.added_key_property}, constraint
        )

    async def execute_relationship_key_extended(self, operation: RelationshipKeyExtended) -> None:
        await self._set_default(
            self._relationships(operation.relationship_type),
            "r",
            operation.added_key_property,
            operation.default,
        )

    async def execute_node_key_part_renamed(self, operation: NodeKeyPartRenamed) -> None:
        await self._rename_node_property_with_schema(
            operation.node_type, operation.old_key_part_name, operation.new_key_part_name
        )

    async def execute_relationship_key_part_renamed(
        self, operation: RelationshipKeyPartRenamed
    ) -> None:
        await self._rename_relationship_property_with_schema(
            operation.relationship_type,
            operation.old_key_part_name,
            operation.new_key_part_name,
        )


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
