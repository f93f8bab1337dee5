"""Property tests: no input makes the loader or validate raise."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.engine import validate_plan
from cascade.load.reader import read_bytes
from tests.conftest import MINIMAL

YAMLISH = st.text(
    alphabet=st.sampled_from(list("ab:-[]{},&*!|>'\"#\n \t?%@`~0123456789ก่ำ")), max_size=200
)

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))),
       st.integers(min_value=0, max_value=2000), st.binary(min_size=1, max_size=20))
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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["kind", "party", "kpis", "goals", "units", "rows", "x"]),
                       _json, max_size=5))
def test_random_documents_never_raise(tmp_path_factory: object, doc: dict[str, object]) -> None:
    import yaml

    root = Path(tmp_path_factory.mktemp("plan"))  # type: ignore[attr-defined]
    shutil.rmtree(root)
    shutil.copytree(MINIMAL, root)
    (root / "extra.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    validate_plan(root)
