"""Periods and rounds: ``2569-Q2`` → round month 6 of fiscal year 2569.

The fiscal year runs October–September and is named by its Buddhist-era
year: fiscal 2569 is 1 Oct 2568 – 30 Sep 2569.  Month 1 of a fiscal year
is October.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PATTERN = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|M(?:0[1-9]|1[0-2])))?$")
ROUND_OF = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "H1": 6, "H2": 12}
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


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A period of a fiscal year and the round (months since October) it closes."""

    year: int
    month: int
    label: str

    def span(self, lang: str = "th") -> str:
        """The calendar months covered, e.g. ``ต.ค. 2568 – มี.ค. 2569``."""
        names = THAI_MONTHS if lang == "th" else EN_MONTHS
        end_year = self.year - 1 if self.month <= 3 else self.year
        return f"{names[0]} {self.year - 1} – {names[self.month - 1]} {end_year}"


def parse_period(text: str) -> Period | None:
    """``2569-Q2`` → Period(2569, 6); ``None`` when it is not a period."""
    match = PATTERN.match(text.strip())
    if match is None:
        return None
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return Period(year, 12, text.strip())
    month = ROUND_OF[part] if part in ROUND_OF else int(part[1:])
    return Period(year, month, text.strip())
