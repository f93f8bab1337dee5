"""The worst files within the 4 MiB limit: refused or read in bounded time.

Deep nesting is refused where the 65th level opens (also past libyaml's own
bound of 1,000 levels, which it reports further on); a file of more than
``MAX_EVENTS`` YAML items is refused before any node is built.
"""

from __future__ import annotations

import time

import pytest

from cascade.load import reader
from cascade.load.reader import MAX_FILE_BYTES, read_bytes


def found(text: str) -> list[str]:
    read = read_bytes(text.encode(), "f.yaml")
    return [f"{d.code} {d.line}:{d.column}" for d in read.diagnostics]


def test_libyaml_bounds_nesting_itself() -> None:
    assert reader.NESTING_BOUNDED


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[" * 5_000 + "]" * 5_000, "1:65"),  # libyaml stops at 1:1001, looking ahead for a key
        ("a: " + "{a: " * 2_000 + "1" + "}" * 2_000, "1:256"),  # the 64th flow mapping
        ("[" * 100 + "]" * 100, "1:65"),  # under libyaml's bound: our constructor's
        ("".join(" " * i + "-\n" for i in range(1_500)), "65:65"),
    ],
)
def test_too_deep_is_refused_where_the_65th_level_opens(text: str, where: str) -> None:
    assert found(text) == [f"LOAD006 {where}"]


def _densest(size: int) -> str:
    """Lists 60 deep, over and over: two bytes an item, the costliest to build."""
    unit = "[" * 60 + "]" * 60 + ","
    return "[" + unit * ((size - 3) // len(unit)) + "1]"


def test_the_densest_4_mib_file_is_refused_quickly() -> None:
    text = _densest(MAX_FILE_BYTES)
    assert len(text.encode()) <= MAX_FILE_BYTES
    start = time.process_time()
    read = read_bytes(text.encode(), "f.yaml")
    assert time.process_time() - start < 2
    assert [(d.code, d.line, d.message) for d in read.diagnostics] == [
        (
            "LOAD009",
            1,
            "the file holds more than 1,000,000 YAML items (values, and starts and ends of "
            "lists and mappings); a plan file holds far fewer: split it into smaller files",
        )
    ]


def test_the_item_bound_is_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_EVENTS", 100)
    monkeypatch.setattr(reader, "_DENSE_BYTES", 0)
    # stream, document, sequence: 3 starts and 3 ends, and one item a scalar
    assert found("[" + "a," * 93 + "a]") == []
    assert found("[" + "a," * 94 + "a]") == ["LOAD009 1:1"]


def test_deep_after_many_items_is_refused_as_too_dense(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the 65th level would mean reading past the bound: the bound is what is said."""
    monkeypatch.setattr(reader, "MAX_EVENTS", 1_000)
    monkeypatch.setattr(reader, "_DENSE_BYTES", 0)
    deep = "[" * 2_000 + "]" * 2_000
    assert found("[" + "a," * 2_000 + deep + "]") == ["LOAD009 1:1"]
    assert found("[" + "a," * 500 + deep + "]") == ["LOAD006 1:1065"]


def test_problems_are_bounded_across_documents() -> None:
    """1,000 listed, then one line for the rest, however the file is split."""
    read = read_bytes(b"---\na: 1\na: 2\n" * 1_500, "f.yaml")
    assert [d.line for d in read.diagnostics] == [3 * i + 3 for i in range(1_001)]
    assert {d.code for d in read.diagnostics} == {"LOAD002"}
    assert read.diagnostics[-1].message == (
        "more than 1,000 problems in this file; fix the ones above first"
    )
