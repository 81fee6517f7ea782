"""The command line's options: ``--version``, renamed options, each command's arguments.

Each command's arguments are added by a function of its own (but
``export``'s, which `cli` adds with the formats the export package names),
so that the command line builds the parser of the command it runs alone;
`Formatter` finds the terminal's width without importing `shutil`.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

__all__ = [
    "Formatter",
    "Renamed",
    "Version",
    "actors_arguments",
    "brief_argument",
    "draft_arguments",
    "no_arguments",
    "renamed",
    "render_arguments",
    "statements_arguments",
    "timeline_arguments",
    "troops_arguments",
    "uncited_arguments",
    "validate_arguments",
]

_DEFAULT = "the bundled dataset"
"""What a command reads when given no file."""


class Version(argparse.Action):
    """``--version``: print the installed version, read only when asked."""

    def __init__(self, option_strings: list[str], dest: str) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import version

        print(f"conflictbrief {version('conflictbrief')}")
        parser.exit()


class Renamed(argparse.Action):
    """An option that has a new name: refused, with the name to use instead."""

    def __init__(self, option_strings: list[str], dest: str, *, new: str) -> None:
        super().__init__(option_strings, dest, nargs="?", help=argparse.SUPPRESS)
        self.new = new

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        _namespace: argparse.Namespace,
        _values: object,
        option_string: str | None = None,
    ) -> None:
        parser.error(f"{option_string} is now {self.new}; use {self.new}")


def renamed(parser: argparse.ArgumentParser, old: str, new: str) -> None:
    """Refuse the option *old* of *parser*, saying to use *new*."""
    parser.add_argument(old, action=Renamed, dest=f"renamed_{old}", new=new)


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter, finding the width as `shutil.get_terminal_size`.

    argparse imports `shutil` for its width (and with it the compression
    modules, a few milliseconds), and builds a formatter for every argument
    added, so for every start of the command line.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **more: Any,
    ) -> None:
        # Passed on as given: keywords a later argparse may add.
        if width is None:
            width = _columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width, **more)


def _columns() -> int:
    """The terminal's width: ``$COLUMNS``, the terminal's own, or 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def brief_argument(sub: argparse.ArgumentParser) -> None:
    """The brief a command reads: a file, ``-`` for standard input, or none."""
    sub.add_argument(
        "brief",
        nargs="?",
        metavar="FILE",
        help=f"a brief file, or - for standard input (default: {_DEFAULT})",
    )


def actors_arguments(sub: argparse.ArgumentParser) -> None:
    """``actors``: the brief, and a kind."""
    brief_argument(sub)
    sub.add_argument("--kind", help="only actors of this kind (state, person, ...)")


def statements_arguments(sub: argparse.ArgumentParser) -> None:
    """``statements``: the brief, and who said them, about whom, which kind, when."""
    brief_argument(sub)
    sub.add_argument("--speaker", metavar="ACTOR", help="said by this actor id")
    renamed(sub, "--by", "--speaker")
    sub.add_argument(
        "--members",
        action="store_true",
        help="with --speaker and --about, include the actors that are part of it",
    )
    sub.add_argument("--about", metavar="ACTOR", help="about this actor id")
    sub.add_argument("--kind", help="of this kind (claim, dispute, ...)")
    sub.add_argument("--during", metavar="EDTF", help="possibly in this span")


def timeline_arguments(sub: argparse.ArgumentParser) -> None:
    """``timeline``: the brief, and when."""
    brief_argument(sub)
    sub.add_argument("--during", metavar="EDTF", help="possibly in this span")


def troops_arguments(sub: argparse.ArgumentParser) -> None:
    """``troops``: the brief, and sender, host and when present."""
    brief_argument(sub)
    sub.add_argument("--sender", metavar="STATE", help="the sending state's id")
    sub.add_argument("--host", metavar="STATE", help="the host state's id")
    sub.add_argument("--active-on", metavar="EDTF", help="present during this span")
    renamed(sub, "--on", "--active-on")


def validate_arguments(sub: argparse.ArgumentParser) -> None:
    """``validate``: the files."""
    sub.add_argument("files", nargs="+", metavar="FILE", help="brief files")


def uncited_arguments(sub: argparse.ArgumentParser) -> None:
    """``uncited``: the brief, and a source."""
    brief_argument(sub)
    sub.add_argument("--source", metavar="ID", help="only this source")


def no_arguments(_: argparse.ArgumentParser) -> None:
    """A command without arguments: ``schema``."""


def render_arguments(sub: argparse.ArgumentParser) -> None:
    """``render``: the brief, the format and where to write."""
    brief_argument(sub)
    sub.add_argument("--to", required=True, choices=("md", "html"), help="format")
    sub.add_argument(
        "-o", "--output", metavar="PATH", help="write here (default: standard output)"
    )


def draft_arguments(sub: argparse.ArgumentParser) -> None:
    """``draft``: the article, its day, title and address, and known actors."""
    sub.add_argument("file", metavar="FILE", help="the article, or - for stdin")
    sub.add_argument("--published", required=True, metavar="DAY", help="YYYY-MM-DD")
    sub.add_argument("--known", metavar="BRIEF", help="a brief whose actors to use")
    sub.add_argument("--title", help="the article's title")
    sub.add_argument("--url", help="where it was published")
