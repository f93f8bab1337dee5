"""Flow collections holding comments, kept as written ("islands").

ruamel.yaml drops or moves a comment written inside a flow collection
(``[a, # why\\n b]``), so such a collection is never given to it: before a
document is read, each outermost ``[…]`` / ``{…}`` that holds a comment is
cut out of the text and a plain placeholder word put in its place;
after the document is written, the collection's own text is pasted back
where the placeholder landed.  Its lines after the first move right or
left with it (by as many columns as its opening bracket moved, or as its
line's block indentation moved when that is further right), so the text
reads as the same data.  Inside an island nothing is reordered or requoted.
"""

from __future__ import annotations

from dataclasses import dataclass

from cascade.fmt.comments import indent_of
from cascade.fmt.safety import scan


@dataclass(frozen=True, slots=True)
class Island:
    """One cut-out flow collection: its placeholder, source text and column."""

    placeholder: str
    source: str
    column: int
    margin: int


def _stem(text: str) -> str:
    """A placeholder stem that occurs nowhere in ``text``."""
    stem = "cascade-fmt-flow"
    while stem in text:
        stem += "-x"
    return stem


def cut(text: str) -> tuple[str, list[Island]]:
    """``text`` with each outermost flow collection that holds a comment
    replaced by a placeholder; the islands in the order they were cut."""
    found = scan(text)
    commented = [
        (start, end)
        for start, end in found.flows
        if any(start < at < end for at, _ in found.comments)
    ]
    if not commented:
        return text, []
    stem = _stem(text)
    islands: list[Island] = []
    parts: list[str] = []
    done = 0
    for number, (start, end) in enumerate(commented):
        placeholder = f"{stem}-{number}z"  # no placeholder is a prefix of another
        line_start = text.rfind("\n", 0, start) + 1
        margin = _margin(text[line_start:start])
        islands.append(Island(placeholder, text[start:end], start - line_start, margin))
        parts += [text[done:start], placeholder]
        done = end
    parts.append(text[done:])
    return "".join(parts), islands


def _margin(head: str) -> int:
    """The block indentation of a line that begins with ``head``: the column
    of its first character that is neither a space nor a list item's dash."""
    stripped = head.lstrip(" ")
    while stripped.startswith("- ") or stripped == "-":
        stripped = stripped[1:].lstrip(" ")
    return len(head) - len(stripped)


def _moved(island: Island, column: int, margin: int) -> str:
    """The island's text with its bracket at ``column`` on a line of block
    indentation ``margin``: its later lines move as far as the bracket did,
    or as far as the block indentation did when that is further right, so
    none ends up less indented, relative to the block, than it was."""
    first, *rest = island.source.split("\n")
    shift = max(column - island.column, margin - island.margin)
    lines = [first]
    for line in rest:
        lines.append(
            " " * max(indent_of(line) + shift, 0) + line.lstrip(" ") if line.strip() else ""
        )
    return "\n".join(lines)


def paste(text: str, islands: list[Island]) -> str:
    """Put each island back in place of its placeholder in ``text``."""
    for island in islands:
        at = text.find(island.placeholder)
        if at < 0 or text.find(island.placeholder, at + 1) >= 0:
            raise ValueError(f"the flow collection at column {island.column + 1} went missing")
        line_start = text.rfind("\n", 0, at) + 1
        moved = _moved(island, at - line_start, _margin(text[line_start:at]))
        text = text[:at] + moved + text[at + len(island.placeholder) :]
    return text
