"""Hand-built run results for the reporter tests, and a helper that renders them."""

from __future__ import annotations

import io
from pathlib import Path

from cascade.diagnostics import Diagnostic, Level, Location
from cascade.reporters import REPORTERS
from cascade.result import RunResult

GOLDEN = Path(__file__).parent / "golden"

SAMPLE = RunResult(
    root="plans",
    files=("agreements/LAW.yaml", "people/สมชาย.yaml", "strategy.yaml"),
    diagnostics=(
        Diagnostic(
            file="agreements/LAW.yaml",
            line=3,
            column=5,
            code="KPI003",
            level=Level.ERROR,
            message="น้ำหนักรวม 95 ไม่เท่ากับ 100",
            name="weight-sum",
            end_line=3,
            end_column=9,
        ),
        Diagnostic(
            file="agreements/LAW.yaml",
            line=7,
            column=3,
            code="SPEC001",
            level=Level.ERROR,
            message="unknown key 'wieght'",
            name="unknown-key",
            hint="did you mean 'weight'?",
        ),
        Diagnostic(
            file="people/สมชาย.yaml",
            line=0,
            column=0,
            code="YAML001",
            level=Level.ERROR,
            message="cannot read the file: 100% of it is binary, not text",
            name="unreadable",
        ),
        Diagnostic(
            file="strategy.yaml",
            line=12,
            column=7,
            code="GRAPH002",
            level=Level.WARNING,
            message="เป้าประสงค์ G1 ถูกกำหนดซ้ำ",
            name="duplicate-id",
            related=(Location("agreements/LAW.yaml", 2, 3, "first defined here"),),
        ),
    ),
    notes=("semantic rules were skipped because 1 file does not parse",),
)

CLEAN = RunResult(root="plans", files=("agreements/LAW.yaml", "strategy.yaml"))

GOLDEN_NAMES = {
    "text": "txt",
    "parsable": "txt",
    "github": "txt",
    "json": "json",
    "sarif": "sarif",
    "junit": "xml",
    "gitlab": "json",
}


def render(fmt: str, result: RunResult, color: bool = False) -> str:
    """What the reporter ``fmt`` writes for ``result``."""
    out = io.StringIO()
    REPORTERS[fmt](result, out, color=color)
    return out.getvalue()
