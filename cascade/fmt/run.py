"""Format many files: expand the paths, format each, write or diff.

Folders are expanded like a plan folder (``*.yaml``/``*.yml`` below it,
hidden folders and the output folder skipped); files are taken as given.
Writing is atomic (:func:`cascade.fileio.atomic_write`) and keeps each
file's mode; ``check`` writes nothing and gives a unified diff per file that
would change instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cascade.diagnostics import Diagnostic
from cascade.exitcodes import ExitCode
from cascade.fileio import atomic_write
from cascade.fmt.envelope import open_text
from cascade.fmt.formatter import Formatted, format_bytes
from cascade.load.discover import PLAN_FILE, SUFFIXES, discover, output_folder
from cascade.load.files import read_raw
from cascade.load.reader import read_bytes
from cascade.result import RunResult


@dataclass(frozen=True, slots=True)
class FmtResult:
    """What a fmt run did: the files seen, changed (or to change), diffs, problems."""

    result: RunResult
    changed: tuple[str, ...] = ()
    diffs: tuple[str, ...] = field(default=())

    def exit_code(self, check: bool) -> int:
        """1 when a file was refused (or, with ``check``, would change), else 0;
        2 when a file could not be read at all."""
        code = self.result.exit_code()
        if check and self.changed:
            code = max(code, ExitCode.CHANGED)
        return code


def _output_folder(folder: Path) -> str:
    """The plan's output folder (``output:`` in cascade.yaml, default ``out``)."""
    plan = folder / PLAN_FILE
    try:
        data = plan.read_bytes() if plan.is_file() else b""
    except OSError:  # unreadable: formatting it reports that
        data = b""
    read = read_bytes(data, PLAN_FILE) if data else None
    return output_folder(read.documents) if read is not None and read.ok else "out"


def expand(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Every file to format as (path, name to show), each once, in order."""
    found: dict[Path, str] = {}
    for path in paths:
        if path.is_dir():
            for rel in discover(path, _output_folder(path)):
                if rel.name.endswith(SUFFIXES):
                    found.setdefault((path / rel).resolve(), (path / rel).as_posix())
        else:
            found.setdefault(path.resolve(), path.as_posix())
    return [(path, name) for path, name in found.items()]


def _write(path: Path, data: bytes) -> None:
    """Write formatted bytes atomically, keeping the file's mode.

    ``atomic_write`` writes with ``newline="\\n"``, which translates nothing:
    the BOM character and ``\\r\\n`` line ends reach the disk exactly.
    """
    atomic_write(path, data.decode("utf-8"))


def unified_diff(name: str, before: bytes, after: bytes) -> str:
    """The change as a unified diff of the ``\\n`` text (BOM and CRLF aside)."""
    old = open_text(before)[0].splitlines(keepends=True)
    new = open_text(after)[0].splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(old, new, f"{name} (original)", f"{name} (formatted)"):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def format_one(path: Path, name: str) -> Formatted | Diagnostic:
    """Read and format one file (no writing)."""
    raw = read_raw(path, name)
    if not isinstance(raw, bytes):
        return raw.diagnostics[0]
    return format_bytes(raw, name)


def run(files: Sequence[tuple[Path, str]], check: bool = False) -> FmtResult:
    """Format ``files``; write the changed ones unless ``check``."""
    diagnostics: list[Diagnostic] = []
    changed: list[str] = []
    diffs: list[str] = []
    for path, name in files:
        outcome = format_one(path, name)
        if isinstance(outcome, Diagnostic):
            diagnostics.append(outcome)
            continue
        diagnostics.extend(outcome.diagnostics)
        if not outcome.changed or outcome.after is None:
            continue
        changed.append(name)
        if check:
            diffs.append(unified_diff(name, outcome.before, outcome.after))
        else:
            _write(path, outcome.after)
    result = RunResult(
        root=".",
        files=tuple(name for _, name in files),
        diagnostics=tuple(sorted(diagnostics)),
    )
    return FmtResult(result, tuple(changed), tuple(diffs))
