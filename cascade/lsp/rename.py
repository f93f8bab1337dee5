"""Rename a KPI, goal or unit id across the plan, and quick fixes from hints.

A rename edits every indexed place that writes the id (its definition,
every reference, the OS matrix, actuals YAML files and the ``kpi`` cells of
CSV actuals); a reference written ``PARTY/ID`` keeps its party part, and
renaming a unit also rewrites the party part of every ``UNIT/ID`` KPI
reference.  A new id that is already taken, or not an id, is refused with
an error (no edit).

A workbook (xlsx actuals) cannot be edited by a WorkspaceEdit, which holds
text edits only.  A rename whose id a workbook names is refused, naming the
workbook's cells: the planner changes them (the plan then reports them
unknown), and the rename made after that edits every text file.  (Editing
the workbook from the server instead would change a file the editor's undo
does not know about, and leave it renamed if the planner undoes the text
edit or the client applies only part of it.)

Prepare-rename answers with the id's range before the editor asks for the
new name, and nothing where no id can be renamed.

Quick fixes: a diagnostic whose hint says "did you mean 'X'?" offers the
edit that writes ``X`` in its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace import PositionCodec

from cascade.lsp.checker import Outcome
from cascade.lsp.index import Key, Occurrence
from cascade.lsp.navigate import Place, occurrence_at
from cascade.lsp.positions import to_range
from cascade.lsp.publish import uri_of

RENAMABLE = frozenset({"kpi", "goal", "unit"})
VALID_ID = re.compile(r"^[^\s/:#,\[\]{}\"']+$")
HINT = re.compile(r"did you mean '([^']+)'\?")


class RenameRefused(Exception):
    """The rename cannot be made (a clash, not an id, nothing to rename)."""


def _taken(outcome: Outcome, key: Key, new: str) -> bool:
    assert outcome.index is not None
    if key[0] == "kpi":
        party = key[1].rsplit("/", 1)[0]
        return bool(outcome.index.definitions(("kpi", f"{party}/{new}")))
    if key[0] == "unit":
        return any(outcome.index.definitions((kind, new)) for kind in ("unit", "person"))
    return bool(outcome.index.definitions((*key[:-1], new)))


def _edit(
    outcome: Outcome, found: Occurrence, old: str, new: str, codec: PositionCodec
) -> tuple[str, types.TextEdit] | None:
    """The edit of one written id: ``old`` → ``new`` in its last ``/`` part."""
    span = outcome.sources.place(found)
    if span is None or span[0][0] != span[1][0]:
        return None
    (line, start), (_, end) = span
    lines = outcome.sources.lines(found.file)
    written = lines[line][start:end]
    head, _, tail = written.rpartition("/")
    if tail != old:
        return None
    first = start + len(head) + (1 if head else 0)
    range_ = to_range(codec, lines, (line, first), (line, end))
    return found.file, types.TextEdit(range=range_, new_text=new)


def _prefix_edits(
    outcome: Outcome, unit: str, new: str, codec: PositionCodec
) -> list[tuple[str, types.TextEdit]]:
    """The party part of every ``UNIT/ID`` KPI reference of a renamed unit."""
    assert outcome.index is not None
    out: list[tuple[str, types.TextEdit]] = []
    for key, places in outcome.index.by_key.items():
        if key[0] != "kpi" or not key[1].startswith(f"{unit}/"):
            continue
        for found in places:
            span = outcome.sources.place(found)
            if found.definition or span is None or span[0][0] != span[1][0]:
                continue
            (line, start), _ = span
            lines = outcome.sources.lines(found.file)
            if lines[line][start : start + len(unit) + 1] == f"{unit}/":
                range_ = to_range(codec, lines, (line, start), (line, start + len(unit)))
                out.append((found.file, types.TextEdit(range=range_, new_text=new)))
    return out


def _refuse_workbooks(outcome: Outcome, key: Key, old: str) -> None:
    """Refuse the rename of ``key`` if a workbook names it (or, for a unit, one
    of its KPIs), naming the cells."""
    assert outcome.index is not None
    keys = [key]
    if key[0] == "unit":
        keys += [k for k in outcome.index.by_key if k[0] == "kpi" and k[1].startswith(f"{old}/")]
    cells: dict[str, list[str]] = {}
    for found in (o for k in keys for o in outcome.index.by_key.get(k, [])):
        if found.file.lower().endswith(".xlsx"):
            cell = outcome.sources.workbook_cell(found.file, found.path)
            cells.setdefault(found.file, []).append(cell or "a cell")
    if cells:
        where = "; ".join(f"{file} ({', '.join(named)})" for file, named in sorted(cells.items()))
        raise RenameRefused(
            f"'{key[-1]}' is written in workbook actuals, which a rename cannot edit: "
            f"{where}. Write the new id in those cells first, then rename here."
        )


def prepare_rename(
    outcome: Outcome, rel: str, place: Place, codec: PositionCodec
) -> types.PrepareRenamePlaceholder | None:
    """The range and text of the renamable id under the cursor (its last ``/``
    part), or ``None`` where nothing can be renamed (the editor then says so
    before asking for a new name); :class:`RenameRefused` when a workbook
    names it."""
    found = occurrence_at(outcome, rel, place)
    if found is None or found.key[0] not in RENAMABLE:
        return None
    old = found.key[-1].rsplit("/", 1)[-1]
    _refuse_workbooks(outcome, found.key, old)
    edit = _edit(outcome, found, old, old, codec)
    return None if edit is None else types.PrepareRenamePlaceholder(edit[1].range, old)


def rename(
    outcome: Outcome, rel: str, place: Place, new: str, codec: PositionCodec
) -> types.WorkspaceEdit:
    """Every edit that renames the KPI, goal or unit id under the cursor to ``new``."""
    found = occurrence_at(outcome, rel, place)
    if found is None or outcome.index is None or found.key[0] not in RENAMABLE:
        raise RenameRefused("only a KPI, goal or unit id can be renamed here")
    key = found.key
    old = key[-1].rsplit("/", 1)[-1]
    new = new.rsplit("/", 1)[-1] if key[0] == "kpi" else new
    if not VALID_ID.match(new):
        raise RenameRefused(f"'{new}' is not an id (no spaces, '/', ':', ',', brackets or quotes)")
    if new != old and _taken(outcome, key, new):
        raise RenameRefused(f"'{new}' is already an id of this plan: renaming would clash")
    _refuse_workbooks(outcome, key, old)
    edits = [
        e for o in outcome.index.by_key.get(key, []) if (e := _edit(outcome, o, old, new, codec))
    ]
    if key[0] == "unit":
        edits += _prefix_edits(outcome, old, new, codec)
    changes: dict[str, list[types.TextEdit]] = {}
    root = outcome.sources.root
    for file, edit in sorted(
        edits, key=lambda e: (e[0], e[1].range.start.line, e[1].range.start.character)
    ):
        changes.setdefault(uri_of(root, file), []).append(edit)
    return types.WorkspaceEdit(changes=changes)


def quick_fixes(uri: str, diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """A "did you mean" fix for each diagnostic whose message carries the hint."""
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        hint = HINT.search(diagnostic.message)
        if hint is None:
            continue
        word = hint.group(1)
        actions.append(
            types.CodeAction(
                title=f"Change to '{word}'",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=types.WorkspaceEdit(
                    changes={uri: [types.TextEdit(range=diagnostic.range, new_text=word)]}
                ),
            )
        )
    return actions
