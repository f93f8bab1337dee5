"""A small YAML writer that produces files the way planners write them.

Block style for the structure, flow style (``{role: evaluatee, person: P1}``)
where a value is wrapped in :class:`Flow`, folded scalars (``>-``) for long
text wrapped in :class:`Folded`, plain scalars wherever YAML allows them and
JSON-style double quotes otherwise.  Faster than ``yaml.dump`` and with no
surprises in what it quotes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BAD_START = set("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_CHARS = re.compile(r"[,\[\]{}]")
_NUMBER_LIKE = re.compile(r"[-+]?[0-9][0-9.]*")


@dataclass(frozen=True, slots=True)
class Flow:
    """A mapping or list written inline."""

    value: Any


class Folded(str):
    """Long text written as a folded block scalar (``>-``)."""

    __slots__ = ()


def _plain_ok(text: str, flow: bool) -> bool:
    if text in _NULLS or text[0] in _BAD_START or text[-1] in " :":
        return False
    if _NUMBER_LIKE.fullmatch(text):  # ids and positions: quoted, as planners write them
        return False
    if ": " in text or " #" in text or "\n" in text or "\t" in text:
        return False
    return not (flow and _FLOW_CHARS.search(text))


def scalar(value: Any, flow: bool = False) -> str:
    """One scalar as YAML text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    text = str(value)
    return text if _plain_ok(text, flow) else json.dumps(text, ensure_ascii=False)


def flow(value: Any) -> str:
    """A value in flow style."""
    if isinstance(value, Flow):
        value = value.value
    if isinstance(value, dict):
        inner = ", ".join(f"{scalar(k, True)}: {flow(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, True)


def _folded(text: str, indent: int, width: int = 88) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(pad + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(pad + current)
    return lines


def _value(key: str, value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, Flow):
        out.append(f"{pad}{key}: {flow(value)}")
    elif isinstance(value, Folded):
        out.append(f"{pad}{key}: >-")
        out.extend(_folded(value, indent + 2))
    elif isinstance(value, dict) and value:
        out.append(f"{pad}{key}:")
        _mapping(value, indent + 2, out)
    elif isinstance(value, list) and value:
        out.append(f"{pad}{key}:")
        _sequence(value, indent + 2, out)
    elif isinstance(value, dict | list):
        out.append(f"{pad}{key}: {flow(value)}")
    else:
        out.append(f"{pad}{key}: {scalar(value)}")


def _mapping(mapping: dict[Any, Any], indent: int, out: list[str]) -> None:
    for key, value in mapping.items():
        _value(scalar(key), value, indent, out)


def _sequence(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            start = len(out)
            _mapping(item, indent + 2, out)
            out[start] = pad + "- " + out[start][indent + 2 :]
        elif isinstance(item, list) and item:
            out.append(f"{pad}- {flow(item)}")
        else:
            out.append(f"{pad}- {flow(item) if isinstance(item, Flow) else scalar(item)}")


def document(mapping: dict[str, Any], comment: str = "") -> str:
    """One YAML document (block style), with an optional leading comment."""
    out = [f"# {line}" if line else "#" for line in comment.splitlines()]
    _mapping(mapping, 0, out)
    return "\n".join(out) + "\n"


def documents(mappings: list[dict[str, Any]], comment: str = "") -> str:
    """Several documents in one file, separated by ``---``."""
    parts = [document(m) for m in mappings]
    head = "".join(f"# {line}\n" for line in comment.splitlines())
    return head + "---\n".join(parts)
