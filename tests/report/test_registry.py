"""Adding a report page is one registry entry plus its templates: a page
registered here (with tiny templates in a ``--templates`` folder) is rendered
in HTML and Markdown, linked from the navigation and the index in both
languages, rebuilt by ``--serve``, checked by ``validate --render`` and put in
the PDF; nothing else of the report changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.report import pdf_markup, registry
from cascade.report.build import ViewOptions, build_view
from cascade.report.registry import PAGES, PageEntry, PartSources, reserved_stems
from cascade.report.serve import Site
from cascade.report.site import ReportOptions
from tests.conftest import ROOT
from tests.report.report_helpers import run, snapshot

ACME = ROOT / "plans" / "acme"
GOLDEN = ROOT / "tests" / "golden" / "report" / "acme"


def count_agreements(sources: PartSources) -> int:
    """The view part of the extra page: how many agreements the plan has."""
    return len(sources.model.agreements)


EXTRA = PageEntry(
    "headcount",
    word="headcount",
    nav=("จำนวนคำรับรอง", "Agreement count"),
    pdf="headcount.typ",
    build=count_agreements,
)
# The extra page goes after the last site page (progress), before the party pages.
WITH_EXTRA = (*PAGES[:-1], EXTRA, PAGES[-1])


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "headcount.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ page }}: {{ part }}</h1>\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    (folder / "headcount.md").write_text(
        '{% include "nav.md" %}\n\n# {{ t.headcount }}: {{ part }}\n', encoding="utf-8"
    )
    return folder


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "PAGES", WITH_EXTRA)


def _with_link(text: str, fmt: str, label: str) -> str:
    """``text`` of a built-in page with the extra page linked after the progress page."""
    if fmt == "html":
        last = '<a href="progress.html">Reporting progress</a>'
        link = f'<a href="headcount.html">{label}</a>'
        text = text.replace(f"{last}\n", f"{last}\n{link}\n")
        return text.replace(f"<li>{last}</li>\n", f"<li>{last}</li>\n<li>{link}</li>\n")
    last = "[Reporting progress](progress.md)"
    link = f"[{label}](headcount.md)"
    nav, rest = text.split("\n", 1)
    assert nav.endswith(f" · {last}")
    return f"{nav} · {link}\n" + rest.replace(f"- {last}\n", f"- {last}\n- {link}\n")


@pytest.mark.usefixtures("registered")
def test_a_registered_page_is_written_and_linked_and_nothing_else_changes(
    templates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["report", str(ACME), "-o", str(out), "--templates", str(templates)]
    assert run(argv, capsys)[0] == 0
    got, want = snapshot(out / "report"), snapshot(GOLDEN)
    assert sorted(got) == sorted([*want, "html/headcount.html", "md/headcount.md"])
    page = got.pop("html/headcount.html").decode("utf-8")
    assert "\n<h1>headcount: 4</h1>\n" in page
    assert '<a href="headcount.html">Agreement count</a>\n</nav>' in page
    assert (
        got.pop("md/headcount.md")
        .decode("utf-8")
        .endswith(" · [Agreement count](headcount.md)\n\n# Agreement count: 4\n")
    )
    for rel, data in want.items():
        fmt = rel.split("/", 1)[0]
        if rel.endswith("/.cascade-report"):  # the manifest: what cascade wrote there
            listed = sorted([*data.decode("utf-8").splitlines(), f"headcount.{fmt}"])
            assert got[rel].decode("utf-8").splitlines() == listed
            continue
        if rel.startswith("html/fonts/"):
            assert got[rel] == data, rel
            continue
        assert got[rel].decode("utf-8") == _with_link(data.decode("utf-8"), fmt, "Agreement count")
    index = got["html/index.html"].decode("utf-8")
    assert index.count('<a href="headcount.html">Agreement count</a>') == 2  # nav and the list
    assert '<li><a href="headcount.html">Agreement count</a></li>\n</ul>' in index


@pytest.mark.usefixtures("registered")
def test_the_page_is_linked_in_thai_too(
    templates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["report", str(ACME), "--lang", "th", "-o", str(out), "--templates", str(templates)]
    assert run(argv, capsys)[0] == 0
    html = (out / "report" / "html" / "index.html").read_text(encoding="utf-8")
    # ACME is a company (org.yaml type: company): its Thai words are a business's, no คำรับรอง
    assert html.count('<a href="headcount.html">จำนวนข้อตกลง</a>') == 2
    md = (out / "report" / "md" / "index.md").read_text(encoding="utf-8")
    assert md.splitlines()[0].endswith(" · [จำนวนข้อตกลง](headcount.md)")
    assert "- [จำนวนข้อตกลง](headcount.md)\n" in md
    page = (out / "report" / "md" / "headcount.md").read_text(encoding="utf-8")
    assert page.endswith("\n# จำนวนข้อตกลง: 4\n")


def test_serve_rebuilds_a_page_passed_in_the_options(templates: Path, tmp_path: Path) -> None:
    log: list[str] = []
    options = ReportOptions(lang="en", templates=templates, pages=WITH_EXTRA)
    site = Site(ACME, tmp_path / "out", options, log.append)
    assert site.build(), log
    assert "headcount.html" in log[-1].split(": ", 1)[1].split(", ")
    page = (site.folder / "headcount.html").read_text(encoding="utf-8")
    assert "\n<h1>headcount: 4</h1>\n" in page
    index = (site.folder / "index.html").read_text(encoding="utf-8")
    assert index.count('<a href="headcount.html">Agreement count</a>') == 2


@pytest.mark.usefixtures("registered")
def test_validate_render_renders_the_registered_page(
    templates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (templates / "headcount.md").write_text("# {{ part }}\n{{ part.nope }}\n", encoding="utf-8")
    argv = ["validate", str(ACME), "--render", "--no-cache", "--templates", str(templates)]
    code, out, _ = run([*argv, "-f", "parsable"], capsys)
    assert code == 2
    assert out.startswith(f"{templates}/headcount.md:2:1: [error] ")
    assert out.rstrip().endswith("(RPT001)")


def test_the_pdf_has_the_page_in_registry_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    folder = tmp_path / "pdf"
    shutil.copytree(pdf_markup.template_dir(), folder)
    (folder / "headcount.typ").write_text(
        "= Agreements: {{ site.agreements|length }}\n", encoding="utf-8"
    )
    monkeypatch.setattr(pdf_markup, "template_dir", lambda: folder)
    pdf_markup.make_typst_env.cache_clear()  # environments are made once per process
    request.addfinalizer(pdf_markup.make_typst_env.cache_clear)  # and not with this folder
    model = check_plan(ACME).model
    assert model is not None
    view = build_view(model, ViewOptions("en", pages=WITH_EXTRA))
    plain = pdf_markup.render_typst(view, "en")
    source = pdf_markup.render_typst(view, "en", pages=WITH_EXTRA)
    assert "= Agreements" not in plain
    assert source.count("\n= Agreements: 4\n") == 1
    first_form = source.index("#counter(page).update(1)")
    assert source.index("= Agreements: 4") < first_form
    assert source.replace("= Agreements: 4\n", "", 1) == plain
    pdf_markup.make_typst_env.cache_clear()  # not this folder's for the tests after


def test_a_party_page_never_takes_a_registered_page_name() -> None:
    assert reserved_stems(PAGES) == {
        "index",
        "strategy-map",
        "os-matrix",
        "cascade",
        "org-chart",
        "jobs",
        "progress",
        "style",
        "error",
    }
    assert reserved_stems(WITH_EXTRA) == reserved_stems(PAGES) | {"headcount"}
