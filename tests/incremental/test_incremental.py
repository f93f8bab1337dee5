"""Differential tests: a warm, incremental validate gives exactly a cold full run's result.

Every case copies a plan into ``tmp_path``, runs :func:`cascade.incremental.run.validate`
once (a full run that writes the snapshot), edits the plan, runs it again and compares
the result, field by field, with a cold :func:`cascade.engine.check_plan` (no parse
cache, no snapshot).  It also checks which path the warm run took (``how``), and that
one more run without an edit is ``unchanged`` with the same result.

``Diagnostic`` equality only compares file, line, column and code, so diagnostics are
compared as :func:`dataclasses.astuple` rows (message, level, name, hint, ends and
related locations too), together with the run's files and notes.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import random
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.generate import generate
from cascade.engine import CROSS_FILE_SKIPPED, check_plan
from cascade.incremental import snapshot
from cascade.incremental.run import Outcome, validate
from cascade.result import RunResult
from tests.conftest import ROOT

PEOPLE = 60
"""People in the generated plan: 79 files, a full run well under a tenth of a second."""
LEAF = "agreements/people/P00060.yaml"
"""A person of the generated plan whom nobody cascades from (checked by a test)."""
SUPERVISOR = "agreements/people/P00047.yaml"
"""Head of group D001-4 in the generated plan: P00048 … P00060 cascade from P00047."""
PROBATION_LEAF = "agreements/people/P0014.yaml"
"""A leaf of plans/probation whose KPIs the actuals name (P0014/1 … P0014/6)."""
ACME_LEAF = "agreements/people/P020.yaml"

PEOPLE_PATH = frozenset({"people"})
FILES_PATH = frozenset({"files"})
FULL_PATH = frozenset({"full"})
PEOPLE_OR_FULL = frozenset({"people", "full"})


# ---- plans ------------------------------------------------------------------


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic plan of 60 people (deterministic), generated once per session."""
    root = tmp_path_factory.mktemp("generated") / "plan"
    generate(root, PEOPLE, seed=0)
    return root


def copy_plan(source: Path, tmp_path: Path, name: str = "plan") -> Path:
    """A copy of ``source`` without its caches: the repository's plans stay untouched."""
    root = tmp_path / name
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(".cascade-cache"))
    return root


# ---- comparing runs ----------------------------------------------------------


def rows(result: RunResult) -> list[tuple[Any, ...]]:
    """Every field of every diagnostic, in report order."""
    return [dataclasses.astuple(d) for d in result.diagnostics]


def assert_same(warm: RunResult, cold: RunResult, context: str) -> None:
    """``warm`` is exactly ``cold``: root, files, notes and every diagnostic field."""
    problems: list[str] = []
    if warm.root != cold.root:
        problems.append(f"root: warm {warm.root!r}, cold {cold.root!r}")
    if warm.files != cold.files:
        extra = sorted(set(warm.files) ^ set(cold.files))
        problems.append(f"files differ (symmetric difference {extra}, or their order)")
    if warm.notes != cold.notes:
        problems.append(f"notes: warm {warm.notes!r}, cold {cold.notes!r}")
    got, want = rows(warm), rows(cold)
    if got != want:
        problems.append("diagnostics differ:")
        problems += [f"  only warm: {row}" for row in got if row not in want]
        problems += [f"  only cold: {row}" for row in want if row not in got]
        if sorted(map(repr, got)) == sorted(map(repr, want)):
            problems.append("  (same diagnostics, another order)")
    assert not problems, f"{context}: warm run != cold run\n" + "\n".join(problems)


def cold(root: Path) -> RunResult:
    """A full run as the CLI makes it without the cache: no parse cache, no snapshot."""
    return check_plan(root).result


def step(root: Path, how: Collection[str], context: str = "") -> Outcome:
    """Validate warm; assert the cold run's result, the path taken, and that a
    second run with no edit is ``unchanged`` with the same result."""
    outcome = validate(root)
    expected = cold(root)
    label = f"{context} ({outcome.how} run)" if context else f"{outcome.how} run"
    assert_same(outcome.result, expected, label)
    assert outcome.how in how, f"{context}: took the {outcome.how!r} path, expected {set(how)}"
    again = validate(root)
    assert again.how == "unchanged", f"{context}: a run with no edit took {again.how!r}"
    assert_same(again.result, expected, f"{context} (unchanged run)")
    return outcome


def codes(result: RunResult) -> set[str]:
    return {d.code for d in result.diagnostics}


# ---- editing plans -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Env:
    """What a mutation may need to know about the file it edits."""

    party: str
    parent: str
    supervisor: str | None
    people: tuple[str, ...]
    org: str


Edit = Callable[[str, Env], str]
"""A mutation: a file's text (and what we know about it) → its new text."""


def env_of(root: Path, rel: str) -> Env:
    model = check_plan(root).model
    if model is None:  # the plan does not load: only edits that need nothing of this
        return Env("", "", None, (), "")
    party = next(a.party for a in model.agreements.values() if a.where.file == rel)
    agreement = model.agreements[party]
    person = model.people.get(party)
    return Env(
        party,
        agreement.parent or "",
        person.supervisor if person is not None else None,
        tuple(sorted(model.people)),
        model.organisation,
    )


def apply(root: Path, rel: str, edit: Edit, env: Env | None = None) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    new = edit(text, env if env is not None else env_of(root, rel))
    assert new != text, f"the edit left {rel} as it was"
    path.write_text(new, encoding="utf-8")


def on_data(change: Callable[[dict[str, Any], Env], None]) -> Edit:
    """An edit of the parsed document, written back as plain YAML (every line moves)."""

    def edit(text: str, env: Env) -> str:
        doc = yaml.safe_load(text)
        change(doc, env)
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)

    return edit


def on_text(change: Callable[[str, Env], str]) -> Edit:
    return change


def replace(old: str, new: str) -> Edit:
    """Replace the first ``old``: small text edits keep every other line where it was."""

    def edit(text: str, env: Env) -> str:
        assert old in text, f"{old!r} is not in the file"
        return text.replace(old, new, 1)

    return edit


def first(doc: dict[str, Any], key: str) -> dict[str, Any]:
    """The first KPI that has ``key``."""
    return next(k for k in doc["kpis"] if key in k)


def thresholds_kpi(doc: dict[str, Any]) -> dict[str, Any]:
    return next(
        k
        for k in doc["kpis"]
        if isinstance(k.get("criteria"), dict) and len(k["criteria"].get("thresholds") or []) >= 3
    )


def other_person(env: Env, *not_these: str | None) -> str:
    return next(p for p in env.people if p not in {env.party, *not_these})


def set_signatory(doc: dict[str, Any], role: str, person: str) -> None:
    signatories = [s for s in doc.get("signatories") or [] if s["role"] != role]
    doc["signatories"] = [*signatories, {"role": role, "person": person}]


# Each change leaves the party and the file's single Agreement document as they were.


def _weight(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][-1]["weight"] = int(doc["kpis"][-1]["weight"]) + 5


def _weight_zero(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][0]["weight"] = 0


def _weight_expression(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][0]["weight"] = "20 + NOPE"


def _same_as_missing(doc: dict[str, Any], env: Env) -> None:
    first(doc, "same_as")["same_as"] = "22"  # did you mean '2'?


def _contributes_missing(doc: dict[str, Any], env: Env) -> None:
    first(doc, "contributes_to")["contributes_to"] = ["33"]  # did you mean '3'?


def _contributes_unknown_party(doc: dict[str, Any], env: Env) -> None:
    first(doc, "contributes_to")["contributes_to"] = ["NOPE/1"]


def _contributes_org_missing(doc: dict[str, Any], env: Env) -> None:
    first(doc, "contributes_to")["contributes_to"] = [f"{env.org}/9.9"]


def _supervisor_trace(doc: dict[str, Any], env: Env) -> None:
    first(doc, "contributes_to")["contributes_to"] = [f"{env.org}/1.1"]


def _thresholds_order(doc: dict[str, Any], env: Env) -> None:
    values = thresholds_kpi(doc)["criteria"]["thresholds"]
    values[1], values[2] = values[2], values[1]


def _thresholds_count(doc: dict[str, Any], env: Env) -> None:
    kpi = thresholds_kpi(doc)
    kpi["criteria"]["thresholds"] = kpi["criteria"]["thresholds"][:3]


def _target_off(doc: dict[str, Any], env: Env) -> None:
    thresholds_kpi(doc)["target"] = 12345


def _milestones(doc: dict[str, Any], env: Env) -> None:
    kpi = thresholds_kpi(doc)
    kpi["criteria"] = {"milestones": {n: f"ขั้นที่ {n}" for n in range(1, 6)}}
    kpi.pop("formula", None)


def _evaluator_other(doc: dict[str, Any], env: Env) -> None:
    set_signatory(doc, "evaluator", other_person(env, env.supervisor))


def _evaluatee_other(doc: dict[str, Any], env: Env) -> None:
    set_signatory(doc, "evaluatee", other_person(env, env.supervisor))


def _signatory_unknown(doc: dict[str, Any], env: Env) -> None:
    set_signatory(doc, "evaluatee", env.party + "9")


def _kind_not_allowed(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][2]["kind"] = "identical"


def _kind_contributory(doc: dict[str, Any], env: Env) -> None:
    kpi = doc["kpis"][2]
    kpi["kind"] = "contributory"
    kpi.pop("contributes_to", None)


def _kind_link(doc: dict[str, Any], env: Env) -> None:
    kpi = doc["kpis"][-1]
    kpi["kind"] = "personal"
    kpi["contributes_to"] = ["1"]


def _job_no_responsibility(doc: dict[str, Any], env: Env) -> None:
    first(doc, "responsibility").pop("responsibility")


def _responsibility_unknown(doc: dict[str, Any], env: Env) -> None:
    first(doc, "responsibility")["responsibility"] = "R22"  # did you mean 'R2'?


def _dimension_unknown(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][0]["dimension"] = "qualty"


def _untraced_cap(doc: dict[str, Any], env: Env) -> None:
    for kpi in doc["kpis"]:
        if kpi.get("kind") == "supervisor":
            kpi["kind"] = "personal"
            kpi.pop("same_as", None)
            kpi.pop("contributes_to", None)


def _cycle(doc: dict[str, Any], env: Env) -> None:
    """KPI 1 same_as this person's KPI 2, which contributes to KPI 1: untraced, a cycle."""
    one, two = doc["kpis"][0], doc["kpis"][1]
    one.pop("contributes_to", None)
    one.update(kind="supervisor", same_as=f"{env.party}/{two['id']}")
    two.pop("same_as", None)
    two.update(kind="supervisor", contributes_to=[f"{env.party}/{one['id']}"])


def _remove_kpi(doc: dict[str, Any], env: Env) -> None:
    del doc["kpis"][-1]


def _add_kpi(doc: dict[str, Any], env: Env) -> None:
    extra = copy.deepcopy(doc["kpis"][-1])
    extra["id"] = "9"
    doc["kpis"].append(extra)


def _rename_kpi(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][-1]["id"] = "9"


def _duplicate_id(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][-1]["id"] = doc["kpis"][0]["id"]


def _nothing(doc: dict[str, Any], env: Env) -> None:
    """Formatting only: the file is written back as plain YAML."""


def _comment(text: str, env: Env) -> str:
    head, rest = text.split("\n", 1)
    return f"{head}\n# a comment, and another line below it\n#\n{rest}"


def _syntax_error(text: str, env: Env) -> str:
    return replace("kpis:\n", "broken: [1, 2\nkpis:\n")(text, env)


def _unknown_key(text: str, env: Env) -> str:
    return replace("kpis:\n", "colour: red\nkpis:\n")(text, env)


def _invalid_value(doc: dict[str, Any], env: Env) -> None:
    doc["kpis"][0]["weight"] = [1, 2]


def _missing_key(doc: dict[str, Any], env: Env) -> None:
    del doc["kpis"][0]["id"]


def _party_other(doc: dict[str, Any], env: Env) -> None:
    doc["party"] = env.supervisor or env.parent


def _party_unknown(doc: dict[str, Any], env: Env) -> None:
    doc["party"] = "P99999"


def _second_document(text: str, env: Env) -> str:
    return f"{text}\n---\n{text}"


def _emptied(text: str, env: Env) -> str:
    return "# nothing here any more\n"


@dataclass(frozen=True, slots=True)
class Mutation:
    name: str
    edit: Edit
    how: frozenset[str]
    """The path the warm run takes after this edit of a leaf person not named by actuals."""
    shows: frozenset[str] = frozenset()
    """Codes the cold run reports after the edit (so the edit does what it says)."""


def m(name: str, edit: Edit, how: frozenset[str], *shows: str) -> Mutation:
    return Mutation(name, edit, how, frozenset(shows))


MUTATIONS = [
    # 1. weights
    m("weight", on_data(_weight), PEOPLE_PATH, "WGT001"),
    m("weight-zero", on_data(_weight_zero), PEOPLE_PATH, "WGT001"),
    m("weight-expression", on_data(_weight_expression), PEOPLE_PATH, "WGT004"),
    # 2. links to KPIs that do not exist
    m("same-as-missing", on_data(_same_as_missing), PEOPLE_PATH, "REF001"),
    m("contributes-missing", on_data(_contributes_missing), PEOPLE_PATH, "REF001"),
    m("contributes-unknown-party", on_data(_contributes_unknown_party), PEOPLE_PATH, "REF001"),
    m("contributes-org-missing", on_data(_contributes_org_missing), PEOPLE_PATH, "REF001"),
    m("supervisor-trace", on_data(_supervisor_trace), PEOPLE_PATH, "TRC008"),
    # 3. criteria
    m("thresholds-order", on_data(_thresholds_order), PEOPLE_PATH, "CRT001"),
    m("thresholds-count", on_data(_thresholds_count), PEOPLE_PATH, "CRT002"),
    m("target-off", on_data(_target_off), PEOPLE_PATH, "CRT004"),
    m("milestones", on_data(_milestones), PEOPLE_PATH, "CRT005"),
    # 4. signatories
    m("evaluator-other", on_data(_evaluator_other), PEOPLE_PATH, "SIG001"),
    m("evaluatee-other", on_data(_evaluatee_other), PEOPLE_PATH, "SIG002"),
    m("signatory-unknown", on_data(_signatory_unknown), PEOPLE_PATH, "REF001"),
    # 5. kinds and tracing
    m("kind-not-allowed", on_data(_kind_not_allowed), PEOPLE_PATH, "TRC005"),
    m("kind-contributory", on_data(_kind_contributory), PEOPLE_PATH, "TRC005", "TRC002"),
    m("kind-link", on_data(_kind_link), PEOPLE_PATH, "TRC002"),
    m("job-no-responsibility", on_data(_job_no_responsibility), PEOPLE_PATH, "TRC002"),
    m("responsibility-unknown", on_data(_responsibility_unknown), PEOPLE_PATH, "REF001"),
    m("dimension-unknown", on_data(_dimension_unknown), PEOPLE_PATH, "REF001"),
    m("untraced-cap", on_data(_untraced_cap), PEOPLE_PATH, "TRC003"),
    m("cycle", on_data(_cycle), PEOPLE_PATH, "TRC001", "TRC006"),
    m("remove-kpi", on_data(_remove_kpi), PEOPLE_PATH, "WGT001"),
    m("add-kpi", on_data(_add_kpi), PEOPLE_PATH, "WGT001"),
    m("rename-kpi", on_data(_rename_kpi), PEOPLE_PATH),
    m("duplicate-id", on_data(_duplicate_id), PEOPLE_PATH, "REF002"),
    # 6. no change to the diagnostics
    m("redump", on_data(_nothing), PEOPLE_PATH),
    m("comment", on_text(_comment), PEOPLE_PATH),
    # 7. load and schema errors: cross-file rules do not run
    m("syntax-error", on_text(_syntax_error), FILES_PATH, "LOAD001"),
    m("unknown-key", on_text(_unknown_key), FILES_PATH, "SPEC003"),
    m("invalid-value", on_data(_invalid_value), FILES_PATH, "SPEC005"),
    m("missing-key", on_data(_missing_key), FILES_PATH, "SPEC004"),
    # 8. the file is no longer one person's agreement of the same party
    m("party-other", on_data(_party_other), FULL_PATH, "REF002"),
    m("party-unknown", on_data(_party_unknown), FULL_PATH, "REF001"),
    m("second-document", on_text(_second_document), FULL_PATH, "REF002"),
    m("emptied", on_text(_emptied), FULL_PATH, "LOAD007"),
]
BY_NAME = {mutation.name: mutation for mutation in MUTATIONS}
HINTED = frozenset(
    {
        "same-as-missing",
        "contributes-missing",
        "contributes-org-missing",
        "signatory-unknown",
        "responsibility-unknown",
        "dimension-unknown",
    }
)
"""Mutations whose REF001 carries a "did you mean" hint (computed over the model)."""


def leaves(root: Path) -> list[str]:
    """Persons' agreement files that no other agreement depends on (from the snapshot)."""
    snap = snapshot.load(root)
    assert snap is not None, "validate first"
    depended = {party for entry in snap.files.values() for party in entry.depends}
    return sorted(
        file
        for file, entry in snap.files.items()
        if entry.person and not set(entry.parties) & depended
    )


# ---- the generated plan ------------------------------------------------------


def test_generated_plan_is_clean_and_its_leaf_is_a_leaf(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    outcome = validate(root)
    assert outcome.how == "full"
    assert_same(outcome.result, cold(root), "first run")
    assert outcome.result.diagnostics == ()
    assert snapshot.load(root) is not None
    found = leaves(root)
    assert LEAF in found
    assert SUPERVISOR not in found
    assert "agreements/people/P00048.yaml" in found


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda mutation: mutation.name)
def test_leaf_edit(generated: Path, tmp_path: Path, mutation: Mutation) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, LEAF, mutation.edit)
    outcome = step(root, mutation.how, mutation.name)
    assert mutation.shows <= codes(outcome.result), f"{mutation.name}: {codes(outcome.result)}"
    if mutation.name in HINTED:
        hints = [d.hint for d in outcome.result.diagnostics if d.code == "REF001"]
        assert any(hint.startswith("did you mean") for hint in hints), hints
    if not mutation.shows and mutation.how == PEOPLE_PATH:
        assert outcome.result.diagnostics == ()
    if outcome.how == "people":
        assert LEAF in outcome.checked
    if outcome.how == "files":
        assert outcome.result.notes == (CROSS_FILE_SKIPPED,)
        assert outcome.checked == (LEAF,)


@pytest.mark.parametrize("rel", ["agreements/people/P00001.yaml", "agreements/people/P00003.yaml"])
@pytest.mark.parametrize(
    "name", ["weight", "same-as-missing", "evaluator-other", "cycle", "rename-kpi"]
)
def test_other_leaves(generated: Path, tmp_path: Path, rel: str, name: str) -> None:
    """P00001 heads the organisation (no supervisor); P00003 reports to a division head."""
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    assert rel in leaves(root)
    apply(root, rel, BY_NAME[name].edit)
    step(root, BY_NAME[name].how, f"{name} of {rel}")


def test_touch_is_unchanged(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    first_run = step(root, FULL_PATH, "first run")
    path = root / LEAF
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    outcome = validate(root)
    assert outcome.how == "unchanged"
    assert_same(outcome.result, cold(root), "after touch")
    assert_same(outcome.result, first_run.result, "after touch")
    # the new stamp is kept: a real edit afterwards is still seen
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "weight after touch")


def test_files_path_then_fix(generated: Path, tmp_path: Path) -> None:
    """A broken file: only changed files are re-read; after the fix a full run."""
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    good = (root / LEAF).read_text(encoding="utf-8")
    apply(root, LEAF, BY_NAME["syntax-error"].edit)
    broken = step(root, FILES_PATH, "syntax error")
    assert broken.result.notes == (CROSS_FILE_SKIPPED,)
    # while the plan is broken, other edits are file by file too
    other = "agreements/people/P00059.yaml"
    apply(root, other, BY_NAME["weight"].edit)
    step(root, FILES_PATH, "weight while broken")
    apply(root, other, BY_NAME["unknown-key"].edit)
    step(root, FILES_PATH, "unknown key while broken")
    apply(root, "agreements/units/D001-4.yaml", replace("weight: ", "weight: 1"))
    step(root, FILES_PATH, "unit edit while broken")
    (root / LEAF).write_text(good, encoding="utf-8")
    step(root, FILES_PATH, "one file fixed, another still broken")
    apply(root, other, replace("colour: red\n", ""))
    fixed = step(root, FULL_PATH, "all fixed")
    assert fixed.result.notes == ()
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "after the fix, a leaf edit is re-checked alone again")


@pytest.mark.parametrize("name", ["syntax-error", "unknown-key"])
def test_broken_then_restored(generated: Path, tmp_path: Path, name: str) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    good = (root / LEAF).read_text(encoding="utf-8")
    apply(root, LEAF, BY_NAME[name].edit)
    step(root, FILES_PATH, name)
    (root / LEAF).write_text(good, encoding="utf-8")
    restored = step(root, FULL_PATH, f"{name} undone")
    assert restored.result.diagnostics == ()


# ---- a supervisor: the people below re-checked too ------------------------------


def subordinate_with(root: Path, same_as: str) -> str:
    """A file of the generated plan whose KPI 1 is ``same_as: "<same_as>"`` of P00047."""
    for number in range(48, PEOPLE + 1):
        rel = f"agreements/people/P{number:05d}.yaml"
        if f'same_as: "{same_as}"\n' in (root / rel).read_text(encoding="utf-8"):
            return rel
    raise AssertionError(f"no subordinate of P00047 takes its KPI {same_as}")


def kpi_text(root: Path, rel: str, kpi_id: str) -> dict[str, Any]:
    doc = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    found: dict[str, Any] = next(k for k in doc["kpis"] if k["id"] == kpi_id)
    return found


def test_supervisor_field_repeated_by_subordinate(generated: Path, tmp_path: Path) -> None:
    """TRC004: a subordinate repeats the supervisor's KPI name; the supervisor renames it."""
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    child = subordinate_with(root, "2")
    source = kpi_text(root, SUPERVISOR, "2")

    def repeat(doc: dict[str, Any], env: Env) -> None:
        kpi = doc["kpis"][0]
        kpi.update(name=source["name"], target=source["target"])

    apply(root, child, on_data(repeat))
    step(root, PEOPLE_PATH, "subordinate repeats the supervisor's name and target")

    def rename(doc: dict[str, Any], env: Env) -> None:
        kpi = next(k for k in doc["kpis"] if k["id"] == "2")
        kpi["name"] = "ชื่อใหม่ของตัวชี้วัด"
        kpi["target"] = kpi["criteria"]["thresholds"][-1] if "thresholds" in kpi["criteria"] else 5

    apply(root, SUPERVISOR, on_data(rename))
    outcome = step(root, PEOPLE_OR_FULL, "supervisor renames the KPI")
    assert "TRC004" in codes(outcome.result)
    assert any(d.file == child and d.code == "TRC004" for d in outcome.result.diagnostics)
    if outcome.how == "people":
        assert {SUPERVISOR, child} <= set(outcome.checked)


@pytest.mark.parametrize(
    "name",
    [
        "remove-kpi",
        "rename-kpi",
        "weight",
        "milestones",
        "thresholds-order",
        "cycle",
        "comment",
        "redump",
    ],
)
def test_supervisor_edit(generated: Path, tmp_path: Path, name: str) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, SUPERVISOR, BY_NAME[name].edit)
    step(root, PEOPLE_OR_FULL, f"{name} of the supervisor")


def test_supervisor_removes_kpi_subordinates_name(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")

    def drop_two(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"] = [k for k in doc["kpis"] if k["id"] != "2"]

    apply(root, SUPERVISOR, on_data(drop_two))
    outcome = step(root, PEOPLE_OR_FULL, "supervisor drops KPI 2")
    named = {d.file for d in outcome.result.diagnostics if d.code == "REF001"}
    assert subordinate_with(root, "2") in named
    if outcome.how == "people":
        assert len(outcome.checked) > 1


def test_cycle_between_supervisor_and_subordinate(generated: Path, tmp_path: Path) -> None:
    """P00047's KPI 2 contributes to a subordinate's KPI that is P00047/2: a cycle over
    two files (TRC006, TRC001), reported at the smallest KPI id of the cycle."""
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    child = subordinate_with(root, "2")
    party = child.rsplit("/", 1)[-1].removesuffix(".yaml")

    def loop(doc: dict[str, Any], env: Env) -> None:
        next(k for k in doc["kpis"] if k["id"] == "2")["contributes_to"] = [f"{party}/1"]

    apply(root, SUPERVISOR, on_data(loop))
    outcome = step(root, PEOPLE_OR_FULL, "a cycle through the supervisor and a subordinate")
    assert "TRC006" in codes(outcome.result)


def test_actuals_read_criteria_a_subordinate_inherits(generated: Path, tmp_path: Path) -> None:
    """Actuals name a subordinate's KPI that is ``same_as`` the supervisor's: when the
    supervisor's KPI turns to milestones, what the actuals read of the subordinate
    changes although the subordinate's file did not."""
    root = copy_plan(generated, tmp_path)
    child = subordinate_with(root, "2")
    party = child.rsplit("/", 1)[-1].removesuffix(".yaml")
    (root / "actuals").mkdir()
    (root / "actuals" / "2569-Q1.yaml").write_text(
        f"kind: Actuals\nperiod: 2569-Q1\nresults:\n  - {{kpi: {party}/1, value: 70}}\n",
        encoding="utf-8",
    )
    step(root, FULL_PATH, "first run")

    def milestones(doc: dict[str, Any], env: Env) -> None:
        kpi = next(k for k in doc["kpis"] if k["id"] == "2")
        kpi.update(unit_of_measure="level", target=5)
        kpi["criteria"] = {"milestones": {n: f"ขั้นที่ {n}" for n in range(1, 6)}}
        kpi.pop("formula", None)
        kpi.pop("baseline", None)

    apply(root, SUPERVISOR, on_data(milestones))
    outcome = step(root, FULL_PATH, "the supervisor's KPI 2 by milestones")
    assert any(
        d.code == "ACT001" and d.file.startswith("actuals/") for d in outcome.result.diagnostics
    )


def test_supervisor_and_subordinate_together(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, SUPERVISOR, BY_NAME["rename-kpi"].edit)
    apply(root, LEAF, BY_NAME["thresholds-order"].edit)
    step(root, PEOPLE_OR_FULL, "two files at once")


def test_leaf_starts_to_depend_on_another_leaf(generated: Path, tmp_path: Path) -> None:
    """After the first edit P00060 names P00059's KPI: editing P00059 must re-check P00060."""
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    other = "agreements/people/P00059.yaml"

    def name_other(doc: dict[str, Any], env: Env) -> None:
        first(doc, "contributes_to")["contributes_to"] = ["P00059/3"]

    apply(root, LEAF, on_data(name_other))
    step(root, PEOPLE_PATH, "P00060 contributes to P00059/3")
    assert LEAF in leaves(root)
    assert other not in leaves(root)

    def drop_three(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"] = [k for k in doc["kpis"] if k["id"] != "3"]

    apply(root, other, on_data(drop_three))
    outcome = step(root, PEOPLE_OR_FULL, "P00059 drops KPI 3")
    assert any(d.file == LEAF and d.code == "REF001" for d in outcome.result.diagnostics)


# ---- shared files, units, the organisation: full runs ----------------------------


SHARED_EDITS: list[tuple[str, str, Edit]] = [
    ("unit", "agreements/units/D001-4.yaml", replace('  - id: "2"\n', '  - id: "2x"\n')),
    ("division", "agreements/units/D001.yaml", replace("weight: ", "weight: 1")),
    ("organisation", "agreements/DPS.yaml", replace("weight: 10", "weight: 11")),
    ("strategy", "strategy.yaml", replace("  - id: G10\n", "  - id: G11\n")),
    ("roster", "people/people-001.yaml", replace('position: "10060"', 'position: "10059"')),
    ("job", "jobs/descriptions/D001-4.yaml", replace("id: R2", "id: R7")),
    ("families", "jobs/families.yaml", replace("D001-2: 1,", "D001-2: 2,")),
    ("framework", "frameworks/kpr-2569.yaml", replace("weight: 70", "weight: 75")),
    ("os-matrix", "os-matrix.yaml", replace("owner: D001", "owner: D002")),
    ("org-chart", "org.yaml", replace('head: "10047"', 'head: "10048"')),
    ("plan", "cascade.yaml", replace("untraced_max_weight: 30", "untraced_max_weight: 10")),
    ("plan-schema", "cascade.yaml", replace("individual_untraced_max_weight: 30", "x: 1")),
]


@pytest.mark.parametrize(
    ("rel", "edit"),
    [(rel, edit) for _, rel, edit in SHARED_EDITS],
    ids=[name for name, _, _ in SHARED_EDITS],
)
def test_shared_file_edit(generated: Path, tmp_path: Path, rel: str, edit: Edit) -> None:
    """Units, the organisation and every shared file: always a full run (cascade.yaml
    even when it fails its schema; the others here change what the rules say)."""
    root = copy_plan(generated, tmp_path)
    before = step(root, FULL_PATH, "first run")
    apply(root, rel, edit, Env("", "", None, (), ""))
    after = step(root, FULL_PATH, f"edit of {rel}")
    assert rows(after.result) != rows(before.result), "the edit changed no diagnostic"


def test_rule_levels_from_the_plan(generated: Path, tmp_path: Path) -> None:
    """cascade.yaml sets rule levels: the people path applies them like a full run."""
    root = copy_plan(generated, tmp_path)
    plan = root / "cascade.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + "rules:\n  WGT001: warning\n  CRT004: 'off'\n  SIG001: error\n",
        encoding="utf-8",
    )
    step(root, FULL_PATH, "first run")
    for name in ("weight", "target-off", "evaluator-other"):
        apply(root, LEAF, BY_NAME[name].edit)
        outcome = step(root, PEOPLE_PATH, name)
    levels = {d.code: d.level.value for d in outcome.result.diagnostics}
    assert levels.get("WGT001") == "warning"
    assert levels.get("SIG001") == "error"
    assert "CRT004" not in levels


@pytest.mark.parametrize("level", ["off", "error"])
def test_load_levels_when_a_file_breaks(generated: Path, tmp_path: Path, level: str) -> None:
    """An empty file (LOAD007, a warning that does not block) with its level set in
    cascade.yaml: levels apply while the rules run, and not once a file fails to load."""
    root = copy_plan(generated, tmp_path)
    plan = root / "cascade.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8") + f"rules:\n  LOAD007: '{level}'\n", encoding="utf-8"
    )
    (root / "agreements" / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    first_run = step(root, FULL_PATH, "first run")
    assert ("LOAD007" in codes(first_run.result)) == (level != "off")
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "weight")
    good = (root / LEAF).read_text(encoding="utf-8")
    apply(root, LEAF, BY_NAME["syntax-error"].edit)
    broken = step(root, FILES_PATH, "syntax error")
    assert "LOAD007" in codes(broken.result)
    (root / LEAF).write_text(good, encoding="utf-8")
    step(root, FULL_PATH, "fixed")


# ---- the roster and job descriptions a re-check reads ----------------------------


ROSTER = "people/people-001.yaml"
JOBS = "jobs/descriptions/D001-4.yaml"


def roster_entry(person: str, old: str, new: str) -> tuple[str, Edit]:
    """Change ``old`` to ``new`` in the roster entry of ``person``."""

    def edit(text: str, env: Env) -> str:
        lines = text.split("\n")
        (i,) = [n for n, line in enumerate(lines) if f"{{id: {person}," in line]
        assert old in lines[i], f"{old!r} not in {lines[i]!r}"
        lines[i] = lines[i].replace(old, new, 1)
        return "\n".join(lines)

    return ROSTER, edit


def append_to_roster(line: str) -> tuple[str, Edit]:
    def edit(text: str, env: Env) -> str:
        return text.rstrip("\n") + f"\n  {line}\n"

    return ROSTER, edit


ROSTER_SETUPS: dict[str, list[tuple[str, Edit]]] = {
    "as-generated": [],
    # 10047 is vacant: P00060's supervisor is nobody, its parent its unit
    "vacant-supervisor": [roster_entry("P00047", 'position: "10047"', 'position: "19999"')],
    # P00046 comes first in the roster and now holds 10047 too: first holder wins
    "earlier-holder": [roster_entry("P00046", 'position: "10046"', 'position: "10047"')],
    "later-holder": [roster_entry("P00059", 'position: "10059"', 'position: "10047"')],
    "no-position": [roster_entry("P00060", 'position: "10060", ', "")],
    "duplicate-person": [
        append_to_roster('- {id: P00060, name: ซ้ำ, position: "10005", unit: D001-1}')
    ],
    "headless-unit": [("org.yaml", replace('parent: D001, head: "10047"', "parent: D001"))],
    "no-job": [(JOBS, replace('position: "10060"', 'position: "10960"'))],
}
"""Setups of the roster, org chart and jobs, each made before the first (full) run."""

ROSTER_EDITS = [
    "weight",
    "evaluator-other",
    "evaluatee-other",
    "responsibility-unknown",
    "supervisor-trace",
    "signatory-unknown",
]


@pytest.mark.parametrize("setup", list(ROSTER_SETUPS))
def test_roster_variants(generated: Path, tmp_path: Path, setup: str) -> None:
    """A re-check reads only part of the roster and the job descriptions: the parties,
    the signatories and the supervisors above them must resolve as in a full run."""
    root = copy_plan(generated, tmp_path)
    none = Env("", "", None, (), "")
    for rel, edit in ROSTER_SETUPS[setup]:
        apply(root, rel, edit, none)
    step(root, FULL_PATH, f"{setup}: first run")
    for rel in (LEAF, "agreements/people/P00059.yaml"):
        for name in ROSTER_EDITS:
            apply(root, rel, BY_NAME[name].edit)
            step(root, PEOPLE_OR_FULL, f"{setup}: {name} of {rel}")


def signatories(*pairs: tuple[str, str]) -> Edit:
    def change(doc: dict[str, Any], env: Env) -> None:
        doc["signatories"] = [{"role": role, "person": person} for role, person in pairs]

    return on_data(change)


SIGNATORY_CASES: dict[str, list[tuple[str, str]]] = {
    # another group's head evaluates: SIG001 names P00047, P00060's supervisor
    "evaluator-other-group": [("evaluatee", "P00060"), ("evaluator", "P00005")],
    # P00010 (under P00005) signs as evaluatee, P00005 evaluates: SIG002 only
    "evaluatee-other-group": [("evaluatee", "P00010"), ("evaluator", "P00005")],
    # ... evaluated by the division head: SIG001 names P00005, P00010's supervisor
    "evaluatee-and-evaluator-far": [("evaluatee", "P00010"), ("evaluator", "P00002")],
    "evaluatee-head-of-org": [("evaluatee", "P00001"), ("evaluator", "P00047")],
    "evaluator-unknown": [("evaluatee", "P00060"), ("evaluator", "P0047")],
    "evaluator-only": [("evaluator", "P00033")],
    "none": [],
}


@pytest.mark.parametrize("case", list(SIGNATORY_CASES))
def test_signatories_far_away(generated: Path, tmp_path: Path, case: str) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, LEAF, signatories(*SIGNATORY_CASES[case]))
    step(root, PEOPLE_PATH, case)


# ---- files added and removed --------------------------------------------------


def test_new_file(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    text = (root / LEAF).read_text(encoding="utf-8")
    (root / "agreements/people/P00060b.yaml").write_text(text, encoding="utf-8")
    outcome = step(root, FULL_PATH, "a second agreement for P00060")
    assert "REF002" in codes(outcome.result)


def test_deleted_file(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    (root / LEAF).unlink()
    step(root, FULL_PATH, "leaf removed")
    (root / SUPERVISOR).unlink()
    step(root, FULL_PATH, "supervisor removed")


def test_file_moved(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    (root / LEAF).rename(root / "agreements" / "P00060.yaml")
    step(root, FULL_PATH, "leaf moved")


@pytest.mark.parametrize(
    "rel", ["out/report.yaml", ".hidden/x.yaml", "notes.txt", "agreements/.draft.yaml"]
)
def test_files_that_are_not_plan_files(generated: Path, tmp_path: Path, rel: str) -> None:
    root = copy_plan(generated, tmp_path)
    first_run = step(root, FULL_PATH, "first run")
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text("kind: Nonsense\n", encoding="utf-8")
    outcome = validate(root)
    assert outcome.how == "unchanged"
    assert_same(outcome.result, cold(root), f"{rel} added")
    assert_same(outcome.result, first_run.result, f"{rel} added")


def test_plan_folder_copied_with_its_snapshot(generated: Path, tmp_path: Path) -> None:
    """Another folder, other inodes, the same bytes: nothing changed, the root is the new one."""
    root = copy_plan(generated, tmp_path)
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, FULL_PATH, "first run")
    moved = tmp_path / "elsewhere"
    shutil.copytree(root, moved)
    outcome = validate(moved)
    assert outcome.how == "unchanged"
    assert_same(outcome.result, cold(moved), "copied folder")
    apply(moved, LEAF, BY_NAME["thresholds-order"].edit)
    step(moved, PEOPLE_PATH, "edit in the copied folder")


# ---- damaged snapshots ----------------------------------------------------------


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _wrong_code(data: bytes) -> bytes:
    parsed = json.loads(data)
    parsed["code"] = "0" * 64
    return json.dumps(parsed).encode()


def _random_bytes(data: bytes) -> bytes:
    return random.Random(7).randbytes(len(data))


def _short_rows(data: bytes) -> bytes:
    parsed = json.loads(data)
    parsed["files"] = {file: row[:5] for file, row in parsed["files"].items()}
    return json.dumps(parsed).encode()


def _bad_diagnostic_row(data: bytes) -> bytes:
    parsed = json.loads(data)
    for row in parsed["files"].values():
        row[4] = [["not", "a", "diagnostic"]]
    return json.dumps(parsed).encode()


def _not_an_object(data: bytes) -> bytes:
    return b"[1, 2, 3]"


def _empty(data: bytes) -> bytes:
    return b""


DAMAGE = [
    _truncate,
    _wrong_code,
    _random_bytes,
    _short_rows,
    _bad_diagnostic_row,
    _not_an_object,
    _empty,
]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("edited", [False, True], ids=["no-edit", "leaf-edit"])
def test_damaged_snapshot(
    generated: Path, tmp_path: Path, damage: Callable[[bytes], bytes], edited: bool
) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    path = snapshot.path_of(root)
    path.write_bytes(damage(path.read_bytes()))
    if edited:
        apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, FULL_PATH, f"snapshot damaged by {damage.__name__}")
    assert snapshot.load(root) is not None, "the full run writes a new snapshot"


def test_snapshot_of_another_plan(generated: Path, tmp_path: Path) -> None:
    acme = copy_plan(ROOT / "plans" / "acme", tmp_path, "acme")
    step(acme, FULL_PATH, "acme first run")
    root = copy_plan(generated, tmp_path)
    snapshot.path_of(root).parent.mkdir(parents=True)
    shutil.copy(snapshot.path_of(acme), snapshot.path_of(root))
    step(root, FULL_PATH, "acme's snapshot in the generated plan")


# ---- plans/probation: actuals name the persons' KPIs -------------------------------


def test_probation_leaves(tmp_path: Path) -> None:
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    assert leaves(root) == ["agreements/people/P0013.yaml", PROBATION_LEAF]
    snap = snapshot.load(root)
    assert snap is not None
    assert snap.files[PROBATION_LEAF].shape, "the actuals name P0014's KPIs"


PROBATION_CASES: list[tuple[str, str, frozenset[str]]] = [
    # actuals see the same KPIs: re-checked alone
    ("weight", PROBATION_LEAF, PEOPLE_PATH),
    ("thresholds-order", PROBATION_LEAF, PEOPLE_PATH),
    ("evaluator-other", PROBATION_LEAF, PEOPLE_PATH),
    ("kind-not-allowed", PROBATION_LEAF, PEOPLE_PATH),
    ("comment", PROBATION_LEAF, PEOPLE_PATH),
    ("contributes-missing", PROBATION_LEAF, PEOPLE_PATH),
    # actuals see other KPIs: a full run
    ("remove-kpi", PROBATION_LEAF, FULL_PATH),
    ("rename-kpi", PROBATION_LEAF, FULL_PATH),
    ("add-kpi", PROBATION_LEAF, FULL_PATH),
    ("milestones", PROBATION_LEAF, FULL_PATH),
    ("duplicate-id", PROBATION_LEAF, FULL_PATH),
    ("syntax-error", PROBATION_LEAF, FILES_PATH),
    # P0012 is P0013's and P0014's supervisor; P0001 heads LAW and is P0012's
    ("weight", "agreements/people/P0012.yaml", PEOPLE_PATH),
    ("thresholds-order", "agreements/people/P0012.yaml", PEOPLE_OR_FULL),
    ("remove-kpi", "agreements/people/P0012.yaml", FULL_PATH),
    ("milestones", "agreements/people/P0012.yaml", FULL_PATH),
    ("weight", "agreements/people/P0001.yaml", PEOPLE_PATH),
    ("same-as-missing", "agreements/people/P0001.yaml", PEOPLE_OR_FULL),
    ("comment", "agreements/people/P0001.yaml", PEOPLE_PATH),
]


@pytest.mark.parametrize(
    ("name", "rel", "how"),
    PROBATION_CASES,
    ids=[f"{rel.rsplit('/', 1)[-1][:-5]}-{name}" for name, rel, _ in PROBATION_CASES],
)
def test_probation(tmp_path: Path, name: str, rel: str, how: frozenset[str]) -> None:
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, rel, BY_NAME[name].edit)
    outcome = step(root, how, f"{name} of {rel}")
    if rel == "agreements/people/P0012.yaml" and outcome.how == "people":
        assert set(outcome.checked) == {
            rel,
            "agreements/people/P0013.yaml",
            "agreements/people/P0014.yaml",
        }


def test_probation_actuals_see_a_removed_kpi(tmp_path: Path) -> None:
    """P0014 drops KPI 6, which both quarters' actuals name: REF001 in the actuals."""
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")

    def drop_six(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"] = [k for k in doc["kpis"] if k["id"] != "6"]
        doc["kpis"][0]["weight"] += 10

    apply(root, PROBATION_LEAF, on_data(drop_six))
    outcome = step(root, FULL_PATH, "P0014/6 removed")
    files = {d.file for d in outcome.result.diagnostics if d.code == "REF001"}
    assert {"actuals/2569-Q1.yaml", "actuals/2569-Q2.yaml"} <= files


def test_probation_actuals_see_milestones(tmp_path: Path) -> None:
    """P0014/1 switches to milestones: the actuals' values no longer fit (ACT001)."""
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, PROBATION_LEAF, BY_NAME["milestones"].edit)
    outcome = step(root, FULL_PATH, "P0014/1 by milestones")
    assert any(
        d.code == "ACT001" and d.file.startswith("actuals/") for d in outcome.result.diagnostics
    )


def test_probation_formula_added(tmp_path: Path) -> None:
    """A formula changes what the actuals read (ACT001 asks for its variables when
    there is no value); the actuals give a value, so no new diagnostic, but a full run."""
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")

    def formula(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"][2]["formula"] = "filed / received * 100"

    apply(root, PROBATION_LEAF, on_data(formula))
    step(root, FULL_PATH, "P0014/3 computed by a formula")


def test_probation_table_actuals_edit(tmp_path: Path) -> None:
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    rel = "actuals/2569-Q2-PROB.csv"
    apply(root, rel, replace(",97.4,", ",abc,"), Env("", "", None, (), ""))
    step(root, FULL_PATH | FILES_PATH, "CSV actuals edited")


# ---- plans/acme --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "weight",
        "same-as-missing",
        "thresholds-count",
        "signatory-unknown",
        "kind-link",
        "cycle",
        "comment",
        "syntax-error",
        "party-other",
    ],
)
def test_acme(tmp_path: Path, name: str) -> None:
    root = copy_plan(ROOT / "plans" / "acme", tmp_path)
    step(root, FULL_PATH, "first run")
    assert leaves(root) == [ACME_LEAF]
    apply(root, ACME_LEAF, BY_NAME[name].edit)
    step(root, BY_NAME[name].how, name)


def test_acme_unit_and_job_edits(tmp_path: Path) -> None:
    root = copy_plan(ROOT / "plans" / "acme", tmp_path)
    step(root, FULL_PATH, "first run")
    none = Env("", "", None, (), "")
    apply(root, "agreements/units/OPS.yaml", replace("O-3", "O-33"), none)
    step(root, FULL_PATH, "OPS renames O-3")
    apply(root, "jobs/descriptions/3001.yaml", replace("id: R1", "id: R5"), none)
    step(root, FULL_PATH, "job 3001 renames R1")
    apply(root, ACME_LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "then a leaf edit")


# ---- two edits in a row, and random ones -------------------------------------------


def test_edits_in_a_row(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    sequence = [
        (LEAF, "weight"),
        ("agreements/people/P00058.yaml", "thresholds-order"),
        (LEAF, "comment"),
        (LEAF, "same-as-missing"),
        ("agreements/people/P00010.yaml", "evaluatee-other"),
        ("agreements/people/P00058.yaml", "cycle"),
    ]
    for rel, name in sequence:
        apply(root, rel, BY_NAME[name].edit)
        step(root, BY_NAME[name].how, f"{name} of {rel}")


RANDOM_SAFE = [
    mutation
    for mutation in MUTATIONS
    if mutation.name not in {"party-other", "party-unknown", "second-document", "emptied"}
]


@pytest.mark.parametrize("seed", range(20))
def test_random_leaf_edits(generated: Path, tmp_path: Path, seed: int) -> None:
    """A random leaf, two random edits in a row; a full run's result each time."""
    rng = random.Random(seed)
    root = copy_plan(generated, tmp_path)
    step(root, FULL_PATH, "first run")
    candidates = leaves(root)
    broken = False
    for round_ in range(2):
        rel = rng.choice(candidates)
        mutation = rng.choice(RANDOM_SAFE if round_ == 0 else MUTATIONS)
        try:
            apply(root, rel, mutation.edit)
        except (AssertionError, StopIteration, KeyError, IndexError, yaml.YAMLError):
            # the mutation does not fit this file (e.g. already applied): another one
            mutation = BY_NAME["comment"]
            apply(root, rel, mutation.edit)
        expected = mutation.how
        if broken:
            expected = frozenset({"files", "full"})
        elif round_ > 0:
            expected = expected | FULL_PATH  # e.g. a leaf now named by the first edit
        outcome = step(root, expected, f"seed {seed}, round {round_}: {mutation.name} of {rel}")
        broken = outcome.how == "files"
        candidates = leaves(root) if not broken else candidates


# ---- bugs found by these tests -------------------------------------------------------


def test_actuals_messages_follow_kpis_of_persons_they_do_not_name(
    generated: Path, tmp_path: Path
) -> None:
    """REF001 in actuals reads every KPI of the plan for its hint and example.

    A row that names no party (``X9``) says "e.g. P00060/X9" once some agreement
    has a KPI X9; a row naming an unknown KPI gets "did you mean" over every KPI.
    P00060 is not named by the actuals, so its edit takes the people path, which
    does not recompute the actuals' diagnostics.
    """
    root = copy_plan(generated, tmp_path)
    (root / "actuals").mkdir()
    (root / "actuals" / "2569-Q1.yaml").write_text(
        "kind: Actuals\nperiod: 2569-Q1\nresults:\n"
        '  - {kpi: "X9", value: 1}\n'
        "  - {kpi: P0006/1, value: 1}\n",
        encoding="utf-8",
    )
    step(root, FULL_PATH, "first run")

    def rename(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"][0]["id"] = "9"
        doc["kpis"][-1]["id"] = "X9"

    apply(root, LEAF, on_data(rename))
    step(root, PEOPLE_OR_FULL, "P00060's KPIs renamed")


def test_related_location_in_a_duplicate_follows_the_first_file(
    generated: Path, tmp_path: Path
) -> None:
    """REF002 in a second agreement for P00060 points at P00060.yaml ("first defined
    here"); lines added at the top of P00060.yaml move that place."""
    root = copy_plan(generated, tmp_path)
    shutil.copy(root / LEAF, root / "agreements/people/P00060b.yaml")
    step(root, FULL_PATH, "first run")
    apply(root, LEAF, BY_NAME["comment"].edit)
    step(root, PEOPLE_OR_FULL, "comment lines above P00060's party")


def test_os_matrix_supporter_that_is_a_person(generated: Path, tmp_path: Path) -> None:
    """OSM003 reads the agreement of every party the OS matrix names, a person too.

    The OS matrix names P00060 as a supporter of DPS/1.1 (REF001: not a unit, and
    OSM003: P00060 has no KPI contributing to DPS/1.1).  P00060 then contributes to
    DPS/1.1: a full run drops the OSM003; the people path keeps the OS matrix's
    diagnostics from the snapshot.
    """
    root = copy_plan(generated, tmp_path)
    none = Env("", "", None, (), "")
    apply(
        root,
        "os-matrix.yaml",
        replace("{kpi: DPS/1.1, owner: D001}", "{kpi: DPS/1.1, owner: D001, supporters: [P00060]}"),
        none,
    )
    first_run = step(root, FULL_PATH, "first run")
    assert "OSM003" in codes(first_run.result)
    apply(root, LEAF, replace('contributes_to: ["1"]', 'contributes_to: ["DPS/1.1"]'), none)
    step(root, PEOPLE_OR_FULL, "P00060 contributes to DPS/1.1")
