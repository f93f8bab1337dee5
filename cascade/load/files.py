"""Read every plan file: bounded, cached, and in parallel when it pays.

A file is read as bytes (at most :data:`~cascade.load.reader.MAX_FILE_BYTES`, regular
files only), looked up in
the parse cache by content, and parsed only on a miss; misses are parsed by
a pool of worker processes when there are enough of them (``jobs > 1``).
The result is in the order of ``files`` whatever the number of jobs, so
``--jobs 1`` and ``--jobs N`` give identical output.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from cascade.checks.load import UNREADABLE
from cascade.load.cache import ParseCache, key_of
from cascade.load.discover import TABLE_SUFFIXES, leaves_root
from cascade.load.reader import MAX_FILE_BYTES, ReadResult, Stamp, read_bytes
from cascade.load.tables import read_table

Progress = Callable[[int, int], None]
PARALLEL_MIN_FILES = 200  # below this, starting workers costs more than it saves


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def stamp_of(info: os.stat_result) -> Stamp:
    """What tells a changed file without reading it (:data:`~cascade.load.reader.Stamp`)."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def read_raw(path: Path, rel: str) -> bytes | ReadResult:
    """The bytes of one plan file, or the diagnostic that says why there are none."""
    got = read_stamped(path, rel)
    return got if isinstance(got, ReadResult) else got[0]


def read_stamped(path: Path, rel: str) -> tuple[bytes, Stamp] | ReadResult:
    """The bytes of one plan file and its stamp, or the diagnostic that says why there are none."""
    outside = leaves_root(path, rel)
    if outside is not None:
        message = f"not read: it is a symlink to {outside}, outside the plan folder"
        return ReadResult(rel, diagnostics=[UNREADABLE.diagnostic(rel, message)])
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise OSError("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise OSError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1), stamp_of(info)
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        return ReadResult(rel, diagnostics=[UNREADABLE.diagnostic(rel, message)])


def parse(data: bytes, rel: str) -> ReadResult:
    """Parse one file's bytes (YAML, or an actuals table)."""
    return read_table(data, rel) if rel.endswith(TABLE_SUFFIXES) else read_bytes(data, rel)


def _parse_job(job: tuple[bytes, str]) -> ReadResult:
    return parse(*job)


def parse_many(jobs: Sequence[tuple[bytes, str]], workers: int = 1) -> list[ReadResult]:
    """Parse each ``(bytes, path)`` in order: in a pool of ``workers`` processes when
    there are at least :data:`PARALLEL_MIN_FILES`, else in this process.

    The one worker pool of cascade's parsing (``validate``, ``diff``); the
    result is the same whatever the number of workers.
    """
    if workers > 1 and len(jobs) >= PARALLEL_MIN_FILES:
        chunk = max(1, len(jobs) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_parse_job, jobs, chunksize=chunk))
    return [_parse_job(job) for job in jobs]


def read_file(path: Path, rel: str) -> ReadResult:
    """Read and parse one file, without cache or pool."""
    raw = read_raw(path, rel)
    return raw if isinstance(raw, ReadResult) else parse(raw, rel)


def read_all(
    root: Path,
    files: Sequence[str],
    *,
    jobs: int = 1,
    cache: ParseCache | None = None,
    progress: Progress | None = None,
    overlay: Mapping[str, str] | None = None,
) -> list[ReadResult]:
    """Every file of ``files`` (relative to ``root``), read, in order.

    ``overlay`` maps relative paths to text that is read instead of the
    file on disk (an editor's unsaved buffers); such files have no stamp.
    """
    results: list[ReadResult | None] = [None] * len(files)
    misses: list[tuple[int, str, bytes, str]] = []
    stamps: list[Stamp | None] = [None] * len(files)
    for i, rel in enumerate(files):
        if progress is not None:
            progress(i, len(files))
        text = overlay.get(rel) if overlay is not None else None
        got = (text.encode("utf-8"), None) if text is not None else read_stamped(root / rel, rel)
        if isinstance(got, ReadResult):
            results[i] = got
            continue
        raw, stamps[i] = got
        key = key_of(rel, raw) if cache is not None else ""
        hit = cache.get(key, rel) if cache is not None else None
        if hit is not None:
            results[i] = hit
            hit.digest = key
        else:
            misses.append((i, rel, raw, key))
    parsed = parse_many([(raw, rel) for _, rel, raw, _ in misses], jobs)
    for (i, _, _, key), read in zip(misses, parsed, strict=True):
        results[i] = read
        read.digest = key
        if cache is not None:
            cache.put(key, read)
    done = [r for r in results if r is not None]
    for read, file_stamp in zip(done, stamps, strict=True):
        read.stamp = file_stamp
    if progress is not None:
        progress(len(done), len(files))
    return done
