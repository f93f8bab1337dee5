"""Small SVG building blocks: escaping, number formatting, ids, text blocks."""

from __future__ import annotations

import hashlib
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape, quoteattr

from cascade.report.svg._text import LINE_HEIGHT, clean

FONT = "Sarabun, 'Noto Sans Thai', 'Leelawadee UI', Tahoma, Thonburi, Loma, sans-serif"
INK = "#1f2328"
MUTED = "#57606a"
GRID = "#d0d7de"
# Okabe–Ito based, distinguishable for colour-blind readers and in greyscale print.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f6a00", "#555555")
TINTS = ("#e3f0f9", "#fbe9df", "#dff3ec", "#f7eaf2", "#fcf1da", "#e6f4fc", "#f1edd6", "#ececec")


def esc(text: str) -> str:
    """Escaped element text."""
    return escape(clean(text))


def attr(text: str) -> str:
    """A quoted, escaped attribute value (quotes included)."""
    return quoteattr(clean(text), {"\n": " ", "\t": " "})


def num(value: float) -> str:
    """Coordinates with at most one decimal, no trailing zeros, no ``-0``."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def dec(value: Decimal) -> str:
    """A score for people: whole numbers bare, otherwise up to two decimals."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return text.rstrip("0").rstrip(".")


def id_prefix(kind: str, *parts: object) -> str:
    """Deterministic ids, distinct for different inputs in one HTML page."""
    digest = hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{kind}-{digest[:10]}"


def svg_open(width: float, height: float, prefix: str, css_class: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" '
        f'width="{num(width)}" height="{num(height)}" viewBox="0 0 {num(width)} {num(height)}" '
        f'role="img" aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}" '
        f'style="max-width:100%;height:auto">'
    )


def head(prefix: str, title: str, desc: str) -> str:
    return (
        f'<title id="{prefix}-title">{esc(title)}</title>'
        f'<desc id="{prefix}-desc">{esc(desc)}</desc>'
    )


def text_block(
    lines: list[str],
    x: float,
    top: float,
    size: float,
    *,
    anchor: str = "middle",
    bold: bool = False,
    fill: str = INK,
    css_class: str = "",
) -> str:
    """Lines of text, the first line's box starting at ``top``."""
    if not lines:
        return ""
    step = size * LINE_HEIGHT
    baseline = top + step / 2 + size * 0.35
    weight = ' font-weight="bold"' if bold else ""
    cls = f' class="{css_class}"' if css_class else ""
    spans = "".join(
        f'<tspan x="{num(x)}" y="{num(baseline + k * step)}">{esc(line)}</tspan>'
        for k, line in enumerate(lines)
    )
    return (
        f'<text{cls} font-size="{num(size)}" text-anchor="{anchor}"{weight} '
        f'fill="{fill}">{spans}</text>'
    )
