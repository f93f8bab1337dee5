"""A :class:`Source` as an agreement draft, written like ``cascade new``'s
(cascade.new.yamlout): a header comment, the KPIs in the plans' key order,
TODO comments where the source was silent or unusable, read back and
spec-checked before it is returned."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from ruamel.yaml.comments import CommentedSeq

from cascade.new.agreement import VERSION
from cascade.new.modeline import modeline
from cascade.new.yamlout import check_document, cmap, cseq, dump, header, note, note_before
from cascade.office.context import Context
from cascade.office.convert import Builder
from cascade.office.records import goals_node, signers_node
from cascade.office.source import Problem, Section, Source
from cascade.office.values import number

_THAI = re.compile(r"[\u0e00-\u0e7f]")


@dataclass(frozen=True, slots=True)
class Imported:
    """A drafted agreement and what could not be used."""

    party: str
    text: str
    kpis: int
    problems: tuple[Problem, ...]


def _title(lines: list[str]) -> object:
    thai = next((line for line in lines if _THAI.search(line)), None)
    other = next((line for line in lines if not _THAI.search(line)), None)
    if thai and other:
        return cmap([("th", thai), ("en", other)], flow=True)
    return thai or other


def _kpis(source: Source, context: Context) -> CommentedSeq:
    kpis = cseq()
    counts: Counter[str] = Counter()
    section = None
    for index, found in enumerate(source.kpis):
        key = found.section.place if found.section else ""
        counts[key] += 1
        written = found.section.number if found.section else None
        fallback = f"{written}.{counts[key]}" if written else str(index + 1)
        kpis.append(Builder(source, context, found).build(fallback))
        if found.section is not None and found.section is not section:
            section = found.section
            weight = f" ({section.weight})" if section.weight is not None else ""
            lead = "\n" if index else ""
            note_before(kpis, index, f"{lead}{section.name}{weight}", indent=2)
    _check_ids(source, kpis)
    _check_sections(source)
    return kpis


def _check_ids(source: Source, kpis: CommentedSeq) -> None:
    seen: dict[str, int] = {}
    for index, kpi in enumerate(kpis):
        kpi_id = str(kpi["id"])
        if kpi_id in seen:
            place = source.kpis[index].place
            source.problem(
                place, f"KPI id {kpi_id} again (first at {source.kpis[seen[kpi_id]].place})"
            )
            note(kpi, "id", f"TODO: id {kpi_id} is taken by an earlier KPI")
        seen.setdefault(kpi_id, index)


def _check_sections(source: Source) -> None:
    """A section's weight against its KPIs' (when every one is a plain number)."""
    totals: dict[tuple[str, Decimal], Decimal | None] = {}
    sections: dict[tuple[str, Decimal], Section] = {}
    for found in source.kpis:
        section, cell = found.section, found.cells.get("weight")
        if section is None or section.weight is None:
            continue
        key = (section.name, section.weight)  # a dimension may have several sections
        sections.setdefault(key, section)
        value = number(cell.text) if cell is not None else Decimal(0)
        total = totals.get(key, Decimal(0))
        totals[key] = total + value if total is not None and value is not None else None
    for key, section in sections.items():
        if totals[key] is not None and totals[key] != section.weight:
            source.problem(
                section.place,
                f"the section says weight {section.weight}, its KPIs total {totals[key]}",
            )


def draft_import(
    source: Source, party: str, context: Context, command: str, schema: str | None
) -> Imported:
    """The agreement text of ``party`` drafted from ``source``."""
    doc = cmap([("kind", "Agreement"), ("version", VERSION), ("party", party)])
    title = _title(source.title)
    if title is not None:
        doc["title"] = title
    if source.framework is not None:
        doc["framework"] = source.framework
    goals = goals_node(source, source.goals)
    if goals:
        doc["goals"] = cseq(goals)
    doc["kpis"] = _kpis(source, context)
    signers = signers_node(source, source.signers)
    if signers:
        doc["signatories"] = cseq(signers)
    problems = tuple(source.problems)
    summary = f"{len(source.kpis)} KPIs read from {source.file}"
    if problems:
        summary += f"; {len(problems)} cell(s) could not be used:"
    lines = [summary, *(f"  {p.line()}" for p in problems)]
    note_before(doc, "kpis", "\n" + "\n".join(lines), indent=0)
    shown = f"{party} ({context.party_name})" if context.party_name else party
    top = [
        *([modeline(schema), ""] if schema else []),
        f"ร่างคำรับรองการปฏิบัติราชการ / draft agreement of {shown}",
        f"imported by '{command}' from {source.file}.",
        "TODO: every line marked TODO needs a planner's decision; then run cascade validate.",
    ]
    text = header(top) + dump(doc)
    check_document(text, "Agreement")
    return Imported(party, text, len(source.kpis), problems)
