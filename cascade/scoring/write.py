"""A score run written to ``OUT/scorecards-<period>.<format>``: json or yaml
(plain data, see serialize.py), csv or xlsx (flat rows, see export.py)."""

from __future__ import annotations

import json
from pathlib import Path

from cascade.fileio import atomic_write
from cascade.scoring import export
from cascade.scoring.scorecard import ScoreRun
from cascade.scoring.serialize import ROW_HEADER, to_data, to_rows

FORMATS = ("json", "yaml", "csv", "xlsx")


def write_scorecards(run: ScoreRun, fmt: str, out: Path, lang: str) -> Path:
    """Write ``run`` into the folder ``out`` in ``fmt`` (one of :data:`FORMATS`),
    atomically; the path written."""
    path = out / f"scorecards-{run.period}.{fmt}"
    if fmt == "json":
        text = json.dumps(to_data(run, lang), ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text)
    elif fmt == "yaml":
        import yaml

        atomic_write(path, yaml.safe_dump(to_data(run, lang), allow_unicode=True, sort_keys=False))
    elif fmt == "csv":
        export.write_csv(path, ROW_HEADER, to_rows(run))
    elif fmt == "xlsx":
        export.write_xlsx(path, ROW_HEADER, to_rows(run), run.period)
    else:
        raise ValueError(f"no scorecard format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return path
