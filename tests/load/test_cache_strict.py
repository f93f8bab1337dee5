"""Cache entries are read strictly: any field of the wrong type means no entry (a parse)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cascade.diagnostics import Diagnostic, Level, Location
from cascade.load.cache import ParseCache, entry_name, key_of
from cascade.load.reader import ReadResult

REL = "actuals/q1.csv"
DATA = b"kpi,actual\nORG/1,5\n"


def _read() -> ReadResult:
    related = (Location(REL, 1, 1, "first here"),)
    warning = Diagnostic(
        REL, 2, 3, "LOAD002", Level.WARNING, "dup", name="duplicate-key", hint="h", end_line=2,
        end_column=9, related=related,
    )  # fmt: skip
    return ReadResult(
        REL,
        documents=[{"kind": "Actuals", "results": [{"kpi": "ORG/1", "actual": "5"}, None]}],
        diagnostics=[warning],
        cells={("results", 0, "kpi"): (2, 1), (): (1, 1)},
    )


def _stored(root: Path) -> tuple[ParseCache, Path]:
    cache = ParseCache(root)
    cache.put(key_of(REL, DATA), _read())
    folder = cache.folder()
    assert folder is not None
    name = entry_name(REL)
    return ParseCache(root), folder / name[:2] / name


def test_an_intact_entry_reads_back_exactly(tmp_path: Path) -> None:
    cache, _ = _stored(tmp_path)
    got = cache.get(key_of(REL, DATA), REL)
    assert got is not None
    want = _read()
    assert (got.documents, got.cells) == (want.documents, want.cells)
    assert [repr(d) for d in got.diagnostics] == [repr(d) for d in want.diagnostics]
    assert cache.get(key_of(REL, DATA + b"x"), REL) is None, "other bytes, other key"


# (where in the entry, a value of the wrong type); a path ends at the value replaced
DAMAGE: list[tuple[tuple[str | int, ...], Any]] = [
    (("key",), 1),
    (("version",), None),
    (("file",), [REL]),
    (("documents",), {"0": {}}),
    (("documents", 0, "kind"), 5),
    (("documents", 0, "results", 0, "actual"), 5.0),
    (("documents", 0, "results", 1), True),
    (("diagnostics",), {}),
    (("diagnostics", 0), ["short"]),
    (("diagnostics", 0, 0), "other.yaml"),  # names another file
    (("diagnostics", 0, 1), "2"),
    (("diagnostics", 0, 1), True),
    (("diagnostics", 0, 2), 3.0),
    (("diagnostics", 0, 2), -1),
    (("diagnostics", 0, 3), None),
    (("diagnostics", 0, 4), "fatal"),
    (("diagnostics", 0, 4), 1),
    (("diagnostics", 0, 5), ["dup"]),
    (("diagnostics", 0, 6), None),
    (("diagnostics", 0, 7), False),
    (("diagnostics", 0, 8), True),
    (("diagnostics", 0, 9), {"n": 9}),
    (("diagnostics", 0, 10), {}),
    (("diagnostics", 0, 10, 0), [REL, 1, 1]),
    (("diagnostics", 0, 10, 0, 1), "1"),
    (("diagnostics", 0, 10, 0, 3), 0),
    (("cells",), {}),
    (("cells", 0), [["results"], 2]),
    (("cells", 0, 0), "results"),
    (("cells", 0, 0, 1), False),
    (("cells", 0, 0, 1), 0.0),
    (("cells", 0, 1), True),
    (("cells", 0, 2), "1"),
]


def _replace(data: Any, where: tuple[str | int, ...], value: Any) -> None:
    *path, last = where
    for step in path:
        data = data[step]
    data[last] = value


@pytest.mark.parametrize(("where", "value"), DAMAGE, ids=lambda v: repr(v).replace(" ", ""))
def test_a_field_of_the_wrong_type_is_no_entry(
    tmp_path: Path, where: tuple[str | int, ...], value: Any
) -> None:
    cache, path = _stored(tmp_path)
    entry = json.loads(path.read_text(encoding="utf-8"))
    _replace(entry, where, value)
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert cache.get(key_of(REL, DATA), REL) is None


@pytest.mark.parametrize("text", ["[]", '"entry"', "null", "{}", '{"key": 1}'])
def test_an_entry_that_is_not_an_object_of_fields_is_no_entry(tmp_path: Path, text: str) -> None:
    cache, path = _stored(tmp_path)
    path.write_text(text, encoding="utf-8")
    assert cache.get(key_of(REL, DATA), REL) is None
