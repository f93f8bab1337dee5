"""Valid and invalid plan folders, picked up and parametrized automatically.

* ``tests/data/plans/valid/<name>/`` must validate with no diagnostic at all.
* ``tests/data/plans/invalid/<case>/`` holds ``case.yaml``::

      about: what the case shows
      base: minimal            # a valid plan to start from (default: minimal; none: no base)
      expect:                  # exactly these diagnostics, as CODE file:line:column
        - WGT001 agreements/ORG.yaml:6:1

  and the files that replace or add to the base's (same relative paths).
  A file ``<name>.delete`` removes ``<name>`` from the base.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cascade.engine import validate_plan
from tests.cases import assemble
from tests.conftest import DATA, keys

VALID = sorted(p for p in (DATA / "plans" / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (DATA / "plans" / "invalid").iterdir() if p.is_dir())
EXAMPLES = sorted(p for p in (Path(__file__).parent.parent / "plans").iterdir() if p.is_dir())


def _parse(line: str) -> tuple[str, str, int, int]:
    code, place = line.split(maxsplit=1)
    file, row, col = place.rsplit(":", 2)
    return code, file, int(row), int(col)


@pytest.mark.parametrize("plan", VALID + EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_plans_are_clean(plan: Path) -> None:
    result = validate_plan(plan)
    assert [d.format() for d in result.diagnostics] == []
    assert result.exit_code(strict=True) == 0


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    result = validate_plan(assemble(case, tmp_path))
    expected = sorted(_parse(line) for line in spec["expect"])
    assert sorted(keys(result)) == expected, "\n".join(d.format() for d in result.diagnostics)
    assert result.exit_code(strict=True) == 1
