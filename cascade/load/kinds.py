"""What a file that failed to load or to match its schema would define once fixed.

The validate pipeline still runs the cross-file rules when every broken
document is an agreement whose party is known (see ``docs/architecture.md``,
"When a file is broken"), so it must know, without trusting the broken
parse, the kind and party of each document.  The answer is a list of
``(kind, party)`` pairs, or ``None`` for "could be anything": a table file,
a file that cannot be decoded, a document without exactly one top-level
``kind:`` line naming a known kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_SEPARATOR = re.compile(r"^(---|\.\.\.)(\s|$)")
_VALUE = r"""\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s#"'\[\]{},&*!|>%@`][^\s#,\[\]{}]*))\s*(?:#.*)?$"""
_KIND = re.compile(r"^kind" + _VALUE)
_PARTY = re.compile(r"^party" + _VALUE)
_CONTENT = re.compile(r"^(\s*(#.*)?|%.*)$")

Declared = tuple[str, str | None]
"""A document's kind and, when it names one plainly, its party."""


def declared_in_text(text: str, known: Iterable[str]) -> list[Declared] | None:
    """The kind and party each document of a YAML text declares at column 0.

    ``None`` unless every document that holds anything declares exactly one
    known kind: a syntax error may sit anywhere, so only a line at column 0
    that reads ``kind: Name`` (quoted or not, maybe with a comment) counts,
    and a party only when exactly one such ``party:`` line names it.
    """
    names = set(known)
    found: list[Declared] = []
    for chunk in _documents(text.splitlines()):
        if all(_CONTENT.match(line) for line in chunk):
            continue
        kinds = _values(_KIND, chunk)
        if len(kinds) != 1 or kinds[0] not in names:
            return None
        parties = _values(_PARTY, chunk)
        found.append((kinds[0], parties[0] if len(parties) == 1 else None))
    return found


def _values(pattern: re.Pattern[str], chunk: list[str]) -> list[str]:
    return [m.group(1) or m.group(2) or m.group(3) or "" for m in map(pattern.match, chunk) if m]


def _documents(lines: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for line in lines:
        if _SEPARATOR.match(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    return chunks


def declared_in_data(data: Any, known: Iterable[str]) -> Declared | None:
    """The known kind (and party) a parsed document names; ``None`` without a known kind."""
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        return None
    if data["kind"] not in set(known):
        return None
    party = data.get("party")
    return str(data["kind"]), party if isinstance(party, str) and party else None
