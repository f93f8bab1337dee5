"""Score charts as self-contained SVG strings: KPI bars and a trend over rounds.

Both draw an axis from 0 to ``top`` (5 for the 5-level scale, 100 for the
3-level/percent one) with round tick steps, label every value, and show a
missing score (``None``) as a gap with a dash, never as zero. Values outside
0..top are drawn clamped to the axis but labelled as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cascade.report.svg._chart_parts import (
    MARGIN,
    NO_SCORE,
    SIZE,
    describe,
    frac,
    ticks,
    title_block,
)
from cascade.report.svg._svg import (
    GRID,
    INK,
    MUTED,
    PALETTE,
    attr,
    dec,
    esc,
    head,
    id_prefix,
    num,
    svg_open,
    text_block,
)
from cascade.report.svg._text import LINE_HEIGHT, text_width, wrap

BAR_W, BAR_LABEL_W, VALUE_W, BAR_H = 640.0, 220.0, 52.0, 16.0
DASH = "—"

__all__ = ["bar_chart_svg", "ticks", "trend_svg"]


def bar_chart_svg(
    bars: Sequence[tuple[str, Decimal | None]], top: Decimal, *, title: str = ""
) -> str:
    """Horizontal bars, one per KPI, labelled on the left, value at the bar's end."""
    axis = ticks(top)
    x0 = MARGIN + BAR_LABEL_W + 8
    x1 = BAR_W - MARGIN - VALUE_W
    pid = id_prefix("bars", tuple(bars), top, title)
    title_svg, y = title_block(title, BAR_W)
    rows = []
    for label, value in bars:
        lines = wrap(label, BAR_LABEL_W, SIZE)
        h = max(28.0, len(lines) * SIZE * LINE_HEIGHT + 8)
        rows.append((label, value, lines, y, h))
        y += h
    plot_top = rows[0][3] if rows else y
    plot_bottom = y
    height = plot_bottom + 8 + SIZE * LINE_HEIGHT + MARGIN
    out = [svg_open(BAR_W, height, pid, "bar-chart")]
    out.append(head(pid, title or "คะแนนตัวชี้วัด (KPI scores)", describe(bars, top)))
    out.append(f'<rect width="{num(BAR_W)}" height="{num(height)}" fill="#ffffff"/>{title_svg}')
    out.append('<g class="axis">')
    for t in axis:
        x = x0 + (x1 - x0) * frac(t, top)
        out.append(
            f'<line x1="{num(x)}" y1="{num(plot_top)}" x2="{num(x)}" y2="{num(plot_bottom)}" '
            f'stroke="{GRID}"/>' + text_block([dec(t)], x, plot_bottom + 4, SIZE, fill=MUTED)
        )
    out.append(
        f'<line x1="{num(x0)}" y1="{num(plot_bottom)}" x2="{num(x1)}" y2="{num(plot_bottom)}" '
        f'stroke="{MUTED}"/></g>'
    )
    for label, value, lines, ry, h in rows:
        text_h = len(lines) * SIZE * LINE_HEIGHT
        out.append(
            f'<g class="bar" data-label={attr(label)}><title>{esc(label)}: '
            f"{esc(NO_SCORE if value is None else dec(value))}</title>"
        )
        out.append(text_block(lines, x0 - 8, ry + (h - text_h) / 2, SIZE, anchor="end"))
        mid = ry + h / 2
        if value is None:
            out.append(
                text_block(
                    [DASH],
                    x0 + 6,
                    mid - SIZE * LINE_HEIGHT / 2,
                    SIZE,
                    anchor="start",
                    fill=MUTED,
                    css_class="value missing",
                )
            )
        else:
            w = (x1 - x0) * frac(value, top)
            out.append(
                f'<rect class="bar" x="{num(x0)}" y="{num(mid - BAR_H / 2)}" width="{num(w)}" '
                f'height="{num(BAR_H)}" fill="{PALETTE[0]}" data-value="{dec(value)}"/>'
            )
            out.append(
                text_block(
                    [dec(value)],
                    x0 + w + 4,
                    mid - SIZE * LINE_HEIGHT / 2,
                    SIZE,
                    anchor="start",
                    fill=INK,
                    css_class="value",
                )
            )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def trend_svg(
    series: Sequence[tuple[str, Decimal | None]],
    top: Decimal,
    *,
    title: str = "",
    targets: Sequence[Decimal | None] = (),
    legend: tuple[str, str] = ("", ""),
) -> str:
    """Points joined by a line over rounds; a missing round breaks the line.

    ``targets`` (one per point, ``None`` for none) adds a dashed target line
    with square marks, and ``legend`` names the two lines under the title."""
    axis = ticks(top)
    left = MARGIN + max(text_width(dec(t), SIZE) for t in axis) + 8
    slot = max(72.0, max([0.0] + [text_width(s, SIZE) + 12 for s, _ in series]))
    width = max(480.0, left + slot * max(1, len(series)) + MARGIN)
    slot = (width - left - MARGIN) / max(1, len(series))
    pid = id_prefix("trend", tuple(series), top, title)
    title_svg, plot_top = title_block(title, width)
    if targets and any(legend):
        title_svg += _legend(legend, left, plot_top)
        plot_top += SIZE * LINE_HEIGHT + 4
    plot_top += SIZE * LINE_HEIGHT  # room for the value label over a point at the top
    plot_bottom = plot_top + 180.0
    labels = [wrap(s, slot - 4, SIZE) for s, _ in series]
    height = (
        plot_bottom + 6 + max([1] + [len(lines) for lines in labels]) * SIZE * LINE_HEIGHT + MARGIN
    )
    out = [svg_open(width, height, pid, "trend-chart")]
    out.append(head(pid, title or "แนวโน้มคะแนน (score trend)", describe(series, top)))
    out.append(f'<rect width="{num(width)}" height="{num(height)}" fill="#ffffff"/>{title_svg}')
    out.append('<g class="axis">')
    for t in axis:
        y = plot_bottom - (plot_bottom - plot_top) * frac(t, top)
        out.append(
            f'<line x1="{num(left)}" y1="{num(y)}" x2="{num(width - MARGIN)}" y2="{num(y)}" '
            f'stroke="{GRID}"/>'
            + text_block(
                [dec(t)], left - 6, y - SIZE * LINE_HEIGHT / 2, SIZE, anchor="end", fill=MUTED
            )
        )
    out.append("</g>")
    points: list[tuple[float, float, Decimal] | None] = []

    def y_of(value: Decimal) -> float:
        return plot_bottom - (plot_bottom - plot_top) * frac(value, top)

    for k, ((_, value), lines) in enumerate(zip(series, labels, strict=True)):
        cx = left + slot * (k + 0.5)
        out.append(text_block(lines, cx, plot_bottom + 6, SIZE, fill=MUTED))
        if value is None:
            points.append(None)
        else:
            points.append((cx, y_of(value), value))
    if targets:
        marks = [
            None if t is None else (left + slot * (k + 0.5), y_of(t), t)
            for k, t in enumerate(targets)
        ]
        out.extend(_polylines(marks, "target", PALETTE[1], ' stroke-dasharray="6 4"'))
        out.extend(
            f'<rect class="target" x="{num(m[0] - 3)}" y="{num(m[1] - 3)}" width="6" height="6" '
            f'fill="{PALETTE[1]}" data-value="{dec(m[2])}"/>'
            for m in marks
            if m is not None
        )
    out.extend(_polylines(points, "trend", PALETTE[0]))
    for k, p in enumerate(points):
        cx = left + slot * (k + 0.5)
        if p is None:
            out.append(
                text_block(
                    [DASH],
                    cx,
                    plot_bottom - SIZE * LINE_HEIGHT - 2,
                    SIZE,
                    fill=MUTED,
                    css_class="value missing",
                )
            )
            continue
        out.append(
            f'<circle class="point" cx="{num(p[0])}" cy="{num(p[1])}" r="4" '
            f'fill="{PALETTE[0]}" data-value="{dec(p[2])}"/>'
        )
        mark = targets[k] if k < len(targets) else None
        below = mark is not None and mark >= p[2]  # the target line runs above: label under
        y = p[1] + 6 if below else p[1] - 6 - SIZE * LINE_HEIGHT
        out.append(text_block([dec(p[2])], p[0], y, SIZE, css_class="value"))
    out.append("</svg>")
    return "".join(out)


def _polylines(
    points: Sequence[tuple[float, float, Decimal] | None], css: str, colour: str, extra: str = ""
) -> list[str]:
    """A line through the points, broken where one is missing."""
    out: list[str] = []
    run: list[str] = []
    for p in [*points, None]:
        if p is not None:
            run.append(f"{num(p[0])},{num(p[1])}")
            continue
        if len(run) > 1:
            out.append(
                f'<polyline class="{css}" points="{" ".join(run)}" fill="none" '
                f'stroke="{colour}" stroke-width="2"{extra}/>'
            )
        run = []
    return out


def _legend(names: tuple[str, str], x: float, y: float) -> str:
    """``── result  - - target`` in the line colours, one line at ``y``."""
    result, target = names
    mid = y + SIZE * LINE_HEIGHT / 2
    gap = x + 28 + text_width(result, SIZE) + 16
    return (
        f'<g class="legend"><line x1="{num(x)}" y1="{num(mid)}" x2="{num(x + 22)}" '
        f'y2="{num(mid)}" stroke="{PALETTE[0]}" stroke-width="2"/>'
        + text_block([result], x + 28, y, SIZE, anchor="start")
        + f'<line x1="{num(gap)}" y1="{num(mid)}" x2="{num(gap + 22)}" y2="{num(mid)}" '
        f'stroke="{PALETTE[1]}" stroke-width="2" stroke-dasharray="6 4"/>'
        + text_block([target], gap + 28, y, SIZE, anchor="start")
        + "</g>"
    )
