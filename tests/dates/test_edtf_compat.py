"""DateSpan reads EDTF as python-edtf does, for every form it claims to read.

The inputs are the examples of python-edtf's own test suite
(``edtf/parser/tests.py``) that fall within what `DateSpan.parse` reads:
days, months, years, unspecified digits (up to two, ``19XX``), intervals,
open and unknown ends, and seasons. Each is compared with what python-edtf
itself returns, and written back. Left out, each for its reason in
``docs/dates.md``: qualifiers (``1984?``), sets (``[1667, 1668]``), times of
day, negative years, year 0, years of five digits or more (``Y170000002``),
three unspecified digits (``1XXX``), digits unspecified inside a day
(``156X-12-25``), quarters (``2001-34``), and winter (``2010-24``), which
python-edtf ends on 31 December where a meteorological winter runs to the
end of February.
"""

from __future__ import annotations

import math
import time
from datetime import date

import pytest

from conflictbrief.dates import DateSpan

edtf = pytest.importorskip("edtf")

EXAMPLES = [
    "2001-02-03",
    "2008-12",
    "2008",
    "1964/2008",
    "2004-06/2006-08",
    "2004-02-01/2005-02-08",
    "2004-02-01/2005-02",
    "2004-02-01/2005",
    "2005/2006-02",
    "199X",
    "19XX",
    "1999-XX",
    "1999-01-XX",
    "1999-XX-XX",
    "/2006",
    "2004-06-01/",
    "../2006",
    "2004-01-01/..",
    "2001-21",
    "2003-22",
    "2000-23",
    "196X",
    "2004-06-XX/2004-07-03",
    "2001-29",
]


def _day(value: object) -> date | None:
    """A python-edtf bound as a day; None for an infinite (open) bound."""
    if isinstance(value, float) and math.isinf(value):
        return None
    assert isinstance(value, time.struct_time)
    return date(value.tm_year, value.tm_mon, value.tm_mday)


@pytest.mark.parametrize("text", EXAMPLES)
def test_reads_as_python_edtf(text: str) -> None:
    """The same days; open ends where it has none, unknown where it guesses one."""
    theirs = edtf.parse_edtf(text)
    ours = DateSpan.parse(text)
    low, high = _day(theirs.lower_strict()), _day(theirs.upper_strict())
    first, _, last = text.partition("/")
    # python-edtf puts an unknown end ten years from the known one; a span
    # keeps it unknown, invents no day, and says so.
    if first == "" and "/" in text:
        assert (ours.earliest, ours.latest, ours.unknown) == (None, high, True)
        assert low is not None
    elif last == "" and "/" in text:
        assert (ours.earliest, ours.latest, ours.unknown) == (low, None, True)
        assert high is not None
    else:
        assert (ours.earliest, ours.latest, ours.unknown) == (low, high, False)


@pytest.mark.parametrize("text", EXAMPLES)
def test_writes_what_python_edtf_reads_alike(text: str) -> None:
    """What a span writes, python-edtf reads back as the same days and ends."""
    written = str(DateSpan.parse(text))
    assert DateSpan.parse(written) == DateSpan.parse(text)
    again, theirs = edtf.parse_edtf(written), edtf.parse_edtf(text)
    assert (_day(again.lower_strict()), _day(again.upper_strict())) == (
        _day(theirs.lower_strict()),
        _day(theirs.upper_strict()),
    )
