"""The Thai font the HTML site ships with: Sarabun (OFL), from ``fontpkg-sarabun``.

A fresh machine may have no Thai font at all (a browser then draws empty
boxes), so the site carries its own: ``fonts/Sarabun-*.ttf`` next to the
pages, loaded by ``@font-face`` in style.css, with the font's licence.
"""

from __future__ import annotations

from pathlib import Path

import fontpkg_sarabun  # type: ignore[import-untyped, unused-ignore]

FOLDER = "fonts"
FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")


def font_assets() -> dict[str, bytes]:
    """Relative path → bytes of every font file the HTML pages load."""
    package = Path(fontpkg_sarabun.__file__).resolve().parent
    assets = {f"{FOLDER}/{name}": (package / "files" / name).read_bytes() for name in FILES}
    assets[f"{FOLDER}/OFL.txt"] = (package / "LICENSE").read_bytes()
    return assets
