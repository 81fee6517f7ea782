"""Run this repository's scripts, or fresh code, with this interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a script of this repository with this interpreter."""
    return subprocess.run(  # noqa: S603 (this repository's own scripts)
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
