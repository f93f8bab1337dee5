"""User templates (``--templates DIR``) are sandboxed and bounded: an escape
attempt, an undefined name, a syntax error, a runaway loop or a huge string
is one ``template:line`` diagnostic (RPT001), exit code 2, and the previous
report is left exactly as it was."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest
from jinja2 import TemplateNotFound

from cascade.report import bounded
from cascade.report.bounded import Limits
from cascade.report.env import EnvOptions, make_env
from cascade.report.errors import RenderError
from cascade.report.pages import Page
from tests.conftest import ROOT
from tests.report.report_helpers import run, snapshot

PLAN = str(ROOT / "plans" / "acme")

HEAD = '{% extends "base.html" %}\n{% block main %}\n'
TAIL = "{% endblock %}\n"
EVIL = {
    # name: (body placed on line 3 of index.html, expected message start)
    "mro": (
        "{{ ''.__class__.__mro__ }}\n",
        "not allowed in a report template: access to attribute '__class__'",
    ),
    "format": (
        "{{ '{0.__class__}'.format(site) }}\n",
        "not allowed in a report template: access to attribute '__class__'",
    ),
    "format-map": (
        "{{ '{x.__class__}'.format_map({'x': site}) }}\n",
        "not allowed in a report template",
    ),
    "attr": (
        "{{ site|attr('__class__') }}\n",
        "not allowed in a report template: access to attribute '__class__'",
    ),
    "attr-format": (
        "{{ ('{0.__class__}'|attr('format'))(site) }}\n",
        "not allowed in a report template",
    ),
    "globals": ("{{ cycler.__init__.__globals__.os }}\n", "not allowed in a report template"),
    "undefined": ("{{ nothing.here }}\n", "undefined in the template: 'nothing' is undefined"),
    "huge-string": ("{{ 'x' * 100000 * 100000 }}\n", "the page needed more than 512 MiB"),
}


def _templates(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding a good report, and its bytes."""
    out = tmp_path / "out"
    assert run(["report", PLAN, "-o", str(out)], capsys)[0] == 0
    return out, snapshot(out)


@pytest.mark.parametrize("case", sorted(EVIL))
def test_unsafe_template_is_a_diagnostic_and_writes_nothing(
    case: str,
    tmp_path: Path,
    previous: tuple[Path, dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    out, before = previous
    body, message = EVIL[case]
    folder = _templates(tmp_path, "index.html", HEAD + body + TAIL)
    code, stdout, err = run(["report", PLAN, "-o", str(out), "--templates", str(folder)], capsys)
    assert code == 2
    first = err.splitlines()[0]
    assert first.startswith(f"{folder}/index.html:3:1: [error] {message}"), first
    assert first.endswith("(RPT001)")
    assert stdout == ""
    assert snapshot(out) == before


def test_a_runaway_loop_is_stopped_within_seconds(
    tmp_path: Path, previous: tuple[Path, dict[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = previous
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    folder = _templates(tmp_path, "index.html", HEAD + loop + TAIL)
    argv = ["report", PLAN, "-o", str(out), "--templates", str(folder), "--template-timeout", "1"]
    start = time.monotonic()
    code, _, err = run(argv, capsys)
    elapsed = time.monotonic() - start
    assert code == 2
    assert err.startswith(f"{folder}/index.html:3:1: [error] the page took longer than 1 s")
    assert elapsed < 6
    assert snapshot(out) == before


def test_a_syntax_error_names_its_line(
    tmp_path: Path, previous: tuple[Path, dict[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = previous
    text = "{% extends 'base.html' %}\n{% block main %}\n<p>\n{% if site %}\n{% endblock %}\n"
    folder = _templates(tmp_path, "jobs.html", text)
    code, _, err = run(["report", PLAN, "-o", str(out), "--templates", str(folder)], capsys)
    assert code == 2
    assert err.startswith(f"{folder}/jobs.html:5:1: [error] template syntax error: ")
    assert snapshot(out) == before


def test_an_included_user_template_names_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "<article>\n{{ card.ref.name.__class__ }}\n</article>\n"
    folder = _templates(tmp_path, "kpi_card.html", text)
    argv = ["report", PLAN, "-o", str(tmp_path / "o"), "--templates", str(folder)]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert err.startswith(f"{folder}/kpi_card.html:2:1: [error] not allowed in a report template")


def test_a_good_override_replaces_only_its_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _templates(tmp_path, "index.html", HEAD + "<h1>Custom {{ site.name }}</h1>\n" + TAIL)
    out = tmp_path / "out"
    code, _, err = run(["report", PLAN, "-o", str(out), "--templates", str(folder)], capsys)
    assert code == 0, err
    html = out / "report" / "html"
    assert "<h1>Custom ACME Ltd</h1>" in (html / "index.html").read_text(encoding="utf-8")
    assert "Performance agreement" in (html / "SALES.html").read_text(encoding="utf-8")


def test_a_symlink_out_of_the_folder_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    folder = _templates(tmp_path, "index.html", HEAD + "{% include 'leak.txt' %}\n" + TAIL)
    (folder / "leak.txt").symlink_to(secret)
    code, _, err = run(
        ["report", PLAN, "-o", str(tmp_path / "o"), "--templates", str(folder)], capsys
    )
    assert code == 2
    assert err.startswith(f"{folder}/index.html:3:1: [error] template not found: leak.txt")
    assert "top secret" not in err


def test_templates_cannot_climb_out_by_name() -> None:
    env = make_env("html", EnvOptions("en"))
    with pytest.raises(TemplateNotFound):
        env.get_template("../../../../etc/passwd")


def _job(tmp_path: Path, seconds: float) -> bounded.Job:
    folder = _templates(tmp_path, "index.html", "{{ site }}\n")
    page = Page("html", "index.html", "index.html", {"site": "x"})
    return bounded.Job(EnvOptions("en", templates=folder), (page,), (str(folder),), Limits(seconds))


def test_a_child_that_dies_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def dies(job: bounded.Job, conn: object) -> None:
        os._exit(7)

    monkeypatch.setattr(bounded, "_child", dies)
    with pytest.raises(RenderError, match=r"rendering stopped unexpectedly \(exit code 7\)"):
        bounded.render_bounded(_job(tmp_path, 1))


def test_a_silent_child_is_killed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def hangs(job: bounded.Job, conn: object) -> None:
        time.sleep(60)

    monkeypatch.setattr(bounded, "_child", hangs)
    monkeypatch.setattr(bounded, "GRACE", 0.2)
    start = time.monotonic()
    with pytest.raises(RenderError, match=r"took longer than 0\.3 s"):
        bounded.render_bounded(_job(tmp_path, 0.3))
    assert time.monotonic() - start < 5


def test_a_bounded_render_returns_every_page(tmp_path: Path) -> None:
    assert bounded.render_bounded(_job(tmp_path, 2)) == {("html", "index.html"): "x\n"}


def test_spawn_start_method_works_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where there is no fork (macOS, Windows) the job is pickled to a fresh process."""
    monkeypatch.setattr(bounded, "child_context", lambda: multiprocessing.get_context("spawn"))
    assert bounded.render_bounded(_job(tmp_path, 10)) == {("html", "index.html"): "x\n"}


def test_no_fork_while_another_thread_runs(tmp_path: Path) -> None:
    import threading

    stop = threading.Event()
    server = threading.Thread(target=stop.wait, daemon=True)  # like report --serve's
    server.start()
    try:
        assert bounded.child_context().get_start_method() == "forkserver"
        assert bounded.render_bounded(_job(tmp_path, 10)) == {("html", "index.html"): "x\n"}
    finally:
        stop.set()
        server.join()


def test_a_template_link_is_checked_before_it_is_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to a FIFO outside the folder would block the read: it is never opened."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = _templates(tmp_path, "index.html", HEAD + "{% include 'pipe.html' %}\n" + TAIL)
    (folder / "pipe.html").symlink_to(fifo)
    code, _, err = run(
        ["report", PLAN, "-o", str(tmp_path / "o"), "--templates", str(folder)], capsys
    )
    assert code == 2
    assert err.startswith(f"{folder}/index.html:3:1: [error] template not found: pipe.html")
