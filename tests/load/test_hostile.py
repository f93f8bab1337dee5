"""Hostile files: every problem of a file, each at the place a person must look.

The corpus is ``tests/data/hostile/``: one file a case, the diagnostics it
must give in ``expected.yaml``.  Cases too large to keep as files (a 1 MB
line, 10,000 duplicate keys) are built here.
"""

from __future__ import annotations

import time

import pytest
import yaml

from cascade.load.files import parse
from cascade.load.tables import read_table
from tests.conftest import DATA
from tests.tables.helpers import workbook_bytes

HOSTILE = DATA / "hostile"
EXPECTED: dict[str, list[str]] = yaml.safe_load(
    (HOSTILE / "expected.yaml").read_text(encoding="utf-8")
)


def found(data: bytes, name: str) -> list[str]:
    return [f"{d.code} {d.line}:{d.column}" for d in parse(data, name).diagnostics]


def test_every_corpus_file_has_its_expectation() -> None:
    files = sorted(p.name for p in HOSTILE.iterdir() if p.name != "expected.yaml")
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name: str) -> None:
    assert found((HOSTILE / name).read_bytes(), name) == EXPECTED[name]


def message(name: str, index: int = 0) -> tuple[str, str]:
    diagnostic = parse((HOSTILE / name).read_bytes(), name).diagnostics[index]
    return diagnostic.message, diagnostic.hint


@pytest.mark.parametrize(
    ("name", "index", "text"),
    [
        ("unclosed-double-quote.yaml", 0, "YAML syntax error: this quote is never closed"),
        ("missing-colon.yaml", 0, "YAML syntax error: a ':' is missing after the key on this line"),
        (
            "unclosed-bracket.yaml",
            0,
            "YAML syntax error: this '[' is never closed, or a ',' is missing between its items",
        ),
        ("utf16-without-bom.yaml", 0, "the file is saved as UTF-16 ('Unicode'), not UTF-8"),
        ("windows-874.yaml", 0, "the file looks like Thai Windows-874 / TIS-620, not UTF-8"),
        ("control-characters.yaml", 1, "the file holds U+001B (ESCAPE), a control character"),
        ("control-characters.yaml", 2, "the file holds a NEXT LINE character (U+0085)"),
        ("control-characters.yaml", 3, "the file holds a line separator (U+2028)"),
        ("bom-in-the-middle.yaml", 1, "the file holds a byte-order mark (U+FEFF) after its start"),
        ("merge-key.yaml", 0, "merge keys ('<<') are not allowed"),
        ("three-duplicate-anchors.yaml", 1, "the anchor '&u' is defined twice (first at line 1)"),
        ("alias-before-anchor.yaml", 0, "'*unit' is used before its anchor '&unit' (line 2)"),
        ("alias-before-anchor.yaml", 1, "'*nothing' refers to no anchor"),
        ("csv-multiline-cells-2569-Q2.csv", 0, "cell D3 has a value but its column has no header"),
    ],
)
def test_messages_say_what_is_wrong_in_plain_words(name: str, index: int, text: str) -> None:
    assert message(name, index)[0].startswith(text)


def test_syntax_hints() -> None:
    assert message("unclosed-double-quote.yaml")[1] == (
        "end the value with the quote it starts with: \" or '"
    )
    assert message("missing-colon.yaml")[1] == (
        "write 'key: value'; text on its own line needs a key before it"
    )
    (unclosed,) = parse((HOSTILE / "unclosed-bracket.yaml").read_bytes(), "f.yaml").diagnostics
    assert [(r.line, r.column) for r in unclosed.related] == [(3, 6)]  # where libyaml stopped


def test_a_one_megabyte_line() -> None:
    long = b"a: " + b"x" * 1_000_000
    assert found(long + b"\nb: 1\nb: 2\n", "f.yaml") == ["LOAD002 3:1"]
    assert found(long + b"\x1b\n", "f.yaml") == ["LOAD005 1:1000004"]


def test_ten_thousand_duplicate_keys_in_bounded_time() -> None:
    """The first 1,000 are listed, the next one says that more were left."""
    start = time.perf_counter()
    read = parse(b"k: 1\n" * 10_001, "f.yaml")
    assert time.perf_counter() - start < 3
    got = [f"{d.code} {d.line}:{d.column}" for d in read.diagnostics]
    assert got == [f"LOAD002 {line}:1" for line in range(2, 1003)]
    assert read.diagnostics[999].message == "duplicate key 'k' (first at line 1)"
    assert read.diagnostics[1000].message == (
        "more than 1,000 problems in this file; fix the ones above first"
    )


def test_hidden_characters_are_bounded() -> None:
    got = found(b"a: " + b"\x1b" * 5_000 + b"\n", "f.yaml")
    assert got == [f"LOAD005 1:{column}" for column in range(4, 104)]


def test_csv_cells_are_at_their_physical_line_and_column() -> None:
    text = 'kpi,remark,value\nORG/1,"one\r\ntwo",5\r\n\r\nORG/2,"a ""b""\n\nc",6\n'
    result = read_table(text.encode(), "actuals/2569-Q2.csv")
    assert result.diagnostics == []
    assert result.cells is not None
    assert result.cells[("results", 0, "value")] == (3, 6)
    assert result.cells[("results", 1)] == (5, 1)
    assert result.cells[("results", 1, "value")] == (7, 4)


def test_a_plain_file_is_not_a_hostile_one() -> None:
    data = "kind: People\npeople:\n  - {id: P1, name: สมชาย}\n".encode()
    assert found(data, "people.yaml") == []
    assert found("\ufeffa: 1\r\nb: 2\r\n".encode(), "f.yaml") == []


def test_every_bad_workbook_cell_is_named_sheet_and_cell() -> None:
    rows = (("kpi", "value", "ผล"), ("ORG/1", 5, None, "stray"), ("ORG/2", 6, None, None, "x"))
    data = workbook_bytes(*rows, title="actuals")
    result = read_table(data, "actuals/2569-Q2.xlsx")
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("LOAD002", 1, 3),
        ("LOAD010", 2, 4),
        ("LOAD010", 3, 5),
    ]
    assert [d.message.split(" has ")[0] for d in result.diagnostics[1:]] == [
        "cell actuals!D2",
        "cell actuals!E3",
    ]
    quoted = read_table(workbook_bytes(*rows[:2], title="my sheet"), "actuals/2569-Q2.xlsx")
    assert quoted.diagnostics[1].message.startswith("cell 'my sheet'!D2 has a value")
