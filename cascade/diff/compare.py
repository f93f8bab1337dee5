"""Compare two sides' facts: what was added, removed, changed or moved.

Identity is by id: an agreement by its party, a KPI by ``PARTY/ID``, a goal
by its id in its agreement (or in the strategy), an OS-matrix row by the
KPI it names.  A KPI that disappears from one place and appears in another
with the same name is a *move* (``SVC/1-2`` → ``OPS/1-2``, or a new id in
the same agreement): paired first by id and name, then by name alone, and
only when the pairing is unambiguous.  Everything is sorted: agreements by
party type (organisation, units, people) then id, items by kind then id, ids
in natural order (``1.9`` before ``1.10``), fields in the spec's order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

from cascade.diff.entities import Entity, ItemKey, PlanFacts, SectionFacts
from cascade.diff.result import (
    KIND_ORDER,
    PARTY_ORDER,
    SECTION_ORDER,
    FieldChange,
    ItemChange,
    Section,
    Status,
    natural,
)
from cascade.diff.values import Value
from cascade.qid import qualify

Place = tuple[str, str]
"""A KPI's place: (party, KPI id)."""


def merged(first: Iterable[str], second: Iterable[str]) -> list[str]:
    """The union of two orderings, each kept (fields only one side has stay in place)."""
    out: list[str] = []
    seen: set[str] = set()
    rest = [k for k in second]
    position = 0
    for key in first:
        if key in rest[position:]:
            found = rest.index(key, position)
            out.extend(k for k in rest[position:found] if k not in seen)
            seen.update(rest[position:found])
            position = found + 1
        if key not in seen:
            out.append(key)
            seen.add(key)
    out.extend(k for k in rest[position:] if k not in seen)
    return out


def _text(value: Value | None) -> str | None:
    return None if value is None else value.text


def diff_fields(
    old: dict[str, Value], new: dict[str, Value], order: tuple[str, ...] = ()
) -> tuple[FieldChange, ...]:
    """The fields whose values differ, in the spec's field ``order``.

    Both languages are shown when the report language looks the same.
    """
    paths = merged(old, new)
    rank = {name: i for i, name in enumerate(order)}

    def position(index: int) -> tuple[int, int]:
        return (rank.get(paths[index].split(".", 1)[0], len(rank)), index)

    changes: list[FieldChange] = []
    for path in [paths[i] for i in sorted(range(len(paths)), key=position)]:
        a, b = old.get(path), new.get(path)
        if (a is None and b is None) or (a is not None and a.same(b)):
            continue
        before, after = _text(a), _text(b)
        if a is not None and b is not None and before == after:
            before, after = a.both, b.both
        inherited = (a is None or a.inherited) and (b is None or b.inherited)
        changes.append(FieldChange(path, before, after, inherited))
    return tuple(changes)


def _kpis(facts: PlanFacts, gone: PlanFacts) -> list[tuple[Place, Entity]]:
    """KPIs of ``facts`` whose place is missing in ``gone``."""
    found = []
    for (kind, party), section in facts.items():
        if kind != "agreement":
            continue
        other = gone.get((kind, party))
        for (item_kind, ident), entity in section.items.items():
            if item_kind == "kpi" and (other is None or (item_kind, ident) not in other.items):
                found.append(((party, ident), entity))
    return found


def find_moves(old: PlanFacts, new: PlanFacts) -> dict[Place, tuple[Place, Entity]]:
    """New place → (old place, old KPI) for every KPI that moved."""
    removed, added = _kpis(old, new), _kpis(new, old)
    moves: dict[Place, tuple[Place, Entity]] = {}
    paired: set[Place] = set()

    def by_id(entity: Entity) -> Hashable:
        return (entity.id, entity.name.key if entity.name else None)

    def by_name(entity: Entity) -> Hashable:
        return entity.name.key if entity.name else None

    matchers: tuple[Callable[[Entity], Hashable], ...] = (by_id, by_name)
    for match in matchers:
        olds: dict[Hashable, list[tuple[Place, Entity]]] = {}
        news: dict[Hashable, list[Place]] = {}
        for place, entity in removed:
            if place not in paired and entity.name is not None:
                olds.setdefault(match(entity), []).append((place, entity))
        for place, entity in added:
            if place not in moves and entity.name is not None:
                news.setdefault(match(entity), []).append(place)
        for key, candidates in olds.items():
            targets = news.get(key, [])
            if len(candidates) == 1 and len(targets) == 1:
                moves[targets[0]] = candidates[0]
                paired.add(candidates[0][0])
    return moves


def _name(entity: Entity) -> str:
    return entity.name.text if entity.name is not None else ""


def _items(
    party: str,
    old: dict[ItemKey, Entity],
    new: dict[ItemKey, Entity],
    moved_in: dict[Place, tuple[Place, Entity]],
    moved_out: dict[Place, Place],
) -> tuple[ItemChange, ...]:
    def order(key: ItemKey) -> tuple[int, tuple[tuple[int, int, str], ...]]:
        kind = key[0]
        return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), natural(key[1]))

    changes: list[ItemChange] = []
    for key in sorted(set(old) | set(new), key=order):
        kind, ident = key
        a, b = old.get(key), new.get(key)
        place = (party, ident)
        if a is not None and b is not None:
            same = a.token == b.token
            fields = () if same else diff_fields(a.fields, b.fields, b.order)
            if fields:
                changes.append(ItemChange(kind, ident, _name(b), "changed", fields))
        elif b is not None and kind == "kpi" and place in moved_in:
            (from_party, from_id), before = moved_in[place]
            fields = diff_fields(before.fields, b.fields, b.order)
            other = qualify(from_party, from_id)
            changes.append(ItemChange(kind, ident, _name(b), "moved", fields, other))
        elif b is not None:
            fields = diff_fields({}, b.fields, b.order)
            changes.append(ItemChange(kind, ident, _name(b), "added", fields))
        elif a is not None and kind == "kpi" and place in moved_out:
            to_party, to_id = moved_out[place]
            if to_party != party:
                changes.append(
                    ItemChange(kind, ident, _name(a), "moved-away", (), qualify(to_party, to_id))
                )
        elif a is not None:
            fields = diff_fields(a.fields, {}, a.order)
            changes.append(ItemChange(kind, ident, _name(a), "removed", fields))
    return tuple(changes)


def _section(
    key: tuple[str, str],
    a: SectionFacts | None,
    b: SectionFacts | None,
    moved_in: dict[Place, tuple[Place, Entity]],
    moved_out: dict[Place, Place],
) -> Section | None:
    either = b if b is not None else a
    assert either is not None
    items = _items(key[1], a.items if a else {}, b.items if b else {}, moved_in, moved_out)
    same = a is not None and b is not None and a.token is not None and a.token == b.token
    fields: tuple[FieldChange, ...] = ()
    if not same:
        before, after = a.own_fields() if a else {}, b.own_fields() if b else {}
        fields = diff_fields(before, after, either.order)
    status: Status = "added" if a is None else "removed" if b is None else "changed"
    if status == "changed" and not items and not fields:
        return None
    title = either.title.text if either.title is not None else ""
    return Section(
        key[0],
        key[1],
        title,
        status,
        either.party_type,
        fields,
        items,
        a.weight if a else None,
        b.weight if b else None,
    )


def compare(old: PlanFacts, new: PlanFacts) -> tuple[Section, ...]:
    """The changed sections, in report order."""
    moved_in = find_moves(old, new)
    moved_out = {before: after for after, (before, _) in moved_in.items()}

    def order(key: tuple[str, str]) -> tuple[int, int, tuple[tuple[int, int, str], ...]]:
        facts = new.get(key) or old[key]
        rank = PARTY_ORDER.index(facts.party_type) if facts.party_type in PARTY_ORDER else 3
        return (SECTION_ORDER.index(key[0]), rank, natural(key[1]))

    sections = []
    for key in sorted(set(old) | set(new), key=order):
        section = _section(key, old.get(key), new.get(key), moved_in, moved_out)
        if section is not None:
            sections.append(section)
    return tuple(sections)
