"""``cascade status`` written out: text for the terminal, Markdown for an
issue or a chat message, JSON and CSV for a scheduled job that reminds
collectors (by mail or LINE).  Dates are Buddhist-era ``YYYY-MM-DD``."""

from __future__ import annotations

import json
from typing import Any

from cascade.periods import be_date
from cascade.scoring.export import csv_text
from cascade.scoring.status import RoundStatus, StatusLine

FORMATS = ("text", "markdown", "json", "csv")
CSV_HEADER = (
    "period",
    "due",
    "party",
    "kpi",
    "name",
    "state",
    "at_risk",
    "no_evidence",
    "collector",
    "contact",
    "evidence_asked",
)


def md_escape(text: str) -> str:
    """Text safe in a Markdown table cell: ``|``, ``*``, ``_`` backslashed, lines joined."""
    for special in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        text = text.replace(special, "\\" + special)
    return " ".join(text.split())


def _flags(line: StatusLine) -> str:
    flags = [line.state]
    flags += ["at risk"] if line.at_risk else []
    asked = f" ({line.evidence_asked})" if line.evidence_asked else ""
    flags += [f"no evidence{asked}"] if line.no_evidence else []
    return ", ".join(flags)


def _needs_attention(line: StatusLine) -> bool:
    return line.state in ("missing", "late") or line.at_risk or line.no_evidence


def summary(status: RoundStatus) -> str:
    """One line: the round, its due date, and the counts of each problem."""
    count = {s: sum(1 for ln in status.lines if ln.state == s) for s in ("late", "missing")}
    risk = sum(1 for ln in status.lines if ln.at_risk)
    bare = sum(1 for ln in status.lines if ln.no_evidence)
    return (
        f"{status.period}: due {be_date(status.due)}, as of {be_date(status.as_of)}: "
        f"{count['late']} late, {count['missing']} missing, {risk} at risk, "
        f"{bare} without evidence"
    )


def _reported(lines: tuple[StatusLine, ...]) -> str:
    done = sum(1 for ln in lines if ln.state in ("reported", "n/a"))
    return f"{done}/{len(lines)} reported"


def to_text(status: RoundStatus) -> str:
    """Per party: the share reported, then each KPI that needs attention."""
    out = [summary(status)]
    for party, lines in status.parties():
        out.append(f"{party}  {_reported(lines)}")
        for ln in filter(_needs_attention, lines):
            who = f"  {ln.collector} {ln.contact}".rstrip() if ln.collector else ""
            out.append(f"  {ln.kpi}  {_flags(ln)}{who}")
    return "\n".join(out) + "\n"


def to_markdown(status: RoundStatus) -> str:
    """A summary table per party and a table of the KPIs that need attention."""
    out = [f"## {md_escape(summary(status))}", "", "| party | reported |", "| --- | --- |"]
    out += [f"| {party} | {_reported(lines)} |" for party, lines in status.parties()]
    todo = [ln for ln in status.lines if _needs_attention(ln)]
    if todo:
        out += ["", "| KPI | name | state | collector |", "| --- | --- | --- | --- |"]
        for ln in todo:
            who = md_escape(f"{ln.collector} {ln.contact}".strip())
            out.append(f"| {ln.kpi} | {md_escape(ln.name)} | {md_escape(_flags(ln))} | {who} |")
    return "\n".join(out) + "\n"


def to_data(status: RoundStatus) -> dict[str, Any]:
    """Everything as plain data (for JSON)."""
    return {
        "period": status.period,
        "due": be_date(status.due),
        "as_of": be_date(status.as_of),
        "overdue": status.overdue,
        "kpis": [
            {
                "party": ln.party,
                "kpi": ln.kpi,
                "name": ln.name,
                "state": ln.state,
                "at_risk": ln.at_risk,
                "no_evidence": ln.no_evidence,
                "collector": ln.collector,
                "contact": ln.contact,
                "evidence_asked": ln.evidence_asked,
            }
            for ln in status.lines
        ],
    }


def to_csv(status: RoundStatus) -> str:
    """One row per KPI (UTF-8 with BOM, safe to open in a spreadsheet)."""
    due = be_date(status.due)
    rows = [
        (
            status.period,
            due,
            ln.party,
            ln.kpi,
            ln.name,
            ln.state,
            "yes" if ln.at_risk else "",
            "yes" if ln.no_evidence else "",
            ln.collector,
            ln.contact,
            ln.evidence_asked,
        )
        for ln in status.lines
    ]
    return csv_text(CSV_HEADER, rows)


def render(status: RoundStatus, fmt: str) -> str:
    """``status`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return json.dumps(to_data(status), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return to_csv(status)
    return to_markdown(status) if fmt == "markdown" else to_text(status)
