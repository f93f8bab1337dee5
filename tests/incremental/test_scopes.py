"""Rules with new scopes are covered warm without touching ``cascade/incremental/``.

Each test registers a rule that reads something no built-in rule reads the same
way (siblings, subordinates, two levels up), declares its scope, edits the
generated plan where only that scope can see it, and requires the warm run to
equal a cold one while still taking the warm path.  A control declares a wrong
scope and shows the differential test would catch it; an unknown scope makes
the run full.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import cascade.rules as registered
from cascade.diagnostics import Finding
from cascade.incremental.recheck import scopes_in_use
from cascade.incremental.run import Outcome, validate
from cascade.model.plan import Kpi
from cascade.rules import scopes
from cascade.rules.common import finding, totals_at
from cascade.rules.registry import Context, Rule, rule
from tests.incremental.helpers import (
    PEOPLE_PATH,
    SUPERVISOR,
    apply,
    assert_same,
    cold,
    copy_run,
    on_data,
    step,
)

SIBLING = "agreements/people/P00050.yaml"
"""A person below P00047, with twelve siblings (P00048 … P00060)."""


def _largest_among_siblings(ctx: Context) -> Iterator[Finding]:
    """How many siblings have more KPIs than an agreement (a test rule)."""
    model = ctx.model
    by_parent: dict[str, list[str]] = {}
    for party, agreement in model.agreements.items():
        if agreement.parent:
            by_parent.setdefault(agreement.parent, []).append(party)
    for party, agreement in model.agreements.items():
        others = [p for p in by_parent.get(agreement.parent or "", []) if p != party]
        more = sum(len(model.agreements[p].kpis) > len(agreement.kpis) for p in others)
        if more:
            yield finding(totals_at(agreement), f"{more} of {party}'s siblings have more KPIs")


def _uncascaded(ctx: Context) -> Iterator[Finding]:
    """A KPI of a supervisor's agreement that no subordinate's KPI names (a test rule)."""
    model = ctx.model
    named: dict[str, set[str]] = {}
    for agreement in model.agreements.values():
        for kpi in agreement.kpis:
            parents = [*kpi.contributes_to]
            if isinstance(kpi.same_as, Kpi):
                parents.append(kpi.same_as)
            for parent in parents:
                if parent.party == agreement.parent:
                    named.setdefault(parent.party, set()).add(parent.qid)
    for party, agreement in model.agreements.items():
        if party not in named:
            continue
        for kpi in agreement.kpis:
            if kpi.qid not in named[party]:
                yield finding(kpi.where.at("id"), f"no subordinate cascades {kpi.qid}")


def _grandparent_weight(ctx: Context) -> Iterator[Finding]:
    """A KPI whose parent's parent KPI weighs more than 20 (a test rule: two levels up)."""
    for kpi in ctx.model.kpis.values():
        parent = kpi.same_as if isinstance(kpi.same_as, Kpi) else None
        above = parent.same_as if parent is not None else None
        if isinstance(above, Kpi) and above.weight is not None and above.weight > 20:
            yield finding(kpi.where.at("id"), f"{kpi.qid} sits below a heavy {above.qid}")


def _register(monkeypatch: pytest.MonkeyPatch, extra: Rule) -> None:
    monkeypatch.setattr(registered, "RULES", (*registered.RULES, extra))
    monkeypatch.setattr(registered, "ALL", {**registered.ALL, extra.code: extra})


def _rule(code: str, check: object, reads: tuple[scopes.Scope, ...]) -> Rule:
    return rule(code, f"test-{code.lower()}", reads=reads)(check)  # type: ignore[arg-type]


def _add_kpi(doc: dict[str, object], env: object) -> None:
    kpis = doc["kpis"]
    assert isinstance(kpis, list)
    kpis.append({**kpis[-1], "id": f"9{len(kpis)}", "weight": 1})


def _weight(kpi_id: str, value: int) -> object:
    def change(doc: dict[str, object], env: object) -> None:
        kpis = doc["kpis"]
        assert isinstance(kpis, list)
        next(k for k in kpis if k["id"] == kpi_id)["weight"] = value

    return on_data(change)  # type: ignore[arg-type]


def test_every_rule_declares_a_known_scope() -> None:
    known = set(scopes.SCOPES)
    for code, entry in registered.ALL.items():
        if entry.check is not None:
            assert entry.reads, f"{code} declares no scope"
            assert set(entry.reads) <= known, f"{code} declares an unknown scope"
    assert scopes_in_use() is not None, "the built-in rules can all be re-checked warm"


def test_siblings(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding a KPI to one sibling changes what another sibling's rule says."""
    root = copy_run(generated, tmp_path)
    _register(monkeypatch, _rule("ZZZ101", _largest_among_siblings, (scopes.SIBLINGS,)))
    step(root, {"full"}, "with the new rule")
    apply(root, SIBLING, on_data(_add_kpi))  # type: ignore[arg-type]
    outcome = step(root, PEOPLE_PATH, "a sibling grows")
    assert "ZZZ101" in {d.code for d in outcome.result.diagnostics}
    assert len(outcome.checked) > 2, "the siblings were re-checked too"


def test_a_wrong_scope_is_caught(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same rule declared as reading only its own agreement: the warm run misses
    the siblings' new findings, and the differential comparison says so."""
    root = copy_run(generated, tmp_path)
    _register(monkeypatch, _rule("ZZZ101", _largest_among_siblings, (scopes.SELF,)))
    validate(root)
    apply(root, SIBLING, on_data(_add_kpi))  # type: ignore[arg-type]
    warm = validate(root)  # its siblings now have one sibling with more KPIs
    assert warm.how == "agreements"
    with pytest.raises(AssertionError, match="warm run != cold run"):
        assert_same(warm.result, cold(root), "a wrongly declared scope")


def test_subordinates(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A subordinate stops cascading a KPI: the supervisor's finding appears."""
    root = copy_run(generated, tmp_path)
    _register(monkeypatch, _rule("ZZZ102", _uncascaded, (scopes.SUBORDINATES,)))
    before = step(root, {"full"}, "with the new rule")
    for number in range(48, 61):
        rel = f"agreements/people/P{number:05d}.yaml"
        text = (root / rel).read_text(encoding="utf-8")
        text = text.replace('same_as: "2"', 'same_as: "3"')
        text = text.replace('["2"]', '["3"]').replace("[P00047/2]", "[P00047/3]")
        (root / rel).write_text(text, encoding="utf-8")
    after = step(root, PEOPLE_PATH, "nobody below cascades P00047/2 any more")

    def said(outcome: Outcome) -> set[str]:
        diagnostics = outcome.result.diagnostics
        return {d.message for d in diagnostics if d.code == "ZZZ102" and d.file == SUPERVISOR}

    assert said(after) - said(before) == {"no subordinate cascades P00047/2"}


def test_two_levels_up(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A weight edited two levels up changes a person's finding (declared ``chain``):
    P00047/1 is ``same_as`` D001-4/2, which is ``same_as`` D001/8."""
    root = copy_run(generated, tmp_path)
    _register(monkeypatch, _rule("ZZZ103", _grandparent_weight, (scopes.CHAIN,)))
    step(root, {"full"}, "with the new rule")
    for value, expected in ((35, True), (5, False)):
        apply(root, "agreements/units/D001.yaml", _weight("8", value))  # type: ignore[arg-type]
        outcome = step(root, PEOPLE_PATH, f"D001/8 weighs {value}")
        files = {d.file for d in outcome.result.diagnostics if d.code == "ZZZ103"}
        assert (SUPERVISOR in files) is expected


def test_an_unknown_scope_means_a_full_run(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mystery = scopes.Scope("mystery", "reads something the planner cannot re-check")
    _register(monkeypatch, _rule("ZZZ104", _largest_among_siblings, (mystery,)))
    assert scopes_in_use() is None
    root = copy_run(generated, tmp_path)
    validate(root)
    apply(root, SIBLING, on_data(_add_kpi))  # type: ignore[arg-type]
    step(root, {"full"}, "an unknown scope")


def test_an_undeclared_rule_means_a_full_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _register(monkeypatch, _rule("ZZZ105", _largest_among_siblings, ()))
    assert scopes_in_use() is None
