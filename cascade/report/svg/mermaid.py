"""The strategy map as Mermaid flowchart text (the body of a ```mermaid block).

``flowchart BT`` puts causes below their effects, like the SVG map. Each
perspective is a subgraph (top lane first in the source); each goal a node whose
label is ``"G1: name"``. Labels are quoted; characters Mermaid or Markdown would
read (``" # < > & ` [ ] { } |``) are written as Mermaid entity codes (``#quot;``,
``#35;`` …), so names can neither end the label, inject HTML, nor close the
Markdown fence. Node ids are the goal ids when they are plain identifiers, and
``goal_…`` otherwise (also for Mermaid keywords such as ``end``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cascade.report.svg._goal import MapGoal, lane_order, unique_goals
from cascade.report.svg._text import clean

_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
}
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_KEYWORDS = frozenset({"end", "graph", "flowchart", "subgraph", "direction", "style", "class"})


def mermaid_label(text: str) -> str:
    """A quoted Mermaid label, every special character as an entity code."""
    return '"' + "".join(_ENTITIES.get(ch, ch) for ch in clean(text)) + '"'


def node_ids(keys: Sequence[str], prefix: str, taken: set[str]) -> dict[str, str]:
    """A Mermaid node id per key: the key when plain, else ``prefix`` + a safe form."""
    out: dict[str, str] = {}
    for key in keys:
        if _PLAIN.match(key) and key.lower() not in _KEYWORDS and key not in taken:
            node = key
        else:
            base = prefix + re.sub(r"[^A-Za-z0-9_]", "_", key)
            node, n = base, 2
            while node in taken:
                node, n = f"{base}_{n}", n + 1
        out[key] = node
        taken.add(node)
    return out


def strategy_map_mermaid(perspectives: Sequence[tuple[str, str]], goals: Sequence[MapGoal]) -> str:
    """Mermaid ``flowchart BT`` source: a subgraph per perspective, ``drives`` edges."""
    unique = {goal.id: goal for goal in unique_goals(goals)}
    lanes = dict(lane_order(perspectives, list(unique.values())))
    taken: set[str] = set()
    nodes = node_ids(list(unique), "goal_", taken)
    subgraphs = node_ids([f"lane_{p}" for p in lanes], "", taken)
    lines = ["flowchart BT"]
    for pid, name in lanes.items():
        lines.append(f"  subgraph {subgraphs[f'lane_{pid}']}[{mermaid_label(name)}]")
        lines.append("    direction LR")
        for goal in unique.values():
            if goal.perspective == pid:
                lines.append(f"    {nodes[goal.id]}[{mermaid_label(f'{goal.id}: {goal.name}')}]")
        lines.append("  end")
    for goal in unique.values():
        for dst in dict.fromkeys(goal.drives):
            if dst in unique and dst != goal.id:
                lines.append(f"  {nodes[goal.id]} --> {nodes[dst]}")
    return "\n".join(lines) + "\n"
