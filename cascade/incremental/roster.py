"""The part of the roster and the job descriptions a re-check reads.

A department's roster and job descriptions hold a document or an entry per
person; a smaller model needs only the people its agreements name (their
parties and signatories; for a re-checked unit, its members and the holders
of its head position, who decide who heads it) and, for each of them, what
the model builder reads to resolve their chain of command: everyone who
holds the same position (the first holder wins) and everyone who holds
their supervisor's position, whose own chain is then resolved the same way,
up to the top.  So every person in the smaller model has the supervisor
and the unit they head that the full model gives them.  A signatory the
roster does not know keeps the whole roster, since the "did you mean" hint
looks at all of it.

Works on parsed documents that passed their schema in the last run
(unchanged since), so their shape is known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from typing import Any

from cascade.rules.scopes import closure

PEOPLE = "People"
ORGCHART = "OrgChart"
JOB = "JobDescription"

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
    are the units whose agreements are re-checked.
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
    signers = {s["person"] for doc in agreements for s in doc.get("signatories", ())}
    heads = {
        u.get("head")
        for doc in shared
        for u in _of_kind(doc, ORGCHART, "units")
        if u["id"] in units
    }
    named = ({doc["party"] for doc in agreements} | signers) & known
    named |= {e["id"] for e in entries if e.get("unit") in units or e.get("position") in heads}

    def resolving(person: str) -> list[str]:
        """Whom resolving ``person``'s chain of command reads."""
        position = position_of.get(person)
        if position is None:
            return []
        found = job(position)
        boss = found.get("supervisor") if found is not None else None
        return [*holders[position], *(holders.get(boss, ()) if boss is not None else ())]

    people = closure(named, resolving)  # looks up the job descriptions it needs
    if not signers <= known:
        return shared  # the hint for the unknown one reads the whole roster
    # every entry of a kept id, so "first definition wins" picks the same entry
    return [_cut(doc, people) for doc in shared]


def _cut(doc: Doc, ids: set[str]) -> Doc:
    """A People document with only the entries of ``ids``."""
    if not isinstance(doc, dict) or doc.get("kind") != PEOPLE:
        return doc
    return {**doc, "people": [e for e in _of_kind(doc, PEOPLE, "people") if e["id"] in ids]}
