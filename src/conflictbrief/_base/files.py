"""Files written whole or not at all: what `dump`, the exports and the CLI write.

`replace_file` writes the new content beside the path and renames it over the
path, so that a reader, a crash or a full disk finds the old content or the
whole new one, never a part. Where the system allows (Linux), the content is
first written to a file with no name, which a killed process cannot leave
behind; it gets a name just before the rename.
"""

from __future__ import annotations

import contextlib
import os
import stat

__all__ = ["replace_file"]

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
