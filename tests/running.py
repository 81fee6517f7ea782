"""Run this repository's scripts, or fresh code, with this interpreter; time calls."""

from __future__ import annotations

import gc
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
    """The best of five timings of *call*, in seconds, each from a collected heap.

    Growth tests divide two of these: the best of five, each started after
    `gc.collect`, keeps a busy machine or a collection due from one of them
    from tilting the ratio.
    """
    best = float("inf")
    for _ in range(5):
        gc.collect()
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best
