"""The one range of numbers (``cascade.numbers``): what is accepted, what is
refused and in which words, and what the command line does with it."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from cascade import numbers
from cascade.cli.app import main
from tests.conftest import ROOT, make_plan

PLAN = str(ROOT / "plans" / "probation")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("80", "80"),
        ("-2.5", "-2.5"),
        ("+5", "5"),
        (".5", "0.5"),
        ("1e3", "1E+3"),
        ("12.50", "12.50"),  # as written: trailing zeros kept
        (" 7 ", "7"),
        ("-0", "0"),  # minus zero is zero
        ("-0.000", "0.000"),
        ("999999999999999999.9999999999", "999999999999999999.9999999999"),  # the largest
        ("1.50000000000000000000", "1.50000000000000000000"),  # zeros are no extra places
    ],
)
def test_numbers_in_the_range_are_exact(text: str, value: str) -> None:
    got = numbers.parse(text)
    assert str(got) == value
    assert not got.is_signed() or not got.is_zero()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("NaN", "'NaN' is not a number"),
        ("inf", "'inf' is not a number"),
        ("-Infinity", "'-Infinity' is not a number"),
        ("1_000", "'1_000' is not a number"),  # Python's digit separators are not YAML's
        ("0x10", "'0x10' is not a number"),
        ("", "'' is not a number"),
        ("๘๐", "'๘๐' is written with other digits; write 80"),
        ("１２.５", "'１２.５' is written with other digits; write 12.5"),
        ("1e400", f"'1e400' is too large; numbers are {numbers.RANGE}"),
        (
            "1000000000000000000",
            "'1000000000000000000' is too large; numbers are below 10^18 in size, "
            "at most 10 decimal places",
        ),
        (
            "0.00000000001",
            "'0.00000000001' has too many decimal places; numbers are below 10^18 in size, "
            "at most 10 decimal places",
        ),
        (
            "9" * 1_000_000,
            f"'{'9' * 20}…{'9' * 10} (1000000 characters)' is beyond the numbers cascade "
            "accepts (below 10^18 in size, at most 10 decimal places)",
        ),
    ],
)
def test_numbers_beyond_the_range_are_refused_in_plain_words(text: str, message: str) -> None:
    with pytest.raises(numbers.NumberError) as caught:
        numbers.parse(text)
    assert str(caught.value) == message


def test_check_takes_decimals_and_keeps_them_exact() -> None:
    assert numbers.check(D("-0E+3")) == 0
    assert str(numbers.check(D("-0E+3"))) == "0E+3"
    with pytest.raises(numbers.NumberError, match=r"^'sNaN' is not a finite number$"):
        numbers.check(D("sNaN"))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--score", "NaN", "Invalid value for --score: 'NaN' is not a number, e.g. 4.5"),
        ("--score", "1e999999", "Invalid value for --score: '1e999999' is too large;"),
        ("--score", "๔.๕", "Invalid value for --score: '๔.๕' is written with other digits;"),
        ("--total", "inf", "Invalid value for --total: 'inf' is not a number, e.g. 4.5"),
    ],
)
def test_whatif_refuses_what_is_not_a_number(
    option: str, value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["whatif", "LAW/2-5", option, value, "-p", "2569-Q2", "--plan", PLAN]
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert message in " ".join(err.split())
    assert "Traceback" not in err


def test_minus_zero_in_actuals_scores_and_prints_as_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = "kind: Actuals\nperiod: 2569-Q2\nresults:\n  - {kpi: ORG/1, value: -0}\n"
    root = make_plan(tmp_path, {"actuals/2569-Q2.yaml": actuals})
    out_dir = tmp_path / "out"
    argv = ["score", str(root), "-p", "2569-Q2", "-f", "json", "-o", str(out_dir)]
    code, _, _ = run(argv, capsys)
    assert code == 0
    data = json.loads((out_dir / "scorecards-2569-Q2.json").read_text(encoding="utf-8"))
    (line,) = [ln for c in data["scorecards"] if c["party"] == "ORG" for ln in c["kpis"]][:1]
    assert line["result"] == "0"
