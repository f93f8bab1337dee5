"""Periods and rounds of the fiscal year: ``2569-Q2`` → round month 6 of fiscal 2569.

The fiscal year runs October–September and is named by its Buddhist-era
year: fiscal 2569 is 1 Oct 2568 – 30 Sep 2569.  Month 1 of a fiscal year
is October.  A period is the whole year (``2569``, month 12), a quarter
(``2569-Q1`` … ``Q4``: months 3, 6, 9, 12), a half (``2569-H1``, ``H2``:
months 6, 12) or a month (``2569-M01`` … ``M12``); its *round* is the number
of months since October it closes.

Dates are written as text in the Buddhist era, ``YYYY-MM-DD``: ``2569-04-30``
is 30 April 2026 (BE = CE + 543).

The one home of periods: the pattern the schema checks, parsing, the period
in a file name, order, the rounds of a year up to a period, and the month
names of a fiscal year (the words around them live with the report).  This
module imports nothing of cascade: every stage may use it.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

PERIOD_PATTERN = r"^[0-9]{4}(-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])))?$"
r"""A whole period, as the Actuals schema checks it (ASCII digits: Python's ``\d`` would
also take Thai ``๒๕๖๙``)."""
_PERIOD = re.compile(PERIOD_PATTERN)
_IN_NAME = re.compile(r"(?<![0-9])" + PERIOD_PATTERN[1:-1] + r"(?![0-9])")
ROUND_OF = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "H1": 6, "H2": 12}
"""The round (months since October) a quarter or a half closes."""
THAI_MONTHS = (
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
)
EN_MONTHS = ("Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep")
"""Short month names in fiscal order (month 1 is October), Thai and English."""


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A period of a fiscal year and the round (months since October) it closes.

    Periods order by year, then round, then label (``2569-H1`` before
    ``2569-Q2``, both month 6).
    """

    year: int
    month: int
    label: str

    def closes_by(self, period: Period) -> bool:
        """Whether this is a round of ``period``'s fiscal year closing no later than it."""
        return self.year == period.year and self.month <= period.month

    def span(self, lang: str = "th") -> str:
        """The calendar months covered, e.g. ``ต.ค. 2568 – มี.ค. 2569``."""
        end_year = self.year - 1 if self.month <= 3 else self.year
        return f"{month_name(1, lang)} {self.year - 1} – {month_name(self.month, lang)} {end_year}"


def month_name(month: int, lang: str = "th") -> str:
    """The short name of fiscal month ``month``: 1 → ``ต.ค.`` / ``Oct`` (``th`` or ``en``)."""
    names = THAI_MONTHS if lang == "th" else EN_MONTHS
    return names[(month - 1) % 12]


def parse_period(text: str) -> Period | None:
    """``2569-Q2`` → Period(2569, 6, "2569-Q2"); ``None`` when it is not a period."""
    label = text.strip()
    match = _PERIOD.match(label)
    if match is None:
        return None
    part = match.group(2)
    if part is None:
        return Period(int(label[:4]), 12, label)
    month = ROUND_OF[part] if part in ROUND_OF else int(part[1:])
    return Period(int(label[:4]), month, label)


def period_in_name(name: str) -> str | None:
    """The first period written in a file name or stem (``2569-Q2-LAW`` → ``2569-Q2``)."""
    found = _IN_NAME.search(name)
    return found.group(0) if found else None


def rounds_up_to(period: Period, written: Iterable[str]) -> list[Period]:
    """The rounds of ``period``'s year among ``written`` periods, up to ``period``, in order.

    ``period`` itself is always one; a label written twice counts once, text
    that is not a period is passed over.
    """
    found = {period.label: period}
    for text in written:
        other = parse_period(text)
        if other is not None and other.closes_by(period):
            found.setdefault(other.label, other)
    return sorted(found.values())


BE_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""A Buddhist-era date as written in plan files: ``2568-10-01`` (ASCII digits)."""
BE_OFFSET = 543
"""Buddhist era minus common era, in years."""
BE_YEARS = range(2400, 2701)
"""The Buddhist-era years a date may have (as ``fiscal_year``): ``2026-05-05`` is
a Christian-era date written by mistake, not a day in 1483."""
DUE_AFTER_DAYS = 30
"""Days after a round's last month that its results are due, unless the plan says."""


def be_date_problem(text: str) -> str | None:
    """Why ``text`` is not a Buddhist-era date ``YYYY-MM-DD``, or ``None``."""
    if not re.match(BE_DATE_PATTERN, text.strip()):
        return f"'{text}' is not a date; write YYYY-MM-DD in the Buddhist era with digits 0-9"
    year, month, day = (int(part) for part in text.strip().split("-"))
    if year not in BE_YEARS:
        be = year + BE_OFFSET
        hint = f" (a Christian-era year? {year} + 543 = {be})" if be in BE_YEARS else ""
        return f"'{text}' is not a Buddhist-era date: the year is not 2400-2700{hint}"
    try:
        date(year - BE_OFFSET, month, day)
    except ValueError:
        return f"'{text}' is not a date; write YYYY-MM-DD in the Buddhist era"
    return None


def parse_be_date(text: str) -> date | None:
    """``2569-04-30`` (Buddhist era) → ``date(2026, 4, 30)``; ``None`` when it is no
    date (:func:`be_date_problem` says why)."""
    if be_date_problem(text) is not None:
        return None
    year, month, day = (int(part) for part in text.strip().split("-"))
    return date(year - BE_OFFSET, month, day)


def be_date(day: date) -> str:
    """``date(2026, 4, 30)`` → ``2569-04-30``, the Buddhist-era text plan files use."""
    return f"{day.year + BE_OFFSET:04d}-{day.month:02d}-{day.day:02d}"


def month_end(year: int, month: int) -> date:
    """The last day of fiscal month ``month`` (1 = October) of fiscal ``year`` (BE)."""
    calendar_month = (month + 8) % 12 + 1
    calendar_year = year - BE_OFFSET - (1 if month <= 3 else 0)
    return date(calendar_year, calendar_month, monthrange(calendar_year, calendar_month)[1])


def default_due(period: Period, days: int = DUE_AFTER_DAYS) -> date:
    """When a round's results are due by default: ``days`` after its last month ends.

    ``2569-Q2`` (closing March 2569) is due 30 days after 31 March: 30 April 2569.
    """
    return month_end(period.year, period.month) + timedelta(days=days)
