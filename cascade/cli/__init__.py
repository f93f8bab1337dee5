"""The command line: a thin typer face over the library.

Each command module parses options, calls the library, hands the result to a
reporter and returns an exit code (:class:`cascade.exitcodes.ExitCode`), or
raises: a :class:`cascade.exitcodes.CascadeError` (the library's refusals
are ones too) or anything else.  :func:`cascade.cli.app.main` is the one
place that prints a failure and turns it into an exit code (1 plan errors,
2 usage, 3 internal, 130 Ctrl-C); no command catches to exit.

Every command module is imported to build the parser, so at top level a
module imports only what ``cascade validate`` needs anyway (typer, the
engine, the reporters registry); the library of any other command (report,
scoring, fmt, diff, new, schema, ...) is imported inside that command.
tests/cli/test_startup.py holds that line.
"""
