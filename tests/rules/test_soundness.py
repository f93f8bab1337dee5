"""A broken agreement does not hide the other files' problems, and adds no echo of itself.

The rules run with an empty stand-in for each broken agreement and keep only
the findings their declared scopes make sound (cascade/rules/soundness.py).
"""

from __future__ import annotations

from pathlib import Path

from cascade.engine import validate_plan
from cascade.load.kinds import declared_in_text
from cascade.pipeline import CROSS_FILE_PARTIAL, CROSS_FILE_SKIPPED
from cascade.spec import KINDS
from tests.conftest import MINIMAL, keys, make_plan

P001 = "agreements/people/P001.yaml"
SVC = "agreements/units/SVC.yaml"
STRATEGY = "strategy.yaml"


def _found(root: Path) -> list[tuple[str, str, int, int]]:
    """Sorted keys; a syntax error without its position (the loader's to pin: it
    moves with the parser's precision, tests/load pins it)."""
    return sorted(
        (c, f, 0, 0) if c == "LOAD001" else (c, f, r, k) for c, f, r, k in keys(validate_plan(root))
    )


def _text(rel: str) -> str:
    return (MINIMAL / rel).read_text(encoding="utf-8")


def _syntax_error(rel: str) -> str:
    return _text(rel).replace("kpis:\n", "broken: [1, 2\nkpis:\n", 1)


UNKNOWN_GOAL = _text(STRATEGY).replace("goals: [G1]}", "goals: [G9]}")
P001_WEIGHT = _text(P001).replace("weight: 30", "weight: 31")


def test_a_syntax_error_in_an_agreement_does_not_hide_an_unknown_goal(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {P001: _syntax_error(P001), STRATEGY: UNKNOWN_GOAL})
    assert _found(root) == [
        ("CHN003", STRATEGY, 15, 10),  # G1 is served by no strategy now
        ("LOAD001", P001, 0, 0),
        ("REF001", STRATEGY, 20, 90),
    ]
    assert validate_plan(root).notes == (CROSS_FILE_PARTIAL,)


def test_a_broken_unit_drops_what_reads_it_and_keeps_what_does_not(tmp_path: Path) -> None:
    """P001's KPI is the same as SVC's: its findings read SVC (chain), so they go; a
    weight problem reads P001 alone (agreement), so it stays; SVC still counts as
    having an agreement (no COV001 echo), and the strategy's REF001 stays."""
    files = {SVC: _text(SVC).replace("kpis:\n", "colour: red\nkpis:\n", 1), P001: P001_WEIGHT}
    root = make_plan(tmp_path, {**files, STRATEGY: UNKNOWN_GOAL})
    assert _found(root) == [
        ("CHN003", STRATEGY, 15, 10),
        ("REF001", STRATEGY, 20, 90),
        ("SPEC003", SVC, 9, 1),
        ("WGT001", P001, 6, 1),
    ]


def test_the_same_plan_fixed_shows_no_new_error_where_the_partial_run_was_silent(
    tmp_path: Path,
) -> None:
    """The fixed plan's findings include every finding the partial run kept."""
    broken = make_plan(tmp_path / "a", {SVC: _syntax_error(SVC), P001: P001_WEIGHT})
    fixed = make_plan(tmp_path / "b", {P001: P001_WEIGHT})
    assert _found(broken) == [("LOAD001", SVC, 0, 0), ("WGT001", P001, 6, 1)]
    assert ("WGT001", P001, 6, 1) in _found(fixed)


def test_a_broken_shared_file_still_stops_the_rules(tmp_path: Path) -> None:
    strategy = _text(STRATEGY).replace("goals:\n", "goals: [\n", 1)
    root = make_plan(tmp_path, {STRATEGY: strategy, P001: P001_WEIGHT})
    result = validate_plan(root)
    assert [code for code, *_ in keys(result)] == ["LOAD001"]
    assert result.notes == (CROSS_FILE_SKIPPED,)


def test_an_agreement_whose_kind_cannot_be_seen_stops_the_rules(tmp_path: Path) -> None:
    hidden = _syntax_error(P001).replace("kind: Agreement", "  kind: Agreement")
    root = make_plan(tmp_path, {P001: hidden, STRATEGY: UNKNOWN_GOAL})
    result = validate_plan(root)
    assert [code for code, *_ in keys(result)] == ["LOAD001"]
    assert result.notes == (CROSS_FILE_SKIPPED,)


def test_kinds_and_parties_seen_in_a_broken_text() -> None:
    text = (
        "# comment\nkind: 'Agreement'  # quoted\nparty: SVC\nkpis: [\n---\n"
        'kind: "Agreement"\nparty: P001\n...\n'
    )
    assert declared_in_text(text, KINDS) == [("Agreement", "SVC"), ("Agreement", "P001")]
    assert declared_in_text("kind: Agreement\nparty: [\n", KINDS) == [("Agreement", None)]
    assert declared_in_text("kind: Agreemnt\n", KINDS) is None
    assert declared_in_text("kind: Agreement\nkind: Strategy\n", KINDS) is None
    assert declared_in_text("party: X\n", KINDS) is None
    assert declared_in_text("%YAML 1.2\n---\nkind: Strategy\n", KINDS) == [("Strategy", None)]
