"""Files written whole or not at all: beside their targets first, then moved in.

Each export writes every file under a temporary name in the file's own
folder (on the same file system, so that `os.replace` is atomic), and moves
them all into place only once every one is complete. A failure on the way
removes the temporary files and leaves the targets as they were: a reader
sees the old files or the new ones, never a file cut short.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from pathlib import Path

__all__ = ["Staging", "remove_empty", "staged", "temporary_name"]


def temporary_name(target: Path) -> Path:
    """A new hidden name beside *target*, for a file or folder written in its stead.

    The name is not created: the writer creates it with the permissions a
    new file of its own gets (``tempfile.mkstemp`` would make it 0600).
    """
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


class Staging:
    """The files of one export, each written under a temporary name."""

    def __init__(self) -> None:
        self._moves: list[tuple[Path, Path]] = []

    def path(self, target: Path) -> Path:
        """Return the temporary path to write in place of *target*."""
        written = temporary_name(target)
        self._moves.append((written, target))
        return written

    def commit(self) -> None:
        """Move every file written into place, in the order they were asked for."""
        for written, target in self._moves:
            written.replace(target)

    def discard(self) -> None:
        """Remove every temporary file, and what SQLite may have left beside it."""
        for written, _ in self._moves:
            for leftover in (written, written.with_name(written.name + "-journal")):
                leftover.unlink(missing_ok=True)


@contextlib.contextmanager
def staged() -> Iterator[Staging]:
    """Give a `Staging`; move its files into place if the block completes.

    Whatever happens, no temporary file is left behind.
    """
    staging = Staging()
    try:
        yield staging
        staging.commit()
    finally:
        staging.discard()


def remove_empty(folder: Path) -> None:
    """Remove *folder* if it is empty; keep it, silently, otherwise."""
    with contextlib.suppress(OSError):
        folder.rmdir()
