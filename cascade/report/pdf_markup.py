"""Typst markup for the PDF, rendered from the report's view with Jinja.

typst does not read HTML, so the PDF is not made from the HTML pages: the
templates in ``templates/report/pdf/`` turn the same :class:`SiteView` into
typst markup.  Every ``{{ … }}`` goes through :func:`escape_typst` (Jinja's
``finalize``), so plan data is always text, never markup or code: ``#``,
``$``, ``*``, ``[`` and the rest come out backslashed and line breaks become
``#linebreak();``.  Macro results come back as ``Markup`` and pass unchanged,
as with the Markdown templates.  With ``--thai-digits`` every value's numbers
are written in Thai digits as on the HTML pages (:mod:`cascade.report.digits`),
except in codes: a word with a Latin letter, or an ``id``/``qid`` of a record
of the document (:func:`document_codes`).  Values put into typst *code* (a string
argument) use the ``str`` filter, :func:`typst_string`, instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from cascade.report.digits import thai_digits_text
from cascade.report.env import builtin_dir
from cascade.report.filters import Filters
from cascade.report.labels import labels
from cascade.report.pdf_map import strategy_map_typst
from cascade.report.registry import PageEntry, pdf_parts, registered
from cascade.report.site_view import SiteView
from cascade.report.svg._thai_words import known_words
from cascade.report.view import GoalMap

MAIN = "report.typ"
TEMPLATE_LABEL = "templates/report/pdf"
_FILTERS = ("digits", "num", "grouped", "score", "year", "date")
# Every printable ASCII character that is not a letter, a digit or a space:
# typst reads ``\`` followed by any other character as that character.
_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")
# C0 controls other than tab and newline, and DEL: not text, so dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_THAI = re.compile("[\u0e01-\u0e5b]")
_STRING = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
MAX_TEXT = 10_000
"""Characters of one value the PDF prints at most: typst's line breaking of a
longer run (a 1 MB name) takes minutes per occurrence, so it is refused."""


class TooLong(ValueError):
    """A value too long to print; ``str(exc)`` says which and what to do."""


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    if len(text) > MAX_TEXT:
        raise TooLong(
            f"a text of {len(text):,} characters ({text[:30]!r}…) is too long to print "
            f"(at most {MAX_TEXT:,}); shorten it in the plan or leave out --format pdf"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def escape_typst(value: object) -> str:
    """``value`` as literal text in typst markup: punctuation backslashed,
    each line break a ``#linebreak();``; ``None`` is empty.

    ``ร้อยละ 100% *จริง*`` → ``ร้อยละ 100\\% \\*จริง\\*``.  Thai and other
    non-ASCII text is left as it is.
    """
    escaped = _PUNCT.sub(lambda m: "\\" + m.group(0), _text(value))
    return escaped.replace("\n", "#linebreak();")


def typst_string(value: object) -> Markup:
    """``value`` as a typst string literal, quotes included: ``"a \\"b\\""``."""
    body = "".join(_STRING.get(ch, ch) for ch in _text(value))
    return Markup(f'"{body}"')


def keep_words(markup: str) -> str:
    """Escaped typst markup with each known Thai word (:mod:`cascade.report.svg._thai_words`)
    in an unbreakable ``#box[…];``: typst breaks Thai lines at its own dictionary's
    boundaries, which split งบประมาณ after งบ; the text layer is unchanged."""
    if not _THAI.search(markup):
        return markup
    out: list[str] = []
    done = 0
    for start, end in known_words(markup):
        out += [markup[done:start], "#box[", markup[start:end], "];"]
        done = end
    out.append(markup[done:])
    return "".join(out)


def typst_finalize(value: object) -> Markup:
    """Every ``{{ … }}`` of a typst template, escaped, known Thai words kept whole
    (:func:`keep_words`); macro results pass unchanged."""
    return value if isinstance(value, Markup) else Markup(keep_words(escape_typst(value)))


_CODES: ContextVar[frozenset[str] | None] = ContextVar("pdf_codes", default=None)
"""The codes of the document being rendered, with ``--thai-digits`` (else ``None``)."""


def _visible(value: object) -> str:
    """A value's text as the page shows it: Thai digits while a document with
    ``--thai-digits`` renders (codes kept)."""
    codes = _CODES.get()
    text = _text(value)
    return text if codes is None else thai_digits_text(text, codes)


def digits_finalize(value: object) -> Markup:
    """:func:`typst_finalize` with the numbers of plan text in Thai digits; an
    ``int`` is a template's own count (``colspan: {{ columns }}``, typst code)
    and stays as it is."""
    if isinstance(value, Markup | int):
        return typst_finalize(value)
    return Markup(keep_words(escape_typst(_visible(value))))


def _ids(value: object) -> Iterator[str]:
    if isinstance(value, tuple):
        for item in value:
            yield from _ids(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            item = getattr(value, field.name)
            if field.name in ("id", "qid") and isinstance(item, str):
                yield item
            elif isinstance(item, tuple) or is_dataclass(item):
                yield from _ids(item)


def document_codes(view: SiteView) -> frozenset[str]:
    """Every ``id`` and ``qid`` of the records of ``view``'s agreements (parties,
    KPIs, goals, dimensions): codes, which keep their digits."""
    return frozenset(code for code in _ids(view.agreements) if code)


def goal_map_typst(drawn: GoalMap) -> Markup:
    """A party's own strategy map drawn in typst (:mod:`cascade.report.pdf_map`)."""
    return Markup(
        strategy_map_typst(
            drawn.perspectives, drawn.issues, drawn.goals, lambda line: escape_typst(_visible(line))
        )
    )


def template_dir() -> Path:
    """The folder of the built-in PDF templates."""
    return builtin_dir() / "pdf"


@cache
def make_typst_env(lang: str, thai_digits: bool = False) -> ImmutableSandboxedEnvironment:
    """The environment of the PDF templates: typst escaping, the site's words and filters
    (one per language and digits in a process: its templates compile once)."""
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(template_dir())),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=digits_finalize if thai_digits else typst_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    table: dict[str, Callable[..., Any]] = Filters(lang, thai_digits, "typ").table()
    env.filters.update({name: table[name] for name in _FILTERS})
    env.filters["str"] = typst_string
    env.globals.update({"t": labels(lang), "lang": lang, "thai_digits": thai_digits})
    env.globals["goal_map"] = goal_map_typst
    return env


def document_title(view: SiteView, lang: str) -> str:
    """The PDF's title: ``คำรับรองการปฏิบัติราชการ <organisation> ประจำปีงบประมาณ พ.ศ. <year>``."""
    words = labels(lang, view.sector)
    return (
        f"{words['agreements']} {view.organisation.name} {words['fiscal_year']} {view.fiscal_year}"
    )


def render_typst(
    view: SiteView,
    lang: str,
    thai_digits: bool = False,
    pages: tuple[PageEntry, ...] | None = None,
    title: str = "",
) -> str:
    """The typst source of the PDF: the PDF form of every page that has one (the
    registry's unless ``pages`` is given), by default every agreement of ``view``
    and its KPI cards; ``title`` is the document's (the organisation's by default)."""
    env = make_typst_env(lang, thai_digits)
    chosen = registered() if pages is None else pages
    context = {
        "site": view,
        "t": labels(lang, view.sector),
        "doc_title": title or document_title(view, lang),
        "pdf_parts": pdf_parts(chosen),
    }
    token = _CODES.set(document_codes(view) if thai_digits else None)
    try:
        return env.get_template(MAIN).render(context)
    finally:
        _CODES.reset(token)
