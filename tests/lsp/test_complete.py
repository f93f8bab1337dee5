"""Which key a completion is for, on lines as typed (they need not parse)."""

from __future__ import annotations

from cascade.lsp.complete import key_at, word_start
from cascade.lsp.keys import describe_key


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
