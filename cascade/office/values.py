"""Reading the values planners type into forms: numbers written as text
(``ร้อยละ 80``, ``80%``, ``1,000``, Thai digits), ids at the start of a KPI
name, weights with params, criteria in one cell, year/month pairs, contacts."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from cascade.expr import ExpressionError, parse_expression
from cascade.office.words import THAI_DIGITS

_NUMBER = re.compile(
    r"^(?:ร้อยละ|ระดับ(?:ที่)?|จำนวน|ไม่น้อยกว่า|ไม่เกิน|อย่างน้อย|level|at least|>=|≥|<=|≤|=)?"
    r"\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*"
    r"(?:%|ร้อยละ|คะแนน|ระดับ|บาท|วัน|ครั้ง|คน|ชั่วโมง|เรื่อง|แห่ง|points?|percent|baht|days)?$",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"^(?:ร้อยละ|.*%$|.*percent$)", re.IGNORECASE)


def plain(text: str) -> str:
    """Text with Thai digits as Arabic ones and runs of spaces as one."""
    return " ".join(text.translate(THAI_DIGITS).split())


def number(text: str) -> Decimal | None:
    """The number a cell says (``80``, ``ร้อยละ 80``, ``80%``, ``1,000``, ``๘๐``), or ``None``."""
    found = _NUMBER.match(plain(text))
    if found is None:
        return None
    digits = found.group(1).replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def is_percent(text: str) -> bool:
    """Whether a number was written as a percentage (``ร้อยละ 80``, ``80%``)."""
    return bool(_PERCENT.match(plain(text)))


def weight(text: str) -> Decimal | str | None:
    """A weight: a number, or an expression over params (``30 + A``, ``(27-A)``)."""
    found = number(text)
    if found is not None:
        return found
    written = plain(text)
    while written.startswith("(") and written.endswith(")"):
        written = written[1:-1].strip()
    if not re.search(r"\d", written) or not re.search(r"[-+*/]", written):
        return None
    try:
        parse_expression(written)
    except ExpressionError:
        return None
    return written


_ID_FIRST = re.compile(
    r"^(?:ตัวชี้วัดที่|ตัวชี้วัด|kpi|no\.?)?\s*(?=[^\s]*\d)([0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*)"
    r"[.):]?\s+(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ID = re.compile(r"^[^\s/]+$")


def split_id(name: str) -> tuple[str | None, str]:
    """An id written at the start of a KPI name (``1.1 ร้อยละของ…``) and the rest."""
    found = _ID_FIRST.match(name.translate(THAI_DIGITS).strip())
    if found is None:
        return None, name.strip()
    return found.group(1), name.strip()[found.start(2) :].strip()


def kpi_id(text: str) -> str | None:
    """An id as cascade takes it (no spaces, no ``/``); ``1.0`` typed as a number stays ``1.0``."""
    written = plain(text).removeprefix("ตัวชี้วัดที่").strip().rstrip(".)")
    return written if _ID.match(written) else None


def refs(text: str) -> list[str] | None:
    """A list of ids or references (``DOP/1.1, DOP/1.2``), or ``None`` if one is not an id."""
    items = [item for item in re.split(r"[,;\s]+", plain(text)) if item]
    if not all(re.match(r"^[^\s/]+(/[^\s/]+)?$", item) for item in items):
        return None
    return items


_LEVEL_LINE = re.compile(
    r"(?:^|(?<=[\s,;]))(?:(?:ระดับ(?:ที่)?|ระดับคะแนน|level)\s*([1-9])\s*[:=)\-.]?\s*"
    r"|([1-9])\s*(?:คะแนน)?\s*[:=)]\s*)",
    re.IGNORECASE,
)


def criteria_cell(text: str) -> dict[int, str] | None:
    """Five levels written in one cell, or ``None``.

    ``ระดับ 1 … ระดับ 2 …`` or ``1: … 2: …`` (one per line or not), or five
    values in a row: ``60 / 70 / 80 / 90 / 100``, ``60, 70, 80, 90, 100``.
    """
    written = text.translate(THAI_DIGITS).strip()
    marks = list(_LEVEL_LINE.finditer(written))
    levels = [int(mark.group(1) or mark.group(2)) for mark in marks]
    if len(marks) >= 2 and levels == list(range(1, len(marks) + 1)):
        out: dict[int, str] = {}
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(written)
            out[levels[index]] = written[mark.end() : end].strip(" ,;\n")
        return out
    items = [item for item in re.split(r"\s*[,/|;]\s*|\s+", plain(written)) if item]
    if len(items) >= 2 and all(number(item) is not None for item in items):
        return {index: item for index, item in enumerate(items, 1)}
    return None


_PAIR = re.compile(r"(\d+)\s*[:=]\s*([-+]?\d[\d,]*(?:\.\d+)?)")


def pairs(text: str) -> dict[int, Decimal] | None:
    """``2566: 78.5, 2567: 81.2`` (baselines, round targets) as a mapping, or ``None``."""
    written = plain(text)
    found = _PAIR.findall(written)
    rest = _PAIR.sub("", written).strip(" ,;")
    if not found or rest:
        return None
    return {int(k): Decimal(v.replace(",", "")) for k, v in found}


_CONTACT_PART = re.compile(
    r"\s*(?:^|\n|,|;)?\s*(ตำแหน่ง|position|โทรศัพท์|โทร\.?|เบอร์ติดต่อ|phone|tel\.?|อีเมล|e-?mail)\s*[:：]?\s*",
    re.IGNORECASE,
)


def contact(text: str) -> dict[str, str] | None:
    """A contact: the name first, then ``ตำแหน่ง: …``, ``โทร …``, ``อีเมล …`` (lines or not)."""
    parts = _CONTACT_PART.split(text.strip())
    name = parts[0].strip(" ,;\n")
    if not name:
        return None
    out = {"name": name}
    for label, value in zip(parts[1::2], parts[2::2], strict=True):
        word = label.casefold().rstrip(".")
        field = (
            "position"
            if word in ("ตำแหน่ง", "position")
            else "email"
            if word in ("อีเมล", "email", "e-mail")
            else "phone"
        )
        if value.strip(" ,;\n"):
            out[field] = value.strip(" ,;\n")
    return out
