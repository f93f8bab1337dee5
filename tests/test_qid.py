"""Qualified ids ``PARTY/ID``: split at the first ``/``, ids kept as written."""

from __future__ import annotations

import pytest

from cascade.qid import id_of, is_qualified, party_of, qualified_in, qualify, split_qid


@pytest.mark.parametrize(
    ("ref", "parts"),
    [
        ("DOP/1.1", ("DOP", "1.1")),
        ("LAW-1/2-4", ("LAW-1", "2-4")),
        ("สกม/ตัวชี้วัด.1", ("สกม", "ตัวชี้วัด.1")),
        ("1200/A3", ("1200", "A3")),
        ("1.1", None),
        ("ตัวชี้วัด", None),
        ("", None),
    ],
)
def test_split_qid(ref: str, parts: tuple[str, str] | None) -> None:
    assert split_qid(ref) == parts


def test_split_qid_keeps_a_second_slash_in_the_id_part() -> None:
    # Ids hold no '/' (the schema refuses it); a malformed ref splits at the first one.
    assert split_qid("A/B/C") == ("A", "B/C")
    assert split_qid("/1.1") == ("", "1.1")
    assert split_qid("DOP/") == ("DOP", "")


def test_parts_of_a_qualified_and_a_plain_reference() -> None:
    assert (party_of("DOP/1.1"), id_of("DOP/1.1"), is_qualified("DOP/1.1")) == (
        "DOP",
        "1.1",
        True,
    )
    assert (party_of("1.1"), id_of("1.1"), is_qualified("1.1")) == (None, "1.1", False)


def test_qualify_and_qualified_in() -> None:
    assert qualify("LAW", "1.10") == "LAW/1.10"
    assert qualified_in("1.10", "LAW") == "LAW/1.10"
    assert qualified_in("DOP/1.1", "LAW") == "DOP/1.1"
    assert split_qid(qualify("สกม", "ก-1")) == ("สกม", "ก-1")
