"""Jinja filters: Thai dates and numbers, links, and Markdown escaping.

Every filter returns a plain ``str`` or a ``Markup`` built from escaped
parts, so a template never gets an object it could climb out of.  Links in
data become links only for ``http``/``https`` URLs (autoescaping alone would
let ``javascript:`` through); anything else is shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from cascade.report.refs import slug
from cascade.report.thai import (
    format_date,
    grouped_number,
    plain_number,
    to_thai_digits,
)
from cascade.report.view import Ref

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_UNSAFE_URL = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\]")


def md_escape(value: object) -> str:
    """Text safe inside Markdown, tables included: specials backslashed, ``&``
    as an entity, line breaks as ``<br>``; ``Markup`` passes unchanged."""
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\r\n", "\n").replace("\n", "<br>")


def web_url(value: object) -> str | None:
    """The URL when it is an absolute http(s) URL without odd characters, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or _UNSAFE_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


class Filters:
    """The filters of one environment: language, digits and output format."""

    def __init__(self, lang: str, thai_digits: bool, ext: str) -> None:
        self.lang = lang
        self.thai = thai_digits
        self.ext = ext

    def digits(self, value: object) -> str:
        text = "" if value is None else str(value)
        return to_thai_digits(text) if self.thai else text

    def num(self, value: Decimal | int | None, places: int | None = None) -> str:
        return self.digits(plain_number(value, places))

    def grouped(self, value: Decimal | int | None) -> str:
        return self.digits(grouped_number(value))

    def score(self, value: Decimal | None) -> str:
        return self.digits("—" if value is None else format(value, "f"))

    def year(self, value: int | None) -> str:
        return self.digits("" if value is None else str(value))

    def date(self, value: date | None, style: str = "long") -> str:
        return "" if value is None else self.digits(format_date(value, self.lang, style))

    def href(self, ref: Ref) -> str:
        if not ref.page:
            return ""
        return f"{ref.page}.{self.ext}" + (f"#{ref.anchor}" if ref.anchor else "")

    def link(self, ref: Ref, text: object = None) -> Markup:
        """A link to the ref's page, or just its text when it has no page."""
        label = ref.name if text is None else text
        target = self.href(ref)
        if self.ext == "md":
            shown = md_escape(label)
            return Markup(f"[{shown}]({target})" if target else shown)
        if not target:
            return escape(label)
        return Markup('<a href="{}">{}</a>').format(target, label)

    def safe_url(self, value: object, text: object = None) -> Markup:
        """A link for an http(s) URL; any other value is shown as plain text."""
        label = value if text is None else text
        url = web_url(value)
        if self.ext == "md":
            if url is None:
                return Markup(md_escape(label))
            return Markup(f"[{md_escape(label)}](<{url}>)")
        if url is None:
            return escape(label)
        return Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url, label)

    def md(self, value: object) -> Markup:
        return Markup(md_escape(value))

    def table(self) -> dict[str, Callable[..., Any]]:
        found: dict[str, Callable[..., Any]] = {
            "digits": self.digits,
            "num": self.num,
            "grouped": self.grouped,
            "score": self.score,
            "year": self.year,
            "date": self.date,
            "href": self.href,
            "link": self.link,
            "safe_url": self.safe_url,
            "anchor": slug,
        }
        if self.ext == "md":
            found["md"] = self.md
        return found
