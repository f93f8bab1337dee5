"""Benchmark ``cascade lsp``: from an edit to its diagnostic, as an editor sees it.

    python -m bench.lsp [--people 5000] [--repeat 7] [--pause 0]

Starts ``cascade lsp`` over stdio on a generated plan (``bench/.cache/<N>``,
made if missing), waits for the first check, opens one person's agreement,
then times, ``--repeat`` times: a KPI weight changed in the buffer (unsaved)
until the server publishes the weights error for that file (WGT001), and the
edit undone until the error is cleared.  The figures include the server's
wait before it checks (30 ms for an edit after quiet, as here; 150 ms of quiet
within a typing burst).  ``--pause`` waits that many seconds after each
result before the next edit: past 1 s the server's model refresh (a full
run) starts in between, and the edit must not wait for it.  Prints the
medians, and beside them the server's CPU seconds from each edit to its
result (user + system, from ``/proc``; Linux only): on a loaded machine the
wall seconds mostly measure the wait for a core.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import make_test_lsp_client

from bench.run import plan_for

WEIGHT = re.compile(r"weight: (\d+)")


async def _until(check: object, timeout: float = 600) -> float:
    started = time.perf_counter()
    while not check():  # type: ignore[operator]
        if time.perf_counter() - started > timeout:
            raise TimeoutError("no diagnostics in time")
        await asyncio.sleep(0.002)
    return time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (``nan`` without ``/proc``)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(
    root: Path, repeat: int, pause: float = 0, cpu: list[float] | None = None
) -> tuple[float, float, list[float], list[float]]:
    """Seconds to the first check, and each edit's latency to its error and to
    its clearing (the server's CPU seconds for each, edits then undos, into ``cpu``)."""
    client = make_test_lsp_client()
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "cascade", "lsp")
    pid = client._server.pid if client._server is not None else 0
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="bench")],
        )
    )
    await _until(lambda: any(m.message.startswith("checked") for m in client.log_messages))
    first = time.perf_counter() - started
    path = sorted((root / "agreements").rglob("*.yaml"))[-1]
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    match = WEIGHT.search(text)
    assert match is not None, f"{path} has no weight"
    broken = text[: match.start(1)] + str(int(match.group(1)) + 1) + text[match.end(1) :]
    appear, clear = [], []
    version = 1
    for _ in range(repeat):
        for new, wanted, into in ((broken, True, appear), (text, False, clear)):
            await asyncio.sleep(pause)
            before = cpu_seconds(pid)
            version += 1
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)],
                )
            )
            into.append(
                await _until(
                    lambda w=wanted: (
                        (uri in client.diagnostics)
                        and any(d.code == "WGT001" for d in client.diagnostics[uri]) == w
                    )
                )
            )
            if cpu is not None:
                cpu.append(cpu_seconds(pid) - before)
    await client.shutdown_session()
    await client.stop()
    return first, time.perf_counter() - started, appear, clear


def main(argv: list[str] | None = None) -> int:
    """Print the medians for one plan size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pause", type=float, default=0, help="seconds of quiet before each edit")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        root = plan_for(args.people, 0, True, Path(scratch))
        cpu: list[float] = []
        first, _, appear, clear = asyncio.run(measure(root, args.repeat, args.pause, cpu))
    edits, undos = statistics.median(cpu[0::2]), statistics.median(cpu[1::2])
    print(f"people {args.people}: first check {first:.2f} s")
    print(
        f"edit → error   median {statistics.median(appear):.3f} s  "
        f"(server CPU {edits:.3f} s; {len(appear)} edits)"
    )
    print(f"undo → cleared median {statistics.median(clear):.3f} s  (server CPU {undos:.3f} s)")
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
