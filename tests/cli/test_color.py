"""Colour: on a terminal every command may colour, and none does with ``NO_COLOR`` set.

The streams are terminals here (``isatty`` is true), so the only thing
between a command and its ANSI colour codes is ``NO_COLOR``
(https://no-color.org): the reporters, the scorecard tables, the error
handler and rich's progress bar all have to honour it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from cascade.cli.app import main
from cascade.cli.color import use_color
from tests.conftest import MINIMAL, ROOT, make_plan

SGR = re.compile(r"\x1b\[[0-9;]*m")
"""An ANSI "select graphic rendition" sequence: what colours and bolds text."""
PLAN = str(ROOT / "plans" / "probation")


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _run(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Both streams of ``cascade argv`` run on terminals, joined."""
    out, err = Terminal(), Terminal()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.delenv("CI", raising=False)  # the progress bar too
    main(argv)
    return out.getvalue() + err.getvalue()


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    broken = make_plan(tmp_path, {"extra.yaml": "kind: Agrement\n"})
    refused = tmp_path / "dup.yaml"
    refused.write_text("kind: People\nkind: People\n", encoding="utf-8")
    return {
        "validate (report, progress bar)": ["validate", str(MINIMAL), "--no-cache"],
        "validate with errors": ["validate", str(broken), "--no-cache"],
        "score (tables)": ["score", PLAN, "-p", "2569-Q2", "--party", "LAW"],
        "score of a plan with errors (the error handler)": ["score", str(broken), "-p", "2569"],
        "fmt refusing a file": ["fmt", str(refused)],
    }


def test_every_command_is_colourless_with_no_color_and_coloured_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, argv in _commands(tmp_path).items():
        monkeypatch.setenv("NO_COLOR", "1")
        assert SGR.findall(_run(argv, monkeypatch)) == [], name
        monkeypatch.delenv("NO_COLOR")
        assert SGR.search(_run(argv, monkeypatch)), name


@pytest.mark.parametrize(
    ("environ", "tty", "colour"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),
    ],
)
def test_use_color(
    environ: dict[str, str], tty: bool, colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    assert use_color(Terminal() if tty else io.StringIO()) is colour
