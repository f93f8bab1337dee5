"""Mermaid flowchart text for the strategy map."""

from __future__ import annotations

import re

from cascade.report.svg import MapGoal, strategy_map_mermaid
from cascade.report.svg.mermaid import mermaid_label
from tests.report.svg.helpers import probation

NODE = re.compile(r'^    ([A-Za-z][A-Za-z0-9_]*)\["([^"]*)"\]$')
SUBGRAPH = re.compile(r'^  subgraph ([A-Za-z][A-Za-z0-9_]*)\["([^"]*)"\]$')
EDGE = re.compile(r"^  ([A-Za-z][A-Za-z0-9_]*) --> ([A-Za-z][A-Za-z0-9_]*)$")


def check_syntax(text: str) -> tuple[dict[str, str], list[str], set[tuple[str, str]]]:
    """Every line is one of the forms we write; subgraphs are closed. Returns
    nodes (id → label), subgraph labels and edges."""
    lines = text.splitlines()
    assert lines[0] in ("flowchart BT", "flowchart TB")
    assert text.endswith("\n") and "```" not in text
    nodes: dict[str, str] = {}
    subgraphs: list[str] = []
    edges: set[tuple[str, str]] = set()
    depth = 0
    for line in lines[1:]:
        if m := SUBGRAPH.match(line):
            assert depth == 0
            depth += 1
            subgraphs.append(m.group(2))
        elif line == "  end":
            assert depth == 1
            depth -= 1
        elif line == "    direction LR":
            assert depth == 1
        elif m := NODE.match(line):
            assert depth == 1
            nodes[m.group(1)] = m.group(2)
        elif m := EDGE.match(line):
            assert depth == 0
            edges.add((m.group(1), m.group(2)))
        else:
            raise AssertionError(f"unexpected line {line!r}")
    assert depth == 0
    assert {a for e in edges for a in e} <= nodes.keys()
    return nodes, subgraphs, edges


def test_probation_mermaid() -> None:
    perspectives, _, goals = probation()
    text = strategy_map_mermaid(perspectives, goals)
    assert text.startswith("flowchart BT\n")
    nodes, subgraphs, edges = check_syntax(text)
    assert subgraphs == [name for _, name in perspectives]
    assert set(nodes) == {g.id for g in goals}
    for goal in goals:
        assert nodes[goal.id] == f"{goal.id}: {goal.name}"
    assert edges == {(g.id, d) for g in goals for d in g.drives}
    # goals sit in their perspective's subgraph
    blocks = text.split("  subgraph ")[1:]
    for (pid, _), block in zip(perspectives, blocks, strict=True):
        inside = {m.group(1) for line in block.splitlines() if (m := NODE.match(line))}
        assert inside == {g.id for g in goals if g.perspective == pid}
    assert strategy_map_mermaid(perspectives, goals) == text


def test_labels_are_quoted_and_escaped() -> None:
    assert mermaid_label('ก "ข" #1 <b>&`') == '"ก #quot;ข#quot; #35;1 #lt;b#gt;#amp;#96;"'
    goals = [
        MapGoal("end", 'ชื่อ "คำพูด" <script>', "p-1", drives=("G.2",)),
        MapGoal("G.2", "```\nnewline | [x] {y}", "p-1"),
    ]
    text = strategy_map_mermaid([("p-1", 'มิติ "ก"')], goals)
    nodes, subgraphs, edges = check_syntax(text)
    assert "<" not in text and ">" not in text.replace("-->", "")
    assert subgraphs == ["มิติ #quot;ก#quot;"]
    ids = {label.split(":")[0]: node for node, label in nodes.items()}
    assert ids["end"] != "end" and ids["G.2"] == "goal_G_2"
    assert edges == {(ids["end"], ids["G.2"])}
    assert nodes[ids["end"]] == "end: ชื่อ #quot;คำพูด#quot; #lt;script#gt;"


def test_unknown_perspective_and_dangling_edges() -> None:
    goals = [MapGoal("A", "เอ", "x", drives=("B", "Z", "A")), MapGoal("B", "บี", "y")]
    _, subgraphs, edges = check_syntax(strategy_map_mermaid([("y", "วาย")], goals))
    assert subgraphs == ["วาย", "x"]
    assert edges == {("A", "B")}


def test_duplicate_goal_ids_first_wins() -> None:
    goals = [MapGoal("A", "เอ", "x"), MapGoal("A", "ซ้ำ", "y")]
    nodes, subgraphs, _ = check_syntax(strategy_map_mermaid([("x", "เอ็กซ์")], goals))
    assert nodes == {"A": "A: เอ"} and subgraphs == ["เอ็กซ์"]
