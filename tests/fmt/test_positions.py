"""Comments and whitespace ruamel.yaml cannot take as they are, formatted exactly."""

from __future__ import annotations

import pytest

from tests.fmt.helpers import fmt, fmt_text


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        (  # a comment after a lone dash goes above the item, the dash joins the content
            "kind: People\npeople:\n  - # first\n    {unit: X, id: P1}  # eol\n",
            "kind: People\npeople:\n  # first\n  - {id: P1, unit: X}  # eol\n",
        ),
        (  # content deeper than two columns keeps its column
            "kind: People\npeople:\n  -   # first\n      unit: X\n      id: P1\n",
            "kind: People\npeople:\n  # first\n  - id: P1\n    unit: X\n",
        ),
        (  # an empty item keeps its dash
            "kind: Plan\nx:\n  - # nothing\n  - a\n",
            "kind: Plan\nx:\n  - \n    # nothing\n  - a\n",
        ),
        (  # a comment line above a flow item that has an end-of-line comment
            "kind: Actuals\nresults:\n  - {kpi: A/1, value: 1}\n"
            "  # note\n  - {value: 2, kpi: A/2}  # x\n",
            "kind: Actuals\nresults:\n  - {kpi: A/1, value: 1}\n"
            "  # note\n  - {kpi: A/2, value: 2}  # x\n",
        ),
    ],
)
def test_comments_ruamel_would_drop_are_kept(text: str, formatted: str) -> None:
    assert fmt_text(text) == formatted


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        (  # kept as written while the keys around it are reordered
            "kind: Agreement\nkpis:\n  - tags: [a,  # first\n           b]\n    id: A1\n",
            "kind: Agreement\nkpis:\n  - id: A1\n    tags: [a,  # first\n           b]\n",
        ),
        (  # the list style changes from flush to indented: the island follows
            "kind: Plan\nx:\n- [a,  # first\n   b]\n- c\ny:\n  - d\nz:\n  - e\n",
            "kind: Plan\nx:\n  - [a,  # first\n     b]\n  - c\ny:\n  - d\nz:\n  - e\n",
        ),
        (  # a key moved onto the dash line keeps its island deeper than the block
            "kind: Agreement\nkpis:\n  - weight: [1,  # w\n      2]\n    id: A1\n",
            "kind: Agreement\nkpis:\n  - id: A1\n    weight: [1,  # w\n      2]\n",
        ),
    ],
)
def test_flow_collections_holding_comments_move_as_a_whole(text: str, formatted: str) -> None:
    assert fmt_text(text) == formatted


def test_tabs_between_tokens_become_spaces_and_others_stay() -> None:
    text = "kind:\tPeople\t# a\tb\npeople: [a,\tb]\t\nnote: |\n  x\ty\n"
    assert fmt_text(text) == "kind: People # a\tb\npeople: [a, b]\nnote: |\n  x\ty\n"


def test_old_mac_line_breaks_become_newlines() -> None:
    assert fmt(b"people: []\r# roster\rkind: People\r") == b"# roster\nkind: People\npeople: []\n"
