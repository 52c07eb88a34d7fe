"""``python -m turkicorg``: the command line."""

from __future__ import annotations

import sys

from turkicorg.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(main())
