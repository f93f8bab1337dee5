"""The documentation links only to files of this repository."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(
    r"!?\[[^\]]*\]\(<?([^)>\s]+)>?(?:\s+\"[^\"]*\")?\)|^\[[^\]]+\]:\s*<?([^>\s]+)", re.M
)
WEB = re.compile(r"(https?|mailto):", re.I)


def _broken(page: Path, text: str) -> list[str]:
    """The links of ``page`` (whose text is ``text``) that do not lead to a file
    or folder of the repository, and the paths into shared/ it mentions."""
    bad = [f"mentions {m}" for m in re.findall(r"`[^`]*shared/design/[^`]*`", text)]
    for found in LINK.finditer(text):
        target = found.group(1) or found.group(2)
        path = target.split("#", 1)[0]
        if WEB.match(target) or not path:
            continue
        here = (page.parent / path).resolve()
        if re.match(r"[a-z]+:|/", path, re.I) or not here.is_relative_to(ROOT) or not here.exists():
            bad.append(target)
    return bad


def test_every_relative_link_resolves_in_the_repository() -> None:
    assert len(PAGES) > 5
    texts = {page: page.read_text(encoding="utf-8") for page in PAGES}
    assert {
        page.name: _broken(page, text) for page, text in texts.items() if _broken(page, text)
    } == {}


def test_links_outside_the_repository_are_caught() -> None:
    text = (
        "[a](architecture.md#top) [b](../shared/design/PLAN-FORMAT.md) [c](/work/x.md)\n"
        "[d](file:///etc/hosts) [e](https://example.org) [f](missing.md) ![g](../README.md)\n"
        "see `shared/design/SCORING.md`\n[h]: ../../outside.md\n"
    )
    assert _broken(ROOT / "docs" / "x.md", text) == [
        "mentions `shared/design/SCORING.md`",
        "../shared/design/PLAN-FORMAT.md",
        "/work/x.md",
        "file:///etc/hosts",
        "missing.md",
        "../../outside.md",
    ]
