"""``--thai-digits`` over whole pages: every number people read, in Thai digits.

The filters (:mod:`cascade.report.filters`) write the numbers they format
in Thai digits; this pass catches every other one (years in titles, period
labels, SVG text, numbers inside plan text such as "ภายใน 30 วัน") after
rendering, in HTML and Markdown alike, user templates included.  Codes keep
their digits: a word with a Latin letter (``LAW/2-1``, ``P0001``,
``2569-Q2``) or an id of the plan (:func:`plan_codes`: ``1.1``, ``2-3``,
position ``0001``), as do markup, link targets and URLs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cascade.model.plan import PlanModel
from cascade.report.thai import to_thai_digits

# Parts of a page that are not visible text, kept as they are by the Thai-digit pass.
_HTML_KEEP = re.compile(
    r"<(style|script)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&#?\w+;|https?://[^\s<>\"']+",
    re.DOTALL | re.IGNORECASE,
)
_MD_KEEP = re.compile(r"\]\([^)]*\)|<[^>\n]*>|&#?\w+;|https?://[^\s<>)\]|]+")
_MERMAID_LABEL = re.compile(r'"[^"\n]*"')
_MERMAID_ENTITY = re.compile(r"#\w+;")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\w*)")
_WORD = re.compile(r"[A-Za-z0-9_./-]*[0-9][A-Za-z0-9_./-]*")
_LATIN = re.compile(r"[A-Za-z]")


_PLAIN = re.compile(r"[1-9][0-9]*\.?")


def is_code(word: str, codes: frozenset[str]) -> bool:
    """Whether ``word`` (letters, digits, ``_./-``) keeps its ASCII digits: it has
    a Latin letter, or it is a plan id, unless it is a plain whole number (``1``,
    ``12.``): a KPI whose id is ``1`` cannot be told from the ``1`` of ``1 ปี``,
    so both are numbers."""
    if _LATIN.search(word):
        return True
    return not _PLAIN.fullmatch(word) and (word in codes or word.rstrip(".") in codes)


def _numbers(text: str, codes: frozenset[str]) -> str:
    """Thai digits in ``text`` except in codes (:func:`is_code`)."""

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if is_code(word, codes) else to_thai_digits(word)

    return _WORD.sub(one, text)


def thai_digits_text(text: str, codes: frozenset[str] = frozenset()) -> str:
    """Plain text (no markup) with every number in Thai digits, codes kept."""
    return _numbers(text, codes)


def _outside(pattern: re.Pattern[str], text: str, codes: frozenset[str]) -> str:
    """``text`` in Thai digits except where ``pattern`` matches (and in codes)."""
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(_numbers(text[last : match.start()], codes))
        out.append(match.group(0))
        last = match.end()
    out.append(_numbers(text[last:], codes))
    return "".join(out)


# A chart's value labels (charts.py: ``<text class="value">``): numbers, never codes.
_VALUE = re.compile(r'(<text class="value[^"]*"[^>]*>)(.*?)(</text>)', re.DOTALL)


def thai_digits_html(page: str, codes: frozenset[str] = frozenset()) -> str:
    """Every number of an HTML page's visible text in Thai digits (SVG text too).

    Codes (``LAW/2-1``, ``P0001``, ``2569-Q2``, any id in ``codes``), tags and
    their attributes (anchors, links, coordinates), entities, URLs and
    ``<style>``/``<script>`` keep ASCII digits.  A chart's value label is a
    number even where a KPI id is written the same (a score of ``3.4`` beside
    DOP's KPI ``3.4``).
    """
    page = _VALUE.sub(
        lambda m: m.group(1) + _outside(_HTML_KEEP, m.group(2), frozenset()) + m.group(3), page
    )
    return _outside(_HTML_KEEP, page, codes)


def _mermaid_line(line: str, codes: frozenset[str]) -> str:
    """Only a Mermaid line's quoted labels are read by people; node ids stay ASCII."""
    return _MERMAID_LABEL.sub(lambda m: _outside(_MERMAID_ENTITY, m.group(0), codes), line)


def thai_digits_markdown(page: str, codes: frozenset[str] = frozenset()) -> str:
    """Every number of a Markdown page's visible text in Thai digits.

    Codes (as in :func:`thai_digits_html`), link targets, inline HTML,
    entities and URLs keep ASCII digits; inside a
    fenced ``mermaid`` block only the quoted labels change, inside any other
    fenced block nothing does.
    """
    out: list[str] = []
    fence = ""
    kind = ""
    for line in page.split("\n"):
        opened = _FENCE.match(line)
        if fence and opened and opened.group(1).startswith(fence):
            fence = ""
            out.append(line)
        elif fence:
            out.append(_mermaid_line(line, codes) if kind == "mermaid" else line)
        elif opened:
            fence, kind = opened.group(1), opened.group(2)
            out.append(line)
        else:
            out.append(_outside(_MD_KEEP, line, codes))
    return "\n".join(out)


def plan_codes(model: PlanModel) -> frozenset[str]:
    """Every id of the plan a page may show as a code: parties, KPIs, goals, positions."""
    codes = {model.organisation, *model.units, *model.people, *model.holders, *model.jobs}
    for kpi in model.kpis.values():
        codes.update((kpi.id, kpi.qid))
    for agreement in model.agreements.values():
        codes.update(goal.id for goal in agreement.goals)
    strategy = model.strategy
    if strategy is not None:
        for items in (strategy.perspectives, strategy.issues, strategy.goals):
            codes.update(item.id for item in items)
        codes.update(item.id for item in strategy.strategies)
        codes.update(item.id for item in strategy.projects)
    return frozenset(code for code in codes if code)


PASSES: dict[str, Callable[[str, frozenset[str]], str]] = {
    "html": thai_digits_html,
    "md": thai_digits_markdown,
}
