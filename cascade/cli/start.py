"""The ``cascade`` console script: Ctrl-C exits 130 without a traceback, from the start.

The quiet handlers are installed by the first lines of this module, when the
console script imports it and before anything heavy is imported: until
:func:`cascade.cli.app.main` runs there is nothing to clean up, so a Ctrl-C
(or SIGTERM) while cascade starts (importing typer, the engine, ...) only
says so and exits.  ``main`` installs handlers that raise instead, so
temporary files and folders are removed on the way out; once it returned,
the quiet handlers are back for the interpreter's shutdown.

What stays out of reach: the interpreter's own start-up (``site``) and the
console script's ``import sys`` (``import re`` too, from older pip) before
it imports this module; a Ctrl-C there is Python's: killed by SIGINT, or a
``KeyboardInterrupt`` traceback.
"""

from __future__ import annotations

import os
import signal
import sys  # already loaded by the interpreter: free

INTERRUPTED = 130
"""``ExitCode.INTERRUPTED``, named here without importing anything of cascade."""


def _quit(signum: int, frame: object) -> None:
    os.write(2, b"interrupted\n")
    os._exit(128 + signum)


def _quietly() -> None:
    signal.signal(signal.SIGINT, _quit)
    signal.signal(signal.SIGTERM, _quit)


_quietly()  # at import: before the console script goes on to call entry()


def entry() -> None:
    """Run ``cascade`` with the process's arguments and exit with its code."""
    _quietly()
    try:
        from cascade.cli.app import main

        code = main()
    except KeyboardInterrupt:  # a second Ctrl-C while the first was being reported
        code = INTERRUPTED
    _quietly()
    sys.exit(code)
