"""The strategy-map input record and its normalisation, shared by the SVG and
Mermaid renderers: the first goal / perspective / issue of an id wins, ids that
are referenced but not listed come after the listed ones, sorted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MapGoal:
    """A goal on the map: its perspective (lane), strategic issues and the goals it drives."""

    id: str
    name: str
    perspective: str
    issues: tuple[str, ...] = ()
    drives: tuple[str, ...] = ()


def issue_order(
    issues: Sequence[tuple[str, str]], goals: Sequence[MapGoal]
) -> list[tuple[str, str]]:
    """The given issues (first of each id), then those only goals mention, by id."""
    seen: dict[str, str] = {}
    for iid, name in issues:
        seen.setdefault(iid, name)
    extra = sorted({i for g in goals for i in g.issues} - seen.keys())
    return [*seen.items(), *((i, i) for i in extra)]


def lane_order(
    perspectives: Sequence[tuple[str, str]], goals: Sequence[MapGoal]
) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for pid, name in perspectives:
        seen.setdefault(pid, name)
    extra = sorted({g.perspective for g in goals} - seen.keys())
    return [*seen.items(), *((p, p) for p in extra)]


def unique_goals(goals: Sequence[MapGoal]) -> list[MapGoal]:
    seen: dict[str, MapGoal] = {}
    for goal in goals:
        seen.setdefault(goal.id, goal)
    return list(seen.values())
