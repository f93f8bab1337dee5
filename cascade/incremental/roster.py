"""The part of the roster and the job descriptions a re-check reads.

A department's roster and job descriptions hold a document or an entry per
person; re-checking one person's agreement reads only a few of them: the
parties and signatories of the agreements in the smaller model, the members
of re-checked units and the holders of their head positions, their
supervisors (by position, through the job descriptions) and the
supervisors' supervisors, and everyone who holds one of their positions (so
"first holder wins" picks the same person).  A signatory the roster does not
know keeps the whole roster, since the "did you mean" hint looks at all of it.

Works on parsed documents that passed their schema in the last run
(unchanged since), so their shape is known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from typing import Any

PEOPLE = "People"
ORGCHART = "OrgChart"
JOB = "JobDescription"
LEVELS = 2
"""Supervisors looked up above each party and signatory."""

Doc = Any
JobLookup = Callable[[str], Doc | None]
"""The job description document of a position (read on demand), or ``None``."""


def _of_kind(doc: Doc, kind: str, key: str) -> list[dict[str, Any]]:
    """The list under ``key`` of a document of ``kind`` (empty documents are ``None``)."""
    if not isinstance(doc, dict) or doc.get("kind") != kind:
        return []
    return list(doc.get(key) or [])


def _entries(docs: Iterable[Doc]) -> list[dict[str, Any]]:
    return [entry for doc in docs for entry in _of_kind(doc, PEOPLE, "people")]


def trim(
    shared: list[Doc], agreements: list[Doc], job: JobLookup, units: Set[str] = frozenset()
) -> list[Doc]:
    """``shared`` with its People documents cut down (the same length and order).

    ``agreements`` are the agreement documents of the smaller model; ``job``
    finds a position's job description (each is looked up once); ``units``
    are the units whose agreements are re-checked: their members and the
    holders of their head position are kept too (who heads a unit decides
    its agreement's evaluatee).
    """
    entries = _entries(shared)
    known = {entry["id"] for entry in entries}
    holders: dict[str, list[str]] = {}
    position_of: dict[str, str] = {}
    for entry in entries:
        position = entry.get("position")
        if position is not None:
            holders.setdefault(position, []).append(entry["id"])
            position_of.setdefault(entry["id"], position)
    parties = {doc["party"] for doc in agreements}
    signers = {s["person"] for doc in agreements for s in doc.get("signatories", ())}
    people = (parties | signers) & known
    heads = {
        u.get("head")
        for doc in shared
        for u in _of_kind(doc, ORGCHART, "units")
        if u["id"] in units
    }
    people |= {e["id"] for e in entries if e.get("unit") in units or e.get("position") in heads}
    level = set(people)
    for _ in range(LEVELS):
        above: set[str] = set()
        for person in level:
            position = position_of.get(person)
            if position is None:
                continue
            found = job(position)
            boss = found.get("supervisor") if found is not None else None
            if boss is not None:
                above.update(holders.get(boss, ()))
        level = above - people
        people |= above
    if not signers <= known:
        return shared  # the hint for the unknown one reads the whole roster
    held = {position_of[p] for p in people if p in position_of}
    # every entry of a kept id, so "first definition wins" picks the same entry
    ids = {e["id"] for e in entries if e["id"] in people or e.get("position") in held}
    return [_cut(doc, ids) for doc in shared]


def _cut(doc: Doc, ids: set[str]) -> Doc:
    """A People document with only the entries of ``ids``."""
    if not isinstance(doc, dict) or doc.get("kind") != PEOPLE:
        return doc
    return {**doc, "people": [e for e in _of_kind(doc, PEOPLE, "people") if e["id"] in ids]}
