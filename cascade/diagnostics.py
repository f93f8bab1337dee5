"""Diagnostics: what every stage reports instead of raising.

A rule or loader yields a :class:`Finding` (a message and a path inside a
document); the engine stamps the code, name and level on it and resolves the
path to a line and column, giving a frozen :class:`Diagnostic` that reporters
render.  Positions are 1-based.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from cascade.visible import visible

PathPart = str | int
DocPath = tuple[PathPart, ...]


class Level(StrEnum):
    """How serious a diagnostic is; ``off`` silences a rule."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a plan file: 1-based line and column (0 when unknown)."""

    file: str
    line: int = 0
    column: int = 0
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule says: a message about a place in a document.

    ``path`` is the path of keys and indexes inside the document; ``at_key``
    points at the key itself rather than its value.  Rules leave ``code``
    empty (the engine stamps the rule's); the load, spec and model stages set
    the code of their declared check (:mod:`cascade.checks`), whose name the
    engine stamps from the registry.  ``related`` are other
    places (the other copy of a duplicate, the rest of a cycle).
    """

    message: str
    file: str
    doc: int = 0
    code: str = ""
    path: DocPath = ()
    at_key: bool = False
    hint: str = ""
    related: tuple[tuple[str, int, DocPath, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at file:line:column, ready for a reporter.

    Two diagnostics are equal when they have the same place and code (what
    tests pin); they sort by place and code, then by every other field, so a
    sorted list never depends on the order they were found in (a warm run
    finds them in another order than a cold one).
    """

    file: str
    line: int
    column: int
    code: str
    level: Level = field(compare=False)
    message: str = field(compare=False)
    name: str = field(default="", compare=False)
    hint: str = field(default="", compare=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)
    related: tuple[Location, ...] = field(default=(), compare=False)

    def _order(self) -> tuple[object, ...]:
        related = tuple((r.file, r.line, r.column, r.message) for r in self.related)
        return (
            self.file,
            self.line,
            self.column,
            self.code,
            self.message,
            self.hint,
            self.level.value,
            self.name,
            self.end_line,
            self.end_column,
            related,
        )

    def _before(self, other: Diagnostic) -> bool | None:
        """``self < other`` by place and code, or ``None`` on a tie (the common
        case is decided without building the full order)."""
        mine = (self.file, self.line, self.column, self.code)
        theirs = (other.file, other.line, other.column, other.code)
        return None if mine == theirs else mine < theirs

    def __lt__(self, other: Diagnostic) -> bool:
        first = self._before(other)
        return self._order() < other._order() if first is None else first

    def __le__(self, other: Diagnostic) -> bool:
        first = self._before(other)
        return self._order() <= other._order() if first is None else first

    def __gt__(self, other: Diagnostic) -> bool:
        return other.__lt__(self)

    def __ge__(self, other: Diagnostic) -> bool:
        return other.__le__(self)

    @property
    def key(self) -> tuple[str, str, int, int]:
        """``(code, file, line, column)``: what tests pin."""
        return (self.code, self.file, self.line, self.column)

    def format(self) -> str:
        """``file:line:col: [level] message (CODE)``, the parsable form."""
        where = f"{visible(self.file)}:{self.line}:{self.column}"
        text = f"{where}: [{self.level.value}] {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return f"{text} ({self.code})"


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """A "did you mean …" hint naming the closest candidate, or ``""``."""
    pool: Sequence[str] = sorted(set(candidates))
    best = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    if not best and pool:
        lowered = {c.lower(): c for c in pool}
        best = [lowered[m] for m in difflib.get_close_matches(word.lower(), list(lowered), n=1)]
    return f"did you mean '{best[0]}'?" if best else ""
