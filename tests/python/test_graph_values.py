"""Nodes, relationships and paths returned by queries."""

from __future__ import annotations

import pickle

import smith
from smith.graph import Node, Path, Relationship


def test_nodes(session: smith.Session) -> None:
    record = session.run(
        "CREATE (n:Person:Author {name: 'Ada', born: 1815}) "
        "RETURN n, elementId(n) AS eid, id(n) AS id"
    ).single()
    node = record["n"]
    assert isinstance(node, Node)
    assert node.labels == frozenset({"Person", "Author"})
    assert node.element_id == record["eid"]
    assert node.id == record["id"]
    assert node["name"] == "Ada" and node.get("born") == 1815 and node.get("x", 0) == 0
    assert "name" in node and "x" not in node
    assert dict(node) == {"name": "Ada", "born": 1815}
    assert sorted(node.keys()) == ["born", "name"] and len(node) == 2
    assert sorted(node.items()) == [("born", 1815), ("name", "Ada")]
    assert sorted(node.values(), key=str) == [1815, "Ada"]
    again = session.run("MATCH (n:Person) RETURN n").single()["n"]
    assert again == node and hash(again) == hash(node)
    assert repr(node).startswith("<Node element_id=")
    assert pickle.loads(pickle.dumps(node)) == node


def test_relationships(session: smith.Session) -> None:
    record = session.run(
        "CREATE (a:A {k: 1})-[r:KNOWS {since: 2020}]->(b:B {k: 2}) "
        "RETURN r, a, b, elementId(r) AS eid"
    ).single()
    rel = record["r"]
    assert isinstance(rel, Relationship)
    assert rel.type == "KNOWS"
    assert rel.element_id == record["eid"]
    assert rel["since"] == 2020 and dict(rel) == {"since": 2020}
    # Returned on its own, a relationship knows its end nodes by id.
    assert rel.start_node == record["a"] and rel.end_node == record["b"]
    assert rel.nodes == (record["a"], record["b"])
    assert rel.start_node.labels == frozenset()
    assert rel != record["a"]
    assert "KNOWS" in repr(rel)
    assert pickle.loads(pickle.dumps(rel)) == rel


def test_paths(session: smith.Session) -> None:
    session.run("CREATE (:S {n: 0})-[:NEXT]->(:M {n: 1})<-[:BACK]-(:E {n: 2})").consume()
    path = session.run("MATCH p = (:S)-[:NEXT]->()<-[:BACK]-(:E) RETURN p").single()["p"]
    assert isinstance(path, Path)
    assert len(path) == 2
    assert [n["n"] for n in path.nodes] == [0, 1, 2]
    assert [r.type for r in path] == ["NEXT", "BACK"]
    assert path.start_node["n"] == 0 and path.end_node["n"] == 2
    nxt, back = path.relationships
    # Inside a path, relationships point at the path's own, complete nodes.
    assert nxt.start_node is path.nodes[0] and nxt.end_node is path.nodes[1]
    assert back.start_node is path.nodes[2] and back.end_node is path.nodes[1]
    assert back.start_node["n"] == 2
    assert pickle.loads(pickle.dumps(path)) == path
    assert "size=2" in repr(path)


def test_graph_values_in_collections_and_data(session: smith.Session) -> None:
    session.run("CREATE (:A {k: 1})-[:R {w: 5}]->(:B {k: 2})").consume()
    record = session.run(
        "MATCH p = (a:A)-[r:R]->(b:B) RETURN [a, b] AS nodes, {rel: r} AS m, p"
    ).single()
    assert [n["k"] for n in record["nodes"]] == [1, 2]
    assert record["m"]["rel"]["w"] == 5
    data = record.data()
    assert data["nodes"] == [{"k": 1}, {"k": 2}]
    assert data["m"] == {"rel": ({}, "R", {})}
    assert data["p"] == [{"k": 1}, "R", {"k": 2}]
