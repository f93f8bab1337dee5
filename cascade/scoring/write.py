"""A score run written out: to ``OUT/scorecards-<period>.<format>`` in json
or yaml (plain data, see serialize.py), csv or xlsx (flat rows, see
export.py), or as text for stdout (json, yaml, csv) so it can be piped."""

from __future__ import annotations

import json
from pathlib import Path

from cascade.fileio import atomic_write
from cascade.scoring import export
from cascade.scoring.scorecard import ScoreRun
from cascade.scoring.serialize import ROW_HEADER, to_data, to_rows

FORMATS = ("json", "yaml", "csv", "xlsx")
TEXT_FORMATS = ("json", "yaml", "csv")
"""The formats that can go to stdout (xlsx is a binary file)."""


def scorecards_text(run: ScoreRun, fmt: str, lang: str) -> str:
    """``run`` as json, yaml or csv text, the same as the file would hold
    (csv without the byte-order mark Excel needs, which pipes do not want)."""
    if fmt == "json":
        return json.dumps(to_data(run, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        import yaml

        text: str = yaml.safe_dump(to_data(run, lang), allow_unicode=True, sort_keys=False)
        return text
    if fmt == "csv":
        return export.csv_text(ROW_HEADER, to_rows(run)).removeprefix("\ufeff")
    raise ValueError(f"no text scorecard format '{fmt}'; choose one of {', '.join(TEXT_FORMATS)}")


def write_scorecards(run: ScoreRun, fmt: str, out: Path, lang: str) -> Path:
    """Write ``run`` into the folder ``out`` in ``fmt`` (one of :data:`FORMATS`),
    atomically; the path written."""
    path = out / f"scorecards-{run.period}.{fmt}"
    if fmt in ("json", "yaml"):
        atomic_write(path, scorecards_text(run, fmt, lang))
    elif fmt == "csv":
        export.write_csv(path, ROW_HEADER, to_rows(run))
    elif fmt == "xlsx":
        export.write_xlsx(path, ROW_HEADER, to_rows(run), run.period)
    else:
        raise ValueError(f"no scorecard format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return path
