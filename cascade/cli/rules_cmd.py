"""``cascade rules`` and ``cascade explain CODE``: the rules' own documentation."""

from __future__ import annotations

import sys

import typer

from cascade.diagnostics import did_you_mean
from cascade.exitcodes import CascadeError, ExitCode
from cascade.rules import ALL


def list_rules(
    markdown: bool = typer.Option(
        False, "--markdown", help="Print docs/rules.md (every rule with its documentation)."
    ),
) -> int:
    """List every check cascade makes: code, name, default level, summary.

    Set levels per plan in cascade.yaml, e.g.  rules: {OSM003: off}
    """
    from cascade.rules.docs import rules_markdown, rules_table

    sys.stdout.write(rules_markdown() if markdown else rules_table())
    return ExitCode.OK


def explain(code: str = typer.Argument(..., help="A rule code, e.g. WGT001, or its name.")) -> int:
    """Print one rule's documentation, with a failing and a passing example.

    The same text, as Markdown, is in docs/rules.md.
    """
    from cascade.rules.docs import rule_text

    wanted = code.strip()
    found = ALL.get(wanted.upper()) or next(
        (r for r in ALL.values() if r.name == wanted.lower()), None
    )
    if found is None:
        hint = did_you_mean(wanted, [*ALL, *(r.name for r in ALL.values())])
        raise CascadeError(f"no rule '{code}'. {hint}".rstrip() + "\nList them with: cascade rules")
    sys.stdout.write(rule_text(found))
    return ExitCode.OK
