"""Fingerprints: a SHA-256 of exactly what a page or a PDF document is made from.

A page's fingerprint covers its context (``site``, ``agreement``, ``part``,
``t``, ``page``: frozen records of plain values, pickled), its template name
and output path, and what every page shares (:func:`page_key`): cascade's
code, the template folders' files, the language, ``--thai-digits`` and, with
it, the plan's codes that keep their digits.  A party's page sees only
:func:`~cascade.report.pages.party_site` and its agreement, a site page only
the fields its :class:`~cascade.report.registry.PageEntry` ``reads``, so an
edit to one person changes the fingerprints of that person's pages, those
of the parties whose views show what changed, and those of the site pages
that read it, nothing else.  A PDF document's covers its agreements, the
trimmed site, the typesetting and the PDF engine (:func:`document_key`).

Same fingerprint, same bytes: that is what :mod:`cascade.report.reuse`
relies on to keep a page instead of rendering it again.  A value that
cannot be pickled gets a fingerprint of its own every time (always rendered).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from importlib import metadata
from operator import attrgetter
from pathlib import Path
from typing import Any, ClassVar

from cascade.load.cache import code_fingerprint
from cascade.model.plan import PlanModel
from cascade.report.digits import plan_codes
from cascade.report.pages import Page, party_site
from cascade.report.pdf_docs import Document
from cascade.report.site_view import SiteView
from cascade.report.view import Party

TEMPLATE_LIMIT = 16 * 1024 * 1024
"""Bytes of a template folder's file that are read for its fingerprint at most."""


SITE_FIELDS = tuple(f.name for f in fields(SiteView) if f.name != "agreements")
"""A site's digest is made of its fields' (the pages of one run share most of them)."""


class _Pickler(pickle.Pickler):
    """Pickles a frozen dataclass as its class and field values (``attrgetter``, in C):
    several times faster than the dataclass's own ``__getstate__``."""

    getters: ClassVar[dict[type, Callable[[Any], tuple[Any, ...]]]] = {}

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        getter = self.getters.get(kind)
        if getter is None:
            if not is_dataclass(kind):
                return NotImplemented
            getter = self.getters[kind] = _getter(tuple(f.name for f in fields(kind)))
        return (kind, getter(obj))


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    if not names:
        return lambda obj: ()
    return attrgetter(*names)


def pickled(value: object) -> bytes:
    """``value`` as pickle bytes (records by their fields)."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=5).dump(value)
    return buffer.getvalue()


def _sha(*parts: bytes) -> bytes:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.digest()


def _text(value: object) -> bytes:
    return str(value).encode("utf-8", "surrogateescape")


def _file_bytes(path: Path) -> bytes:
    """A regular file's bytes (a FIFO or device is never opened); else its kind."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > TEMPLATE_LIMIT:
            return _text(f"not read: mode {info.st_mode:o} size {info.st_size}")
        return path.read_bytes()
    except OSError as exc:
        return _text(f"unreadable: {exc.errno}")


def folder_digest(folder: Path) -> bytes:
    """Every file under ``folder`` (its path and bytes), in name order."""
    parts: list[bytes] = [_text(folder)]
    for path in sorted(folder.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        parts += [_text(path.relative_to(folder).as_posix()), _file_bytes(path)]
    return _sha(*parts)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def page_key(
    lang: str, thai_digits: bool, roots: Sequence[Path], whole: bool, model: PlanModel
) -> bytes:
    """What every HTML and Markdown page depends on besides its context."""
    codes = sorted(plan_codes(model)) if thai_digits else []
    return _sha(
        code_fingerprint().encode(),
        _text((lang, thai_digits, whole)),
        *(folder_digest(root) for root in roots),
        _sha(*(_text(code) for code in codes)),
    )


def document_key(lang: str, thai_digits: bool, parts: object, templates: Path) -> bytes:
    """What every PDF document depends on besides its agreements."""
    engine = (_version("typst"), _version("fontpkg-sarabun"))
    return _sha(
        code_fingerprint().encode(),
        _text((lang, thai_digits, parts, engine)),
        folder_digest(templates),
    )


@dataclass(frozen=True, slots=True)
class Known:
    """An agreement view not built this run, by its digest from the last report
    (:mod:`cascade.report.lazy`): a page made from it has the fingerprint the same
    page made from the view would have, and is never rendered."""

    party: Party
    digest: bytes


class Fingerprints:
    """The fingerprints of one view's pages and documents; each record is
    pickled once however many pages show it (by identity: the view is alive)."""

    def __init__(self, view: SiteView) -> None:
        self.view = view
        self.digests: dict[int, tuple[object, bytes]] = {}  # the value kept: its id stays its
        self.trimmed = party_site(view)
        self.unpicklable = 0

    def of(self, value: object) -> bytes:
        """The digest of one value of a context."""
        known = self.digests.get(id(value))
        if known is not None:
            return known[1]
        if isinstance(value, Known):
            return value.digest
        if type(value) is str:  # a page's name: one of thousands, each seen once
            return _sha(b"str", value.encode("utf-8", "surrogateescape"))
        if isinstance(value, SiteView):  # each field, and each agreement, pickled once
            parts = [self.of(getattr(value, name)) for name in SITE_FIELDS]
            found = _sha(*parts, *(self.of(a) for a in value.agreements))
        else:
            try:
                found = _sha(pickled(value))
            except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
                self.unpicklable += 1  # never equal to any other run's: always rendered
                found = _sha(os.urandom(32))
        self.digests[id(value)] = (value, found)
        return found

    def page(self, key: bytes, page: Page) -> str:
        """The fingerprint of ``page``."""
        parts = [key, _text((page.fmt, page.template, page.out))]
        for name in sorted(page.context):
            parts += [_text(name), self.of(page.context[name])]
        return _sha(*parts).hex()

    def document(self, key: bytes, doc: Document) -> str:
        """The fingerprint of a PDF document (its agreements, on the trimmed site)."""
        agreements: Iterable[bytes] = (self.of(self.view.agreements[i]) for i in doc.agreements)
        return _sha(key, _text((doc.rel, doc.title)), self.of(self.trimmed), *agreements).hex()
