"""``cascade.scoring.write``: a score run into its file, by format."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.periods import parse_period
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import ScoreRun
from cascade.scoring.write import FORMATS, write_scorecards
from tests.conftest import make_plan

Q2_ACTUALS = "kind: Actuals\nperiod: 2569-Q2\nresults:\n  - {kpi: ORG/1, value: 85}\n"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> ScoreRun:
    root = make_plan(tmp_path_factory.mktemp("plan"), {"actuals/2569-Q2.yaml": Q2_ACTUALS})
    model = check_plan(root).model
    period = parse_period("2569-Q2")
    assert model is not None and period is not None
    return score_plan(model, ScoreOptions(period, "ORG"))[0]


def test_every_format_is_written_by_name(run: ScoreRun, tmp_path: Path) -> None:
    paths = [write_scorecards(run, fmt, tmp_path, "en") for fmt in FORMATS]
    assert paths == [tmp_path / f"scorecards-2569-Q2.{fmt}" for fmt in FORMATS]
    assert all(path.is_file() for path in paths)
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    assert [card["party"] for card in data["scorecards"]] == ["ORG"]


def test_every_format_gets_the_usual_permissions(run: ScoreRun, tmp_path: Path) -> None:
    """0666 less the umask, as any file a program writes: the workbook was 0600 (its
    temp file's mode), so nobody else could open the scorecards."""
    old = os.umask(0o022)
    try:
        paths = [write_scorecards(run, fmt, tmp_path, "en") for fmt in FORMATS]
    finally:
        os.umask(old)
    assert {path.suffix: path.stat().st_mode & 0o777 for path in paths} == {
        f".{fmt}": 0o644 for fmt in FORMATS
    }


def test_an_unknown_format_writes_nothing(run: ScoreRun, tmp_path: Path) -> None:
    with pytest.raises(
        ValueError, match=r"^no scorecard format 'pdf'; choose one of json, yaml, csv, xlsx$"
    ):
        write_scorecards(run, "pdf", tmp_path, "en")
    assert list(tmp_path.iterdir()) == []
