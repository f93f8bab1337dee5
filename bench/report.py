"""Benchmark ``cascade report`` on generated plans: time and peak memory.

    python -m bench.report [--people 2000,20000] [--format html,md,pdf] [--jobs N]

For each size it generates the plan (``bench/.cache/<N>``, reused while the
generator is unchanged), runs ``cascade report PLAN -f FORMATS -q`` once as a
subprocess and prints a Markdown row: people, agreements, PDF pages, seconds,
seconds per 1,000 people, CPU seconds (user + system of every process of
the tree, read from ``/proc`` while it runs), the peak memory of the whole
process tree (the parent and its PDF workers, sampled every 0.1 s) summed two
ways: RSS, which counts the pages a forked worker shares with its parent
twice, and PSS, which splits them; and the peak PSS of the parent alone (the
``cascade report`` process) — the figures of ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

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


def _cpu_ticks(pid: int) -> int:
    """User + system clock ticks ``pid`` has used so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of stat


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


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


def run_report(plan: Path, out: Path, formats: str, jobs: int) -> Watched:
    """Seconds, CPU seconds, peak memory and stdout of one ``cascade report`` run."""
    command = [*cascade_command(), "report", str(plan), "-f", formats, "-o", str(out), "-q"]
    if jobs:
        command += ["--jobs", str(jobs)]
    return watched(command)


class Watched(NamedTuple):
    """One run: wall and CPU seconds, peak RSS and PSS sums of the tree, peak PSS
    of the process itself (KiB), and its stdout."""

    seconds: float
    cpu: float
    rss: int
    pss: int
    parent_pss: int
    stdout: str


def watched(command: list[str], env: dict[str, str] | None = None, every: float = 0.1) -> Watched:
    """Run ``command`` and watch its process tree (sampled ``every`` seconds);
    stops the benchmark with stderr when it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    )
    peak = peak_pss = parent = 0
    ticks: dict[int, int] = {}  # the last CPU ticks seen of each process of the tree
    while True:
        done, status, usage = os.wait4(proc.pid, os.WNOHANG)  # its own CPU time, exact
        if done:
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        for pid in tree_pids(proc.pid):
            ticks[pid] = max(ticks.get(pid, 0), _cpu_ticks(pid))
        rss, pss = tree_memory_kib(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        parent = max(parent, _pss_kib(proc.pid))
        time.sleep(every)
    took = time.perf_counter() - started
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"cascade report failed ({proc.returncode}):\n{stderr}")
    ticks.pop(proc.pid, None)
    cpu = sum(ticks.values()) / os.sysconf("SC_CLK_TCK") + usage.ru_utime + usage.ru_stime
    return Watched(took, cpu, peak, peak_pss, parent, stdout)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__)
    parser.add_argument("--people", default="2000", help="sizes, comma-separated")
    parser.add_argument("--format", default="html,md,pdf")
    parser.add_argument("--jobs", type=int, default=0, help="PDF workers (0: one per core)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(
        "| people | PDF files | PDF pages | seconds | CPU seconds | s per 1,000 people "
        "| peak RSS sum (MiB) | peak PSS sum (MiB) | parent peak PSS (MiB) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="cascade-bench-report-") as scratch:
        for people in [int(p) for p in args.people.split(",")]:
            CACHE.mkdir(parents=True, exist_ok=True)
            plan = plan_for(people, args.seed, True, Path(scratch))
            out = Path(scratch) / f"out-{people}"
            run = run_report(plan, out, args.format, args.jobs)
            files = pages = 0
            for line in run.stdout.splitlines():
                if line.startswith("wrote ") and " files, " in line:
                    numbers = line.rsplit("(", 1)[1].replace(",", "").split()
                    files, pages = int(numbers[0]), int(numbers[2])
            print(
                f"| {people:,} | {files:,} | {pages:,} | {run.seconds:.1f} | {run.cpu:.1f} | "
                f"{run.seconds / people * 1000:.1f} | {run.rss / KIB:,.0f} | "
                f"{run.pss / KIB:,.0f} | {run.parent_pss / KIB:,.0f} |",
                flush=True,
            )
    print(f"(formats {args.format}, jobs {args.jobs or 'one per core'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
