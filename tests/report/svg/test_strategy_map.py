"""The strategy map SVG: well-formed, readable, no overlap, arrows, escaping, determinism."""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys

import pytest

from cascade.report.svg import MapGoal, strategy_map_svg
from cascade.report.svg import _map_layout as L
from cascade.report.svg._text import text_width
from tests.report.svg.helpers import NS, ROOT, box, child, find, goal_boxes, lines, parse, probation

TITLE = "แผนที่ยุทธศาสตร์กรมคุมประพฤติ"


def probation_svg() -> str:
    perspectives, issues, goals = probation()
    return strategy_map_svg(perspectives, issues, goals, title=TITLE)


def assert_readable(svg: str) -> None:
    """No two goal boxes overlap; every name line fits its box; boxes fit the canvas."""
    root = parse(svg)
    width, height = float(root.get("width", "0")), float(root.get("height", "0"))
    groups = find(root, "g", "goal")
    rects = goal_boxes(root)
    assert len(rects) == len(groups)
    for (a, (ax, ay, aw, ah)), (b, (bx, by, bw, bh)) in itertools.combinations(rects.items(), 2):
        apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
        assert apart, f"{a} overlaps {b}"
    for g in groups:
        x, y, w, h = rects[g.get("data-goal", "")]
        assert x >= 0 and x + w <= width and y >= 0 and y + h <= height
        name = child(g, "text", "goal-name")
        spans = list(name.iter(f"{NS}tspan"))
        for span in spans:
            assert text_width(span.text or "", L.NAME_SIZE) <= w - 2 * L.PAD_X, span.text
        if spans:
            assert float(spans[-1].get("y", "0")) + L.NAME_SIZE * 0.5 <= y + h
            assert float(spans[0].get("y", "0")) - L.NAME_SIZE >= y
    for lane in find(root, "g", "lane"):
        for line in lines(child(lane, "text")):
            assert text_width(line, L.LANE_SIZE, bold=True) <= L.LABEL_W - 16


def test_probation_map_is_readable() -> None:
    svg = probation_svg()
    assert_readable(svg)
    root = parse(svg)
    goals = [g.get("data-goal", "") for g in find(root, "g", "goal")]
    assert sorted(goals, key=lambda s: int(s[1:])) == [f"G{k}" for k in range(1, 11)]
    assert len(find(root, "g", "lane")) == 4
    assert len(find(root, "rect", "issue-swatch")) == 6
    # every goal name is shown in full, wrapped (G5 is long)
    names = {
        g.get("data-goal"): "".join(lines(child(g, "text", "goal-name")))
        for g in find(root, "g", "goal")
    }
    for goal in probation()[2]:
        assert names[goal.id].replace(" ", "") == goal.name.replace(" ", "")


def test_probation_lanes_top_first_and_goals_in_their_lane() -> None:
    perspectives, _, goals = probation()
    root = parse(probation_svg())
    lanes = [
        (float(r.get("y", "0")), float(r.get("height", "0")))
        for lane in find(root, "g", "lane")
        for r in lane.findall(f"{NS}rect")[:1]
    ]
    assert [y for y, _ in lanes] == sorted(y for y, _ in lanes)
    order = [p for p, _ in perspectives]
    rects = goal_boxes(root)
    for goal in goals:
        top, h = lanes[order.index(goal.perspective)]
        _, y, _, bh = rects[goal.id]
        assert top <= y and y + bh <= top + h


def test_arrows_for_every_drives_edge() -> None:
    _, _, goals = probation()
    root = parse(probation_svg())
    expected = {(g.id, d) for g in goals for d in g.drives}
    paths = find(root, "path", "drive")
    assert {(p.get("data-from"), p.get("data-to")) for p in paths} == expected
    assert len(paths) == len(expected) == 14
    markers = {m.get("id") for m in find(root, "marker")}
    for p in paths:
        ref = p.get("marker-end", "")
        assert ref.startswith("url(#") and ref[5:-1] in markers
        assert p.get("d", "").startswith("M")


def test_title_desc_and_no_active_or_external_content() -> None:
    svg = probation_svg()
    root = parse(svg)
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text == TITLE
    assert desc is not None and "G5" in (desc.text or "")
    assert set(root.get("aria-labelledby", "").split()) == {title.get("id"), desc.get("id")}
    lowered = svg.lower()
    for bad in (
        "<script",
        "javascript:",
        "http://www.w3.org/1999/xlink",
        "href",
        "onload",
        "@import",
    ):
        assert bad not in lowered


def test_same_input_same_bytes() -> None:
    assert probation_svg() == probation_svg()


def test_deterministic_across_hash_seeds() -> None:
    code = (
        "import hashlib;from tests.report.svg.test_strategy_map import probation_svg;"
        "print(hashlib.sha256(probation_svg().encode()).hexdigest())"
    )
    digests = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        digests.add(out.stdout.strip())
    assert digests == {hashlib.sha256(probation_svg().encode()).hexdigest()}


def test_names_are_escaped() -> None:
    nasty = 'แผน <script>alert("x")</script> & ผล ]]> \x00'
    goals = [
        MapGoal("G1", nasty, "p1", ("<i>",), ("G2",)),
        MapGoal("G2", "ผล & <b>", "p1", (), ()),
    ]
    svg = strategy_map_svg([("p1", "มิติ <1> & 'x'")], [("<i>", "ประเด็น & <ก>")], goals, title="<t>&")
    root = parse(svg)
    assert "<script" not in svg and "\x00" not in svg
    texts = "".join(root.itertext())
    assert '<script>alert("x")</script>' in texts.replace("\n", "")
    assert "ผล & <b>" in texts and "<t>&" in texts


def test_many_goals_wrap_to_rows_without_overlap() -> None:
    names = ["การพัฒนาระบบสารสนเทศเพื่อการบริหารจัดการอย่างมีประสิทธิภาพ", "สั้น", "ก" * 60]
    goals = [MapGoal(f"G{k}", names[k % 3], "a" if k < 11 else "b") for k in range(14)]
    goals.append(MapGoal("X", "ยาวมาก" * 30, "a", ("I1", "I2", "I3", "I4", "I5", "I6", "I7")))
    svg = strategy_map_svg([("a", "มิติเอ"), ("b", "มิติบี")], [], goals)
    assert_readable(svg)
    rows = {box(r)[1] for r in find(parse(svg), "rect", "goal")}
    assert len(rows) >= 4  # 12 goals in lane a: three rows of four; lane b one row


def test_unknown_ids_and_edge_cases() -> None:
    goals = [
        MapGoal("G1", "หนึ่ง", "nowhere", ("SIX",), ("G1", "G404", "G2", "G2")),
        MapGoal("G2", "สอง", "p", (), ("G1",)),
        MapGoal("G1", "ซ้ำ", "p"),  # a duplicate id: the first one wins
    ]
    root = parse(strategy_map_svg([("p", "มิติ")], [], goals))
    assert [g.get("data-goal") for g in find(root, "g", "goal")].count("G1") == 1
    assert len(find(root, "g", "lane")) == 2  # "nowhere" gets a lane of its own
    edges = {(p.get("data-from"), p.get("data-to")) for p in find(root, "path", "drive")}
    assert edges == {("G1", "G2"), ("G2", "G1")}
    assert len(find(root, "rect", "issue-swatch")) == 1


@pytest.mark.parametrize("goals", [[], [MapGoal("G1", "", "p")]])
def test_empty_inputs(goals: list[MapGoal]) -> None:
    parse(strategy_map_svg([], [], goals))
    parse(strategy_map_svg([("p", "")], [], goals, title=""))


def test_same_row_neighbours_and_far_arrows() -> None:
    goals = [MapGoal(f"G{k}", f"เป้าประสงค์ {k}", "p", drives=(f"G{(k + 2) % 4}",)) for k in range(4)]
    goals.append(MapGoal("B", "ล่าง", "q", drives=("G0", "G3")))
    root = parse(strategy_map_svg([("p", "บน"), ("q", "ล่าง")], [], goals))
    assert len(find(root, "path", "drive")) == 6
