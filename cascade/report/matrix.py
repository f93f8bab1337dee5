"""The OS matrix (organisation KPIs × units, gaps marked) and the cascade tree."""

from __future__ import annotations

from cascade.model.plan import PlanModel
from cascade.report.kpis import KpiViews
from cascade.report.refs import Refs
from cascade.report.site_view import Cell, MatrixRow, MatrixView, TreeView, Untraced
from cascade.spec.osmatrix import OSRow

_GAPS = {
    "th": {
        "no_row": "{kpi}: ไม่มีแถวในตาราง OS Matrix (ไม่มีเจ้าภาพ)",
        "no_owner": "{kpi}: ไม่มีหน่วยงานเจ้าภาพ",
        "owner_missing": "{kpi}: เจ้าภาพ {unit} ไม่มีตัวชี้วัดนี้ในคำรับรอง",
        "supporter_missing": "{kpi}: ผู้สนับสนุน {unit} ไม่มีตัวชี้วัดที่ส่งผลต่อตัวชี้วัดนี้",
        "no_agreement": "{kpi}: {unit} ยังไม่มีคำรับรอง",
    },
    "en": {
        "no_row": "{kpi}: no row in the OS matrix (no owner)",
        "no_owner": "{kpi}: no owner unit",
        "owner_missing": "{kpi}: owner {unit} does not carry it in its agreement",
        "supporter_missing": "{kpi}: supporter {unit} has no KPI contributing to it",
        "no_agreement": "{kpi}: {unit} has no agreement yet",
    },
}


def _columns(model: PlanModel) -> list[str]:
    """Units in org-chart order that are named in the matrix or have an agreement."""
    named = set(model.agreements)
    for row in model.osmatrix.rows if model.osmatrix else []:
        named |= {row.owner or "", *row.supporters}
    return [u for u in model.units if u in named and u != model.organisation]


def _row(
    model: PlanModel, refs: Refs, qid: str, row: OSRow | None, columns: list[str]
) -> MatrixRow:
    """One organisation KPI across the units, with its gaps in words."""
    words = _GAPS.get(refs.lang, _GAPS["en"])
    gaps: list[str] = []
    if row is None:
        gaps.append(words["no_row"].format(kpi=qid))
    elif row.owner is None:
        gaps.append(words["no_owner"].format(kpi=qid))
    cells: list[Cell] = []
    for unit in columns:
        role = ""
        if row is not None:
            role = "O" if row.owner == unit else "S" if unit in row.supporters else ""
        agreement = model.agreements.get(unit)
        has = agreement is not None and agreement.carries(qid)
        gap = bool(role) and not has
        if gap:
            key = "owner_missing" if role == "O" else "supporter_missing"
            gaps.append(
                words["no_agreement" if agreement is None else key].format(kpi=qid, unit=unit)
            )
        cells.append(Cell(role, has, gap))
    owner = refs.party(row.owner) if row is not None and row.owner else None
    return MatrixRow(refs.kpi_qid(qid), owner, tuple(cells), tuple(gaps))


def matrix_view(model: PlanModel, refs: Refs) -> MatrixView:
    """Every organisation KPI (then any other row of the matrix) × the units."""
    rows: dict[str, OSRow] = {}
    for spec_row in model.osmatrix.rows if model.osmatrix else []:
        rows.setdefault(model.row_qid(spec_row.kpi), spec_row)
    org = model.org_agreement()
    kpis = [k.qid for k in org.kpis] if org else []
    kpis += [q for q in rows if q not in kpis]
    columns = _columns(model)
    out = [_row(model, refs, qid, rows.get(qid), columns) for qid in kpis]
    return MatrixView(
        tuple(refs.party(u) for u in columns),
        tuple(out),
        tuple(g for r in out for g in r.gaps),
    )


def tree_view(model: PlanModel, refs: Refs, kpis: KpiViews) -> TreeView:
    """Organisation KPI → unit KPIs → individual KPIs; then the untraced KPIs."""
    org = model.org_agreement()
    roots = tuple(kpis.tree(k) for k in org.kpis) if org else ()
    reached: set[str] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        reached.add(node.ref.qid)
        stack.extend(node.children)
    untraced: list[Untraced] = []
    for agreement in model.agreements.values():
        if agreement.party_type == "organisation":
            continue
        loose = tuple(
            (refs.kpi(k), kpis.kind_label(k)) for k in agreement.kpis if k.qid not in reached
        )
        if loose:
            untraced.append(Untraced(refs.party(agreement.party), loose))
    return TreeView(roots, tuple(untraced))
