"""The parse cache: an unchanged file is never parsed again.

Entries live in ``.cascade-cache/v2/`` at the plan root (a hidden folder, so
it is never read as a plan file; see :mod:`cascade.load.cachedir`), one JSON
file per plan file, named by the SHA-256 of the file's path and holding the
key of what it was parsed from: the SHA-256 of cascade's code (its version
and the stamps of its sources), the path and the bytes.  JSON, not pickle: a
cache folder is data that may come from anywhere (a commit, an archive), and
loading it must never run code.  Every field is read strictly
(:mod:`cascade.load.strict`); an entry that is corrupt, truncated, of the
wrong types, from another version or for other bytes is ignored and
rewritten.  Writes are atomic (temp file + rename) and never go through a
symlink; a folder that cannot be written just means no cache.

The cache stays bounded: a file has one entry, which its next parse
replaces, so editing a file a thousand times leaves one entry.  A full run
(which knows every file of the plan) then prunes (:meth:`ParseCache.prune`)
the entries of files the plan no longer has, the temp files of interrupted
writes and the folders of older entry formats, so the folder stays the size
of the plan.  The warm path never lists the folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from cascade import __version__
from cascade.diagnostics import Diagnostic, Level, Location
from cascade.fileio import read_regular, replace_file
from cascade.load import strict
from cascade.load.cachedir import FOLDER, cache_folder, is_real_folder, prune, real_folder
from cascade.load.reader import ReadResult
from cascade.load.table_format import SheetCells, sheet_of

__all__ = ["FOLDER", "ParseCache", "code_fingerprint", "key_of"]

FORMAT = 2
ENTRY_LIMIT = 512 * 1024 * 1024  # bytes; a plan file is at most 4 MiB


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


def _utf8(rel: str) -> bytes:
    # surrogateescape: a file name that is not UTF-8 (Linux allows any bytes) still has a key
    return rel.encode("utf-8", "surrogateescape")


def key_of(rel: str, data: bytes) -> str:
    """The key of ``rel`` with content ``data`` (under cascade's current code)."""
    digest = hashlib.sha256(f"cascade {code_fingerprint()} format {FORMAT}\0".encode())
    digest.update(_utf8(rel) + b"\0")
    digest.update(data)
    return digest.hexdigest()


def entry_name(rel: str) -> str:
    """The name of ``rel``'s one entry (in the folder of its first two characters)."""
    return hashlib.sha256(_utf8(rel)).hexdigest() + ".json"


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
        d.cell,
    ]


def _location(row: object) -> Location:
    file, line, column, message = strict.items(row, 4)
    return Location(
        strict.text(file), strict.count(line), strict.count(column), strict.text(message)
    )


def diagnostic_from_row(row: object) -> Diagnostic:
    """The diagnostic of a JSON row; raises :class:`~cascade.load.strict.Damaged` on a bad one."""
    file, line, col, code, level, message, name, hint, end_line, end_col, related, cell = (
        strict.items(row, 12)
    )
    return Diagnostic(
        strict.text(file),
        strict.count(line),
        strict.count(col),
        strict.text(code),
        Level(strict.text(level)),
        strict.text(message),
        name=strict.text(name),
        hint=strict.text(hint),
        end_line=strict.count(end_line),
        end_column=strict.count(end_col),
        related=tuple(_location(r) for r in strict.items(related)),
        cell=strict.text(cell),
    )


def _cell_path(value: object) -> tuple[str | int, ...]:
    parts = strict.items(value)
    return tuple(p if type(p) is str else strict.count(p) for p in parts)


def _cells(value: object, sheet: object) -> dict[tuple[str | int, ...], tuple[int, int]] | None:
    if value is None:
        return None
    cells: dict[tuple[str | int, ...], tuple[int, int]] = {}
    for row in strict.items(value):
        path, line, col = strict.items(row, 3)
        cells[_cell_path(path)] = (strict.count(line), strict.count(col))
    return cells if sheet is None else SheetCells(strict.text(sheet), cells)


def read_entry(entry: dict[str, Any], key: str, rel: str) -> ReadResult | None:
    """The read an entry holds if it is ``rel``'s for ``key``; ``None`` if it is another's.

    Raises :class:`~cascade.load.strict.Damaged` (or ``KeyError``) for a damaged one.
    """
    if strict.text(entry["key"]) != key or strict.text(entry["version"]) != __version__:
        return None
    if strict.text(entry["file"]) != rel:
        return None
    diagnostics = [diagnostic_from_row(row) for row in strict.items(entry["diagnostics"])]
    if any(d.file != rel for d in diagnostics):
        raise strict.Damaged(f"a diagnostic of {rel} names another file")
    return ReadResult(
        rel,
        documents=[strict.plain(doc) for doc in strict.items(entry["documents"])],
        diagnostics=diagnostics,
        cells=_cells(entry["cells"], entry["sheet"]),
    )


class ParseCache:
    """Read and write cache entries under ``root/.cascade-cache``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.writable = True
        self._folder: Path | None = None

    def folder(self, create: bool = False) -> Path | None:
        """The entries' folder if it is a real one (made when ``create``), else ``None``."""
        if self._folder is None:
            top = cache_folder(self.root, create)
            self._folder = None if top is None else real_folder(top / f"v{FORMAT}", create)
        return self._folder

    def get(self, key: str, rel: str) -> ReadResult | None:
        """The cached read of ``rel``, or ``None`` (missing, damaged or foreign)."""
        folder = self.folder()
        if folder is None:
            return None
        name = entry_name(rel)
        try:
            if not is_real_folder(folder / name[:2]):
                return None
            data = json.loads(read_regular(folder / name[:2] / name, ENTRY_LIMIT))
            return read_entry(strict.table(data), key, rel)
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None

    def put(self, key: str, read: ReadResult) -> None:
        """Store ``read`` under ``key`` atomically; failures only disable the cache."""
        folder = self.folder(create=True) if self.writable else None
        name = entry_name(read.file)
        shard = None if folder is None else real_folder(folder / name[:2], create=True)
        if shard is None:
            self.writable = False
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
            "sheet": sheet_of(read.cells),
        }
        try:
            text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
            replace_file(shard / name, text.encode("utf-8"))
        except (OSError, ValueError):  # ValueError: a name that is not UTF-8 cannot be stored
            self.writable = False

    def prune(self, files: Iterable[str]) -> int:
        """After a full run over ``files`` (every file of the plan): remove the entries of
        other files, stale temp files and older formats' folders; how many entries went.

        Only names cascade gives are touched, and nothing is followed
        (:func:`cascade.load.cachedir.prune`).
        """
        folder = self.folder()
        if folder is None:
            return 0
        return prune(folder, {entry_name(rel) for rel in files})
