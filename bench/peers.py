"""Peers of ``cascade validate`` timed on the same generated files.

    python -m bench.peers DIR [--repeat 1]

- ``yamllint -d relaxed DIR``: YAML syntax and style only, one file at a time.
- ``check-jsonschema --schemafile schemas/cascade.schema.json FILE...`` over
  every plan YAML file: each document against cascade's own JSON Schema
  (shape only: no references, weights, cascade or criteria rules).  It reads
  one document per file, so multi-document files (the JobDescription files)
  fail to parse and their documents go unchecked; the run counts them.

Both check far less than ``cascade validate``.  They are installed only for
the benchmark: a tool that is missing is installed into the current
interpreter with ``python -m pip install yamllint check-jsonschema``; if that
fails (offline, no pip), the peer is skipped with a note on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = HERE.parent / "schemas" / "cascade.schema.json"
PACKAGES = ("yamllint", "check-jsonschema")
ARGV_BYTES = 1_000_000  # per check-jsonschema call, well under Linux's ARG_MAX
INSTALL_TIMEOUT = 300


@dataclass
class PeerRun:
    """One timed run of one peer over one plan."""

    tool: str
    checks: str
    seconds: float
    rss_kb: int
    exit_code: int
    findings: str
    calls: int = 1


def _script(name: str) -> str | None:
    """The console script next to this interpreter, else on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    return shutil.which(name)


_install_tried = False


def tool(name: str) -> str | None:
    """Path of a peer's script; installs the peers once if it is missing."""
    global _install_tried
    found = _script(name)
    if found is not None or _install_tried:
        if found is None:
            print(f"note: {name} is not installed; skipping this peer", file=sys.stderr)
        return found
    _install_tried = True
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    command += ["--retries", "1", "--timeout", "15", *PACKAGES]
    print(f"note: {name} missing; running {' '.join(command[1:])}", file=sys.stderr)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        if done.returncode != 0:
            tail = done.stderr.strip()[-500:]
            print(f"note: pip failed ({done.returncode}): {tail}", file=sys.stderr)
    except (OSError, subprocess.SubprocessError) as error:
        print(f"note: pip could not run: {error}", file=sys.stderr)
    found = _script(name)
    if found is None:
        print(f"note: {name} is not available; skipping this peer", file=sys.stderr)
    return found


def _run(command: list[str], cwd: Path, out: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit code; stdout goes to ``out``."""
    with out.open("wb") as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def yamllint(root: Path, scratch: Path) -> PeerRun | None:
    """``yamllint -d relaxed -f parsable DIR``."""
    script = tool("yamllint")
    if script is None:
        return None
    out = scratch / "yamllint.txt"
    took, rss, code = _run([script, "-d", "relaxed", "-f", "parsable", str(root)], root, out)
    warnings = errors = 0
    with out.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            warnings += "[warning]" in line
            errors += "[error]" in line
    return PeerRun(
        "yamllint -d relaxed DIR",
        "YAML syntax and style, file by file",
        took,
        rss,
        code,
        f"{errors:,} errors, {warnings:,} warnings",
    )


def _batches(names: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    size = 0
    for name in names:
        if out[-1] and size + len(name) + 1 > ARGV_BYTES:
            out.append([])
            size = 0
        out[-1].append(name)
        size += len(name) + 1
    return out


def check_jsonschema(root: Path, files: list[Path], scratch: Path) -> PeerRun | None:
    """``check-jsonschema --schemafile schemas/cascade.schema.json FILE...``,
    paths relative to the plan, in as few calls as ARG_MAX allows (usually one)."""
    script = tool("check-jsonschema")
    if script is None:
        return None
    names = [p.relative_to(root).as_posix() for p in files]
    base = [script, "--schemafile", str(SCHEMA), "-o", "json", "--"]
    seconds, rss, code, errors = 0.0, 0, 0, 0
    failed: list[str] = []
    batches = _batches(names)
    for i, batch in enumerate(batches):
        out = scratch / f"check-jsonschema-{i}.json"
        took, peak, status = _run([*base, *batch], root, out)
        seconds, rss, code = seconds + took, max(rss, peak), max(code, status)
        try:
            report = json.loads(out.read_text(encoding="utf-8"))
            errors += len(report.get("errors", []))
            failed += [e.get("filename", "") for e in report.get("parse_errors", [])]
        except ValueError:
            print(f"note: check-jsonschema wrote no JSON report ({out})", file=sys.stderr)
    skipped_docs = sum(_documents(root / name) for name in failed)
    return PeerRun(
        "check-jsonschema, cascade.schema.json",
        "each document's shape against cascade's JSON Schema",
        seconds,
        rss,
        code,
        f"{errors:,} schema errors; {len(failed):,} multi-document files "
        f"({skipped_docs:,} documents) not parsed",
        len(batches),
    )


def _documents(path: Path) -> int:
    """Documents in a generated file: the ``---`` separators plus one."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return 0
    return 1 + sum(line.startswith("---") for line in text.splitlines())


PEERS: dict[str, Callable[[Path, list[Path], Path], PeerRun | None]] = {
    "yamllint": lambda root, files, scratch: yamllint(root, scratch),
    "check-jsonschema": check_jsonschema,
}


def run_peers(root: Path, files: list[Path], scratch: Path, repeat: int = 1) -> list[PeerRun]:
    """Every available peer over one plan; the median-time run of ``repeat``."""
    runs: list[PeerRun] = []
    for name, measure in PEERS.items():
        tries = [r for _ in range(max(repeat, 1)) if (r := measure(root, files, scratch))]
        if tries:
            tries.sort(key=lambda r: r.seconds)
            runs.append(tries[len(tries) // 2])
        else:
            print(f"note: peer {name} skipped", file=sys.stderr)
    return runs


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m bench.peers DIR [--repeat 1]``."""
    from bench.run import plan_files

    parser = argparse.ArgumentParser(
        prog="python -m bench.peers", description=__doc__.split("\n")[0]
    )
    parser.add_argument("root", type=Path, help="a generated plan folder")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    with tempfile.TemporaryDirectory(prefix="cascade-peers-") as tmp:
        for run in run_peers(root, plan_files(root), Path(tmp), args.repeat):
            print(
                f"| {run.tool} | {run.seconds:.2f} s | {run.rss_kb / 1024:.0f} MiB "
                f"| exit {run.exit_code} | {run.calls} call(s) | {run.findings} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
