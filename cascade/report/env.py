"""The Jinja environments of the report.

Built-in templates live in ``templates/report`` (``cascade/_data/templates``
in the wheel).  ``--templates DIR`` puts a user's folder in front of them:
any file there replaces the built-in of the same name.  Both are rendered in
an :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` with
``StrictUndefined``; HTML templates autoescape, Markdown templates escape
every ``{{ … }}`` for Markdown (:func:`md_finalize`).  A user template cannot reach
outside its folder (no symlinks out) nor Python internals; time and memory
are bounded by :mod:`cascade.report.bounded`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, is_dataclass
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateNotFound
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from cascade.report import site_view, view
from cascade.report.filters import Filters, md_escape
from cascade.report.labels import labels
from cascade.resources import data_dir

FORMATS = ("html", "md")


def builtin_dir() -> Path:
    """The folder of the built-in report templates."""
    return data_dir("templates") / "report"


class ConfinedLoader(FileSystemLoader):
    """A folder loader that opens only regular files whose real path stays in the folder.

    The check comes before the file is opened: a symlink to ``/dev/zero``, a
    FIFO, or a file outside the folder is never read, it is just not there.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(str(root))
        self.root = root.resolve()

    def get_source(self, environment: object, template: str) -> tuple[str, str, Callable[[], bool]]:
        real = self.root.joinpath(*split_template_path(template)).resolve()
        if not real.is_relative_to(self.root) or not real.is_file():
            raise TemplateNotFound(template)
        return super().get_source(environment, template)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class EnvOptions:
    """How to build an environment: language, digits, and the user's folder."""

    lang: str = "th"
    thai_digits: bool = False
    templates: Path | None = None

    def roots(self) -> list[Path]:
        """Template folders, first match wins."""
        return ([self.templates] if self.templates else []) + [builtin_dir()]


def _records() -> frozenset[type]:
    """The view's record classes: frozen dataclasses of plain values."""
    return frozenset(
        kind
        for module in (view, site_view)
        for kind in vars(module).values()
        if isinstance(kind, type) and is_dataclass(kind) and kind.__module__ == module.__name__
    )


class ReportSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with a fast answer for the view's own records.

    A record's public attributes are its fields (plain values); anything
    else, and every other object, gets the sandbox's full check.  The
    generic check costs most of a large report's time.
    """

    records = _records()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj) in self.records:
            return not attr.startswith("_")
        return bool(super().is_safe_attribute(obj, attr, value))


def _loader(options: EnvOptions) -> BaseLoader:
    loaders: list[BaseLoader] = []
    if options.templates is not None:
        loaders.append(ConfinedLoader(options.templates))
    loaders.append(FileSystemLoader(str(builtin_dir())))
    return ChoiceLoader(loaders)


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html", ".htm", ".xml", ".svg"))


def md_finalize(value: object) -> Markup:
    """Every ``{{ … }}`` of a Markdown template, escaped for Markdown.

    Markdown environments autoescape too, so macro results and ``loop()``
    come back as ``Markup`` and are not escaped twice.
    """
    return value if isinstance(value, Markup) else Markup(md_escape(value))


def make_env(fmt: str, options: EnvOptions) -> ImmutableSandboxedEnvironment:
    """The sandboxed environment for ``html`` or ``md`` pages."""
    md = fmt == "md"
    env = ReportSandbox(
        loader=_loader(options),
        undefined=StrictUndefined,
        autoescape=True if md else _autoescape,
        finalize=md_finalize if md else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(Filters(options.lang, options.thai_digits, fmt).table())
    env.globals.update({"t": labels(options.lang), "lang": options.lang, "ext": fmt})
    return env
