"""Tabs used as separating whitespace, turned into spaces before ruamel reads.

YAML allows a tab between tokens (``kind:<TAB>People``, ``people: []<TAB># note``,
a tab at the end of a line), and cascade's reader takes it, but ruamel.yaml's
scanner refuses it.  Such a tab is no part of any value, so it becomes a
space; tabs inside a token (a quoted or block scalar) or inside a comment
stay as written.
"""

from __future__ import annotations

import bisect

from cascade.fmt.safety import scan


def untab(text: str) -> str:
    """``text`` with every tab outside tokens and comments made a space."""
    if "\t" not in text:
        return text
    found = scan(text)
    kept = sorted([*found.spans, *((at, at + len(body)) for at, body in found.comments)])
    starts = [start for start, _ in kept]
    chars = list(text)
    at = text.find("\t")
    while at >= 0:
        inside = bisect.bisect_right(starts, at) - 1
        if inside < 0 or at >= kept[inside][1]:
            chars[at] = " "
        at = text.find("\t", at + 1)
    return "".join(chars)
