"""The ``# yaml-language-server: $schema=…`` first line of a new plan file.

Which schema file it points at, in order:

1. the plan's own ``schemas/`` folder (``cascade init`` writes one), by a
   path relative to the new file;
2. else the folder (or URL) the plan's other files of the same kind already
   point at (the example plans share the repository's ``schemas/``);
3. else ``schemas/<kind>.schema.json`` at the plan root, which does not exist
   yet: the returned note says so and how to write it.

cascade's packaged schemas cannot be named by a relative path that survives
an upgrade or another machine, so they are never pointed at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from cascade.schema import file_name

PREFIX = "yaml-language-server: $schema="
_MODELINE = re.compile(r"^\ufeff?#\s*yaml-language-server:\s*\$schema=(\S+)")


def _relative(target: Path, schema: Path) -> str:
    return Path(os.path.relpath(schema.resolve(), target.resolve().parent)).as_posix()


def _declared(path: Path) -> str | None:
    """The ``$schema=`` of a file's first line, if it has one."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return None
    found = _MODELINE.match(first)
    return found.group(1) if found else None


def schema_ref(
    root: Path, target: Path, kind: str, siblings: Iterable[Path] = ()
) -> tuple[str, str]:
    """The ``$schema`` reference for ``target`` (a new ``kind`` file) and a note.

    ``siblings`` are plan files of the same kind; the note is empty unless
    the reference points at a file that does not exist yet.
    """
    name = file_name(kind)
    own = root / "schemas" / name
    if own.is_file():
        return _relative(target, own), ""
    for sibling in siblings:
        ref = _declared(sibling)
        if ref is None:
            continue
        if "://" in ref:
            return ref.rsplit("/", 1)[0] + "/" + name, ""
        folder = (sibling.parent / ref).parent
        if (folder / name).is_file():
            return _relative(target, folder / name), ""
    note = (
        f"the plan has no schemas/ folder; the modeline points at schemas/{name} "
        f"at the plan root: write it with 'cascade schema --out {(root / 'schemas').as_posix()}'"
    )
    return _relative(target, own), note


def modeline(ref: str) -> str:
    """The first line itself, without the ``#``."""
    return PREFIX + ref
