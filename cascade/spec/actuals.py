"""``kind: Actuals`` — results for one period (see SCORING.md)."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field

from cascade.periods import PERIOD_PATTERN
from cascade.spec.common import (
    Bilingual,
    Dec,
    Id,
    NonNegative,
    Ref,
    SpecModel,
    Text,
    Version,
    d,
    text_of,
)


def _shows_nothing(text: str) -> bool:
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def _blank_is_none(text: str | None) -> str | None:
    """Evidence that shows nothing (spaces, zero-width characters) is no evidence."""
    return None if text is None or _shows_nothing(text) else text


def _blank_remark_is_none(text: str | Bilingual | None) -> str | Bilingual | None:
    """A remark that shows nothing in either language explains nothing (SCR004)."""
    if text is None or (
        _shows_nothing(text_of(text, "th")) and _shows_nothing(text_of(text, "en"))
    ):
        return None
    return text


Evidence = Annotated[str | None, AfterValidator(_blank_is_none)]
"""A link or file name; blank counts as none (ACT004, ``cascade status``)."""

Remark = Annotated[Text | None, AfterValidator(_blank_remark_is_none)]
"""Why a result is what it is; blank counts as none (SCR004)."""


class Result(SpecModel):
    """The result of one KPI for the period."""

    kpi: Ref = Field(description=d("KPI, qualified: LAW/2-1.", "ตัวชี้วัด"))
    value: Dec | None = Field(None, description=d("Result value.", "ผลการดำเนินงาน"))
    level: NonNegative | None = Field(
        None, description=d("Milestone level reached.", "ระดับขั้นความสำเร็จ")
    )
    values: dict[str, Dec] = Field(
        default_factory=dict, description=d("Formula variables.", "ตัวแปรตามสูตร")
    )
    status: Literal["reported", "n/a"] | None = Field(
        None, description=d("reported | n/a.", "สถานะ")
    )
    evidence: Evidence = Field(None, description=d("Evidence link.", "หลักฐาน"))
    remark: Remark = Field(None, description=d("Remark.", "หมายเหตุ"))


class PersonComponents(SpecModel):
    """Other components of a person's evaluation, in percent."""

    model_config = ConfigDict(extra="allow", frozen=True)

    person: Id = Field(description=d("Person id.", "รหัสบุคคล"))
    competency: Dec | None = Field(None, description=d("Competency (%).", "สมรรถนะ (ร้อยละ)"))


class Actuals(SpecModel):
    """Actual results for a period."""

    kind: Literal["Actuals"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    period: str = Field(
        pattern=PERIOD_PATTERN,
        description=d("Period: 2569-Q2, 2569-H1, 2569-M06 or 2569.", "รอบการประเมิน"),
    )
    results: list[Result] = Field(default_factory=list, description=d("Results.", "ผลการดำเนินงาน"))
    people: list[PersonComponents] = Field(
        default_factory=list, description=d("People's other components.", "องค์ประกอบอื่นของบุคคล")
    )
