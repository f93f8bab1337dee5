"""``--thai-digits`` reaches every number people read, on every page and in
both formats; codes, markup and URLs keep their digits; and an English report
keeps one calendar, the Buddhist era."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from cascade.engine import check_plan
from cascade.periods import parse_period
from cascade.report.digits import thai_digits_html, thai_digits_markdown
from cascade.report.render import Rendered
from cascade.report.site import ReportOptions, make_report
from cascade.report.thai import EN_MONTHS_LONG
from tests.conftest import ROOT

CODE = re.compile(r"[A-Za-z0-9_./-]*[0-9][A-Za-z0-9_./-]*")


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes, styles or scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.hidden += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _visible_html(page: str) -> str:
    parser = VisibleText()
    parser.feed(page)
    return " ".join(parser.parts)


def _visible_md(page: str) -> str:
    page = re.sub(r"\]\([^)]*\)|<[^>\n]*>", " ", page)  # link targets, inline HTML
    return re.sub(r"^ *\w+(?=\[\")|(?<=--> )\w+$|^ *\w+ --> ", " ", page, flags=re.M)


def _ascii_numbers(text: str, codes: frozenset[str]) -> list[str]:
    """Words with ASCII digits that are not codes (a Latin letter, or a plan id)."""
    return [
        w
        for w in CODE.findall(text)
        if not re.search("[A-Za-z]", w)
        and (re.fullmatch(r"[1-9][0-9]*\.?", w) or (w not in codes and w.rstrip(".") not in codes))
    ]


@pytest.fixture(scope="module")
def probation() -> tuple[Rendered, Rendered, frozenset[str]]:
    from cascade.report.digits import plan_codes

    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    period = parse_period("2569-Q2")
    thai = make_report(model, ReportOptions(lang="th", period=period, thai_digits=True))[1]
    english = make_report(model, ReportOptions(lang="en", period=period))[1]
    return thai, english, plan_codes(model)


def test_no_ascii_number_is_left_on_any_page(
    probation: tuple[Rendered, Rendered, frozenset[str]],
) -> None:
    thai, _, codes = probation
    assert len(thai) == 2 * 17  # every page of both formats (the progress page too)
    left = {}
    for (fmt, rel), page in thai.items():
        text = _visible_html(page) if fmt == "html" else _visible_md(page)
        found = _ascii_numbers(text, codes)
        if found:
            left[f"{fmt}/{rel}"] = found[:5]
    assert left == {}
    law = thai[("html", "LAW.html")]
    assert "<td>LAW/2-1</td>" in law  # codes keep their digits
    assert '<a href="#kpi-2-3">2-3</a>' in law
    assert "ภายใน ๓๐ วัน" in thai[("html", "P0001.html")]  # a number inside plan text
    # "1" is also the id of a KPI of P0012's: a plain number is a number all the same
    assert "ระยะเวลา ๑ ปี" in law and "ระยะเวลา ๑ ปี" in thai[("md", "LAW.md")]
    assert "(ต.ค. ๒๕๖๘ – มี.ค. ๒๕๖๙)" in thai[("html", "LAW.html")]  # a period's span
    assert 'font-size="' in law and 'font-size="๑' not in law  # SVG attributes stay
    # a chart's values are numbers, also where a KPI of DOP's has the same id ("3.4")
    values = re.findall(r'<text class="value"[^>]*><tspan[^>]*>([^<]*)</tspan>', law)
    bars, trend = ["๒", "๒.๑๒", "๒.๓๘", "๓.๔", "๔.๖", "๓.๘", "๒.๒๖", "๓.๕"], ["๑.๖๒", "๒.๙๔"]
    assert values == bars + trend


def test_pages_without_thai_digits_are_unchanged(
    probation: tuple[Rendered, Rendered, frozenset[str]],
) -> None:
    _, english, codes = probation
    law = english[("html", "LAW.html")]
    assert "๑" in thai_digits_html(law, codes)  # the page has numbers to convert …
    assert not re.search("[๐-๙]", "".join(english.values()))  # … and without the option none are


def test_markup_links_urls_and_mermaid_ids_keep_ascii_digits() -> None:
    html = (
        '<p title="30">ภายใน 30 วัน &#39;x&#39; https://ex.org/a1/2 <a href="P2.html#k-1">1.5</a>'
        '</p><style>p { margin: 0 1px; }</style><svg><text x="10">2569</text></svg>'
    )
    assert thai_digits_html(html, frozenset({"1.5"})) == (
        '<p title="30">ภายใน ๓๐ วัน &#39;x&#39; https://ex.org/a1/2 <a href="P2.html#k-1">1.5</a>'
        '</p><style>p { margin: 0 1px; }</style><svg><text x="10">๒๕๖๙</text></svg>'
    )
    md = (
        "| [2-3](#kpi-2-3) ร้อยละ 80 | <https://ex.org/2> |\n"
        "```mermaid\n"
        'flowchart LR\n  G1["G1: ปี 2569 #35;1"]\n  G1 --> G10\n'
        "```\n"
        "```\ncode 12\n```\n"
        "ปี 2569\n"
    )
    assert thai_digits_markdown(md) == (
        "| [๒-๓](#kpi-2-3) ร้อยละ ๘๐ | <https://ex.org/2> |\n"
        "```mermaid\n"
        'flowchart LR\n  G1["G1: ปี ๒๕๖๙ #35;๑"]\n  G1 --> G10\n'
        "```\n"
        "```\ncode 12\n```\n"
        "ปี ๒๕๖๙\n"
    )


def test_an_english_report_keeps_the_buddhist_era(
    probation: tuple[Rendered, Rendered, frozenset[str]],
) -> None:
    _, english, _ = probation
    index = _visible_html(english[("html", "index.html")])
    assert "Fiscal year B.E. 2569 (1 October 2568 – 30 September 2569)" in index
    months = "|".join(m[:3] for m in EN_MONTHS_LONG)
    # a date ("1 October 2568") or a period's span ("(Oct 2568 – Mar 2569)")
    dated = re.compile(rf"(?:\b[0-9]{{1,2}} |\(|– )(?:{months})[a-z]* ([0-9]{{4}})")
    years = {
        int(year)
        for (fmt, _), page in english.items()
        for year in dated.findall(_visible_html(page) if fmt == "html" else page)
    }
    assert years == {2568, 2569}  # no 2025 or 2026 beside the fiscal year 2569
    # a four-digit year in the plan's own English words: the Buddhist era too
    words = " ".join(_visible_html(p) if f == "html" else p for (f, _), p in english.items())
    years = {int(y) for y in re.findall(r"(?:B\.E\.|framework|year) ([12][0-9]{3})\b", words)}
    assert years and all(2500 <= year < 2600 for year in years), sorted(years)
