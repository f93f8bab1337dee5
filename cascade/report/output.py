"""Put rendered pages on disk: a whole folder at once, or only what changed.

:func:`staged` hands out a temp folder next to the target; when the block
ends without an error the folder is swapped in with two renames (old aside,
new in) and the old one is deleted; on an error the previous report is left
as it was.  The report writes each page into the staged folder as soon as it
is rendered (:func:`put`), and so do the PDF workers; :func:`replace_tree`
does the same for files held in memory.

cascade only replaces what it wrote: every folder it writes holds a manifest
(:data:`MANIFEST`, the list of its files), and a target that holds anything
else (a file of the user's, or a folder cascade never wrote) is refused with
:class:`NotOurs`, before anything is written.  Files are 0644, folders 0755.
:func:`sync_tree` (used by ``--serve``) rewrites only the files whose text
changed, each atomically, and removes files no longer produced.  Files a
report keeps from the last one (:mod:`cascade.report.reuse`) are hard-linked
into the staged folder (:func:`link_files`) instead of written again.
The two renames run with Ctrl-C and SIGTERM held back, so an interrupted
report never leaves the output folder missing; a failure of
:func:`replace_tree` raises an ``OSError`` naming the folder.  A report killed
outright (SIGKILL, the OOM killer) leaves its staged folder behind; the next
one removes it (:func:`sweep`), unless a running report holds it (a lock).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from cascade.fileio import atomic_write, naming

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: leftovers are not swept
    fcntl = None  # type: ignore[assignment]

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


MANIFEST = ".cascade-report"
"""The file listing what cascade wrote into a report folder (one path a line)."""
FILE_MODE, FOLDER_MODE = 0o644, 0o755
TEMP = ".cascade-tmp"
"""The temp files of an in-place update (:mod:`cascade.report.inplace`), in OUT/report."""


class NotOurs(Exception):
    """The output folder holds something cascade did not write; nothing was changed."""


def _files_in(folder: Path) -> list[str]:
    """Every non-folder under ``folder``, relative, sorted."""
    return _tree(folder)[1]


def _tree(folder: Path) -> tuple[list[str], list[str]]:
    """The folders and the other files under ``folder``, relative, sorted (``os.scandir``:
    no symlink followed, several times faster than ``Path.rglob`` on 10,000 pages)."""
    found: list[str] = []
    folders: list[str] = []
    todo = [("", str(folder))]
    while todo:
        prefix, path = todo.pop()
        try:
            entries = list(os.scandir(path))
        except NotADirectoryError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                todo.append((rel + "/", entry.path))
                folders.append(rel)
            else:
                found.append(rel)
    return sorted(folders), sorted(found)


def check_ours(target: Path) -> None:
    """Raise :class:`NotOurs` unless ``target`` is absent, empty, or holds only the
    files its manifest lists (what cascade wrote there last time)."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise NotOurs(f"{target} is not a folder cascade wrote; remove it or choose another --out")
    found = _files_in(target)
    if not found:
        return
    try:
        listed = set((target / MANIFEST).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        listed = set()
    foreign = [f for f in found if f != MANIFEST and f not in listed]
    if MANIFEST not in found or foreign:
        first = foreign[0] if foreign else found[0]
        raise NotOurs(
            f"{target} holds files cascade did not write ({first}); "
            "move them away or choose another --out"
        )


def put(folder: Path, rel: str, content: str | bytes) -> None:
    """Write one file ``rel`` of a staged ``folder`` (UTF-8, ``\\n`` newlines for text);
    its mode is set when the folder is sealed."""
    dest = folder / rel
    if not dest.parent.is_dir():
        dest.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if isinstance(content, bytes):
        dest.write_bytes(content)
    else:
        with dest.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)


def _write_all(folder: Path, files: Mapping[str, str | bytes]) -> None:
    for rel, content in sorted(files.items()):
        put(folder, rel, content)


def _seal(folder: Path) -> None:
    """Write the manifest and give every file and folder its mode."""
    folders, files = _tree(folder)
    for rel in folders:
        os.chmod(folder / rel, FOLDER_MODE)
    for rel in files:
        os.chmod(folder / rel, FILE_MODE)
    listing = "".join(f"{rel}\n" for rel in files if rel != MANIFEST)
    (folder / MANIFEST).write_text(listing, encoding="utf-8")
    (folder / MANIFEST).chmod(FILE_MODE)
    folder.chmod(FOLDER_MODE)


def link_files(folder: Path, files: Mapping[str, Path]) -> None:
    """Put each ``source`` at ``folder/rel``: a hard link, or a copy where links fail."""
    made: set[Path] = set()
    for rel, source in sorted(files.items()):
        dest = folder / rel
        if dest.parent not in made:
            dest.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            made.add(dest.parent)
        try:
            os.link(source, dest, follow_symlinks=False)
        except OSError:  # a file system without hard links
            shutil.copyfile(source, dest, follow_symlinks=False)


def replace_tree(
    target: Path, files: Mapping[str, str | bytes], kept: Mapping[str, Path] | None = None
) -> None:
    """Make folder ``target`` hold exactly ``files`` (relative path → text or bytes),
    the ``kept`` files of the last report (relative path → its file in ``target``) and
    the manifest; raises :class:`NotOurs` when ``target`` holds foreign files."""
    with naming(target), staged(target) as folder:
        _write_all(folder, files)
        link_files(folder, kept or {})


def make_folders(folder: Path) -> None:
    """Make ``folder`` and its missing parents, each readable by others (0755
    whatever the umask: a report is read by people other than its writer);
    folders that exist keep their mode."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=FOLDER_MODE, exist_ok=True)
        made.chmod(FOLDER_MODE)


def _held(folder: Path) -> int | None:
    """A descriptor of ``folder`` with an exclusive lock on it: the folder is in use
    by this report until the descriptor is closed (``None``: no locks here)."""
    if fcntl is None:
        return None
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _release(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)


def sweep(target: Path) -> None:
    """Remove the staged (``.NAME.new-*``) and set-aside (``.NAME.old-*``) folders of
    ``target`` that a report stopped outright (SIGKILL, the OOM killer, power loss) left
    beside it, and the temp files of an in-place update (:data:`TEMP`), which
    :func:`cascade.report.inplace.update` clears the same way; a folder a running
    report still holds (locked) is left alone."""
    if fcntl is None:
        return
    prefixes = (f".{target.name}.new-", f".{target.name}.old-")
    shutil.rmtree(target.parent / TEMP, ignore_errors=True)  # an update's, cleared as it does
    try:
        names = sorted(os.listdir(target.parent))
    except OSError:
        return
    for name in names:
        if not name.startswith(prefixes):
            continue
        path = target.parent / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:  # not a folder, or a symlink: not ours
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue  # held by a report still running
        finally:
            os.close(fd)


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temp folder to fill, swapped in for ``target`` when the block succeeds;
    what an earlier report stopped outright left beside ``target`` is removed first."""
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(20, "a file is there, a folder is needed", str(target))
    check_ours(target)
    make_folders(target.parent)
    sweep(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    fd = None
    try:
        fd = _held(staging)
        yield staging
        _seal(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _release(fd)
        raise
    try:
        _swap(staging, target)
    finally:
        _release(fd)


def _swap(staging: Path, target: Path) -> None:
    old: Path | None = None
    old_fd: int | None = None
    try:
        if target.exists() or target.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            old_fd = _held(old)
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
        _release(old_fd)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    _release(old_fd)


def sync_tree(target: Path, files: Mapping[str, str], kept: Collection[str] = ()) -> list[str]:
    """Update ``target`` in place to hold ``files`` and the ``kept`` files it has;
    return the paths that changed."""
    changed: list[str] = []
    kept = set(kept)
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
            keep = rel == MANIFEST or rel.startswith("fonts/")
            if path.is_file() and rel not in files and rel not in kept and not keep:
                path.unlink()
                changed.append(rel)
        listing = "".join(f"{rel}\n" for rel in _files_in(target) if rel != MANIFEST)
        atomic_write(target / MANIFEST, listing)
    return changed
