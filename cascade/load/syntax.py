"""YAML syntax errors told where the person must look, in plain words.

libyaml reports where it *stopped*, which is often not where the mistake
is: an unclosed quote or bracket is reported at the end of the file or on
the next line, a missing ``:`` on the line after the key.  The error's
context mark is where the thing began, so these are reported there:

* ``while scanning a quoted scalar`` / ``unexpected end of stream`` → the
  opening quote ("this quote is never closed");
* ``while parsing a flow sequence|mapping`` / ``did not find expected ','``
  → the opening ``[`` or ``{``, with where the parser stopped as related;
* ``while scanning a simple key`` / ``could not find expected ':'`` → the
  key's own line ("a ':' is missing after the key on this line").

Anchors and aliases are checked over the whole file's events, so that
every anchor defined twice and every alias used before (or without) its
anchor is reported, not only the first.
"""

from __future__ import annotations

import yaml

from cascade.checks.load import DEPTH, SYNTAX
from cascade.diagnostics import Diagnostic, Location
from cascade.load.parser import Loader

_PLAIN: dict[tuple[str, str], tuple[str, str]] = {
    ("while scanning a quoted scalar", "found unexpected end of stream"): (
        "this quote is never closed",
        "end the value with the quote it starts with: \" or '",
    ),
    ("while parsing a flow sequence", "did not find expected ',' or ']'"): (
        "this '[' is never closed, or a ',' is missing between its items",
        "close the list with ']', or write it as lines starting with '- '",
    ),
    ("while parsing a flow mapping", "did not find expected ',' or '}'"): (
        "this '{' is never closed, or a ',' is missing between its items",
        "close it with '}', or write each 'key: value' on its own line",
    ),
    ("while scanning a simple key", "could not find expected ':'"): (
        "a ':' is missing after the key on this line",
        "write 'key: value'; text on its own line needs a key before it",
    ),
}

_TAB_HINT = "indent with spaces; YAML does not allow tabs for indentation"


def syntax_diagnostics(
    file: str, text: str, exc: yaml.YAMLError, max_depth: int
) -> list[Diagnostic]:
    """The diagnostics of a YAML error, each where the person must look."""
    problem = str(getattr(exc, "problem", None) or exc)
    if "duplicate anchor" in str(getattr(exc, "context", "")) or "undefined alias" in problem:
        found = anchor_problems(file, text)
        if found:
            return found
    return [_one(file, text, exc, max_depth)]


def _one(file: str, text: str, exc: yaml.YAMLError, max_depth: int) -> Diagnostic:
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    message = f"{context}: {problem}" if context else problem
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if "maximum nesting depth" in message:
        return DEPTH.diagnostic(file, f"nesting deeper than {max_depth} levels", line, col)
    plain = _PLAIN.get((str(context), problem))
    if plain is not None and context_mark is not None:
        stopped = Location(file, line, col, "where the YAML reader stopped")
        at = (context_mark.line + 1, context_mark.column + 1)
        return SYNTAX.diagnostic(
            file, f"YAML syntax error: {plain[0]}", *at, hint=plain[1], related=(stopped,)
        )
    hint = ""
    lines = text.splitlines()
    if "tab" in message or (0 < line <= len(lines) and "\t" in lines[line - 1][: col + 1]):
        hint = _TAB_HINT
    return SYNTAX.diagnostic(file, f"YAML syntax error: {message}", line, col, hint=hint)


def anchor_problems(file: str, text: str) -> list[Diagnostic]:
    """Every anchor defined twice and every alias without an anchor before it, per document."""
    found: list[Diagnostic] = []
    anchors: dict[str, int] = {}
    early: list[tuple[str, tuple[int, int]]] = []  # aliases met before their anchor
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.DocumentEndEvent):
                found.extend(_early(file, early, anchors))
                anchors, early = {}, []
            mark = event.start_mark
            name = getattr(event, "anchor", None)
            if name is None or mark is None:
                continue
            at = (mark.line + 1, mark.column + 1)
            if isinstance(event, yaml.AliasEvent):
                if name not in anchors:
                    early.append((name, at))
            elif name in anchors:
                msg = f"the anchor '&{name}' is defined twice (first at line {anchors[name]})"
                hint = "give each anchor its own name"
                found.append(SYNTAX.diagnostic(file, msg, *at, hint=hint))
            else:
                anchors[name] = at[0]
    except yaml.YAMLError:
        return []  # a syntax error further on: reported as such
    return sorted(found)


def _early(
    file: str, early: list[tuple[str, tuple[int, int]]], anchors: dict[str, int]
) -> list[Diagnostic]:
    """The aliases of one document used before their anchor, or with none."""
    found = []
    for name, at in early:
        if name in anchors:
            msg = f"'*{name}' is used before its anchor '&{name}' (line {anchors[name]})"
            hint = f"move '&{name}' above its first use"
        else:
            msg = f"'*{name}' refers to no anchor: nothing is marked '&{name}'"
            hint = f"mark the value to repeat with '&{name}', or write the value itself"
        found.append(SYNTAX.diagnostic(file, msg, *at, hint=hint))
    return found
