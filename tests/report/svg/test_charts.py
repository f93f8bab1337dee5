"""KPI bar chart and score trend SVGs."""

from __future__ import annotations

import itertools
from decimal import Decimal as D

import pytest

from cascade.report.svg import bar_chart_svg, trend_svg
from cascade.report.svg.charts import ticks
from tests.report.svg.helpers import NS, find, lines, parse

BARS = [
    ("KPI 1.1 ร้อยละของผู้ผ่านการฟื้นฟูสมรรถภาพที่ไม่กลับไปเสพซ้ำ", D("4.5")),
    ("KPI 1.2 จำนวนอาสาสมัคร", D("3.25")),
    ("KPI 2 ยังไม่มีผล", None),
    ("KPI 3", D(5)),
    ("KPI 4", D("1.005")),
]


def bar_widths(svg: str) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for g in find(parse(svg), "g", "bar"):
        rect = g.find(f"{NS}rect")
        out[g.get("data-label", "")] = None if rect is None else float(rect.get("width", "nan"))
    return out


def value_labels(svg: str) -> list[str]:
    return [line for t in find(parse(svg), "text", "value") for line in lines(t)]


def test_bars_scaled_to_top_and_labelled() -> None:
    svg = bar_chart_svg(BARS, D(5), title="คะแนนตัวชี้วัด")
    widths = bar_widths(svg)
    full = widths["KPI 3"]
    assert full is not None and full > 100
    for label, value in BARS:
        if value is None:
            assert widths[label] is None
        else:
            assert widths[label] == pytest.approx(full * float(value) / 5, abs=0.1)
    assert value_labels(svg) == ["4.5", "3.25", "—", "5", "1.01"]
    root = parse(svg)
    assert [line for t in find(root, "text", "missing") for line in lines(t)] == ["—"]
    assert "KPI 2 ยังไม่มีผล: ไม่มีคะแนน" in (root.findtext(f"{NS}desc") or "")
    axis = [line for g in find(root, "g", "axis") for t in g.iter(f"{NS}text") for line in lines(t)]
    assert axis == ["0", "1", "2", "3", "4", "5"]


def test_three_level_scale_top_100() -> None:
    svg = bar_chart_svg([("ระดับ 1", D(0)), ("ระดับ 2", D(50)), ("ระดับ 3", D(100))], D(100))
    widths = bar_widths(svg)
    assert widths["ระดับ 1"] == 0
    half, full = widths["ระดับ 2"], widths["ระดับ 3"]
    assert half is not None and full is not None and half == pytest.approx(full / 2, abs=0.1)
    assert value_labels(svg) == ["0", "50", "100"]
    assert ticks(D(100)) == [D(0), D(20), D(40), D(60), D(80), D(100)]


def test_out_of_range_values_clamped_but_labelled() -> None:
    widths = bar_widths(bar_chart_svg([("hi", D(120)), ("top", D(100)), ("lo", D(-3))], D(100)))
    assert widths["hi"] == widths["top"] and widths["lo"] == 0
    assert value_labels(bar_chart_svg([("hi", D(120))], D(100))) == ["120"]


def test_ticks() -> None:
    assert ticks(D(5)) == [D(n) for n in range(6)]
    assert ticks(D(1)) == [D(0), D("0.2"), D("0.4"), D("0.6"), D("0.8"), D(1)]
    assert ticks(D("3.5"))[-1] == D("3.5")
    with pytest.raises(ValueError):
        ticks(D(0))


def test_trend_points_line_and_gaps() -> None:
    series = [("2569-Q1", D("3.1")), ("2569-Q2", D("3.6")), ("2569-Q3", None), ("2569-Q4", D(5))]
    svg = trend_svg(series, D(5), title="แนวโน้ม")
    root = parse(svg)
    points = find(root, "circle", "point")
    assert [p.get("data-value") for p in points] == ["3.1", "3.6", "5"]
    ys = [float(p.get("cy", "nan")) for p in points]
    xs = [float(p.get("cx", "nan")) for p in points]
    assert ys[2] < ys[1] < ys[0] and xs == sorted(xs)
    lines_ = find(root, "polyline", "trend")
    assert len(lines_) == 1  # Q3 is missing: Q2 and Q4 are not joined; Q4 alone has no line
    assert len(lines_[0].get("points", "").split()) == 2
    assert value_labels(svg) == ["3.1", "3.6", "—", "5"]
    labels = [line for t in root.iter(f"{NS}text") for line in lines(t)]
    assert all(s in labels for s, _ in series)
    # scale: 0 at the bottom, top at the top
    grid = sorted(float(g.get("y1", "nan")) for g in root.iter(f"{NS}line"))
    assert ys[2] == pytest.approx(grid[0]) and len(grid) == 6


def test_trend_top_100_and_empty() -> None:
    root = parse(trend_svg([("ก", D(50)), ("ข", D(100))], D(100)))
    a, b = (float(p.get("cy", "nan")) for p in find(root, "circle", "point"))
    grid = sorted(float(g.get("y1", "nan")) for g in root.iter(f"{NS}line"))
    assert b == pytest.approx(grid[0]) and a == pytest.approx((grid[0] + grid[-1]) / 2)
    parse(trend_svg([], D(5)))
    parse(bar_chart_svg([], D(5)))
    parse(trend_svg([("x", None)], D(5)))


def test_escaped_and_deterministic() -> None:
    bars = [('<script>alert("x")</script> & ก', D(1))]
    for render in (bar_chart_svg, trend_svg):
        svg = render(bars, D(5), title="<b>&")
        assert "<script" not in svg and "&lt;script&gt;" in svg
        root = parse(svg)
        assert root.findtext(f"{NS}title") == "<b>&"
        assert render(bars, D(5), title="<b>&") == svg


def test_distinct_ids_for_distinct_charts() -> None:
    svgs = [bar_chart_svg([("a", D(1))], D(5)), bar_chart_svg([("a", D(2))], D(5))]
    ids = [{e.get("id") for e in parse(s).iter() if e.get("id")} for s in svgs]
    for a, b in itertools.combinations(ids, 2):
        assert not a & b
