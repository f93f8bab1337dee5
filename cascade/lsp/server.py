"""The Language Server's wiring: LSP messages → documents, checks, navigation.

Each handler is a few lines that hand over to the module that does the job
(:mod:`~cascade.lsp.checker`, :mod:`~cascade.lsp.publish`,
:mod:`~cascade.lsp.navigate`, :mod:`~cascade.lsp.hover`).  Logs go to the
client (``window/logMessage``); stdout carries only the protocol.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from cascade import __version__
from cascade.lsp import complete as completion
from cascade.lsp import hover as hovers
from cascade.lsp import navigate, symbols
from cascade.lsp.checker import Outcome, PlanState, Scheduler
from cascade.lsp.documents import overlay, plan_root, relative
from cascade.lsp.drafting import drafting_actions, new_kpi_edit, of_kinds
from cascade.lsp.formatting import format_document
from cascade.lsp.positions import from_client, to_client
from cascade.lsp.publish import publish
from cascade.lsp.rename import RenameRefused, prepare_rename, quick_fixes, rename


class CascadeServer(LanguageServer):
    """pygls' server with the plans it checks."""

    def __init__(self) -> None:
        super().__init__("cascade", __version__)
        self.scheduler = Scheduler(
            self.overlay_of, self.checked, self.check_failed, self.first_check
        )
        self.progressing: dict[str, bool] = {}
        """Progress tokens of first checks under way: whether the client has
        made each (only then may it be used)."""
        self.progress_of: dict[Path, str] = {}
        """The token of each plan's first check under way.  A first check
        that an edit supersedes is followed by another, with a new token: the
        client may still be making the old one, and refuses a token twice."""
        self.serials = itertools.count(1)

    def first_check(self, state: PlanState, done: int, total: int) -> None:
        """Show how the first check of a plan gets on (``$/progress``) when the
        client can show it; ``done < 0`` ends it."""
        window = self.client_capabilities.window
        if window is None or not window.work_done_progress:
            return
        if done < 0:
            ended = self.progress_of.pop(state.root, None)
            if ended is not None and self.progressing.pop(ended):
                self.work_done_progress.end(ended, types.WorkDoneProgressEnd(message="checked"))
            return  # (one the client has not made yet is ended once it is: ``made``)
        percent = done * 100 // total if total else 100
        message = f"{done}/{total} files"
        token = self.progress_of.get(state.root)
        if token is None:
            token = f"cascade-check:{state.root}#{next(self.serials)}"
            self.progress_of[state.root] = token
            self.progressing[token] = False
            title = f"cascade: checking {state.root.name}"
            begin = types.WorkDoneProgressBegin(title=title, percentage=percent, message=message)

            def made(*_: object) -> None:
                if token in self.progressing:  # not ended meanwhile
                    self.progressing[token] = True
                    self.work_done_progress.begin(token, begin)
                else:  # ended before the client made it: let the client drop it
                    self.work_done_progress.end(token, types.WorkDoneProgressEnd())

            self.work_done_progress.create(token, made)
        elif self.progressing[token]:
            report = types.WorkDoneProgressReport(percentage=percent, message=message)
            self.work_done_progress.report(token, report)

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """A line in the client's log."""
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def text_of(self, uri: str) -> tuple[str, list[str]] | None:
        """A document's text and its lines (their ends cut): the buffer, else
        the file; ``None`` when there is no such file or it is not text."""
        document = self.workspace.get_text_document(uri)
        try:
            source = document.source
        except (OSError, UnicodeDecodeError):
            return None
        return source, [text.rstrip("\r\n") for text in source.splitlines(True)]

    def buffers(self) -> dict[Path, str]:
        """The open documents' texts by path (the truth for their files)."""
        found: dict[Path, str] = {}
        for uri, document in self.workspace.text_documents.items():
            path = to_fs_path(uri)
            if path is not None:
                found[Path(path)] = document.source
        return found

    def overlay_of(self, root: Path) -> tuple[tuple[str, str], ...]:
        """The open buffers of the plan at ``root``."""
        return overlay(root, self.buffers())

    def checked(self, state: PlanState, outcome: Outcome) -> None:
        """Publish a finished check's diagnostics."""
        result = outcome.result
        state.published = publish(
            state.root,
            result.diagnostics,
            outcome.sources,
            self.workspace.position_codec,
            state.published,
            self.text_document_publish_diagnostics,
        )
        for note in result.notes:
            self.log(f"{state.root}: {note}")
        self.log(
            f"checked {state.root}: {result.errors} error(s), {result.warnings} warning(s) "
            f"in {len(result.files)} files"
        )

    def check_failed(self, state: PlanState, error: BaseException) -> None:
        """A check that could not run: a log line, never a traceback."""
        self.log(f"{state.root}: not checked: {error}", types.MessageType.Warning)

    def where(self, uri: str) -> tuple[Path, str] | None:
        """The plan root and relative path of a document, if it is in a plan."""
        path = to_fs_path(uri)
        if path is None:
            return None
        root = plan_root(Path(path))
        rel = relative(root, Path(path)) if root is not None else None
        return (root, rel) if root is not None and rel is not None else None

    def touched(self, uri: str, delay: float | None = None) -> None:
        """A document of a plan changed: check its plan (debounced)."""
        found = self.where(uri)
        if found is None:
            return
        if delay is None:
            self.scheduler.edited(found[0])
        else:
            self.scheduler.schedule(found[0], delay)

    def resolved(
        self, uri: str, position: types.Position
    ) -> tuple[Outcome, str, tuple[int, int]] | None:
        """The last resolved check of a document's plan, the document's relative
        path and the cursor as (line, code-point column)."""
        found = self.where(uri)
        if found is None:
            return None
        state = self.scheduler.plans.get(found[0])
        text = self.text_of(uri)
        if state is None or state.resolved is None or text is None:
            return None
        place = from_client(self.workspace.position_codec, text[1], position)
        return state.resolved, found[1], place


server = CascadeServer()

WATCH = types.RegistrationParams(
    registrations=[
        types.Registration(
            id="cascade-plan-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern="**/*.{yaml,yml,csv,xlsx}")]
            ),
        )
    ]
)
"""Asked of a client that can watch files for the server (Neovim, Helix; the
VS Code extension also watches them itself): changes on disk reach the checks."""


@server.feature(types.INITIALIZED)
def _initialized(ls: CascadeServer, params: types.InitializedParams) -> None:
    folders = [Path(p) for f in ls.workspace.folders.values() if (p := to_fs_path(f.uri))]
    if not folders and ls.workspace.root_path:
        folders = [Path(ls.workspace.root_path)]
    for folder in folders:
        for plan_file in sorted({*folder.glob("cascade.yaml"), *folder.glob("*/cascade.yaml")}):
            ls.scheduler.schedule(plan_file.parent, 0)
    workspace = ls.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace is not None else None
    if watched is not None and watched.dynamic_registration:  # git checkout, another tool
        ls.client_register_capability(WATCH)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _opened(ls: CascadeServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.touched(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _changed(ls: CascadeServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.touched(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _saved(ls: CascadeServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.touched(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _closed(ls: CascadeServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.touched(params.text_document.uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _files_changed(ls: CascadeServer, params: types.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        ls.touched(change.uri)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: CascadeServer, params: types.DefinitionParams) -> list[types.Location]:
    found = ls.resolved(params.text_document.uri, params.position)
    if found is None:
        return []
    return navigate.definition(*found, ls.workspace.position_codec)


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def _references(ls: CascadeServer, params: types.ReferenceParams) -> list[types.Location]:
    found = ls.resolved(params.text_document.uri, params.position)
    if found is None:
        return []
    codec = ls.workspace.position_codec
    return navigate.references(*found, codec, params.context.include_declaration)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: CascadeServer, params: types.HoverParams) -> types.Hover | None:
    text = ls.text_of(params.text_document.uri)
    if text is None:
        return None
    lines, codec = text[1], ls.workspace.position_codec
    on_key = hovers.key_hover(lines, from_client(codec, lines, params.position), codec)
    if on_key is not None:
        return on_key
    found = ls.resolved(params.text_document.uri, params.position)
    if found is None:
        return None
    return hovers.hover(*found, ls.workspace.position_codec)


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[":", " ", "/", "[", ","]),
)
def _complete(ls: CascadeServer, params: types.CompletionParams) -> types.CompletionList:
    found = ls.resolved(params.text_document.uri, params.position)
    index = found[0].index if found is not None else None
    if found is None or index is None:
        return types.CompletionList(is_incomplete=False, items=[])
    _, rel, (line, column) = found
    text = ls.text_of(params.text_document.uri)
    if text is None:
        return types.CompletionList(is_incomplete=False, items=[])
    lines = text[1]
    codec = ls.workspace.position_codec
    items = [
        types.CompletionItem(
            label=ident,
            kind=kind,
            detail=detail or None,
            sort_text=f"{i:06d}",
            text_edit=types.TextEdit(
                range=types.Range(start=to_client(codec, lines, line, start), end=params.position),
                new_text=ident,
            ),
        )
        for i, (ident, detail, kind, start) in enumerate(
            completion.complete(index, rel, lines, line, column)
        )
    ]
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def _document_symbols(
    ls: CascadeServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol]:
    found = ls.resolved(params.text_document.uri, types.Position(line=0, character=0))
    if found is None:
        return []
    return symbols.document_symbols(found[0], found[1], ls.workspace.position_codec)


@server.feature(types.WORKSPACE_SYMBOL)
def _workspace_symbols(
    ls: CascadeServer, params: types.WorkspaceSymbolParams
) -> list[types.WorkspaceSymbol]:
    outcomes = [s.resolved for _, s in sorted(ls.scheduler.plans.items()) if s.resolved]
    return symbols.workspace_symbols(outcomes, params.query, ls.workspace.position_codec)


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def _format(ls: CascadeServer, params: types.DocumentFormattingParams) -> list[types.TextEdit]:
    found = ls.where(params.text_document.uri)
    if found is None:
        return []
    text = ls.text_of(params.text_document.uri)
    if text is None:
        return []
    return format_document(found[1], text[0], text[1], ls.workspace.position_codec)


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def _prepare_rename(
    ls: CascadeServer, params: types.PrepareRenameParams
) -> types.PrepareRenamePlaceholder | None:
    found = ls.resolved(params.text_document.uri, params.position)
    try:
        return None if found is None else prepare_rename(*found, ls.workspace.position_codec)
    except RenameRefused as refused:
        raise JsonRpcInvalidParams(str(refused)) from None


@server.feature(types.TEXT_DOCUMENT_RENAME)
def _rename(ls: CascadeServer, params: types.RenameParams) -> types.WorkspaceEdit:
    found = ls.resolved(params.text_document.uri, params.position)
    if found is None:
        raise JsonRpcInvalidParams("the plan has not been checked yet")
    try:
        return rename(*found, params.new_name, ls.workspace.position_codec)
    except RenameRefused as refused:
        raise JsonRpcInvalidParams(str(refused)) from None


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.Refactor],
        resolve_provider=True,
    ),
)
def _code_actions(ls: CascadeServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri, diagnostics = params.text_document.uri, params.context.diagnostics
    only = params.context.only
    actions = quick_fixes(uri, diagnostics)
    found, source = ls.resolved(uri, params.range.start), ls.text_of(uri)
    if found is None or source is None:
        return of_kinds(actions, only)
    text, codec = source[0], ls.workspace.position_codec
    outcome, rel, _ = found
    capability = ls.client_capabilities.text_document
    resolve = capability.code_action if capability is not None else None
    lazy = bool(
        resolve and resolve.resolve_support and "edit" in resolve.resolve_support.properties
    )
    start = params.range.start
    drafted = drafting_actions(outcome, uri, rel, text, start, diagnostics, codec, lazy)
    return of_kinds(actions + drafted, only)


@server.feature(types.CODE_ACTION_RESOLVE)
def _resolve_action(ls: CascadeServer, action: types.CodeAction) -> types.CodeAction:
    data = action.data
    if not isinstance(data, dict) or data.get("draft") != "kpi":
        return action
    uri, line = str(data["uri"]), int(data["line"])
    found, source = ls.resolved(uri, types.Position(line=line, character=0)), ls.text_of(uri)
    if found is not None and source is not None:
        action.edit = new_kpi_edit(found[0], uri, found[1], source[0], line)
    return action


@server.feature(types.SHUTDOWN)
def _shutdown(ls: CascadeServer, params: None) -> None:
    ls.scheduler.shutdown()


def serve() -> None:
    """Run the server over stdin/stdout until the client says exit."""
    server.start_io()
