"""``python -m conflictbrief``: the command line."""

from .cli import main

raise SystemExit(main())
