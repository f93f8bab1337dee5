"""Document symbols (a file's goals and KPIs) and workspace symbols (KPIs by
id or name), from the last resolved check.

Ranges come from :class:`~cascade.lsp.spans.Sources`: a symbol's range is
its whole list item, its selection range the ``id`` value.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from lsprotocol import types
from pygls.workspace import PositionCodec

from cascade.lsp.checker import Outcome
from cascade.lsp.complete import display_name
from cascade.lsp.positions import to_range
from cascade.lsp.publish import uri_of
from cascade.model.plan import Where

MAX_WORKSPACE = 200
"""Most workspace symbols answered for one query."""


def _weight(value: Decimal | None) -> str:
    return "" if value is None else f"weight {format(value.normalize(), 'f')}"


def _symbol(
    outcome: Outcome,
    where: Where,
    name: str,
    detail: str,
    kind: types.SymbolKind,
    codec: PositionCodec,
) -> types.DocumentSymbol | None:
    sources = outcome.sources
    whole = sources.span(where.file, where.doc, where.path)
    ident = sources.span(where.file, where.doc, (*where.path, "id"))
    if whole is None or ident is None:
        return None
    lines = sources.lines(where.file)
    return types.DocumentSymbol(
        name=name,
        detail=detail or None,
        kind=kind,
        range=to_range(codec, lines, *whole),
        selection_range=to_range(codec, lines, *ident),
    )


def document_symbols(
    outcome: Outcome, rel: str, codec: PositionCodec
) -> list[types.DocumentSymbol]:
    """The goals and KPIs (with their weights) defined in file ``rel``."""
    if outcome.index is None:
        return []
    model = outcome.index.model
    found: list[types.DocumentSymbol | None] = []
    if model.strategy is not None and model.strategy_where.file == rel:
        where = model.strategy_where
        for i, goal in enumerate(model.strategy.goals):
            label = f"{goal.id} {display_name(model, goal.name)}".rstrip()
            found.append(
                _symbol(outcome, where.at("goals", i), label, "", types.SymbolKind.Namespace, codec)
            )
    for agreement in model.agreements.values():
        if agreement.where.file != rel:
            continue
        for i, own in enumerate(agreement.goals):
            label = f"{own.id} {display_name(model, own.name)}".rstrip()
            here = agreement.where.at("goals", i)
            found.append(_symbol(outcome, here, label, "", types.SymbolKind.Namespace, codec))
        for kpi in agreement.kpis:
            label = f"{kpi.id} {display_name(model, kpi.name)}".rstrip()
            detail = _weight(kpi.weight)
            found.append(_symbol(outcome, kpi.where, label, detail, types.SymbolKind.Field, codec))
    return [symbol for symbol in found if symbol is not None]


def workspace_symbols(
    outcomes: Iterable[Outcome], query: str, codec: PositionCodec
) -> list[types.WorkspaceSymbol]:
    """KPIs whose id or name (in any of the plan's languages) holds ``query``
    (case-insensitive), at most :data:`MAX_WORKSPACE`."""
    wanted = query.casefold()
    out: list[types.WorkspaceSymbol] = []
    for outcome in outcomes:
        if outcome.index is None:
            continue
        model = outcome.index.model
        for kpi in model.kpis.values():
            name = display_name(model, kpi.name)
            if wanted not in kpi.qid.casefold() and wanted not in name.casefold():
                continue
            span = outcome.sources.span(kpi.where.file, kpi.where.doc, (*kpi.where.path, "id"))
            if span is None:
                continue
            lines = outcome.sources.lines(kpi.where.file)
            out.append(
                types.WorkspaceSymbol(
                    name=f"{kpi.qid} {name}".rstrip(),
                    kind=types.SymbolKind.Field,
                    location=types.Location(
                        uri=uri_of(outcome.sources.root, kpi.where.file),
                        range=to_range(codec, lines, *span),
                    ),
                    container_name=kpi.party,
                )
            )
            if len(out) >= MAX_WORKSPACE:
                return out
    return out
