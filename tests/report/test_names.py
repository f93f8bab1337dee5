"""Page and PDF file names: safe, short enough, and unique the way a file
system compares them (case folded), whatever the ids."""

from __future__ import annotations

from cascade.report.refs import MAX_STEM, unique_stems

RESERVED = frozenset({"index", "jobs", "style"})


def test_ids_differing_only_in_case_get_different_names() -> None:
    stems = unique_stems(["LAW", "law", "Law", "law~2"], RESERVED)
    assert stems == {"LAW": "LAW", "law": "law~2", "Law": "Law~3", "law~2": "law_7e2"}
    assert len({s.casefold() for s in stems.values()}) == 4


def test_reserved_and_prefixed_names_never_meet() -> None:
    stems = unique_stems(["party-index", "INDEX", "index"], RESERVED)
    assert stems == {
        "party-index": "party-index",
        "INDEX": "party-INDEX~2",
        "index": "party-index~3",
    }


def test_long_thai_ids_stay_under_the_file_name_limit() -> None:
    long_a, long_b = "ก" * 200 + "1", "ก" * 200 + "2"
    stems = unique_stems([long_a, long_b, "..", ""], RESERVED)
    assert len(stems[long_a]) == MAX_STEM == len(stems[long_b])
    assert stems[long_a] != stems[long_b]
    assert stems[long_a].startswith("_e0_b8_81" * 11)
    assert stems[".."] == "_.." and stems[""] == "_"
    assert all(len(f"{s}.html".encode()) < 255 for s in stems.values())
