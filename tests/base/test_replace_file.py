"""Files written whole or not at all, even when the writer is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conflictbrief._base.files import replace_file

ROOT = Path(__file__).parent.parent.parent


class TestReplaceFile:
    def test_writes_and_keeps_mode(self, tmp_path: Path) -> None:
        """The new content replaces the old, and the file keeps its mode."""
        path = tmp_path / "f.txt"
        path.write_text("old")
        path.chmod(0o640)
        replace_file(path, b"new")
        assert (b"new", 0o640, ["f.txt"]) == (
            path.read_bytes(),
            path.stat().st_mode & 0o777,
            [p.name for p in tmp_path.iterdir()],
        )

    def test_without_unnamed_files(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Where the system has no unnamed files, a named one is used and removed."""
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
        path = tmp_path / "f.txt"
        replace_file(path, b"new")
        assert (b"new", ["f.txt"]) == (
            path.read_bytes(),
            [p.name for p in tmp_path.iterdir()],
        )

    def test_failure_leaves_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails after the file is named keeps the old and no other."""
        path = tmp_path / "f.txt"
        path.write_text("old")

        def fail(_: str, __: str) -> None:
            raise OSError("cannot rename")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(OSError, match="cannot rename"):
            replace_file(path, b"new")
        assert ("old", ["f.txt"]) == (
            path.read_text(),
            [p.name for p in tmp_path.iterdir()],
        )

    @pytest.mark.skipif(
        not hasattr(os, "O_TMPFILE"), reason="needs unnamed files (Linux)"
    )
    def test_killed_while_writing(self, tmp_path: Path) -> None:
        """A writer killed mid-write leaves the old file and nothing beside it."""
        path = tmp_path / "f.txt"
        path.write_text("old")
        script = textwrap.dedent(
            f"""
            import os, sys, time
            from conflictbrief._base import files
            real = os.write
            def slow(fd, data):
                written = real(fd, data[:10])
                print("writing", flush=True)
                time.sleep(60)
                return written
            files.os.write = slow
            files.replace_file({str(path)!r}, b"x" * 100)
            """
        )
        child = subprocess.Popen(  # noqa: S603 (this interpreter, our script)
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert child.stdout is not None
        assert "writing\n" == child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert ("old", ["f.txt"]) == (
            path.read_text(),
            [p.name for p in tmp_path.iterdir()],
        )
