"""Building blocks shared by every kind: the base model, ids, exact numbers,
bilingual text and weight expressions.

Scalars arrive from the loader as the strings that were written; these types
convert them per field, exactly (``Decimal``, never float).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
)

from cascade import numbers
from cascade.expr import _PLAIN_NUMBER, ExpressionError, parse_expression
from cascade.periods import BE_DATE_PATTERN, be_date_problem
from cascade.visible import control_problem, id_problem


def d(en: str, th: str) -> str:
    """A field description in English and Thai (hover help in editors)."""
    return f"{en}\n\n{th}"


class SpecModel(BaseModel):
    """Base of every spec model: unknown keys are errors, values are exact."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


# No description here: in an editor's hover the field's own bilingual description
# must win over the shared branch of ``anyOf`` (an optional reference).
_ID_SCHEMA = WithJsonSchema({"type": ["string", "number"]})


def _id_characters(value: str) -> str:
    """An id holds only characters that look like themselves (:mod:`cascade.visible`)."""
    problem = id_problem(value)
    if problem:
        raise ValueError(problem)
    return value


_ID_CHARACTERS = AfterValidator(_id_characters)

Id = Annotated[str, Field(min_length=1, pattern=r"^[^\s/]+$"), _ID_CHARACTERS, _ID_SCHEMA]
"""An id: short text without spaces or '/' (``G1``, ``1.10``, ``2-4``, ``LAW``)."""

Ref = Annotated[
    str, Field(min_length=1, pattern=r"^[^\s/]+(/[^\s/]+)?$"), _ID_CHARACTERS, _ID_SCHEMA
]
"""A reference by id, optionally qualified by party: ``1.1`` or ``DOP/1.1``."""


def _number(value: Any) -> Any:
    """A written number in the range of :mod:`cascade.numbers`, or a plain error."""
    if isinstance(value, str):
        return numbers.parse(value)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return numbers.check(Decimal(value))
    return value


Dec = Annotated[Decimal, Field(allow_inf_nan=False), BeforeValidator(_number)]
"""An exact decimal number within the range of :mod:`cascade.numbers`."""

NonNegative = Annotated[Decimal, Field(allow_inf_nan=False, ge=0), BeforeValidator(_number)]
"""A :data:`Dec` that is 0 or more (the bound inside, so the JSON Schema says ``minimum``)."""


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


RefList = Annotated[list[Ref], BeforeValidator(_listify)]
IdList = Annotated[list[Id], BeforeValidator(_listify)]


def _shown_as_written(value: str) -> str:
    problem = control_problem(value)
    if problem:
        raise ValueError(problem)
    return unicodedata.normalize("NFC", value)


Plain = Annotated[str, AfterValidator(_shown_as_written)]
"""Text without control characters (:func:`cascade.visible.control_problem`), in
Unicode's NFC form: two names that differ only in how their marks were typed
(a Thai tone mark before or after its vowel) are the same name."""


class Bilingual(SpecModel):
    """Text in Thai and/or English; reports pick by ``--lang``."""

    th: Plain | None = Field(None, description=d("Thai text.", "ข้อความภาษาไทย"))
    en: Plain | None = Field(None, description=d("English text.", "ข้อความภาษาอังกฤษ"))


def _text_tag(value: Any) -> str:
    return "text" if isinstance(value, str) else "bilingual"


Text = Annotated[
    Annotated[Plain, Tag("text")] | Annotated[Bilingual, Tag("bilingual")],
    Discriminator(_text_tag),
]
"""Free text, or ``{th: …, en: …}``."""


def _check_expression(value: str) -> str:
    if _PLAIN_NUMBER.match(value):
        return value
    try:
        parse_expression(value)
    except ExpressionError as exc:
        shown = value if len(value) <= 60 else f"{value[:40]}…"
        raise ValueError(f"'{shown}' is not a valid weight expression: {exc}") from None
    return value


Weight = Annotated[
    str,
    AfterValidator(_check_expression),
    WithJsonSchema(
        {
            "type": ["number", "string"],
            "description": "a number or an expression over plan params, e.g. 30 + A",
        }
    ),
]
"""A weight: a number, or an expression over plan ``params`` (``30 + A``)."""

Version = Literal["cascade/v1"]


def _check_be_date(value: str) -> str:
    problem = be_date_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


BeDate = Annotated[
    str,
    Field(pattern=BE_DATE_PATTERN),
    AfterValidator(_check_be_date),
]
"""A date in the Buddhist era, written ``YYYY-MM-DD``: ``2568-10-01`` is 1 Oct 2025."""


def text_of(text: str | Bilingual | None, lang: str = "th") -> str:
    """The text in ``lang``, falling back to the other language."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    other = text.en if lang == "th" else text.th
    return (text.th if lang == "th" else text.en) or other or ""


class Contact(SpecModel):
    """A person responsible for a KPI, with a phone number."""

    name: Text = Field(description=d("Full name.", "ชื่อ-นามสกุล"))
    position: Text | None = Field(None, description=d("Position title.", "ตำแหน่ง"))
    phone: str | None = Field(None, description=d("Phone number.", "หมายเลขโทรศัพท์"))
    email: str | None = Field(None, description=d("E-mail address.", "อีเมล"))
