"""Property tests: no input makes the loader or validate raise."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.engine import validate_plan
from cascade.load.reader import read_bytes
from tests.conftest import MINIMAL, ROOT

PROBATION = ROOT / "plans" / "probation"

YAMLISH = st.text(
    alphabet=st.sampled_from(list("ab:-[]{},&*!|>'\"#\n \t?%@`~0123456789ก่ำ")), max_size=200
)

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data: bytes) -> None:
    read_bytes(data, "f.yaml")


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_random_yamlish_text_never_raises(text: str) -> None:
    read_bytes(text.encode("utf-8"), "f.yaml")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))),
    st.integers(min_value=0, max_value=2000),
    st.binary(min_size=1, max_size=20),
)
def test_mutated_example_plan_never_raises(
    tmp_path_factory: object, rel: str, offset: int, junk: bytes
) -> None:
    root = Path(tmp_path_factory.mktemp("plan"))  # type: ignore[attr-defined]
    shutil.rmtree(root)
    shutil.copytree(MINIMAL, root)
    path = root / rel
    data = path.read_bytes()
    cut = offset % (len(data) + 1)
    path.write_bytes(data[:cut] + junk + data[cut:])
    result = validate_plan(root)
    assert all(d.line >= 1 and d.column >= 1 for d in result.diagnostics)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(["kind", "party", "kpis", "goals", "units", "rows", "x"]), _json, max_size=5
    )
)
def test_random_documents_never_raise(tmp_path_factory: object, doc: dict[str, object]) -> None:
    import yaml

    root = Path(tmp_path_factory.mktemp("plan"))  # type: ignore[attr-defined]
    shutil.rmtree(root)
    shutil.copytree(MINIMAL, root)
    (root / "extra.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    validate_plan(root)


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
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_semantic_mutations_never_crash_a_rule(
    tmp_path_factory: object, data: st.DataObject
) -> None:
    """Delete or replace one value of a valid plan: rules report, never crash."""
    import yaml

    root = Path(tmp_path_factory.mktemp("plan"))  # type: ignore[attr-defined]
    shutil.rmtree(root)
    shutil.copytree(data.draw(st.sampled_from([MINIMAL, PROBATION])), root)
    files = sorted(p for p in root.rglob("*.yaml"))
    path = data.draw(st.sampled_from(files))
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    target = data.draw(st.sampled_from([p for p in _paths(doc) if p[-1] != "kind"]))
    parent: object = doc
    for part in target[:-1]:
        parent = parent[part]  # type: ignore[index]
    replacement = data.draw(
        st.sampled_from(
            [
                "<delete>",
                "ORG",
                "SVC",
                "1-1",
                "0",
                "-5",
                "G2",
                "C1",
                "P001",
                "ORG/1",
                "1001",
                "level",
                "x y",
                "DOP",
                "LAW",
                "1.1",
                "2-5",
                "P0001",
                "1200",
            ]
        )
    )
    if replacement == "<delete>":
        del parent[target[-1]]  # type: ignore[attr-defined]
    else:
        parent[target[-1]] = replacement  # type: ignore[index]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = validate_plan(root)
    assert "INT001" not in {d.code for d in result.diagnostics}, [
        d.format() for d in result.diagnostics
    ]
