"""Check brief files and print every problem with its JSON path.

    python examples/validate.py FILE...   # check these files
    python examples/validate.py           # check a broken brief built here

A file that does not load raises one `ValidationError` holding every problem
found, each a `Problem` with the path to the bad value. The script prints
them all and exits 1 when any file is invalid, as ``conflictbrief validate``
does.
"""

from __future__ import annotations

import json
import sys

from conflictbrief import ValidationError, datasets, dumps, load, loads


def broken() -> str:
    """Return the bundled dataset as JSON with three mistakes written into it."""
    doc = json.loads(dumps(datasets.load()))
    doc["statements"][0]["speaker"] = "kim-jong-on"  # a misspelt id
    doc["events"][0]["kind"] = "treaty"  # not an event kind
    doc["figures"][0]["count"]["best"] = "11,000"  # text where a count belongs
    return json.dumps(doc)


def check(name: str, text: str | None = None) -> bool:
    """Print whether the brief *name* (or *text*, named *name*) is valid."""
    try:
        brief = load(name) if text is None else loads(text)
    except ValidationError as error:
        print(f"{name}: invalid, {len(error.problems)} problem(s)")
        for problem in error.problems:
            print(f"  {problem.path}: {problem.message}")
        return False
    print(f"{name}: valid, {len(brief.timeline())} dated records")
    return True


def main(argv: list[str]) -> int:
    """Check each file of *argv*, else the broken example; return the exit status."""
    results = [check(f) for f in argv] if argv else [check("(example)", broken())]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
