"""Render user templates in a child process, bounded in time and memory.

The sandbox stops a template from reaching Python internals, but not from
looping 100,000 × 100,000 times or building a string of gigabytes.  So pages
from ``--templates DIR`` render in a child process (``fork`` where there is
one and no other thread runs, else ``forkserver`` or ``spawn``) that:

* caps its address space (``RLIMIT_AS``: what it already maps plus
  ``memory_mb``), so a huge allocation is a ``MemoryError``;
* arms a timer (``SIGALRM``) for each page, whose handler raises inside the
  template code, so the diagnostic still names the template line;
* sends each page back over a pipe as soon as it is done (and the parent
  hands it on at once: :func:`stream_bounded`).

The parent waits for each message at most the page budget plus a grace
period and kills the child if it hears nothing (a loop inside C code that
never returns to Python), naming the page that was being rendered.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType
from typing import Any

from cascade.report.env import EnvOptions, make_env
from cascade.report.errors import RenderError, RenderTimeout, Spot, locate, spot_of
from cascade.report.pages import Page, render_all

GRACE = 2.0  # seconds the parent waits past a page's budget before killing


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-page time budget and memory budget of a user-template render."""

    seconds: float = 5.0
    memory_mb: int = 512


@dataclass(frozen=True, slots=True)
class Job:
    """What the child renders: the pages and how to build its environments."""

    env: EnvOptions
    pages: tuple[Page, ...]
    shown: tuple[str, ...]
    limits: Limits

    def roots(self) -> list[Path]:
        return self.env.roots()


def _mapped_bytes() -> int:
    """The address space this process maps now (0 when unknown)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    mapped = _mapped_bytes()
    if mapped == 0:
        return
    limit = mapped + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise RenderTimeout()


def _child(job: Job, conn: Connection) -> None:
    """Render every page, sending ``start``/``page`` messages, then ``done`` or ``error``."""
    limits = job.limits
    current = ""
    timer = hasattr(signal, "setitimer")
    try:
        _limit_memory(limits.memory_mb)
        if timer:
            signal.signal(signal.SIGALRM, _on_alarm)
        envs = {fmt: make_env(fmt, job.env) for fmt in {p.fmt for p in job.pages}}

        def started(page: Page) -> None:
            nonlocal current
            current = page.template
            conn.send(("start", page.template))
            if timer:
                signal.setitimer(signal.ITIMER_REAL, limits.seconds)

        for page, text in render_all(envs, job.pages, started):
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
            conn.send(("page", page.fmt, page.out, text))
        conn.send(("done",))
    except BaseException as exc:  # every failure becomes a message, never a traceback
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
        spot = spot_of(exc, current, job.roots(), list(job.shown), limits.seconds, limits.memory_mb)
        with contextlib.suppress(BaseException):  # else the parent reports a lost child
            conn.send(("error", spot.file, spot.line, spot.message))
    finally:
        conn.close()


def child_context() -> Any:
    """``fork`` (quick) while this process has one thread; else a clean child.

    Forking a process that runs other threads (``report --serve`` has its
    HTTP server's) may copy a lock another thread holds and hang the child;
    ``forkserver`` starts children from a fresh single-threaded server.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _fail(job: Job, template: str, text: str) -> RenderError:
    file = locate(template, job.roots(), list(job.shown)) if template else job.shown[0]
    return RenderError(Spot(file, 0, text).diagnostic())


def render_bounded(
    job: Job, progress: Callable[[str], None] | None = None
) -> dict[tuple[str, str], str]:
    """``(fmt, out) → text`` of every page; raises :class:`RenderError`."""
    return dict(stream_bounded(job, progress))


def stream_bounded(
    job: Job, progress: Callable[[str], None] | None = None
) -> Iterator[tuple[tuple[str, str], str]]:
    """``((fmt, out), text)`` of each page as the child sends it; raises
    :class:`RenderError`.  Closing the iterator early stops the child."""
    ctx = child_context()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(job, send), daemon=True)
    process.start()
    send.close()
    current = ""
    wait = job.limits.seconds + GRACE
    try:
        while True:
            if not receive.poll(wait):
                seconds = job.limits.seconds
                raise _fail(
                    job,
                    current,
                    f"the page took longer than {seconds:g} s to render "
                    "and was stopped (a loop too large?)",
                )
            try:
                message = receive.recv()
            except EOFError:
                process.join(1)
                raise _fail(
                    job, current, f"rendering stopped unexpectedly (exit code {process.exitcode})"
                ) from None
            kind = message[0]
            if kind == "start":
                current = message[1]
                if progress is not None:
                    progress(current)
            elif kind == "page":
                yield (message[1], message[2]), message[3]
            elif kind == "error":
                raise RenderError(Spot(message[1], message[2], message[3]).diagnostic())
            else:
                return
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receive.close()
