"""Atomic writes: a file or a whole folder appears complete or not at all.

A failed write (a full disk, a read-only folder, a folder where a file is
wanted) raises an ``OSError`` that names the path it was writing, so the
command's one error handler can say which (exit code 2).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def naming(path: Path) -> Iterator[None]:
    """Inside, an ``OSError`` that names no file (``os.write`` on a full disk) names ``path``."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, ``\\n`` newlines; or bytes as they are) to ``path``
    via a temp file and rename.

    Only regular files are replaced that way.  A path that is something else
    (``/dev/null``, a FIFO, a symlink) is written through, as a shell would:
    renaming over it would destroy the device or the link.  A new file gets
    the usual permissions (0666 less the umask), an existing one keeps its own.
    """
    with naming(path):
        _atomic_write(path, text.encode("utf-8") if isinstance(text, str) else text)


def _atomic_write(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise IsADirectoryError(21, "a folder is there, a file is needed", str(path))
    if path.is_symlink() or (path.exists() and not path.is_file()):
        with path.open("wb") as handle:
            handle.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    replace_file(path, data, mode)


def replace_file(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to a temp file beside ``path`` and rename it over ``path``
    (``mode`` set first; a temp file's own is 0600): readers see the old file or
    the new one, never half of one.  The temp file never outlives a failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_tree(target: Path, files: dict[str, str]) -> None:
    """Create folder ``target`` holding ``files`` (relative path → text) at once.

    The files are written into a sibling temp folder which is then renamed to
    ``target``; ``target`` must not exist or be empty.
    """
    with naming(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            for rel, text in files.items():
                dest = staging / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(text, encoding="utf-8", newline="\n")
            if target.exists():
                target.rmdir()  # only an empty folder may be replaced
            os.replace(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    For files cascade keeps for itself (its cache), which a commit or an
    archive may have replaced: a FIFO would block the read and a device never
    end it, so both are refused without reading, and a symlink (to
    ``/dev/zero``, to a file outside the plan) is not followed.  Raises
    ``OSError`` for anything else than such a file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise OSError(f"{path}: not a regular file of at most {limit} bytes")
        return handle.read(limit + 1)
