"""Diagnostics: what every stage reports instead of raising.

A rule or loader yields a :class:`Finding` (a message and a path inside a
document); the engine stamps the code, name and level on it and resolves the
path to a line and column, giving a frozen :class:`Diagnostic` that reporters
render.  Positions are 1-based.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
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
    suggest: Suggestion | None = field(default=None, compare=False)
    """A "did you mean" hint not worked out yet (see :func:`hint_of`)."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The makings of a "did you mean" hint, worked out only when a finding
    becomes a diagnostic (most findings of a warm re-check are dropped before)."""

    word: str
    candidates: Iterable[str]
    """The pool as the rule had it (not copied: rules run on a finished model)."""


def hint_of(finding: Finding, pools: Pools | None = None) -> str:
    """The finding's hint: its own text, else its suggestion worked out (with
    ``pools`` preparing each candidate pool once across many findings)."""
    if finding.hint or finding.suggest is None:
        return finding.hint
    suggest = finding.suggest
    pool = (pools or Pools()).get(suggest.candidates)
    return pool.closest(suggest.word)


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
    cell: str = field(default="", compare=False)
    """In a workbook (xlsx), the cell as a spreadsheet names it (``actuals!C7``);
    ``line`` and ``column`` are then its row and column number."""

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
            self.cell,
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
    return Pool(candidates).closest(word, cutoff)


class Pool:
    """Candidates prepared once for many "did you mean" look-ups: sorted, by
    length (a candidate whose length alone keeps it under the cutoff is never
    compared) and by lower case.  Gives what :func:`difflib.get_close_matches`
    over the sorted pool gives, which skips those candidates too."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.pool: tuple[str, ...] = tuple(sorted(set(candidates)))
        self.by_length = _by_length(self.pool)
        self.lowered = {c.lower(): c for c in self.pool}
        self.lowered_by_length = _by_length(tuple(self.lowered))

    def closest(self, word: str, cutoff: float = 0.6) -> str:
        """The hint for ``word`` (``""`` when nothing is close)."""
        near = _near(self.by_length, len(word), cutoff)
        best = difflib.get_close_matches(word, near, n=1, cutoff=cutoff)
        if not best and self.pool:
            lowered = word.lower()
            near = _near(self.lowered_by_length, len(lowered), 0.6)
            best = [self.lowered[m] for m in difflib.get_close_matches(lowered, near, n=1)]
        return f"did you mean '{best[0]}'?" if best else ""


class Pools:
    """Prepared pools by the identity of the collection they were made from
    (for one pass over findings, while the collections do not change)."""

    def __init__(self) -> None:
        self.made: dict[int, tuple[Iterable[str], Pool]] = {}

    def get(self, candidates: Iterable[str]) -> Pool:
        """The prepared pool of ``candidates``."""
        found = self.made.get(id(candidates))
        if found is None or found[0] is not candidates:
            found = (candidates, Pool(candidates))
            self.made[id(candidates)] = found
        return found[1]


def _by_length(pool: tuple[str, ...]) -> dict[int, list[str]]:
    buckets: dict[int, list[str]] = {}
    for candidate in pool:
        buckets.setdefault(len(candidate), []).append(candidate)
    return buckets


def _near(buckets: dict[int, list[str]], size: int, cutoff: float) -> list[str]:
    """The candidates whose length lets them reach ``cutoff`` (difflib's
    ``real_quick_ratio``, the same arithmetic)."""
    near: list[str] = []
    for length, bucket in buckets.items():
        total = length + size
        bound = 2.0 * min(length, size) / total if total else 1.0
        if bound >= cutoff:
            near.extend(bucket)
    return near
