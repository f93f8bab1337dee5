"""Words that both the terminal scorecard (``cascade/scoring/show.py``) and the
report (``cascade/report/labels.py``) print, as (Thai, English) pairs, so the
two say the same thing the same way.  Scoring may not import the report, so
the shared words live here, below both; this module imports nothing of
cascade.

English is written as it reads in running text (``status``); a report
heading capitalises it with :func:`heading`.
"""

from __future__ import annotations

SHARED: dict[str, tuple[str, str]] = {
    "kpi": ("ตัวชี้วัด", "KPI"),
    "status": ("สถานะ", "status"),
    "score": ("คะแนน", "score"),
    "total": ("รวม", "total"),
    "reported": ("รายงานแล้ว", "reported"),
    "not reported": ("ยังไม่รายงาน", "not reported"),
}
"""The shared words, by the terminal scorecard's keys."""


def heading(pair: tuple[str, str]) -> tuple[str, str]:
    """``pair`` as a column heading: the English word's first letter a capital."""
    thai, english = pair
    return thai, english[:1].upper() + english[1:]
