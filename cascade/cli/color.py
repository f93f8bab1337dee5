"""Whether a command colours what it writes: the one place that decides.

Colour only on a terminal, and never when ``NO_COLOR`` is set to anything
but the empty string (https://no-color.org; rich reads it the same way).
Every command passes the answer to the reporter or table it writes with;
rich Consoles made elsewhere (the progress bar, typer's help) read
``NO_COLOR`` themselves.
"""

from __future__ import annotations

import os
from typing import TextIO


def use_color(stream: TextIO) -> bool:
    """Colour for ``stream``: a terminal, and ``NO_COLOR`` not set (or empty)."""
    return not os.environ.get("NO_COLOR") and stream.isatty()
