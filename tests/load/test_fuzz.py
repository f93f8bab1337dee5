"""Property tests: no input makes the loader or validate raise."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.engine import validate_plan
from cascade.load.reader import MAX_DEPTH, PRECHECK_DEPTH, ReadResult, read_bytes
from cascade.load.tables import read_table
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
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
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


# --- hostile bytes spliced into near-valid input, tables, deep nesting ---------

_HOSTILE = st.sampled_from(
    [
        b"\xef\xbb\xbf",  # UTF-8 BOM (fine only at the start)
        b"\xff\xfe",  # UTF-16 LE BOM
        b"\xfe\xff",  # UTF-16 BE BOM
        b"\xff\xfe\x00\x00",  # UTF-32 LE BOM
        b"\x00",
        b"\r",
        b"\xc2\x85",  # NEL
        b"\xe2\x80\xa8",  # LINE SEPARATOR
        b"\xed\xa0\x80",  # an encoded surrogate: not UTF-8
        b"\xe0\xb8",  # a Thai letter cut in half
        b"\xa1",  # TIS-620 Thai
        b"\x1b[2J",
        b'"',
        b"\t",
    ]
)


@st.composite
def _spliced(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """``text`` as UTF-8 with up to four hostile byte strings inserted anywhere."""
    data = draw(text).encode("utf-8")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(_HOSTILE) + data[at:]
    return data


def _positions_ok(result: ReadResult) -> None:
    assert all(d.line >= 1 and d.column >= 1 for d in result.diagnostics), [
        d.format() for d in result.diagnostics
    ]
    assert all(r >= 1 and c >= 1 for r, c in (result.cells or {}).values())


@settings(max_examples=300, deadline=None)
@given(_spliced(YAMLISH))
def test_yaml_with_boms_nuls_and_bad_bytes_never_raises(data: bytes) -> None:
    _positions_ok(read_bytes(data, "f.yaml"))


_OPENERS = st.sampled_from(["[", "{a: ", "- ", "k:\n"])


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, PRECHECK_DEPTH + 50) | st.integers(MAX_DEPTH - 2, MAX_DEPTH + 3),
    st.lists(_OPENERS, min_size=1, max_size=8),
)
def test_deep_mixed_nesting_reads_or_is_refused(depth: int, pattern: list[str]) -> None:
    """Flow and block nesting mixed, up to past the pre-parse bound: LOAD006, never a crash."""
    text, column, closers = "", 0, []
    for i in range(depth):
        opener = pattern[i % len(pattern)]
        if closers or opener in ("[", "{a: "):
            opener = "[" if opener in ("- ", "k:\n") else opener  # block inside flow is flow
            text += opener
            closers.append("]" if opener == "[" else "}")
        elif opener == "- ":
            text, column = text + "- ", column + 2
        else:
            text, column = text + "k:\n" + " " * (column + 1), column + 1
    text += "1" + "".join(reversed(closers)) + "\n"
    result = read_bytes(text.encode(), "f.yaml")
    _positions_ok(result)
    codes = [d.code for d in result.diagnostics]
    if depth <= MAX_DEPTH:
        assert codes == [], [d.format() for d in result.diagnostics]
    elif depth > MAX_DEPTH + 1:
        assert codes == ["LOAD006"]


_CSV_TOKENS = st.sampled_from(
    [
        "kpi",
        "value",
        "level",
        "status",
        "evidence",
        "remark",
        "ตัวชี้วัด",
        "ผลการดำเนินงาน",
        "รอบการประเมิน",
        "period",
        "2569-Q2",
        "2569-Q3",
        "LAW/2-1",
        "PROB/1",
        "72.5",
        "-3",
        "1e999999",
        "n/a",
        "=1+1",
        ",",
        ",",
        ";",
        "\t",
        '"',
        '""',
        "\n",
        "\r\n",
        " ",
        "completed",
    ]
)
CSVISH = st.lists(_CSV_TOKENS, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_spliced(CSVISH))
def test_random_csv_never_raises(data: bytes) -> None:
    result = read_table(data, "2569-Q2.csv")
    _positions_ok(result)
    if result.ok and result.documents:
        (doc,) = result.documents
        assert (doc["kind"], doc["period"]) == ("Actuals", "2569-Q2")
    elif result.ok:
        assert [d.code for d in result.diagnostics] == ["LOAD007"]  # empty table


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_as_csv_or_xlsx_never_raise(data: bytes) -> None:
    for name in ("2569-Q2.csv", "2569-Q2.xlsx"):
        _positions_ok(read_table(data, name))
    _positions_ok(read_table(b"PK\x03\x04" + data, "2569-Q2.xlsx"))


REHAB_XLSX = (PROBATION / "actuals" / "2569-Q2-REHAB.xlsx").read_bytes()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(REHAB_XLSX) - 1), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, len(REHAB_XLSX)),
)
def test_damaged_workbook_never_raises(patches: list[tuple[int, bytes]], keep: int) -> None:
    """The example plan's workbook with bytes overwritten and its tail cut off."""
    data = bytearray(REHAB_XLSX)
    for at, junk in patches:
        data[at : at + len(junk)] = junk
    _positions_ok(read_table(bytes(data[: max(keep, 4)]), "2569-Q2-REHAB.xlsx"))


def _rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


with zipfile.ZipFile(io.BytesIO(REHAB_XLSX)) as _book:
    REHAB_MEMBERS = {info.filename: _book.read(info) for info in _book.infolist()}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(REHAB_MEMBERS)),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    _HOSTILE | st.binary(max_size=12) | st.sampled_from([b"<!DOCTYPE x>", b"</row>", b"<c>"]),
)
def test_workbook_with_damaged_xml_never_raises(name: str, at: int, cut: int, junk: bytes) -> None:
    """A valid zip whose part has junk spliced in and its tail cut off: openpyxl's errors
    become diagnostics."""
    members = dict(REHAB_MEMBERS)
    data = members[name]
    at %= len(data) + 1
    members[name] = (data[:at] + junk + data[at:])[: max(cut, at + len(junk))]
    _positions_ok(read_table(_rezip(members), "2569-Q2-REHAB.xlsx"))
