"""A coverage-guided fuzz target for `conflictbrief.loads`, run with atheris.

Any input may be refused, but only with a `ConflictBriefError`; any other
exception is a bug, and atheris stops on it with the input that raised it.
A brief that loads is then merged with the bundled dataset both ways,
matched against it, tallied and checked for uncited sentences, and the
input is given to the command line as a file (``validate``, and
``timeline`` and ``troops`` for a brief that loads), which must answer
with an exit status. Run it as a script, giving a copy of the seed corpus
(atheris adds the inputs it finds to the first directory)::

    cp -r tests/fuzz_corpus /tmp/corpus
    python tests/fuzz_loads.py /tmp/corpus -max_total_time=60 -artifact_prefix=/tmp/

An input that fails is written to ``crash-<sha1>`` after that prefix.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from conflictbrief import ConflictBriefError, FigureKind, datasets, loads
    from conflictbrief.cli import main as command

BUNDLED = datasets.load()
FILE = os.path.join(tempfile.mkdtemp(prefix="fuzz-"), "brief.json")  # noqa: PTH118


def test_one_input(data: bytes) -> None:
    """Load *data* and use what loads; only a ConflictBriefError may be raised."""
    try:
        brief = loads(data)
    except ConflictBriefError:
        brief = None
    if brief is not None:
        for ours, theirs in ((brief, BUNDLED), (BUNDLED, brief)):
            with contextlib.suppress(ConflictBriefError):
                ours.merge_report(theirs)
            ours.matches(theirs)
        brief.uncited()
        for kind in FigureKind:
            brief.tally(kind)
        brief.troops()
    with open(FILE, "wb") as file:  # noqa: PTH123
        file.write(data)
    commands = [["validate", FILE]]
    if brief is not None:
        commands += [["timeline", FILE], ["troops", "--json", FILE]]
    for argv in commands:
        with (
            contextlib.redirect_stdout(io.StringIO()),
            contextlib.redirect_stderr(io.StringIO()),
        ):
            status = command(argv)
        if status not in (0, 1, 2):
            raise AssertionError(f"{argv[0]} exited {status}")


def main() -> None:
    """Fuzz `loads` with the arguments libFuzzer takes."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
