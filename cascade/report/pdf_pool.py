"""Render PDF documents in worker processes, one document at a time each.

The workers are clean ``forkserver`` children (``spawn`` where there is no
forkserver): a forked child would inherit the parent's whole heap, the plan
and its view, and copy it page by page as its garbage collector touches it.
Each worker is started with what a party's PDF sees of the site
(:func:`~cascade.report.pages.party_site`: the organisation, the year, none of
the lists that grow with the plan) and is sent, with each
:class:`~cascade.report.pdf_docs.Document`, just that document's agreements.
It renders their typst markup, compiles it, writes the file into the staged
PDF folder and sends back its page count. So a worker's memory is that of its
largest document whatever the size of the plan, and the parent never holds a
page. A failure comes back as a diagnostic; a worker that dies (typst
aborting) stops the run with a :class:`PdfError` naming the documents in hand,
never a traceback or a hang.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from cascade.diagnostics import Diagnostic
from cascade.report.errors import RenderError
from cascade.report.pages import party_site
from cascade.report.pdf_docs import Document
from cascade.report.pdf_engine import (
    PdfError,
    compile_pdf,
    count_pages,
    typst_source,
)
from cascade.report.registry import PageEntry
from cascade.report.site_view import SiteView
from cascade.report.view import AgreementView

Progress = Callable[[int, int, int], None]
"""Told after each document: documents done, documents in all, pages so far."""


@dataclass(frozen=True, slots=True)
class Typesetting:
    """How every document is typeset: language, digits, the pages with a PDF form."""

    lang: str
    thai_digits: bool = False
    pages: tuple[PageEntry, ...] | None = None


_WORK: tuple[SiteView, Typesetting, Path] | None = None


def _exit_with(report: int) -> None:
    """Exit this worker as soon as the ``report`` process does (Linux: a thread
    waits on its pidfd).  A report killed outright (``kill -9``, the
    out-of-memory killer) cannot stop its workers, and a forkserver's children
    keep each other alive: they would go on typesetting into a folder nobody
    will swap in."""
    try:
        handle = os.pidfd_open(report)
    except ProcessLookupError:  # gone already
        os._exit(1)
    except (AttributeError, OSError):  # pragma: no cover - not Linux 5.3+
        return

    def wait() -> None:
        select.select([handle], [], [])
        os._exit(1)

    threading.Thread(target=wait, name="cascade-report-watch", daemon=True).start()


def _start(view: SiteView, setting: Typesetting, folder: Path, report: int) -> None:
    global _WORK
    _exit_with(report)
    _WORK = (view, setting, folder)


def agreements_of(view: SiteView, doc: Document) -> tuple[AgreementView, ...]:
    """The agreements ``doc`` prints, in order."""
    return tuple(view.agreements[i] for i in doc.agreements)


def make_document(
    view: SiteView,
    setting: Typesetting,
    folder: Path,
    doc: Document,
    chosen: tuple[AgreementView, ...] | None = None,
) -> int:
    """Write ``doc`` into ``folder`` (its ``chosen`` agreements, by default taken
    from ``view``); its page count.  Raises :class:`RenderError`."""
    agreements = agreements_of(view, doc) if chosen is None else chosen
    part = replace(party_site(view), agreements=agreements)  # what its fingerprint covers
    source = typst_source(part, setting.lang, setting.thai_digits, setting.pages, doc.title)
    pdf = compile_pdf(source)
    path = folder / doc.rel
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
    except OSError as exc:
        raise PdfError(f"cannot write it: {exc.strerror or exc}", str(path)) from None
    return count_pages(pdf)


def _work(doc: Document, chosen: tuple[AgreementView, ...]) -> tuple[int, Diagnostic | None]:
    """In a worker: the page count, or the error's diagnostic (plain data that pickles)."""
    assert _WORK is not None, "the worker was not started with _start"
    try:
        return make_document(*_WORK, doc, chosen), None
    except RenderError as exc:
        return 0, exc.diagnostic
    except (RecursionError, MemoryError) as exc:
        message = f"{doc.rel} is too large to typeset ({type(exc).__name__})"
        return 0, PdfError(message).diagnostic


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _in_process(
    docs: list[Document], work: tuple[SiteView, Typesetting, Path], progress: Progress | None
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for done, doc in enumerate(docs, 1):
        counts[doc.rel] = make_document(*work, doc)
        if progress is not None:
            progress(done, len(docs), sum(counts.values()))
    return counts


def render_documents(
    view: SiteView,
    setting: Typesetting,
    folder: Path,
    docs: list[Document],
    jobs: int = 0,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write every document of ``docs`` into ``folder`` with ``jobs`` workers (0: one
    per core; 1: in this process); the page count of each (by its ``rel``).
    Raises :class:`RenderError`."""
    jobs = min(jobs or default_jobs(), len(docs))
    if jobs <= 1:
        return _in_process(docs, (view, setting, folder), progress)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    start = (party_site(view), setting, folder, os.getpid())
    pool = ProcessPoolExecutor(jobs, context, _start, start)
    try:
        return _collect(pool, view, docs, jobs, progress)
    except BrokenProcessPool:  # from submit: a worker died before taking a document
        raise PdfError("a PDF worker stopped unexpectedly (out of memory?)") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    pool: ProcessPoolExecutor,
    view: SiteView,
    docs: Iterable[Document],
    jobs: int,
    progress: Progress | None,
) -> dict[str, int]:
    """Keep ``2 × jobs`` documents in flight (the queue stays small); count the pages."""
    queue = list(docs)
    total, done, pages = len(queue), 0, 0
    counts: dict[str, int] = {}
    queue.reverse()
    flying: dict[Future[tuple[int, Diagnostic | None]], Document] = {}
    while queue or flying:
        while queue and len(flying) < 2 * jobs:
            doc = queue.pop()
            flying[pool.submit(_work, doc, agreements_of(view, doc))] = doc
        finished, _ = wait(flying, return_when=FIRST_COMPLETED)
        for future in finished:
            doc = flying.pop(future)
            try:
                count, error = future.result()
            except BrokenProcessPool:
                names = ", ".join(sorted({doc.rel, *(d.rel for d in flying.values())}))
                raise PdfError(f"a PDF worker stopped unexpectedly while making {names}") from None
            if error is not None:
                raise RenderError(error)
            done, pages = done + 1, pages + count
            counts[doc.rel] = count
            if progress is not None:
                progress(done, total, pages)
    return counts
