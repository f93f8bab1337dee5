"""fmt over every example file: idempotent, lossless, a no-op where already canonical."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cascade.fmt.quoting import needs_quotes, quoted
from cascade.fmt.rtyaml import make_yaml
from cascade.fmt.shapes import EMPTY, Shape, document_shape
from tests.conftest import ROOT
from tests.fmt.helpers import comment_texts, documents, example_files, fmt

FILES = example_files()


def _id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_there_are_examples() -> None:
    assert len(FILES) > 30


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_format_is_idempotent(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    once = fmt(copy.read_bytes())
    assert fmt(once) == once


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_format_keeps_data_and_comments(path: Path) -> None:
    before = path.read_bytes()
    after = fmt(before)
    assert documents(after) == documents(before)
    assert comment_texts(after.decode()) == comment_texts(before.decode())


def _canonical(node: Any, shape: Shape) -> bool:
    """Keys in schema order and ids quoted exactly when needed, throughout."""
    if isinstance(node, CommentedMap):
        keys = list(node)
        order = shape.order()
        known = [k for k in keys if k in order]
        if known != [k for k in order if k in keys] or keys[: len(known)] != known:
            return False
        return all(_canonical(v, shape.field(k) or EMPTY) for k, v in node.items())
    if isinstance(node, CommentedSeq):
        return all(_canonical(v, shape.item or EMPTY) for v in node)
    if shape.is_id and isinstance(node, str):
        return quoted(node) == needs_quotes(node)
    return True


@functools.cache
def _already_canonical(path: Path) -> bool:
    docs = list(make_yaml().load_all(path.read_text(encoding="utf-8")))
    return all(_canonical(doc, document_shape(doc)) for doc in docs)


def test_most_examples_are_canonical() -> None:
    assert sum(_already_canonical(p) for p in FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_exactly_the_canonical_files_are_left_byte_identical(path: Path) -> None:
    """A canonical file is left as it is, and any other is changed.  (Whether a
    file is canonical is decided here, not at collection: every worker collects.)"""
    before = path.read_bytes()
    assert (fmt(before) == before) == _already_canonical(path)
