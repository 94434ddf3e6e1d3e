"""``python -m mzdesk`` and the ``mzdesk`` entry point."""

import sys

from mzdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
