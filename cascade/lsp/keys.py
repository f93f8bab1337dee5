"""Hover on a key: the field's bilingual description from the pydantic spec.

The document's ``kind:`` names its spec model (:data:`cascade.spec.KINDS`);
a key at the document's top level is that model's field, a nested one the
first field of that name found breadth-first in the models below it.  The
descriptions are the ``d(en, th)`` texts the JSON Schemas carry too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from cascade.spec import KINDS

KEY = re.compile(r"(?:^|[{,\s])(?:-\s+)?([A-Za-z_]+)\s*:")
KIND = re.compile(r"^kind:\s*['\"]?([A-Za-z]+)")


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    """The spec models an annotation holds (in lists, unions, dicts)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in get_args(annotation):
        yield from _models(arg)


def field_of(kind: str, key: str, top_level: bool) -> FieldInfo | None:
    """The field ``key`` of the document kind ``kind``."""
    model = KINDS.get(kind)
    if model is None:
        return None
    if top_level:
        return model.model_fields.get(key)
    seen: set[type[BaseModel]] = {model}
    todo = [m for f in model.model_fields.values() for m in _models(f.annotation)]
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if key in current.model_fields:
            return current.model_fields[key]
        todo.extend(m for f in current.model_fields.values() for m in _models(f.annotation))
    return None


def key_under(lines: Sequence[str], line: int, column: int) -> tuple[str, int, int] | None:
    """The key under the cursor and its columns (start, end), if the cursor is on one."""
    text = lines[line] if line < len(lines) else ""
    for found in KEY.finditer(text):
        start, end = found.span(1)
        if start <= column <= end:
            return found.group(1), start, end
    return None


def kind_of(lines: Sequence[str], line: int) -> str | None:
    """The ``kind:`` of the YAML document that holds ``line``."""
    start = line
    while start > 0 and not lines[start].startswith("---"):
        start -= 1
    for text in lines[start:]:
        found = KIND.match(text)
        if found is not None:
            return found.group(1)
        if text.startswith("---") and text is not lines[start]:
            return None
    return None


def describe_key(lines: Sequence[str], line: int, column: int) -> tuple[str, int, int] | None:
    """The description of the key under the cursor, and the key's columns."""
    found = key_under(lines, line, column)
    kind = kind_of(lines, line) if found is not None else None
    if found is None or kind is None:
        return None
    key, start, end = found
    text = lines[line]
    top_level = start == 0 and not text[:1].isspace()
    info = field_of(kind, key, top_level)
    if info is None or not info.description:
        return None
    return f"**{key}**\n\n{info.description}", start, end
