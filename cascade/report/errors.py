"""Template problems as diagnostics: ``template:line: [error] … (RPT001)``.

A syntax error knows its line; for anything raised while rendering (a
sandbox ``SecurityError``, an undefined name, a timeout, running out of
memory) Jinja rewrites the traceback so that template code shows as frames
of the template file, and the innermost such frame gives the line.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from cascade.checks.commands import TEMPLATE_ERROR
from cascade.diagnostics import Diagnostic


class RenderTimeout(Exception):
    """A page took longer than its time budget to render."""


class RenderError(Exception):
    """Rendering failed; :attr:`diagnostic` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


@dataclass(frozen=True, slots=True)
class Spot:
    """A place in a template, as plain data (it crosses process boundaries)."""

    file: str
    line: int
    message: str

    def diagnostic(self) -> Diagnostic:
        column = 0 if self.line == 0 else 1
        return TEMPLATE_ERROR.diagnostic(self.file, self.message, self.line, column)


def display(filename: str, roots: list[Path], shown: list[str]) -> str:
    """A template file as the user knows it: under the folder they named."""
    path = Path(filename)
    for root, label in zip(roots, shown, strict=True):
        try:
            rel = path.resolve().relative_to(root.resolve())
        except ValueError:
            continue
        return f"{label}/{rel.as_posix()}"
    return filename


def _where(exc: BaseException, roots: list[Path]) -> tuple[str, int] | None:
    """The innermost traceback frame that is template code."""
    found: tuple[str, int] | None = None
    resolved = [r.resolve() for r in roots]
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename).resolve()
        if any(path.is_relative_to(r) for r in resolved):
            found = (frame.filename, frame.lineno or 0)
    return found


def message(exc: BaseException, seconds: float, memory_mb: int) -> str:
    if isinstance(exc, TemplateSyntaxError):
        return f"template syntax error: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"not allowed in a report template: {exc}"
    if isinstance(exc, UndefinedError):
        return f"undefined in the template: {exc.message}"
    if isinstance(exc, TemplateNotFound):
        return f"template not found: {exc.name}"
    if isinstance(exc, RenderTimeout):
        return (
            f"the page took longer than {seconds:g} s to render and was stopped (a loop too large?)"
        )
    if isinstance(exc, MemoryError):
        return f"the page needed more than {memory_mb} MiB to render and was stopped"
    if isinstance(exc, RecursionError):
        return "the template recursed too deeply and was stopped"
    return f"rendering failed: {type(exc).__name__}: {exc}"


def spot_of(
    exc: BaseException,
    template: str,
    roots: list[Path],
    shown: list[str],
    seconds: float = 0,
    memory_mb: int = 0,
) -> Spot:
    """Where and why a page failed; ``template`` names the page being rendered."""
    text = message(exc, seconds, memory_mb)
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return Spot(display(exc.filename, roots, shown), exc.lineno or 0, text)
    where = _where(exc, roots)
    if where is not None:
        return Spot(display(where[0], roots, shown), where[1], text)
    return Spot(locate(template, roots, shown), 0, text)


def locate(template: str, roots: list[Path], shown: list[str]) -> str:
    """The file a template name loads from (the first folder that has it)."""
    for root, label in zip(roots, shown, strict=True):
        if (root / template).is_file():
            return f"{label}/{template}"
    return template
