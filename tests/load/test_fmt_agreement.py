"""``validate`` and ``fmt`` agree on what is valid, over every plan file of the
tests (``tests/data/plans``, valid and invalid) and every hostile YAML file.

The relation (docs/fmt.md "When a file is refused"): ``fmt`` refuses a file
with exactly the error diagnostics ``validate`` gives for it when reading it
(the LOAD codes: syntax, encoding, duplicate keys, tags…), and a file
``validate`` reads is formatted.  ``fmt``'s own refusal (``FMT001``, a
result that would not read back the same) would be a file ``validate``
accepts and ``fmt`` does not: none of the test plans is one.  Actuals
tables (CSV, xlsx) are not YAML and ``fmt`` leaves them alone.
"""

from __future__ import annotations

import pytest

from cascade.diagnostics import Diagnostic, Level
from cascade.fmt.run import format_one
from cascade.load.files import read_file
from tests.conftest import DATA

FILES = sorted(
    path.relative_to(DATA).as_posix()
    for folder in (DATA / "plans", DATA / "hostile")
    for path in folder.rglob("*.y*ml")
    if path.name not in ("case.yaml", "expected.yaml") and path.suffix in (".yaml", ".yml")
)


def test_the_corpus_holds_valid_and_refused_files() -> None:
    refused = [rel for rel in FILES if not read_file(DATA / rel, rel).ok]
    assert len(FILES) > 240
    assert len(refused) >= 35  # the load*-* cases and the hostile files


@pytest.mark.parametrize("rel", FILES)
def test_fmt_refuses_exactly_what_validate_cannot_read(rel: str) -> None:
    read = read_file(DATA / rel, rel)
    load_errors = [d for d in read.diagnostics if d.level is Level.ERROR]
    outcome = format_one(DATA / rel, rel)
    if isinstance(outcome, Diagnostic):
        refused, fmt_errors = True, [outcome]
    else:
        refused = outcome.after is None
        fmt_errors = [d for d in outcome.diagnostics if d.level is Level.ERROR]
    assert refused == bool(load_errors)
    assert fmt_errors == load_errors
