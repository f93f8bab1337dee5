"""Helpers for the fmt tests: format text, list the example files, read comments."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from cascade.fmt.formatter import format_bytes
from cascade.load.reader import read_bytes
from tests.conftest import ROOT

EXAMPLE_DIRS = (ROOT / "plans" / "probation", ROOT / "plans" / "acme", ROOT / "templates" / "init")


def example_files() -> list[Path]:
    """Every YAML file of the example plans and the init template."""
    found: list[Path] = []
    for folder in EXAMPLE_DIRS:
        found += sorted(
            p
            for p in folder.rglob("*")
            if p.suffix in (".yaml", ".yml") and ".cascade-cache" not in p.parts
        )
    return found


def fmt(text: str | bytes, file: str = "plan.yaml") -> bytes:
    """The formatted bytes; fails the test when the file is refused."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    done = format_bytes(data, file)
    assert done.after is not None, [d.format() for d in done.diagnostics]
    return done.after


def fmt_text(text: str) -> str:
    return fmt(text).decode("utf-8")


def documents(data: bytes) -> list[Any]:
    """The documents as ``validate`` reads them."""
    read = read_bytes(data, "plan.yaml")
    assert read.ok, [d.format() for d in read.diagnostics]
    return read.documents


_COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def comment_texts(text: str) -> Counter[str]:
    """Each comment's text (``# …`` to the end of the line), counted."""
    found: Counter[str] = Counter()
    for line in text.splitlines():
        match = _COMMENT.search(line)
        if match:
            found[match.group(1).rstrip()] += 1
    return found


def line_of(text: str, needle: str) -> int:
    """0-based number of the only line containing ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines()) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]
