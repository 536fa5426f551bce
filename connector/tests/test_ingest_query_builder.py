"""Unit tests: the exact statements and rows built for each operation shape."""

from __future__ import annotations

from nodestream.databases.query_executor import (
    OperationOnNodeIdentity,
    OperationOnRelationshipIdentity,
)
from nodestream.model import (
    Node,
    NodeCreationRule,
    NodeIdentityShape,
    Relationship,
    RelationshipCreationRule,
    RelationshipIdentityShape,
    RelationshipWithNodes,
)

from nodestream_plugin_smith import ingest_query_builder as builder


def node_op(rule, keys=("id",), additional=(), type_="Person"):
    return OperationOnNodeIdentity(NodeIdentityShape(type_, tuple(keys), tuple(additional)), rule)


def rel_op(rule, from_rule=NodeCreationRule.MATCH_ONLY, to_rule=NodeCreationRule.MATCH_ONLY,
           keys=()):
    return OperationOnRelationshipIdentity(
        from_node=node_op(from_rule, keys=("id",), type_="Person"),
        to_node=node_op(to_rule, keys=("code", "region"), type_="City"),
        relationship_identity=RelationshipIdentityShape("LIVES_IN", tuple(keys)),
        relationship_creation_rule=rule,
    )


def test_quote_escapes_backticks():
    assert builder.quote("a`b") == "`a``b`"
    assert builder.quote("last_ingested_by_my-pipe_at") == "`last_ingested_by_my-pipe_at`"


def test_eager_node_statement_merges_on_label_and_all_keys():
    op = node_op(NodeCreationRule.EAGER, keys=("id", "tenant"))
    assert builder.node_upsert_query(op) == (
        "UNWIND $rows AS row\n"
        "MERGE (node:`Person` {`id`: row.k0, `tenant`: row.k1})\n"
        "SET node += row.p"
    )


def test_additional_labels_are_added_in_a_separate_set():
    op = node_op(NodeCreationRule.EAGER, additional=("Employee", "Odd Label"))
    assert builder.node_upsert_query(op) == (
        "UNWIND $rows AS row\n"
        "MERGE (node:`Person` {`id`: row.k0})\n"
        "SET node:`Employee`:`Odd Label`\n"
        "SET node += row.p"
    )


def test_match_only_node_statement_matches_never_creates():
    op = node_op(NodeCreationRule.MATCH_ONLY, keys=("id", "tenant"))
    query = builder.node_upsert_query(op)
    assert query == (
        "UNWIND $rows AS row\n"
        "MATCH (node:`Person`) WHERE node.`id` = row.k0 AND node.`tenant` = row.k1\n"
        "SET node += row.p"
    )
    assert "MERGE" not in query and "CREATE" not in query


def test_fuzzy_node_statement_uses_regex_match():
    op = node_op(NodeCreationRule.FUZZY)
    assert builder.node_upsert_query(op) == (
        "UNWIND $rows AS row\n"
        "MATCH (node:`Person`) WHERE node.`id` =~ row.k0\n"
        "SET node += row.p"
    )


def test_node_rows_put_keys_in_shape_order_and_properties_unchanged():
    op = node_op(NodeCreationRule.EAGER, keys=("id", "tenant"))
    first = Node("Person", {"tenant": "t1", "id": 7}, {"name": "Ada", "gone": None})
    second = Node("Person", {"id": 8, "tenant": "t2"}, {"name": "Bob"})
    rows = builder.node_rows(op, [first, second])
    assert rows == [
        {"k0": 7, "k1": "t1", "p": {"name": "Ada", "gone": None}},
        {"k0": 8, "k1": "t2", "p": {"name": "Bob"}},
    ]
    assert rows[0]["p"] is first.properties  # passed through, never copied or mutated


def test_eager_relationship_statement_matches_endpoints_and_merges():
    query = builder.relationship_upsert_query(rel_op(RelationshipCreationRule.EAGER))
    assert query == (
        "UNWIND $rows AS row\n"
        "MATCH (from_node:`Person`) WHERE from_node.`id` = row.f0\n"
        "MATCH (to_node:`City`) WHERE to_node.`code` = row.t0 AND to_node.`region` = row.t1\n"
        "MERGE (from_node)-[rel:`LIVES_IN`]->(to_node)\n"
        "SET rel += row.p"
    )


def test_merge_key_relationship_statement_merges_on_relationship_keys():
    query = builder.relationship_upsert_query(
        rel_op(RelationshipCreationRule.MERGE_KEY, keys=("since",))
    )
    assert "MERGE (from_node)-[rel:`LIVES_IN` {`since`: row.r0}]->(to_node)" in query
    assert query == builder.relationship_upsert_query(
        rel_op(RelationshipCreationRule.EAGER, keys=("since",))
    )


def test_create_relationship_statement_always_creates():
    query = builder.relationship_upsert_query(
        rel_op(RelationshipCreationRule.CREATE, keys=("since",))
    )
    assert "CREATE (from_node)-[rel:`LIVES_IN` {`since`: row.r0}]->(to_node)" in query
    assert "MERGE" not in query


def test_fuzzy_endpoint_uses_regex_only_on_that_side():
    query = builder.relationship_upsert_query(
        rel_op(RelationshipCreationRule.EAGER, from_rule=NodeCreationRule.FUZZY)
    )
    assert "from_node.`id` =~ row.f0" in query
    assert "to_node.`code` = row.t0" in query


def test_relationship_rows_carry_both_endpoint_keys_and_relationship_keys():
    op = rel_op(RelationshipCreationRule.EAGER, keys=("since",))
    item = RelationshipWithNodes(
        from_node=Node("Person", {"id": 1}),
        to_node=Node("City", {"region": "eu", "code": "ber"}),
        relationship=Relationship("LIVES_IN", {"since": 2001}, {"weight": 0.5}),
    )
    assert builder.relationship_rows(op, [item]) == [
        {"f0": 1, "t0": "ber", "t1": "eu", "r0": 2001, "p": {"weight": 0.5}}
    ]


def test_ttl_statements():
    assert builder.ttl_chunk_query(True, "Person") == (
        "MATCH (x:`Person`) WHERE x.last_ingested_at <= $earliest_allowed_time "
        "WITH x LIMIT $batch_size DETACH DELETE x RETURN count(*) AS deleted"
    )
    assert builder.ttl_chunk_query(False, "KNOWS") == (
        "MATCH ()-[x:`KNOWS`]->() WHERE x.last_ingested_at <= $earliest_allowed_time "
        "WITH x LIMIT $batch_size DELETE x RETURN count(*) AS deleted"
    )
    assert builder.delete_by_ids_query(True) == "MATCH (x) WHERE id(x) IN $ids DETACH DELETE x"
    assert builder.delete_by_ids_query(False) == "MATCH ()-[x]->() WHERE id(x) IN $ids DELETE x"
