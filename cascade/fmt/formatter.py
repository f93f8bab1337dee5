"""Format the bytes of one plan file: the whole of ``cascade fmt`` for a file.

Steps: the safe reader first (a file ``validate`` refuses is refused here
too, with the same diagnostics); the envelope (BOM, CRLF) off; the text
split into documents; each document read with ruamel.yaml round-trip, put
in canonical form and written back with the file's own list style; the
envelope back on.  Last, the result is checked to hold the same data and
the same comments as the original; if it does not, the file is refused
with an ``FMT001`` diagnostic instead of being changed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from cascade.checks.commands import CANNOT_FORMAT
from cascade.diagnostics import Diagnostic, Level
from cascade.fmt.canonical import canonicalise
from cascade.fmt.dashes import lift
from cascade.fmt.documents import Segment, split
from cascade.fmt.envelope import close_text, open_text
from cascade.fmt.islands import Island, cut, paste
from cascade.fmt.layout import break_queue, line_starts, seq_style
from cascade.fmt.rtyaml import SeqStyle, make_yaml
from cascade.fmt.safety import lost_comments, same_data
from cascade.fmt.shapes import document_shape
from cascade.fmt.tabs import untab
from cascade.load.reader import read_bytes


@dataclass(frozen=True, slots=True)
class Formatted:
    """One file: its bytes before, after (``None`` when refused) and why."""

    file: str
    before: bytes
    after: bytes | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before


@dataclass(slots=True)
class _Body:
    text: str
    document: Any
    islands: list[Island]


def _refuse(
    file: str, data: bytes, reason: str, line: int = 1, column: int = 1, hint: str = ""
) -> Formatted:
    message = f"cannot format this file without changing it: {reason}; it was left as it is"
    diagnostic = CANNOT_FORMAT.diagnostic(file, message, line, column, hint=hint)
    return Formatted(file, data, None, (diagnostic,))


def _load(segments: list[Segment]) -> list[_Body | str]:
    """Each body read with ruamel; everything else kept as text."""
    loaded: list[_Body | str] = []
    for segment in segments:
        text, cut_out = cut(lift(untab(segment.text))) if segment.body else (segment.text, [])
        document = make_yaml().load(text) if segment.body else None
        if document is None or isinstance(document, str):  # empty, or one scalar: as written
            loaded.append(segment.text)
        else:
            loaded.append(_Body(text, document, cut_out))
    return loaded


def _dump(body: _Body, style: SeqStyle) -> str:
    lines = body.text.split("\n")
    starts = line_starts(body.document, lines)
    canonicalise(body.document, document_shape(body.document))
    yaml = make_yaml(style)
    yaml.emitter.breaks.extend(break_queue(body.document, starts))
    out = io.StringIO()
    yaml.dump(body.document, out)
    return paste(out.getvalue(), body.islands)


def format_text(text: str) -> str:
    """``text`` (one file's ``\\n`` text, known to read cleanly) in canonical form."""
    loaded = _load(split(text))
    style = seq_style([part.document for part in loaded if isinstance(part, _Body)])
    out: list[str] = []
    for part in loaded:
        if isinstance(part, str):
            if part.startswith("...") and out and out[-1].endswith("\n...\n"):
                out[-1] = out[-1][: -len("...\n")]  # ruamel's own end marker, already there
            out.append(part)
        else:
            out.append(_dump(part, style))
    return "".join(out)


def format_bytes(data: bytes, file: str) -> Formatted:
    """Format one file's bytes; never raises on bad input."""
    read = read_bytes(data, file)
    errors = tuple(d for d in read.diagnostics if d.level is Level.ERROR)
    if errors:
        return Formatted(file, data, None, errors)
    text, envelope = open_text(data)
    try:
        formatted = format_text(text)
    except Exception as exc:  # ruamel refusing what libyaml took: report, don't crash
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        reason = f"ruamel.yaml cannot round-trip it ({type(exc).__name__}: {exc})"
        return _refuse(file, data, reason.splitlines()[0], line, column)
    after = close_text(formatted, envelope)
    if after == data:
        return Formatted(file, data, data)
    reason = same_data(read.documents, after, file) or lost_comments(text, formatted)
    if reason:
        return _refuse(file, data, reason)
    return Formatted(file, data, after)
