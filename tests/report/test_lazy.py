"""``cascade report`` with the cache: nothing built when nothing changed, and
only the views an agreement edit can reach (cascade/report/lazy.py).

Each step edits the plan, runs ``cascade report --cache`` into the same
folder, checks which agreement views were built (``None``: every one; no
entry: no view at all), and compares the folder byte for byte with a cold
``--no-cache`` report into a fresh folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from bench.report_warm import swap_weights
from cascade.report import site
from cascade.report.lazy import reached
from tests.conftest import MINIMAL, ROOT
from tests.report.report_helpers import run, snapshot
from tests.report.test_reuse import edit

CHAIN = {"P00008", "D001-4", "D001", "DPS"}
"""P00008 and the parties whose KPIs it feeds, up to the organisation's."""


class Views:
    """Records each report's ``only`` (the agreement views it built)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.built: list[frozenset[str] | None] = []
        real = site.build_view

        def spy(model: Any, options: Any) -> Any:
            self.built.append(options.only)
            return real(model, options)

        monkeypatch.setattr(site, "build_view", spy)

    def last(self) -> frozenset[str] | str | None:
        """The views the last report built; ``"none"`` when it built no view."""
        found = self.built[:]
        self.built.clear()
        assert len(found) <= 2  # a second view only when the first could not do
        return found[-1] if found else "none"


def report(plan: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    code, said, err = run(["report", str(plan), "-o", str(out), "-q", *extra], capsys)
    assert (code, err) == (0, "")
    return said


def same_as_cold(plan: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> None:
    """A warm report into ``out`` writes what a cold one writes."""
    report(plan, out, capsys, "--cache", *extra)
    cold = out.parent / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    report(plan, cold, capsys, "--no-cache", *extra)
    assert snapshot(out) == snapshot(cold)


def replace_first(path: Path, pattern: str, text: str) -> None:
    edit(path, pattern, lambda m: text)


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*")}


def test_an_edit_builds_the_views_it_reaches_and_matches_a_cold_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, out = tmp_path / "plan", tmp_path / "out"
    generate(plan, 8, seed=0)
    views = Views(monkeypatch)
    first = report(plan, out, capsys, "--cache")
    assert views.last() is None  # no state yet: every view
    before = inodes(out)
    assert report(plan, out, capsys, "--cache") == first  # the same lines
    assert views.last() == "none"  # nothing changed: no model, no view, nothing written
    assert inodes(out) == before

    swap_weights(plan / "agreements/people/P00008.yaml")
    same_as_cold(plan, out, capsys)
    assert views.built.pop(0) == CHAIN  # the person's and those its KPIs feed
    views.built.clear()

    unit = plan / "agreements/units/D001-4.yaml"
    edit(unit, r"^    name: (.*)$", lambda m: "    name: ชื่อใหม่")
    same_as_cold(plan, out, capsys)
    assert views.built.pop(0) == CHAIN  # D001-4's, those it feeds and its person's

    views.built.clear()

    # a page edited by hand, of an agreement no edit reaches: every view is built
    (out / "report/html/P00001.html").write_text("mine", encoding="utf-8")
    swap_weights(plan / "agreements/people/P00008.yaml")
    same_as_cold(plan, out, capsys)
    assert views.built[:2] == [CHAIN, None]
    views.built.clear()

    organisation = plan / "agreements/DPS.yaml"
    edit(organisation, r"^    name: (.*)$", lambda m: "    name: ตัวชี้วัดขององค์กร")
    same_as_cold(plan, out, capsys)  # every KPI cascades from the organisation's
    assert views.built.pop(0) == frozenset(p.stem for p in plan.glob("agreements/**/*.yaml"))
    views.built.clear()

    for other, pattern, text in [
        (next((plan / "people").iterdir()), r"name: ([^,}]+)", "name: นายทดสอบ ระบบ"),
        (plan / "cascade.yaml", r"th: กรมพัฒนาคุณภาพบริการสาธารณะ", "th: กรมทดสอบ"),
    ]:
        replace_first(other, pattern, text)
        same_as_cold(plan, out, capsys)
        assert views.built.pop(0) is None, other  # not an agreement: every view
        views.built.clear()

    moved = plan / "agreements/people/P00007.yaml"
    moved.rename(moved.with_name("P00007-2569.yaml"))  # a file renamed: every view
    same_as_cold(plan, out, capsys)
    assert views.built.pop(0) is None


def test_with_a_period_or_templates_every_view_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, out = tmp_path / "plan", tmp_path / "out"
    shutil.copytree(ROOT / "plans/probation", plan, ignore=shutil.ignore_patterns(".cascade-*"))
    views = Views(monkeypatch)
    quarter = ("--period", "2569-Q2")
    report(plan, out, capsys, "--cache", *quarter)
    report(plan, out, capsys, "--cache", *quarter)
    assert views.built == [None]  # the second: nothing changed, no view
    views.built.clear()
    swap_weights(plan / "agreements/people/P0014.yaml")
    same_as_cold(plan, out, capsys, *quarter)
    assert views.built.pop(0) is None  # the scores are plan-wide
    views.built.clear()

    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(ROOT / "templates/report/party.md", templates / "party.md")
    mine = ("-f", "md", "--templates", str(templates))
    report(plan, tmp_path / "mine", capsys, "--cache", *mine)
    edit(templates / "party.md", r"\A", lambda m: "ฉบับร่าง\n")
    same_as_cold(plan, tmp_path / "mine", capsys, *mine)
    assert views.built.pop(0) is None  # user templates may read anything


def test_reached_follows_old_and_new_links_both_ways() -> None:
    old = {"A": frozenset({"B"}), "B": frozenset({"ORG"}), "X": frozenset({"A"})}
    new = {"A": frozenset({"C"}), "B": frozenset({"ORG"}), "X": frozenset({"A"})}
    # A's old parent B (and above it), its new parent C, and X below: not B's other children
    assert reached({"A"}, old, new) == {"A", "B", "C", "ORG", "X"}
    assert reached({"ORG"}, old, new) == {"ORG", "B", "A", "X"}


def test_a_report_that_keeps_no_state_in_between_is_not_taken_for_no_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--stamp`` (like ``-f pdf`` and ``--serve``) rewrites pages and their page
    lists without a state: the next plain report must not find "nothing changed"
    and keep the stamped pages."""
    plan, out = tmp_path / "plan", tmp_path / "out"
    shutil.copytree(MINIMAL, plan, ignore=shutil.ignore_patterns(".cascade-*"))
    views = Views(monkeypatch)
    report(plan, out, capsys, "--cache")
    plain = snapshot(out)
    report(plan, out, capsys, "--cache", "--stamp")
    assert snapshot(out) != plain  # the pages carry the time
    views.built.clear()
    same_as_cold(plan, out, capsys)
    assert views.built == [None, None]  # every view, then the cold report's


def test_nothing_changed_still_refuses_a_file_put_there_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a cold report does (exit 2), though the pages are as written."""
    plan, out = tmp_path / "plan", tmp_path / "out"
    shutil.copytree(MINIMAL, plan, ignore=shutil.ignore_patterns(".cascade-*"))
    report(plan, out, capsys, "--cache")
    (out / "report/md/notes.txt").write_text("mine", encoding="utf-8")
    code, said, err = run(["report", str(plan), "-o", str(out), "-q", "--cache"], capsys)
    folder = out / "report/md"
    assert (code, said) == (2, "")
    assert err == (
        f"cascade: {folder} holds files cascade did not write (notes.txt); move them away "
        "or choose another --out; the report was not written\n"
    )
