"""`cascade lsp` on a workspace of two plans and a stray file (pytest-lsp over stdio).

Copies of plans/acme and of the tests' minimal plan side by side, each checked on its
own; a YAML file outside both; rule levels changed in a ``cascade.yaml``
buffer; files changed on disk behind the editor's back.  One server for the
module: each test leaves the files as it found them.
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

from tests.conftest import MINIMAL, ROOT
from tests.lsp.helpers import change, cleared, line_of, opened, ranges, until, uri

pytestmark = pytest.mark.asyncio(loop_scope="module")

CONFIG = ClientServerConfig(server_command=[sys.executable, "-m", "cascade", "lsp"])
STRAY = "stray.yaml"
P020 = "acme/agreements/people/P020.yaml"

registered: list[types.Registration] = []


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("workspace")
    for source, name in ((ROOT / "plans" / "acme", "acme"), (MINIMAL, "minimal")):
        shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(".cascade*"))
    (target / STRAY).write_text("kind: Agreement\nparty: X\nkpis: [{id: 1, same_as: DOP/4.5}]\n")
    return target


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, folder: Path) -> AsyncIterator[None]:
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def _register(params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)

    watch = types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(did_change_watched_files=watch)
            ),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="two plans")],
        )
    )
    await until(lambda: sum(m.message.startswith("checked") for m in lsp_client.log_messages) == 2)
    yield
    await lsp_client.shutdown_session()


async def test_each_plan_of_the_workspace_is_checked_and_files_are_watched(
    client: LanguageClient, folder: Path
) -> None:
    assert sorted(m.message for m in client.log_messages) == [
        f"checked {folder / 'acme'}: 0 error(s), 0 warning(s) in 12 files",
        f"checked {folder / 'minimal'}: 0 error(s), 0 warning(s) in 9 files",
    ]
    assert client.diagnostics == {}
    assert [(r.id, r.method) for r in registered] == [
        ("cascade-plan-files", "workspace/didChangeWatchedFiles")
    ]
    options = registered[0].register_options
    assert options == {"watchers": [{"globPattern": "**/*.{yaml,yml,csv,xlsx}"}]}


async def test_a_file_outside_any_plan_gets_empty_answers(
    client: LanguageClient, folder: Path
) -> None:
    await opened(client, folder, STRAY)
    document = types.TextDocumentIdentifier(uri=uri(folder, STRAY))
    at = types.Position(line=2, character=25)  # on DOP/4.5
    assert await client.text_document_hover_async(types.HoverParams(document, at)) is None
    assert await client.text_document_definition_async(types.DefinitionParams(document, at)) == []
    found = await client.text_document_completion_async(types.CompletionParams(document, at))
    assert isinstance(found, types.CompletionList) and list(found.items) == []
    change(client, folder, STRAY, "kpis: [\n", 2)  # broken too: still nothing published
    symbols = types.DocumentSymbolParams(text_document=document)
    assert await client.text_document_document_symbol_async(symbols) == []
    assert uri(folder, STRAY) not in client.diagnostics


async def test_a_file_that_does_not_exist_gets_no_answer_not_an_error(
    client: LanguageClient, folder: Path
) -> None:
    document = types.TextDocumentIdentifier(uri=uri(folder, "minimal/nope.yaml"))
    at = types.Position(line=3, character=3)
    assert await client.text_document_hover_async(types.HoverParams(document, at)) is None
    assert await client.text_document_definition_async(types.DefinitionParams(document, at)) == []
    found = await client.text_document_completion_async(types.CompletionParams(document, at))
    assert isinstance(found, types.CompletionList) and list(found.items) == []


async def test_rule_levels_from_a_cascade_yaml_buffer_apply_live(
    client: LanguageClient, folder: Path
) -> None:
    plan = "acme/cascade.yaml"
    text = await opened(client, folder, plan)
    assert '  COV002: "off"\n' in text
    people = uri(folder, "acme/people.yaml")
    line = line_of(folder, "acme/people.yaml", "people:")
    change(client, folder, plan, text.replace('COV002: "off"', "COV002: warning"), 2)
    await until(lambda: bool(client.diagnostics.get(people)))
    assert ranges(client.diagnostics[people]) == [("COV002", line, 0, line, 7)]
    assert client.diagnostics[people][0].severity == types.DiagnosticSeverity.Warning
    change(client, folder, plan, text.replace('COV002: "off"', "COV002: error"), 3)
    await until(
        lambda: [d.severity for d in client.diagnostics[people]] == [types.DiagnosticSeverity.Error]
    )
    change(client, folder, plan, text, 4)
    await until(lambda: cleared(client, people))


async def test_a_file_changed_on_disk_is_checked_and_cleared(
    client: LanguageClient, folder: Path
) -> None:
    path, file = folder / P020, uri(folder, P020)
    text = path.read_text(encoding="utf-8")
    line = line_of(folder, P020, "kpis:")  # WGT001: the weights of kpis do not sum to 100
    for written, wanted in ((text.replace("weight: 30", "weight: 31", 1), True), (text, False)):
        path.write_text(written, encoding="utf-8")  # git checkout, another tool
        event = types.FileEvent(uri=file, type=types.FileChangeType.Changed)
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([event]))
        if wanted:
            await until(lambda: bool(client.diagnostics.get(file)))
            assert ranges(client.diagnostics[file]) == [("WGT001", line, 0, line, 5)]
        else:
            await until(lambda: cleared(client, file))
