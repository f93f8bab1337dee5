"""What-if timings behind docs/performance.md, measured without changing cascade.

    python -m bench.whatif DIR [--repeat 3]

Each line is the median wall time of one variant over the plan in ``DIR``:

* ``validate_plan`` in a fresh process: as is, with the cyclic GC off, and
  with a large first-generation threshold (what a one-line fix would give);
* parsing only, the cyclic GC paused as in the engine, results dropped file by
  file: PyYAML ``CBaseLoader`` (the benchmark's yardstick), the same with a
  no-op resolver (``BaseResolver`` has no implicit resolvers, so every node
  gets its default tag anyway), cascade's own reader, and the yardstick split
  over one process per core with the plain data pickled back (kept).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import yaml

from cascade.load.reader import parse_text

_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class NoResolveLoader(yaml.CBaseLoader):
    """``CBaseLoader`` without the per-node Python resolver calls."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def _texts(root: Path) -> list[str]:
    files = sorted(p for p in root.rglob("*.y*ml") if not p.name.startswith("."))
    return [p.read_bytes().decode("utf-8-sig") for p in files]


def _load(texts: list[str], loader: type[Any] = yaml.CBaseLoader) -> None:
    """Parse every text and drop the result, as the benchmark's yardstick does."""
    for text in texts:
        for _ in yaml.load_all(text, Loader=loader):
            pass


def _load_chunk(paths: list[str]) -> list[Any]:
    gc.disable()
    texts = [Path(p).read_bytes().decode("utf-8-sig") for p in paths]
    return [doc for text in texts for doc in yaml.load_all(text, Loader=yaml.CBaseLoader)]


def parallel_load(root: Path, workers: int) -> int:
    """Parse in ``workers`` processes; the plain data comes back pickled."""
    files = sorted(str(p) for p in root.rglob("*.y*ml") if not p.name.startswith("."))
    chunks = [files[i::workers] for i in range(workers)]
    with get_context("fork").Pool(workers) as pool:
        return sum(len(docs) for docs in pool.map(_load_chunk, chunks))


def _median_of(repeat: int, run: Callable[[], object]) -> float:
    """Median seconds of ``run``, with the cyclic GC paused as the engine pauses it."""
    times = []
    for _ in range(repeat):
        gc.disable()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
        gc.enable()
        gc.collect()
    return statistics.median(times)


def _inner(mode: str, root: Path) -> None:
    """One ``validate_plan`` in this (fresh) process; prints its seconds."""
    from cascade.engine import validate_plan

    if mode == "gc-off":
        gc.disable()
    elif mode == "gc-threshold":
        gc.set_threshold(100_000, 50, 1000)
    started = time.perf_counter()
    result = validate_plan(root)
    print(f"{time.perf_counter() - started:.4f} {len(result.diagnostics)}")


def _fresh(mode: str, root: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        command = [sys.executable, "-m", "bench.whatif", str(root), "--inner", mode]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        times.append(float(out.split()[0]))
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m bench.whatif DIR [--repeat 3]``."""
    parser = argparse.ArgumentParser(prog="python -m bench.whatif")
    parser.add_argument("root", type=Path, help="a generated plan folder")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        _inner(args.inner, args.root)
        return 0
    rows: list[tuple[str, float]] = []
    for mode in ("as-is", "gc-off", "gc-threshold"):
        rows.append((f"validate_plan, fresh process, {mode}", _fresh(mode, args.root, args.repeat)))
    texts = _texts(args.root)
    rows.append(("parse: CBaseLoader (yardstick)", _median_of(args.repeat, lambda: _load(texts))))
    rows.append(
        (
            "parse: CBaseLoader, no-op resolver",
            _median_of(args.repeat, lambda: _load(texts, NoResolveLoader)),
        )
    )
    rows.append(
        (
            "parse: cascade.load.reader.parse_text",
            _median_of(args.repeat, lambda: [parse_text(t, "f.yaml") and None for t in texts]),
        )
    )
    workers = os.cpu_count() or 1
    rows.append(
        (
            f"parse: CBaseLoader in {workers} processes, data pickled back",
            _median_of(args.repeat, lambda: parallel_load(args.root, workers)),
        )
    )
    print(f"| variant ({args.root.name}) | s (median of {args.repeat}) |\n| --- | ---: |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
