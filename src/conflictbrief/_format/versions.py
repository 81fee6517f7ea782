"""Every version of the file format that loads, and how each is read.

The table of collections says which version first holds each collection
(`CollectionInfo.since`); the latest is the version written. A file of an
earlier version is read with the shape of a brief of that version, so that
a key it could not have held is refused as unknown, and its records are then
built into today's `Brief`. ``conflictbrief/1`` also held each deployment's
troop estimate, which becomes a figure (`conflictbrief._format.format1`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from conflictbrief._collections.integrity import Checker, document_order
from conflictbrief._collections.registry import COLLECTIONS, LATEST
from conflictbrief.brief import Brief
from conflictbrief.errors import Problem

__all__ = ["FORMAT", "VERSIONS", "Version"]

FORMAT = f"conflictbrief/{LATEST}"
"""The format string every file written carries; earlier versions still load."""

Records = Mapping[str, Sequence[Any]]
Positions = Mapping[str, Sequence[int]]


class Version:
    """One version of the file format: the shape its files are read as.

    Attributes:
        name: The format string its files carry, such as ``"conflictbrief/2"``.
        shape: The class a file of this version is read as: `Brief` for the
            latest, and for an earlier one a brief of its fields alone.
        classes: The class each collection's records are read as, by name.
        finish: Turns what the shape read into a `Brief`; raises
            `IntegrityError` as `Brief` does, paths as the file has them.
        in_document: The sort key that puts a problem where it stands in
            such a file.
        check: Checks the integrity of the records of a file that could be
            read, given with their positions, naming problems as the file
            has them (see `Checker`).
    """

    __slots__ = ("check", "classes", "finish", "in_document", "name", "shape")

    def __init__(
        self,
        name: str,
        shape: type,
        classes: Mapping[str, type],
        finish: Callable[[Any], Brief],
        check: Callable[[Records, Positions, set[str]], list[Problem]],
    ) -> None:
        self.name = name
        self.shape = shape
        self.classes = classes
        self.finish = finish
        self.check = check
        self.in_document = document_order(attrs.fields_dict(shape))


def _all(records: Records) -> dict[str, Sequence[Any]]:
    """*records* with an empty collection for each one a file did not hold."""
    return {c.name: records.get(c.name, ()) for c in COLLECTIONS}


def _check(
    records: Records, positions: Positions, incomplete: set[str]
) -> list[Problem]:
    return Checker(_all(records), positions, incomplete).run()


def _check_1(
    records: Records, positions: Positions, incomplete: set[str]
) -> list[Problem]:
    from .format1 import restore
    from .format1 import upgrade_records as upgrade_records_1

    upgraded, figure_at = upgrade_records_1(records, positions["deployments"])
    return restore(Checker(_all(upgraded), positions, incomplete).run(), figure_at)


def _built(shape: Any) -> Brief:
    return shape  # type: ignore[no-any-return]


def _earlier(number: int) -> Version:
    """The version *number*, before the latest: a brief of its collections."""
    attrs.resolve_types(Brief)
    later = {c.name for c in COLLECTIONS if c.since > number}
    fields = {
        a.name: attrs.field(
            default=a.default,
            validator=a.validator,
            converter=a.converter,
            type=a.type,
        )
        for a in attrs.fields(Brief)
        if a.name not in later
    }
    shape = attrs.make_class("Brief", fields, frozen=True, slots=True, kw_only=True)

    def finish(read: Any) -> Brief:
        return Brief(**{name: getattr(read, name) for name in fields})

    classes: dict[str, type] = {c.name: c.cls for c in COLLECTIONS if c.since <= number}
    return Version(f"conflictbrief/{number}", shape, classes, finish, _check)


def _version(name: str) -> Version:
    """Make the version called *name*; KeyError if there is none."""
    if name == FORMAT:
        return Version(
            FORMAT, Brief, {c.name: c.cls for c in COLLECTIONS}, _built, _check
        )
    if name == "conflictbrief/1":
        from .format1 import BRIEF_1, CLASSES_1, upgrade

        return Version(name, BRIEF_1, CLASSES_1, upgrade, _check_1)
    if name not in _NAMES:
        raise KeyError(name)
    return _earlier(int(name.rpartition("/")[2]))


_NAMES = tuple(f"conflictbrief/{n}" for n in range(LATEST, 0, -1))


class _Versions(Mapping[str, Version]):
    """Every version that loads, by format string, the latest first.

    Each is made when first asked for: the reader of ``conflictbrief/1``
    builds classes of its own, a cost an import need not pay for files
    that are not that old.
    """

    def __init__(self) -> None:
        self._made: dict[str, Version] = {}

    def __getitem__(self, name: str) -> Version:
        found = self._made.get(name)
        if found is None:
            found = self._made[name] = _version(name)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_NAMES)

    def __len__(self) -> int:
        return len(_NAMES)


VERSIONS: Mapping[str, Version] = _Versions()
"""Every version that loads, by format string, the latest first."""
