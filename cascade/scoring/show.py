"""The scorecard in the terminal: one rich table per agreement."""

from __future__ import annotations

from decimal import Decimal
from typing import TextIO

from rich.console import Console
from rich.table import Table

from cascade.qid import id_of
from cascade.scoring.scorecard import Scorecard, ScoreRun
from cascade.spec.common import text_of


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


def _table(card: Scorecard, lang: str) -> Table:
    title = f"{card.party} {card.name} — {card.period}"
    table = Table(title=title, title_justify="left", show_footer=True)
    table.add_column("KPI", footer="total")
    table.add_column("name")
    table.add_column("status")
    table.add_column("weight", justify="right", footer=plain(card.total_weight))
    table.add_column("result", justify="right")
    table.add_column("score", justify="right")
    table.add_column("weighted", justify="right", footer=_n(card.score))
    for line in card.lines:
        flag = " ⚠ at risk" if line.at_risk else ""
        table.add_row(
            id_of(line.qid),
            line.name,
            line.status + flag,
            plain(line.weight),
            plain(line.result),
            f"[{_style(line.score, card.top)}]{_n(line.score)}[/]",
            _n(line.weighted),
        )
    return table


def _rollup(run: ScoreRun) -> Table:
    """Each organisation KPI with the owner's (O) and supporters' (S) KPIs that trace to it."""
    table = Table(title=f"organisation KPIs — {run.period}", title_justify="left")
    table.add_column("KPI")
    table.add_column("owner")
    table.add_column("score", justify="right")
    table.add_column("traced to it (O owner, S supporter)")
    for line in run.rollup:
        parts = ", ".join(f"{q} {role} {_n(s)}" for q, role, s in line.contributions) or "—"
        table.add_row(line.qid, line.owner or "—", _n(line.score), parts)
    return table


def show(run: ScoreRun, out: TextIO, color: bool = False, lang: str = "th") -> None:
    """Print every scorecard of ``run``."""
    console = Console(
        file=out, force_terminal=color, no_color=not color, width=140, highlight=False, emoji=False
    )
    for card in run.scorecards:
        console.print(_table(card, lang))
        summary = f"score {_n(card.score)} / {_n(card.top)} ({_n(card.percent)} %)"
        if card.combined is not None and card.rating is not None:
            summary += f" · combined {_n(card.combined)} % · {text_of(card.rating.name, lang)}"
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
        console.print(_rollup(run))
        console.print()
    if run.pool is not None:
        given = sum((a.amount for a in run.allocations), Decimal(0))
        console.print(f"incentive pool {_n(run.pool)} baht/month; allocated {_n(given)}")
        for a in run.allocations:
            console.print(f"  {a.person}  {a.band:<12} {_n(a.percent)} %  {_n(a.amount)}")
        if run.left_out:
            console.print(f"  left out (no salary): {', '.join(run.left_out)}")
    if run.unit_pool is not None:
        given = sum((a.amount for a in run.unit_allocations), Decimal(0))
        console.print(f"unit incentive pool {_n(run.unit_pool)} baht; allocated {_n(given)}")
        for u in run.unit_allocations:
            console.print(
                f"  {u.unit:<8} {u.band:<12} {_n(u.percent)} %  {plain(u.shares)} shares"
                f"  {_n(u.amount)}"
            )
