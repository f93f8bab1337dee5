"""Put rendered pages on disk: a whole folder at once, or only what changed.

:func:`replace_tree` writes every file into a temp folder next to the
target, then swaps it in with two renames (old aside, new in) and deletes
the old one; if anything fails before the swap, the previous report is left
as it was.  The two renames run with Ctrl-C and SIGTERM held back, so an
interrupted report never leaves the output folder missing.  A failure
raises an ``OSError`` naming the folder.  :func:`sync_tree` (used by
``--serve``) rewrites only the files whose text changed, each atomically,
and removes files no longer produced.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from cascade.fileio import atomic_write, naming

HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (main thread, POSIX)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _write_all(folder: Path, files: Mapping[str, str | bytes]) -> None:
    for rel, content in sorted(files.items()):
        dest = folder / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            dest.write_bytes(content)
            continue
        with dest.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)


def replace_tree(target: Path, files: Mapping[str, str | bytes]) -> None:
    """Make folder ``target`` hold exactly ``files`` (relative path → text or bytes)."""
    with naming(target):
        _replace_tree(target, files)


def _replace_tree(target: Path, files: Mapping[str, str | bytes]) -> None:
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(20, "a file is there, a folder is needed", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    old: Path | None = None
    try:
        _write_all(staging, files)
        staging.chmod(0o755)
        if target.exists() or target.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        with _signals_held():
            if old is not None:
                os.replace(target, old / "tree")
            try:
                os.replace(staging, target)
            except BaseException:
                if old is not None:
                    os.replace(old / "tree", target)
                raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def sync_tree(target: Path, files: Mapping[str, str]) -> list[str]:
    """Update ``target`` in place to hold ``files``; return the paths that changed."""
    changed: list[str] = []
    for rel, text in sorted(files.items()):
        dest = target / rel
        try:
            same = dest.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            atomic_write(dest, text)
            changed.append(rel)
    if target.is_dir():
        for path in sorted(target.rglob("*")):
            rel = path.relative_to(target).as_posix()
            if path.is_file() and rel not in files and not rel.startswith("fonts/"):
                path.unlink()
                changed.append(rel)
    return changed
