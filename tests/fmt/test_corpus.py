"""fmt on comment-heavy files of every kind, and on every valid file of tests/data.

``tests/fmt/corpus`` is a whole plan (it validates clean) whose files put
comments everywhere YAML allows: before and after the first key, between
list items at column 0 and indented, after flow items, at the end of a
block and of the file, between a key and its nested block, inside flow
collections split over lines, after a lone ``-``.  ``tests/fmt/golden``
holds each file as fmt must write it.  The example plans are covered by
``test_examples.py``; here every file of ``tests/data`` that ``validate``
reads cleanly must format too (fmt and validate agree on what is valid),
stably, to the same data and comments.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cascade.engine import LoadOptions, validate_plan
from cascade.fmt.formatter import format_bytes
from cascade.load.reader import read_bytes
from tests.conftest import DATA, ROOT
from tests.fmt.helpers import comment_texts, documents, fmt

CORPUS = ROOT / "tests" / "fmt" / "corpus"
GOLDEN = ROOT / "tests" / "fmt" / "golden"
CORPUS_FILES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.yaml"))
KINDS = (
    "Plan",
    "Strategy",
    "OrgChart",
    "People",
    "JobDescription",
    "JobFamilies",
    "Framework",
    "Agreement",
    "OSMatrix",
    "Actuals",
)


def test_the_corpus_has_every_kind_and_validates_clean() -> None:
    kinds = {documents((CORPUS / name).read_bytes())[0]["kind"] for name in CORPUS_FILES}
    assert kinds == set(KINDS)
    result = validate_plan(CORPUS, options=LoadOptions(jobs=1, cache=False))
    assert [d.format() for d in result.diagnostics] == []


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_comment_heavy_files_format_to_their_golden_copy(name: str) -> None:
    before = (CORPUS / name).read_bytes()
    golden = (GOLDEN / name).read_bytes()
    assert fmt(before).decode() == golden.decode()
    assert fmt(golden) == golden
    assert documents(golden) == documents(before)
    assert comment_texts(golden.decode()) == comment_texts(before.decode())


def test_the_reported_actuals_file_is_formatted() -> None:
    """Issue 12: a comment line between list items, the next item with an
    end-of-line comment (ruamel's composer dropped the comment line)."""
    text = (
        "kind: Actuals\nperiod: 2569-Q1\nresults:\n  - {kpi: ORG/1, value: 72.5}\n"
        "  # checked by the unit\n  - {value: 61, kpi: ORG/2}  # estimate\n"
    )
    assert fmt(text).decode() == text.replace("{value: 61, kpi: ORG/2}", "{kpi: ORG/2, value: 61}")


def _valid_data_files() -> list[Path]:
    """Every YAML file of tests/data that validate reads cleanly, each content once."""
    seen: set[bytes] = set()
    found: list[Path] = []
    for path in sorted(DATA.rglob("*.y*ml")):
        data = path.read_bytes()
        digest = hashlib.sha256(data).digest()
        if digest not in seen and read_bytes(data, path.name).ok:
            seen.add(digest)
            found.append(path)
    return found


DATA_FILES = _valid_data_files()


def test_there_are_many_valid_data_files() -> None:
    assert len(DATA_FILES) > 300


@pytest.mark.parametrize(
    "chunk", range(8), ids=lambda i: f"tests-data-{i}"
)  # 8 chunks: xdist spreads them, one test per file would cost more to collect than to run
def test_every_valid_data_file_formats_stably_to_the_same_data(chunk: int) -> None:
    for path in DATA_FILES[chunk::8]:
        before = path.read_bytes()
        done = format_bytes(before, path.name)
        assert done.after is not None, [d.format() for d in done.diagnostics]
        if done.after == before:
            continue
        assert fmt(done.after) == done.after, path
        assert documents(done.after) == documents(before), path
        assert comment_texts(done.after.decode()) == comment_texts(before.decode()), path


def _with_a_comment_everywhere(text: str) -> list[str]:
    """``text`` once per place a comment can go: a full line before each line
    (at column 0 and at that line's indentation) and at each line's end."""
    lines = text.split("\n")
    variants: list[str] = []
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        for column in sorted({0, indent}):
            comment = " " * column + f"# added {number}:{column}"
            variants.append("\n".join([*lines[:number], comment, *lines[number:]]))
        if line.strip():
            variants.append("\n".join([*lines[:number], line + "  # added", *lines[number + 1 :]]))
    return variants


def test_an_actuals_file_takes_one_more_comment_anywhere() -> None:
    """Issue 12's report, generalised: every variant that still reads as the
    same data formats, keeps every comment and is stable."""
    base = (CORPUS / "actuals" / "2569-Q1.yaml").read_text(encoding="utf-8")
    expected = documents(base.encode())
    tried = 0
    for variant in _with_a_comment_everywhere(base):
        data = variant.encode()
        read = read_bytes(data, "2569-Q1.yaml")
        if not read.ok or read.documents != expected:
            continue  # e.g. a "#" glued to a value: no longer a comment
        tried += 1
        once = fmt(data)
        assert comment_texts(once.decode()) == comment_texts(variant), variant
        assert fmt(once) == once, variant
    assert tried == 34  # the other variants read differently
