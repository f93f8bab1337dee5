"""``cascade new year``: the next fiscal year's plan, started from this one.

A copy of the plan folder where ``fiscal_year`` and the rounds' due dates
move on a year, each KPI's ``baseline`` gains this year's result (from the
latest period's actuals), signatures (``signed_on``, ``acknowledged_on``)
are cleared and the actuals are left behind.  Files are edited with the
round-trip YAML of ``cascade fmt``: comments, order and quoting survive.
"""

from __future__ import annotations

import io
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from cascade.fileio import atomic_write
from cascade.fmt.layout import seq_style
from cascade.fmt.rtyaml import make_yaml
from cascade.model.plan import PlanModel
from cascade.new.common import NewError
from cascade.new.yamlout import cmap
from cascade.periods import parse_be_date, parse_period
from cascade.scoring.inputs import find_row, gather, result_value
from cascade.scoring.policy import resolve

Edit = dict[tuple[str | int, ...], Any]


@dataclass(slots=True)
class NextYear:
    """What ``new year`` did: the folder, the new year, the baselines it added."""

    out: Path
    year: int
    baselines: int = 0
    unsigned: int = 0
    notes: list[str] = field(default_factory=list)


def _results(model: PlanModel) -> tuple[str, dict[str, Decimal]]:
    """This year's result of each KPI with a row of its own in the latest period."""
    periods = [p for p in (parse_period(a.period) for a, _ in model.actuals) if p is not None]
    if not periods:
        return "", {}
    last = max(periods)
    inputs = gather(model, last)
    policy = resolve(model.plan.scoring if model.plan else None)
    found: dict[str, Decimal] = {}
    for kpi in model.kpis.values():
        row, inherited = find_row(kpi, inputs.rows)
        if row is None or inherited or row.result.status == "n/a":
            continue
        value, _ = result_value(kpi, row.result)
        if value is not None:
            found[kpi.qid] = policy.round(value)
    return last.label, found


def _shift(day: str) -> str:
    """A Buddhist-era date one year on (29 Feb becomes 28 Feb)."""
    parsed = parse_be_date(day)
    if parsed is None:
        return day
    year, month, date_ = int(day[:4]) + 1, parsed.month, parsed.day
    if (month, date_) == (2, 29):
        date_ = 28
    return f"{year:04d}-{month:02d}-{date_:02d}"


def _edit(path: Path, edits: dict[int, list[tuple[tuple[str | int, ...], Any]]]) -> None:
    """Apply ``edits`` (document → (key path, function of the node)) to ``path``."""
    text = path.read_text(encoding="utf-8")
    yaml = make_yaml()
    docs = list(yaml.load_all(text))
    yaml = make_yaml(seq_style(docs))
    yaml.explicit_start = text.lstrip().startswith("---")
    for doc, changes in edits.items():
        for keys, change in changes:
            node = docs[doc]
            for key in keys:
                node = node[key]
            change(node)
    out = io.StringIO()
    yaml.dump_all(docs, out)
    atomic_write(path, out.getvalue())


def _plan_edit(year: int) -> Any:
    def change(plan: CommentedMap) -> None:
        plan["fiscal_year"] = str(year)
        rounds = plan.get("rounds")
        due = rounds.get("due") if isinstance(rounds, CommentedMap) else None
        if isinstance(due, CommentedMap):
            for month in list(due):
                due[month] = _shift(str(due[month]))

    return change


def _baseline(year: int, value: Decimal) -> Any:
    def change(kpi: CommentedMap) -> None:
        base = kpi.get("baseline")
        if not isinstance(base, CommentedMap):
            base = cmap(flow=True)
            kpi["baseline"] = base
        base[str(year)] = format(value.normalize(), "f")

    return change


def _unsign(signatory: CommentedMap) -> None:
    for key in ("signed_on", "acknowledged_on"):
        signatory.pop(key, None)


def start_next_year(root: Path, model: PlanModel, out: Path) -> NextYear:
    """Copy the plan at ``root`` to ``out`` as the next fiscal year's plan."""
    if model.plan is None:
        raise NewError("the plan has no cascade.yaml to start the next year from")
    if out.resolve().is_relative_to(root.resolve()):
        raise NewError(f"{out} is inside the plan {root}; choose a folder outside it")
    if out.exists() and any(out.iterdir()):
        raise NewError(f"{out} is not empty; choose another --out")
    year = model.plan.fiscal_year
    left = {where.file for _, where in model.actuals}
    skipped = {".cascade-cache", ".git", model.plan.output}

    def ignore(folder: str, names: list[str]) -> set[str]:
        rel = Path(folder).relative_to(root)
        return {n for n in names if n in skipped or (rel / n).as_posix() in left}

    shutil.copytree(root, out, ignore=ignore, dirs_exist_ok=True)
    (out / "actuals").mkdir(exist_ok=True)
    done = NextYear(out, year + 1)
    edits: dict[str, dict[int, list[tuple[tuple[str | int, ...], Any]]]] = defaultdict(dict)
    edits[model.plan_where.file].setdefault(0, []).append(((), _plan_edit(year + 1)))
    period, results = _results(model)
    for agreement in model.agreements.values():
        where = agreement.where
        changes = edits[where.file].setdefault(where.doc, [])
        for kpi in agreement.kpis:
            if kpi.qid in results:
                changes.append((kpi.where.path, _baseline(year, results[kpi.qid])))
                done.baselines += 1
        for i, signer in enumerate(agreement.signatories):
            if signer.signed_on or signer.acknowledged_on:
                changes.append(((*where.path, "signatories", i), _unsign))
                done.unsigned += 1
    for file, by_doc in edits.items():
        _edit(out / file, by_doc)
    if period:
        done.notes.append(f"baselines for {year} are the results of {period}")
    done.notes.append("titles and texts that name the year are left as written")
    return done
