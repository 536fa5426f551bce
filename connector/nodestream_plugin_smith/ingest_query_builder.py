"""Builds the Cypher statements and parameters the query executor sends to smith.

Every ingest call becomes ONE statement over ``UNWIND $rows AS row``: the statement text depends
only on the operation (the batching shape nodestream hands over), so it is built once per shape
and cached; the rows carry the values. Row layout (short names keep parameter conversion cheap):

* node rows: ``{"k0": <value of key 0>, "k1": ..., "p": <properties>}``, keys in shape order;
* relationship rows: ``{"f0": <from key 0>, ..., "t0": <to key 0>, ..., "r0": <relationship
  key 0>, ..., "p": <relationship properties>}``.

Labels, relationship types and property names are backtick-quoted, so any string is allowed
(nodestream property names such as ``last_ingested_by_my-pipeline_at`` contain ``-``).
"""

from __future__ import annotations

import functools
import typing as t

from nodestream.databases.query_executor import (
    OperationOnNodeIdentity,
    OperationOnRelationshipIdentity,
)
from nodestream.model import (
    Node,
    NodeCreationRule,
    RelationshipCreationRule,
    RelationshipWithNodes,
)

__all__ = [
    "delete_by_ids_query",
    "node_rows",
    "node_upsert_query",
    "quote",
    "relationship_rows",
    "relationship_upsert_query",
    "ttl_chunk_query",
]

Row = t.Dict[str, t.Any]


def quote(name: str) -> str:
    """``name`` as a Cypher identifier: backtick-quoted, embedded backticks doubled."""
    return "`" + str(name).replace("`", "``") + "`"


def _key_predicates(variable: str, keys: t.Sequence[str], prefix: str, fuzzy: bool) -> str:
    operator = "=~" if fuzzy else "="
    return " AND ".join(
        f"{variable}.{quote(key)} {operator} row.{prefix}{index}" for index, key in enumerate(keys)
    )


def _key_map(keys: t.Sequence[str], prefix: str) -> str:
    entries = ", ".join(f"{quote(key)}: row.{prefix}{index}" for index, key in enumerate(keys))
    return "{" + entries + "}"


def _match_node(variable: str, operation: OperationOnNodeIdentity, prefix: str) -> str:
    """MATCH of existing nodes by primary label and all keys (regex keys when FUZZY)."""
    shape = operation.node_identity
    clause = f"MATCH ({variable}:{quote(shape.type)})"
    if shape.keys:
        fuzzy = operation.node_creation_rule == NodeCreationRule.FUZZY
        clause += " WHERE " + _key_predicates(variable, shape.keys, prefix, fuzzy)
    return clause


@functools.lru_cache(maxsize=1024)
def node_upsert_query(operation: OperationOnNodeIdentity) -> str:
    """The statement for ``upsert_nodes_in_bulk_with_same_operation``; parameter ``$rows``.

    EAGER: ``MERGE`` on the primary label plus all keys. MATCH_ONLY: update matching nodes only.
    FUZZY: as MATCH_ONLY with each key a full-string regex (``=~``). Then the shape's additional
    labels are added (never removed) and ``SET node += row.p`` merges the properties (a null
    value removes that property).
    """
    shape = operation.node_identity
    if operation.node_creation_rule == NodeCreationRule.EAGER:
        head = f"MERGE (node:{quote(shape.type)} {_key_map(shape.keys, 'k')})"
    else:
        head = _match_node("node", operation, "k")
    lines = ["UNWIND $rows AS row", head]
    if shape.additional_types:
        lines.append("SET node" + "".join(f":{quote(label)}" for label in shape.additional_types))
    lines.append("SET node += row.p")
    return "\n".join(lines)


def node_rows(operation: OperationOnNodeIdentity, nodes: t.Iterable[Node]) -> list[Row]:
    """One row per node, in the layout ``node_upsert_query`` reads."""
    keys = operation.node_identity.keys
    rows = []
    for node in nodes:
        values = node.key_values
        row = {f"k{index}": values.get(key) for index, key in enumerate(keys)}
        row["p"] = node.properties
        rows.append(row)
    return rows


@functools.lru_cache(maxsize=1024)
def relationship_upsert_query(shape: OperationOnRelationshipIdentity) -> str:
    """The statement for ``upsert_relationships_in_bulk_of_same_operation``; parameter ``$rows``.

    Both endpoints are matched by primary label and keys (``=``, or ``=~`` for a FUZZY side);
    endpoints are never created, and a row whose endpoint is missing writes nothing. EAGER and
    MERGE_KEY ``MERGE`` the relationship on its keys (so without keys there is one relationship
    of the type per ordered pair); CREATE always creates one. Then ``SET rel += row.p``.
    """
    identity = shape.relationship_identity
    pattern = (
        f"(from_node)-[rel:{quote(identity.type)}"
        + (f" {_key_map(identity.keys, 'r')}" if identity.keys else "")
        + "]->(to_node)"
    )
    verb = "CREATE" if shape.relationship_creation_rule == RelationshipCreationRule.CREATE else (
        "MERGE"
    )
    return "\n".join(
        [
            "UNWIND $rows AS row",
            _match_node("from_node", shape.from_node, "f"),
            _match_node("to_node", shape.to_node, "t"),
            f"{verb} {pattern}",
            "SET rel += row.p",
        ]
    )


def relationship_rows(
    shape: OperationOnRelationshipIdentity, relationships: t.Iterable[RelationshipWithNodes]
) -> list[Row]:
    """One row per relationship, in the layout ``relationship_upsert_query`` reads."""
    from_keys = shape.from_node.node_identity.keys
    to_keys = shape.to_node.node_identity.keys
    rel_keys = shape.relationship_identity.keys
    rows = []
    for item in relationships:
        row: Row = {}
        from_values = item.from_node.key_values
        for index, key in enumerate(from_keys):
            row[f"f{index}"] = from_values.get(key)
        to_values = item.to_node.key_values
        for index, key in enumerate(to_keys):
            row[f"t{index}"] = to_values.get(key)
        rel_values = item.relationship.key_values
        for index, key in enumerate(rel_keys):
            row[f"r{index}"] = rel_values.get(key)
        row["p"] = item.relationship.properties
        rows.append(row)
    return rows


def ttl_chunk_query(is_node: bool, object_type: str) -> str:
    """Deletes up to ``$batch_size`` expired objects of a type; returns column ``deleted``.

    Expired means ``last_ingested_at <= $earliest_allowed_time``; objects without the property
    compare as null and survive. Nodes are DETACH DELETEd.
    """
    if is_node:
        match, delete = f"MATCH (x:{quote(object_type)})", "DETACH DELETE x"
    else:
        match, delete = f"MATCH ()-[x:{quote(object_type)}]->()", "DELETE x"
    return (
        f"{match} WHERE x.last_ingested_at <= $earliest_allowed_time "
        f"WITH x LIMIT $batch_size {delete} RETURN count(*) AS deleted"
    )


def delete_by_ids_query(is_node: bool) -> str:
    """Deletes the objects whose ``id()`` is in ``$ids`` (nodes DETACH DELETEd)."""
    if is_node:
        return "MATCH (x) WHERE id(x) IN $ids DETACH DELETE x"
    return "MATCH ()-[x]->() WHERE id(x) IN $ids DELETE x"
