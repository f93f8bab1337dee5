"""Diagnostics for the client: every file of the plan, and clearing fixed ones.

cascade's diagnostics (1-based, code points) become LSP diagnostics in the
negotiated encoding; a file that had diagnostics and has none now gets an
empty list, so the editor clears it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace import PositionCodec

from cascade.diagnostics import Diagnostic, Level
from cascade.lsp.positions import diagnostic_range
from cascade.lsp.spans import Sources

SOURCE = "cascade"


def uri_of(root: Path, rel: str) -> str:
    """The ``file:`` URI of a plan file."""
    return from_fs_path(str(root / rel)) or (root / rel).as_uri()


def to_lsp(
    diagnostic: Diagnostic, root: Path, sources: Sources, codec: PositionCodec
) -> types.Diagnostic:
    """One cascade diagnostic as the client sees it."""
    lines = sources.lines(diagnostic.file)
    message = diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=uri_of(root, place.file),
                range=diagnostic_range(codec, sources.lines(place.file), place.line, place.column),
            ),
            message=place.message or "see also",
        )
        for place in diagnostic.related
    ]
    return types.Diagnostic(
        range=diagnostic_range(codec, lines, diagnostic.line, diagnostic.column),
        message=message,
        severity=(
            types.DiagnosticSeverity.Error
            if diagnostic.level is Level.ERROR
            else types.DiagnosticSeverity.Warning
        ),
        code=diagnostic.code,
        source=SOURCE,
        related_information=related or None,
    )


def publish(
    root: Path,
    diagnostics: tuple[Diagnostic, ...],
    sources: Sources,
    codec: PositionCodec,
    before: set[str],
    send: Callable[[types.PublishDiagnosticsParams], None],
) -> set[str]:
    """Send every file's diagnostics (and empty lists for files fixed since
    ``before``); the files that now have diagnostics."""
    grouped: dict[str, list[types.Diagnostic]] = {}
    for diagnostic in diagnostics:
        converted = to_lsp(diagnostic, root, sources, codec)
        grouped.setdefault(diagnostic.file, []).append(converted)
    for rel in sorted(before - set(grouped)):
        send(types.PublishDiagnosticsParams(uri=uri_of(root, rel), diagnostics=[]))
    for rel, found in sorted(grouped.items()):
        send(types.PublishDiagnosticsParams(uri=uri_of(root, rel), diagnostics=found))
    return set(grouped)
