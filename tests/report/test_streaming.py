"""The report writes each page as soon as it is rendered and keeps none in memory
(issue 13: the parent's memory must not grow with the number of pages), and a
failure half-way still leaves the previous report as it was."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment

from cascade.engine import LoadOptions, check_plan
from cascade.model.plan import PlanModel
from cascade.report import pages as pages_module
from cascade.report.pdf_engine import PdfError
from cascade.report.site import ReportOptions, prepare_report, site_dir, writing_report
from tests.conftest import MINIMAL
from tests.report.report_helpers import run, snapshot


class _Text(str):
    """A page's text that can be watched (a plain ``str`` takes no weak reference)."""


@pytest.fixture(scope="module")
def model() -> PlanModel:
    checked = check_plan(MINIMAL, options=LoadOptions(cache=False))
    assert checked.model is not None
    return checked.model


def _staged_pages(out: Path) -> list[str]:
    """The page files in the staged (not yet swapped in) folders of ``out``."""
    return sorted(
        f"{folder.name[1:].split('.new-')[0]}/{path.relative_to(folder).as_posix()}"
        for folder in site_dir(out).glob(".*.new-*")
        for path in folder.rglob("*")
        if path.is_file() and "fonts" not in path.parts
    )


def test_each_page_is_on_disk_and_let_go_before_the_next_is_rendered(
    model: PlanModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pages_module.render_page
    alive: weakref.WeakSet[_Text] = weakref.WeakSet()

    def watched(env: Environment, page: pages_module.Page) -> str:
        text = _Text(real(env, page))
        alive.add(text)
        return text

    monkeypatch.setattr(pages_module, "render_page", watched)
    seen: list[tuple[int, int, int]] = []  # pages done, files on disk, texts in memory

    def progress(done: int, total: int) -> None:
        seen.append((done, len(_staged_pages(tmp_path)), len(alive)))

    prepared = prepare_report(model, ReportOptions(formats=("html", "md")))
    total = len(prepared.pages)
    with writing_report(prepared, tmp_path, progress=progress) as written:
        assert len(_staged_pages(tmp_path)) == total
    assert total == 20  # 10 pages in each format
    # before page n is rendered, the n pages before it are written and at most
    # the last one is still referenced (by the loop that wrote it)
    assert seen == [(n, n, min(n, 1)) for n in range(total)]
    assert len(alive) == 0
    assert written == {
        "html": site_dir(tmp_path) / "html" / "index.html",
        "md": site_dir(tmp_path) / "md" / "index.md",
    }
    assert sorted(p.name for p in site_dir(tmp_path).iterdir()) == ["html", "md"]


def test_a_page_failing_half_way_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report", str(MINIMAL), "-o", str(tmp_path)], capsys)[0] == 0
    before = snapshot(tmp_path)
    real = pages_module.render_page
    written_before_failing: list[list[str]] = []

    def fails_at_the_fifth(env: Environment, page: pages_module.Page) -> str:
        done = _staged_pages(tmp_path)
        if len(done) == 4:
            written_before_failing.append(done)
            raise ValueError("broken on purpose")
        return real(env, page)

    monkeypatch.setattr(pages_module, "render_page", fails_at_the_fifth)
    code, out, err = run(["report", str(MINIMAL), "-o", str(tmp_path)], capsys)
    assert code == 2
    assert out == ""
    assert err.endswith("broken on purpose (RPT001)\ncascade: the report was not written\n")
    assert len(written_before_failing) == 1
    assert [rel.split("/")[0] for rel in written_before_failing[0]] == ["html"] * 4
    assert snapshot(tmp_path) == before  # and no staged folder is left
    assert sorted(p.name for p in site_dir(tmp_path).iterdir()) == ["html", "md"]


def test_a_pdf_failure_after_the_pages_leaves_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report", str(MINIMAL), "-o", str(tmp_path)], capsys)[0] == 0
    before = snapshot(tmp_path)
    staged_then: list[int] = []

    def failing_pdf(*args: Any, **kwargs: Any) -> Any:
        staged_then.append(len(_staged_pages(tmp_path)))
        raise PdfError("typesetting failed on purpose")

    monkeypatch.setattr("cascade.report.pdf.write_pdf", failing_pdf)
    code, _, err = run(["report", str(MINIMAL), "-o", str(tmp_path), "-f", "html,md,pdf"], capsys)
    assert code == 2
    assert "typesetting failed on purpose" in err
    assert err.endswith("cascade: the report was not written\n")
    assert staged_then == [20]  # every page was written, then thrown away
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in site_dir(tmp_path).iterdir()) == ["html", "md"]
