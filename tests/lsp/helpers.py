"""Helpers of the `cascade lsp` tests: edits, waits and exact ranges."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient


async def until(condition: Callable[[], bool], timeout: float = 20) -> None:
    """Wait until ``condition()`` holds (the server answers asynchronously)."""
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the server did not get there in time")


def cleared(client: LanguageClient, file_uri: str) -> bool:
    """Whether the server published an empty list for the file."""
    return file_uri in client.diagnostics and len(client.diagnostics[file_uri]) == 0


def line_of(plan: Path, rel: str, text: str) -> int:
    """The 0-based line of ``rel`` that is exactly ``text`` (the bundled plans move)."""
    return (plan / rel).read_text(encoding="utf-8").splitlines().index(text)


def uri(plan: Path, rel: str) -> str:
    return (plan / rel).as_uri()


async def opened(client: LanguageClient, plan: Path, rel: str) -> str:
    """Open a plan file in the client; its text."""
    text = (plan / rel).read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri(plan, rel), language_id="yaml", version=1, text=text
            )
        )
    )
    return text


def change(client: LanguageClient, plan: Path, rel: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(
                uri=uri(plan, rel), version=version
            ),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def ranges(found: Sequence[types.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    return [
        (
            str(d.code),
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in found
    ]


def span(location: types.Location) -> tuple[str, int, int, int, int]:
    r = location.range
    return (location.uri, r.start.line, r.start.character, r.end.line, r.end.character)


LAW = "agreements/units/LAW.yaml"
DOP = "agreements/DOP.yaml"
OS = "os-matrix.yaml"


async def complete_at(
    client: LanguageClient, plan: Path, rel: str, line: int, character: int
) -> list[types.CompletionItem]:
    found = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, rel)),
            position=types.Position(line=line, character=character),
        )
    )
    assert isinstance(found, types.CompletionList)
    return found.items


def edits_of(found: types.WorkspaceEdit | None, plan: Path) -> list[tuple[str, int, int, int, str]]:
    assert found is not None and found.changes is not None
    return [
        (
            u.removeprefix(plan.as_uri() + "/"),
            e.range.start.line,
            e.range.start.character,
            e.range.end.character,
            e.new_text,
        )
        for u, edits in sorted(found.changes.items())
        for e in edits
    ]


async def renamed(
    client: LanguageClient, plan: Path, rel: str, line: int, character: int, new: str
) -> types.WorkspaceEdit | None:
    return await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, rel)),
            position=types.Position(line=line, character=character),
            new_name=new,
        )
    )


def applied(text: str, edits: Sequence[types.TextEdit]) -> str:
    """``text`` with ``edits`` made (UTF-16 columns; what the editor would do)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        units, line = 0, lines[position.line]
        for column, char in enumerate(line):
            if units >= position.character:
                return starts[position.line] + column
            units += 2 if ord(char) > 0xFFFF else 1
        return starts[position.line] + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def actions_at(
    client: LanguageClient,
    plan: Path,
    rel: str,
    at: types.Range,
    diagnostics: Sequence[types.Diagnostic],
    only: Sequence[types.CodeActionKind | str] | None = None,
) -> list[types.CodeAction]:
    """The code actions the server offers at ``at`` with ``diagnostics``
    (of the kinds ``only``, when given)."""
    wanted = None if only is None else list(only)
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(plan, rel)),
            range=at,
            context=types.CodeActionContext(diagnostics=list(diagnostics), only=wanted),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]
