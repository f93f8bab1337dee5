"""The incremental report: keep the pages whose inputs did not change.

With the cache on, each output folder (``OUT/report/html``, ``md``,
``pdf``) has a page list in the plan's ``.cascade-cache/``
(``report-v1-<folder>.json``): for every file cascade wrote there, the
fingerprint of what it was made from (:mod:`cascade.report.prints`) and the
file's stamp (size, modification time in ns, inode), as it was after the
write.  The next report computes every page's fingerprint again; a page
whose fingerprint and file stamp are both unchanged is *kept*: hard-linked
(copied where links are not possible) from the previous folder into the
staged new one (:func:`cascade.report.output.replace_tree`), never rendered.
Everything else is rendered as in a cold report, so the folder is byte for
byte what a cold report writes.  A file edited, replaced or removed by hand
has another stamp and is rendered again; a damaged, foreign or missing page
list means every page is rendered.  Like the rest of the cache, the list
is data that may come from anywhere: it is read strictly, never through a
symlink, and only ever makes cascade render *more*.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from cascade.fileio import read_regular, replace_file
from cascade.load import strict
from cascade.load.cache import code_fingerprint
from cascade.load.cachedir import cache_folder
from cascade.model.plan import PlanModel
from cascade.report.env import EnvOptions
from cascade.report.pages import Page, site_pages
from cascade.report.pdf_docs import Document
from cascade.report.prints import Fingerprints, Known, document_key, page_key
from cascade.report.registry import PageEntry
from cascade.report.site_view import SiteView
from cascade.report.view import AgreementView

FORMAT = 1
PREFIX = f"report-v{FORMAT}-"
LIMIT = 512 * 1024 * 1024  # bytes of a page list at most (about 100 bytes a page)

Stamp = tuple[int, int, int]
"""A file's size, modification time (ns) and inode."""


def stamp_of(path: Path) -> Stamp | None:
    """The stamp of ``path`` if it is a regular file (a symlink is not followed)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


@dataclass(frozen=True, slots=True)
class Record:
    """One file of the last report: its fingerprint, stamp and (PDF) page count."""

    fingerprint: str
    stamp: Stamp
    pages: int = 0


def _record(row: object) -> Record:
    fingerprint, size, mtime, inode, pages = strict.items(row, 5)
    high = 2**63
    return Record(
        strict.text(fingerprint),
        (strict.count(size, 0, high), strict.count(mtime, 0, high), strict.count(inode, 0, high)),
        strict.count(pages, 0, high),
    )


def state_path(cache: Path, out: Path) -> Path:
    """The incremental report's state for ``out`` (``OUT/report``, see
    :mod:`cascade.report.lazy`): it vouches for the page lists it was written after."""
    name = os.path.abspath(out).encode("utf-8", "surrogateescape")
    return cache / f"{PREFIX}state-{hashlib.sha256(name).hexdigest()[:32]}.json"


class Unknown(Exception):
    """A page of an agreement whose view was not built cannot be kept: build them all."""


@dataclass(frozen=True, slots=True)
class Ghosts:
    """The agreements whose views a lazy report does not build (:mod:`cascade.report.lazy`),
    by party, with the digest of each one's view in the last report."""

    digests: Mapping[str, bytes]
    formats: tuple[str, ...]
    entries: tuple[PageEntry, ...]

    def pages(self, view: SiteView) -> list[Page]:
        """Their pages, each made from a :class:`Known` in place of the view."""
        known = tuple(
            Known(p, self.digests[p.ref.id]) for p in view.parties if p.ref.id in self.digests
        )
        ghost = replace(view, agreements=cast(tuple[AgreementView, ...], known))
        per_party = tuple(e for e in self.entries if e.per_party)
        return [p for fmt in self.formats for p in site_pages(ghost, fmt, per_party)]


class Reuse:
    """The last report's files in ``out`` (``OUT/report``), and what this run keeps.

    ``cache`` is the plan's cache folder (a real folder, see
    :func:`cascade.load.cachedir.cache_folder`).  For each format folder,
    :meth:`keep` is asked once per page; :meth:`save` records the new list
    after the folder is written.
    """

    def __init__(self, cache: Path, out: Path) -> None:
        self.cache = cache
        self.out = out
        self.last: dict[str, dict[str, Record]] = {}
        self.wanted: dict[str, dict[str, str]] = {}
        self.kept: dict[str, dict[str, Record]] = {}
        self.fingerprints: Fingerprints | None = None
        self.ghosts: Ghosts | None = None

    def _prints(self, view: SiteView) -> Fingerprints:
        """One :class:`Fingerprints` per view: pages and PDFs share its digests."""
        if self.fingerprints is None or self.fingerprints.view is not view:
            self.fingerprints = Fingerprints(view)
        return self.fingerprints

    def folder(self, fmt: str) -> Path:
        """The output folder of one format."""
        return self.out / fmt

    def _list_path(self, fmt: str) -> Path:
        name = os.path.abspath(self.folder(fmt)).encode("utf-8", "surrogateescape")
        return self.cache / f"{PREFIX}{hashlib.sha256(name).hexdigest()[:32]}.json"

    def _load(self, fmt: str) -> dict[str, Record]:
        try:
            data = strict.table(json.loads(read_regular(self._list_path(fmt), LIMIT)))
            if strict.text(data["code"]) != code_fingerprint():
                return {}
            if strict.text(data["folder"]) != os.path.abspath(self.folder(fmt)):
                return {}
            return {rel: _record(row) for rel, row in strict.table(data["files"]).items()}
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return {}

    def keep(self, fmt: str, rel: str, fingerprint: str) -> bool:
        """Whether the file ``rel`` of the last report can stay as it is."""
        self.wanted.setdefault(fmt, {})[rel] = fingerprint
        if fmt not in self.last:
            self.last[fmt] = self._load(fmt)
        record = self.last[fmt].get(rel)
        if record is None or record.fingerprint != fingerprint:
            return False
        if stamp_of(self.folder(fmt) / rel) != record.stamp:
            return False
        self.kept.setdefault(fmt, {})[rel] = record
        return True

    def kept_files(self, fmt: str) -> dict[str, Path]:
        """``rel → path`` of the files of ``fmt`` kept from the last report."""
        folder = self.folder(fmt)
        return {rel: folder / rel for rel in self.kept.get(fmt, {})}

    def kept_pages(self, fmt: str) -> int:
        """The PDF pages of the kept documents."""
        return sum(record.pages for record in self.kept.get(fmt, {}).values())

    def save(self, fmt: str, pages: Mapping[str, int] | None = None) -> None:
        """Record the files of ``fmt`` as they are now (after the write); never raises.
        The incremental report's state no longer describes the folder: it is removed
        (a report that keeps one writes it again after this)."""
        with contextlib.suppress(OSError):
            state_path(self.cache, self.out).unlink(missing_ok=True)
        counts = dict(pages or {})
        kept = self.kept.get(fmt, {})
        files: dict[str, list[object]] = {}
        for rel, fingerprint in self.wanted.get(fmt, {}).items():
            found = stamp_of(self.folder(fmt) / rel)
            if found is not None:
                count = counts.get(rel, kept[rel].pages if rel in kept else 0)
                files[rel] = [fingerprint, *found, count]
        data = {
            "code": code_fingerprint(),
            "folder": os.path.abspath(self.folder(fmt)),
            "files": files,
        }
        self._write(self._list_path(fmt), json.dumps(data, ensure_ascii=False))

    @staticmethod
    def _write(target: Path, text: str) -> None:
        try:
            replace_file(target, text.encode("utf-8"))
        except (OSError, ValueError):  # a read-only cache: the next report renders all
            return

    def intact(self, fmt: str) -> bool:
        """Whether every file of the last report's ``fmt`` folder is as it was written."""
        last = self.last[fmt] = self._load(fmt)
        folder = self.folder(fmt)
        return bool(last) and all(stamp_of(folder / rel) == r.stamp for rel, r in last.items())

    def pages_to_render(
        self, view: SiteView, pages: list[Page], env: EnvOptions, model: PlanModel
    ) -> list[Page]:
        """The pages of ``view`` whose fingerprint or file changed (the others are kept).

        With :attr:`ghosts`, the pages of the agreements not built must all be kept:
        :class:`Unknown` otherwise."""
        prints = self._prints(view)
        whole = env.templates is not None
        key = page_key(env.lang, env.thai_digits, env.roots(), whole, model)
        for fmt in {p.fmt for p in pages} | set(self.ghosts.formats if self.ghosts else ()):
            self.wanted.pop(fmt, None)
            self.kept.pop(fmt, None)
        todo = [p for p in pages if not self.keep(p.fmt, p.out, prints.page(key, p))]
        for ghost in self.ghosts.pages(view) if self.ghosts is not None else ():
            if not self.keep(ghost.fmt, ghost.out, prints.page(key, ghost)):
                raise Unknown(f"{ghost.fmt}/{ghost.out}")
        return todo

    def digests(self, view: SiteView) -> dict[str, bytes]:
        """Party → the digest of its agreement's view: built now, or known (ghosts)."""
        prints = self._prints(view)
        found = dict(self.ghosts.digests) if self.ghosts is not None else {}
        found.update((a.party.ref.id, prints.of(a)) for a in view.agreements)
        return found

    def documents_to_make(self, view: SiteView, docs: list[Document], key: bytes) -> list[Document]:
        """The PDF documents of ``view`` whose fingerprint or file changed."""
        prints = self._prints(view)
        return [d for d in docs if not self.keep("pdf", d.rel, prints.document(key, d))]


def reuse_for(plan: Path, out: Path) -> Reuse | None:
    """The last report's files in ``out`` (``OUT/report``) of the plan in ``plan``;
    ``None`` when the plan's cache folder cannot be used (a symlink, read-only)."""
    folder = cache_folder(plan, create=True)
    return Reuse(folder, out) if folder is not None else None


__all__ = ["Ghosts", "Record", "Reuse", "Unknown", "document_key", "reuse_for", "stamp_of"]
