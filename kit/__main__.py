"""``python -m kit``: the kit's command line (Vietnamese; ``--lang en`` for English)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
