"""Copy a plan onto another scoring scale: every criteria gets one threshold or
milestone per level of the new scale, so the copy still validates."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


def _thresholds(values: list[Any], levels: int) -> list[Any]:
    """``levels`` values from the first to the last, evenly spaced (direction kept),
    at two decimal places (plan numbers have at most ten: cascade.numbers)."""
    first, last = Decimal(str(values[0])), Decimal(str(values[-1]))
    step = (last - first) / (levels - 1)
    return [float(round(first + step * i, 2)) for i in range(levels)]


def _walk(node: Any, levels: int) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, levels)
        return
    if not isinstance(node, dict):
        return
    criteria = node.get("criteria")
    if isinstance(criteria, dict):
        if "thresholds" in criteria:
            criteria["thresholds"] = _thresholds(list(criteria["thresholds"]), levels)
            if "target" in node:
                node["target"] = criteria["thresholds"][-1]
        if "milestones" in criteria:
            steps = [criteria["milestones"][k] for k in sorted(criteria["milestones"])]
            criteria["milestones"] = {
                n: steps[min(n, len(steps)) - 1] for n in range(1, levels + 1)
            }
            if "target" in node:
                node["target"] = levels
    for value in node.values():
        _walk(value, levels)


def rescale(plan: Path, into: Path, scale: str | list[int]) -> Path:
    """``plan`` copied to ``into`` on ``scale`` (``opdc-2563`` or a list of scores)."""
    shutil.copytree(plan, into)
    levels = 3 if scale == "opdc-2563" else len(scale)
    yaml = YAML()
    for path in sorted(into.rglob("*.yaml")):
        docs = list(yaml.load_all(path.read_text(encoding="utf-8")))
        for doc in docs:
            _walk(doc, levels)
        if path.name == "cascade.yaml":
            scoring = docs[0].setdefault("scoring", {})
            scoring["scale"] = scale if isinstance(scale, str) else {"scores": scale}
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump_all(docs, handle)
    shutil.rmtree(into / "actuals", ignore_errors=True)
    return into
