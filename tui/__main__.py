"""`python -m tui` runs the same entry point as `ralign-tui`."""

import sys

from tui.cli import main

sys.exit(main())
