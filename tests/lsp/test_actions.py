"""Code actions that draft plan text, end to end over stdio (pytest-lsp).

On a copy of plans/probation whose policy asks every unit KPI for a data
source and its overseer's phone (TPL001) and whose LAW carries C1 twice but
not C2 (TRC007).  Each test applies the action's edit to the buffer as the
editor would, lets the server re-check it, and undoes it.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.conftest import ROOT
from tests.lsp.helpers import LAW, actions_at, applied, change, edits_of, opened, until, uri

pytestmark = pytest.mark.asyncio(loop_scope="module")

CONFIG = ClientServerConfig(server_command=[sys.executable, "-m", "cascade", "lsp"])
SEC = "agreements/units/SEC.yaml"
POLICY = "  kpi_template: {unit: [data_source, overseer.phone]}\n"


def _after_law_kpis() -> int:
    """The line (0-based) a KPI appended to LAW's list goes on: the first of the
    comment lines above ``signatories:``."""
    lines = (ROOT / "plans" / "probation" / LAW).read_text(encoding="utf-8").splitlines()
    at = lines.index("signatories:")
    while lines[at - 1].startswith("#"):
        at -= 1
    return at


END = _after_law_kpis()


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("actions") / "probation"
    shutil.copytree(ROOT / "plans" / "probation", target)
    law = (target / LAW).read_text(encoding="utf-8")
    (target / LAW).write_text(law.replace("same_as: C2\n", "same_as: C1\n"), encoding="utf-8")
    plan_file = target / "cascade.yaml"
    policy = plan_file.read_text(encoding="utf-8").replace("policy:\n", "policy:\n" + POLICY)
    plan_file.write_text(policy, encoding="utf-8")
    return target


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, plan: Path) -> AsyncIterator[None]:
    resolve = types.ClientCodeActionResolveOptions(properties=["edit"])  # as VS Code
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    code_action=types.CodeActionClientCapabilities(resolve_support=resolve)
                )
            ),
            workspace_folders=[types.WorkspaceFolder(uri=plan.as_uri(), name="probation")],
        )
    )
    await until(lambda: bool(lsp_client.diagnostics.get(uri(plan, LAW))))
    yield
    await lsp_client.shutdown_session()


def codes(client: LanguageClient, plan: Path, rel: str) -> list[tuple[str, int]]:
    return [(str(d.code), d.range.start.line) for d in client.diagnostics.get(uri(plan, rel), [])]


async def _applied_and_undone(
    client: LanguageClient, plan: Path, rel: str, action: types.CodeAction
) -> list[tuple[str, int]]:
    """The file's diagnostics once the action's edit is made; the edit is then undone."""
    assert action.edit is not None and action.edit.changes is not None
    text = await opened(client, plan, rel)
    before = codes(client, plan, rel)
    change(client, plan, rel, applied(text, action.edit.changes[uri(plan, rel)]), 2)
    await until(lambda: codes(client, plan, rel) != before)
    after = codes(client, plan, rel)
    change(client, plan, rel, text, 3)
    await until(lambda: codes(client, plan, rel) == before)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri(plan, rel)))
    )
    return after


async def test_add_the_missing_common_kpis(client: LanguageClient, plan: Path) -> None:
    found = [d for d in client.diagnostics[uri(plan, LAW)] if d.code == "TRC007"]
    assert [d.message for d in found] == ["LAW's agreement does not carry common KPI 'C2'"]
    actions = await actions_at(client, plan, LAW, found[0].range, found)
    assert [(a.title, a.kind) for a in actions] == [
        ("Add the missing common KPIs (C2)", types.CodeActionKind.QuickFix)
    ]
    drafted = (
        "  # drafted like 'cascade new kpi': TODO fill in the KPI template\n"
        "  - id: A4\n"
        "    goal: LAW-G1  # TODO: one of LAW-G1, LAW-G2, LAW-G3, LAW-G4, LAW-G5\n"
        "    dimension: development\n"
        "    kind: common\n"
        "    same_as: C2  # the rest is inherited: only goal, dimension and weight are its own\n"
        "    weight: 0  # TODO: give it weight and take as much from the others (total 100)\n"
        "\n"
    )
    assert edits_of(actions[0].edit, plan) == [(LAW, END, 0, 0, drafted)]
    after = await _applied_and_undone(client, plan, LAW, actions[0])
    # TRC007 is gone; the draft's weight 0 is the one error, as `cascade new kpi` leaves it
    assert [c for c in after if c[0] != "TPL001"] == [("WGT001", END + 6)]  # its weight line


async def test_fill_the_missing_template_fields(client: LanguageClient, plan: Path) -> None:
    law = [d for d in client.diagnostics[uri(plan, LAW)] if d.code == "TPL001"]
    assert law[0].message.startswith(
        "KPI 'LAW/2-3' does not fill the unit KPI template: data_source, overseer.phone"
    )
    actions = await actions_at(client, plan, LAW, law[0].range, law[:1])
    assert [a.title for a in actions] == [
        "Fill the KPI template fields of LAW/2-3",
        "Insert KPI A4 drafted like 'cascade new kpi'",  # the cursor is in kpis: too
    ]
    assert edits_of(actions[0].edit, plan) == [
        (
            LAW,
            74,
            0,
            0,
            "    data_source: TODO แหล่งข้อมูล\n"
            "    overseer: {name: TODO ชื่อ-นามสกุล, position: TODO, phone: TODO}\n",
        )
    ]
    after = await _applied_and_undone(client, plan, LAW, actions[0])
    assert ("TPL001", 67) not in after and ("TPL001", 78) in after  # 2-3 filled, 2-4 not
    sec = [d for d in client.diagnostics[uri(plan, SEC)] if d.code == "TPL001"]
    flow = await actions_at(client, plan, SEC, sec[0].range, sec[:1])  # - {id: 1-2, …}
    assert edits_of(flow[0].edit, plan) == [
        (
            SEC,
            26,
            96,
            96,
            ", data_source: TODO แหล่งข้อมูล"
            ", overseer: {name: TODO ชื่อ-นามสกุล, position: TODO, phone: TODO}",
        )
    ]
    after = await _applied_and_undone(client, plan, SEC, flow[0])
    assert ("TPL001", 26) not in after and ("TPL001", 28) in after


async def test_insert_a_kpi_drafted_like_cascade_new_kpi(
    client: LanguageClient, plan: Path
) -> None:
    here = types.Range(start=types.Position(60, 4), end=types.Position(60, 4))  # in kpis:
    actions = await actions_at(client, plan, LAW, here, [])
    assert [(a.title, a.kind) for a in actions] == [
        ("Insert KPI A4 drafted like 'cascade new kpi'", types.CodeActionKind.Refactor)
    ]
    assert actions[0].edit is None  # drafted when the editor resolves it
    action = await client.code_action_resolve_async(actions[0])
    inserted = edits_of(action.edit, plan)
    assert [e[:4] for e in inserted] == [(LAW, END, 0, 0)]
    assert inserted[0][4].splitlines()[1:4] == [
        "  - id: A4",
        "    name: TODO ชื่อตัวชี้วัด  # TODO: the KPI's name",
        "    goal: LAW-G1  # TODO: one of LAW-G1, LAW-G2, LAW-G3, LAW-G4, LAW-G5",
    ]
    after = await _applied_and_undone(client, plan, LAW, action)
    new = sorted({c for c in after if c[1] >= END})
    assert {code for code, _ in new} == {"DRF001", "WGT001"}  # TODO placeholders, weight 0
    party = types.Range(start=types.Position(22, 8), end=types.Position(22, 8))  # party: LAW
    assert await actions_at(client, plan, LAW, party, []) == []


async def test_only_the_kinds_the_editor_asks_for(client: LanguageClient, plan: Path) -> None:
    # VS Code asks for quick fixes alone on a diagnostic's hover, and drops any other
    here = types.Range(start=types.Position(60, 4), end=types.Position(60, 4))  # in kpis:
    quick = types.CodeActionKind.QuickFix
    assert await actions_at(client, plan, LAW, here, [], only=[quick]) == []
    refactor = await actions_at(client, plan, LAW, here, [], only=["refactor"])
    assert [a.title for a in refactor] == ["Insert KPI A4 drafted like 'cascade new kpi'"]
    assert await actions_at(client, plan, LAW, here, [], only=["refactor.rewrite"]) == []
    law = [d for d in client.diagnostics[uri(plan, LAW)] if d.code == "TRC007"]
    fixes = await actions_at(client, plan, LAW, law[0].range, law, only=[quick])
    assert [(a.title, a.kind) for a in fixes] == [("Add the missing common KPIs (C2)", quick)]
