"""What fmt keeps as written and what it makes canonical, one feature at a time."""

from __future__ import annotations

import pytest

from cascade.fmt.quoting import needs_quotes
from tests.fmt.helpers import documents, fmt, fmt_text

AGREEMENT = """\
kind: Agreement
party: LAW
kpis:
  - id: A3
    name: ระดับการปรับปรุงคุณภาพ
    weight: 10
"""


def test_canonical_text_is_left_as_is() -> None:
    assert fmt_text(AGREEMENT) == AGREEMENT


def test_utf8_bom_is_kept() -> None:
    data = b"\xef\xbb\xbf" + AGREEMENT.replace("party: LAW\n", "").encode() + b"party: LAW\n"
    out = fmt(data)
    assert out.startswith(b"\xef\xbb\xbfkind: Agreement\nparty: LAW\nkpis:")
    assert out.count(b"\xef\xbb\xbf") == 1


def test_crlf_line_ends_are_kept() -> None:
    text = "kind: Agreement\r\nkpis:\r\n  - weight: 10   # w\r\n    id: A3\r\nparty: LAW\r\n"
    out = fmt(text)
    assert out == (
        b"kind: Agreement\r\nparty: LAW\r\nkpis:\r\n  - id: A3\r\n    weight: 10   # w\r\n"
    )
    assert fmt(out) == out


def test_bom_and_crlf_of_a_canonical_file_are_byte_identical() -> None:
    data = b"\xef\xbb\xbf" + AGREEMENT.replace("\n", "\r\n").encode()
    assert fmt(data) == data


@pytest.mark.parametrize(
    "line",
    [
        'id: "1.10"',
        'id: "1200"',
        'id: "010"',
        'id: "NO"',
        'id: "yes"',
        'id: "1:20"',
        'id: "2567-02-29"',
        "id: 2-1",
        "id: A3",
        "id: '1.1'",
    ],
)
def test_ids_keep_the_quotes_that_matter(line: str) -> None:
    text = f"kind: Agreement\nparty: LAW\nkpis:\n  - {line}\n    weight: 1\n"
    assert fmt_text(text) == text


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("1.10", '"1.10"'),
        ("1200", '"1200"'),
        ("010", '"010"'),
        ("NO", '"NO"'),
        ("yes", '"yes"'),
        ("1:20", '"1:20"'),
        ("2567-02-29", '"2567-02-29"'),
        ("1e3", '"1e3"'),
        ("~", "~"),
        ('"A3"', "A3"),
        ("'LAW-G1'", "LAW-G1"),
    ],
)
def test_ids_are_quoted_exactly_when_yaml_would_misread_them(written: str, canonical: str) -> None:
    text = f"kind: Agreement\nparty: LAW\nkpis:\n  - id: {written}\n    weight: 1\n"
    assert f"  - id: {canonical}\n" in fmt_text(text)


def test_ids_in_lists_and_references_are_quoted_too() -> None:
    text = (
        "kind: Agreement\nparty: LAW\nkpis:\n"
        "  - {id: A1, kind: contributory, contributes_to: [DOP/1.1, 1.2], weight: 1}\n"
        "  - {id: A2, kind: common, same_as: 1.3, weight: 1}\n"
    )
    out = fmt_text(text)
    assert 'contributes_to: [DOP/1.1, "1.2"]' in out
    assert 'same_as: "1.3"' in out


def test_quotes_are_neither_added_nor_removed_outside_ids() -> None:
    text = (
        "kind: Agreement\nparty: LAW\nkpis:\n  - id: A1\n    name: 1.10\n"
        "    unit_of_measure: 'percent'\n    weight: 010\n    target: NO\n"
        "    baseline: {2566: 1.10}\n"
        '    overseer: {name: "นาย ก", position: 1200, phone: 02-000-1200}\n'
    )
    assert fmt_text(text) == text


def test_people_positions_stay_quoted() -> None:
    text = 'kind: People\npeople:\n  - {id: P0001, name: นาง ก, position: "1200", unit: LAW}\n'
    assert fmt_text(text) == text


def test_flow_style_is_kept_and_ordered_inside() -> None:
    text = "kind: Strategy\ngoals:\n  - {perspective: effectiveness, name: คืนคนดีสู่สังคม, id: G1}\n"
    assert fmt_text(text) == (
        "kind: Strategy\ngoals:\n  - {id: G1, name: คืนคนดีสู่สังคม, perspective: effectiveness}\n"
    )


def test_flow_collections_keep_their_line_breaks() -> None:
    text = (
        "kind: OrgChart\nunits:\n"
        "  - {id: SVC, name: {th: กองบริการประชาชน, en: Public Service Division}, type: division,\n"
        '     parent: ORG, head: "1001"}\n'
    )
    assert fmt_text(text) == text


def test_long_thai_lines_are_not_wrapped() -> None:
    name = "ร้อยละเฉลี่ยถ่วงน้ำหนักในการบรรลุเป้าหมายตามนโยบายสำคัญเร่งด่วนของรัฐบาล " * 8
    text = (
        f"kind: Agreement\nparty: LAW\nkpis:\n  - id: A1\n    name: {name.strip()}\n    weight: 1\n"
    )
    assert fmt_text(text) == text


def test_block_scalars_are_kept() -> None:
    text = (
        "kind: Agreement\nparty: LAW\nkpis:\n  - id: A1\n    weight: 1\n"
        "    definition: >-\n      บรรทัดหนึ่ง\n      บรรทัดสอง\n"
        "    formula: |\n      a / b\n      # not a comment\n"
    )
    assert fmt_text(text) == text


def test_flush_lists_stay_flush() -> None:
    text = (
        "kind: OrgChart\nunits:\n- id: DOP\n  name: กรม\n- id: LAW\n  parent: DOP\n  name: สำนัก\n"
    )
    assert fmt_text(text) == (
        "kind: OrgChart\nunits:\n- id: DOP\n  name: กรม\n- id: LAW\n  name: สำนัก\n  parent: DOP\n"
    )


def test_mixed_list_styles_follow_the_majority() -> None:
    text = (
        "kind: Agreement\nparty: LAW\ngoals:\n- id: G1\n  name: a\n  supports:\n  - G5\n"
        "kpis:\n    - id: A1\n      weight: 1\n"
    )
    assert fmt_text(text) == (
        "kind: Agreement\nparty: LAW\ngoals:\n- id: G1\n  name: a\n  supports:\n  - G5\n"
        "kpis:\n- id: A1\n  weight: 1\n"
    )


def test_mappings_are_indented_by_two() -> None:
    text = (
        "kind: Plan\norganisation: DOP\nname: กรม\nfiscal_year: 2569\n"
        "policy:\n    unit_specific_max_weight: 30\n"
    )
    assert fmt_text(text).endswith("policy:\n  unit_specific_max_weight: 30\n")


def test_documents_and_their_markers_are_kept() -> None:
    text = (
        "# people, part one\n"
        "kind: People\npeople:\n  - {unit: LAW, name: ก, id: P1}\n"
        "# end of part one\n"
        "--- # part two\n"
        "people: []\nkind: People\n"
        "...\n"
        "---\n"
        "kind: People\n"
    )
    assert fmt_text(text) == (
        "# people, part one\n"
        "kind: People\npeople:\n  - {id: P1, name: ก, unit: LAW}\n"
        "# end of part one\n"
        "--- # part two\n"
        "kind: People\npeople: []\n"
        "...\n"
        "---\n"
        "kind: People\n"
    )


def test_unknown_kinds_keep_their_key_order() -> None:
    text = "zeta: 1\nkind: Something\nalpha: [1, 2]\n"
    assert fmt_text(text) == text


def test_empty_and_comment_only_files_are_left_alone() -> None:
    assert fmt_text("") == ""
    assert fmt_text("# nothing yet\n") == "# nothing yet\n"


def test_a_missing_final_newline_is_added() -> None:
    assert fmt_text("kind: People\npeople: []") == "kind: People\npeople: []\n"


def test_data_is_unchanged_by_reordering() -> None:
    text = (
        "kpis:\n  - weight: 30 + A\n    id: '1.1'\n    target: 0.10\nparty: DOP\nkind: Agreement\n"
    )
    assert documents(fmt(text)) == documents(text.encode())


@pytest.mark.parametrize(
    "value",
    ["1.10", "1200", "010", "NO", "yes", "y", "1:20", "2567-02-29", "0x1F", "", " a", ".inf"],
)
def test_values_yaml_misreads_need_quotes(value: str) -> None:
    assert needs_quotes(value)


@pytest.mark.parametrize("value", ["2-1", "A3", "LAW-G1", "DOP/1.1", "P0012", "G10", "1-3"])
def test_plain_ids_need_no_quotes(value: str) -> None:
    assert not needs_quotes(value)


def test_anchors_and_aliases_are_kept() -> None:
    text = (
        "kind: Agreement\nparty: LAW\nkpis:\n  - &first {weight: 5, id: A1}\n"
        "  - {id: A2, weight: 5, criteria: &c {thresholds: [1, 2, 3, 4, 5]}}\n"
        "  - {id: A3, weight: 1, criteria: *c}\n"
    )
    assert fmt_text(text) == text.replace("{weight: 5, id: A1}", "{id: A1, weight: 5}")


def test_a_kept_block_scalar_moved_last_stays_idempotent() -> None:
    text = "kind: Agreement\nparty: LAW\nkpis:\n  - definition: |+\n      text\n\n    id: A1\n"
    once = fmt(text)
    assert documents(once) == documents(text.encode())
    assert fmt(once) == once


def test_a_flow_collection_holding_comments_is_kept_as_written() -> None:
    text = "people: [\n  {id: P1, name: a, unit: X},  # first\n  {id: P2}\n]\nkind: People\n"
    assert fmt_text(text) == (
        "kind: People\npeople: [\n  {id: P1, name: a, unit: X},  # first\n  {id: P2}\n]\n"
    )


def test_ruamel_never_builds_python_objects_from_tags() -> None:
    from ruamel.yaml.comments import CommentedMap

    from cascade.fmt.rtyaml import make_yaml

    loaded = make_yaml().load("a: !!python/object/apply:os.system [echo hi]\n")
    assert isinstance(loaded, CommentedMap)
    assert list(loaded["a"]) == ["echo hi"]  # a tagged list, nothing was called
