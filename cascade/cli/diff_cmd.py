"""``cascade diff``: placeholder until the feature lands."""

from __future__ import annotations

import typer

app = typer.Typer(help="(not available yet)", no_args_is_help=False)


@app.callback(invoke_without_command=True)
def main() -> int:
    """Not available yet."""
    typer.echo("cascade diff is not available yet", err=True)
    return 2
