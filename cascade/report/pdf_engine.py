"""The PDF engine: typst markup of a view compiled to PDF bytes, set in Sarabun.

The engine is ``typst`` (a PyPI wheel with no system dependencies, in the
optional ``[pdf]`` extra: without it importing this module raises an
``ImportError`` saying what to install) and the
font is the OFL Sarabun from PyPI (``fontpkg-sarabun``), so a fresh machine
with only Python can make the PDF.  WeasyPrint is not used: its PDF text
layer loses SARA AM (``สำเร็จ`` comes out as ``สาเร็จ``); typst's keeps the
Thai exactly (see ``shared/design/PDF-THAI.md``) once GPOS mark positioning
is off (``templates/report/pdf/report.typ`` says why).  System fonts are
ignored and the document has no date, so the same plan gives the same bytes.
Any failure is a :class:`PdfError` (an ``RPT001`` :class:`RenderError`)
with a one-line message.  :mod:`cascade.report.pdf` decides what documents
to make and writes them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import TemplateError

from cascade.report.errors import RenderError, Spot, spot_of
from cascade.report.pdf_markup import MAIN, TEMPLATE_LABEL, TooLong, render_typst, template_dir
from cascade.report.registry import PageEntry
from cascade.report.site_view import SiteView

INSTALL_HINT = (
    "the PDF engine (typst) is not installed; install it with "
    "pip install 'cascade-kpi[pdf]' (make run does), or use --format html,md"
)
try:
    import typst
except ImportError:  # the optional [pdf] extra is not installed
    raise ImportError(INSTALL_HINT) from None

FONT_PACKAGE = "fontpkg_sarabun"
FONT_FAMILY = "Sarabun"
# typst's clock (``datetime.today()``) is pinned: nothing in the PDF depends on the time.
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class PdfError(RenderError):
    """The PDF could not be made; ``str(exc)`` and :attr:`diagnostic` say why."""

    def __init__(self, message: str, file: str = f"{TEMPLATE_LABEL}/{MAIN}", line: int = 0):
        super().__init__(Spot(file, line, f"PDF: {message}").diagnostic())


def font_dir() -> Path:
    """The folder of the Sarabun font files shipped by ``fontpkg-sarabun``."""
    try:
        return Path(str(resources.files(FONT_PACKAGE) / "files"))
    except ModuleNotFoundError:
        raise PdfError("the Sarabun font is not installed (pip install fontpkg-sarabun)") from None


@cache
def fonts() -> typst.Fonts:
    """Sarabun and typst's own fonts, never the machine's: the same PDF anywhere."""
    folder = font_dir()
    found = typst.Fonts(include_system_fonts=False, font_paths=[str(folder)])
    if FONT_FAMILY not in found.families():
        raise PdfError(f"no {FONT_FAMILY} font in {folder} (reinstall fontpkg-sarabun)")
    return found


def typst_source(
    view: SiteView,
    lang: str,
    thai_digits: bool = False,
    pages: tuple[PageEntry, ...] | None = None,
    title: str = "",
) -> str:
    """The typst markup of the PDF; template problems become :class:`PdfError`."""
    try:
        return render_typst(view, lang, thai_digits, pages, title)
    except TooLong as exc:
        raise PdfError(str(exc)) from None
    except TemplateError as exc:
        spot = spot_of(exc, MAIN, [template_dir()], [TEMPLATE_LABEL])
        raise PdfError(spot.message, spot.file, spot.line) from exc


def _typst_message(exc: typst.TypstError) -> str:
    hints = "; ".join(getattr(exc, "hints", None) or [])
    text = getattr(exc, "message", None) or str(exc)
    return f"typst could not compile the report: {text}" + (f" (hint: {hints})" if hints else "")


def compile_pdf(source: str) -> bytes:
    """The PDF of typst ``source``, set in Sarabun; raises :class:`PdfError`."""
    try:
        pdf, warnings = typst.compile_with_warnings(
            source.encode("utf-8"),
            font_paths=fonts(),
            ignore_system_fonts=True,
            timestamp=EPOCH,
        )
    except typst.TypstError as exc:
        raise PdfError(_typst_message(exc)) from None
    missing = [w for w in warnings if "font" in (getattr(w, "message", "") or str(w))]
    if missing:
        raise PdfError(f"typst: {getattr(missing[0], 'message', missing[0])}")
    return pdf


_PAGE = re.compile(rb"/Type\s*/Page\b")


def count_pages(pdf: bytes) -> int:
    """How many pages a typst PDF has (its page objects; typst writes no object streams)."""
    return len(_PAGE.findall(pdf))
