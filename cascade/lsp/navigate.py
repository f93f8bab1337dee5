"""Go to definition and find references, from the symbol index.

The occurrence under the cursor is found among the indexed places of the
file (their ranges come from :class:`~cascade.lsp.spans.Sources`); its key
names the symbol, whose definitions or references are the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types
from pygls.workspace import PositionCodec

from cascade.lsp.checker import Outcome
from cascade.lsp.index import Key, Occurrence, SymbolIndex
from cascade.lsp.positions import to_range
from cascade.lsp.publish import uri_of

Place = tuple[int, int]


def occurrences_at(outcome: Outcome, rel: str, place: Place) -> list[Occurrence]:
    """The indexed occurrences whose range holds ``place`` (0-based line,
    code-point column), in index order: a KPI id that fills a framework slot
    is the KPI's definition, then a reference to the slot."""
    if outcome.index is None:
        return []
    found = []
    for occurrence in outcome.index.by_file.get(rel, ()):
        span = outcome.sources.place(occurrence)
        if span is not None and span[0] <= place <= span[1]:
            found.append(occurrence)
    return found


def occurrence_at(outcome: Outcome, rel: str, place: Place) -> Occurrence | None:
    """The first indexed occurrence whose range holds ``place``."""
    found = occurrences_at(outcome, rel, place)
    return found[0] if found else None


def location(outcome: Outcome, found: Occurrence, codec: PositionCodec) -> types.Location | None:
    """The client location of an occurrence (``None`` when it has no range)."""
    span = outcome.sources.place(found)
    if span is None:
        return None
    lines = outcome.sources.lines(found.file)
    root: Path = outcome.sources.root
    return types.Location(uri=uri_of(root, found.file), range=to_range(codec, lines, *span))


def locations(
    outcome: Outcome, found: Iterable[Occurrence], codec: PositionCodec
) -> list[types.Location]:
    """Client locations of occurrences, those without a range left out."""
    return [loc for occ in found if (loc := location(outcome, occ, codec)) is not None]


def definition(
    outcome: Outcome, rel: str, place: Place, codec: PositionCodec
) -> list[types.Location]:
    """Where the id under the cursor is defined (on a definition that also
    refers to something, such as a KPI filling a slot: what it refers to)."""
    here = occurrences_at(outcome, rel, place)
    found = next((o for o in here if not o.definition), here[0] if here else None)
    if found is None or outcome.index is None:
        return []
    return locations(outcome, outcome.index.definitions(found.key), codec)


def references(
    outcome: Outcome, rel: str, place: Place, codec: PositionCodec, declaration: bool
) -> list[types.Location]:
    """Every place that names the id under the cursor (and its definition when asked)."""
    found = occurrence_at(outcome, rel, place)
    if found is None or outcome.index is None:
        return []
    places = cascading(outcome.index, found.key)
    return locations(outcome, (o for o in places if declaration or not o.definition), codec)


LINKS = ("same_as", "contributes_to")


def cascading(index: SymbolIndex, key: Key) -> list[Occurrence]:
    """Every occurrence of ``key`` and, for a KPI, of every KPI that cascades
    from it (``same_as`` or ``contributes_to``, at any depth)."""
    if key[0] != "kpi":
        return list(index.by_key.get(key, []))
    kpi_at = {
        (o.file, o.doc, o.path[:-1]): k
        for k, found in index.by_key.items()
        if k[0] == "kpi"
        for o in found
        if o.definition
    }
    out: list[Occurrence] = []
    seen, todo = {key}, [key]
    while todo:
        current = todo.pop(0)
        for o in index.by_key.get(current, []):
            out.append(o)
            link = next((i for i, part in enumerate(o.path) if part in LINKS), None)
            below = kpi_at.get((o.file, o.doc, o.path[:link])) if link is not None else None
            if below is not None and below not in seen:
                seen.add(below)
                todo.append(below)
    return out
