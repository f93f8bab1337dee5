"""Section 1 of SCORING.md: a KPI's result → its score, with every step kept.

Pure functions over ``Decimal``.  :func:`score_thresholds` and
:func:`score_milestones` return a :class:`Scored` whose ``steps`` are the
plain-language trace ``cascade explain-score`` prints; :func:`invert` is
their inverse for ``cascade whatif``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cascade.scoring.policy import Policy

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Scored:
    """An exact score, its rounded value and how it was reached."""

    exact: Decimal
    score: Decimal
    steps: tuple[str, ...] = field(default=())


def _fmt(value: Decimal) -> str:
    """A number for the explanation: whole numbers plain, others to at most 10 places."""
    if value == value.to_integral():
        return format(value.normalize(), "f")
    if value.as_tuple().exponent < -10:  # type: ignore[operator]
        return format(value.quantize(Decimal("1e-10")), "f") + "…"
    return format(value.normalize(), "f")


def direction(thresholds: Sequence[Decimal]) -> str:
    """``ascending`` (higher is better) or ``descending``."""
    return "descending" if thresholds[0] > thresholds[-1] else "ascending"


def score_thresholds(
    x: Decimal, thresholds: Sequence[Decimal], policy: Policy, explain: bool = True
) -> Scored:
    """Score a result against thresholds T1..Tn (ascending or descending).

    ``explain`` keeps the plain-language steps; a whole-plan run skips them.
    """
    scores = policy.scores
    desc = thresholds[0] > thresholds[-1]
    # Mirror descending thresholds so one ascending rule serves both.
    t = [-v for v in thresholds] if desc else list(thresholds)
    v = -x if desc else x
    k = -1
    if v >= t[-1]:
        exact = scores[-1]
    elif v < t[0]:
        exact = scores[0] if policy.below_first == "S1" else ZERO
    else:
        k = max(i for i in range(len(t) - 1) if t[i] <= v)
        exact = scores[k] + (scores[k + 1] - scores[k]) * (v - t[k]) / (t[k + 1] - t[k])
    score = policy.round(exact)
    if not explain:
        return Scored(exact, score)
    steps = [
        f"result {_fmt(x)}; thresholds {', '.join(_fmt(v) for v in thresholds)} "
        f"({'lower' if desc else 'higher'} is better)"
    ]
    if v >= t[-1]:
        steps.append(f"reaches T{len(t)} → score {_fmt(exact)}")
    elif k < 0:
        steps.append(
            f"short of T1 → score {_fmt(exact)} (policy below_first: {policy.below_first})"
        )
    else:
        steps.append(
            f"between T{k + 1} = {_fmt(thresholds[k])} and T{k + 2} = {_fmt(thresholds[k + 1])}: "
            f"{_fmt(scores[k])} + ({_fmt(scores[k + 1])} − {_fmt(scores[k])}) × "
            f"{_fmt(abs(x - thresholds[k]))} / {_fmt(abs(thresholds[k + 1] - thresholds[k]))} "
            f"= {_fmt(exact)}"
        )
    steps.append(f"rounded to {policy.decimals} decimals: {score}")
    return Scored(exact, score, tuple(steps))


def score_milestones(level: Decimal, policy: Policy, explain: bool = True) -> Scored:
    """Score the milestone level reached: step k scores Sk, fractions interpolate.

    A fraction below step 1 interpolates from 0 to S1; levels beyond the last
    step score the top.  Without ``milestone_fractions`` the level is taken
    down to the whole step reached.
    """
    scores = policy.scores
    reached = level
    if not policy.milestone_fractions and level != level.to_integral():
        level = level.to_integral(rounding="ROUND_FLOOR")
    if level <= 0:
        exact = ZERO
    elif level >= len(scores):
        exact = scores[-1]
    else:
        k = int(level)  # whole steps done
        below = scores[k - 1] if k >= 1 else ZERO
        exact = below + (scores[k] - below) * (level - k)
    score = policy.round(exact)
    if not explain:
        return Scored(exact, score)
    steps = [f"milestone level reached: {_fmt(reached)}"]
    if level != reached:
        steps.append(f"fractions are off (milestone_fractions: false): level {_fmt(level)}")
    steps.append(f"score {_fmt(exact)}")
    steps.append(f"rounded to {policy.decimals} decimals: {score}")
    return Scored(exact, score, tuple(steps))


def invert(score: Decimal, thresholds: Sequence[Decimal], policy: Policy) -> Decimal | None:
    """The weakest result that scores at least ``score`` (section 1 inverted).

    For an ascending KPI the least result, for a descending one the largest.
    Scores up to S1 need T1; ``None`` when the score is above the scale.
    """
    scores = policy.scores
    if score > scores[-1]:
        return None
    if score <= scores[0]:
        return thresholds[0]
    k = max(i for i in range(len(scores) - 1) if scores[i] <= score)
    fraction = (score - scores[k]) / (scores[k + 1] - scores[k])
    return thresholds[k] + (thresholds[k + 1] - thresholds[k]) * fraction


def invert_level(score: Decimal, policy: Policy) -> Decimal | None:
    """The milestone level that scores ``score``."""
    scores = policy.scores
    if score > scores[-1]:
        return None
    if score <= 0:
        return Decimal(0)
    if score <= scores[0]:
        return score / scores[0]
    k = max(i for i in range(len(scores) - 1) if scores[i] <= score)
    return Decimal(k + 1) + (score - scores[k]) / (scores[k + 1] - scores[k])
