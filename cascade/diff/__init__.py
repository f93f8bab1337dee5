"""``cascade diff``: a semantic diff of two revisions of a plan.

Steps (one small module each, listed in README.md): read both sides into
memory (:mod:`revisions`, :mod:`sides`, :mod:`git`), resolve each through
load → spec → model (:mod:`resolve`), turn each model into facts by id
(:mod:`facts`, :mod:`values`), compare (:mod:`compare`, :mod:`result`) and
render (:mod:`text`, :mod:`markdown`, :mod:`jsonout`).

:func:`diff_plans` runs every step but the rendering.
"""

from __future__ import annotations

from collections.abc import Callable

from cascade.diff.api import diff_plans, diff_resolved
from cascade.diff.jsonout import render_json
from cascade.diff.markdown import render_markdown
from cascade.diff.result import PlanDiff
from cascade.diff.revisions import DiffRequest
from cascade.diff.sides import DiffError
from cascade.diff.text import render_text

RENDERERS: dict[str, Callable[[PlanDiff], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}

__all__ = [
    "RENDERERS",
    "DiffError",
    "DiffRequest",
    "PlanDiff",
    "diff_plans",
    "diff_resolved",
]
