"""Hover on a key: the field's bilingual description from the pydantic spec.

The document's ``kind:`` names its spec model (:data:`cascade.spec.KINDS`);
a key is found by the keys it is nested in (:func:`key_path`, read from the
indentation above it and the flow brackets before it on its line, so a
KPI's ``id`` is the KPI's, not a goal's), and where that path leaves the
models (a mapping keyed by names, a line that does not say), as the first
field of that name breadth-first below the last model reached.  The
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


def field_of(kind: str, key: str, top_level: bool, path: Sequence[str] = ()) -> FieldInfo | None:
    """The field ``key`` of the document kind ``kind``, nested in the keys ``path``."""
    found = KINDS.get(kind)
    if found is None:
        return None
    if top_level:
        return found.model_fields.get(key)
    model: type[BaseModel] = found
    for parent in path:
        info = model.model_fields.get(parent)
        below = next(_models(info.annotation), None) if info is not None else None
        if below is None:
            break
        model = below
    else:
        if key in model.model_fields:
            return model.model_fields[key]
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


BLOCK_KEY = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_]+)\s*:\s*(?:#.*)?$")
"""A line that opens a block: ``kpis:``, ``  - criteria:`` (nothing after the colon)."""


def _flow_parents(text: str) -> list[str]:
    """The keys whose flow collections (``{`` or ``[``) are open at the end of ``text``."""
    stack: list[str] = []
    quote = ""
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "{[":
            before = LAST_KEY_BEFORE.search(text[:i])
            stack.append(before.group(1) if before else "")
        elif char in "}]" and stack:
            stack.pop()
    return [key for key in stack if key]


LAST_KEY_BEFORE = re.compile(r"([A-Za-z_]+)\s*:\s*$")


def key_path(lines: Sequence[str], line: int, column: int) -> list[str]:
    """The keys the key at ``column`` of ``line`` is nested in, outermost first."""
    text = lines[line]
    path = _flow_parents(text[:column])
    stripped = text.lstrip(" ")
    target = len(text) - len(stripped)
    for number in range(line - 1, -1, -1):
        if target == 0:
            break
        above = lines[number]
        if above.startswith("---"):
            break
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        indent = len(above) - len(above.lstrip(" "))
        block = BLOCK_KEY.match(above)
        if block is not None and len(block.group(1)) < target:
            path.insert(0, block.group(2))
        if indent < target:
            target = indent
    return path


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
    info = field_of(kind, key, top_level, key_path(lines, line, start))
    if info is None or not info.description:
        return None
    return f"**{key}**\n\n{info.description}", start, end
