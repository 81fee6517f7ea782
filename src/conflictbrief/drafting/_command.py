"""``conflictbrief draft``: draft a brief from an article's text, in the shell."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from conflictbrief._base.text import Visible
from conflictbrief.errors import ValidationError
from conflictbrief.serialize import dumps, load

from . import draft

__all__ = ["run"]


def run(args: Namespace, out: Visible) -> int:
    """Write the draft of the file *args.file* as JSON, its notes to stderr."""
    data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = "standard input" if args.file == "-" else args.file
        raise ValidationError.at(
            "text",
            f"expected UTF-8 text in {where}, got byte {data[error.start]:#04x} "
            f"at {error.start:,}",
        ) from None
    known = None if args.known is None else load(args.known)
    result = draft(
        text, published=args.published, known=known, title=args.title, url=args.url
    )
    out.write_json(dumps(result.brief))
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0
