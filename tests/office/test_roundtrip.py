"""Every agreement of the example plans, exported to .xlsx and .docx and
imported back, is the same agreement (see docs/import.md for the one
difference: a title given in English only comes back as plain text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cascade.engine import check_plan
from cascade.load.reader import parse_text
from cascade.model.plan import PlanModel
from cascade.office.context import plan_context
from cascade.office.docx_read import read_docx
from cascade.office.docx_write import document_bytes
from cascade.office.draft import draft_import
from cascade.office.forms import agreement_form
from cascade.office.xlsx_read import read_xlsx
from cascade.office.xlsx_write import workbook_bytes
from cascade.spec.agreement import Agreement
from tests.conftest import ROOT


def _model(name: str) -> PlanModel:
    checked = check_plan(ROOT / "plans" / name)
    assert checked.model is not None and not checked.result.errors
    return checked.model


NOT_IN_FORMS = {"variables": None, "evidence": None}
"""KPI fields the forms do not carry yet (docs/import.md): they come back empty."""


def _expected(agreement: Agreement) -> dict[str, Any]:
    data = agreement.model_dump()
    data["kpis"] = [kpi | NOT_IN_FORMS for kpi in data["kpis"]]
    title = data["title"]
    if isinstance(title, dict) and len([v for v in title.values() if v]) == 1:
        data["title"] = next(v for v in title.values() if v)
    return data


@pytest.mark.parametrize("plan", ["probation", "acme"])
def test_every_agreement_comes_back_from_xlsx_and_docx(plan: str, tmp_path: Path) -> None:
    model = _model(plan)
    assert len(model.agreements) >= 4
    for party, agreement in model.agreements.items():
        form = agreement_form(model, agreement)
        for kind in ("xlsx", "docx"):
            path = tmp_path / f"{party}.{kind}"
            if kind == "xlsx":
                path.write_bytes(workbook_bytes(form))
                source = read_xlsx(path, None, None)
            else:
                path.write_bytes(document_bytes(form))
                source = read_docx(path)
            draft = draft_import(source, party, plan_context(model, party), "import", None)
            assert draft.problems == (), (party, kind)
            back = Agreement.model_validate(parse_text(draft.text, party).documents[0])
            assert back.model_dump() == _expected(agreement.spec), (party, kind)
