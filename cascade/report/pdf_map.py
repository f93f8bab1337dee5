"""A strategy map as typst drawing commands, for the PDF.

The same geometry as the SVG map (:mod:`cascade.report.svg._map_layout` and
``_map_edges``: lanes, goal boxes, issue chips, ``drives`` arrows, legend),
scaled to fit the page, drawn with typst's own ``rect``, ``curve`` and
``polygon``.  The text is typst text, so the PDF's text layer reads it (an
SVG image's text comes out glyph by glyph, Thai marks lost); each line is
the one the SVG draws, wrapped by the map's Thai-aware wrapper (never inside
a known word, never inside a cluster), and ``text`` escapes it (and, with
``--thai-digits``, writes its numbers in Thai digits).  The drawing has no
title: the PDF gives it a heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cascade.report.svg import _map_layout as L
from cascade.report.svg._goal import MapGoal
from cascade.report.svg._map_edges import route
from cascade.report.svg._svg import GRID, INK, MUTED, PALETTE, TINTS
from cascade.report.svg._text import LINE_HEIGHT, text_width
from cascade.report.svg.strategy_map import EDGE, LABEL_FILL, LANE_FILL, NEUTRAL

WIDTH_PT = 467.0
"""The page's text width (A4 less 2.5 cm and 2 cm margins), in points."""
HEIGHT_PT = 640.0
"""The height a map may take below its heading, in points."""
ARROW = 9.0
_POINT = re.compile(r"(-?[\d.]+),(-?[\d.]+)")
_STEP = re.compile(r"([MLC])([^MLC]*)")

Text = Callable[[str], str]


def _colour(k: int) -> tuple[str, str]:
    return NEUTRAL if k < 0 else (PALETTE[k % len(PALETTE)], TINTS[k % len(TINTS)])


class _Pen:
    """Drawing commands in map units (the SVG's pixels), written in points × ``scale``."""

    def __init__(self, scale: float, text: Text) -> None:
        self.k = scale
        self.text = text
        self.out: list[str] = []

    def pt(self, value: float) -> str:
        return f"{_fmt(value * self.k)}pt"

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str,
        stroke: str = "",
        width: float = 1.0,
        radius: float = 0.0,
    ) -> None:
        line = f'{self.pt(width)} + rgb("{stroke}")' if stroke else "none"
        self.out.append(
            f"place(dx: {self.pt(x)}, dy: {self.pt(y)}, rect(width: {self.pt(w)}, "
            f'height: {self.pt(h)}, radius: {self.pt(radius)}, fill: rgb("{fill}"), '
            f"stroke: {line}))"
        )

    def lines(
        self,
        lines: Sequence[str],
        x: float,
        top: float,
        size: float,
        *,
        anchor: str = "middle",
        bold: bool = False,
        fill: str = INK,
    ) -> None:
        """Lines of text, the first line's box at ``top``; ``x`` their centre or left edge."""
        step = size * LINE_HEIGHT
        weight = ', weight: "bold"' if bold else ""
        for n, line in enumerate(lines):
            # Room to spare: a line is already wrapped, typst must not wrap it again.
            w = text_width(line, size, bold=bold) * 1.3 + size
            left, align = (x - w / 2, "center") if anchor == "middle" else (x, "left")
            self.out.append(
                f"place(dx: {self.pt(left)}, dy: {self.pt(top + n * step)}, "
                f"box(width: {self.pt(w)}, height: {self.pt(step)}, align({align} + horizon, "
                f'text(size: {self.pt(size)}, fill: rgb("{fill}"){weight})'
                f"[{self.text(line)}])))"
            )

    def arrow(self, d: str) -> None:
        """An SVG path of ``M``, ``L`` and ``C`` steps as a curve with an arrowhead at its end."""
        parts: list[str] = []
        last: list[tuple[float, float]] = []
        for op, args in _STEP.findall(d):
            points = [(float(a), float(b)) for a, b in _POINT.findall(args)]
            coords = ", ".join(f"({self.pt(px)}, {self.pt(py)})" for px, py in points)
            parts.append(
                {"M": "curve.move", "L": "curve.line", "C": "curve.cubic"}[op] + f"({coords})"
            )
            last = ([last[-1]] if last else []) + points
        if len(last) < 2:
            return
        stroke = f'{self.pt(1.6)} + rgb("{EDGE}")'
        self.out.append(f"place(curve(stroke: {stroke}, {', '.join(parts)}))")
        (x0, y0), (x1, y1) = last[-2], last[-1]
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1.0
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        bx, by = x1 - ux * ARROW, y1 - uy * ARROW
        corners = [
            (x1, y1),
            (bx - uy * ARROW / 2, by + ux * ARROW / 2),
            (bx + uy * ARROW / 2, by - ux * ARROW / 2),
        ]
        shape = ", ".join(f"({self.pt(px)}, {self.pt(py)})" for px, py in corners)
        self.out.append(f'place(polygon(fill: rgb("{EDGE}"), stroke: none, {shape}))')


def _fmt(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def strategy_map_typst(
    perspectives: Sequence[tuple[str, str]],
    issues: Sequence[tuple[str, str]],
    goals: Sequence[MapGoal],
    text: Text,
) -> str:
    """The map as one unbreakable typst block (code, ``#`` included); ``text``
    turns a line of plain text into typst markup."""
    lay = L.layout(perspectives, issues, goals, "")
    scale = min(WIDTH_PT / lay.width, HEIGHT_PT / lay.height)
    pen = _Pen(scale, text)
    _lanes(pen, lay)
    for edge in route(lay):
        pen.arrow(edge.d)
    for row in lay.rows:
        for box in row:
            _box(pen, box)
    _legend(pen, lay)
    body = "\n  ".join(pen.out)
    return (
        f"#block(breakable: false, box(width: {pen.pt(lay.width)}, "
        f"height: {pen.pt(lay.height)}, {{\n  {body}\n}}))\n"
    )


def _lanes(pen: _Pen, lay: L.Layout) -> None:
    right = lay.width - L.MARGIN
    for k, lane in enumerate(lay.lanes):
        pen.rect(L.MARGIN, lane.y, right - L.MARGIN, lane.h, LANE_FILL[k % 2], GRID)
        pen.rect(L.MARGIN, lane.y, L.LABEL_W, lane.h, LABEL_FILL)
        text_h = len(lane.lines) * L.LANE_SIZE * LINE_HEIGHT
        top = lane.y + (lane.h - text_h) / 2
        pen.lines(lane.lines, L.MARGIN + L.LABEL_W / 2, top, L.LANE_SIZE, bold=True, fill="#ffffff")


def _box(pen: _Pen, box: L.Box) -> None:
    stroke, fill = _colour(box.colour)
    pen.rect(box.x, box.y, box.w, box.h, fill, stroke, 1.6, 8)
    pen.lines(
        [box.goal.id],
        box.x + L.PAD_X,
        box.y + L.PAD_Y,
        L.HEAD_SIZE,
        anchor="start",
        bold=True,
        fill=stroke if box.colour >= 0 else INK,
    )
    for chip in box.chips:
        c_stroke, _ = _colour(chip.colour)
        pen.rect(chip.x, chip.y, chip.w, L.CHIP_H, "#ffffff", c_stroke, 1.0, 3)
        top = chip.y + (L.CHIP_H - L.CHIP_SIZE * LINE_HEIGHT) / 2
        pen.lines([chip.issue], chip.x + chip.w / 2, top, L.CHIP_SIZE, bold=True, fill=c_stroke)
    pen.lines(box.lines, box.x + box.w / 2, box.name_top, L.NAME_SIZE)


def _legend(pen: _Pen, lay: L.Layout) -> None:
    if not lay.legend:
        return
    pen.lines(
        lay.legend_heading,
        L.MARGIN,
        lay.legend_top,
        L.LEGEND_SIZE,
        anchor="start",
        bold=True,
        fill=MUTED,
    )
    for item in lay.legend:
        stroke, fill = _colour(item.colour)
        sw = L.LEGEND_SIZE * LINE_HEIGHT
        pen.rect(item.x, item.y + (sw - 14) / 2, 14, 14, fill, stroke, 1.6, 3)
        pen.lines(item.lines, item.x + 22, item.y, L.LEGEND_SIZE, anchor="start")
