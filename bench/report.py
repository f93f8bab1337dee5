"""Benchmark ``cascade report`` on generated plans: time and peak memory.

    python -m bench.report [--people 2000,20000] [--format html,md,pdf] [--jobs N]

For each size it generates the plan (``bench/.cache/<N>``, reused while the
generator is unchanged), runs ``cascade report PLAN -f FORMATS -q`` once as a
subprocess and prints a Markdown row: people, agreements, PDF pages, seconds,
seconds per 1,000 people, and the peak memory of the whole process tree (the
parent and its PDF workers, sampled every 0.1 s) summed two ways: RSS, which
counts the pages a forked worker shares with its parent twice, and PSS, which
splits them — the figures of ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import CACHE, cascade_command, plan_for

KIB = 1024


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kib(pid: int) -> int:
    """Proportional set size: shared pages (a forked worker's copy of the parent) split."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_kib(pid: int) -> tuple[int, int]:
    """Summed RSS and summed PSS of ``pid`` and all its descendants, in KiB.

    The RSS sum counts a page shared by a forked worker and its parent twice;
    the PSS sum counts it once, so it is the memory the machine really spends.
    """
    rss = pss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        rss += _rss_kib(current)
        pss += _pss_kib(current)
        todo += _children(current)
    return rss, pss


def run_report(plan: Path, out: Path, formats: str, jobs: int) -> tuple[float, int, int, str]:
    """Seconds, peak tree RSS and PSS (KiB) and stdout of one ``cascade report`` run."""
    command = [*cascade_command(), "report", str(plan), "-f", formats, "-o", str(out), "-q"]
    if jobs:
        command += ["--jobs", str(jobs)]
    return watched(command)


def watched(
    command: list[str], env: dict[str, str] | None = None, every: float = 0.1
) -> tuple[float, int, int, str]:
    """Run ``command``: seconds, peak RSS and PSS sums of its process tree (KiB,
    sampled ``every`` seconds) and stdout; stops the benchmark with stderr when it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    )
    peak = peak_pss = 0
    while proc.poll() is None:
        rss, pss = tree_memory_kib(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(every)
    took = time.perf_counter() - started
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"cascade report failed ({proc.returncode}):\n{stderr}")
    return took, peak, peak_pss, stdout


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__)
    parser.add_argument("--people", default="2000", help="sizes, comma-separated")
    parser.add_argument("--format", default="html,md,pdf")
    parser.add_argument("--jobs", type=int, default=0, help="PDF workers (0: one per core)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(
        "| people | PDF files | PDF pages | seconds | s per 1,000 people "
        "| peak RSS sum (MiB) | peak PSS sum (MiB) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="cascade-bench-report-") as scratch:
        for people in [int(p) for p in args.people.split(",")]:
            CACHE.mkdir(parents=True, exist_ok=True)
            plan = plan_for(people, args.seed, True, Path(scratch))
            out = Path(scratch) / f"out-{people}"
            took, peak, peak_pss, stdout = run_report(plan, out, args.format, args.jobs)
            files = pages = 0
            for line in stdout.splitlines():
                if line.startswith("wrote ") and " files, " in line:
                    numbers = line.rsplit("(", 1)[1].replace(",", "").split()
                    files, pages = int(numbers[0]), int(numbers[2])
            print(
                f"| {people:,} | {files:,} | {pages:,} | {took:.1f} | "
                f"{took / people * 1000:.1f} | {peak / KIB:,.0f} | {peak_pss / KIB:,.0f} |",
                flush=True,
            )
    print(f"(formats {args.format}, jobs {args.jobs or 'one per core'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
