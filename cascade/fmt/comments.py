"""Comments that travel with their keys when a mapping is reordered.

ruamel.yaml keeps a comment line with the node *before* it: the lines
between two keys sit in the comment token after the first key's value, and
when that value is a block mapping or list, after its last, deepest entry.
Reordering keys as they are would leave each comment where it was and so
stick it to the wrong key.  This module speaks in *lines* instead:

* :func:`take_after` removes the lines that follow an entry's value (its
  end-of-line comment stays) and returns them; :func:`inner_outer` tells
  the lines that belong inside a block value (indented deeper than its key)
  from those that belong to what follows;
* :func:`put_after` appends lines after an entry's value;
* :func:`lead_tokens` / :func:`set_lead` read and set the lines written just
  before a key or a list item (ruamel's "pre" comments, which move with it).

A line is the source text without its newline: ``""`` for a blank line,
``"    # text"`` for a comment, indentation included.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

Lines = list[str]
Container = CommentedMap | CommentedSeq
_SLOTS = 4  # ruamel keeps four comment places per entry


def is_block(value: Any) -> bool:
    """A non-empty mapping or list written in block style."""
    return (
        isinstance(value, CommentedMap | CommentedSeq)
        and len(value) > 0
        and not value.fa.flow_style()
    )


def _last(container: Container) -> Any:
    return next(reversed(container)) if isinstance(container, CommentedMap) else len(container) - 1


def _tail(parent: Container, key: Any) -> tuple[Container, Any, bool]:
    """Where the comment after ``parent[key]`` lives: the deepest last entry
    of a block value; and whether that entry's value is a block scalar."""
    value = parent[key]
    while is_block(value):
        parent, key = value, _last(value)
        value = parent[key]
    return parent, key, isinstance(value, LiteralScalarString | FoldedScalarString)


def _slot(parent: Container) -> int:
    return 2 if isinstance(parent, CommentedMap) else 0


def _get(parent: Container, key: Any) -> CommentToken | None:
    entry = parent.ca.items.get(key)
    index = _slot(parent)
    if not entry or len(entry) <= index:
        return None
    token: CommentToken | None = entry[index]
    return token


def _set(parent: Container, key: Any, token: CommentToken | None) -> None:
    entry = parent.ca.items.setdefault(key, [None] * _SLOTS)
    entry.extend([None] * (_SLOTS - len(entry)))
    entry[_slot(parent)] = token
    value = parent[key]
    if isinstance(value, CommentedMap | CommentedSeq):  # a flow value keeps a copy
        comment = value.ca.comment
        if comment is None:
            value.ca.comment = [token, None]
        else:
            comment[0] = token


def _column(token: CommentToken) -> int:
    mark = token.start_mark
    return int(getattr(mark, "column", 0) or 0)


def _new(value: str, column: int = 0) -> CommentToken:
    return CommentToken(value, CommentMark(column), None)


def _split(token: CommentToken, block_scalar: bool) -> tuple[str, Lines]:
    """A tail token as its end-of-line comment and the full lines after it."""
    parts = token.value.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    if not parts:
        return "", []
    if block_scalar:  # the scalar ends its line: every part is a full line
        first = parts[0]
        return "", [" " * _column(token) + first if first else "", *parts[1:]]
    return parts[0], parts[1:]


def _join(token: CommentToken | None, eol: str, lines: Lines, block_scalar: bool) -> Any:
    """The tail token holding ``eol`` then ``lines`` (``None`` when empty)."""
    if not eol and not lines:
        return None
    if block_scalar:
        first = lines[0]
        text = "\n".join([first.lstrip(), *lines[1:]]) + "\n"
        return _new(text, len(first) - len(first.lstrip()))
    text = eol + "\n" + "".join(line + "\n" for line in lines)
    if token is not None and eol:
        token.value = text  # keeps the comment's column
        return token
    return _new(text)


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def take_after(parent: Container, key: Any) -> Lines:
    """Remove and return the lines after entry ``key`` (not its end-of-line comment)."""
    holder, last, block_scalar = _tail(parent, key)
    token = _get(holder, last)
    if token is None:
        return []
    eol, lines = _split(token, block_scalar)
    if lines:
        _set(holder, last, _join(token, eol, [], block_scalar))
    return lines


def inner_outer(value: Any, lines: Lines, column: int | None) -> tuple[Lines, Lines]:
    """Split the lines after an entry: when its value is a block, the leading
    comments indented deeper than the entry's key (``column``) belong inside
    it; from the blank lines before a shallower comment on, lines belong to
    what follows."""
    if column is None or not is_block(value):
        return [], lines
    end = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if indent_of(line) <= column:
            break
        end = i + 1
    return lines[:end], lines[end:]


def put_after(parent: Container, key: Any, lines: Lines) -> None:
    """Append ``lines`` after the value of entry ``key``."""
    if not lines:
        return
    holder, last, block_scalar = _tail(parent, key)
    token = _get(holder, last)
    eol, existing = _split(token, block_scalar) if token is not None else ("", [])
    _set(holder, last, _join(token, eol, existing + lines, block_scalar))


def tokens_to_lines(tokens: list[CommentToken] | None) -> Lines:
    """Full-line comment tokens (ruamel's "pre" comments) as lines."""
    lines: Lines = []
    for token in tokens or ():
        if token is None:
            continue
        parts = token.value.split("\n")
        if parts and parts[-1] == "":
            parts.pop()
        if not parts:
            continue
        first = parts[0]
        lines.append(" " * _column(token) + first if first else "")
        lines.extend(parts[1:])
    return lines


def lines_to_tokens(lines: Lines) -> list[CommentToken]:
    """Lines as full-line comment tokens, one per line, each at its column."""
    return [_new(line.lstrip(" ") + "\n", indent_of(line)) for line in lines]


def lead_tokens(parent: Container, key: Any) -> Lines:
    """Remove and return the lines written just before entry ``key``."""
    entry = parent.ca.items.get(key)
    if not entry or len(entry) < 2 or not entry[1]:
        return []
    lines = tokens_to_lines(entry[1])
    entry[1] = None
    return lines


def set_lead(parent: Container, key: Any, lines: Lines) -> None:
    """Write ``lines`` just before entry ``key`` (after any already there)."""
    if not lines:
        return
    entry = parent.ca.items.setdefault(key, [None] * _SLOTS)
    entry.extend([None] * (_SLOTS - len(entry)))
    entry[1] = [*(entry[1] or []), *lines_to_tokens(lines)]


def take_block_start(parent: CommentedMap, key: Any) -> Lines:
    """Remove and return the lines between ``key:`` and the first entry of its
    block value (the key's own end-of-line comment stays)."""
    value = parent[key]
    entry = parent.ca.items.get(key)
    lines: Lines = []
    if entry:
        entry.extend([None] * (_SLOTS - len(entry)))
        token = entry[2]
        if token is not None:
            eol, after = _split(token, False)
            if after:
                lines.extend(after)
                entry[2] = _join(token, eol, [], False)
        lines.extend(tokens_to_lines(entry[3]))
        entry[3] = None
    own = value.ca.comment
    if own:
        if not entry:
            lines.extend(tokens_to_lines(own[1]))
        own[1] = None
        own[0] = entry[2] if entry else own[0]
    return lines
