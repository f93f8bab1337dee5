"""Actuals as tables (CSV, xlsx): one row a KPI, read into the same plain
document an ``Actuals`` YAML file gives, with a cell map for positions.

Placeholder until the table readers land: every table file is reported as
not yet supported.
"""

from __future__ import annotations

from cascade.diagnostics import Diagnostic, Level
from cascade.load.reader import ReadResult


def read_table(data: bytes, file: str) -> ReadResult:
    """Read a CSV or xlsx actuals file."""
    message = "actuals tables (CSV, xlsx) are not supported yet; use an Actuals YAML file"
    return ReadResult(
        file, diagnostics=[Diagnostic(file, 1, 1, "LOAD009", Level.ERROR, message)], cells={}
    )
