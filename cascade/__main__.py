"""``python -m cascade``."""

from cascade.cli.start import entry

entry()
