"""The report's PDFs: one per party (its agreement and KPI cards), and books.

``write_pdf(view, OUT/report, PdfOptions(...))`` writes ``OUT/report/pdf/``:
``<party>.pdf`` for every agreement (:mod:`cascade.report.pdf_docs` names
them), and with ``book="unit"`` or ``"org"`` the books in ``pdf/books/``.
The documents are rendered by ``jobs`` worker processes
(:mod:`cascade.report.pdf_pool`), each one document at a time, straight into
a staged folder that replaces ``pdf/`` only when every document is made
(:func:`cascade.report.output.staged`); a failure is one :class:`PdfError`
(``RPT001``) and leaves the previous PDFs as they were.  The engine (typst and
Sarabun, the same bytes for the same plan) is :mod:`cascade.report.pdf_engine`.
With a :class:`~cascade.report.reuse.Reuse`, a document whose fingerprint
and file are unchanged is linked from the previous folder, not typeset.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cascade.report.output import link_files, staged
from cascade.report.pdf_docs import BOOKS, Document, documents
from cascade.report.pdf_engine import PdfError, compile_pdf, font_dir, fonts, typst_source
from cascade.report.pdf_markup import template_dir
from cascade.report.pdf_pool import Progress, Typesetting, default_jobs, render_documents
from cascade.report.registry import PageEntry, pdf_parts, registered
from cascade.report.reuse import Reuse, document_key
from cascade.report.site_view import SiteView

__all__ = [
    "BOOKS",
    "Document",
    "PdfError",
    "PdfOptions",
    "PdfResult",
    "compile_pdf",
    "default_jobs",
    "font_dir",
    "fonts",
    "pdf_folder",
    "typst_source",
    "write_pdf",
]

FOLDER = "pdf"


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """What ``--format pdf`` makes: language, digits, books (``none``, ``unit``,
    ``org``), worker processes (0: one per core) and the pages with a PDF form."""

    lang: str = "th"
    thai_digits: bool = False
    book: str = "none"
    jobs: int = 0
    pages: tuple[PageEntry, ...] | None = None


@dataclass(frozen=True, slots=True)
class PdfResult:
    """What was written: the PDF folder, its documents and their pages in all."""

    folder: Path
    documents: tuple[Document, ...]
    pages: int


def pdf_folder(out_dir: Path) -> Path:
    """Where :func:`write_pdf` puts the PDFs: ``out_dir/pdf``."""
    return out_dir / FOLDER


def write_pdf(
    view: SiteView,
    out_dir: Path,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
    reuse: Reuse | None = None,
) -> PdfResult:
    """Write the PDFs of ``view`` into ``out_dir/pdf`` (``out_dir`` is ``OUT/report``).

    Raises :class:`PdfError` or another ``RenderError`` (never a typst or OS
    traceback) when it cannot; :class:`~cascade.report.output.NotOurs` when
    ``out_dir/pdf`` holds files cascade did not write.  With ``reuse``, only the
    documents whose inputs changed are typeset.
    """
    chosen = options or PdfOptions()
    docs = documents(view, chosen.book)
    setting = Typesetting(chosen.lang, chosen.thai_digits, chosen.pages)
    target = pdf_folder(out_dir)
    todo, kept, counts = docs, 0, {}
    if reuse is not None:
        parts = pdf_parts(registered() if chosen.pages is None else chosen.pages)
        key = document_key(chosen.lang, chosen.thai_digits, parts, template_dir())
        todo = reuse.documents_to_make(view, docs, key)
        kept = reuse.kept_pages(FOLDER)
    try:
        with staged(target) as folder:
            link_files(folder, reuse.kept_files(FOLDER) if reuse is not None else {})
            counts = render_documents(view, setting, folder, todo, chosen.jobs, progress)
    except OSError as exc:
        raise PdfError(f"cannot write it: {exc.strerror or exc}", str(target)) from None
    if reuse is not None:
        reuse.save(FOLDER, counts)
    return PdfResult(target, tuple(docs), kept + sum(counts.values()))
