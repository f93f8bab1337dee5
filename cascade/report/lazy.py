"""The incremental report's shortcuts: no view when nothing changed, and only
the views of the agreements an edit can reach.

After each report with the cache on, the plan's ``.cascade-cache/`` keeps a
*state* for the output folder (``report-v1-state-<folder>.json``): the run's
key (cascade's code, the options, the template folders), the digest of every
plan file as the warm validate run saw it (:mod:`cascade.incremental`), and
for every agreement its file, the digest of its view
(:meth:`cascade.report.prints.Fingerprints.of`) and the parties it links to
(its references and its KPIs' parents).

The next report with the same key compares the plan's digests with it:

``unchanged``
    no file changed and every page of the last report is on disk as written
    (:meth:`cascade.report.reuse.Reuse.intact`): nothing is built or written.
``agreements``
    only agreement files changed, each still the one agreement of the same
    party, without ``--period`` or ``--templates``: an agreement view shows
    its own agreement, the KPIs above its KPIs (traces up) and below them
    (cascade trees), and the roster, strategy and frameworks, which did not
    change.  So only the views of the changed parties, of the parties they
    link to transitively (upwards) and of those that link to them
    (downwards), in the old plan or the new, are built; every other page's
    fingerprint is made from its stored digest
    (:class:`cascade.report.prints.Known`) and the page is kept.  Should one
    of them not be kept after all (a page edited by hand), the report is
    made again with every view (:class:`cascade.report.reuse.Unknown`).

Anything else builds every view.  The state vouches for the page lists written
just before it: any report that saves a page list (``--stamp``, ``-f pdf``,
``--serve``) removes it (:meth:`cascade.report.reuse.Reuse.save`), so the next
report cannot take pages it did not write for "nothing changed".  Like the
page lists, the state is data that may come from anywhere: read strictly, it
only ever makes cascade do *more*; a damaged one is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cascade.fileio import read_regular, replace_file
from cascade.load import strict
from cascade.load.cache import code_fingerprint
from cascade.model.plan import Kpi, PlanModel
from cascade.report.prints import folder_digest
from cascade.report.reuse import Ghosts, Reuse, state_path

if TYPE_CHECKING:
    from cascade.report.site import ReportOptions
    from cascade.report.site_view import SiteView

AGREEMENT = "Agreement"

LIMIT = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Party:
    """What the last report knew of one agreement."""

    file: str
    digest: str
    links: frozenset[str]


@dataclass(frozen=True, slots=True)
class State:
    """The last report into one folder: its key, the plan's file digests, its agreements."""

    key: str
    files: dict[str, str]
    parties: dict[str, Party]
    singles: dict[str, str]
    """File → party of the files that were one agreement document."""


def run_key(options: tuple[object, ...], roots: Iterable[Path]) -> str:
    """What every page depends on besides the plan: cascade's code, the report's
    options (plain values, as ``repr``) and every file of the template folders."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(repr(options).encode("utf-8", "surrogateescape"))
    for root in roots:
        digest.update(folder_digest(root))
    return digest.hexdigest()


def _path(cache: Path, site: Path) -> Path:
    return state_path(cache, site)


def load_state(cache: Path, site: Path) -> State | None:
    """The state of the last report into ``site`` (``OUT/report``), or ``None``."""
    try:
        data = strict.table(json.loads(read_regular(_path(cache, site), LIMIT)))
        if strict.text(data["site"]) != os.path.abspath(site):
            return None
        parties = {}
        for party, row in strict.table(data["parties"]).items():
            file, digest, links = strict.items(row, 3)
            found = frozenset(strict.texts(links))
            parties[party] = Party(strict.text(file), strict.text(digest), found)
        files, single = strict.text_table(data["files"]), strict.text_table(data["singles"])
        return State(strict.text(data["key"]), files, parties, single)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def save_state(cache: Path, site: Path, state: State | None) -> None:
    """Record ``state`` (``None``: forget the last one, the next report builds all);
    never raises."""
    target = _path(cache, site)
    try:
        if state is None:
            target.unlink(missing_ok=True)
            return
        data = {
            "site": os.path.abspath(site),
            "key": state.key,
            "files": state.files,
            "singles": state.singles,
            "parties": {
                party: [p.file, p.digest, sorted(p.links)] for party, p in state.parties.items()
            },
        }
        replace_file(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except (OSError, ValueError):
        return


def links(model: PlanModel) -> dict[str, frozenset[str]]:
    """Party → the parties its agreement links to: those its references name and
    those of its KPIs' parents (``same_as``, ``contributes_to``)."""
    out: dict[str, frozenset[str]] = {}
    for party, agreement in model.agreements.items():
        found = set(agreement.reads)
        for kpi in agreement.kpis:
            if isinstance(kpi.same_as, Kpi):
                found.add(kpi.same_as.party)
            found.update(parent.party for parent in kpi.contributes_to)
        found.discard(party)
        out[party] = frozenset(found)
    return out


def singles(model: PlanModel, kinds: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """File → party of every file that is one agreement document (``kinds``: each
    file's document kinds, from the validate run's snapshot)."""
    held: dict[str, list[str]] = {}
    for party, agreement in model.agreements.items():
        held.setdefault(agreement.where.file, []).append(party)
    return {
        file: parties[0]
        for file, parties in held.items()
        if len(parties) == 1 and tuple(kinds.get(file, ())) == (AGREEMENT,)
    }


def fonts_intact(folder: Path) -> bool:
    """Whether the HTML folder's font files are those cascade writes."""
    from cascade.report.fonts import font_assets

    for rel, data in font_assets().items():
        try:
            if (folder / rel).read_bytes() != data:
                return False
        except OSError:
            return False
    return True


def _walk(start: Iterable[str], edges: Mapping[str, set[str]]) -> set[str]:
    seen = set(start)
    todo = list(seen)
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def reached(
    edited: set[str], old: Mapping[str, frozenset[str]], new: Mapping[str, frozenset[str]]
) -> set[str]:
    """The edited parties, those they link to transitively and those that link to
    them transitively, by the links of the old plan and of the new one."""
    up: dict[str, set[str]] = {}
    down: dict[str, set[str]] = {}
    for table in (old, new):
        for party, targets in table.items():
            for target in targets:
                up.setdefault(party, set()).add(target)
                down.setdefault(target, set()).add(party)
    return _walk(edited, up) | _walk(edited, down)


def edited_parties(
    state: State, digests: Mapping[str, str], single: Mapping[str, str]
) -> set[str] | None:
    """The parties whose agreement files changed since the last report, or ``None``
    when anything else changed: a file added or removed, a changed file that is not
    one agreement of the same party before and after (``single``: now), any other
    kind of file."""
    if set(digests) != set(state.files):
        return None
    edited: set[str] = set()
    for file, digest in digests.items():
        if state.files[file] == digest:
            continue
        party = single.get(file)
        if party is None or state.singles.get(file) != party:
            return None
        edited.add(party)
    return edited


Files = Mapping[str, tuple[str, tuple[str, ...]]]
"""Plan file → its digest and its documents' kinds, as the model was read."""


@dataclass(slots=True)
class Warm:
    """The report command's side of the shortcuts: the last report's state, and
    whether it still stands (``unchanged``)."""

    key: str
    site: Path | None
    state: State | None = None
    unchanged: bool = False
    links: dict[str, frozenset[str]] | None = None
    """The model's links, once computed (:func:`links`)."""
    digests: Mapping[str, str] | None = None
    """Every plan file's digest as the warm validate run found it (``None``: unknown)."""
    files: dict[str, str] | None = None
    """Each party's agreement file (:meth:`remember`)."""
    single: dict[str, str] = field(default_factory=dict)
    """:func:`singles` of the model (:meth:`remember`)."""
    plain: dict[str, str] = field(default_factory=dict)
    """Each plan file's digest as the model was read (:meth:`remember`)."""

    @classmethod
    def start(
        cls,
        key: str,
        digests: Mapping[str, str] | None,
        reuse: Reuse | None,
        formats: Sequence[str],
    ) -> Warm:
        """``digests``: every plan file's, from the warm validate run (``None``: unknown);
        ``reuse``: the last report's pages (``None``: the output folder is not known yet)."""
        warm = cls(key, reuse.out if reuse is not None else None, digests=digests)
        if reuse is None:
            return warm
        warm.state = load_state(reuse.cache, reuse.out)
        if warm.state is None or warm.state.key != key or digests is None:
            return warm
        warm.unchanged = (
            digests == warm.state.files
            and all(reuse.intact(fmt) for fmt in formats)
            and ("html" not in formats or fonts_intact(reuse.folder("html")))
        )
        return warm

    def prepare(
        self, model: PlanModel, files: Files, options: ReportOptions, reuse: Reuse
    ) -> ReportOptions:
        """The options of this report: with ``only`` (and ``reuse.ghosts``) when only
        agreements changed since the last report.  Forgets the last state first: a
        report stopped half-way leaves none, and the next one builds every view."""
        state = self.state if self.site == reuse.out else load_state(reuse.cache, reuse.out)
        save_state(reuse.cache, reuse.out, None)
        if state is None or state.key != self.key:
            return options
        if options.templates is not None or options.period is not None:
            return options  # user templates may read anything; scores are plan-wide
        digests = {file: digest for file, (digest, _) in files.items()}
        kinds = {file: kind for file, (_, kind) in files.items()}
        edited = edited_parties(state, digests, singles(model, kinds))
        if edited is None or set(state.parties) != set(model.agreements):
            return options
        self.links = links(model)
        build = reached(edited, {p: s.links for p, s in state.parties.items()}, self.links)
        try:
            known = {p: bytes.fromhex(s.digest) for p, s in state.parties.items() if p not in build}
        except ValueError:
            return options
        reuse.ghosts = Ghosts(known, options.formats, options.pages)
        return replace(options, only=frozenset(build))

    def remember(self, model: PlanModel, files: Files) -> None:
        """Take from ``model`` what :meth:`record` needs, so the model can be dropped
        before the pages are rendered."""
        if self.links is None:
            self.links = links(model)
        self.files = {party: a.where.file for party, a in model.agreements.items()}
        self.single = singles(model, {file: kind for file, (_, kind) in files.items()})
        self.plain = {file: digest for file, (digest, _) in files.items()}

    def record(self, view: SiteView, reuse: Reuse) -> None:
        """Keep the state of the report just written (never raises); after
        :meth:`remember`."""
        assert self.links is not None and self.files is not None
        digests = reuse.digests(view)
        parties = {
            party: Party(file, digests[party].hex(), self.links[party])
            for party, file in self.files.items()
            if party in digests
        }
        if len(parties) != len(self.files):
            return
        save_state(reuse.cache, reuse.out, State(self.key, self.plain, parties, self.single))


__all__ = [
    "Party",
    "State",
    "Warm",
    "edited_parties",
    "fonts_intact",
    "links",
    "load_state",
    "reached",
    "run_key",
    "save_state",
    "singles",
]
