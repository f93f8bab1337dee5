"""``kind: OSMatrix`` — for every organisation KPI, its owner unit (O) and
supporter units (S)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cascade.spec.common import Id, IdList, Ref, SpecModel, Version, d


class OSRow(SpecModel):
    """One organisation KPI with its owner and supporters."""

    kpi: Ref = Field(description=d("Organisation KPI, e.g. DOP/1.1.", "ตัวชี้วัดระดับองค์กร"))
    owner: Id | None = Field(None, description=d("Owner unit (O).", "หน่วยงานเจ้าภาพ (O)"))
    supporters: IdList = Field(
        default_factory=list, description=d("Supporter units (S).", "หน่วยงานสนับสนุน (S)")
    )


class OSMatrix(SpecModel):
    """The Owner/Supporter matrix."""

    kind: Literal["OSMatrix"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    rows: list[OSRow] = Field(default_factory=list, description=d("Rows.", "แถว"))
