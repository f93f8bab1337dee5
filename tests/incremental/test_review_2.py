"""Adversarial review (second round) of the warm validate path: edits where a warm run
differs from a cold full run.

Each test reduces one discrepancy the review found to a few edits of the generated
plan; each was an ``xfail(strict=True)`` until its fix landed:

* a rule that crashed in the full run (INT001) hides findings in every file: the warm
  path now refuses to start from such a snapshot;
* a ``same_as`` cycle made ``Kpi._inherited`` recurse for ever (a RecursionError in
  the snapshot's fingerprints, INT001s in CRT006 and TRC004): it stops now;
* diagnostics at the same place and code kept the order they were found in (the
  warm run finds them in another order): they sort by every field now.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import cascade.rules as registered
from cascade.diagnostics import Finding
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SELF
from tests.incremental.helpers import (
    FULL_PATH,
    LEAF,
    PEOPLE_OR_FULL,
    Env,
    apply,
    codes,
    cold,
    copy_run,
    on_data,
    replace,
    step,
)

NONE = Env("", "", None, (), "")
P48 = "agreements/people/P00048.yaml"
SAME_AS_CYCLE = (
    replace('    same_as: "2"\n', "    same_as: P00048/7\n"),
    replace(
        "signatories:\n",
        '  - {id: "7", kind: supervisor, same_as: P00048/1, weight: 0}\nsignatories:\n',
    ),
)
"""P00048/1 and P00048/7 are each other's ``same_as`` and neither gives criteria."""


SEVENTH = '  - {id: "7", kind: job, responsibility: R1, weight: 0}\n'


def _fragile(ctx: Context) -> Iterator[Finding]:
    """KPIs without criteria, in the model's order; crashes at P00048/7 (a test rule)."""
    for kpi in ctx.model.kpis.values():
        if kpi.qid == "P00048/7":
            raise RuntimeError("boom")
        if kpi.own_criteria is None and kpi.same_as_ref is None:
            yield finding(kpi.where.at("id"), f"{kpi.qid} has no criteria of its own")


def _crashing(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that crashes at P00048/7, which comes before P00060 in the model."""
    extra = rule("ZZZ201", "fragile", reads=(SELF,))(_fragile)
    monkeypatch.setattr(registered, "RULES", (*registered.RULES, extra))
    monkeypatch.setattr(registered, "ALL", {**registered.ALL, extra.code: extra})
    apply(
        root,
        P48,
        replace(
            "signatories:\n",
            '  - {id: "7", kind: job, responsibility: R1, weight: 0}\nsignatories:\n',
        ),
        NONE,
    )
    result = step(root, FULL_PATH, "first run").result
    crashed = [d.message.split(" crashed")[0] for d in result.diagnostics if d.code == "INT001"]
    assert crashed == ["rule ZZZ201 (fragile)"]


def test_rule_crash_elsewhere_hides_findings_cold(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule crashes on P00048 in the full model, before it reaches P00060; P00060's
    smaller model holds no P00048, so a warm run would report P00060/4 (its criteria
    removed), which the cold run never reaches: no warm run starts from a crash."""
    root = copy_run(generated, tmp_path)
    _crashing(root, monkeypatch)
    apply(root, LEAF, replace("    criteria:\n      thresholds: [18, 16, 14, 12, 10]\n", ""), NONE)
    step(root, FULL_PATH, "P00060/4 without criteria")


def test_rule_crash_fixed_warm(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removing P00048/7 ends the crash, but the INT001 is in cascade.yaml, which no
    warm run re-checks: the run after a crash is a full one."""
    root = copy_run(generated, tmp_path)
    _crashing(root, monkeypatch)
    apply(root, P48, replace(SEVENTH, ""), NONE)
    result = step(root, FULL_PATH, "the crash fixed").result
    assert "INT001" not in codes(result)


def test_same_as_cycle_does_not_crash(generated: Path, tmp_path: Path) -> None:
    """The cycle is reported (TRC006) and no rule crashes on it."""
    root = copy_run(generated, tmp_path)
    for edit in SAME_AS_CYCLE:
        apply(root, P48, edit, NONE)
    result = step(root, PEOPLE_OR_FULL, "a same_as cycle").result
    assert "TRC006" in codes(result) and "INT001" not in codes(result)


def _actuals_naming_p48(root: Path) -> None:
    """Actuals with a result for P00048/3: the snapshot keeps P00048's actuals fingerprint."""
    (root / "actuals").mkdir()
    (root / "actuals" / "2569-Q2.yaml").write_text(
        "kind: Actuals\nperiod: 2569-Q2\nresults:\n  - {kpi: P00048/3, value: 80}\n",
        encoding="utf-8",
    )


def test_same_as_cycle_in_a_party_the_actuals_name(generated: Path, tmp_path: Path) -> None:
    """Actuals name P00048/3, so the snapshot keeps the actuals fingerprint of P00048:
    ``_scored_by`` asks every KPI of P00048 for its inherited formula, and P00048/1 is
    in a same_as cycle.  The cold run reports INT001s; ``validate`` (the default
    ``cascade validate``, cache on) dies with a RecursionError traceback, every run."""
    root = copy_run(generated, tmp_path)
    _actuals_naming_p48(root)
    for edit in SAME_AS_CYCLE:
        apply(root, P48, edit, NONE)
    step(root, FULL_PATH, "actuals and a same_as cycle")


def test_same_as_cycle_that_no_rule_trips_on(generated: Path, tmp_path: Path) -> None:
    """The same cycle, but P00048/1 and /7 are ``job`` KPIs (TRC004 does not look at
    them) that give their own criteria, unit and target: no rule follows the cycle and
    the cold run has no INT001.  The actuals name P00048/3; the warm run's ``_sound``
    computes P00048's actuals fingerprint, ``_scored_by`` asks P00048/1 for its
    inherited formula, and validate dies with a RecursionError (so does every later
    run: no snapshot is written, and the full run's ``_record_facts`` crashes too)."""
    root = copy_run(generated, tmp_path)
    _actuals_naming_p48(root)
    step(root, FULL_PATH, "first run with actuals")
    own = "criteria: {thresholds: [1, 2, 3, 4, 5]}, unit_of_measure: percent, target: 3"
    block = "".join(
        f"    {field}\n" for field in own.replace(", u", "|u").replace(", t", "|t").split("|")
    )
    first = '    kind: supervisor\n    same_as: "2"\n'
    apply(root, P48, replace(first, "    kind: job\n    same_as: P00048/7\n" + block), NONE)
    seventh = f'  - {{id: "7", kind: job, same_as: P00048/1, weight: 0, {own}}}\n'
    apply(root, P48, replace("signatories:\n", seventh + "signatories:\n"), NONE)
    assert "INT001" not in codes(cold(root))
    step(root, PEOPLE_OR_FULL, "a same_as cycle in a party the actuals name")


def test_organisation_kpis_reordered(generated: Path, tmp_path: Path) -> None:
    """DPS/1.1 and DPS/1.2 have no OS matrix row: OSM001 reports both at the matrix's
    ``rows`` key (the same line and column), in the order of the organisation's KPIs.
    Reversing that order warm keeps the os-matrix fingerprint (``_carried`` digests
    the KPIs *sorted*), so the OS matrix is not re-checked and keeps the old order,
    while the cold run lists DPS/1.2 first."""
    root = copy_run(generated, tmp_path)
    rows = "  - {kpi: DPS/1.1, owner: D001}\n  - {kpi: DPS/1.2, owner: D001}\n"
    apply(root, "os-matrix.yaml", replace(rows, ""), NONE)
    result = step(root, FULL_PATH, "first run").result
    assert [d.message for d in result.diagnostics if d.code == "OSM001"] == [
        "organisation KPI 'DPS/1.1' has no row in the OS matrix",
        "organisation KPI 'DPS/1.2' has no row in the OS matrix",
    ]
    apply(root, "agreements/DPS.yaml", on_data(lambda doc, env: doc["kpis"].reverse()), NONE)
    step(root, PEOPLE_OR_FULL, "the organisation's KPIs in reverse order")
