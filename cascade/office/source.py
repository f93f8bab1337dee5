"""What an importer read from a form, before it becomes YAML: KPIs as the
cells that name their fields (each with its place, ``KPI!C7`` or ``table 2,
row 3``), the dimension sections they sit in, and the problems met."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from cascade.load.table_format import column_letter
from cascade.office.values import number, plain


@dataclass(frozen=True, slots=True)
class Cell:
    """A value as written in the source and where it is."""

    text: str
    place: str


@dataclass(frozen=True, slots=True)
class Problem:
    """Something of the source cascade could not use, and where."""

    place: str
    message: str

    def line(self) -> str:
        """The problem as one line of output."""
        return f"{self.place}: {self.message}"


@dataclass(frozen=True, slots=True)
class Section:
    """A dimension section row: ``มิติที่ 1 ด้านประสิทธิผล (น้ำหนักร้อยละ 60)``."""

    number: str | None
    name: str
    weight: Decimal | None
    place: str


@dataclass(slots=True)
class Found:
    """One KPI as read: field → cell, criteria level → cell, its section."""

    place: str
    cells: dict[str, Cell] = field(default_factory=dict)
    levels: dict[int, Cell] = field(default_factory=dict)
    section: Section | None = None


@dataclass(slots=True)
class Source:
    """Everything read from one file."""

    file: str
    kpis: list[Found] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    framework: str | None = None
    problems: list[Problem] = field(default_factory=list)
    goals: list[dict[str, Cell]] = field(default_factory=list)
    signers: list[dict[str, Cell]] = field(default_factory=list)

    def problem(self, place: str, message: str) -> None:
        """Note a problem at ``place``."""
        self.problems.append(Problem(place, message))


def cell_place(sheet: str, row: int, column: int) -> str:
    """A workbook position as the actuals tables write it: ``KPI!C7``."""
    return f"{sheet}!{column_letter(column)}{row}"


_SECTION = re.compile(
    r"^(?:มิติ(?:ที่)?|ด้านที่|dimension|perspective)\s*([0-9]+|[A-Za-z](?=\s))?\s*[:.\-]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_SECTION_WEIGHT = re.compile(
    r"[(\[]\s*(?:น้ำหนัก|weight)\s*(?:ร้อยละ)?\s*[:=]?\s*([0-9][0-9.,]*)\s*%?\s*[)\]]\s*$",
    re.IGNORECASE,
)
_FRAMEWORK = re.compile(r"^(?:กรอบการประเมิน(?:ผล)?|framework)\s*[:：]\s*(\S+)\s*$", re.IGNORECASE)


def section_of(text: str, place: str) -> Section | None:
    """A dimension section in ``text`` (with its weight in brackets), or ``None``."""
    written = plain(text)
    found = _SECTION.match(written)
    if found is None:
        return None
    name = found.group(2).strip()
    weight = None
    bracket = _SECTION_WEIGHT.search(name)
    if bracket is not None:
        weight = number(bracket.group(1))
        name = name[: bracket.start()].strip()
    return Section(found.group(1), name, weight, place)


def framework_of(text: str) -> str | None:
    """The framework id of a ``กรอบการประเมิน: OPDC-2556`` line, or ``None``."""
    found = _FRAMEWORK.match(plain(text))
    return found.group(1) if found else None
