"""Benchmark the incremental report: ``cascade report`` after a one-file edit.

    python -m bench.report_warm [--people 5000] [--format html,md] [--repeat 3]

On a copy of a generated plan (``bench/.cache/<N>``, made if missing) it runs
``cascade report PLAN -f FORMATS -o OUT -q`` (a new process each time, the
default options outside CI: the cache on) and prints a Markdown row for:

- the first report (no page list yet: every page rendered; the parse cache
  filled);
- a report with nothing changed;
- a report after two KPI weights of one person's agreement are swapped (a
  person nobody cascades from; the edit alternates, so every run has one);
- for comparison, a cold report (``--no-cache``) into another folder.

Each row: median seconds (and CPU seconds: user + system of the process and
its workers, less sensitive to a busy machine), peak resident memory of the
process tree, and the files the run wrote anew (a new inode: rendered, not kept), with the
machine's load average at the start (the machine may be shared: the seconds
are then upper bounds).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench.report import KIB, watched
from bench.run import CACHE, cascade_command, plan_for

WEIGHT = re.compile(r"^    weight: (\d+)$", re.MULTILINE)


def inodes(folder: Path) -> dict[str, int]:
    """Relative path → inode of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
    }


def run(plan: Path, out: Path, formats: str, extra: list[str]) -> tuple[float, int, int, float]:
    """Seconds, peak tree RSS (KiB), files written anew and CPU seconds (user + system,
    the process and its workers) of one report."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = inodes(out / "report") if (out / "report").exists() else {}
    command = [*cascade_command(), "report", str(plan), "-f", formats, "-o", str(out), "-q"]
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    run = watched(command + extra, env, 0.05)
    took, peak = run.seconds, run.rss
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = done.ru_utime + done.ru_stime - used.ru_utime - used.ru_stime
    after = inodes(out / "report")
    fresh = sum(1 for rel, ino in after.items() if before.get(rel) != ino and "fonts/" not in rel)
    return took, peak, fresh, cpu


def swap_weights(path: Path) -> None:
    """Swap the first two different KPI weights of an agreement (it stays valid)."""
    text = path.read_text(encoding="utf-8")
    spots = list(WEIGHT.finditer(text))
    one = spots[0]
    two = next(s for s in spots[1:] if s.group(1) != one.group(1))
    middle = text[one.end(1) : two.start(1)]
    path.write_text(
        text[: one.start(1)] + two.group(1) + middle + one.group(1) + text[two.end(1) :],
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.report_warm", description=__doc__)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--format", default="html,md")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"load average at start: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="cascade-bench-warm-") as scratch:
        CACHE.mkdir(parents=True, exist_ok=True)
        source = plan_for(args.people, 0, True, Path(scratch))
        plan = Path(scratch) / "plan"
        shutil.copytree(source, plan, ignore=shutil.ignore_patterns(".cascade-cache"))
        person = sorted((plan / "agreements" / "people").iterdir())[-1]
        out = Path(scratch) / "out"
        rows = [("first report (cache empty)", [run(plan, out, args.format, [])])]
        rows.append(("nothing changed", [run(plan, out, args.format, [])]))
        edited = []
        for _ in range(args.repeat):
            swap_weights(person)
            edited.append(run(plan, out, args.format, []))
        rows.append((f"weights swapped in {person.relative_to(plan)}", edited))
        cold = [run(plan, Path(scratch) / "cold", args.format, ["--no-cache"])]
        rows.append(("cold, `--no-cache`, for comparison", cold))
    head = f"{args.people:,} people, `-f {args.format}`"
    print(f"| {head} | s (median) | CPU s (median) | peak RSS MiB | files made |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, runs in rows:
        took = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[3] for r in runs)
        peak = max(r[1] for r in runs)
        made = runs[-1][2]
        print(f"| {label} | {took:.2f} | {cpu:.2f} | {peak / KIB:,.0f} | {made:,} |", flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
