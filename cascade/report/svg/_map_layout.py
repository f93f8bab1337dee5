"""Geometry of the strategy map: lanes, rows of goal boxes, issue legend.

Perspectives are horizontal lanes, top lane first; the lane label sits in a
column on the left. In a lane the goals are ordered by their first strategic
issue (in the order the issues are given), then as given, and spread evenly over
the lane in rows of at most ``MAX_PER_ROW``. All boxes share one width (wide
enough for the longest unbreakable piece of any name); a row's boxes share the
height of its tallest box, so names never overflow and boxes never overlap.
Colour comes from the goal's first issue; every issue a goal serves is a chip in
the box header, and the legend below the lanes names the issues.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cascade.report.svg._goal import MapGoal, issue_order, lane_order, unique_goals
from cascade.report.svg._text import LINE_HEIGHT, min_width, text_width, wrap

MARGIN, LABEL_W, INSET = 16.0, 150.0, 16.0
BOX_W, PAD_X, PAD_Y, GAP_X = 196.0, 10.0, 8.0, 44.0
LANE_PAD, ROW_GAP, MAX_PER_ROW = 22.0, 26.0, 4
TITLE_SIZE, LANE_SIZE, NAME_SIZE, HEAD_SIZE, CHIP_SIZE, LEGEND_SIZE = 18.0, 14, 14, 12, 10, 12.5
CHIP_H, CHIP_GAP = 16.0, 4.0
LEGEND_HEADING = "ประเด็นยุทธศาสตร์ (strategic issues) · ลูกศร: เหตุ → ผล (cause → effect)"


@dataclass(frozen=True, slots=True)
class Chip:
    issue: str
    x: float
    y: float
    w: float
    colour: int


@dataclass(frozen=True, slots=True)
class Box:
    goal: MapGoal
    x: float
    y: float
    w: float
    h: float
    colour: int
    chips: tuple[Chip, ...]
    name_top: float
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lane:
    name: str
    lines: tuple[str, ...]
    y: float
    h: float


@dataclass(frozen=True, slots=True)
class LegendItem:
    issue: str
    lines: tuple[str, ...]
    x: float
    y: float
    colour: int


@dataclass(frozen=True, slots=True)
class Layout:
    width: float
    height: float
    title: tuple[str, ...]
    lanes: tuple[Lane, ...]
    rows: tuple[tuple[Box, ...], ...]  # top to bottom, each row left to right
    legend_top: float
    legend_heading: tuple[str, ...]
    legend: tuple[LegendItem, ...]
    left: float  # content area, where boxes and arrows go
    right: float


Chips = list[tuple[str, float, float]]


def _header(goal: MapGoal, colours: dict[str, int], box_w: float) -> tuple[Chips, float]:
    """Issue chips (id, dx, dy) after the bold goal id; and the header height."""
    inner = box_w - 2 * PAD_X
    x, y = text_width(goal.id, HEAD_SIZE, bold=True) + 6, 0.0
    chips: Chips = []
    for issue in sorted(set(goal.issues), key=lambda i: (colours.get(i, 1 << 30), i)):
        w = text_width(issue, CHIP_SIZE) + 10
        if x + w > inner and chips:
            x, y = 0.0, y + CHIP_H + CHIP_GAP
        chips.append((issue, x, y))
        x += w + CHIP_GAP
    return chips, y + CHIP_H + 4


def layout(
    perspectives: Sequence[tuple[str, str]],
    issues: Sequence[tuple[str, str]],
    goals: Sequence[MapGoal],
    title: str,
) -> Layout:
    goals = unique_goals(goals)
    order = issue_order(issues, goals)
    colours = {iid: k for k, (iid, _) in enumerate(order)}
    box_w = max([BOX_W] + [min_width(g.name, NAME_SIZE) + 2 * PAD_X for g in goals])
    by_lane: dict[str, list[MapGoal]] = {}

    def first_issue(goal: MapGoal) -> int:
        return min((colours[i] for i in goal.issues), default=len(colours))

    for goal in sorted(goals, key=first_issue):  # stable: as given within an issue
        by_lane.setdefault(goal.perspective, []).append(goal)
    cols = max([1] + [min(len(v), MAX_PER_ROW) for v in by_lane.values()])
    left = MARGIN + LABEL_W + INSET
    content_w = cols * (box_w + GAP_X)
    width = left + content_w + MARGIN
    title_lines = tuple(wrap(title, width - 2 * MARGIN, TITLE_SIZE, bold=True))
    y = MARGIN + (len(title_lines) * TITLE_SIZE * LINE_HEIGHT + 8 if title_lines else 0)
    lanes, rows = [], []
    for pid, pname in lane_order(perspectives, goals):
        label = tuple(wrap(pname, LABEL_W - 16, LANE_SIZE, bold=True))
        lane_goals = by_lane.get(pid, [])
        chunks = [lane_goals[k : k + MAX_PER_ROW] for k in range(0, len(lane_goals), MAX_PER_ROW)]
        sized = [[_sized(g, colours, box_w) for g in chunk] for chunk in chunks]
        heights = [max(s[0] for s in row) for row in sized]
        inner = sum(heights) + ROW_GAP * max(0, len(heights) - 1)
        lane_h = max(inner + 2 * LANE_PAD, len(label) * LANE_SIZE * LINE_HEIGHT + 24, 64.0)
        top = y + (lane_h - inner) / 2
        for chunk, row_sizes, row_h in zip(chunks, sized, heights, strict=True):
            slot = content_w / len(chunk)
            row = []
            for k, (goal, (h, head_h, chips, lines)) in enumerate(
                zip(chunk, row_sizes, strict=True)
            ):
                x = left + slot * (k + 0.5) - box_w / 2
                name_top = top + PAD_Y + head_h + (row_h - h) / 2
                first = min((colours[i] for i in goal.issues), default=-1)
                placed = tuple(
                    Chip(
                        i,
                        x + PAD_X + dx,
                        top + PAD_Y + dy,
                        text_width(i, CHIP_SIZE) + 10,
                        colours[i],
                    )
                    for i, dx, dy in chips
                )
                row.append(Box(goal, x, top, box_w, row_h, first, placed, name_top, lines))
            rows.append(tuple(row))
            top += row_h + ROW_GAP
        lanes.append(Lane(pname, label, y, lane_h))
        y += lane_h
    legend_top = y + 18
    heading, legend, y = _legend(order, width, legend_top)
    return Layout(
        width,
        y + MARGIN,
        title_lines,
        tuple(lanes),
        tuple(rows),
        legend_top,
        heading,
        legend,
        left,
        left + content_w,
    )


def _sized(
    goal: MapGoal, colours: dict[str, int], box_w: float
) -> tuple[float, float, Chips, tuple[str, ...]]:
    """A box's natural height, header height, chips and name lines."""
    chips, head_h = _header(goal, colours, box_w)
    lines = tuple(wrap(goal.name, box_w - 2 * PAD_X, NAME_SIZE))
    return 2 * PAD_Y + head_h + len(lines) * NAME_SIZE * LINE_HEIGHT, head_h, chips, lines


def _legend(
    order: list[tuple[str, str]], width: float, top: float
) -> tuple[tuple[str, ...], tuple[LegendItem, ...], float]:
    """The legend's heading lines, its items (in a grid) and its bottom."""
    if not order:
        return (), (), top - 18
    total = width - 2 * MARGIN
    heading = tuple(wrap(LEGEND_HEADING, total, LEGEND_SIZE, bold=True))
    cols = 2 if total >= 640 else 1
    item_w = (total - 24 * (cols - 1)) / cols
    y = top + len(heading) * LEGEND_SIZE * LINE_HEIGHT + 6
    items = []
    for start in range(0, len(order), cols):
        row_h = 0.0
        for k, (iid, name) in enumerate(order[start : start + cols]):
            label = iid if name == iid else f"{iid} {name}"
            lines = tuple(wrap(label, item_w - 24, LEGEND_SIZE))
            items.append(LegendItem(iid, lines, MARGIN + k * (item_w + 24), y, start + k))
            row_h = max(row_h, len(lines) * LEGEND_SIZE * LINE_HEIGHT)
        y += row_h + 4
    return heading, tuple(items), y
