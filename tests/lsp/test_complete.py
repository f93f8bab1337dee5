"""Which key a completion is for, on lines as typed (they need not parse)."""

from __future__ import annotations

from cascade.lsp.complete import key_at, word_start
from cascade.lsp.keys import describe_key
from tests.conftest import ROOT
from tests.lsp.helpers import line_of


def test_the_key_of_the_value_under_the_cursor() -> None:
    lines = [
        "rows:",
        "  - {kpi: DOP/1.2, owner: PROB, supporters: [LAW, P",
        "kpis:",
        "  - id: 1",
        "    contributes_to:",
        "      - DOP/1",
        "    name: x",
    ]
    assert key_at(lines, 1, 12) == "kpi"
    assert key_at(lines, 1, 28) == "owner"
    assert key_at(lines, 1, len(lines[1])) == "supporters"
    assert key_at(lines, 5, 11) == "contributes_to"
    assert key_at(lines, 3, 4) == "kpis"  # an item of kpis (no ids to offer there)
    assert key_at(lines, 6, 6) is None
    assert word_start(lines[1], len(lines[1])) == len(lines[1]) - 1
    assert word_start(lines[5], 11) == 8


def test_a_nested_key_is_found_below_the_documents_kind() -> None:
    lines = ["kind: OSMatrix", "rows:", "  - {kpi: DOP/1.2, owner: PROB}"]
    found = describe_key(lines, 2, 20)
    assert found is not None
    assert found[1:] == (19, 24)
    assert found[0].startswith("**owner**\n\n")
    assert describe_key(lines, 2, 12) is None  # a value, not a key
    assert describe_key(["rows:", "  - {owner: X}"], 1, 6) is None  # no kind: no spec


def _described(rel: str, text: str, key: str) -> str:
    """The English line of the hover on ``key`` in the line ``text`` of probation's ``rel``."""
    plan = ROOT / "plans" / "probation"
    lines = (plan / rel).read_text(encoding="utf-8").splitlines()
    line = line_of(plan, rel, text)
    found = describe_key(lines, line, text.index(f"{key}:") + 1)
    assert found is not None
    return found[0].split("\n\n")[1]


def test_a_nested_key_is_the_field_of_the_keys_it_is_nested_in() -> None:
    # the same key name in several models: the one the indentation above says
    law, framework = "agreements/units/LAW.yaml", "frameworks/opdc-2556.yaml"
    assert _described(law, "  - id: LAW-G1", "id") == "Goal id, unique in the agreement."
    assert _described(law, "  - id: 2-1", "id") == "KPI code, unique in the agreement."
    assert _described(framework, '  - id: "1.1"', "id") == "Slot id = the KPI id that fills it."
    assert _described(framework, "    weight: 30 + A", "weight") == "Weight (may use params)."
    assert (
        _described(framework, "        weight: 60", "weight") == "Fixed weight."
    )  # a sub-dimension
    assert _described(framework, "      - id: effectiveness", "id") == "Dimension id."
    assert _described("strategy.yaml", "  - id: G1", "id") == "Goal id, e.g. G1."
    rehab = "agreements/units/REHAB.yaml"  # a KPI written as a flow mapping
    flow = next(
        t
        for t in (ROOT / "plans" / "probation" / rehab).read_text(encoding="utf-8").splitlines()
        if t.startswith("  - {id: 5-1,")
    )
    assert _described(rehab, flow, "id") == "KPI code, unique in the agreement."
