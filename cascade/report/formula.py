"""A KPI's formula as its card prints it: each variable by what it counts.

``completed / received * 100`` with ``variables: {completed: {th: จำนวนเรื่องที่แล้วเสร็จ,
en: contracts reviewed}, …}`` prints ``จำนวนเรื่องที่แล้วเสร็จ / จำนวนเรื่องที่ได้รับ × 100``
in Thai: a name becomes its text in the report's language (in ``[…]`` when it has
spaces, so the formula still reads one way), ``*`` becomes ``×``.  A formula
without ``variables`` prints exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from cascade.spec.common import Bilingual

# The names of cascade.expr: a letter or ``_`` (Thai too), then word characters.
_NAME = re.compile(r"[A-Za-z_\u0E01-\u0E4F][\w\u0E00-\u0E7F]*")


def formula_text(
    formula: str,
    variables: Mapping[str, str | Bilingual],
    text: Callable[[str | Bilingual | None], str],
) -> str:
    """``formula`` with each named variable replaced by ``text(variables[name])``
    (the caller's language) and ``*`` written ``×``; unchanged without ``variables``."""
    if not formula or not variables:
        return formula

    def named(match: re.Match[str]) -> str:
        found = variables.get(match.group(0))
        label = text(found).strip() if found is not None else ""
        if not label:
            return match.group(0)
        return f"[{label}]" if " " in label else label

    return _NAME.sub(named, formula).replace("*", "×")
