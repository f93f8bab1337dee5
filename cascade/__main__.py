"""``python -m cascade``."""

import sys

from cascade.cli.app import main

sys.exit(main())
