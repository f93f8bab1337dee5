"""Routing of ``drives`` arrows (cause → effect) between goal boxes.

An arrow leaves the cause's top edge and enters the effect's bottom edge when the
effect sits higher (the usual case), the other way round when it sits lower, and
side to side between neighbours in one row (an arc over the row otherwise).
Several arrows on one edge of a box get evenly spaced ports, ordered by where
their other end is, so they do not cross at the box. An arrow that skips rows
passes each row in between through the free gap nearest its straight course,
vertically, so it does not run under other boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from cascade.report.svg._map_layout import Box, Layout
from cascade.report.svg._svg import num

Point = tuple[float, float]
CLEAR = 6.0  # keep this far from a box when passing a row


@dataclass(frozen=True, slots=True)
class Edge:
    src: str
    dst: str
    d: str


def route(lay: Layout) -> list[Edge]:
    where = {b.goal.id: (b, r, k) for r, row in enumerate(lay.rows) for k, b in enumerate(row)}
    pairs: list[tuple[str, str, str, str]] = []  # src, dst, src side, dst side
    for row in lay.rows:
        for box in row:
            for dst in dict.fromkeys(box.goal.drives):
                if dst in where and dst != box.goal.id:
                    pairs.append((box.goal.id, dst, *_sides(where[box.goal.id], where[dst])))
    ports = _ports(pairs, {k: v[0] for k, v in where.items()})
    used: dict[int, list[float]] = {}
    edges = []
    for n, (src, dst, s_side, _) in enumerate(pairs):
        a, b = ports[(n, 0)], ports[(n, 1)]
        s_row, d_row = where[src][1], where[dst][1]
        if s_row == d_row:
            if s_side == "top":
                d = f"M{_p(a)} C{_p((a[0], a[1] - 30))} {_p((b[0], b[1] - 30))} {_p(b)}"
            else:
                d = f"M{_p(a)} L{_p(b)}"
        else:
            d = _path([a, *_through(lay, a, b, s_row, d_row, used), b])
        edges.append(Edge(src, dst, d))
    return edges


def _sides(src: tuple[Box, int, int], dst: tuple[Box, int, int]) -> tuple[str, str]:
    if dst[1] < src[1]:
        return "top", "bottom"
    if dst[1] > src[1]:
        return "bottom", "top"
    if abs(dst[2] - src[2]) == 1:
        return ("right", "left") if dst[2] > src[2] else ("left", "right")
    return "top", "top"


def _ports(
    pairs: list[tuple[str, str, str, str]], boxes: dict[str, Box]
) -> dict[tuple[int, int], Point]:
    """Where each arrow end touches its box: (arrow, 0 = start / 1 = end) → point."""
    slots: dict[tuple[str, str], list[tuple[float, str, int, int]]] = {}
    for n, (src, dst, s_side, d_side) in enumerate(pairs):
        s_box, d_box = boxes[src], boxes[dst]
        slots.setdefault((src, s_side), []).append((_cx(d_box), dst, n, 0))
        slots.setdefault((dst, d_side), []).append((_cx(s_box), src, n, 1))
    out: dict[tuple[int, int], Point] = {}
    for (gid, side), ends in slots.items():
        box = boxes[gid]
        ends.sort()
        for k, (_, _, n, end) in enumerate(ends):
            f = (k + 1) / (len(ends) + 1)
            if side in ("top", "bottom"):
                out[(n, end)] = (box.x + box.w * f, box.y if side == "top" else box.y + box.h)
            else:
                out[(n, end)] = (box.x if side == "left" else box.x + box.w, box.y + box.h * f)
    return out


def _cx(box: Box) -> float:
    return box.x + box.w / 2


def _through(
    lay: Layout, a: Point, b: Point, s_row: int, d_row: int, used: dict[int, list[float]]
) -> list[Point]:
    """Waypoints through the rows strictly between the two ends."""
    step = -1 if d_row < s_row else 1
    points: list[Point] = []
    for r in range(s_row + step, d_row, step):
        row = lay.rows[r]
        top, bottom = row[0].y, row[0].y + row[0].h
        mid = (top + bottom) / 2
        t = (mid - a[1]) / (b[1] - a[1])
        x = _gap_x(lay, row, a[0] + (b[0] - a[0]) * t, used.setdefault(r, []))
        near, far = (bottom + CLEAR, top - CLEAR) if step < 0 else (top - CLEAR, bottom + CLEAR)
        points += [(x, near), (x, far)]
    return points


def _gap_x(lay: Layout, row: tuple[Box, ...], want: float, used: list[float]) -> float:
    """The x nearest ``want`` in a free gap of the row, apart from arrows already there."""
    edges = [lay.left - 8, *(v for b in row for v in (b.x - CLEAR, b.x + b.w + CLEAR)), lay.right]
    gaps = [(edges[k], edges[k + 1]) for k in range(0, len(edges), 2) if edges[k] < edges[k + 1]]
    best = want
    for shift in (0, 8, -8, 16, -16, 24, -24):
        cands = [min(max(want + shift, lo), hi) for lo, hi in gaps]
        best = min(cands, key=lambda x: (abs(x - want - shift), x))
        if all(abs(best - u) >= 6 for u in used):
            break
    used.append(best)
    return best


def _path(points: list[Point]) -> str:
    """Straight where vertical, otherwise an S-curve leaving and arriving vertically."""
    parts = [f"M{_p(points[0])}"]
    for (x0, y0), (x1, y1) in pairwise(points):
        if abs(x0 - x1) < 0.05:
            parts.append(f"L{_p((x1, y1))}")
        else:
            ym = (y0 + y1) / 2
            parts.append(f"C{_p((x0, ym))} {_p((x1, ym))} {_p((x1, y1))}")
    return " ".join(parts)


def _p(point: Point) -> str:
    return f"{num(point[0])},{num(point[1])}"
