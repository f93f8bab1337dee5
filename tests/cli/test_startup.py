"""Start-up cost: 'cascade validate' and 'cascade --help' import only what validating needs.

The other commands import their libraries (report, scoring, fmt, diff, new
and jinja2, openpyxl, ruamel.yaml, typst behind them) inside the command, and
a reporter is imported only when it reports.  Each check runs in a fresh
interpreter, since this test process has imported everything already.  Not a
timing test: it only looks at ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.conftest import MINIMAL, ROOT

LAZY = (
    "cascade.report",
    "cascade.scoring",
    "cascade.fmt",
    "cascade.diff",
    "cascade.new",
    "cascade.schema",
    "cascade.vscode",
    "cascade.rules.docs",
    "jinja2",
    "markupsafe",
    "openpyxl",
    "ruamel",
    "typst",
    "watchfiles",
    "rich.progress",
    "cascade.lsp",
    "pygls",
    "lsprotocol",
)
"""Packages (with their submodules) that neither command may import."""


def imported_after(code: str, watched: tuple[str, ...]) -> list[str]:
    """Which of ``watched`` (or their submodules) a fresh interpreter holds after ``code``."""
    report = textwrap.dedent(
        f"""
        watched = {watched!r}
        found = sorted(
            name for name in sys.modules
            if any(name == w or name.startswith(w + ".") for w in watched)
        )
        sys.__stdout__.write(json.dumps(found))
        """
    )
    script = "import contextlib, io, json, sys\n" + code + "\n" + report
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found: list[str] = json.loads(done.stdout)
    return found


def test_importing_the_app_imports_no_other_command_library() -> None:
    assert imported_after("import cascade.cli.app", (*LAZY, "rich")) == []


def test_help_imports_no_other_command_library() -> None:
    code = textwrap.dedent(
        """
        from cascade.cli.app import main
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--help"]) == 0
        """
    )
    assert imported_after(code, (*LAZY, "rich")) == []


def test_validate_imports_no_other_command_library() -> None:
    # openpyxl is allowed here in general (xlsx actuals), but the minimal plan has none;
    # --format json needs no rich either (only the text reporter draws with it).
    code = textwrap.dedent(
        f"""
        from cascade.cli.app import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["validate", {str(MINIMAL)!r}, "--format", "json", "--no-cache"])
        assert code == 0, code
        """
    )
    assert imported_after(code, (*LAZY, "rich")) == []


def test_validate_text_report_imports_only_rich_for_itself() -> None:
    code = textwrap.dedent(
        f"""
        from cascade.cli.app import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["validate", {str(MINIMAL)!r}, "--format", "text", "--no-cache"])
        assert code == 0, code
        """
    )
    assert imported_after(code, LAZY) == []
