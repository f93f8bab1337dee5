"""Putting a drafted KPI or unit into the plan: the YAML to paste (with a
first line saying where), or the item appended to its file with the file's
comments kept (``--append``); a plan without an org chart gets a new
``org.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedSeq

from cascade.fileio import atomic_write
from cascade.model.plan import PlanModel
from cascade.new.common import NewError
from cascade.new.files import Appended, append_item, write_new
from cascade.new.kpi import Skeleton
from cascade.new.modeline import modeline, schema_ref
from cascade.new.target import agreement_file
from cascade.new.unit import OrgChartEntry, orgchart_at
from cascade.new.yamlout import cmap, cseq, dump, header, note_last

ORG_FILE = "org.yaml"
"""The org chart a plan without one gets."""


@dataclass(frozen=True, slots=True)
class Added:
    """The file an item went into and what the planner should know (such as
    how many of its other lines ruamel.yaml rewrote)."""

    path: Path
    notes: tuple[str, ...] = ()


def _write_appended(path: Path, done: Appended) -> Added:
    atomic_write(path, done.text)
    if not done.rewritten:
        return Added(path)
    return Added(
        path, (f"ruamel.yaml rewrote {done.rewritten} other line(s) of {path}: check them",)
    )


def _listed(key: str, items: CommentedSeq) -> str:
    """``items`` as the lines under ``key:`` (without the ``key:`` line)."""
    return dump(cmap([(key, items)])).split("\n", 1)[1]


def kpi_snippet(model: PlanModel, skeleton: Skeleton, party: str) -> str:
    """The KPI to paste: a comment naming the file, then the ``kpis:`` item."""
    where = agreement_file(model, party)
    first = f"# KPI {skeleton.id} for {party}: paste it under 'kpis:' in {where}\n"
    return first + _listed("kpis", cseq([skeleton.kpi]))


def append_kpi(root: Path, skeleton: Skeleton, party: str) -> Added:
    """Append the KPI to ``party``'s agreement file; :class:`NewError` when it has none."""
    agreement = skeleton.agreement
    if agreement is None:
        raise NewError(
            f"{party} has no agreement to append to; draft one first: "
            f"cascade new agreement {root} --party {party}"
        )
    path = root / agreement.where.file
    comment = "added by 'cascade new kpi': TODO fill in the KPI template"
    done = append_item(path, agreement.where.doc, "kpis", skeleton.kpi, "Agreement", comment)
    return _write_appended(path, done)


def unit_snippet(model: PlanModel, entry: OrgChartEntry, unit_id: str) -> str:
    """The unit to paste: a comment naming the org-chart file, then the ``units:`` item."""
    where = orgchart_at(model)
    units = cseq([entry.unit])
    if entry.todo:
        note_last(units, entry.todo)
    file = where.file if where is not None else ORG_FILE
    return f"# unit {unit_id}: paste it under 'units:' in {file}\n" + _listed("units", units)


def add_unit(root: Path, model: PlanModel, entry: OrgChartEntry) -> Added:
    """Append the unit to the org chart (comments kept), or write a new ``org.yaml``."""
    where = orgchart_at(model)
    if where is None:
        path = root / ORG_FILE
        ref, note = schema_ref(root, path, "OrgChart")
        units = cseq([entry.unit])
        if entry.todo:
            note_last(units, entry.todo)
        doc = cmap([("kind", "OrgChart"), ("version", "cascade/v1"), ("units", units)])
        write_new(path, header([modeline(ref)]) + dump(doc))
        return Added(path, notes=(note,) if note else ())
    path = root / where.file
    done = append_item(
        path, where.doc, "units", entry.unit, "OrgChart", match_flow=True, todo=entry.todo
    )
    return _write_appended(path, done)
