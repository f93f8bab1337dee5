"""``cascade lsp``: the Language Server for editors (stdio).

The server (:mod:`cascade.lsp`, pygls behind it) is imported inside the
command, so other commands do not pay for it at start-up.
"""

from __future__ import annotations

import typer


def lsp(
    stdio: bool = typer.Option(
        True,
        "--stdio",
        help="Talk LSP over standard input and output (the default and only way).",
    ),
) -> None:
    """Run the cascade Language Server: live diagnostics, go to definition,
    hover, references and completion for plan files, in any LSP editor.

    The editor starts it; a person does not type it.  See docs/editors.md.

    Examples:

      cascade lsp --stdio
    """
    from cascade.lsp.server import serve

    serve()
