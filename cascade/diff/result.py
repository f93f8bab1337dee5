"""The result of a diff: plain frozen records that the renderers read.

A :class:`PlanDiff` holds the two sides' descriptions and the changed
:class:`Section` s in report order: agreements (organisation, units,
people), then the OS matrix, the strategy, the plan, the frameworks, the
org chart, the roster, the jobs, the actuals by period and the documents
that duplicate or conflict; with ``--period``, the :class:`PartyImpact` s.
Values are already text (decimals as written, names in the report
language), so a renderer only lays them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Change = Literal["added", "removed", "changed", "moved", "moved-away"]
"""``moved`` is the KPI at its new place (``other`` is where it was);
``moved-away`` marks the old place in another agreement (``other`` is where
it went) and is not counted twice."""
Status = Literal["added", "removed", "changed"]

KIND_ORDER: tuple[str, ...] = ("kpi", "goal", "row", "common_kpi", "perspective", "issue")
KIND_ORDER += ("strategy", "project", "dimension", "slot", "unit", "person", "family", "job")
KIND_ORDER += ("result", "component", "conflict")
SECTION_ORDER: tuple[str, ...] = ("agreement", "osmatrix", "strategy", "plan", "framework")
SECTION_ORDER += ("orgchart", "roster", "jobs", "actuals", "documents")
CHANGE_ORDER = ("added", "removed", "moved", "changed")
PARTY_ORDER = ("organisation", "unit", "person")
COUNT_ORDER = ("agreement", *KIND_ORDER, *(f"{s}-setting" for s in SECTION_ORDER))


def natural(text: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key that orders the numbers inside ids by value: ``1.9`` < ``1.10``."""
    return tuple(
        (0, int(p), p) if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", text) if p
    )


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one item, before → after (``None``: absent on that side)."""

    field: str
    before: str | None
    after: str | None
    inherited: bool = False
    """The value comes from the ``same_as`` parent on both sides."""


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A KPI, goal, OS-matrix row, … that was added, removed, changed or moved."""

    kind: str
    id: str
    name: str
    change: Change
    fields: tuple[FieldChange, ...] = ()
    other: str | None = None
    """For a move: ``PARTY/ID`` at the other end."""


@dataclass(frozen=True, slots=True)
class Section:
    """The changes of one agreement, or of one plan-wide document."""

    kind: str
    id: str
    title: str
    status: Status
    party_type: str = ""
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()
    weight_before: str | None = None
    weight_after: str | None = None


Pair = tuple[str | None, str | None]
"""A value before → after, as text (``None``: none on that side)."""


@dataclass(frozen=True, slots=True)
class KpiImpact:
    """A KPI whose line moved its party's score: its score, and why."""

    qid: str
    name: str
    score: Pair
    weighted: Pair
    causes: tuple[str, ...]
    """``result 80 → 90``, ``status reported → n/a``, ``weight 30 → 25``, …"""


@dataclass(frozen=True, slots=True)
class PartyImpact:
    """A party whose score or rating changed."""

    party: str
    name: str
    party_type: str
    score: Pair
    percent: Pair
    combined: Pair
    rating: Pair
    kpis: tuple[KpiImpact, ...]


@dataclass(frozen=True, slots=True)
class SideInfo:
    """One side: its label (a revision, ``working tree`` or a folder) and what loaded."""

    label: str
    commit: str | None
    files: int
    failed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanDiff:
    """Everything a renderer needs."""

    old: SideInfo
    new: SideInfo
    plan_dir: str
    lang: str
    sections: tuple[Section, ...] = ()
    period: str | None = None
    """The period scored on both sides (``--period``), else ``None``."""
    impact: tuple[PartyImpact, ...] = ()
    """The parties whose score or rating for :attr:`period` changed."""
    score_warnings: tuple[str, ...] = ()
    """Why a side's scores are not what ``cascade score`` would give (it would refuse)."""

    @property
    def changed(self) -> bool:
        """Whether anything differs: a section, a score, or which files did not load."""
        return bool(self.sections or self.impact or self.unloaded_differ)

    @property
    def unloaded_differ(self) -> bool:
        """Whether the files that did not load differ between the sides (a file
        added or removed that cannot be read is a change, though not compared)."""
        return set(self.old.failed) != set(self.new.failed)

    @property
    def warnings(self) -> tuple[str, ...]:
        """One sentence per side with files that did not load, then the score warnings."""
        out = []
        for name, side in (("old", self.old), ("new", self.new)):
            if side.failed:
                files = ", ".join(side.failed)
                out.append(
                    f"{name} side ({side.label}): {len(side.failed)} file(s) did not load "
                    f"and are left out of the diff: {files} (run cascade validate)"
                )
        return (*out, *self.score_warnings)

    def counts(self) -> dict[str, dict[str, int]]:
        """How many of each kind changed, and how (``{"kpi": {"added": 1}}``), in report order.

        Kinds are the item kinds, ``agreement`` for whole agreements added or
        removed, and ``SECTION-setting`` for a section's own fields (the
        plan's params, an agreement's signatories).
        """
        counts: dict[str, dict[str, int]] = {k: {} for k in COUNT_ORDER}

        def add(kind: str, change: str, n: int = 1) -> None:
            tally = counts.setdefault(kind, {})
            tally[change] = tally.get(change, 0) + n

        for section in self.sections:
            if section.kind == "agreement" and section.status != "changed":
                add("agreement", section.status)
            elif section.fields:
                add(f"{section.kind}-setting", "changed", len(section.fields))
            for item in section.items:
                if item.change != "moved-away":
                    add(item.kind, item.change)
        return {
            kind: {c: tally[c] for c in CHANGE_ORDER if c in tally}
            for kind, tally in counts.items()
            if tally
        }
