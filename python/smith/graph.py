"""Graph values returned by queries: :class:`Node`, :class:`Relationship` and :class:`Path`.

They mirror ``neo4j.graph``: an entity has an ``element_id`` (``"n:42"`` for nodes, ``"r:7"`` for
relationships, as Cypher's ``elementId()`` returns), the deprecated integer ``id``, and read-only
mapping access to its properties (``node["name"]``, ``node.get("age")``, ``dict(node)``).
Entities compare equal when they are of the same kind with the same element id; the properties
are a snapshot taken when the record was read.

A relationship returned on its own knows only the ids of its end nodes: its ``start_node`` and
``end_node`` are nodes without labels or properties. Inside a :class:`Path` they are the path's
full nodes.
"""

from __future__ import annotations

import typing as t

__all__ = ["Entity", "Node", "Path", "Relationship"]


class Entity:
    """Common base of :class:`Node` and :class:`Relationship`."""

    __slots__ = ("_id", "_properties")
    _prefix = ""

    def __init__(self, id: int, properties: dict[str, t.Any] | None = None) -> None:
        self._id = id
        self._properties = dict(properties) if properties else {}

    @property
    def element_id(self) -> str:
        """The entity's element id, unique within the database (Cypher ``elementId()``)."""
        return f"{self._prefix}:{self._id}"

    @property
    def id(self) -> int:
        """The integer id (Cypher ``id()``); prefer :attr:`element_id`."""
        return self._id

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._id == self._id  # type: ignore[attr-defined]

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self._prefix, self._id))

    def __len__(self) -> int:
        return len(self._properties)

    def __getitem__(self, key: str) -> t.Any:
        return self._properties[key]

    def __contains__(self, key: object) -> bool:
        return key in self._properties

    def __iter__(self) -> t.Iterator[str]:
        return iter(self._properties)

    def get(self, key: str, default: t.Any = None) -> t.Any:
        """The property ``key``, or ``default``."""
        return self._properties.get(key, default)

    def keys(self) -> t.KeysView[str]:
        return self._properties.keys()

    def values(self) -> t.ValuesView[t.Any]:
        return self._properties.values()

    def items(self) -> t.ItemsView[str, t.Any]:
        return self._properties.items()


class Node(Entity):
    """A node: labels and properties."""

    __slots__ = ("_labels",)
    _prefix = "n"

    def __init__(
        self,
        id: int,
        labels: t.Iterable[str] = (),
        properties: dict[str, t.Any] | None = None,
    ) -> None:
        super().__init__(id, properties)
        self._labels = frozenset(labels)

    @property
    def labels(self) -> frozenset[str]:
        return self._labels

    def __repr__(self) -> str:
        return (
            f"<Node element_id={self.element_id!r} labels={self._labels!r} "
            f"properties={self._properties!r}>"
        )

    def __reduce__(self) -> tuple[t.Any, ...]:
        return (Node, (self._id, tuple(self._labels), self._properties))


class Relationship(Entity):
    """A relationship: its type, its end nodes and its properties."""

    __slots__ = ("_type", "_start_node", "_end_node")
    _prefix = "r"

    def __init__(
        self,
        id: int,
        type: str,
        start_node: Node,
        end_node: Node,
        properties: dict[str, t.Any] | None = None,
    ) -> None:
        super().__init__(id, properties)
        self._type = type
        self._start_node = start_node
        self._end_node = end_node

    @property
    def type(self) -> str:
        return self._type

    @property
    def start_node(self) -> Node:
        return self._start_node

    @property
    def end_node(self) -> Node:
        return self._end_node

    @property
    def nodes(self) -> tuple[Node, Node]:
        return (self._start_node, self._end_node)

    def __repr__(self) -> str:
        return (
            f"<Relationship element_id={self.element_id!r} "
            f"nodes=({self._start_node.element_id!r}, {self._end_node.element_id!r}) "
            f"type={self._type!r} properties={self._properties!r}>"
        )

    def __reduce__(self) -> tuple[t.Any, ...]:
        return (
            Relationship,
            (self._id, self._type, self._start_node, self._end_node, self._properties),
        )


class Path:
    """A walk: ``nodes[0], relationships[0], nodes[1], ..., nodes[-1]``."""

    __slots__ = ("_nodes", "_relationships")

    def __init__(self, nodes: t.Sequence[Node], relationships: t.Sequence[Relationship]) -> None:
        if len(nodes) != len(relationships) + 1:
            raise ValueError("a path has one node more than it has relationships")
        self._nodes = tuple(nodes)
        self._relationships = tuple(relationships)

    @property
    def nodes(self) -> tuple[Node, ...]:
        return self._nodes

    @property
    def relationships(self) -> tuple[Relationship, ...]:
        return self._relationships

    @property
    def start_node(self) -> Node:
        return self._nodes[0]

    @property
    def end_node(self) -> Node:
        return self._nodes[-1]

    def __len__(self) -> int:
        """The number of relationships."""
        return len(self._relationships)

    def __iter__(self) -> t.Iterator[Relationship]:
        return iter(self._relationships)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Path)
            and self._nodes == other._nodes
            and self._relationships == other._relationships
        )

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self._nodes, self._relationships))

    def __repr__(self) -> str:
        return (
            f"<Path start={self.start_node.element_id!r} end={self.end_node.element_id!r} "
            f"size={len(self)}>"
        )

    def __reduce__(self) -> tuple[t.Any, ...]:
        return (Path, (self._nodes, self._relationships))
