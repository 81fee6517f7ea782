"""The package's surface: its names, its version, and what importing costs."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import requires, version

import pytest

import conflictbrief


class TestPackage:
    def test_all_sorted_and_present(self) -> None:
        """__all__ is sorted (constants, then classes, then the rest) and exists."""
        names = conflictbrief.__all__
        order = sorted(names, key=lambda n: (not n.isupper(), not n[0].isupper(), n))
        assert order == names
        assert [] == [n for n in names if not hasattr(conflictbrief, n)]

    def test_runtime_dependencies(self) -> None:
        """The installed package needs attrs, cattrs and python-dateutil only."""
        needed = [r for r in requires("conflictbrief") or [] if "extra ==" not in r]
        names = {re.split(r"[ <>=!~;\[]", r, maxsplit=1)[0].lower() for r in needed}
        assert {"attrs", "cattrs", "python-dateutil"} == names

    def test_version(self) -> None:
        """__version__ is the installed distribution's version."""
        assert version("conflictbrief") == conflictbrief.__version__

    def test_unknown_attribute(self) -> None:
        """An unknown attribute raises AttributeError naming it."""
        with pytest.raises(AttributeError, match="no attribute 'nothing'"):
            _ = conflictbrief.nothing

    def test_import_is_lean(self) -> None:
        """Importing the package imports no dataset, no metadata, no optional
        extra, and none of the modules only some calls need."""
        code = (
            "import sys, conflictbrief; "
            "heavy = ['conflictbrief.datasets', 'importlib.metadata', "
            "'importlib.resources', 'pandas', 'pydantic', 'msgspec', "
            "'dateutil.parser', 'difflib', 'calendar', 'locale', "
            "'conflictbrief._phrases']; "
            "print([m for m in heavy if m in sys.modules])"
        )
        out = subprocess.run(  # noqa: S603 (the interpreter running the tests)
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]" == out.stdout.strip()
