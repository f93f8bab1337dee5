"""Split a file into its documents and the marker lines between them.

ruamel.yaml's multi-document round trip drops ``...`` and mangles a comment
on a ``---`` line, so fmt formats each document's text on its own and keeps
the marker lines (``%`` directives, ``---``, ``...``) exactly as written.
A document whose content starts on its ``---`` line is kept as written.
The positions come from the same libyaml parser the reader uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from cascade.load.parser import Loader


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of lines: a document body to format, or lines to keep as they are."""

    text: str
    body: bool


def _line(mark: Any) -> int:
    return int(mark.line) if mark is not None else 0


def _verbatim_lines(text: str) -> set[int]:
    """0-based numbers of the lines to keep as written."""
    keep: set[int] = set()
    events = list(yaml.parse(text, Loader=Loader))
    for i, event in enumerate(events):
        if isinstance(event, yaml.DocumentStartEvent) and event.explicit:
            start, end = _line(event.start_mark), _line(event.end_mark)
            keep.update(range(start, end + 1))
            following = events[i + 1] if i + 1 < len(events) else None
            if (
                following is not None
                and _line(following.start_mark) == end
                and not isinstance(following, yaml.DocumentEndEvent)
            ):
                done = next(
                    (e for e in events[i + 1 :] if isinstance(e, yaml.DocumentEndEvent)), None
                )
                last = _line(done.end_mark) if done is not None else end
                keep.update(range(end, last + 1))
        elif isinstance(event, yaml.DocumentEndEvent) and event.explicit:
            keep.update(range(_line(event.start_mark), _line(event.end_mark) + 1))
    return keep


def split(text: str) -> list[Segment]:
    """The segments of ``text`` (already parsed once, so known to be valid)."""
    lines = text.split("\n")
    ends = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    keep = _verbatim_lines(text)
    segments: list[Segment] = []
    run: list[str] = []
    body = True
    for number, line in enumerate(ends):
        is_body = number not in keep
        if run and is_body != body:
            segments.append(Segment("".join(run), body))
            run = []
        body = is_body
        run.append(line)
    if run:
        segments.append(Segment("".join(run), body))
    return segments
