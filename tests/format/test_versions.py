"""The versions of the file format that load, each read as its own shape."""

from __future__ import annotations

import json

import attrs
import pytest

from conflictbrief import FORMAT, Brief, ValidationError, datasets, dumps, loads
from conflictbrief._collections.registry import COLLECTIONS, LATEST
from conflictbrief._format.reader import UnknownKeysError, structure
from conflictbrief._format.versions import VERSIONS, _earlier


class TestVersions:
    def test_latest_is_written(self) -> None:
        """The format written is the latest version, which holds every collection."""
        assert f"conflictbrief/{LATEST}" == FORMAT == next(iter(VERSIONS))
        assert {c.name for c in COLLECTIONS} <= set(attrs.fields_dict(Brief))

    def test_every_earlier_version_loads(self) -> None:
        """Every version from 1 to the latest is read."""
        assert {f"conflictbrief/{n}" for n in range(1, LATEST + 1)} == set(VERSIONS)

    def test_earlier_shape_lacks_later_collections(self) -> None:
        """A version before a collection existed reads a brief without it, and
        refuses its key as unknown: the file could not have held it."""
        version = _earlier(1)
        later = [c.name for c in COLLECTIONS if c.since > 1]
        assert later
        assert set() == set(later) & set(attrs.fields_dict(version.shape))
        doc = json.loads(dumps(datasets.load()))
        del doc["format"]
        for name in later:
            doc.pop(name, None)
        read: object = structure(doc, version.shape)
        brief = version.finish(read)
        assert datasets.load().statements == brief.statements
        with pytest.raises(UnknownKeysError):
            structure({**doc, later[0]: []}, version.shape)

    def test_unknown_format_names_the_versions(self) -> None:
        """A file of no known version is refused, naming those that load."""
        with pytest.raises(ValidationError, match=r"expected the format .* got 'x/9'"):
            loads(json.dumps({"format": "x/9"}))
