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
medians.
"""

from __future__ import annotations

import argparse
import asyncio
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


async def measure(
    root: Path, repeat: int, pause: float = 0
) -> tuple[float, float, list[float], list[float]]:
    """Seconds to the first check, and each edit's latency to its error and to its clearing."""
    client = make_test_lsp_client()
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "cascade", "lsp")
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
        first, _, appear, clear = asyncio.run(measure(root, args.repeat, args.pause))
    print(f"people {args.people}: first check {first:.2f} s")
    print(f"edit → error   median {statistics.median(appear):.3f} s  ({len(appear)} edits)")
    print(f"undo → cleared median {statistics.median(clear):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
