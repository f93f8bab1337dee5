"""Put one document into canonical form, in place: key order and id quoting.

Keys follow the field order of the document's pydantic model, recursively
(KPIs, criteria, goals, contacts…); keys the schema does not know keep their
relative order after the known ones.  Comments move with their keys
(:mod:`cascade.fmt.comments`).  Id-like values (``Id``/``Ref`` fields) are
double-quoted exactly when YAML would read them as something other than
text (:mod:`cascade.fmt.quoting`); nothing else is quoted or unquoted.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from cascade.fmt import comments
from cascade.fmt.quoting import NULLS, needs_quotes, plain_is_safe, quoted
from cascade.fmt.shapes import EMPTY, Shape


@dataclass(frozen=True, slots=True)
class Place:
    """Where a mapping sits: the document root, under a key, or in a list."""

    parent: CommentedMap | CommentedSeq | None = None
    key: Any = None


ROOT = Place()


def canonicalise(document: Any, shape: Shape) -> None:
    """Reorder keys and fix id quoting throughout ``document``."""
    if isinstance(document, CommentedMap | CommentedSeq):
        _walk(document, shape, ROOT, set())


def _walk(node: CommentedMap | CommentedSeq, shape: Shape, place: Place, seen: set[int]) -> None:
    if id(node) in seen:  # an alias: the same object, done once
        return
    seen.add(id(node))
    _keep_anchor(node)
    if isinstance(node, CommentedMap):
        for key in list(node):
            child = shape.field(key) if isinstance(key, str) else None
            _visit(node, key, child or EMPTY, seen)
        _reorder(node, shape.order(), place)
    else:
        for index in range(len(node)):
            _visit(node, index, shape.item or EMPTY, seen)


def _keep_anchor(node: Any) -> None:
    """Write an anchor back even when no alias uses it (ruamel would drop it)."""
    anchor = getattr(node, "anchor", None)
    if anchor is not None and getattr(anchor, "value", None):
        anchor.always_dump = True


def _visit(parent: CommentedMap | CommentedSeq, key: Any, shape: Shape, seen: set[int]) -> None:
    value = parent[key]
    if isinstance(value, CommentedMap | CommentedSeq):
        _walk(value, shape, Place(parent, key), seen)
        return
    if not isinstance(value, str):
        return
    _keep_anchor(value)
    fixed = _quote(value) if shape.is_id else value
    if fixed is value:
        return
    if isinstance(parent, CommentedMap):  # its __setitem__ would keep the old quotes
        ordereddict.__setitem__(parent, key, fixed)
    else:
        parent[key] = fixed


def _quote(value: str) -> str:
    """The id written canonically: quoted iff YAML would misread it plain."""
    if getattr(getattr(value, "anchor", None), "value", None):
        return value  # anchored: leave it, an alias may point at it
    if quoted(value):
        return str(value) if plain_is_safe(value) and not needs_quotes(value) else value
    if type(value) is str and value not in NULLS and needs_quotes(value):
        fixed: str = DoubleQuotedScalarString(value)
        return fixed
    return value


def _ranked(keys: list[Any], order: tuple[str, ...]) -> list[Any]:
    rank = {key: i for i, key in enumerate(order)}
    position = {key: i for i, key in enumerate(keys)}
    return sorted(keys, key=lambda k: (0, rank[k]) if k in rank else (1, position[k]))


def _column(node: CommentedMap, key: Any) -> int | None:
    data = node.lc.data.get(key) if hasattr(node, "lc") else None
    return int(data[1]) if data else None


def _keep_inner(node: CommentedMap, key: Any, lines: comments.Lines) -> comments.Lines:
    """Put back after ``node[key]`` the lines that belong inside its value;
    return the rest."""
    inner, outer = comments.inner_outer(node[key], lines, _column(node, key))
    comments.put_after(node, key, inner)
    return outer


def _dash_width(seq: CommentedSeq, index: int) -> int:
    """How far an item's content sits right of its ``-`` (usually 2)."""
    at = seq.lc.data.get(index) if hasattr(seq, "lc") else None
    dash = seq.lc.col if hasattr(seq, "lc") else None
    if at is None or dash is None:
        return 0
    return max(0, int(at[1]) - int(dash))


def _reorder(node: CommentedMap, order: tuple[str, ...], place: Place) -> None:
    """Put the keys of ``node`` in canonical order, moving comments along."""
    keys = list(node)
    new = _ranked(keys, order)
    if new == keys:
        return
    if node.fa.flow_style():  # no comments inside a flow mapping
        for key in new:
            node.move_to_end(key)
        return
    lead: dict[Any, comments.Lines] = {}
    first: comments.Lines = []
    if isinstance(place.parent, CommentedMap):
        first = comments.take_block_start(place.parent, place.key)
    lead[keys[0]] = first + comments.lead_tokens(node, keys[0])
    for before, key in itertools.pairwise(keys):
        lines = comments.take_after(node, before) + comments.lead_tokens(node, key)
        lead[key] = _keep_inner(node, before, lines)
    trailing: comments.Lines = []
    if new[-1] != keys[-1]:
        trailing = _keep_inner(node, keys[-1], comments.take_after(node, keys[-1]))
    for key in new:
        node.move_to_end(key)
    for key in new[1:]:
        comments.set_lead(node, key, lead[key])
    if isinstance(place.parent, CommentedSeq):  # nothing can sit between "- " and a key
        shift = _dash_width(place.parent, place.key)
        lines = [line[min(shift, comments.indent_of(line)) :] for line in lead[new[0]]]
        comments.set_lead(place.parent, place.key, lines)
    else:
        comments.set_lead(node, new[0], lead[new[0]])
    comments.put_after(node, new[-1], trailing)
