"""Property test: no plan makes validate, scoring, the reporters or the report crash.

tests/load/test_fuzz.py covers the loader and the rules with many examples;
here fewer examples go all the way: a value of the minimal plan (with
actuals) is replaced or deleted, maybe one agreement also gets a syntax
error (the rules then run without it), and every diagnostics reporter,
``score`` and ``report`` run on the result.  The outcome is always
diagnostics or a refusal, never an internal error (exit 3, INT001).
"""

from __future__ import annotations

import io
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.cli.app import main
from cascade.engine import validate_plan
from cascade.reporters import REPORTERS
from tests.conftest import MINIMAL

ACTUALS = "kind: Actuals\nperiod: 2569-Q1\nresults:\n  - {kpi: ORG/1, value: 88}\n"
FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))
VALUES = (
    st.sampled_from(
        ["<delete>", "ORG", "SVC", "1-1", "0", "-5", "1e400", "G2", "C1", "P001", "ORG/1", "x y"]
    )
    | st.integers(-(10**30), 10**30)
    | st.text("ก่ำ0-9a/{}[]", max_size=6)
    | st.lists(st.sampled_from(["ORG/1", "G1", 5, None]), max_size=3)
)


def _paths(node: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_no_plan_crashes_any_stage(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    top = tmp_path_factory.mktemp("case")
    root = top / "plan"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns(".cascade-cache"))
    (root / "actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    rel = data.draw(st.sampled_from([*FILES, "actuals.yaml"]))
    doc = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    target = data.draw(st.sampled_from([p for p in _paths(doc) if p[-1] != "kind"]))
    parent = doc
    for part in target[:-1]:
        parent = parent[part]
    value = data.draw(VALUES)
    if value == "<delete>":
        del parent[target[-1]]
    else:
        parent[target[-1]] = value
    (root / rel).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    if data.draw(st.booleans()):
        broken = root / data.draw(st.sampled_from([f for f in FILES if f.startswith("agree")]))
        broken.write_text(broken.read_text(encoding="utf-8") + "oops: [\n", encoding="utf-8")
    result = validate_plan(root)
    assert "INT001" not in {d.code for d in result.diagnostics}
    for report in REPORTERS.values():
        report(result, io.StringIO())
    score = ["score", str(root), "-p", "2569-Q1", "-f", "json", "-o", str(top / "s")]
    for argv in (score, ["report", str(root), "-f", "md", "-o", str(top / "r")]):
        assert main(argv) in (0, 1, 2), argv
