"""Data is text: a name holding ``<script>`` shows as text in HTML and
Markdown, and only http(s) URLs in data become links (``javascript:`` stays
text even though autoescaping would let it through)."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from cascade.report.filters import Filters, md_escape, web_url
from tests.conftest import make_plan
from tests.report.report_helpers import run

EVIL = "<script>alert(1)</script> & [x](javascript:alert(2)) | *b*"
ORG = f"""kind: OrgChart
units:
  - {{id: ORG, name: {{th: สำนักงานตัวอย่าง, en: Example Office}}, type: department}}
  - {{id: SVC, name: "{EVIL}", type: division, parent: ORG, head: "1001"}}
"""
ACTUALS = """kind: Actuals
period: 2569-Q2
results:
  - {kpi: ORG/1, value: 88, evidence: "javascript:alert(document.cookie)"}
  - {kpi: ORG/2, value: 70, evidence: "https://example.org/evidence?id=2&x=<b>"}
  - {kpi: SVC/1-2, value: 20, evidence: "https://example.org/hours.pdf"}
  - {kpi: SVC/1-3, value: 75, evidence: "data:text/html,<script>alert(3)</script>"}
"""


@pytest.fixture
def report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = make_plan(tmp_path, {"org.yaml": ORG, "actuals/2569-Q2.yaml": ACTUALS})
    out = tmp_path / "out"
    code, _, err = run(["report", str(root), "-o", str(out), "-p", "2569-Q2"], capsys)
    assert code == 0, err
    return out / "report"


def test_script_in_a_name_is_text_in_html(report: Path) -> None:
    for page in ("SVC.html", "index.html", "os-matrix.html", "ORG.html"):
        html = (report / "html" / page).read_text(encoding="utf-8")
        assert "<script>" not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; [x](javascript:alert(2))" in html


def test_script_in_a_name_is_text_in_markdown(report: Path) -> None:
    md = (report / "md" / "SVC.md").read_text(encoding="utf-8")
    assert "<script>" not in md
    assert r"\<script\>alert(1)\</script\> &amp; \[x\](javascript:alert(2)) \| \*b\*" in md


def test_only_http_urls_become_links(report: Path) -> None:
    html = (report / "html" / "ORG.html").read_text(encoding="utf-8")
    assert 'href="javascript:' not in html
    assert "<td>javascript:alert(document.cookie)</td>" in html
    assert "<td>https://example.org/evidence?id=2&amp;x=&lt;b&gt;</td>" in html  # odd URL: text
    assert 'href="https://example.org/evidence' not in html
    svc = (report / "html" / "SVC.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/hours.pdf" rel="noopener noreferrer">' in svc
    assert "data:text/html" in svc and 'href="data:' not in svc
    md = (report / "md" / "SVC.md").read_text(encoding="utf-8")
    assert "[https://example.org/hours.pdf](<https://example.org/hours.pdf>)" in md
    assert "](data:" not in md and "](<data:" not in md


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("  https://example.org  ", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,hi", False),
        ("//evil.example/x", False),
        ("https:/no-host", False),
        ('https://example.org/"onmouseover=x', False),
        ("file:///etc/passwd", False),
        ("", False),
    ],
)
def test_web_url(url: str, ok: bool) -> None:
    assert (web_url(url) is not None) is ok


def test_safe_url_filter() -> None:
    html = Filters("en", False, "html")
    assert html.safe_url("javascript:alert(1)") == Markup("javascript:alert(1)")
    assert html.safe_url("<b>") == Markup("&lt;b&gt;")
    assert html.safe_url("https://a.example/x", "<i>") == Markup(
        '<a href="https://a.example/x" rel="noopener noreferrer">&lt;i&gt;</a>'
    )
    md = Filters("en", False, "md")
    assert md.safe_url("javascript:alert(1)") == Markup("javascript:alert(1)")
    assert md.safe_url("https://a.example/x", "[t]") == Markup("[\\[t\\]](<https://a.example/x>)")


def test_md_escape() -> None:
    assert md_escape("a|b *c* _d_ <e> & `f` #g \\h") == (
        "a\\|b \\*c\\* \\_d\\_ \\<e\\> &amp; \\`f\\` \\#g \\\\h"
    )
    assert md_escape("line\nbreak") == "line<br>break"
    assert md_escape(Markup("<b>kept</b>")) == "<b>kept</b>"
    assert md_escape(None) == ""
