"""Facts as comparable values: what a field is compared by, and how it is shown.

:func:`flatten` turns a spec object into ``{"criteria.thresholds": Value, …}``:
nested models and mappings become dotted paths (``criteria.milestones.3``,
``round_targets.6``, ``params.A``), everything else a leaf.  A value
compares by its *key* (so ``30`` and ``30.0`` are the same weight) and shows
as *text*: decimals as written (``2.5``, ``30``, never ``3E+1``), lists
and models in YAML flow style (``[70, 75, 80]``, ``{role: evaluator,
person: P001}``), bilingual text in the report language via
:func:`cascade.spec.common.text_of`, with both languages in *full* for when
only the other language changed.  Empty values (``None``, ``[]``, ``{}``)
are absent, so leaving out a default and writing it empty are the same.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from pydantic import BaseModel

from cascade.spec.common import Bilingual, text_of

SKIPPED = frozenset({"version"})
"""Never compared: the format version says how a file is written, not what it says."""


@dataclass(frozen=True, slots=True)
class Value:
    """One fact: its comparison key, its text in the report language, both languages."""

    key: Hashable
    text: str
    full: str = ""
    inherited: bool = False
    """Taken over from the ``same_as`` parent, not written in the KPI itself."""

    @property
    def both(self) -> str:
        """The text with every language (for a change only the other language shows)."""
        return self.full or self.text

    def same(self, other: Value | None) -> bool:
        return other is not None and self.key == other.key


def number(value: Decimal) -> str:
    """A decimal as written: plain notation, its own digits (``2.50`` stays ``2.50``)."""
    return format(value, "f")


def _bilingual(value: Bilingual, lang: str) -> Value:
    """One language alone compares equal to plain text: ``{th: X}`` is ``X``."""
    given = [(k, v) for k, v in (("th", value.th), ("en", value.en)) if v is not None]
    key: Hashable = given[0][1] if len(given) == 1 else (value.th, value.en)
    full = "{" + ", ".join(f"{k}: {v}" for k, v in given) + "}"
    return Value(key, text_of(value, lang), full)


def _inline(values: Iterable[tuple[str, Value]], brackets: str) -> Value:
    """Several values as one, in YAML flow style: ``[a, b]`` or ``{k: a, l: b}``."""
    items = list(values)
    keyed = brackets == "{}"

    def show(name: str, text: str) -> str:
        return f"{name}: {text}" if keyed else text

    text = ", ".join(show(n, v.text) for n, v in items)
    full = ", ".join(show(n, v.both) for n, v in items)
    key = tuple((n, v.key) if keyed else v.key for n, v in items)
    return Value(key, f"{brackets[0]}{text}{brackets[1]}", f"{brackets[0]}{full}{brackets[1]}")


def leaf(value: object, lang: str) -> Value | None:
    """One value as a single fact; ``None`` when it is empty."""
    if value is None:
        return None
    if isinstance(value, Bilingual):
        return _bilingual(value, lang)
    if isinstance(value, bool):
        return Value(value, "yes" if value else "no")
    if isinstance(value, Decimal):
        return Value(value, number(value))
    if isinstance(value, int | str):
        return Value(value, str(value))
    if isinstance(value, BaseModel):
        inner = flatten(value, lang)
        return _inline(inner.items(), "{}") if inner else None
    if isinstance(value, dict):
        found = [(str(k), v) for k, v in ((k, leaf(x, lang)) for k, x in value.items()) if v]
        return _inline(found, "{}") if found else None
    if isinstance(value, list | tuple):
        values = [v for v in (leaf(x, lang) for x in value) if v is not None]
        return _inline([("", v) for v in values], "[]") if values else None
    return Value(repr(value), str(value))


def flatten(obj: object, lang: str, prefix: str = "", skip: Iterable[str] = ()) -> dict[str, Value]:
    """The facts of ``obj`` by dotted path, in field order; ``skip`` names top-level fields."""
    out: dict[str, Value] = {}
    _walk(obj, prefix, lang, out, frozenset(skip) | SKIPPED)
    return out


def _walk(obj: object, path: str, lang: str, out: dict[str, Value], skip: frozenset[str]) -> None:
    if isinstance(obj, BaseModel) and not isinstance(obj, Bilingual):
        for name in type(obj).model_fields:
            if name not in skip:
                _walk(getattr(obj, name), f"{path}.{name}" if path else name, lang, out, SKIPPED)
        return
    if isinstance(obj, dict):
        for key, value in obj.items():
            _walk(value, f"{path}.{key}" if path else str(key), lang, out, SKIPPED)
        return
    value = leaf(obj, lang)
    if value is not None:
        out[path] = value


def inherited(values: dict[str, Value]) -> dict[str, Value]:
    """The same facts, marked as taken over from a ``same_as`` parent."""
    return {k: replace(v, inherited=True) for k, v in values.items()}
