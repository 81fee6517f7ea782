"""Files written whole or not at all: what `dump`, the exports and the CLI write.

`replace_file` writes one file's bytes beside the path and renames it over
the path, so that a reader, a crash or a full disk finds the old content or
the whole new one, never a part. Where the system allows (Linux), the content
is first written to a file with no name, which a killed process cannot leave
behind; it gets a name just before the rename.

An export writes several files through libraries that want a path (SQLite,
pyarrow): `staged` gives each a temporary name beside its target
(`temporary_name`), and moves them all into place only once every one is
complete, removing them if anything fails.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["Staging", "remove_empty", "replace_file", "staged", "temporary_name"]

_PREFIX = ".conflictbrief-"
"""How the name of a file being written begins, beside the path it replaces."""


def replace_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write *data* to a new file beside *path*, then rename it over *path*.

    The new file keeps the mode of the one it replaces (else 0644), and is
    flushed to disk before the rename.

    Raises:
        OSError: The file could not be written, naming *path*; it keeps its
            old content and no other file is left.
    """
    target = os.fspath(path)
    folder = os.path.dirname(target) or "."  # noqa: PTH120
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)  # noqa: PTH116
    except FileNotFoundError:
        mode = 0o644
    fd, name = _unnamed(folder)
    try:
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            if name is None:
                name = _named(fd, folder)
        finally:
            os.close(fd)
        os.replace(name, target)  # noqa: PTH105
    except BaseException as error:
        if name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)  # noqa: PTH108
        if isinstance(error, OSError) and error.errno and error.filename is None:
            # A write or flush names no file: name the one being written.
            raise OSError(error.errno, error.strerror, target) from error
        raise


def _unnamed(folder: str) -> tuple[int, str | None]:
    """Open a new file in *folder*: without a name if the system can, else named."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is not None:
        try:
            return os.open(folder, flag | os.O_WRONLY, 0o600), None
        except OSError:
            # Not every file system takes O_TMPFILE: fall back to a name.
            pass
    # tempfile imports shutil, random and compression modules: imported when
    # a file is written this way, not with the package.
    import tempfile

    return tempfile.mkstemp(dir=folder, prefix=_PREFIX, suffix=".tmp")


def _named(fd: int, folder: str) -> str:
    """Give the unnamed file *fd* a fresh name in *folder*, and return it."""
    # os.link calls linkat, which follows the /proc link to the file, only
    # when given a folder's descriptor; plain link() would link the symlink.
    here = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for _ in range(100):
            base = f"{_PREFIX}{os.urandom(8).hex()}.tmp"
            try:
                os.link(f"/proc/self/fd/{fd}", base, dst_dir_fd=here)
            except FileExistsError:
                continue
            return os.path.join(folder, base)  # noqa: PTH118
    finally:
        os.close(here)
    raise FileExistsError(f"no free name for a new file in {folder!r}")


def temporary_name(target: Path) -> Path:
    """A new hidden name beside *target*, for a file or folder written in its stead.

    The name is not created: the writer creates it with the permissions a
    new file of its own gets (``tempfile.mkstemp`` would make it 0600).
    """
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")


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
