"""The loader: scalars stay text, hostile input becomes exact diagnostics."""

from __future__ import annotations

import time

import pytest

from cascade.diagnostics import Level
from cascade.load.reader import MAX_ALIAS_NODES, read_bytes


def diags(data: bytes) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in read_bytes(data, "f.yaml").diagnostics]


def test_scalars_stay_as_written() -> None:
    text = b"id: 1.10\nflag: NO\noct: 010\nsexa: 1:20\nday: 2567-02-29\nnone:\nq: ''\nt: ~\n"
    (doc,) = read_bytes(text, "f.yaml").documents
    assert doc == {
        "id": "1.10",
        "flag": "NO",
        "oct": "010",
        "sexa": "1:20",
        "day": "2567-02-29",
        "none": None,
        "q": "",
        "t": None,
    }


def test_quoted_null_stays_text() -> None:
    (doc,) = read_bytes(b'a: "null"\nb: null\n', "f.yaml").documents
    assert doc == {"a": "null", "b": None}


def test_several_documents_and_bom() -> None:
    result = read_bytes(b"\xef\xbb\xbfa: 1\n---\nb: 2\n", "f.yaml")
    assert result.documents == [{"a": "1"}, {"b": "2"}]
    assert result.diagnostics == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a: 1\nb: 2\na: 3\n", [("LOAD002", 3, 1)]),
        (b"a:\n  x: 1\n  x: 2\n", [("LOAD002", 3, 3)]),
        (b"a: !!python/object/apply:os.system [ls]\n", [("LOAD003", 1, 4)]),
        (b"a: !custom x\n", [("LOAD003", 1, 4)]),
        (b"a: [1\nb: 2\n", [("LOAD001", 1, 4)]),
        (b"a:\n\tb: 1\n", [("LOAD001", 2, 1)]),
        ("a: 1".encode("utf-16"), [("LOAD005", 1, 1)]),
        (b"a: \xe0\xb8\x81\nbb: \xff\n", [("LOAD005", 2, 5)]),
        (b"a: 1\nb: \x00\n", [("LOAD005", 2, 4)]),
        (b"? [a]\n: 1\n", [("LOAD008", 1, 3)]),
        (b"", [("LOAD007", 1, 1)]),
        (b"# only a comment\n", [("LOAD007", 1, 1)]),
    ],
    ids=[
        "duplicate-key",
        "nested-duplicate",
        "python-tag",
        "custom-tag",
        "syntax",
        "tab",
        "utf16",
        "invalid-utf8",
        "nul",
        "complex-key",
        "empty",
        "comment-only",
    ],
)
def test_hostile_input(data: bytes, expected: list[tuple[str, int, int]]) -> None:
    assert diags(data) == expected


def test_tab_has_a_hint() -> None:
    (diag,) = read_bytes(b"a:\n\tb: 1\n", "f.yaml").diagnostics
    assert "spaces" in diag.hint


def test_empty_file_is_a_warning() -> None:
    (diag,) = read_bytes(b"", "f.yaml").diagnostics
    assert diag.level is Level.WARNING


def test_alias_bomb_is_bounded_and_fast() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    start = time.perf_counter()
    result = read_bytes("\n".join(lines).encode(), "f.yaml")
    assert time.perf_counter() - start < 1
    assert [d.code for d in result.diagnostics] == ["LOAD004"]


def test_small_aliases_are_expanded_as_copies() -> None:
    (doc,) = read_bytes(b"a: &x {k: v}\nb: *x\n", "f.yaml").documents
    assert doc == {"a": {"k": "v"}, "b": {"k": "v"}}
    assert doc["a"] is not doc["b"]
    assert MAX_ALIAS_NODES >= 1000


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b"- " * 30_000 + b"x\n",
        b"{a: " * 50_000 + b"1" + b"}" * 50_000,
    ],
    ids=["flow-sequences", "block-sequences", "flow-mappings"],
)
def test_deep_nesting_is_refused_before_the_parser_can_crash(data: bytes) -> None:
    start = time.perf_counter()
    codes = [d.code for d in read_bytes(data, "f.yaml").diagnostics]
    assert codes == ["LOAD006"]
    assert time.perf_counter() - start < 5


def test_block_nesting_position() -> None:
    text = "\n".join(" " * i + "a:" for i in range(100)).encode()
    assert diags(text) == [("LOAD006", 65, 65)]
