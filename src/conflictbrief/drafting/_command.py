"""``conflictbrief draft``: draft a brief from an article's text, in the shell."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from conflictbrief._base.text import Visible
from conflictbrief.serialize import dumps, load

from . import draft

__all__ = ["run"]


def run(args: Namespace, out: Visible) -> int:
    """Write the draft of the file *args.text* as JSON, its notes to stderr."""
    if args.text == "-":
        text = sys.stdin.read()
    else:
        text = Path(args.text).read_text(encoding="utf-8")
    known = None if args.known is None else load(args.known)
    result = draft(
        text, published=args.published, known=known, title=args.title, url=args.url
    )
    out.write_json(dumps(result.brief))
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0
