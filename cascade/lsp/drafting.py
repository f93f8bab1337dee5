"""Code actions that draft plan text into an agreement's buffer.

* **Add the missing common KPIs** (on TRC007): one ``kind: common`` KPI
  per common KPI the diagnostics name, drafted by ``cascade new kpi``'s own
  code (:func:`cascade.new.kpi.kpi_skeleton`, ``same_as: C2``, weight 0 and
  TODO notes) and appended to the ``kpis:`` list as ``cascade new kpi
  --append`` does (:func:`cascade.new.files.append_to_text`).
* **Fill the KPI template fields that are missing** (on TPL001): see
  :mod:`~cascade.lsp.fill`.
* **Insert a KPI drafted like ``cascade new kpi``**: offered anywhere in an
  agreement's ``kpis:`` list; the next id, the party's first goal and
  dimension with TODO notes, every template field as a placeholder.

Where to write comes from the buffer as it is now; what to draft from the
last resolved model.  Each action is one WorkspaceEdit on the buffer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace import PositionCodec

from cascade.load.positions import SourceMap
from cascade.lsp.checker import Outcome
from cascade.lsp.fill import fill_template, kpi_at, missing_in, value_of
from cascade.lsp.navigate import Place
from cascade.lsp.positions import from_client, to_range
from cascade.model.plan import Agreement, PlanModel
from cascade.new.common import NewError
from cascade.new.files import append_to_text, last_line
from cascade.new.kpi import KpiRequest, kpi_skeleton, next_id
from cascade.rules.template import kpi_template_incomplete
from cascade.rules.tracing import missing_common_kpi

COMMON = re.compile(r"does not carry common KPI '([^']+)'")
DRAFTED = "drafted like 'cascade new kpi': TODO fill in the KPI template"


def _agreement(model: PlanModel, rel: str, doc: int) -> Agreement | None:
    return next(
        (a for a in model.agreements.values() if a.where.file == rel and a.where.doc == doc),
        None,
    )


def _doc_at(source: SourceMap, line: int) -> int | None:
    """The document of the buffer that holds ``line``."""
    for i, root in enumerate(source.nodes()):
        if root is not None and root.start_mark.line <= line <= root.end_mark.line:
            return i
    return None


def whole_edit(old: str, new: str) -> types.TextEdit:
    """One edit that turns ``old`` into ``new``: the lines between their common
    first and last lines (an insertion when nothing else changed)."""
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    start = types.Position(line=head, character=0)
    end = types.Position(line=len(before) - tail, character=0)
    return types.TextEdit(
        range=types.Range(start=start, end=end), new_text="".join(after[head : len(after) - tail])
    )


def _action(
    title: str, uri: str, edits: list[types.TextEdit], kind: str, fixes: list[types.Diagnostic]
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=kind,
        diagnostics=fixes or None,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _append(outcome: Outcome, rel: str, text: str, doc: int, requests: list[KpiRequest]) -> str:
    """``text`` with a KPI drafted for each request appended to its ``kpis:``."""
    assert outcome.index is not None
    model = outcome.index.model
    for i, request in enumerate(requests):
        skeleton = kpi_skeleton(model, request)
        comment = DRAFTED if i == 0 else ""
        path = outcome.sources.root / rel
        text = append_to_text(text, path, doc, "kpis", skeleton.kpi, "Agreement", comment).text
    return text


def common_kpis(
    outcome: Outcome, uri: str, rel: str, text: str, found: Sequence[tuple[types.Diagnostic, Place]]
) -> list[types.CodeAction]:
    """ "Add the missing common KPIs" for the TRC007 diagnostics of one agreement."""
    if outcome.index is None or not found:
        return []
    source = SourceMap(text)
    doc = _doc_at(source, found[0][1][0])
    agreement = _agreement(outcome.index.model, rel, doc) if doc is not None else None
    if agreement is None or doc is None:
        return []
    missing = [m.group(1) for d, _ in found if (m := COMMON.search(d.message))]
    requests: list[KpiRequest] = []
    for common in missing:
        ident = next_id(agreement, [r.id for r in requests if r.id])
        requests.append(KpiRequest(agreement.party, id=ident, same_as=common))
    try:
        new = _append(outcome, rel, text, doc, requests)
    except NewError:
        return []
    title = f"Add the missing common KPIs ({', '.join(missing)})"
    quick = types.CodeActionKind.QuickFix
    return [_action(title, uri, [whole_edit(text, new)], quick, [d for d, _ in found])]


def template_fields(
    outcome: Outcome,
    uri: str,
    text: str,
    found: Sequence[tuple[types.Diagnostic, Place]],
    codec: PositionCodec,
) -> list[types.CodeAction]:
    """ "Fill the KPI template fields that are missing" for each TPL001 diagnostic."""
    if outcome.index is None:
        return []
    model = outcome.index.model
    roots, lines = SourceMap(text).nodes(), text.splitlines()
    actions = []
    for diagnostic, (line, _) in found:
        node = kpi_at(roots, line)
        qid = re.search(r"KPI '([^']+)'", diagnostic.message)
        if node is None or qid is None:
            continue
        kpi = model.kpis.get(qid.group(1))
        inserts = fill_template(model, kpi, lines, node, missing_in(diagnostic.message))
        edits = [
            types.TextEdit(range=to_range(codec, lines, at, at), new_text=added)
            for at, added in inserts
        ]
        if edits:
            title = f"Fill the KPI template fields of {qid.group(1)}"
            actions.append(_action(title, uri, edits, types.CodeActionKind.QuickFix, [diagnostic]))
    return actions


def _new_kpi_request(
    outcome: Outcome, rel: str, text: str, line: int
) -> tuple[KpiRequest, int] | None:
    """The KPI to draft, and its document, when ``line`` is in a ``kpis:`` list."""
    if outcome.index is None:
        return None
    source = SourceMap(text)
    doc = _doc_at(source, line)
    root = source.nodes()[doc] if doc is not None else None
    kpis = value_of(root, "kpis") if root is not None else None
    if doc is None or kpis is None or not kpis.start_mark.line - 1 <= line <= last_line(kpis):
        return None
    agreement = _agreement(outcome.index.model, rel, doc)
    if agreement is None:
        return None
    return KpiRequest(agreement.party, id=next_id(agreement)), doc


def new_kpi_edit(
    outcome: Outcome, uri: str, rel: str, text: str, line: int
) -> types.WorkspaceEdit | None:
    """The edit that appends the drafted KPI (``None`` when none can be drafted)."""
    found = _new_kpi_request(outcome, rel, text, line)
    if found is None:
        return None
    try:
        new = _append(outcome, rel, text, found[1], [found[0]])
    except NewError:
        return None
    return types.WorkspaceEdit(changes={uri: [whole_edit(text, new)]})


def new_kpi(
    outcome: Outcome, uri: str, rel: str, text: str, line: int, lazy: bool = False
) -> list[types.CodeAction]:
    """ "Insert a KPI drafted like ``cascade new kpi``" when ``line`` is in a
    ``kpis:`` list; ``lazy``: without its edit, which :func:`new_kpi_edit`
    makes when the editor resolves the action (drafting is a YAML round trip,
    too slow for every move of the cursor)."""
    found = _new_kpi_request(outcome, rel, text, line)
    if found is None:
        return []
    title = f"Insert KPI {found[0].id} drafted like 'cascade new kpi'"
    action = types.CodeAction(title=title, kind=types.CodeActionKind.Refactor)
    if lazy:
        action.data = {"draft": "kpi", "uri": uri, "line": line}
        return [action]
    action.edit = new_kpi_edit(outcome, uri, rel, text, line)
    return [action] if action.edit is not None else []


def drafting_actions(
    outcome: Outcome,
    uri: str,
    rel: str,
    text: str,
    cursor: types.Position,
    diagnostics: Sequence[types.Diagnostic],
    codec: PositionCodec,
    lazy: bool = False,
) -> list[types.CodeAction]:
    """Every drafting action at ``cursor``, given the diagnostics there
    (``lazy``: the KPI draft's edit waits for the editor to resolve it)."""
    lines = text.splitlines()

    def at(d: types.Diagnostic) -> Place:
        return from_client(codec, lines, d.range.start)

    common = [(d, at(d)) for d in diagnostics if d.code == missing_common_kpi.code]
    template = [(d, at(d)) for d in diagnostics if d.code == kpi_template_incomplete.code]
    line = from_client(codec, lines, cursor)[0]
    return [
        *common_kpis(outcome, uri, rel, text, common),
        *template_fields(outcome, uri, text, template, codec),
        *new_kpi(outcome, uri, rel, text, line, lazy),
    ]


def of_kinds(
    actions: list[types.CodeAction], only: Sequence[types.CodeActionKind | str] | None
) -> list[types.CodeAction]:
    """The actions of the kinds the client asked for (``context.only``: a kind
    or any kind under it, ``refactor`` takes ``refactor.rewrite``); VS Code asks
    for quick fixes alone on a diagnostic's hover and drops, with a warning in
    its log, any other action it gets."""
    if not only:
        return actions
    wanted = [_kind(kind) for kind in only]

    def asked(action: types.CodeAction) -> bool:
        kind = _kind(action.kind)
        return any(kind == name or kind.startswith(f"{name}.") for name in wanted)

    return [action for action in actions if asked(action)]


def _kind(kind: types.CodeActionKind | str | None) -> str:
    return "" if kind is None else kind.value if isinstance(kind, types.CodeActionKind) else kind
