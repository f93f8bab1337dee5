"""The cascade as the last run resolved it, kept per file in the snapshot.

For every agreement file: its parties, each one's parent party, and the
parties its references name (the model's :attr:`Agreement.reads`); for each
remote scope (:mod:`cascade.rules.scopes`) the fingerprint of what findings
elsewhere read of it.  :class:`SnapshotCascade` answers the local scopes'
questions from these facts, so the planner never re-derives what a rule or
the model builder reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

from cascade.model.plan import Agreement, PlanModel
from cascade.rules.scopes import Scope

if TYPE_CHECKING:
    from cascade.incremental.snapshot import Entry

AGREEMENT = "Agreement"
ACTUALS = "Actuals"
JOB = "JobDescription"
SUBJECTS = ("organisation", "unit", "person")


def agreement_files(model: PlanModel) -> dict[str, list[Agreement]]:
    """The agreements the model kept, by file."""
    files: dict[str, list[Agreement]] = {}
    for agreement in model.agreements.values():
        files.setdefault(agreement.where.file, []).append(agreement)
    return files


def single(kinds: Iterable[str], agreements: list[Agreement]) -> str:
    """The party type when the file is one agreement, which the model kept, else ``""``.

    Only such files can be re-checked without a full run.
    """
    if tuple(kinds) != (AGREEMENT,) or len(agreements) != 1:
        return ""
    return agreements[0].party_type


def is_shared(kinds: Iterable[str]) -> bool:
    """A file every re-check reads: a kind other than agreements, actuals and jobs.

    Job descriptions (one per position) are read by position, on demand.
    """
    return any(kind not in (AGREEMENT, ACTUALS, JOB) for kind in kinds)


def fingerprints(
    agreement: Agreement, scopes: Iterable[Scope], named: dict[str, set[str] | None]
) -> dict[str, str]:
    """What findings in other files read of ``agreement``, by remote scope.

    ``named`` holds each remote scope's :attr:`Scope.named` of the model
    (``None``: every agreement); an agreement no scope names has none.
    """
    found: dict[str, str] = {}
    for scope in scopes:
        assert scope.fingerprint is not None
        parties = named[scope.name]
        if parties is None or agreement.party in parties:
            found[scope.name] = scope.fingerprint(agreement)
    return found


class SnapshotCascade:
    """The local scopes' :class:`~cascade.rules.scopes.Cascade`, from snapshot entries."""

    def __init__(self, files: dict[str, Entry]) -> None:
        self.file_of: dict[str, str] = {}
        self._parent: dict[str, str | None] = {}
        self._reads: dict[str, Set[str]] = {}
        self._readers: dict[str, set[str]] = {}
        self._kids: dict[str, set[str]] | None = None
        file_of, parent_of, reads_of, readers = (
            self.file_of,
            self._parent,
            self._reads,
            self._readers,
        )
        for file, entry in files.items():
            reads: Set[str] = frozenset(entry.depends)
            for party, parent in zip(entry.parties, entry.parents, strict=True):
                file_of.setdefault(party, file)
                parent_of[party] = parent or None
                reads_of[party] = reads
                for read in reads:
                    readers.setdefault(read, set()).add(party)

    @property
    def _children(self) -> dict[str, set[str]]:
        """Parties by parent party (built when a scope first asks)."""
        if self._kids is None:
            self._kids = {}
            for party, above in self._parent.items():
                if above:
                    self._kids.setdefault(above, set()).add(party)
        return self._kids

    def edited(self, reads: dict[str, Set[str]]) -> SnapshotCascade:
        """The same cascade where some parties' references name ``reads`` now."""
        copy = object.__new__(SnapshotCascade)
        copy.file_of, copy._parent, copy._kids = self.file_of, self._parent, self._kids
        copy._reads = {**self._reads, **reads}
        copy._readers = dict(self._readers)
        for party, new in reads.items():
            old = self._reads.get(party, frozenset())
            for read in set(old) ^ set(new):
                readers = set(copy._readers.get(read, ()))
                if read in new:
                    readers.add(party)
                else:
                    readers.discard(party)
                copy._readers[read] = readers
        return copy

    def parent(self, party: str) -> str | None:
        return self._parent.get(party)

    def children(self, party: str) -> Set[str]:
        return self._children.get(party, set())

    def reads(self, party: str) -> Set[str]:
        return self._reads.get(party, frozenset())

    def readers(self, party: str) -> Set[str]:
        return self._readers.get(party, set())
