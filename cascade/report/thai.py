"""Thai dates and numbers: Buddhist-era years, Thai month names, Thai digits.

Pure functions, shared by the Jinja filters and the view builders.  A report
keeps one calendar, the Buddhist era (พ.ศ./B.E. = C.E. + 543), in both
languages: the plan names its fiscal year, baselines and periods in it, so
dates follow (fiscal 2569 runs 1 ตุลาคม 2568 – 30 กันยายน 2569, in English
1 October 2568 – 30 September 2569, i.e. 2025–26); the English labels say
"B.E.".  With ``--thai-digits`` a rendered page goes through
:func:`thai_digits_html` or :func:`thai_digits_markdown`, so no number of
the visible text escapes, wherever it came from.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from cascade.periods import THAI_MONTHS

BE_OFFSET = 543
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_MONTHS_LONG = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = THAI_MONTHS[3:] + THAI_MONTHS[:3]
"""Calendar order (January first); scoring keeps them in fiscal order (October first)."""
EN_MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DASH = "—"


def to_thai_digits(text: str) -> str:
    """``2569`` → ``๒๕๖๙``; other characters unchanged."""
    return text.translate(THAI_DIGITS)


def fiscal_bounds(year_be: int) -> tuple[date, date]:
    """First and last day of a fiscal year named by its Buddhist-era year."""
    year_ce = year_be - BE_OFFSET
    return date(year_ce - 1, 10, 1), date(year_ce, 9, 30)


def format_date(value: date | datetime, lang: str = "th", style: str = "long") -> str:
    """``1 ตุลาคม 2568`` / ``1 ต.ค. 2568`` in Thai, ``1 October 2568`` in English
    (Buddhist era in both: the report's one calendar)."""
    year = value.year + BE_OFFSET
    if lang == "th":
        months = THAI_MONTHS_SHORT if style == "short" else THAI_MONTHS_LONG
        return f"{value.day} {months[value.month - 1]} {year}"
    month = EN_MONTHS_LONG[value.month - 1]
    return f"{value.day} {month[:3] if style == 'short' else month} {year}"


def format_stamp(value: datetime, lang: str = "th") -> str:
    """A generation time: ``24 พฤศจิกายน 2569 10:31 น.`` / ``24 November 2569 10:31``."""
    clock = value.strftime("%H:%M")
    return f"{format_date(value, lang)} {clock}" + (" น." if lang == "th" else "")


def plain_number(value: Decimal | int | None, places: int | None = None, most: int = 4) -> str:
    """A number as people write it: ``100``, ``2.5``, ``56.4138``; ``—`` for none.

    ``places`` fixes the decimals (``3.5000``); otherwise trailing zeros go and
    at most ``most`` decimals stay (a computed ``56.41379…`` shows ``56.4138``).
    """
    if value is None:
        return DASH
    number = Decimal(value)
    if places is not None:
        return format(number.quantize(Decimal(1).scaleb(-places)), "f")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -most:
        number = number.quantize(Decimal(1).scaleb(-most))
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def grouped_number(value: Decimal | int | None) -> str:
    """A large amount with thousands separators: ``12,500,000``."""
    if value is None:
        return DASH
    number = Decimal(value)
    whole = number == number.to_integral_value()
    return f"{number:,.0f}" if whole else f"{number.normalize():,f}"


# Parts of a page that are not visible text, kept as they are by the Thai-digit pass.
_HTML_KEEP = re.compile(
    r"<(style|script)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&#?\w+;|https?://[^\s<>\"']+",
    re.DOTALL | re.IGNORECASE,
)
_MD_KEEP = re.compile(r"\]\([^)]*\)|<[^>\n]*>|&#?\w+;|https?://[^\s<>)\]|]+")
_MERMAID_LABEL = re.compile(r'"[^"\n]*"')
_MERMAID_ENTITY = re.compile(r"#\w+;")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\w*)")


def _outside(pattern: re.Pattern[str], text: str) -> str:
    """``text`` in Thai digits except where ``pattern`` matches."""
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(to_thai_digits(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(to_thai_digits(text[last:]))
    return "".join(out)


def thai_digits_html(page: str) -> str:
    """Every digit of an HTML page's visible text in Thai digits (SVG text too).

    Tags and their attributes (ids, links, coordinates), entities, URLs and
    ``<style>``/``<script>`` keep ASCII digits.
    """
    return _outside(_HTML_KEEP, page)


def _mermaid_line(line: str) -> str:
    """Only a Mermaid line's quoted labels are read by people; ids stay ASCII."""
    return _MERMAID_LABEL.sub(lambda m: _outside(_MERMAID_ENTITY, m.group(0)), line)


def thai_digits_markdown(page: str) -> str:
    """Every digit of a Markdown page's visible text in Thai digits.

    Link targets, inline HTML, entities and URLs keep ASCII digits; inside a
    fenced ``mermaid`` block only the quoted labels change, inside any other
    fenced block nothing does.
    """
    out: list[str] = []
    fence = ""
    kind = ""
    for line in page.split("\n"):
        opened = _FENCE.match(line)
        if fence and opened and opened.group(1).startswith(fence):
            fence = ""
            out.append(line)
        elif fence:
            out.append(_mermaid_line(line) if kind == "mermaid" else line)
        elif opened:
            fence, kind = opened.group(1), opened.group(2)
            out.append(line)
        else:
            out.append(_outside(_MD_KEEP, line))
    return "\n".join(out)
