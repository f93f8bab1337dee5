"""The reporter registry and ``pick``."""

from __future__ import annotations

import io

import pytest

from cascade.reporters import CHOICES, REPORTERS, pick
from cascade.result import RunResult


def test_registry_names() -> None:
    assert list(REPORTERS) == ["text", "parsable", "github", "json", "sarif", "junit", "gitlab"]
    assert ("auto", *REPORTERS) == CHOICES


@pytest.mark.parametrize("fmt", [None, "auto"])
def test_pick_auto_outside_github(fmt: str | None) -> None:
    assert pick(fmt, {}) == "text"
    assert pick(fmt, {"GITHUB_ACTIONS": "false"}) == "text"
    assert pick(fmt, {"GITHUB_ACTIONS": ""}) == "text"


@pytest.mark.parametrize("fmt", [None, "auto"])
def test_pick_auto_inside_github(fmt: str | None) -> None:
    assert pick(fmt, {"GITHUB_ACTIONS": "true", "CI": "true"}) == "github"


@pytest.mark.parametrize("fmt", ["text", "parsable", "github", "json", "sarif", "junit", "gitlab"])
def test_pick_explicit_wins(fmt: str) -> None:
    assert pick(fmt, {"GITHUB_ACTIONS": "true"}) == fmt
    assert pick(fmt, {}) == fmt


def test_pick_unknown() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        pick("xml", {})


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_every_reporter_renders_an_empty_result(fmt: str) -> None:
    out = io.StringIO()
    REPORTERS[fmt](RunResult(root="."), out)
    REPORTERS[fmt](RunResult(root="."), out, color=True)
