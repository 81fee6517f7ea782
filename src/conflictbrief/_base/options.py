"""The argparse actions of the command line: ``--version`` and renamed options."""

from __future__ import annotations

import argparse

__all__ = ["Renamed", "Version", "renamed"]


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
