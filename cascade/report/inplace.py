"""Update a report folder in place when few of its pages changed.

A report that keeps most pages (:mod:`cascade.report.reuse`) need not stage a
new folder and link thousands of kept files into it: :func:`update` writes
each rendered page over the old one (a temp file renamed over it: a reader
sees the old page or the new, never half of one), removes the pages no
longer made, and writes the manifest (:data:`cascade.report.output.MANIFEST`)
last.  Before any page, the manifest is rewritten to list the old files and
the new, so the folder is cascade's at every moment.

Stopped half-way (a crash, a kill), the folder holds whole pages, some new and
some old, and files cascade wrote; the page list in the cache still describes
the last complete report, so the next report renders every page whose file
changed since (the new ones) or whose fingerprint did (the stale ones): the
folder is whole again after one more report.  The temp files live in
``OUT/report/.cascade-tmp/``, outside the format folders, and are cleared by
the next update or the next staged report (:func:`cascade.report.output.sweep`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path

from cascade.report.output import FILE_MODE, FOLDER_MODE, MANIFEST, TEMP, check_ours

SHARE = 4
"""In place only when at most one file in this many is written (else: stage and swap)."""


def worth_it(folder: Path, writes: int, files: int) -> bool:
    """Whether to update ``folder`` in place: it holds a report, and few files change."""
    return (folder / MANIFEST).is_file() and writes * SHARE <= files


def _listing(files: Collection[str]) -> bytes:
    return "".join(f"{rel}\n" for rel in sorted(files) if rel != MANIFEST).encode("utf-8")


def _put(temp: Path, dest: Path, data: bytes) -> None:
    """``data`` into ``dest`` at once: written beside, in ``temp``, then renamed."""
    fd, name = tempfile.mkstemp(dir=temp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(name, FILE_MODE)
        os.replace(name, dest)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _old_files(folder: Path) -> set[str]:
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return set(text.splitlines())


def update(folder: Path, files: Mapping[str, str | bytes], wanted: Collection[str]) -> None:
    """Make ``folder`` hold ``wanted`` (relative paths: those in ``files`` are
    written, the others are already there as they should be) and its manifest;
    raises :class:`cascade.report.output.NotOurs` when it holds foreign files."""
    check_ours(folder)
    temp = folder.parent / TEMP
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    try:
        old = _old_files(folder)
        now = set(wanted) | set(files)
        _put(temp, folder / MANIFEST, _listing(old | now))
        for rel, content in sorted(files.items()):
            data = content.encode("utf-8") if isinstance(content, str) else content
            dest = folder / rel
            if isinstance(content, bytes) and _holds(dest, data):
                continue  # an asset (a font) as it was: not written again
            if not dest.parent.is_dir():
                dest.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            _put(temp, dest, data)
        for rel in sorted(old - now):
            (folder / rel).unlink(missing_ok=True)
        _put(temp, folder / MANIFEST, _listing(now))
    finally:
        shutil.rmtree(temp, ignore_errors=True)


__all__ = ["update", "worth_it"]
