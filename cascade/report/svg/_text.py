"""Approximate text widths and Thai-safe line wrapping for SVG text.

The width model is per character, in em, calibrated against Sarabun, Noto Sans
Thai and the TLWG fonts (Loma, Garuda) and rounded up so that text measured here
fits when drawn in any of them. Thai combining marks have zero width.

Thai has no spaces between words. Lines break at spaces first; otherwise at a
Thai cluster boundary, never before a combining mark or a following vowel
(ะ า ำ ๅ ๆ ฯ) and never after a leading vowel (เ แ โ ใ ไ), so a line never
starts with a mark or ends with a leading vowel. Among the boundaries that fit,
syllable-like ones (before a leading vowel, after ะ ำ ๆ ์, after a final
consonant) are preferred over arbitrary ones when the line stays reasonably full.
"""

from __future__ import annotations

import re

from cascade.report.svg._thai_break import COMBINING, FOLLOWING, LEADING, break_priority, safe_break

__all__ = [
    "COMBINING",
    "FOLLOWING",
    "LEADING",
    "break_priority",
    "char_em",
    "clean",
    "clip",
    "min_width",
    "safe_break",
    "text_width",
    "wrap",
]

_WIDE = {"ฌ": 0.95, "ญ": 0.95, "ฒ": 0.95, "ณ": 0.95, "๛": 1.2}
_SEMI = frozenset("ฑฬพฟษฆฃ๗๚")
_NARROW = frozenset("ijl.,:;'!|")
_SEMI_NARROW = frozenset("frt()[]-/")
_BROAD = frozenset("mwMW@%")
BOLD_FACTOR = 1.08
LINE_HEIGHT = 1.5  # em: room for Thai stacked marks above and below


def char_em(ch: str) -> float:
    """Approximate advance width of one character, in em."""
    if ch in COMBINING or ch in "\u200b\u200c\u200d":
        return 0.0
    if "\u0e00" <= ch <= "\u0e7f":
        if ch in _WIDE:
            return _WIDE[ch]
        if ch in _SEMI:
            return 0.8
        return 0.36 if ch == "เ" else 0.66
    if ch == " ":
        return 0.35
    if ch in _NARROW:
        return 0.3
    if ch in _SEMI_NARROW:
        return 0.42
    if ch in _BROAD:
        return 1.0
    if ch.isdigit():
        return 0.6
    if ch.isascii():
        return 0.74 if ch.isupper() else 0.6
    return 1.0


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Approximate rendered width of ``text`` at font ``size`` (px)."""
    em = sum(char_em(ch) for ch in text)
    return em * size * (BOLD_FACTOR if bold else 1.0)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """XML-safe single-line text: control characters dropped, whitespace collapsed."""
    text = re.sub(r"[\t\n\r\f\v]+", " ", text)
    return re.sub(r" {2,}", " ", _CONTROL.sub("", text)).strip()


MAX_LABEL = 500
"""Characters of one label a figure draws at most (a goal's name in its box):
a longer one is cut at a safe break and ends with ``…``; tables print it whole."""


def clip(text: str, limit: int | None = None) -> str:
    """``text`` cut to at most ``limit`` (:data:`MAX_LABEL`) characters at a place
    :func:`safe_break` allows, ``…`` added; unchanged when it is not longer."""
    limit = MAX_LABEL if limit is None else limit
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 1 and not safe_break(text, cut):
        cut -= 1
    return text[:cut].rstrip() + "…"


def wrap(text: str, max_width: float, size: float, *, bold: bool = False) -> list[str]:
    """Split ``text`` (clipped to :data:`MAX_LABEL`) into lines no wider than
    ``max_width`` where possible.

    A line is only wider when a single unbreakable cluster is wider on its own;
    :func:`min_width` gives the width that avoids that.  Linear in the length
    of ``text``: each line is measured once, and break places are judged in the
    whole text, not in copies of what is left.
    """
    text = clip(clean(text))
    factor = size * (BOLD_FACTOR if bold else 1.0)
    lines: list[str] = []
    start, end = 0, len(text)
    while start < end:
        cut = _best_cut(text, start, max_width, factor)
        lines.append(text[start:cut].rstrip())
        start = cut
        while start < end and text[start] == " ":
            start += 1
    return lines


_FILL = ((3, 0.4), (2, 0.6), (1, 0.0))  # (priority, minimum fill of the line)


def _best_cut(text: str, start: int, max_width: float, factor: float) -> int:
    """Where the line starting at ``start`` ends: ``len(text)`` when the rest fits."""
    width = 0.0
    fitting: list[tuple[int, float, int]] = []  # (index, width before it, priority)
    for i in range(start, len(text)):
        if i > start and safe_break(text, i):
            if width > max_width:
                if not fitting:
                    return i  # one cluster wider than the line: it goes alone
                break
            fitting.append((i, width, break_priority(text, i)))
        width += char_em(text[i]) * factor
    else:
        if width <= max_width or not fitting:
            return len(text)
    full = fitting[-1][1]
    for floor, fill in _FILL:
        good = [i for i, w, p in fitting if p >= floor and w >= fill * full]
        if good:
            return good[-1]
    return fitting[-1][0]


def min_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of the widest unbreakable cluster: no box narrower than this fits ``text``."""
    text = clip(clean(text))
    widest, start = 0.0, 0
    for i in range(1, len(text) + 1):
        if i == len(text) or safe_break(text, i):
            widest = max(widest, text_width(text[start:i].strip(), size, bold=bold))
            start = i
    return widest
