"""What the install offers: shell completion, and PDF only with the ``[pdf]`` extra."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import ROOT


def test_shell_completion_is_offered(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")  # the shell is named
    assert main(["--help"]) == 0
    assert "--install-completion" in capsys.readouterr().out
    assert main(["--show-completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert "complete -o default -F _cascade_completion cascade" in script


def test_pdf_without_the_extra_says_what_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # importing typst now fails
    monkeypatch.delitem(sys.modules, "cascade.report.pdf", raising=False)
    monkeypatch.delitem(sys.modules, "cascade.report.pdf_engine", raising=False)
    plan = str(ROOT / "plans" / "acme")
    code = main(["report", plan, "-o", str(tmp_path), "-f", "pdf"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        "cascade: PDF output is not available: the PDF engine (typst) is not installed; "
        "install it with pip install 'cascade-kpi[pdf]' (make run does), or use --format html,md\n"
    )
    assert list(tmp_path.iterdir()) == []


TYPST_IMPORT = re.compile(r"^\s*(?:import typst\b|from typst\b)", re.MULTILINE)


def test_only_the_pdf_module_imports_typst() -> None:
    """Only ``cascade.report.pdf_engine`` imports typst, anywhere in it: everything else
    works without the ``[pdf]`` extra."""
    importers = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "cascade").rglob("*.py")
        if TYPST_IMPORT.search(path.read_text(encoding="utf-8"))
    )
    assert importers == ["cascade/report/pdf_engine.py"]


def test_the_pdf_engine_is_an_extra_the_dev_install_includes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=\[ ;]", r, maxsplit=1)[0] for r in requirements}

    assert "typst" not in names(project["dependencies"])  # the pre-commit hooks install lean
    assert {"typst", "fontpkg-sarabun"} <= names(extras["pdf"])
    assert "typst" in names(extras["dev"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[pdf]'" in makefile  # make run makes PDFs
