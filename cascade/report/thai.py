"""Thai dates and numbers: Buddhist-era years, Thai month names, Thai digits.

Pure functions, shared by the Jinja filters and the view builders.  A report
keeps one calendar, the Buddhist era (พ.ศ./B.E. = C.E. + 543), in both
languages: the plan names its fiscal year, baselines and periods in it, so
dates follow (fiscal 2569 runs 1 ตุลาคม 2568 – 30 กันยายน 2569, in English
1 October 2568 – 30 September 2569, i.e. 2025–26); the English labels say
"B.E.".  With ``--thai-digits`` every rendered page also goes through
:mod:`cascade.report.digits`, so no number of the visible text escapes.
"""

from __future__ import annotations

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
