"""Which files changed since the snapshot, reading as few as possible.

Like git's index: a file whose size, mtime, ctime and inode are the
snapshot's is taken as unchanged without reading it, unless its mtime is so close to the
snapshot's run that an edit in the same clock tick could hide (a "racy"
file); those, and files whose stamp differs, are read and compared by
content digest.  A file touched but not changed is not a change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cascade.incremental.snapshot import Snapshot
from cascade.load.cache import key_of
from cascade.load.files import read_stamped, stamp_of
from cascade.load.reader import ReadResult, Stamp

RACY_NS = 2_000_000_000
"""Files modified this close before the snapshot's run are compared by content
(2 s: the coarsest timestamps in use, FAT's)."""


@dataclass(slots=True)
class Scan:
    """Files whose content changed, and unchanged ones with a new stamp."""

    changed: list[str] = field(default_factory=list)
    restamped: dict[str, Stamp] = field(default_factory=dict)


def scan(root: Path, snapshot: Snapshot) -> Scan:
    """Compare every file of ``snapshot`` with the disk."""
    found = Scan()
    racy_after = snapshot.taken - RACY_NS
    base = os.fspath(root)
    for rel, entry in snapshot.files.items():
        try:
            info = os.stat(os.path.join(base, rel))
            stamp = stamp_of(info)
        except OSError:
            found.changed.append(rel)
            continue
        if stamp == entry.stamp and stamp[1] < racy_after:
            continue
        got = read_stamped(root / rel, rel)
        if isinstance(got, ReadResult) or key_of(rel, got[0]) != entry.digest:
            found.changed.append(rel)
        elif got[1] != entry.stamp:
            found.restamped[rel] = got[1]
    return found
