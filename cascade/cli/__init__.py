"""The command line: a thin typer face over the library.

Each command module parses options, calls the library, hands the result to a
reporter and returns an exit code; :func:`cascade.cli.app.main` is the one
place that turns failures into exit codes (2 usage, 3 internal, 130 Ctrl-C).
"""
