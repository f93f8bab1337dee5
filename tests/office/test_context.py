"""Matching a section's wording to a dimension of the plan."""

from __future__ import annotations

from cascade.office.context import Context, match_dimension

DIMENSIONS = Context(
    dimensions=(
        ("effectiveness", ("ประสิทธิผลตามยุทธศาสตร์", "Strategic effectiveness")),
        ("development", ("การพัฒนาองค์กร", "Organisational development")),
    )
)


def test_both_spellings_of_organisation_name_the_same_dimension() -> None:
    assert match_dimension("ด้านการพัฒนาองค์การ", DIMENSIONS) == "development"
    assert match_dimension("มิติที่ 4 การพัฒนาองค์กร", DIMENSIONS) == "development"
    assert match_dimension("ด้านประสิทธิผล", DIMENSIONS) == "effectiveness"
    assert match_dimension("ด้านคุณภาพ", DIMENSIONS) is None
