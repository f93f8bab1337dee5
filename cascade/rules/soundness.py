"""Which findings stay true while some agreements failed to load.

When every document that failed to load (or to match its schema) is an
agreement whose party is known, the pipeline builds the model from the
documents that loaded plus an empty *stand-in* agreement for each broken one
(so the plan knows the party has an agreement), runs every rule on it, and
keeps only the findings that no version of the missing agreements could
change or explain.  Findings at a stand-in are dropped; any other finding is
kept when every scope its rule declares (:mod:`cascade.rules.scopes`) is
*sound* for it, a stand-in counting as missing:

* ``agreement``, ``people``, ``shared``: always (they read one agreement,
  files that all loaded, and which parties have an agreement);
* ``chain`` at an agreement: when every agreement up its cascade (its parent
  party's and the ones its references name, transitively) is in the model;
  an "unknown id" that could be a KPI of the missing agreement is dropped;
* ``subordinates``, ``siblings`` or a local scope unknown here, at an
  agreement: never (a missing agreement may be a child or a sibling);
* remote scopes (``os-matrix``, ``strategy``, ``actuals``) at their own
  files (a remote scope unknown here: at any file but an agreement): when
  every agreement their ``named`` gives is in the model;
* ``plan``, or no scope at all: never.

Findings of the model stage read what ``BUILD`` says and, outside
agreements, what the remote scopes say.  ``docs/architecture.md`` ("When a
file is broken") gives the argument.
"""

from __future__ import annotations

from collections.abc import Iterable

from cascade.diagnostics import Finding
from cascade.model.plan import PlanModel
from cascade.rules.registry import Rule
from cascade.rules.scopes import (
    ACTUALS,
    BUILD,
    CHAIN,
    OS_MATRIX,
    PEOPLE,
    SELF,
    SHARED,
    STRATEGY,
    Scope,
    closure,
)

ALWAYS = frozenset({SELF.name, PEOPLE.name, SHARED.name})
MODEL_STAGE: tuple[Scope, ...] = (*BUILD, OS_MATRIX, STRATEGY, ACTUALS)
"""What the model stage's findings are taken to read here (``BUILD`` and, outside
agreements, the remote scopes: its findings in those files read agreements too)."""


class Soundness:
    """Answers "is this finding sound?" for a model built without some agreements."""

    def __init__(self, model: PlanModel, missing: set[str]) -> None:
        self.model = model
        self.agreements = model.agreements
        self.missing = missing
        self.at = {(a.where.file, a.where.doc): party for party, a in self.agreements.items()}
        self.files = {a.where.file for a in self.agreements.values()}
        self.remote: dict[str, bool] = {}
        self.remote_files = {
            OS_MATRIX.name: {model.osmatrix_where.file},
            STRATEGY.name: {model.strategy_where.file},
            ACTUALS.name: {where.file for _, where in model.actuals},
        }
        """Where each remote scope's findings are (a scope unknown here: anywhere)."""

    def _present(self, party: str) -> bool:
        return party in self.agreements and party not in self.missing

    def _chain_complete(self, party: str) -> bool:
        def reads(p: str) -> Iterable[str]:
            agreement = self.agreements.get(p)
            return agreement.reads if agreement is not None else ()

        return all(self._present(p) for p in closure({party}, reads))

    def _named_present(self, scope: Scope) -> bool:
        if scope.name not in self.remote:
            assert scope.named is not None
            named = scope.named(self.model)
            self.remote[scope.name] = named is not None and all(self._present(p) for p in named)
        return self.remote[scope.name]

    def scope_holds(self, scope: Scope, finding: Finding) -> bool:
        """Whether ``scope`` lets ``finding`` stand without the missing agreements."""
        if scope.name in ALWAYS:
            return True
        party = self.at.get((finding.file, finding.doc))
        at_agreement = party is not None or finding.file in self.files
        if scope.remote:
            files = self.remote_files.get(scope.name)
            elsewhere = at_agreement or (files is not None and finding.file not in files)
            return elsewhere or self._named_present(scope)
        if not scope.local:
            return False  # PLAN, or a scope that says nothing the planner can use
        if not at_agreement:
            return True
        return scope.name == CHAIN.name and party is not None and self._chain_complete(party)

    def keeps(self, finding: Finding, rule: Rule | None) -> bool:
        """Whether ``finding`` (of ``rule``; ``None`` or a stage check: the model stage's)
        is sound."""
        reads = MODEL_STAGE if rule is None or rule.check is None else rule.reads
        return bool(reads) and all(self.scope_holds(scope, finding) for scope in reads)


def sound_findings(
    model: PlanModel,
    findings: Iterable[Finding],
    rules: dict[str, Rule],
    always: set[str],
    stand_ins: dict[tuple[str, int], str],
) -> list[Finding]:
    """The findings no version of the missing agreements could change.

    ``rules`` maps codes to their registration; codes in ``always`` (a rule
    that crashed, a bad rule code in ``cascade.yaml``) are kept as they are;
    ``stand_ins`` maps each stand-in's ``(file, doc)`` to its party; a finding
    at one, or pointing at one, is about what is missing and is dropped.
    """
    check = Soundness(model, set(stand_ins.values()))
    return [
        f
        for f in findings
        if (f.file, f.doc) not in stand_ins
        and not any((file, doc) in stand_ins for file, doc, _, _ in f.related)
        and (f.code in always or check.keeps(f, rules.get(f.code)))
    ]
