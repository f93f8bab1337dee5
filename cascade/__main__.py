"""``python -m cascade``."""

from cascade.cli.app import entry

entry()
