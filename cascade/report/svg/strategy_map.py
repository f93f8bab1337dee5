"""The Balanced Scorecard strategy map as a self-contained SVG string.

Perspectives are horizontal lanes (top lane first, as given) labelled on the
left; goals are rounded boxes in their lane, ordered by strategic issue and
coloured by their first issue, with a chip per issue in the box header and a
legend of issues below the map. ``drives`` arrows run from cause to effect. See
``_map_layout`` and ``_map_edges`` for the geometry. Every goal box is a
``<g class="goal" data-goal="…">`` holding a ``<rect class="goal">`` whose
``x/y/width/height`` are the box; arrows are ``<path class="drive"
data-from="…" data-to="…">``.
"""

from __future__ import annotations

from collections.abc import Sequence

from cascade.report.svg import _map_layout as L
from cascade.report.svg._goal import MapGoal
from cascade.report.svg._map_edges import route
from cascade.report.svg._svg import (
    GRID,
    INK,
    MUTED,
    PALETTE,
    TINTS,
    attr,
    esc,
    head,
    id_prefix,
    num,
    svg_open,
    text_block,
)
from cascade.report.svg._text import LINE_HEIGHT
from cascade.report.svg.mermaid import strategy_map_mermaid

__all__ = ["MapGoal", "strategy_map_mermaid", "strategy_map_svg"]

NEUTRAL = ("#6e7781", "#f6f8fa")
LANE_FILL = ("#f3f6fa", "#ffffff")
LABEL_FILL = "#2f4b6e"
EDGE = "#4b5563"


def _colour(k: int) -> tuple[str, str]:
    return NEUTRAL if k < 0 else (PALETTE[k % len(PALETTE)], TINTS[k % len(TINTS)])


def strategy_map_svg(
    perspectives: Sequence[tuple[str, str]],
    issues: Sequence[tuple[str, str]],
    goals: Sequence[MapGoal],
    *,
    title: str = "",
) -> str:
    """The strategy map; ``perspectives`` and ``issues`` are (id, name) pairs."""
    lay = L.layout(perspectives, issues, goals, title)
    pid = id_prefix("smap", tuple(perspectives), tuple(issues), tuple(goals), title)
    edges = route(lay)
    out = [svg_open(lay.width, lay.height, pid, "strategy-map")]
    out.append(head(pid, title or "แผนที่ยุทธศาสตร์ (Strategy map)", _desc(lay, len(edges))))
    out.append(
        f'<defs><marker id="{pid}-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{EDGE}"/></marker></defs>'
    )
    out.append(f'<rect width="{num(lay.width)}" height="{num(lay.height)}" fill="#ffffff"/>')
    if lay.title:
        out.append(text_block(list(lay.title), lay.width / 2, L.MARGIN, L.TITLE_SIZE, bold=True))
    out += _lanes(lay)
    out.append('<g class="drives" fill="none">')
    out += [
        f'<path class="drive" data-from={attr(e.src)} data-to={attr(e.dst)} d="{e.d}" '
        f'stroke="{EDGE}" stroke-width="1.6" marker-end="url(#{pid}-arrow)"/>'
        for e in edges
    ]
    out.append("</g>")
    out += [_box(box) for row in lay.rows for box in row]
    out += _legend(lay)
    out.append("</svg>")
    return "".join(out)


def _desc(lay: L.Layout, n_edges: int) -> str:
    boxes = [b for row in lay.rows for b in row]
    parts = [f"{len(lay.lanes)} มิติ, {len(boxes)} เป้าประสงค์, {n_edges} ลูกศรเหตุ→ผล."]
    for box in boxes:
        drives = ", ".join(box.goal.drives)
        parts.append(f"{box.goal.id} {box.goal.name}" + (f" → {drives}" if drives else "") + ".")
    return " ".join(parts)


def _lanes(lay: L.Layout) -> list[str]:
    out = []
    right = lay.width - L.MARGIN
    for k, lane in enumerate(lay.lanes):
        y, h = lane.y, lane.h
        out.append(
            f'<g class="lane"><rect x="{num(L.MARGIN)}" y="{num(y)}" '
            f'width="{num(right - L.MARGIN)}" height="{num(h)}" fill="{LANE_FILL[k % 2]}" '
            f'stroke="{GRID}"/>'
            f'<rect class="lane-label" x="{num(L.MARGIN)}" y="{num(y)}" width="{num(L.LABEL_W)}" '
            f'height="{num(h)}" fill="{LABEL_FILL}"/>'
        )
        text_h = len(lane.lines) * L.LANE_SIZE * LINE_HEIGHT
        x = L.MARGIN + L.LABEL_W / 2
        out.append(
            text_block(
                list(lane.lines), x, y + (h - text_h) / 2, L.LANE_SIZE, bold=True, fill="#ffffff"
            )
        )
        out.append("</g>")
    return out


def _box(box: L.Box) -> str:
    stroke, fill = _colour(box.colour)
    goal = box.goal
    out = [
        f'<g class="goal" data-goal={attr(goal.id)}><title>{esc(goal.id)} {esc(goal.name)}</title>',
        f'<rect class="goal" x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" '
        f'height="{num(box.h)}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="1.6"/>',
        text_block(
            [goal.id],
            box.x + L.PAD_X,
            box.y + L.PAD_Y,
            L.HEAD_SIZE,
            anchor="start",
            bold=True,
            fill=stroke if box.colour >= 0 else INK,
        ),
    ]
    for chip in box.chips:
        c_stroke, _ = _colour(chip.colour)
        out.append(
            f'<rect class="issue-chip" x="{num(chip.x)}" y="{num(chip.y)}" width="{num(chip.w)}" '
            f'height="{num(L.CHIP_H)}" rx="3" fill="#ffffff" stroke="{c_stroke}"/>'
        )
        out.append(
            f'<text x="{num(chip.x + chip.w / 2)}" '
            f'y="{num(chip.y + L.CHIP_H / 2 + L.CHIP_SIZE * 0.35)}" '
            f'font-size="{num(L.CHIP_SIZE)}" text-anchor="middle" fill="{c_stroke}" '
            f'font-weight="bold">{esc(chip.issue)}</text>'
        )
    out.append(
        text_block(
            list(box.lines), box.x + box.w / 2, box.name_top, L.NAME_SIZE, css_class="goal-name"
        )
    )
    out.append("</g>")
    return "".join(out)


def _legend(lay: L.Layout) -> list[str]:
    if not lay.legend:
        return []
    out = [
        '<g class="legend">',
        text_block(
            list(lay.legend_heading),
            L.MARGIN,
            lay.legend_top,
            L.LEGEND_SIZE,
            anchor="start",
            bold=True,
            fill=MUTED,
        ),
    ]
    for item in lay.legend:
        stroke, fill = _colour(item.colour)
        sw = L.LEGEND_SIZE * LINE_HEIGHT
        out.append(
            f'<rect class="issue-swatch" x="{num(item.x)}" y="{num(item.y + (sw - 14) / 2)}" '
            f'width="14" height="14" rx="3" fill="{fill}" stroke="{stroke}" stroke-width="1.6"/>'
        )
        out.append(text_block(list(item.lines), item.x + 22, item.y, L.LEGEND_SIZE, anchor="start"))
    out.append("</g>")
    return out
