"""Shared helpers for the SVG tests: parsing and the Department of Probation strategy."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from cascade.engine import check_plan
from cascade.report.svg import MapGoal
from cascade.spec.common import text_of

ROOT = Path(__file__).resolve().parents[3]
NS = "{http://www.w3.org/2000/svg}"

Inputs = tuple[list[tuple[str, str]], list[tuple[str, str]], list[MapGoal]]


def parse(svg: str) -> ET.Element:
    """The SVG root; fails the test when the string is not well-formed XML."""
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def find(root: ET.Element, tag: str, css_class: str | None = None) -> list[ET.Element]:
    return [
        e
        for e in root.iter(f"{NS}{tag}")
        if css_class is None or css_class in (e.get("class") or "").split()
    ]


def box(rect: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(rect.get(k, "nan")) for k in ("x", "y", "width", "height"))
    return x, y, w, h


def lines(text: ET.Element | None) -> list[str]:
    assert text is not None
    return [span.text or "" for span in text.iter(f"{NS}tspan")]


def child(parent: ET.Element, tag: str, css_class: str | None = None) -> ET.Element:
    """The first child ``tag`` (with ``css_class``) of ``parent``; fails when missing."""
    for e in parent.findall(f"{NS}{tag}"):
        if css_class is None or e.get("class") == css_class:
            return e
    raise AssertionError(f"no <{tag} class={css_class}> in <{parent.tag}>")


def goal_boxes(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """data-goal → (x, y, width, height) of its ``rect.goal``."""
    return {g.get("data-goal", ""): box(child(g, "rect", "goal")) for g in find(root, "g", "goal")}


@cache
def probation() -> Inputs:
    """Perspectives, issues and goals of ``plans/probation`` (Thai names)."""
    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    strategy = model.strategy
    assert strategy is not None
    perspectives = [(p.id, text_of(p.name)) for p in strategy.perspectives]
    issues = [(i.id, text_of(i.name)) for i in strategy.issues]
    goals = [
        MapGoal(g.id, text_of(g.name), g.perspective, tuple(g.issues), tuple(g.drives))
        for g in strategy.goals
    ]
    return perspectives, issues, goals
