"""A KPI's history across fiscal years, read from git.

Earlier years are the plan folder as it was at a git tag named after the
fiscal year (Buddhist era): ``2568``, ``fy2568`` or ``plan-2568`` (any
case), and at each ``--rev`` given.  Each revision is read from git
objects by ``cascade diff``'s reader (no checkout) and resolved into a model;
the KPI is looked up by the same ``PARTY/ID`` and scored in every period
that revision's plan has Actuals for.  A period given twice is taken from
the plan on disk first, then the ``--rev`` revisions in the order given,
then the tags, newest year first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from cascade.diff import git
from cascade.diff.resolve import resolve_side
from cascade.diff.sides import DiffError, from_git
from cascade.exitcodes import CascadeError
from cascade.model.plan import Kpi, PlanModel
from cascade.scoring.history import KpiHistory, join_histories, kpi_history

YEAR_TAG = re.compile(r"(?:fy|plan-)?(2[4-6]\d\d)", re.IGNORECASE)
"""A tag that names a fiscal year: ``2568``, ``fy2568``, ``plan-2568``."""


def year_tags(repo: git.Repo) -> list[str]:
    """The repository's fiscal-year tags, newest year first (then by name)."""
    names = git.git(repo.top, "tag", "--list").decode("utf-8", errors="replace").split()
    found = [(int(m.group(1)), name) for name in names if (m := YEAR_TAG.fullmatch(name))]
    return [name for _, name in sorted(found, key=lambda yn: (-yn[0], yn[1]))]


def _at_revision(repo: git.Repo, rev: str, qid: str) -> KpiHistory | str:
    """The KPI's history in the plan at ``rev``, or a note saying why there is none."""
    side = from_git(repo, git.resolve(repo, rev), rev)
    resolved = resolve_side(side)
    kpi = resolved.model.kpis.get(qid)
    if kpi is None:
        failed = resolved.failed
        if failed:  # the KPI may be in a file that does not load there
            shown = ", ".join(failed[:3]) + (", …" if len(failed) > 3 else "")
            return f"{rev}: no KPI {qid} in the plan there, where files do not load: {shown}"
        return f"{rev}: the plan there has no KPI {qid}"
    return kpi_history(resolved.model, kpi, rev)


def across_years(
    plan_dir: Path, model: PlanModel, kpi: Kpi, revs: Sequence[str] = (), tags: bool = True
) -> KpiHistory:
    """``kpi``'s history in ``model`` (the plan on disk at ``plan_dir``), then
    in each ``revs`` revision and, with ``tags``, each fiscal-year tag.

    Outside a git repository only the plan on disk is read, unless ``revs``
    are given (then :class:`CascadeError`, exit 2); so is an unknown revision
    or one without the plan folder.  A tag without the plan folder is skipped.
    """
    here = kpi_history(model, kpi)
    try:
        repo = git.locate(plan_dir)
        wanted = [*revs, *(t for t in (year_tags(repo) if tags else []) if t not in revs)]
    except git.GitError as exc:
        if revs:
            raise CascadeError(str(exc)) from None
        return here
    found: list[KpiHistory] = [here]
    notes: list[str] = []
    for rev in wanted:
        try:
            got = _at_revision(repo, rev, kpi.qid)
        except (git.GitError, DiffError) as exc:
            if rev in revs:
                raise CascadeError(str(exc)) from None
            continue
        if isinstance(got, str):
            notes.append(got)
        else:
            found.append(got)
    return join_histories(found, notes)
