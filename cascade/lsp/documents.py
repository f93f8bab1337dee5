"""Which plan a file belongs to, and a plan's unsaved buffers.

A plan is the nearest folder above a file that holds ``cascade.yaml``, so a
workspace may hold several plans (one per folder).  The editor's open
buffers are the truth for their files: :func:`overlay` gives the engine
their text instead of the disk's.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cascade.load.discover import PLAN_FILE, is_plan_file
from cascade.load.reader import decode


def plan_root(path: Path) -> Path | None:
    """The plan folder ``path`` is in (the nearest ``cascade.yaml`` above it), if any."""
    for folder in (path, *path.parents) if path.is_dir() else path.parents:
        if (folder / PLAN_FILE).is_file():
            return folder
    return None


def relative(root: Path, path: Path) -> str | None:
    """``path`` relative to ``root`` as a POSIX path, or ``None`` when outside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def overlay(root: Path, buffers: Mapping[Path, str]) -> tuple[tuple[str, str], ...]:
    """The open buffers that are plan files of ``root``, as ``(relative path, text)``."""
    found = []
    for path, text in buffers.items():
        rel = relative(root, path)
        if rel is not None and is_plan_file(rel) and plan_root(path) == root:
            found.append((rel, text))
    return tuple(sorted(found))


def read_text(root: Path, rel: str, texts: Mapping[str, str]) -> str:
    """The text of a plan file: its buffer when open, else the disk's ('' if unreadable)."""
    if rel in texts:
        return texts[rel]
    try:
        text, _ = decode((root / rel).read_bytes(), rel)
    except OSError:
        return ""
    return text or ""
