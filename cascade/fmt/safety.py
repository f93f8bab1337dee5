"""Checks that formatting loses nothing: the same data, the same comments.

Both are measured independently of ruamel.yaml: the data with cascade's own
reader (the one ``validate`` uses), the comments with libyaml's scanner,
which finds every ``#`` that is not inside a token (a scalar, an anchor…).
The scanner also tells where flow collections (``[…]``, ``{…}``) are, so
that :mod:`cascade.fmt.islands` can keep those holding a comment as written.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from cascade.load.parser import Loader
from cascade.load.reader import read_bytes

_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


@dataclass(slots=True)
class Scan:
    """Comments (index in the text, text), outermost flow collections (start,
    end), block list dashes (index) and every token's (start, end)."""

    comments: list[tuple[int, str]] = field(default_factory=list)
    flows: list[tuple[int, int]] = field(default_factory=list)
    dashes: set[int] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)


def scan(text: str) -> Scan:
    """The comments, flow collections and list dashes of ``text`` (which
    must scan cleanly)."""
    result = Scan()
    spans = result.spans
    depth, opened = 0, 0
    for token in yaml.scan(text, Loader=Loader):
        start, end = token.start_mark.index, token.end_mark.index
        if isinstance(token, yaml.BlockEntryToken):
            result.dashes.add(start)
        elif isinstance(token, _OPEN):
            opened = start if depth == 0 else opened
            depth += 1
        elif isinstance(token, _CLOSE) and depth:
            depth -= 1
            if depth == 0:
                result.flows.append((opened, end))
        if end > start:
            spans.append((start, end))
    spans.sort()
    starts = [s for s, _ in spans]
    at = text.find("#")
    while at >= 0:
        inside = bisect.bisect_right(starts, at) - 1
        if (inside < 0 or at >= spans[inside][1]) and (at == 0 or text[at - 1] in " \t\n"):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            result.comments.append((at, text[at:end].rstrip()))
            at = text.find("#", end)
        else:
            at = text.find("#", at + 1)
    return result


def comments_of(text: str) -> Counter[str]:
    """Every comment of ``text`` (``#`` to the end of its line), counted."""
    return Counter(comment for _, comment in scan(text).comments)


def same_data(before: list[Any], after: bytes, file: str) -> str:
    """Why ``after`` does not read as the documents ``before`` (``""`` if it does)."""
    read = read_bytes(after, file)
    if not read.ok:
        return "the formatted text would not read back"
    if read.documents != before:
        return "the formatted text would read differently"
    return ""


def lost_comments(before: str, after: str) -> str:
    """Why the comments of ``after`` differ from ``before`` (``""`` if they don't)."""
    old, new = comments_of(before), comments_of(after)
    if old == new:
        return ""
    missing = sorted((old - new).elements())
    if missing:
        return f"the comment {missing[0]!r} would be lost"
    return "comments would change"
