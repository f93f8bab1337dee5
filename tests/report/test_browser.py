"""The HTML site in a real browser: no errors, a readable strategy map, Thai glyphs,
every page kind readable at phone and desktop widths, and the print rules.

Debian's ``chromium`` driven by Playwright (``playwright install`` cannot
download browsers here).  ``playwright`` is in the dev extra, so it is a
plain import; skipped, with the reason shown, only when ``/usr/bin/chromium``
is missing (a system package, not a Python one); CI installs it, so there
they run.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api

from cascade.engine import check_plan
from cascade.periods import parse_period
from cascade.report.site import ReportOptions, make_report, site_dir, write_report
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SCREENSHOT_COPY = Path("/tmp/cascade-law.png")
# Fonts that hold Thai glyphs: the site's own stack and common system ones.
THAI_FONTS = {
    "Sarabun",
    "TH Sarabun New",
    "Noto Sans Thai",
    "Noto Serif Thai",
    "Noto Looped Thai",
    "Leelawadee UI",
    "Tahoma",
    "Garuda",
    "Loma",
    "Kinnari",
    "Norasi",
    "Waree",
    "Umpush",
    "Laksaman",
    "Sawasdee",
    "Purisa",
    "Tlwg Typo",
    "Tlwg Typist",
    "Tlwg Typewriter",
    "Tlwg Mono",
}

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: apt-get install -y chromium (CI installs it)",
        allow_module_level=True,
    )


@dataclass
class Opened:
    """A page loaded from disk and everything it complained about."""

    page: Any
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The probation plan's HTML site with the 2569-Q2 scorecards, in a temp folder."""
    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    out = tmp_path_factory.mktemp("site")
    options = ReportOptions(lang="th", formats=("html",), period=parse_period("2569-Q2"))
    _, pages = make_report(model, options)
    write_report(pages, out)
    return site_dir(out) / "html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as play:
        launched = play.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def open_page(browser: Any, site: Path) -> Iterator[Any]:
    pages: list[Any] = []

    def opener(name: str, width: int = 1280) -> Opened:
        page = browser.new_page(viewport={"width": width, "height": 900})
        pages.append(page)
        opened = Opened(page)

        def on_console(message: Any) -> None:
            if message.type == "error":
                opened.errors.append(f"console: {message.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: opened.errors.append(f"page error: {exc}"))
        page.on("requestfailed", lambda req: opened.errors.append(f"failed: {req.url}"))
        page.goto((site / name).as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return opened

    yield opener
    for page in pages:
        page.close()


@pytest.mark.parametrize("name", ["index.html", "LAW.html", "strategy-map.html"])
def test_pages_load_without_errors(open_page: Any, name: str) -> None:
    opened = open_page(name)
    assert opened.page.title()
    assert opened.errors == []


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    )


def test_strategy_map_goal_boxes_do_not_overlap(open_page: Any) -> None:
    page = open_page("strategy-map.html").page
    boxes: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('rect.goal')].map(r => {
            const b = r.getBoundingClientRect();
            const g = r.closest('g.goal');
            return {id: g ? g.dataset.goal : '', left: b.left, right: b.right,
                    top: b.top, bottom: b.bottom, width: b.width, height: b.height};
        })"""
    )
    assert len(boxes) >= 2, "no goal boxes on the strategy map"
    assert all(b["width"] > 0 and b["height"] > 0 for b in boxes)
    clashes = [
        (a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlap(a, b)
    ]
    assert clashes == []


def test_strategy_map_goal_names_fit_their_boxes(open_page: Any) -> None:
    """Each goal's name, measured with the real font, stays inside its box."""
    page = open_page("strategy-map.html").page
    spills: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('g.goal')].flatMap(g => {
            const box = g.querySelector('rect.goal').getBoundingClientRect();
            return [...g.querySelectorAll('text.goal-name')].flatMap(t => {
                const b = t.getBoundingClientRect();
                const out = b.left < box.left - 1 || b.right > box.right + 1
                    || b.top < box.top - 1 || b.bottom > box.bottom + 1;
                return out ? [g.dataset.goal + ': ' + t.textContent] : [];
            });
        })"""
    )
    assert spills == []


# Thai only, no space: a space may come from a Latin font.
THAI = "ร้อยละของความสำเร็จของการแก้ไขหรือยกเลิกกฎหมาย"


def _fonts_used(page: Any, selector: str) -> dict[str, int]:
    """The platform fonts Chromium drew a node's text with: family → glyphs."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    cdp.send("CSS.enable")
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"]: int(f["glyphCount"]) for f in fonts}


def test_thai_text_is_drawn_with_a_thai_font(open_page: Any) -> None:
    page = open_page("LAW.html").page
    page.evaluate(
        """(text) => {
            const add = (id, t) => {
                const p = document.createElement('p');
                p.id = id; p.textContent = t;
                document.querySelector('main').append(p);
            };
            add('thai-probe', text);
            add('base-probe', text.replace(/\\p{Mn}/gu, ''));
        }""",
        THAI,
    )
    used = _fonts_used(page, "#thai-probe")
    assert used, "Chromium drew the Thai text with no font"
    assert set(used) <= THAI_FONTS, (
        f"Thai drawn with non-Thai fonts, i.e. tofu: {used}; the site should bundle"
        " Sarabun with @font-face (fontpkg-sarabun) instead of relying on system fonts"
    )
    widths = page.evaluate(
        """() => ['thai-probe', 'base-probe'].map(id => {
            const r = document.createRange();
            r.selectNodeContents(document.getElementById(id));
            return r.getBoundingClientRect().width;
        })"""
    )
    # Shaped Thai: vowel and tone marks (Mn) sit on their consonant and add no
    # width (no dotted circles).  Tofu is caught above, by the fonts used: a
    # missing-glyph mark can be zero-width too.
    assert widths[1] > 0
    assert abs(widths[0] - widths[1]) < 0.02 * widths[1], widths
    bundled = page.evaluate(
        "[...document.fonts].some(f => f.family.replace(/[\"']/g, '') === 'Sarabun')"
    )
    if bundled:  # the site ships Sarabun: it must load and be what draws the Thai
        assert page.evaluate("document.fonts.check('16px Sarabun')")
        assert "Sarabun" in used, used


def test_law_agreement_screenshot(open_page: Any, tmp_path: Path) -> None:
    opened = open_page("LAW.html", width=1100)
    page = opened.page
    assert page.get_by_text("ร้อยละของความสำเร็จของการแก้ไข หรือยกเลิกกฎหมาย").count() >= 1
    shot = tmp_path / "law.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    with contextlib.suppress(OSError):  # the copy is a convenience for people looking at it
        shutil.copyfile(shot, SCREENSHOT_COPY)
    assert opened.errors == []


# Phone and desktop widths, every page kind of the probation report (with scores).
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PAGE_KINDS = [
    "index.html",
    "strategy-map.html",
    "os-matrix.html",
    "cascade.html",
    "org-chart.html",
    "jobs.html",
    "DOP.html",  # the organisation's agreement
    "LAW.html",  # a unit's, with a scorecard
    "PROB.html",  # a unit's, with its own strategy map
    "P0001.html",  # a person's
]
# Every element holding visible text (not SVG figures): its tag, size and text.
SMALL_TEXT = """() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const el = walk.currentNode.parentElement;
    if (!walk.currentNode.textContent.trim() || el.closest('svg')) continue;
    if (!el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const text = el.textContent.trim().slice(0, 30);
    if (size < 14) out.push(`${el.tagName}.${el.className} ${size}px: ${text}`);
  }
  return out;
}"""
LAYOUT = """() => ({
  scroll: document.documentElement.scrollWidth,
  inner: window.innerWidth,
  nav: getComputedStyle(document.querySelector('nav.pages')).display,
  button: getComputedStyle(document.querySelector('.menu-button')).display,
})"""


def _menu_and_zoom(page: Any) -> dict[str, object]:
    """On a phone: the menu opens on a tap; the map zooms ×4 and pans in its own box."""
    links = page.locator("nav.pages a")
    hidden = links.first.is_hidden()
    page.click("label.menu-button")
    shown = [links.nth(k).is_visible() for k in range(links.count())]
    box = "document.querySelector('.map')"
    fit = page.evaluate(f"{box}.scrollWidth / {box}.clientWidth")
    page.click("label[for=zoom-4]")
    return {
        "hidden before": hidden,
        "shown after": shown,
        "fit": fit,
        "zoomed ≥ 3.9": page.evaluate(f"{box}.scrollWidth / {box}.clientWidth") >= 3.9,
        "page": page.evaluate("document.documentElement.scrollWidth"),
        "viewBox": page.evaluate("document.querySelector('.map svg').getAttribute('viewBox')")
        is not None,
    }


def _print_rules(page: Any) -> dict[str, object]:
    """Printed: KPI cards and signature blocks are never split; the header goes; A4 margins."""
    page.emulate_media(media="print")
    found: dict[str, object] = page.evaluate(
        """() => Object.fromEntries(['.kpi-card', '.signature', '.signatures'].map(s =>
            [s, [...document.querySelectorAll(s)].map(e => getComputedStyle(e).breakInside)]))"""
    )
    found["header"] = page.evaluate(
        "getComputedStyle(document.querySelector('header.site')).display"
    )
    found["@page"] = page.evaluate(
        """() => [...document.styleSheets].flatMap(s => [...s.cssRules])
            .filter(r => r instanceof CSSMediaRule && r.conditionText === 'print')
            .flatMap(r => [...r.cssRules]).filter(r => r instanceof CSSPageRule)
            .map(r => r.style.margin)"""
    )
    page.emulate_media(media="screen")
    return found


def test_readable_on_a_phone_and_a_desktop_and_in_print(browser: Any, site: Path) -> None:
    """Each page kind, loaded once: at phone width, then resized to a desktop's."""
    page = browser.new_page(viewport=PHONE)
    found: dict[str, list[object]] = {}
    extra: dict[str, object] = {}
    try:
        for name in PAGE_KINDS:
            page.set_viewport_size(PHONE)
            page.goto((site / name).as_uri(), wait_until="load")
            phone = page.evaluate(LAYOUT)
            small = page.evaluate(SMALL_TEXT)
            if name in ("strategy-map.html", "PROB.html"):
                extra[name] = _menu_and_zoom(page)
            page.set_viewport_size(DESKTOP)
            desktop = page.evaluate(LAYOUT)
            small += page.evaluate(SMALL_TEXT)
            if name == "LAW.html":
                extra[name] = _print_rules(page)
            found[name] = [phone, desktop, small]
    finally:
        page.close()
    collapsed = {"scroll": 390, "inner": 390, "nav": "none", "button": "block"}  # a flex item
    spread = {"scroll": 1280, "inner": 1280, "nav": "flex", "button": "none"}
    assert found == {name: [collapsed, spread, []] for name in PAGE_KINDS}
    zooms = {
        "hidden before": True,
        "shown after": [True] * 6,  # every page of the menu, the progress page too
        "fit": 1,
        "zoomed ≥ 3.9": True,
        "page": 390,
        "viewBox": True,
    }
    assert extra == {
        "strategy-map.html": zooms,
        "PROB.html": zooms,  # the unit's own map zooms and pans like the organisation's
        "LAW.html": {  # eight KPI cards (2-1 … 2-7, A3); the evaluator and evaluatee sign
            ".kpi-card": ["avoid"] * 8,
            ".signature": ["avoid"] * 2,
            ".signatures": ["avoid"],
            "header": "none",
            "@page": ["15mm 12mm"],
        },
    }
