"""The first check's ``$/progress`` when an edit supersedes it before the
client has made its token: the next first check gets a token of its own (a
client refuses a token twice: VS Code logged "Progress handler for token …
already registered" with a traceback), and the old one is ended once made,
so the client lets it go."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from lsprotocol import types

from cascade.lsp.server import CascadeServer


class Progress:
    """``work_done_progress`` that keeps what the server sent and holds the
    client's answers to ``create`` until the test gives them."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.made: list[Callable[..., None]] = []

    def create(self, token: str, callback: Callable[..., None]) -> None:
        self.sent.append(("create", token))
        self.made.append(callback)

    def begin(self, token: str, value: types.WorkDoneProgressBegin) -> None:
        self.sent.append(("begin", token))

    def report(self, token: str, value: types.WorkDoneProgressReport) -> None:
        self.sent.append((f"report {value.percentage}", token))

    def end(self, token: str, value: types.WorkDoneProgressEnd) -> None:
        self.sent.append(("end", token))


def test_a_superseded_first_check_gets_a_new_token(monkeypatch: pytest.MonkeyPatch) -> None:
    progress = Progress()
    window = types.WindowClientCapabilities(work_done_progress=True)
    monkeypatch.setattr(CascadeServer, "work_done_progress", progress)
    monkeypatch.setattr(
        CascadeServer, "client_capabilities", types.ClientCapabilities(window=window)
    )
    server = CascadeServer()
    state = SimpleNamespace(root=Path("/plans/probation"))
    first, second = "cascade-check:/plans/probation#1", "cascade-check:/plans/probation#2"
    server.first_check(state, 1, 26)  # type: ignore[arg-type]
    server.first_check(state, -1, -1)  # type: ignore[arg-type]  # superseded, not made yet
    server.first_check(state, 2, 26)  # type: ignore[arg-type]  # the next first check
    progress.made[0]()  # the client has made the first token: ended at once
    progress.made[1]()
    server.first_check(state, 13, 26)  # type: ignore[arg-type]
    server.first_check(state, -1, -1)  # type: ignore[arg-type]
    assert progress.sent == [
        ("create", first),
        ("create", second),
        ("end", first),
        ("begin", second),
        ("report 50", second),
        ("end", second),
    ]
    assert server.progressing == {} and server.progress_of == {}
