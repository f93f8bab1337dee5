"""The parse cache: an unchanged file is never parsed again.

Entries live in ``.cascade-cache/`` at the plan root (a hidden folder, so it
is never read as a plan file), one JSON file per parsed file, named by the
SHA-256 of cascade's code (its version and the stamps of its sources), the
file's path and its bytes.  JSON, not pickle: a cache folder is data that
may come from anywhere (a commit, an archive), and loading it must never run
code.  An entry that is corrupt,
truncated, from another version or for other bytes is ignored and
rewritten; writes are atomic (temp file + rename); a folder that cannot be
written just means no cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from cascade import __version__
from cascade.diagnostics import Diagnostic, Level, Location
from cascade.fileio import read_regular
from cascade.load.reader import ReadResult

FOLDER = ".cascade-cache"
FORMAT = 1
ENTRY_LIMIT = 512 * 1024 * 1024  # bytes; a plan file is at most 64 MiB


@cache
def code_fingerprint() -> str:
    """cascade's version and its source files' stamps: other code, other entries.

    The version alone is not enough while cascade itself is being edited (an
    editable install keeps its version) or reinstalled from another build;
    this costs one ``stat`` per module, once per process.
    """
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        info = path.stat()
        digest.update(f"{path.relative_to(package)} {info.st_size} {info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def key_of(rel: str, data: bytes) -> str:
    """The entry name for ``rel`` with content ``data``."""
    digest = hashlib.sha256()
    # surrogateescape: a file name that is not UTF-8 (Linux allows any bytes) still has a key
    digest.update(
        f"cascade {code_fingerprint()} format {FORMAT}\0{rel}\0".encode("utf-8", "surrogateescape")
    )
    digest.update(data)
    return digest.hexdigest()


def diagnostic_row(d: Diagnostic) -> list[Any]:
    """A diagnostic as a JSON row (:func:`diagnostic_from_row` reads it back)."""
    related = [[r.file, r.line, r.column, r.message] for r in d.related]
    return [
        d.file,
        d.line,
        d.column,
        d.code,
        d.level.value,
        d.message,
        d.name,
        d.hint,
        d.end_line,
        d.end_column,
        related,
    ]


def diagnostic_from_row(row: list[Any]) -> Diagnostic:
    """The diagnostic of a JSON row; raises ``ValueError``/``TypeError`` on a bad one."""
    file, line, col, code, level, message, name, hint, end_line, end_col, related = row
    return Diagnostic(
        str(file),
        int(line),
        int(col),
        str(code),
        Level(level),
        str(message),
        name=str(name),
        hint=str(hint),
        end_line=int(end_line),
        end_column=int(end_col),
        related=tuple(Location(str(f), int(ln), int(c), str(m)) for f, ln, c, m in related),
    )


class ParseCache:
    """Read and write cache entries under ``root/.cascade-cache``."""

    def __init__(self, root: Path) -> None:
        self.folder = root / FOLDER / f"v{FORMAT}"
        self.writable = True

    def get(self, key: str, rel: str) -> ReadResult | None:
        """The cached read of ``rel``, or ``None`` (missing, damaged or foreign)."""
        try:
            entry = json.loads(read_regular(self.folder / key[:2] / f"{key}.json", ENTRY_LIMIT))
            if entry["key"] != key or entry["version"] != __version__ or entry["file"] != rel:
                return None
            cells = entry["cells"]
            return ReadResult(
                rel,
                documents=list(entry["documents"]),
                diagnostics=[diagnostic_from_row(row) for row in entry["diagnostics"]],
                cells=None
                if cells is None
                else {tuple(path): (int(line), int(col)) for path, line, col in cells},
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
            return None

    def put(self, key: str, read: ReadResult) -> None:
        """Store ``read`` under ``key`` atomically; failures only disable the cache."""
        if not self.writable:
            return
        entry = {
            "key": key,
            "version": __version__,
            "file": read.file,
            "documents": read.documents,
            "diagnostics": [diagnostic_row(d) for d in read.diagnostics],
            "cells": None
            if read.cells is None
            else [[list(path), line, col] for path, (line, col) in read.cells.items()],
        }
        folder = self.folder / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, folder / f"{key}.json")
        except (OSError, ValueError):  # ValueError: a name that is not UTF-8 cannot be stored
            self.writable = False
