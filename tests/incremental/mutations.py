"""The edits of one person's agreement that the differential tests apply.

Each :class:`Mutation` names an edit, the path a warm run takes after it (for a leaf
person not named by actuals) and the codes a cold run then reports; ``BY_NAME`` finds
them by name, ``HINTED`` lists those whose REF001 carries a "did you mean" hint.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from tests.incremental.helpers import (
    FULL_PATH,
    PEOPLE_PATH,
    Edit,
    Env,
    on_data,
    on_text,
    replace,
)


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
    # 7. load and schema errors of an agreement: the full run runs the rules without it
    m("syntax-error", on_text(_syntax_error), FULL_PATH, "LOAD001"),
    m("unknown-key", on_text(_unknown_key), FULL_PATH, "SPEC003"),
    m("invalid-value", on_data(_invalid_value), FULL_PATH, "SPEC005"),
    m("missing-key", on_data(_missing_key), FULL_PATH, "SPEC004"),
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
