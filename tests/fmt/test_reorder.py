"""Keys in schema order, with every comment still beside its key."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cascade.fmt.shapes import Shape
from cascade.spec import Agreement, Plan
from tests.fmt.helpers import comment_texts, documents, fmt_text, line_of

KPI_ORDER = Shape(models=(Agreement,)).field("kpis").item.order()  # type: ignore[union-attr]

# key → its value lines (the first follows "key:"), in canonical order
FIELDS: dict[str, list[str]] = {
    "id": ["A3"],
    "name": ["ระดับการปรับปรุงคุณภาพกระบวนงานการให้บริการของหน่วยงาน"],
    "goal": ["LAW-G3"],
    "dimension": ["quality"],
    "kind": ["contributory"],
    "contributes_to": ["[DOP/2.1]"],
    "unit_of_measure": ["level"],
    "weight": ["10"],
    "target": ["5"],
    "definition": [">-", "  คุณภาพการให้บริการของหน่วยงาน", "  หมายถึง …"],
    "criteria": ["", "  milestones:", "    1: ตั้งคณะทำงาน", "    2: รวบรวมข้อมูล"],
    "baseline": ["{2566: 3, 2567: 4}"],
    "data_source": ["แบบสำรวจความพึงพอใจ"],
    "overseer": ["", "  name: นางสาวกานดา", "  phone: 02-000-1200"],
}
SCALAR = {k for k, v in FIELDS.items() if v[0] not in ("", ">-")}


def _kpi(keys: list[str]) -> str:
    """A KPI with ``keys`` in this order, a comment above each key but the
    first (a comment above ``- `` is the item's) and one after each scalar."""
    lines = ["kind: Agreement", "party: LAW", "kpis:", "  # the KPI"]
    for i, key in enumerate(keys):
        first, *rest = FIELDS[key]
        if i:
            lines.append(f"    # about {key}")
        eol = f"   # {key} eol" if key in SCALAR else ""
        lead = "  - " if i == 0 else "    "
        lines.append(f"{lead}{key}: {first}{eol}".rstrip() if first else f"{lead}{key}:")
        lines += [f"    {line}" for line in rest]
    lines.append("signatories: []")
    return "\n".join(lines) + "\n"


def _key_line(text: str, key: str) -> int:
    """0-based number of the line of the KPI's own ``key``."""
    lines = text.splitlines()
    return next(i for i, ln in enumerate(lines) if ln.startswith((f"    {key}:", f"  - {key}:")))


def test_the_fields_follow_the_schema() -> None:
    assert [k for k in KPI_ORDER if k in FIELDS] == list(FIELDS)


def test_a_canonical_kpi_is_left_as_is() -> None:
    text = _kpi(list(FIELDS))
    assert fmt_text(text) == text


@pytest.mark.parametrize("seed", range(8))
def test_shuffled_kpi_keys_come_back_in_order_with_their_comments(seed: int) -> None:
    keys = list(FIELDS)
    random.Random(seed).shuffle(keys)
    text = _kpi(keys)
    out = fmt_text(text)
    assert list(documents(out.encode())[0]["kpis"][0]) == list(FIELDS)
    assert line_of(out, "# the KPI") < line_of(out, "- id:")
    for key in FIELDS:
        at = _key_line(out, key)
        if key != keys[0]:
            assert line_of(out, f"# about {key}") == at - 1
        if key in SCALAR:
            assert line_of(out, f"# {key} eol") == at
    assert comment_texts(out) == comment_texts(text)
    assert documents(out.encode()) == documents(text.encode())
    assert fmt_text(out) == out


def test_comments_inside_a_nested_block_stay_inside_it() -> None:
    text = (
        "kind: Agreement\nparty: LAW\nkpis:\n"
        "  - id: A1\n"
        "    criteria:\n"
        "      thresholds: [1, 2, 3, 4, 5]\n"
        "      # still about the criteria\n"
        "    # about the weight\n"
        "    weight: 5\n"
        "    target: 5\n"
        "    # the end of A1\n"
        "\n"
        "  # about A2\n"
        "  - {id: A2, weight: 5}\n"
    )
    out = fmt_text(text)
    assert out == (
        "kind: Agreement\nparty: LAW\nkpis:\n"
        "  - id: A1\n"
        "    # about the weight\n"
        "    weight: 5\n"
        "    target: 5\n"
        "    criteria:\n"
        "      thresholds: [1, 2, 3, 4, 5]\n"
        "      # still about the criteria\n"
        "    # the end of A1\n"
        "\n"
        "  # about A2\n"
        "  - {id: A2, weight: 5}\n"
    )


def test_the_header_stays_on_top_and_top_level_keys_move() -> None:
    text = (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        "# LAW's agreement\n"
        "\n"
        "kpis: []   # none yet\n"
        "# who\n"
        "party: LAW\n"
        "version: cascade/v1\n"
        "kind: Agreement\n"
        "# the end\n"
    )
    assert fmt_text(text) == (
        "# yaml-language-server: $schema=../schemas/agreement.schema.json\n"
        "# LAW's agreement\n"
        "\n"
        "kind: Agreement\n"
        "version: cascade/v1\n"
        "# who\n"
        "party: LAW\n"
        "kpis: []   # none yet\n"
        "# the end\n"
    )


def test_a_comment_above_a_first_key_of_a_nested_mapping_moves_with_it() -> None:
    text = (
        "kind: Plan\norganisation: DOP\n"
        "name:\n  # English first here\n  en: Department of Probation\n  th: กรมคุมประพฤติ\n"
        "fiscal_year: 2569\n"
    )
    assert fmt_text(text) == (
        "kind: Plan\norganisation: DOP\n"
        "name:\n  th: กรมคุมประพฤติ\n  # English first here\n  en: Department of Probation\n"
        "fiscal_year: 2569\n"
    )


def test_unknown_keys_stay_after_the_known_ones_in_their_order() -> None:
    text = "kind: OrgChart\nunits:\n  - {zz: 1, name: กรม, aa: 2, id: DOP}\n"
    assert fmt_text(text) == "kind: OrgChart\nunits:\n  - {id: DOP, name: กรม, zz: 1, aa: 2}\n"


def test_a_key_after_an_empty_value_keeps_its_comment() -> None:
    head = "kind: Agreement\nparty: LAW\nkpis:\n"
    text = head + "  - weight: 5\n    target:\n    # about id\n    id: A1\n"
    assert fmt_text(text) == head + "  # about id\n  - id: A1\n    weight: 5\n    target:\n"


def test_the_documented_key_orders_are_the_ones_fmt_uses() -> None:
    """docs/fmt.md lists the order of cascade.yaml, an agreement and a KPI; fmt keeps to it
    (``rounds`` after ``scoring``), and a key added to the schema must be placed in the docs."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "fmt.md").read_text(encoding="utf-8")
    listed = [
        re.findall(r"`([a-z_]+)`", line) for line in docs.splitlines() if line.startswith("`kind`")
    ]
    listed += [re.findall(r"`([a-z_]+)`", ln) for ln in docs.splitlines() if ln.startswith("`id`")]
    plan = Shape(models=(Plan,)).order()
    assert listed == [list(plan), list(Shape(models=(Agreement,)).order()), list(KPI_ORDER)]
    assert plan.index("scoring") < plan.index("rounds")
    text = "kind: Plan\nrounds: {due_after_days: 30}\nscoring: {decimals: 4}\n"
    assert fmt_text(text) == ("kind: Plan\nscoring: {decimals: 4}\nrounds: {due_after_days: 30}\n")
