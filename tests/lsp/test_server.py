"""`cascade lsp` end to end over stdio (pytest-lsp) on a copy of plans/probation.

One server for the module: the tests run in file order and each leaves the
plan as it found it (an edit is undone before the test ends).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.workspace import PositionCodec
from pytest_lsp import ClientServerConfig, LanguageClient

from cascade.engine import LoadOptions, check_plan
from cascade.lsp.publish import to_lsp
from cascade.lsp.spans import Sources
from tests.conftest import ROOT
from tests.lsp.helpers import (
    DOP,
    LAW,
    OS,
    change,
    cleared,
    complete_at,
    edits_of,
    line_of,
    opened,
    ranges,
    renamed,
    span,
    until,
    uri,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

CONFIG = ClientServerConfig(server_command=[sys.executable, "-m", "cascade", "lsp"])


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled probation plan (the server may write its cache there)."""
    target = tmp_path_factory.mktemp("lsp") / "probation"
    shutil.copytree(ROOT / "plans" / "probation", target)
    return target


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, plan: Path) -> AsyncIterator[None]:
    """The server, initialised on the plan's folder, its first check done."""
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                window=types.WindowClientCapabilities(work_done_progress=True)
            ),
            workspace_folders=[types.WorkspaceFolder(uri=plan.as_uri(), name="probation")],
        )
    )
    await until(lambda: any(m.message.startswith("checked") for m in lsp_client.log_messages))
    yield
    await lsp_client.shutdown_session()


async def test_the_first_check_reports_progress(client: LanguageClient, plan: Path) -> None:
    token = f"cascade-check:{plan}#1"
    await until(lambda: bool(client.progress_reports.get(token)))
    await until(lambda: client.progress_reports[token][-1].kind == "end")
    reports = client.progress_reports[token]
    begin, *middle, end = reports
    assert isinstance(begin, types.WorkDoneProgressBegin)
    assert begin.title == "cascade: checking probation"
    assert [r.kind for r in middle] == ["report"] * len(middle)
    shown = [r.percentage for r in (begin, *middle)]
    assert shown == sorted(shown) and shown[0] >= 0 and shown[-1] <= 100
    assert isinstance(end, types.WorkDoneProgressEnd) and end.message == "checked"
    assert len(client.progress_reports) == 1  # warm checks after edits show none


async def test_a_clean_plan_publishes_nothing(client: LanguageClient) -> None:
    assert client.diagnostics == {}


async def test_an_edit_that_breaks_the_plan_then_fixes_it(
    client: LanguageClient, plan: Path
) -> None:
    text = await opened(client, plan, LAW)
    assert "    same_as: DOP/4.5\n" in text
    change(client, plan, LAW, text.replace("same_as: DOP/4.5", "same_as: DOP/4.9"), 2)
    await until(lambda: bool(client.diagnostics.get(uri(plan, LAW))))
    found = client.diagnostics[uri(plan, LAW)]
    assert ranges(found) == [("REF001", 55, 13, 55, 20)]
    assert "4.9" in found[0].message
    assert found[0].severity == types.DiagnosticSeverity.Error
    change(client, plan, LAW, text, 3)
    await until(lambda: cleared(client, uri(plan, LAW)))


async def test_definition_of_same_as(client: LanguageClient, plan: Path) -> None:
    found = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, LAW)),
            position=types.Position(line=55, character=16),
        )
    )
    assert isinstance(found, list)
    assert [span(loc) for loc in found] == [(uri(plan, DOP), 252, 9, 252, 12)]


async def test_hover_on_same_as_shows_the_parent_kpi(client: LanguageClient, plan: Path) -> None:
    found = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, LAW)),
            position=types.Position(line=55, character=13),
        )
    )
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    assert found.contents.value.split("  \n") == [
        "**KPI DOP/4.5**",
        "ร้อยละของความสำเร็จของการแก้ไข หรือยกเลิกกฎหมาย",
        "party: DOP (กรมคุมประพฤติ / Department of Probation)",
        "weight: 3",
        "target: 80 percent",
        "criteria: 60, 70, 80, 90, 100",
        "owner (O): LAW",
    ]
    assert found.range == types.Range(
        start=types.Position(line=55, character=13), end=types.Position(line=55, character=20)
    )


async def test_references_of_an_organisation_kpi(client: LanguageClient, plan: Path) -> None:
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, DOP)),
            position=types.Position(line=252, character=10),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert found is not None
    # LAW's identical 2-1, the OS matrix, actuals; P0001's 1 (same_as LAW/2-1) and
    # P0012's 1 (contributes to P0001/1), with their actuals: the whole chain down
    q1, q2 = uri(plan, "actuals/2569-Q1.yaml"), uri(plan, "actuals/2569-Q2.yaml")
    assert sorted(span(loc) for loc in found) == [
        (q1, 22, 10, 22, 17),
        (q1, 23, 10, 23, 17),
        (q1, 29, 10, 29, 17),
        (q2, 25, 10, 25, 17),
        (q2, 26, 10, 26, 17),
        (q2, 32, 10, 32, 17),
        (uri(plan, "agreements/people/P0001.yaml"), 27, 13, 27, 20),
        (uri(plan, "agreements/people/P0012.yaml"), 20, 21, 20, 28),
        (uri(plan, LAW), 55, 13, 55, 20),
        (uri(plan, OS), 33, 10, 33, 17),
    ]


async def test_thai_and_emoji_before_an_error_count_in_utf16(
    client: LanguageClient, plan: Path
) -> None:
    text = await opened(client, plan, OS)
    row = "  - {kpi: DOP/1.2, owner: PROB}"
    assert row in text
    broken = '  - {kpi: DOP/1.2, supporters: ["ก😀"], owner: NOPE}'
    change(client, plan, OS, text.replace(row, broken), 2)
    await until(lambda: bool(client.diagnostics.get(uri(plan, OS))))
    line = text[: text.index(row)].count("\n")
    # '  - {kpi: DOP/1.2, supporters: [' is 32 units; '"ก😀"' is 5 UTF-16 units (the
    # emoji is a surrogate pair) though 4 code points: the id's range ends at unit 37.
    # (An id may not hold an emoji, so the error is SPEC005, and it stops the
    # cross-file rules: NOPE's REF001 waits for it.)
    assert ranges(client.diagnostics[uri(plan, OS)]) == [("SPEC005", line, 32, line, 37)]
    change(client, plan, OS, text, 3)
    await until(lambda: cleared(client, uri(plan, OS)))


async def test_hostile_buffers_are_diagnostics_never_a_crash(
    client: LanguageClient, plan: Path
) -> None:
    text = await opened(client, plan, "people.yaml")
    people = uri(plan, "people.yaml")
    change(client, plan, "people.yaml", "kind: People\npeople: [{id: 'P1\n", 2)
    await until(lambda: bool(client.diagnostics.get(people)))
    assert [d.code for d in client.diagnostics[people]] == ["LOAD001"]
    change(client, plan, "people.yaml", "\x00\xff binary \x01 junk", 3)
    # the NUL and the U+0001, each by its code point and place
    await until(lambda: [d.code for d in client.diagnostics.get(people, [])] == ["LOAD005"] * 2)
    change(client, plan, "people.yaml", text, 4)
    await until(lambda: cleared(client, people))


async def test_published_diagnostics_after_edits_equal_a_cold_run(
    client: LanguageClient, plan: Path
) -> None:
    p1, p12 = "agreements/people/P0001.yaml", "agreements/people/P0012.yaml"
    one, twelve = await opened(client, plan, p1), await opened(client, plan, p12)
    edits = [
        (p1, one.replace("weight: 25", "weight: 26", 1)),
        (p12, twelve.replace("weight: 20", "weight: 22", 1)),
        (p1, one),
    ]
    for version, (rel, text) in enumerate(edits, start=2):
        change(client, plan, rel, text, version)
    overlay = ((p1, one), (p12, edits[1][1]))
    cold = check_plan(plan, None, LoadOptions(cache=True, overlay=overlay)).result
    assert [(d.file, d.code) for d in cold.diagnostics] == [(p12, "WGT001")]
    sources, codec = Sources(plan, dict(overlay)), PositionCodec(types.PositionEncodingKind.Utf16)
    expected = [to_lsp(d, plan, sources, codec) for d in cold.diagnostics]

    def settled() -> bool:
        return list(client.diagnostics.get(uri(plan, p12), ())) == expected

    await until(settled)
    assert not client.diagnostics.get(uri(plan, p1))
    change(client, plan, p12, twelve, 5)
    await until(lambda: cleared(client, uri(plan, p12)))


async def test_completion_of_same_as_offers_the_parents_kpis_first(
    client: LanguageClient, plan: Path
) -> None:
    await opened(client, plan, LAW)
    items = await complete_at(client, plan, LAW, 55, 14)  # "    same_as: D|OP/4.5"
    assert [i.label for i in items[:3]] == ["DOP/1.1", "DOP/1.2", "DOP/1.3"]
    assert {i.label.split("/")[0] for i in items} == {"DOP"}  # only the typed "D…" ids
    assert items[3].detail == "ร้อยละของระดับความพึงพอใจของผู้รับบริการ"
    edit = items[0].text_edit
    assert isinstance(edit, types.TextEdit)
    assert (edit.range.start.character, edit.range.end.character) == (13, 14)
    kinds = await complete_at(client, plan, LAW, 54, 10)  # "    kind: |identical"
    assert [i.label for i in kinds] == [
        "identical",
        "contributory",
        "common",
        "unit_specific",
        "supervisor",
        "job",
        "assignment",
        "personal",
    ]
    dims = await complete_at(client, plan, LAW, 53, 15)  # "    dimension: |development"
    assert [i.label for i in dims] == ["effectiveness", "quality", "efficiency", "development"]
    goals = await complete_at(client, plan, LAW, 52, 10)  # "    goal: |LAW-G1"
    assert [i.label for i in goals] == ["LAW-G1", "LAW-G2", "LAW-G3", "LAW-G4", "LAW-G5"]
    assert goals[3].detail == "คำปรึกษาทางกฎหมายและร่างสัญญาของกรมถูกต้องครบถ้วน"
    supports = await complete_at(client, plan, LAW, 46, 15)  # "    supports: [|G9]"
    assert [i.label for i in supports][:3] == ["G1", "G2", "G3"]


async def test_document_symbols_are_goals_and_kpis_with_weights(
    client: LanguageClient, plan: Path
) -> None:
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri(plan, LAW)))
    )
    assert found is not None
    assert len(found) == 13  # LAW's 5 goals and 8 KPIs (2-1 … 2-7, A3)
    first, kpi = found[0], found[5]
    assert (first.name, first.kind) == (
        "LAW-G1 กฎหมายที่เป็นอุปสรรคต่อการปฏิบัติราชการได้รับการแก้ไขหรือยกเลิกตามกำหนด",
        types.SymbolKind.Namespace,
    )
    assert (kpi.name, kpi.detail) == ("2-1 ร้อยละของความสำเร็จของการแก้ไข หรือยกเลิกกฎหมาย", "weight 20")
    assert kpi.selection_range == types.Range(
        start=types.Position(line=51, character=8), end=types.Position(line=51, character=11)
    )
    assert (kpi.range.start.line, kpi.range.end.line) == (51, 59)


async def test_workspace_symbols_find_kpis_by_thai_name_or_id(client: LanguageClient) -> None:
    by_name = await client.workspace_symbol_async(
        types.WorkspaceSymbolParams(query="ความพึงพอใจของลูกค้า")
    )
    assert [(s.name, s.container_name) for s in by_name or []] == [
        ("LAW/2-3 ร้อยละของระดับความพึงพอใจของลูกค้า", "LAW")
    ]
    by_id = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="law/2-"))
    assert [s.name.split()[0] for s in by_id or []] == [f"LAW/2-{n}" for n in range(1, 8)]


async def test_formatting_rewrites_the_whole_buffer_or_nothing(
    client: LanguageClient, plan: Path
) -> None:
    text = await opened(client, plan, LAW)
    assert "    supports: [G5]\n" in text
    change(client, plan, LAW, text.replace("supports: [G5]", "supports:    [ G5 ]"), 2)
    params = types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri(plan, LAW)),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True),
    )
    edits = await client.text_document_formatting_async(params)
    assert edits is not None and len(edits) == 1
    assert edits[0].new_text == text
    end = text.count("\n")
    assert edits[0].range == types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=end, character=0)
    )
    change(client, plan, LAW, text + "kpis: [\n", 3)
    assert list(await client.text_document_formatting_async(params) or ()) == []
    change(client, plan, LAW, text, 4)
    assert list(await client.text_document_formatting_async(params) or ()) == []


async def test_rename_a_kpi_everywhere_actuals_included(client: LanguageClient, plan: Path) -> None:
    found = await renamed(client, plan, LAW, 55, 18, "4.6")  # same_as: DOP/4.5
    assert edits_of(found, plan) == [
        ("actuals/2569-Q1.yaml", 22, 14, 17, "4.6"),
        ("actuals/2569-Q2.yaml", 25, 14, 17, "4.6"),
        ("agreements/DOP.yaml", 252, 9, 12, "4.6"),
        ("agreements/units/LAW.yaml", 55, 17, 20, "4.6"),
        ("os-matrix.yaml", 33, 14, 17, "4.6"),
    ]
    goal = await renamed(client, plan, LAW, 52, 11, "LAW-G9")  # goal: LAW-G1
    assert edits_of(goal, plan) == [
        ("agreements/units/LAW.yaml", 32, 8, 14, "LAW-G9"),
        ("agreements/units/LAW.yaml", 52, 10, 16, "LAW-G9"),
    ]


async def test_rename_a_unit_rewrites_its_kpi_references(
    client: LanguageClient, plan: Path
) -> None:
    found = edits_of(await renamed(client, plan, LAW, 22, 8, "LEGAL"), plan)  # party: LAW
    assert len(found) == 23
    assert {text for *_, text in found} == {"LEGAL"}
    assert ("agreements/units/LAW.yaml", 22, 7, 10, "LEGAL") in found  # party: LAW
    assert ("org.yaml", 37, 9, 12, "LEGAL") in found  # the unit's id
    assert ("agreements/people/P0001.yaml", 27, 13, 16, "LEGAL") in found  # same_as: LAW/2-1


async def test_prepare_rename_gives_the_id_or_nothing(client: LanguageClient, plan: Path) -> None:
    def at(line: int, character: int) -> types.PrepareRenameParams:
        document = types.TextDocumentIdentifier(uri=uri(plan, LAW))
        return types.PrepareRenameParams(document, types.Position(line, character))

    found = await client.text_document_prepare_rename_async(at(22, 8))  # party: LAW
    assert isinstance(found, types.PrepareRenamePlaceholder)
    assert (found.placeholder, span(types.Location(uri(plan, LAW), found.range))) == (
        "LAW",
        (uri(plan, LAW), 22, 7, 22, 10),
    )
    assert await client.text_document_prepare_rename_async(at(22, 1)) is None  # the key


async def test_rename_refuses_a_clash(client: LanguageClient, plan: Path) -> None:
    with pytest.raises(JsonRpcInvalidParams, match=r"'4\.4' is already an id of this plan"):
        await renamed(client, plan, DOP, 252, 10, "4.4")


async def test_code_action_applies_did_you_mean(client: LanguageClient, plan: Path) -> None:
    text = await opened(client, plan, LAW)
    change(client, plan, LAW, text.replace("same_as: DOP/4.5", "same_as: DOP/4.55"), 2)
    await until(lambda: bool(client.diagnostics.get(uri(plan, LAW))))
    found = list(client.diagnostics[uri(plan, LAW)])
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, LAW)),
            range=found[0].range,
            context=types.CodeActionContext(diagnostics=found),
        )
    )
    assert actions is not None and len(actions) == 2
    action, insert = actions
    assert isinstance(action, types.CodeAction) and isinstance(insert, types.CodeAction)
    assert action.title == "Change to 'DOP/4.5'"
    assert insert.title == "Insert KPI A4 drafted like 'cascade new kpi'"  # in kpis:
    assert edits_of(action.edit, plan) == [("agreements/units/LAW.yaml", 55, 13, 21, "DOP/4.5")]
    change(client, plan, LAW, text, 3)
    await until(lambda: cleared(client, uri(plan, LAW)))


async def test_hover_on_a_key_shows_its_bilingual_description(
    client: LanguageClient, plan: Path
) -> None:
    await opened(client, plan, LAW)
    found = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, LAW)),
            position=types.Position(line=56, character=6),  # "    weight: 20"
        )
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert found.contents.value == "**weight**\n\nWeight (%); may use params.\n\nน้ำหนัก (ร้อยละ)"
    assert found.range == types.Range(
        start=types.Position(line=56, character=4), end=types.Position(line=56, character=10)
    )
    top = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, LAW)),
            position=types.Position(line=22, character=2),  # "party: LAW"
        )
    )
    assert top is not None and isinstance(top.contents, types.MarkupContent)
    assert top.contents.value == "**party**\n\nUnit id or person id.\n\nรหัสหน่วยงานหรือบุคคล"


async def _definition(
    client: LanguageClient, plan: Path, rel: str, line: int, character: int
) -> list[tuple[str, int, int, int, int]]:
    found = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, rel)),
            position=types.Position(line=line, character=character),
        )
    )
    assert isinstance(found, list)
    return [span(loc) for loc in found if isinstance(loc, types.Location)]


async def _hover_text(
    client: LanguageClient, plan: Path, rel: str, line: int, character: int
) -> str:
    found = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, rel)),
            position=types.Position(line=line, character=character),
        )
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_a_param_in_a_weight_expression(client: LanguageClient, plan: Path) -> None:
    # agreements/DOP.yaml:31 "    weight: 30 + A": A is the plan's param (cascade.yaml "  A: 5")
    assert await _definition(client, plan, DOP, 30, 17) == [
        (uri(plan, "cascade.yaml"), 32, 2, 32, 3)
    ]
    assert await _definition(client, plan, DOP, 30, 13) == []  # on the 30
    assert await _hover_text(client, plan, DOP, 30, 17) == "**param A** = 5"
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, "cascade.yaml")),
            position=types.Position(line=32, character=2),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    framework = uri(plan, "frameworks/opdc-2556.yaml")
    assert sorted(span(loc) for loc in found or []) == [
        (uri(plan, DOP), 30, 17, 30, 18),  # 1.1: 30 + A
        (uri(plan, DOP), 49, 17, 49, 18),  # 1.2: 27 - A
        (framework, 48, 17, 48, 18),  # the slots' weights
        (framework, 52, 17, 52, 18),
    ]


async def test_a_kpi_that_fills_a_framework_slot(client: LanguageClient, plan: Path) -> None:
    framework = uri(plan, "frameworks/opdc-2556.yaml")
    # agreements/DOP.yaml:26 '  - id: "1.1"' fills the framework's slot 1.1
    assert await _definition(client, plan, DOP, 25, 10) == [(framework, 45, 9, 45, 12)]
    slot = await _hover_text(client, plan, "frameworks/opdc-2556.yaml", 45, 10)
    assert slot.split("  \n") == [
        "**slot 1.1** of framework OPDC-2556",
        "ร้อยละเฉลี่ยถ่วงน้ำหนักในการบรรลุเป้าหมายตามนโยบายสำคัญเร่งด่วนของรัฐบาลและภารกิจหลักของกระทรวง",
        "dimension: effectiveness",
        "weight: 30 + A = 35",
    ]
    # slot 1.3 '    transfer_to: "1.2"' → slot 1.2
    assert await _definition(client, plan, "frameworks/opdc-2556.yaml", 60, 18) == [
        (framework, 49, 9, 49, 12)
    ]


async def test_a_kpi_id_in_csv_actuals(client: LanguageClient, plan: Path) -> None:
    csv = "actuals/2569-Q2-PROB.csv"  # row 2: PROB/4-2,ร้อยละของ…
    line = line_of(plan, "agreements/units/PROB.yaml", "  - id: 4-2")
    assert await _definition(client, plan, csv, 1, 3) == [
        (uri(plan, "agreements/units/PROB.yaml"), line, 8, line, 11)
    ]
    assert (await _hover_text(client, plan, csv, 1, 3)).startswith("**KPI PROB/4-2**")


async def test_rename_from_a_csv_cell_edits_the_csv_too(client: LanguageClient, plan: Path) -> None:
    line = line_of(plan, "agreements/units/PROB.yaml", "  - id: 4-2")
    found = await renamed(client, plan, "actuals/2569-Q2-PROB.csv", 1, 6, "4-9")  # PROB/4-2
    assert edits_of(found, plan) == [
        ("actuals/2569-Q1.yaml", 62, 15, 18, "4-9"),
        ("actuals/2569-Q2-PROB.csv", 1, 5, 8, "4-9"),
        ("agreements/units/PROB.yaml", line, 8, 11, "4-9"),
    ]


async def _hover(
    client: LanguageClient, plan: Path, rel: str, line: int, character: int
) -> tuple[list[str], tuple[int, int, int, int]]:
    found = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, rel)),
            position=types.Position(line=line, character=character),
        )
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert found.range is not None
    r = found.range
    where = (r.start.line, r.start.character, r.end.line, r.end.character)
    return found.contents.value.split("  \n"), where


async def test_hover_on_a_weight_shows_its_value(client: LanguageClient, plan: Path) -> None:
    framework = "frameworks/opdc-2556.yaml"
    line = line_of(plan, DOP, "    weight: 30 + A            # = 35 เมื่อ A = 5 / 35 with A = 5")
    # on the 30 and on the '+': the expression's value over its range
    for column in (12, 15):
        assert await _hover(client, plan, DOP, line, column) == (
            ["**weight** of KPI DOP/1.1", "30 + A = 35"],
            (line, 12, line, 18),
        )
    assert await _hover_text(client, plan, DOP, line, 17) == "**param A** = 5"  # on the name
    plain = line_of(plan, LAW, "    weight: 20")
    assert await _hover(client, plan, LAW, plain, 13) == (
        ["**weight** of KPI LAW/2-1", "20"],
        (plain, 12, plain, 14),
    )
    slot = line_of(plan, framework, "    weight: 27 - A")
    assert await _hover(client, plan, framework, slot, 13) == (
        ["**weight** of slot 1.2", "27 - A = 22"],
        (slot, 12, slot, 18),
    )
    dimension = line_of(plan, framework, "    weight: 70")
    assert await _hover(client, plan, framework, dimension, 12) == (
        ["**weight** of dimension external", "70"],
        (dimension, 12, dimension, 14),
    )


async def test_rename_refuses_an_id_a_workbook_names_and_says_which_cells(
    client: LanguageClient, plan: Path
) -> None:
    # actuals/2569-Q2-REHAB.xlsx names REHAB/5-2 in its sheet 'ผลการดำเนินงาน', A5
    rehab = "agreements/units/REHAB.yaml"
    line = line_of(plan, rehab, "  - id: 5-2")
    said = (
        "'REHAB/5-2' is written in workbook actuals, which a rename cannot edit: "
        "actuals/2569-Q2-REHAB.xlsx ('ผลการดำเนินงาน'!A5). "
        "Write the new id in those cells first, then rename here."
    )
    with pytest.raises(JsonRpcInvalidParams) as refused:
        await renamed(client, plan, rehab, line, 9, "5-9")
    assert refused.value.message == said
    document = types.TextDocumentIdentifier(uri=uri(plan, rehab))
    with pytest.raises(JsonRpcInvalidParams) as early:  # before the editor asks for a name
        await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(document, types.Position(line, 9))
        )
    assert early.value.message == said
    unit = line_of(
        plan,
        "org.yaml",
        next(
            t
            for t in (plan / "org.yaml").read_text(encoding="utf-8").splitlines()
            if t.startswith("  - {id: REHAB,")
        ),
    )
    with pytest.raises(
        JsonRpcInvalidParams,
        match=r"^'REHAB' is written in workbook actuals.*A5, .*A6, .*A7, .*A8\)\. ",
    ):
        await renamed(client, plan, "org.yaml", unit, 10, "REH")
    # a KPI no workbook names is renamed as before (5-1: YAML actuals only)
    first = line_of(
        plan,
        rehab,
        next(
            t
            for t in (plan / rehab).read_text(encoding="utf-8").splitlines()
            if t.startswith("  - {id: 5-1,")
        ),
    )
    q1 = line_of(plan, "actuals/2569-Q1.yaml", "  - {kpi: REHAB/5-1, level: 2.5}")
    q2 = line_of(
        plan,
        "actuals/2569-Q2.yaml",
        "  - {kpi: REHAB/5-1, level: 3}          # identical: its own row, not in the workbook",
    )
    assert edits_of(await renamed(client, plan, rehab, first, 9, "5-0"), plan) == [
        ("actuals/2569-Q1.yaml", q1, 16, 19, "5-0"),
        ("actuals/2569-Q2.yaml", q2, 16, 19, "5-0"),
        (rehab, first, 9, 12, "5-0"),
    ]


async def test_completion_in_the_other_reference_positions_and_enumerations(
    client: LanguageClient, plan: Path
) -> None:
    def line_starting(rel: str, start: str) -> tuple[int, str]:
        text = next(
            t for t in (plan / rel).read_text(encoding="utf-8").splitlines() if t.startswith(start)
        )
        return line_of(plan, rel, text), text

    async def labels(rel: str, start: str, after: str) -> list[tuple[str, str | None]]:
        line, text = line_starting(rel, start)
        await opened(client, plan, rel)
        items = await complete_at(client, plan, rel, line, text.index(after) + len(after))
        return [(i.label, i.detail) for i in items]

    signatory = "  - {role: evaluatee, person: P0001,"
    assert await labels(LAW, signatory, "role: ") == [
        ("evaluatee", None),
        ("evaluator", None),
        ("witness", None),
    ]
    people = await labels(LAW, signatory, "person: ")
    assert [p for p, _ in people] == ["P0100", "P0001", "P0012", "P0013", "P0014"]
    assert people[0][1] == "นายสุรชัย ธรรมรักษา"
    roster = "  - {id: P0100, name: นายสุรชัย ธรรมรักษา, position: "
    positions = await labels("people.yaml", roster, 'position: "')
    assert positions[0] == ("0001", "นายสุรชัย ธรรมรักษา")  # the holder's name
    units = await labels("people.yaml", roster, "unit: ")
    assert units[:2] == [("DOP", "กรมคุมประพฤติ / Department of Probation"), ("SEC", units[1][1])]
    framework = "frameworks/opdc-2556.yaml"
    assert await labels(framework, '    transfer_to: "1.2"', 'transfer_to: "') == [
        ("1.1", None),
        ("1.2", None),
        ("1.3", None),
    ]
    assert [f for f, _ in await labels(DOP, "framework: OPDC", "framework: ")] == ["OPDC-2556"]
