"""A coverage-guided fuzz target for `conflictbrief.loads`, run with atheris.

Any input may be refused, but only with a `ConflictBriefError`; any other
exception is a bug, and atheris stops on it with the input that raised it.
Run it as a script, giving a copy of the seed corpus (atheris adds the
inputs it finds to the first directory)::

    cp -r tests/fuzz_corpus /tmp/corpus
    python tests/fuzz_loads.py /tmp/corpus -max_total_time=60
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from conflictbrief import ConflictBriefError, loads


def test_one_input(data: bytes) -> None:
    """Load *data*, which may be refused only with a ConflictBriefError."""
    with contextlib.suppress(ConflictBriefError):
        loads(data)


def main() -> None:
    """Fuzz `loads` with the arguments libFuzzer takes."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
