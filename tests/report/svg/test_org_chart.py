"""The organisation chart: the view of the probation plan, the SVG tree and
its Mermaid form."""

from __future__ import annotations

from itertools import pairwise

from cascade.engine import check_plan
from cascade.report.orgchart import org_chart_view
from cascade.report.refs import Refs
from cascade.report.svg.org_chart import (
    BOX_W,
    INDENT,
    MARGIN,
    ChartUnit,
    org_chart_mermaid,
    org_chart_svg,
)
from tests.report.svg.helpers import NS, ROOT, find, parse

UNITS = [
    ChartUnit("ORG", "Organisation", 0, None, ("Head: A",), "ORG.html"),
    ChartUnit("A-1", "Unit <one> & co", 1, "ORG", ("Staff 2",)),
    ChartUnit("B", "B", 2, "A-1", (), "B.html"),
]


def test_the_probation_chart() -> None:
    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    view = org_chart_view(model, Refs(model, "en"))
    rows = [
        (
            u.unit.id,
            u.depth,
            u.parent.id if u.parent else None,
            u.head and u.head.id,
            u.headcount,
            u.total,
        )
        for u in view.units
    ]
    assert rows[0] == ("DOP", 0, None, "P0100", 1, 5)
    assert rows[-2:] == [("LAW", 1, "DOP", "P0001", 1, 4), ("LAW-1", 2, "LAW", "P0012", 3, 3)]
    assert [r[0] for r in rows[1:4]] == ["SEC", "CSS", "PLAN"]  # chart order
    assert len(rows) == 14
    law = view.units[-2]
    assert (law.unit.page, law.head_title) == (
        "LAW",
        "ผู้อำนวยการสำนักกฎหมาย",
    )  # Thai only in the plan
    root = parse(str(view.svg))
    links = {a.get("href") for a in find(root, "a")}
    assert links == {"DOP.html", "LAW.html", "SEC.html", "PLAN.html", "PROB.html", "REHAB.html"}
    assert 'LAW["LAW: Legal Affairs Bureau · Head: ' in str(view.mermaid)
    assert "  LAW --> unit_LAW_1\n" in str(view.mermaid)


def test_boxes_are_indented_stacked_and_joined() -> None:
    root = parse(org_chart_svg(UNITS))
    boxes = [
        (g.get("data-unit"), [float(r.get(k) or 0) for k in ("x", "y", "width", "height")])
        for g in find(root, "g", "unit")
        for r in g.iter(f"{NS}rect")
    ]
    assert [(u, b[0], b[2]) for u, b in boxes] == [
        ("ORG", MARGIN, BOX_W),
        ("A-1", MARGIN + INDENT, BOX_W),
        ("B", MARGIN + 2 * INDENT, BOX_W),
    ]
    for (_, above), (_, below) in pairwise(boxes):
        assert above[1] + above[3] < below[1]  # stacked, never overlapping
    assert root.get("width") == str(int(2 * MARGIN + 2 * INDENT + BOX_W))
    joins = [(p.get("data-from"), p.get("data-to")) for p in find(root, "path", "reports-to")]
    assert joins == [("A-1", "ORG"), ("B", "A-1")]
    texts = ["".join(t.itertext()) for t in find(root, "text")]
    assert texts[:3] == ["Organisation", "Head: A", "Unit <one> & co"]
    assert [a.get("href") for a in find(root, "a")] == ["ORG.html", "B.html"]


def test_mermaid_and_no_units() -> None:
    assert org_chart_mermaid(UNITS) == (
        "flowchart LR\n"
        '  ORG["ORG: Organisation · Head: A"]\n'
        '  unit_A_1["A-1: Unit #lt;one#gt; #amp; co · Staff 2"]\n'
        '  B["B: B"]\n'
        "  ORG --> unit_A_1\n"
        "  unit_A_1 --> B\n"
    )
    assert org_chart_svg([]) == org_chart_mermaid([]) == ""
