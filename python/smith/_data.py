"""Record: one row of a result, a tuple of values that can also be read by key."""

from __future__ import annotations

import functools
import operator
import typing as t
from collections.abc import Mapping, Sequence

from .graph import Node, Path, Relationship

__all__ = ["Record"]

_Key = t.Union[int, str]


class Record(tuple, Mapping):
    """An immutable, ordered collection of key-value pairs, like ``neo4j.Record``.

    Iterating yields the values (a record is a tuple); ``record["name"]`` and ``record[0]`` read
    one value, ``keys()``, ``values()``, ``items()``, ``data()``, ``get()``, ``index()`` and
    ``value()`` work as in the neo4j driver. A record compares equal to a sequence of the same
    values or a mapping of the same items.

    Records of one result share a class that holds the keys (``Record`` subclasses cached per
    key tuple), so building one costs no more than building a tuple.
    """

    __slots__ = ()
    _keys: tuple[str, ...] = ()
    _index: dict[str, int] = {}

    def __new__(cls, iterable: t.Any = ()) -> Record:
        pairs = iterable.items() if isinstance(iterable, Mapping) else iterable
        keys: list[str] = []
        values: list[t.Any] = []
        for key, value in pairs:
            keys.append(key)
            values.append(value)
        return tuple.__new__(_record_class(tuple(keys)), values)

    def __repr__(self) -> str:
        fields = " ".join(f"{key}={value!r}" for key, value in zip(self._keys, self))
        return f"<Record {fields}>"

    def __eq__(self, other: object) -> bool:
        as_sequence = isinstance(other, Sequence)
        as_mapping = isinstance(other, Mapping)
        if as_sequence and not list(self) == list(other):  # type: ignore[arg-type]
            return False
        if as_mapping and not dict(self.items()) == dict(other.items()):  # type: ignore[union-attr]
            return False
        return as_sequence or as_mapping

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return functools.reduce(operator.xor, map(hash, self.items()), 0)

    def __getitem__(self, key: t.Any) -> t.Any:  # type: ignore[override]
        if isinstance(key, slice):
            return Record(zip(self._keys[key], tuple.__getitem__(self, key)))
        return tuple.__getitem__(self, self.index(key))

    def __reduce__(self) -> tuple[t.Any, ...]:
        return (Record, (list(self.items()),))

    def index(self, key: _Key) -> int:  # type: ignore[override]
        """The position of ``key`` (a name or an index). KeyError, IndexError, TypeError."""
        if isinstance(key, int):
            if 0 <= key < len(self._keys):
                return key
            raise IndexError(key)
        if isinstance(key, str):
            try:
                return self._index[key]
            except KeyError:
                raise KeyError(key) from None
        raise TypeError(key)

    def get(self, key: str, default: t.Any = None) -> t.Any:  # type: ignore[override]
        """The value under name ``key``, or ``default``."""
        i = self._index.get(key)
        return default if i is None else tuple.__getitem__(self, i)

    def value(self, key: _Key = 0, default: t.Any = None) -> t.Any:
        """One value by index or name (the first by default), or ``default`` if absent."""
        try:
            return tuple.__getitem__(self, self.index(key))
        except (IndexError, KeyError):
            return default

    def keys(self) -> list[str]:  # type: ignore[override]
        return list(self._keys)

    def values(self, *keys: _Key) -> list[t.Any]:  # type: ignore[override]
        """All values, or those of ``keys`` (None for absent names)."""
        if not keys:
            return list(self)
        out = []
        for key in keys:
            try:
                out.append(tuple.__getitem__(self, self.index(key)))
            except KeyError:
                out.append(None)
        return out

    def items(self, *keys: _Key) -> list[tuple[str, t.Any]]:  # type: ignore[override]
        """``(key, value)`` pairs, all or those of ``keys`` (None for absent names)."""
        if not keys:
            return list(zip(self._keys, self))
        out = []
        for key in keys:
            try:
                i = self.index(key)
            except KeyError:
                out.append((t.cast(str, key), None))
            else:
                out.append((self._keys[i], tuple.__getitem__(self, i)))
        return out

    def data(self, *keys: _Key) -> dict[str, t.Any]:
        """The record as a dict of plain values: nodes become property dicts, relationships
        ``(start properties, type, end properties)`` tuples and paths alternating lists, as in
        the neo4j driver. IndexError for an out-of-range index."""
        return {key: _export(value) for key, value in self.items(*keys)}


def _export(value: t.Any) -> t.Any:
    if isinstance(value, Node):
        return {k: _export(v) for k, v in value.items()}
    if isinstance(value, Relationship):
        return (_export(value.start_node), value.type, _export(value.end_node))
    if isinstance(value, Path):
        out: list[t.Any] = [_export(value.start_node)]
        for rel, node in zip(value.relationships, value.nodes[1:]):
            out.append(rel.type)
            out.append(_export(node))
        return out
    if isinstance(value, list):
        return [_export(v) for v in value]
    if isinstance(value, dict):
        return {k: _export(v) for k, v in value.items()}
    return value


_classes: dict[tuple[str, ...], type[Record]] = {}
_MAX_CACHED_CLASSES = 1024


def _record_class(keys: tuple[str, ...]) -> type[Record]:
    """The Record subclass for records with `keys` (cached)."""
    cls = _classes.get(keys)
    if cls is None:
        if len(_classes) >= _MAX_CACHED_CLASSES:
            _classes.clear()
        index = {}
        for i, key in enumerate(keys):
            index.setdefault(key, i)
        cls = type(
            "Record",
            (Record,),
            {"__slots__": (), "_keys": keys, "_index": index, "__module__": Record.__module__},
        )
        _classes[keys] = cls
    return cls


def record_factory(keys: tuple[str, ...]) -> t.Callable[[tuple[t.Any, ...]], Record]:
    """A fast constructor of records with `keys` from value tuples."""
    return functools.partial(tuple.__new__, _record_class(keys))
