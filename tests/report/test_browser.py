"""The HTML site in a real browser: no errors, a readable strategy map, Thai glyphs.

Debian's ``chromium`` driven by Playwright (``playwright install`` cannot
download browsers here).  Skipped, with the reason shown, when
``/usr/bin/chromium`` or the ``playwright`` package is missing; CI installs
both, so there they run.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cascade.engine import check_plan
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

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is in the dev extra: pip install -e '.[dev]'"
)
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
    """The probation plan's HTML site, rendered into a temp folder."""
    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    out = tmp_path_factory.mktemp("site")
    _, pages = make_report(model, ReportOptions(lang="th", formats=("html",)))
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
