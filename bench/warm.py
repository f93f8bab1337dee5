"""Benchmark warm ``cascade validate``: the run a planner makes on every save.

    python -m bench.warm [--people 20000] [--repeat 5]

On a generated plan (``bench/.cache/<N>``, made if missing), after one full
run that writes the snapshot, each row times ``cascade validate`` (a new
process, start-up included, the default options outside CI) after:

- nothing changed;
- one person's file ``touch``-ed (new mtime, same bytes);
- one KPI weight edited in the agreement of a person nobody's agreement
  depends on (most people: the goal of issue 7, < 1 s at 20,000 people);
- the same edit in a supervisor's agreement (their people's agreements are
  re-checked too);
- the same edit in a group's agreement (a unit with no units below it and
  not in the OS matrix: re-checked with its people);
- the same edit in a division's agreement (the OS matrix names it: what the
  matrix reads of it is unchanged, so it and the agreements below it are
  re-checked, up to the re-check limit);
- the same edit in the organisation's agreement (everyone's cascade reads it:
  beyond the re-check limit, a full run).

Every edit is undone at the end; medians of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.run import plan_for, validate_once
from cascade.incremental import snapshot as snapshots
from cascade.incremental.recheck import MAX_RECHECK

WEIGHT = re.compile(rb"weight: (\d+)")


def _pick(root: Path) -> dict[str, str]:
    """Agreement files of a leaf person, a supervisor, a group and a division."""
    snap = snapshots.load(root)
    if snap is None:
        raise SystemExit("no snapshot after a full run: is the cache off (CI set)?")
    referrers: dict[str, list[str]] = {}
    for file, entry in snap.files.items():
        for party in entry.depends:
            referrers.setdefault(party, []).append(file)

    def below(file: str) -> list[str]:
        return referrers.get(snap.files[file].parties[0], [])

    def kind(file: str) -> str:
        return snap.files[file].single

    people = sorted(f for f in snap.files if kind(f) == "person")
    units = sorted(f for f in snap.files if kind(f) == "unit")
    leaf = next(f for f in reversed(people) if not below(f))
    bosses = [f for f in people if below(f) and all(kind(g) == "person" for g in below(f))]
    boss = max(
        (f for f in bosses if len(below(f)) < MAX_RECHECK and not any(below(g) for g in below(f))),
        key=lambda f: len(below(f)),
    )
    group = next(f for f in units if all(kind(g) == "person" for g in below(f)))
    division = next(f for f in units if any(kind(g) != "person" for g in below(f)))
    organisation = next(f for f in snap.files if kind(f) == "organisation")
    return {
        "leaf": leaf,
        "supervisor": boss,
        "group": group,
        "division": division,
        "organisation": organisation,
    }


def _edit(path: Path, step: int) -> None:
    """Change the first KPI weight (a different value each step)."""
    data = path.read_bytes()
    match = WEIGHT.search(data)
    assert match is not None, f"{path} has no weight"
    value = int(match.group(1)) + (1 if step % 2 else -1)
    path.write_bytes(data[: match.start(1)] + str(value).encode() + data[match.end(1) :])


def measure(root: Path, repeat: int) -> list[tuple[str, float, int]]:
    """(what, median seconds, peak RSS KiB) per kind of change."""
    report = Path(tempfile.mkdtemp()) / "report.json"
    validate_once(root, report, [])  # the full run that writes the snapshot
    files = _pick(root)
    originals = {name: (root / rel).read_bytes() for name, rel in files.items()}
    rows: list[tuple[str, float, int]] = []

    def timed(label: str, change: Callable[[int], None]) -> None:
        times, peak = [], 0
        for step in range(repeat):
            change(step)
            took, rss, _ = validate_once(root, report, [])
            times.append(took)
            peak = max(peak, rss)
        rows.append((label, statistics.median(times), peak))

    try:
        timed("nothing changed", lambda step: None)
        timed(
            f"`touch {files['leaf']}` (same bytes)",
            lambda step: os.utime(root / files["leaf"]),
        )
        for name in ("leaf", "supervisor", "group", "division", "organisation"):
            timed(f"a weight edited in {files[name]} ({name})", _editor(root / files[name]))
    finally:
        for name, rel in files.items():
            (root / rel).write_bytes(originals[name])
        validate_once(root, report, [])
    return rows


def _editor(path: Path) -> Callable[[int], None]:
    return lambda step: _edit(path, step)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    root = plan_for(args.people, 0, True, Path(tempfile.mkdtemp()))
    rows = measure(root, args.repeat)
    print(f"| {args.people:,} people: `cascade validate` after | s (median) | peak RSS MiB |")
    print("| --- | ---: | ---: |")
    for label, took, rss in rows:
        print(f"| {label} | {took:.2f} | {rss / 1024:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
