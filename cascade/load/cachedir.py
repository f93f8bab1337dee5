"""The cache folder ``.cascade-cache/``: real folders only, and it ignores itself.

Both writers (the parse cache and the warm-validate snapshot) reach the
folder through :func:`cache_folder`.  A folder cascade creates gets a
``.gitignore`` holding ``*`` and a ``CACHEDIR.TAG`` (https://bford.info/cachedir/),
as ``.pytest_cache`` and ``.ruff_cache`` do, so ``git status`` stays clean and
backup tools skip it without any set-up; both are written again when missing.

The folder comes with the plan (a commit, an archive), so it may be a
symlink pointing anywhere: cascade then neither reads nor writes through it.
:func:`real_folder` checks with ``lstat`` and creates with ``mkdir`` (which
never follows a symlink); files are created with ``O_EXCL | O_NOFOLLOW``.
Anything unexpected means "no cache", never an exception.

:func:`prune` is the parse cache's upkeep after a full run: it removes only
names cascade gives, and follows nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import time
from pathlib import Path

FOLDER = ".cascade-cache"
GITIGNORE = "# Created by cascade automatically.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by cascade.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
TAGS = {".gitignore": GITIGNORE, "CACHEDIR.TAG": CACHEDIR_TAG}
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
SHARD_NAME = re.compile(r"[0-9a-f]{2}")
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json")
TEMP_NAME = re.compile(r"\..+\.tmp")
FORMAT_NAME = re.compile(r"v[0-9]+")
STALE_TEMP = 3600  # seconds: a temp file this old belongs to no running write


def is_real_folder(path: Path) -> bool:
    """Whether ``path`` is a folder itself, not a symlink to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def real_folder(path: Path, create: bool) -> Path | None:
    """``path`` if it is a real folder (made first when missing and ``create``), else ``None``."""
    if is_real_folder(path):
        return path
    if not create:
        return None
    try:
        os.mkdir(path)
    except OSError:  # a symlink, a file, a read-only parent …
        return None
    return path if is_real_folder(path) else None


def cache_folder(root: Path, create: bool = False) -> Path | None:
    """``root/.cascade-cache`` if it is a real folder; with ``create``, made (and tagged)
    when missing.  ``None``: no cache (a symlink, a file, a folder that cannot be made)."""
    folder = real_folder(root / FOLDER, create)
    if folder is not None and create:
        for name, content in TAGS.items():
            write_new(folder / name, content)
    return folder


def write_new(path: Path, content: str) -> None:
    """Create ``path`` holding ``content`` unless something is there (never through a symlink)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    except OSError:  # it exists (fine), or the folder is read-only (no tags, no harm)
        return


def prune(entries: Path, keep: set[str]) -> int:
    """Remove from ``entries`` (``.cascade-cache/v<format>/``, in folders named by their first
    two characters) every entry not named in ``keep``, temp files older than an hour,
    and the sibling folders of other formats; how many entries went.

    Only names cascade gives are touched (``<64 hex>.json``, ``.*.tmp``,
    ``v<n>/``), and nothing is followed: a symlink is removed like a file, never entered.
    """
    _remove_other_formats(entries.parent, entries.name)
    removed = 0
    try:
        with os.scandir(entries) as shards:
            for shard in shards:
                if SHARD_NAME.fullmatch(shard.name) and is_real_folder(Path(shard)):
                    removed += _prune_shard(Path(shard), keep)
    except OSError:  # the folder went meanwhile: nothing to keep bounded
        pass
    return removed


def _prune_shard(shard: Path, keep: set[str]) -> int:
    removed = 0
    stale = time.time() - STALE_TEMP
    with os.scandir(shard) as found:
        for item in found:
            try:
                if item.is_dir(follow_symlinks=False):
                    continue
                entry = ENTRY_NAME.fullmatch(item.name) is not None
                if entry and item.name in keep and item.name.startswith(shard.name):
                    continue
                if not entry and not (
                    TEMP_NAME.fullmatch(item.name)
                    and item.stat(follow_symlinks=False).st_mtime < stale
                ):
                    continue
                os.unlink(item.path)
                removed += entry
            except OSError:  # gone meanwhile, or not ours to remove: the next full run tries again
                continue
    return removed


def _remove_other_formats(top: Path, current: str) -> None:
    """Remove the entry folders of other formats (``v1/`` …): no code of this version reads them."""
    try:
        with os.scandir(top) as found:
            old = [Path(f) for f in found if FORMAT_NAME.fullmatch(f.name) and f.name != current]
    except OSError:
        return
    for folder in old:
        if is_real_folder(folder):
            shutil.rmtree(folder, ignore_errors=True)
