"""The "did you mean" hint: prepared pools give difflib's answer; hints are
worked out only for findings that become diagnostics."""

from __future__ import annotations

import difflib
import random

from cascade.diagnostics import Finding, Pool, Pools, Suggestion, did_you_mean, hint_of


def _plain(word: str, candidates: list[str], cutoff: float = 0.6) -> str:
    """The hint as difflib gives it over the whole sorted pool (the old way)."""
    pool = sorted(set(candidates))
    best = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    if not best and pool:
        lowered = {c.lower(): c for c in pool}
        best = [lowered[m] for m in difflib.get_close_matches(word.lower(), list(lowered), n=1)]
    return f"did you mean '{best[0]}'?" if best else ""


def test_a_prepared_pool_gives_what_difflib_gives() -> None:
    rng = random.Random(14)
    letters = "abcdeABCDE-ก"
    pool = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(300)]
    prepared = Pool(pool)
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 10))) for _ in range(300)]
    for word in words:
        for cutoff in (0.6, 0.8):
            assert prepared.closest(word, cutoff) == _plain(word, pool, cutoff), word
    assert sum(1 for w in words if prepared.closest(w)) > 100  # the comparison is not vacuous


def test_the_hints_tests_pin() -> None:
    units = {"DOP": 1, "DOP-HR": 2, "DOP-IT": 3}
    assert did_you_mean("DOP-H", units) == "did you mean 'DOP-HR'?"
    assert did_you_mean("dop-it", units) == "did you mean 'DOP-IT'?"
    assert did_you_mean("ZZZZZZZZ", units) == ""
    assert did_you_mean("x", []) == ""


def test_a_suggestion_is_worked_out_only_when_asked() -> None:
    class Counted(list[str]):
        iterated = 0

        def __iter__(self):  # type: ignore[no-untyped-def]
            Counted.iterated += 1
            return super().__iter__()

    pool = Counted(["DOP-HR", "DOP-IT"])
    findings = [
        Finding("unknown unit 'DOP-H'", "a.yaml", suggest=Suggestion("DOP-H", pool)),
        Finding("unknown unit 'DOP-I'", "b.yaml", suggest=Suggestion("DOP-I", pool)),
    ]
    assert Counted.iterated == 0
    pools = Pools()
    assert [hint_of(f, pools) for f in findings] == [
        "did you mean 'DOP-HR'?",
        "did you mean 'DOP-IT'?",
    ]
    assert Counted.iterated == 1  # one pool prepared for both
    assert hint_of(Finding("m", "c.yaml", hint="own", suggest=Suggestion("x", pool))) == "own"
