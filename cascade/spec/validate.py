"""Turn plain documents into spec models; pydantic errors become findings.

Every error of a document is reported, not the first: unknown keys with a
"did you mean" from the keys that model knows, missing keys at the mapping
that lacks them, and bad values at the value, in plain words.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cascade.checks.plan import INVALID_VALUE, MISSING_KEY, MISSING_KIND, UNKNOWN_KEY, UNKNOWN_KIND
from cascade.diagnostics import DocPath, Finding, did_you_mean
from cascade.periods import BE_DATE_PATTERN, PERIOD_PATTERN, be_date_problem
from cascade.spec import KINDS, SpecModel

_KIND_OF = {
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "list_type": "a list",
    "string_type": "text",
}
_PLAIN = {
    "decimal_parsing": "'{input}' is not a number",
    "decimal_type": "'{input}' is not a number",
    "finite_number": "'{input}' is not a finite number",
    "int_parsing": "'{input}' is not a whole number",
    "int_from_float": "'{input}' is not a whole number",
    "bool_parsing": "'{input}' is not true or false",
    "string_pattern_mismatch": "'{input}' is not a valid id (no spaces or '/')",
    "string_too_short": "the text is empty",
    "too_short": "the list needs more items",
    "greater_than_equal": "'{input}' is below the smallest allowed value, {ge}",
    "less_than_equal": "'{input}' is above the largest allowed value, {le}",
    "greater_than": "'{input}' must be greater than {gt}",
    "less_than": "'{input}' must be less than {lt}",
}
_PATTERNS: dict[str, Callable[[str], str]] = {
    BE_DATE_PATTERN: lambda shown: str(be_date_problem(shown)),
    PERIOD_PATTERN: lambda shown: (
        f"'{shown}' is not a period; write 2569-Q2, 2569-H1, 2569-M04 or 2569"
    ),
}
"""Messages for the patterns that are not ids: dates and periods."""
_HINTS = {
    "fiscal_year": "fiscal years are Buddhist era: 2026 + 543 = 2569",
}
_TYPE_NAMES = {"dict": "a mapping", "list": "a list", "str": "text", "NoneType": "nothing"}


@dataclass(frozen=True, slots=True)
class SpecDoc:
    """A validated document and where it came from."""

    file: str
    doc: int
    model: SpecModel


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (through Annotated, unions)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _keys_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found by following ``loc`` from ``model``."""
    current: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for typ in current:
            origin = typing.get_origin(typ)
            if isinstance(typ, type) and issubclass(typ, BaseModel):
                field = typ.model_fields.get(str(part))
                if field is not None:
                    following.extend(_unwrap(field.annotation))
                else:
                    following.append(typ)  # a union tag: stay on this model
            elif origin is list and isinstance(part, int):
                following.extend(_unwrap(typing.get_args(typ)[0]))
            elif origin is dict:
                following.extend(_unwrap(typing.get_args(typ)[1]))
        current = following
    return sorted(
        {
            name
            for typ in current
            if isinstance(typ, type) and issubclass(typ, BaseModel)
            for name in typ.model_fields
        }
    )


def _error_finding(error: ErrorDetails, model: type[BaseModel], file: str, doc: int) -> Finding:
    loc = tuple(error["loc"])
    kind = error["type"]
    shown = str(error.get("input"))[:60]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = did_you_mean(key, _keys_at(model, loc[:-1]))
        return Finding(f"unknown key '{key}'", file, doc, UNKNOWN_KEY.code, loc, True, hint)
    if kind == "missing":
        message = f"missing required key '{loc[-1]}'"
        return Finding(message, file, doc, MISSING_KEY.code, loc[:-1], False)
    at_key = bool(loc) and loc[-1] == "[key]"
    path: DocPath = tuple(p for p in loc if p != "[key]")
    if kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        message = f"'{shown}' is not allowed here; use {expected}"
        hint = did_you_mean(shown, options)
        return Finding(message, file, doc, INVALID_VALUE.code, path, at_key, hint)
    if kind in _KIND_OF:
        found = type(error.get("input")).__name__
        found = f"'{shown}'" if found == "str" else _TYPE_NAMES.get(found, found)
        message = f"expected {_KIND_OF[kind]}, found {found}"
    elif (pattern := str((error.get("ctx") or {}).get("pattern"))) in _PATTERNS:
        message = _PATTERNS[pattern](shown)
    elif kind in _PLAIN:
        message = _PLAIN[kind].format(input=shown, **(error.get("ctx") or {}))
    else:
        message = error["msg"].removeprefix("Value error, ")
    hint = _HINTS.get(str(path[-1]), "") if path else ""
    return Finding(message, file, doc, INVALID_VALUE.code, path, at_key, hint)


MAX_SCHEMA_PROBLEMS = 1_000
"""The most schema problems reported for one document; one more says how many were left."""


def validate_document(data: Any, file: str, doc: int) -> tuple[SpecDoc | None, list[Finding]]:
    """Validate one plain document against the model of its ``kind``."""
    if not isinstance(data, dict) or "kind" not in data:
        msg = "a plan document must be a mapping that starts with 'kind:'"
        return None, [Finding(msg, file, doc, MISSING_KIND.code)]
    kind = data["kind"]
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        hint = did_you_mean(str(kind), KINDS)
        msg = f"unknown kind '{kind}'; known kinds: {', '.join(KINDS)}"
        return None, [Finding(msg, file, doc, UNKNOWN_KIND.code, ("kind",), False, hint)]
    try:
        return SpecDoc(file, doc, model.model_validate(data)), []
    except ValidationError as exc:
        errors = exc.errors()
        found = [_error_finding(err, model, file, doc) for err in errors[:MAX_SCHEMA_PROBLEMS]]
        if len(errors) > MAX_SCHEMA_PROBLEMS:  # 500,000 broken KPIs would print for minutes
            more = len(errors) - MAX_SCHEMA_PROBLEMS
            last = found[-1]
            msg = f"and {more:,} more problems in this document; fix the ones above first"
            found.append(Finding(msg, file, doc, last.code, last.path, last.at_key))
        return None, found
