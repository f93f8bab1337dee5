"""The checker's debounce: an edit after a pause is checked at once, edits in a
typing burst wait for quiet."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from cascade.lsp.checker import DEBOUNCE, QUICK, Scheduler


def test_an_edit_after_quiet_is_quick_a_burst_is_debounced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scheduler = Scheduler(lambda root: (), lambda *_: None, lambda *_: None)
    delays: list[float] = []
    monkeypatch.setattr(scheduler, "schedule", lambda root, delay: delays.append(delay))

    async def typing() -> None:
        scheduler.edited(tmp_path)  # the first key after quiet
        scheduler.edited(tmp_path)  # the next, at once: a burst
        scheduler.state(tmp_path).edited -= DEBOUNCE  # as if DEBOUNCE had passed
        scheduler.edited(tmp_path)  # after a pause

    asyncio.run(typing())
    scheduler.shutdown()
    assert delays == [QUICK, DEBOUNCE, QUICK]
