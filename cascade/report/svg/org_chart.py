"""The organisation chart as a self-contained SVG string, and as Mermaid text.

An indented tree: each unit is a box one indent right of its parent, below
the boxes before it, joined to the parent by an elbow line; so any number of
units fits the width of a phone and nothing overlaps.  A box holds the
unit's name (bold) and its detail lines (head, headcount), Thai text
wrapped by :mod:`~cascade.report.svg._text`.  A unit with an agreement page
is a link (``<a href>``).  Every box is ``<g class="unit" data-unit="…">``
holding a ``<rect class="unit">``; the lines are ``<path class="reports-to">``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cascade.report.svg._svg import GRID, MUTED, attr, esc, head, id_prefix, num, svg_open
from cascade.report.svg._svg import text_block as _text_block
from cascade.report.svg._text import LINE_HEIGHT, wrap
from cascade.report.svg.mermaid import mermaid_label, node_ids

MARGIN = 12.0
INDENT = 24.0
BOX_W = 300.0
PAD = 10.0
GAP = 10.0
NAME_SIZE = 16.0
DETAIL_SIZE = 14.0
TITLE_SIZE = 18.0
FILL = ("#e3f0f9", "#f6f8fa")  # units with an agreement, without
STROKE = ("#0072b2", "#8c959f")


@dataclass(frozen=True, slots=True)
class ChartUnit:
    """One box: the unit's id, name, depth in the tree, parent, detail lines and link."""

    id: str
    name: str
    depth: int
    parent: str | None
    details: tuple[str, ...] = ()
    href: str = ""


@dataclass(frozen=True, slots=True)
class _Box:
    unit: ChartUnit
    x: float
    y: float
    h: float
    name: tuple[str, ...]
    details: tuple[str, ...]


def _boxes(units: Sequence[ChartUnit], top: float) -> list[_Box]:
    inner = BOX_W - 2 * PAD
    out: list[_Box] = []
    y = top
    for unit in units:
        name = tuple(wrap(unit.name, inner, NAME_SIZE, bold=True)) or (unit.id,)
        details = tuple(line for d in unit.details for line in wrap(d, inner, DETAIL_SIZE))
        h = 2 * PAD + LINE_HEIGHT * (len(name) * NAME_SIZE + len(details) * DETAIL_SIZE)
        out.append(_Box(unit, MARGIN + unit.depth * INDENT, y, h, name, details))
        y += h + GAP
    return out


def _links(boxes: list[_Box]) -> list[str]:
    where = {b.unit.id: b for b in boxes}
    out = []
    for box in boxes:
        parent = where.get(box.unit.parent or "")
        if parent is None or parent.x >= box.x:
            continue
        x = parent.x + INDENT / 2
        d = f"M{num(x)},{num(parent.y + parent.h)} V{num(box.y + box.h / 2)} H{num(box.x)}"
        out.append(
            f'<path class="reports-to" data-from={attr(box.unit.id)} data-to={attr(parent.unit.id)}'
            f' d="{d}" fill="none" stroke="{GRID}" stroke-width="1.6"/>'
        )
    return out


def _box(box: _Box) -> str:
    linked = 0 if box.unit.href else 1
    rect = (
        f'<rect class="unit" x="{num(box.x)}" y="{num(box.y)}" width="{num(BOX_W)}" '
        f'height="{num(box.h)}" rx="6" fill="{FILL[linked]}" stroke="{STROKE[linked]}" '
        'stroke-width="1.4"/>'
    )
    left = box.x + PAD
    name = _text_block(list(box.name), left, box.y + PAD, NAME_SIZE, anchor="start", bold=True)
    below = box.y + PAD + len(box.name) * NAME_SIZE * LINE_HEIGHT
    details = _text_block(list(box.details), left, below, DETAIL_SIZE, anchor="start", fill=MUTED)
    body = f"<title>{esc(box.unit.id)} {esc(box.unit.name)}</title>{rect}{name}{details}"
    if box.unit.href:
        body = f"<a href={attr(box.unit.href)}>{body}</a>"
    return f'<g class="unit" data-unit={attr(box.unit.id)}>{body}</g>'


def org_chart_svg(units: Sequence[ChartUnit], *, title: str = "") -> str:
    """The chart of ``units`` (in tree order: each after its parent); ``""`` for none."""
    if not units:
        return ""
    top = MARGIN + (TITLE_SIZE * LINE_HEIGHT + GAP if title else 0)
    boxes = _boxes(units, top)
    width = 2 * MARGIN + max(b.x - MARGIN for b in boxes) + BOX_W
    height = boxes[-1].y + boxes[-1].h + MARGIN
    pid = id_prefix("org", tuple(units), title)
    desc = "; ".join(
        " · ".join((f"{u.id} {u.name}", *u.details)) + (f" ← {u.parent}" if u.parent else "")
        for u in units
    )
    out = [svg_open(width, height, pid, "org-chart")]
    out.append(head(pid, title or "แผนผังโครงสร้างองค์กร (Organisation chart)", desc))
    out.append(f'<rect width="{num(width)}" height="{num(height)}" fill="#ffffff"/>')
    if title:
        out.append(_text_block([title], MARGIN, MARGIN, TITLE_SIZE, anchor="start", bold=True))
    out += _links(boxes)
    out += [_box(b) for b in boxes]
    out.append("</svg>")
    return "".join(out)


def org_chart_mermaid(units: Sequence[ChartUnit]) -> str:
    """Mermaid ``flowchart LR`` source: a node per unit, an edge from parent to unit."""
    if not units:
        return ""
    ids = node_ids([u.id for u in units], "unit_", set())
    lines = ["flowchart LR"]
    for unit in units:
        label = " · ".join((f"{unit.id}: {unit.name}", *unit.details))
        lines.append(f"  {ids[unit.id]}[{mermaid_label(label)}]")
    for unit in units:
        if unit.parent in ids:
            lines.append(f"  {ids[unit.parent]} --> {ids[unit.id]}")
    return "\n".join(lines) + "\n"
