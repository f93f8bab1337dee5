"""``--help`` never breaks a line inside a command name ("cascade" / "validate")."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main

from cascade.cli.app import app, main


def _commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every command with its words, the app itself first (typer vendors click:
    the commands are recognised by their ``commands``, not by class)."""
    found = [(path, command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, (*path, name))
    return found


COMMANDS = _commands(typer.main.get_command(app))
NAMES = sorted({name for path, _ in COMMANDS for name in path}, key=len, reverse=True)
BROKEN = re.compile(r"\bcascade((?: [a-z_-]+)*)\n *(" + "|".join(map(re.escape, NAMES)) + r")\b")


def _help(path: tuple[str, ...], command: Any) -> str:
    with command.make_context(" ".join(("cascade", *path)), [], resilient_parsing=True) as ctx:
        text: str = ctx.get_help()
    return text


def test_every_command_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    known = {("validate",), ("new", "agreement"), ("import", "xlsx"), ("export", "docx")}
    assert known <= set(dict(COMMANDS))  # nested groups are walked too
    assert main(["validate", "--help"]) == 0
    validate = dict(COMMANDS)[("validate",)]
    assert capsys.readouterr().out == _help(("validate",), validate) + "\n"


@pytest.mark.parametrize("width", [50, 56, 64, 72, 80, 100, 120])
def test_no_line_breaks_inside_a_command_name(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    broken = [
        (path, found.group(0))
        for path, command in COMMANDS
        for found in BROKEN.finditer(_help(path, command))
    ]
    assert broken == []
