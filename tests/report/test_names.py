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


def test_windows_device_names_are_never_a_file_name() -> None:
    ids = ["CON", "nul.2", "Com1", "LPT9", "AUX-1", "CONSOLE", "COM10", "party-CON"]
    stems = unique_stems(ids, RESERVED)
    assert stems == {
        "CON": "party-CON",
        "nul.2": "party-nul.2",
        "Com1": "party-Com1",
        "LPT9": "party-LPT9",
        "AUX-1": "AUX-1",  # not a device: only the part before the first dot counts
        "CONSOLE": "CONSOLE",
        "COM10": "COM10",
        "party-CON": "party-CON~2",
    }


def test_slashes_dashes_unicode_forms_and_case_never_share_a_name() -> None:
    """``A/B`` and ``A-B``; é composed and decomposed; ``É`` and ``é``; ``_2f``
    typed as an id: each its own file, also where names are compared case-folded."""
    ids = ["A/B", "A-B", "A_2fB", "\u00e9", "e\u0301", "\u00c9", "ก\u0e33", "ก\u0e4d\u0e32"]
    stems = unique_stems(ids, RESERVED)
    assert stems["A/B"] == "A_2fB" and stems["A-B"] == "A-B" and stems["A_2fB"] == "A_5f2fB"
    assert len({s.casefold() for s in stems.values()}) == len(ids)
    assert all(s.isascii() for s in stems.values())
