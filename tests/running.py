"""Run this repository's scripts, or fresh code, with this interpreter; time calls."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a script of this repository with this interpreter."""
    return subprocess.run(  # noqa: S603 (this repository's own scripts)
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


def call_time(call: Callable[[], object]) -> float:
    """The best of three timings of *call*, in seconds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best
