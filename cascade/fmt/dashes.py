"""Comments written after a list item's lone dash, moved above the item.

``- # why`` with the item's content on the next line is valid YAML, but
ruamel.yaml loses such a comment when the item also carries an
end-of-line comment.  Before a document is read, each such comment (and
any comment or blank lines between it and the content) goes on its own
line just above the dash, at the dash's column, and the dash joins the
content's line, spaced so the content keeps its column:

    - # why              # why
      id: A1      →      - id: A1

An item with no content below its dash (an empty item) is left alone.
"""

from __future__ import annotations

from cascade.fmt.comments import indent_of
from cascade.fmt.safety import scan


def _lone_dash(text: str, at: int, dashes: set[int]) -> bool:
    """Whether only list dashes come before the comment at ``at`` on its line."""
    start = text.rfind("\n", 0, at) + 1
    head = text[start:at]
    marks = [start + i for i, char in enumerate(head) if char == "-"]
    return bool(marks) and all(m in dashes for m in marks) and not head.replace("-", "").strip()


def lift(text: str) -> str:
    """``text`` with every comment after a lone dash moved above its item."""
    found = scan(text)
    starts = [at for at, _ in found.comments if _lone_dash(text, at, found.dashes)]
    if not starts:
        return text
    lines = text.split("\n")
    for at in reversed(starts):
        number = text.count("\n", 0, at)
        _lift_one(lines, number)
    return "\n".join(lines)


def _lift_one(lines: list[str], number: int) -> None:
    """Move the comment on line ``number`` (after a lone dash) above its item."""
    line = lines[number]
    cut = line.index("#")  # only dashes and spaces before it
    head, comment = line[:cut].rstrip(), line[cut:]
    dash = len(head) - 1
    between: list[str] = []
    content = number + 1
    while content < len(lines) and (
        not lines[content].strip() or lines[content].lstrip().startswith("#")
    ):
        between.append(lines[content])
        content += 1
    if content >= len(lines) or indent_of(lines[content]) <= dash:
        return  # an empty item: nothing to join the dash to
    column = indent_of(lines[content])
    joined = head + " " * (column - len(head)) + lines[content][column:]
    margin = " " * indent_of(head)
    lines[number : content + 1] = [margin + comment, *between, joined]
