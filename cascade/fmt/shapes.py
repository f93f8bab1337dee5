"""What the schema says about each place in a document: key order and id fields.

A :class:`Shape` is read off the pydantic models in :mod:`cascade.spec`:
the field order of a model is the canonical key order of its mappings,
nested models give the shapes of nested mappings (KPIs, criteria, goals…),
and a field typed ``Id`` or ``Ref`` (or a list of them) is *id-like*, which
decides quoting.  Unions (``Text = str | Bilingual``) merge their members;
the node in the file picks the part that applies.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, WithJsonSchema

from cascade.spec import KINDS
from cascade.spec.common import Id

_ID_MARK = next(m for m in typing.get_args(Id)[1:] if isinstance(m, WithJsonSchema))
"""The JSON-schema marker ``Id`` and ``Ref`` share: it tells id fields apart."""


@dataclass(frozen=True, slots=True)
class Shape:
    """The schema of one node: a mapping's models, a list's items, a dict's values."""

    models: tuple[type[BaseModel], ...] = ()
    item: Shape | None = None
    value: Shape | None = None
    is_id: bool = False

    def order(self) -> tuple[str, ...]:
        """The known keys of a mapping, in canonical order."""
        keys: dict[str, None] = {}
        for model in self.models:
            keys.update(dict.fromkeys(_fields(model)))
        return tuple(keys)

    def field(self, key: str) -> Shape | None:
        """The shape of the value under ``key``, or ``None`` when nothing is known."""
        for model in self.models:
            found = _fields(model).get(key)
            if found is not None:
                return found
        return self.value


EMPTY = Shape()


def document_shape(document: Any) -> Shape:
    """The shape of a document, chosen by its ``kind`` (empty when unknown)."""
    kind = document.get("kind") if isinstance(document, dict) else None
    model = KINDS.get(kind) if isinstance(kind, str) else None
    return Shape(models=(model,)) if model is not None else EMPTY


@functools.cache
def _fields(model: type[BaseModel]) -> dict[str, Shape]:
    """Field name → shape, in declaration order (computed once, lazily, so
    recursive models such as a framework's dimensions are fine)."""
    return {
        name: shape_of(info.annotation, tuple(info.metadata))
        for name, info in model.model_fields.items()
    }


def shape_of(annotation: Any, metadata: tuple[Any, ...] = ()) -> Shape:
    """The shape of a type annotation (with the field's own metadata)."""
    shape = _shape(annotation)
    if any(m is _ID_MARK for m in metadata):
        shape = _merge(shape, Shape(is_id=True))
    return shape


def _shape(annotation: Any) -> Shape:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return shape_of(args[0], args[1:])
    if origin in (typing.Union, types.UnionType):
        merged = EMPTY
        for arg in args:
            merged = _merge(merged, _shape(arg))
        return merged
    if origin is list and args:
        return Shape(item=_shape(args[0]))
    if origin is dict and len(args) == 2:
        return Shape(value=_shape(args[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(models=(annotation,))
    return EMPTY


def _merge(a: Shape, b: Shape) -> Shape:
    """Both shapes at once: the union of a value that may be either."""
    item = b.item if a.item is None else a.item if b.item is None else _merge(a.item, b.item)
    value = b.value if a.value is None else a.value if b.value is None else _merge(a.value, b.value)
    models = a.models + tuple(m for m in b.models if m not in a.models)
    return Shape(models=models, item=item, value=value, is_id=a.is_id or b.is_id)
