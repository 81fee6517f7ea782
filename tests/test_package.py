"""The package's surface: its names and its version."""

from __future__ import annotations

from importlib.metadata import version

import pytest

import conflictbrief


class TestPackage:
    def test_all_sorted_and_present(self) -> None:
        """__all__ is sorted (constants, then classes, then the rest) and exists."""
        names = conflictbrief.__all__
        order = sorted(names, key=lambda n: (not n.isupper(), not n[0].isupper(), n))
        assert order == names
        assert [] == [n for n in names if not hasattr(conflictbrief, n)]

    def test_version(self) -> None:
        """__version__ is the installed distribution's version."""
        assert version("conflictbrief") == conflictbrief.__version__

    def test_unknown_attribute(self) -> None:
        """An unknown attribute raises AttributeError naming it."""
        with pytest.raises(AttributeError, match="no attribute 'nothing'"):
            _ = conflictbrief.nothing
