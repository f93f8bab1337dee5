"""Ctrl-C and SIGTERM at any moment: exit 130 (143), no traceback, no temp files left.

Each run is a real ``cascade`` process.  To stop it at a chosen moment
without timing races, a tiny launcher pauses the command at that point (the
report's files written into its staging folder, not yet swapped in) and
says so on stdout; the test then sends the signal.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.conftest import MINIMAL, ROOT

PAUSED = textwrap.dedent(
    """
    import sys, time
    import cascade.report.output as output
    seal = output._seal
    def paused(folder):
        seal(folder)
        print("staged", flush=True)
        time.sleep(60)
    output._seal = paused
    from cascade.cli.start import entry
    sys.argv = ["cascade", *sys.argv[1:]]
    entry()
    """
)


def _launch(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_report_stopped_while_writing_leaves_the_old_report_and_no_temp_files(
    tmp_path: Path,
) -> None:
    """SIGTERM (Ctrl-C takes the same path: both raise, see the validate test)."""
    sig, code = signal.SIGTERM, 143
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "cascade", "report", str(MINIMAL), "-o", str(out), "-f", "md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    process = _launch(PAUSED, "report", str(MINIMAL), "-o", str(out), "-f", "md")
    assert process.stdout is not None
    assert process.stdout.readline() == "staged\n"
    assert [p.name[:8] for p in (out / "report").iterdir()] == [".md.new-", "md"] or [
        p.name[:8] for p in (out / "report").iterdir()
    ] == ["md", ".md.new-"]
    process.send_signal(sig)
    _, err = process.communicate(timeout=30)
    assert process.returncode == code
    assert err == "interrupted\n"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


def test_ctrl_c_while_validating_exits_130_without_a_traceback() -> None:
    slow = textwrap.dedent(
        """
        import sys, time
        import cascade.pipeline as pipeline
        semantic = pipeline.semantic_stage
        def paused(*args, **kwargs):
            print("checking", flush=True)
            time.sleep(60)
        pipeline.semantic_stage = paused
        from cascade.cli.start import entry
        sys.argv = ["cascade", *sys.argv[1:]]
        entry()
        """
    )
    process = _launch(slow, "validate", str(ROOT / "plans" / "probation"))
    assert process.stdout is not None
    assert process.stdout.readline() == "checking\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out) == (130, "")
    assert err == "interrupted\n"


def test_ctrl_c_while_cascade_starts_exits_130_quietly() -> None:
    """Importing the console script's module installs the quiet handler (before
    ``main`` runs: importing typer, the engine …), and imports nothing more."""
    starting = textwrap.dedent(
        """
        import os, signal, sys
        before = set(sys.modules)
        from cascade.cli import start
        assert sorted(set(sys.modules) - before) == [
            "__future__", "cascade", "cascade.cli", "cascade.cli.start"
        ], sorted(set(sys.modules) - before)
        os.kill(os.getpid(), signal.SIGINT)
        import cascade.cli.app
        print("not reached")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", starting], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "interrupted\n")


def _marked(mark: str) -> list[int]:
    """The processes whose environment carries ``mark`` (a report and its workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_pdf_workers_die_with_a_report_killed_outright(tmp_path: Path) -> None:
    """``kill -9`` gives the report no chance to stop its PDF workers: the kernel
    does (they asked it to when they started)."""
    mark = f"CASCADE_TEST_MARK={tmp_path.name}"
    env = {**os.environ, "CASCADE_TEST_MARK": tmp_path.name, "CI": "true"}
    command = [sys.executable, "-m", "cascade", "report", str(ROOT / "plans" / "probation")]
    proc = subprocess.Popen(
        [*command, "-f", "pdf", "--jobs", "2", "-q", "-o", str(tmp_path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while len(_marked(mark)) < 4 and proc.poll() is None:  # report, forkserver, 2 workers
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    assert proc.poll() is None, "the report ended before it could be killed"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while _marked(mark):
        assert time.monotonic() < deadline, f"left running: {_marked(mark)}"
        time.sleep(0.05)
