"""The scorecard in the terminal: one rich table per agreement, in the
``--lang`` language (headers, statuses, summary lines), fitting the
terminal's width: long names wrap inside their column (Thai, which has no
spaces between words, is folded), numbers never do."""

from __future__ import annotations

import io
import os
from decimal import Decimal
from typing import TextIO

from rich.console import Console
from rich.table import Table

from cascade.qid import id_of
from cascade.scoring.scorecard import Scorecard, ScoreRun
from cascade.spec.common import text_of
from cascade.vocabulary import SHARED

WORDS: dict[str, tuple[str, str]] = {
    "kpi": SHARED["kpi"],
    "name": ("ชื่อ", "name"),
    "status": SHARED["status"],
    "weight": ("น้ำหนัก", "weight"),
    "result": ("ผล", "result"),
    "score": SHARED["score"],
    "weighted": ("ถ่วงน้ำหนัก", "weighted"),
    "total": SHARED["total"],
    "at risk": ("เสี่ยง", "at risk"),
    "reported": SHARED["reported"],
    "n/a": ("ไม่ประเมิน", "n/a"),
    "not reported": SHARED["not reported"],
    "inherited": ("ใช้ผลต้นทาง", "inherited"),
    "error": ("ผิดพลาด", "error"),
    "combined": ("ผลรวมองค์ประกอบ", "combined"),
    "organisation KPIs": ("ตัวชี้วัดระดับองค์กร", "organisation KPIs"),
    "owner": ("เจ้าภาพ", "owner"),
    "traced": ("ตัวชี้วัดที่ถ่ายทอด (O เจ้าภาพ, S ผู้สนับสนุน)", "traced to it (O owner, S supporter)"),
    "pool": ("วงเงินจูงใจ", "incentive pool"),
    "per month": ("บาท/เดือน", "baht/month"),
    "allocated": ("จัดสรรแล้ว", "allocated"),
    "left out": ("ไม่ได้รับการจัดสรร (ไม่มีเงินเดือน)", "left out (no salary)"),
}
"""The terminal scorecard's words: (Thai, English)."""

FALLBACK_WIDTH = 140
"""The width when neither ``COLUMNS`` nor a terminal tells one (output to a file)."""

NAMES_IN_TABLE = 100
"""From this width on the KPI names sit in the table; below it they are listed under it."""


def word(key: str, lang: str) -> str:
    """``key``'s word in ``lang`` (``th`` or ``en``); unknown keys as they are."""
    pair = WORDS.get(key)
    return key if pair is None else pair[1] if lang == "en" else pair[0]


def terminal_width(out: TextIO) -> int:
    """The width to print ``out`` at: ``COLUMNS`` when set, else the terminal's
    when ``out`` is one, else :data:`FALLBACK_WIDTH`."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(out.fileno()).columns if out.isatty() else FALLBACK_WIDTH
    except (OSError, ValueError, io.UnsupportedOperation):
        return FALLBACK_WIDTH


def _n(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def plain(value: Decimal | None, places: int = 4) -> str:
    """A weight or result as people write it: ``100``, ``2.5``, ``56.4138``."""
    if value is None:
        return "—"
    if value.as_tuple().exponent < -places:  # type: ignore[operator]
        value = value.quantize(Decimal(1).scaleb(-places))
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _style(score: Decimal | None, top: Decimal) -> str:
    if score is None:
        return "dim"
    ratio = score / top
    return "green" if ratio >= Decimal("0.8") else "yellow" if ratio >= Decimal("0.6") else "red"


def _table(card: Scorecard, lang: str, names: bool) -> Table:
    """The scorecard's table; without the name column when ``names`` is false
    (a narrow terminal: :func:`_names` lists them under it)."""
    title = f"{card.party} {card.name} — {card.period}"
    table = Table(title=title, title_justify="left", show_footer=True)
    table.add_column(word("kpi", lang), footer=word("total", lang), no_wrap=True)
    if names:
        table.add_column(word("name", lang), overflow="fold", min_width=12)
    table.add_column(word("status", lang), overflow="fold")
    for key, footer in (
        ("weight", plain(card.total_weight)),
        ("result", ""),
        ("score", ""),
        ("weighted", _n(card.score)),
    ):
        table.add_column(word(key, lang), footer=footer, justify="right", no_wrap=True)
    for line in card.lines:
        flag = f" ⚠ {word('at risk', lang)}" if line.at_risk else ""
        table.add_row(
            id_of(line.qid),
            *([line.name] if names else []),
            word(line.status, lang) + flag,
            plain(line.weight),
            plain(line.result),
            f"[{_style(line.score, card.top)}]{_n(line.score)}[/]",
            _n(line.weighted),
        )
    return table


def _names(card: Scorecard) -> Table:
    """The KPIs' names under a narrow table: id, then the name wrapped beside it."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in card.lines:
        grid.add_row(id_of(line.qid), line.name)
    return grid


def _rollup(run: ScoreRun, lang: str) -> Table:
    """Each organisation KPI with the owner's (O) and supporters' (S) KPIs that trace to it."""
    title = f"{word('organisation KPIs', lang)} — {run.period}"
    table = Table(title=title, title_justify="left")
    table.add_column(word("kpi", lang), overflow="fold")
    table.add_column(word("owner", lang), overflow="fold")
    table.add_column(word("score", lang), justify="right", overflow="fold")
    table.add_column(word("traced", lang), overflow="fold")
    for line in run.rollup:
        parts = ", ".join(f"{q} {role} {_n(s)}" for q, role, s in line.contributions) or "—"
        table.add_row(line.qid, line.owner or "—", _n(line.score), parts)
    return table


def show(
    run: ScoreRun, out: TextIO, color: bool = False, lang: str = "th", width: int | None = None
) -> None:
    """Print every scorecard of ``run`` in ``lang``, no line wider than ``width``
    (default :func:`terminal_width`)."""
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=width or terminal_width(out),
        highlight=False,
        emoji=False,
    )
    names = console.width >= NAMES_IN_TABLE
    for card in run.scorecards:
        console.print(_table(card, lang, names))
        if not names:
            console.print(_names(card))
        score = word("score", lang)
        summary = f"{score} {_n(card.score)} / {_n(card.top)} ({_n(card.percent)} %)"
        if card.combined is not None and card.rating is not None:
            combined = word("combined", lang)
            summary += f" · {combined} {_n(card.combined)} % · {text_of(card.rating.name, lang)}"
        console.print(summary)
        if card.dimensions:
            console.print("  " + " · ".join(f"{k} {_n(v)}" for k, v in card.dimensions))
        for line in card.lines:
            if line.remark:
                console.print(f"  {id_of(line.qid)}: {line.remark}", markup=False)
        for note in card.notes:
            console.print(f"  [dim]{note}[/]")
        if not card.signed:
            console.print("  unsigned: the agreement has not been signed")
        console.print()
    if run.rollup:
        console.print(_rollup(run, lang))
        console.print()
    if run.pool is not None:
        given = sum((a.amount for a in run.allocations), Decimal(0))
        console.print(
            f"{word('pool', lang)} {_n(run.pool)} {word('per month', lang)}; "
            f"{word('allocated', lang)} {_n(given)}"
        )
        for a in run.allocations:
            console.print(f"  {a.person}  {a.band:<12} {_n(a.percent)} %  {_n(a.amount)}")
        if run.left_out:
            console.print(f"  {word('left out', lang)}: {', '.join(run.left_out)}")
    if run.unit_pool is not None:
        given = sum((a.amount for a in run.unit_allocations), Decimal(0))
        console.print(f"unit incentive pool {_n(run.unit_pool)} baht; allocated {_n(given)}")
        for u in run.unit_allocations:
            console.print(
                f"  {u.unit:<8} {u.band:<12} {_n(u.percent)} %  {plain(u.shares)} shares"
                f"  {_n(u.amount)}"
            )
