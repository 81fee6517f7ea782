"""DateSpan: EDTF in and out, words, precision, set logic and order."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictbrief import ValidationError
from conflictbrief.dates import (
    DateSpan,
    Precision,
)
from conflictbrief.dates._convert import (
    check_optional_span,
    check_span,
    to_optional_span,
    to_span,
)
from strategies import days, spans


def span(first: date | None, last: date | None) -> DateSpan:
    return DateSpan(earliest=first, latest=last)


class TestParse:
    @pytest.mark.parametrize(
        ("text", "first", "last"),
        [
            ("2025-04-28", date(2025, 4, 28), date(2025, 4, 28)),
            ("2024-02-29", date(2024, 2, 29), date(2024, 2, 29)),
            ("2025-04", date(2025, 4, 1), date(2025, 4, 30)),
            ("2024", date(2024, 1, 1), date(2024, 12, 31)),
            ("202X", date(2020, 1, 1), date(2029, 12, 31)),
            ("20XX", date(2000, 1, 1), date(2099, 12, 31)),
            ("0001/0009", date(1, 1, 1), date(9, 12, 31)),
            ("../2025-01-11", None, date(2025, 1, 11)),
            ("/2025-01-11", None, date(2025, 1, 11)),
            ("2024-08/..", date(2024, 8, 1), None),
            ("2024-08/", date(2024, 8, 1), None),
            ("../2025", None, date(2025, 12, 31)),
            ("2024-XX", date(2024, 1, 1), date(2024, 12, 31)),
            ("2024-XX-XX", date(2024, 1, 1), date(2024, 12, 31)),
            ("2024-04-XX", date(2024, 4, 1), date(2024, 4, 30)),
            ("202X-XX", date(2020, 1, 1), date(2029, 12, 31)),
            ("2024-21", date(2024, 3, 1), date(2024, 5, 31)),
            ("2024-22", date(2024, 6, 1), date(2024, 8, 31)),
            ("2024-23", date(2024, 9, 1), date(2024, 11, 30)),
            ("2024-24", date(2024, 12, 1), date(2025, 2, 28)),
            ("2024-25", date(2024, 3, 1), date(2024, 5, 31)),
            ("2024-26", date(2024, 6, 1), date(2024, 8, 31)),
            ("2024-27", date(2024, 9, 1), date(2024, 11, 30)),
            ("2024-28", date(2024, 12, 1), date(2025, 2, 28)),
            ("2024-29", date(2024, 9, 1), date(2024, 11, 30)),
            ("2024-30", date(2024, 12, 1), date(2025, 2, 28)),
            ("2024-31", date(2024, 3, 1), date(2024, 5, 31)),
            ("2024-32", date(2024, 6, 1), date(2024, 8, 31)),
            ("2025-04-26/2025-04-27", date(2025, 4, 26), date(2025, 4, 27)),
            ("2024-09/2025-02", date(2024, 9, 1), date(2025, 2, 28)),
            ("2024-23/2024-24", date(2024, 9, 1), date(2025, 2, 28)),
            ("2024/2025-04-28", date(2024, 1, 1), date(2025, 4, 28)),
            ("202X/2035", date(2020, 1, 1), date(2035, 12, 31)),
        ],
    )
    def test_reads(self, text: str, first: date | None, last: date | None) -> None:
        """Each EDTF form reads as the span of days it names."""
        parsed = DateSpan.parse(text)
        assert (first, last) == (parsed.earliest, parsed.latest)
        # An empty end is unknown; '..' and a date are not.
        assert parsed.unknown == ("" in text.split("/"))

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("2024~", r"the qualifier '~' is not supported"),
            ("2024-04?", r"the qualifier '\?' is not supported"),
            ("2024-04-28%", r"the qualifier '%' is not supported"),
            ("..", r"'\.\.' is an open interval end \(2024-08/\.\.\), not a date"),
            ("../..", r"an interval needs at least one end that is a date"),
            ("/", r"an interval needs at least one end that is a date"),
            ("../", r"an interval needs at least one end that is a date"),
            ("[1667, 1668]", r"sets of dates are not supported; use an interval"),
            ("{1667,1668}", r"sets of dates are not supported; use an interval"),
            ("Y170000002", r"years run 0001-9999, written with four digits"),
            ("-0100", r"years run 0001-9999, written with four digits"),
            ("000X", r"years run 0001-9999, and 000X includes year 0000"),
            ("00XX", r"years run 0001-9999, and 00XX includes year 0000"),
            ("000X/0012", r"years run 0001-9999, and 000X includes year 0000"),
            ("2024/2025/2026", r"an interval has exactly one '/'"),
            ("30/04/2025", r"a day is written YYYY-MM-DD: 2025-04-30$"),
            ("2025/04/30", r"a day is written YYYY-MM-DD: 2025-04-30$"),
            ("04/05/2025", r"YYYY-MM-DD: 2025-05-04 or 2025-04-05$"),
            ("31/31/2025", r"a day is written YYYY-MM-DD$"),
            ("2025/2024", r"the interval ends before it starts"),
            ("0000", r"years run 0001-9999, and 0000 includes year 0000"),
            ("202X-04", r"a month or day cannot follow an unspecified year"),
            ("2024-XX-28", r"a day cannot follow an unspecified month"),
            ("2024-23-01", r"a season cannot have a day"),
            ("9999-24", r"that season ends after 9999"),
            ("9999-30", r"that season ends after 9999"),
            ("2024-13", r"13 is not a month \(01-12\) or season \(21-32\)"),
            ("2024-00", r"00 is not a month"),
            ("2025-02-29", r"day 29 does not exist in 2025-02"),
            ("2025-4-28", r"expected a day \(2025-04-28\), month"),
            ("April 2025", r"expected a day"),
            ("2XXX", r"expected a day"),
            ("\u0662\u0660\u0662\u0664", r"expected a day"),
            ("2024\n", r"expected a day"),
        ],
    )
    def test_refuses(self, text: str, message: str) -> None:
        """Unsupported or malformed EDTF is refused with the reason, never dropped."""
        with pytest.raises(ValidationError, match=message):
            DateSpan.parse(text)

    def test_refusal_quotes_text(self) -> None:
        """The message quotes the text that could not be read."""
        with pytest.raises(ValidationError, match=r"cannot read '2024~' as an EDTF"):
            DateSpan.parse("2024~")

    def test_refuses_non_string(self) -> None:
        """Only a string is parsed; anything else is named in the error."""
        with pytest.raises(ValidationError, match=r"got 2024 \(int\)"):
            DateSpan.parse(2024)  # type: ignore[arg-type]


class TestConstruction:
    def test_latest_before_earliest(self) -> None:
        """A span cannot end before it starts."""
        with pytest.raises(ValidationError, match=r"latest: expected a day on or"):
            span(date(2025, 4, 28), date(2025, 4, 27))

    @pytest.mark.parametrize("field", ["earliest", "latest"])
    def test_datetime_refused(self, field: str) -> None:
        """A datetime is not a day: both ends must be plain dates."""
        ends: dict[str, Any] = {
            "earliest": date(2025, 4, 28),
            "latest": date(2025, 4, 28),
        }
        ends[field] = datetime(2025, 4, 28)  # noqa: DTZ001
        with pytest.raises(ValidationError, match=rf"{field}: expected a datetime"):
            DateSpan(**ends)

    def test_unknown_needs_a_missing_end(self) -> None:
        """unknown=True describes a missing end, so a span with both is refused."""
        day = date(2025, 1, 11)
        with pytest.raises(
            ValidationError, match=r"unknown: expected False for a span"
        ):
            DateSpan(earliest=day, latest=day, unknown=True)

    def test_unknown_must_be_bool(self) -> None:
        """unknown takes True or False, not a truthy string."""
        with pytest.raises(ValidationError, match=r"unknown: expected True or False"):
            DateSpan(earliest=None, latest=date(2025, 1, 11), unknown="yes")  # type: ignore[arg-type]

    def test_evolve_rechecks(self) -> None:
        """attrs.evolve runs the same checks as the constructor."""
        with pytest.raises(ValidationError, match=r"latest"):
            attrs.evolve(DateSpan.parse("2025-04"), latest=date(2025, 3, 1))


class TestOf:
    def test_span(self) -> None:
        """A span is returned as it is."""
        s = DateSpan.parse("2024")
        assert s is DateSpan.of(s)

    def test_day(self) -> None:
        """A date is a span of one day."""
        assert DateSpan.parse("2025-04-28") == DateSpan.of(date(2025, 4, 28))

    def test_string(self) -> None:
        """A string is read as EDTF."""
        assert DateSpan.parse("2024-23") == DateSpan.of("2024-23")

    def test_other(self) -> None:
        """Anything else is refused with its type."""
        with pytest.raises(ValidationError, match=r"got 2024 \(int\)"):
            DateSpan.of(2024)  # type: ignore[arg-type]


class TestStr:
    @pytest.mark.parametrize(
        ("first", "last", "expected"),
        [
            (date(2025, 4, 28), date(2025, 4, 28), "2025-04-28"),
            (date(2025, 4, 1), date(2025, 4, 30), "2025-04"),
            (date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
            (date(2024, 3, 1), date(2024, 5, 31), "2024-21"),
            (date(2024, 6, 1), date(2024, 8, 31), "2024-22"),
            (date(2024, 9, 1), date(2024, 11, 30), "2024-23"),
            (date(2024, 12, 1), date(2025, 2, 28), "2024-24"),
            (date(2023, 12, 1), date(2024, 2, 29), "2023-24"),
            (date(2024, 1, 1), date(2024, 12, 31), "2024"),
            (date(2020, 1, 1), date(2029, 12, 31), "202X"),
            (date(1, 1, 1), date(9, 12, 31), "0001/0009"),
            (date(1, 1, 1), date(99, 12, 31), "0001/009X"),
            (None, date(2025, 1, 11), "../2025-01-11"),
            (None, date(2025, 7, 31), "../2025-07"),
            (None, date(2029, 12, 31), "../202X"),
            (None, date(9, 12, 31), "../0009"),
            (date(2024, 8, 1), None, "2024-08/.."),
            (date(2024, 8, 2), None, "2024-08-02/.."),
            (date(2024, 1, 1), None, "2024/.."),
            (date(2020, 1, 1), None, "202X/.."),
            (date(12, 1, 1), date(12, 12, 31), "0012"),
            (date(2025, 4, 26), date(2025, 4, 27), "2025-04-26/2025-04-27"),
            (date(2025, 4, 21), date(2025, 4, 27), "2025-04-21/2025-04-27"),
            (date(2024, 9, 1), date(2025, 2, 28), "2024-09/2025-02"),
            (date(2024, 1, 1), date(2025, 4, 28), "2024/2025-04-28"),
            (date(2024, 4, 15), date(2025, 12, 31), "2024-04-15/2025"),
            (date(2020, 1, 1), date(2031, 12, 31), "202X/2031"),
            (date(2015, 1, 1), date(2029, 12, 31), "2015/202X"),
            (date(1, 1, 1), date(15, 6, 30), "0001/0015-06"),
            (date(5, 1, 1), date(9, 12, 31), "0005/0009"),
            (date(9999, 12, 1), date(9999, 12, 5), "9999-12-01/9999-12-05"),
            (date(2024, 12, 1), date(2025, 1, 31), "2024-12/2025-01"),
            (date(2024, 1, 1), date(2024, 6, 15), "2024-01/2024-06-15"),
            (date(2024, 6, 15), date(2024, 12, 31), "2024-06-15/2024-12"),
        ],
    )
    def test_shortest_form(
        self, first: date | None, last: date | None, expected: str
    ) -> None:
        """str writes the first exact form: day, month, season, year, decade."""
        assert expected == str(span(first, last))

    @pytest.mark.parametrize(("code", "northern"), [(29, 23), (30, 24), (31, 21)])
    def test_southern_written_northern(self, code: int, northern: int) -> None:
        """A southern season is the same days as a northern one, written 21-24."""
        assert f"2024-{northern}" == str(DateSpan.parse(f"2024-{code}"))

    def test_repr(self) -> None:
        """repr is a call that rebuilds the span."""
        assert "DateSpan.parse('2024-23')" == repr(DateSpan.parse("2024-23"))

    @given(spans())
    def test_round_trip(self, s: DateSpan) -> None:
        """Every span's EDTF reads back as the same span."""
        assert s == DateSpan.parse(str(s))

    @given(st.integers(10, 9999))
    def test_every_decade(self, year: int) -> None:
        """The decade holding any year from 10 is written as a decade, read back."""
        first = year - year % 10
        s = span(date(first, 1, 1), date(first + 9, 12, 31))
        assert (Precision.DECADE, s) == (s.precision, DateSpan.parse(str(s)))

    @pytest.mark.parametrize(
        "text", ["/2025-01-11", "/2025-07", "/202X", "2024-08/", "2024/", "2024-08-02/"]
    )
    def test_unknown_end_written_back(self, text: str) -> None:
        """An unknown end is written empty, as read, never as an open one."""
        assert text == str(DateSpan.parse(text))

    @pytest.mark.parametrize(
        ("unknown", "open_"), [("/2025", "../2025"), ("2024/", "2024/..")]
    )
    def test_unknown_is_not_open(self, unknown: str, open_: str) -> None:
        """Unknown and open ends say different things, and compare unequal."""
        assert DateSpan.parse(unknown) != DateSpan.parse(open_)
        assert DateSpan.parse(unknown).unknown
        assert not DateSpan.parse(open_).unknown

    @given(days, days)
    def test_round_trip_any_ends(self, a: date, b: date) -> None:
        """Any two days bound a span whose EDTF reads back unchanged."""
        s = span(min(a, b), max(a, b))
        assert s == DateSpan.parse(str(s))


class TestDescribe:
    @pytest.mark.parametrize(
        ("edtf", "words"),
        [
            ("2025-04-28", "28 April 2025"),
            ("2025-04-21/2025-04-27", "the week of 21 April 2025"),
            ("2025-04", "April 2025"),
            ("2024-23", "autumn 2024"),
            ("2024-24", "winter 2024\N{EN DASH}25"),
            ("2024", "2024"),
            ("202X", "the 2020s"),
            ("2025-04-26/2025-04-27", "26\N{EN DASH}27 April 2025"),
            ("2025-04-26/2025-05-03", "26 April \N{EN DASH} 3 May 2025"),
            ("2024-12-30/2025-01-02", "30 December 2024 to 2 January 2025"),
            ("2024-09/2025-04-28", "September 2024 to 28 April 2025"),
            ("2024/2025-04-28", "2024 to 28 April 2025"),
            ("2020/2035", "the 2020s to 2035"),
            ("2024-01/2024-11", "January\N{EN DASH}November 2024"),
            ("0001/0009", "1 to 9"),
            ("0001/0012", "1 to 12"),
            ("../2025-01-11", "on or before 11 January 2025"),
            ("../2025-04-30", "in or before April 2025"),
            ("../2025-04", "in or before April 2025"),
            ("../2025", "in or before 2025"),
            ("2024-08/..", "in or after August 2024"),
            ("2024-08-02/..", "on or after 2 August 2024"),
            ("202X/..", "in or after the 2020s"),
            ("/2025-01-11", "from an unknown day to 11 January 2025"),
            ("/2025-04", "from an unknown day to April 2025"),
            ("2024-08/", "from August 2024 to an unknown day"),
            ("2024-08-02/", "from 2 August 2024 to an unknown day"),
        ],
    )
    def test_words(self, edtf: str, words: str) -> None:
        """A span reads as a person would say it, at its own precision."""
        assert words == DateSpan.parse(edtf).describe()

    @given(spans())
    def test_every_span(self, span: DateSpan) -> None:
        """Every span can be described, naming the year or decade it starts in."""
        year = (span.latest if span.earliest is None else span.earliest).year  # type: ignore[union-attr]
        words = span.describe()
        assert str(year) in words or f"the {year - year % 10}s" in words


class TestPrecision:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2025-04-28", Precision.DAY),
            ("2025-04-21/2025-04-27", Precision.WEEK),
            ("2025-04-22/2025-04-28", Precision.SPAN),
            ("2025-04", Precision.MONTH),
            ("2024-23", Precision.SEASON),
            ("2024-24", Precision.SEASON),
            ("2024-32", Precision.SEASON),
            ("2024", Precision.YEAR),
            ("202X", Precision.DECADE),
            ("0001/0009", Precision.SPAN),
            ("../2025", Precision.SPAN),
            ("2024-08/..", Precision.SPAN),
            ("2021/2030", Precision.SPAN),
            ("2024/2025", Precision.SPAN),
            ("2024-09/2025-02", Precision.SPAN),
            ("2024-03/2024-04", Precision.SPAN),
            ("2024-12/2025-01", Precision.SPAN),
            ("2024-03-02/2024-05-31", Precision.SPAN),
            ("9999-12-01/9999-12-05", Precision.SPAN),
            ("9999-12", Precision.MONTH),
        ],
    )
    def test_precision(self, text: str, expected: Precision) -> None:
        """precision names the coarsest calendar unit the span exactly is."""
        assert expected == DateSpan.parse(text).precision


class TestSetLogic:
    april = DateSpan.parse("2025-04")

    @pytest.mark.parametrize(
        ("other", "expected"),
        [
            (date(2025, 4, 28), True),
            ("2025-04-01/2025-04-30", True),
            ("2025-03-31/2025-04-02", False),
            ("2025", False),
            (DateSpan.parse("2025-04-10"), True),
        ],
    )
    def test_contains(self, other: DateSpan | date | str, expected: bool) -> None:
        """contains means every day of the other lies within: certainly inside."""
        assert expected == self.april.contains(other)
        assert expected == (other in self.april)

    @pytest.mark.parametrize(
        ("other", "expected"),
        [
            ("2025-03-31", False),
            ("2025-03-31/2025-04-01", True),
            ("2025-04-30/2025-05-01", True),
            ("2025-05-01", False),
            ("2025", True),
        ],
    )
    def test_overlaps(self, other: str, expected: bool) -> None:
        """overlaps means at least one shared day: possibly the same time."""
        assert expected == self.april.overlaps(other)

    @pytest.mark.parametrize(
        ("other", "precedes", "follows"),
        [
            ("2025-05-01", True, False),
            ("2025-04-30/2025-05-01", False, False),
            ("2025-03-31", False, True),
            ("2025-03", False, True),
            ("2025", False, False),
        ],
    )
    def test_precedes_follows(
        self,
        other: str,
        precedes: bool,
        follows: bool,
    ) -> None:
        """precedes and follows mean certainly before and certainly after."""
        assert (precedes, follows) == (
            self.april.precedes(other),
            self.april.follows(other),
        )

    @given(spans(), spans())
    def test_precedes_mirrors_follows(self, a: DateSpan, b: DateSpan) -> None:
        """a precedes b exactly when b follows a."""
        assert a.precedes(b) == b.follows(a)

    @given(spans(), spans())
    def test_overlap_excludes_order(self, a: DateSpan, b: DateSpan) -> None:
        """Two spans either overlap, or one certainly precedes the other."""
        assert 1 == [a.overlaps(b), a.precedes(b), a.follows(b)].count(True)

    @given(spans())
    def test_contains_itself(self, s: DateSpan) -> None:
        """Every span contains and overlaps itself."""
        assert (True, True) == (s.contains(s), s.overlaps(s))


class TestSortKey:
    @given(spans(), spans())
    def test_consistent_with_precedes(self, a: DateSpan, b: DateSpan) -> None:
        """A span that certainly precedes another sorts before it."""
        if a.precedes(b):
            assert a.sort_key < b.sort_key

    @given(spans(), spans())
    def test_total(self, a: DateSpan, b: DateSpan) -> None:
        """Equal keys mean equal spans, so sorting is deterministic."""
        assert (a == b) == (a.sort_key == b.sort_key)

    def test_timeline_order(self) -> None:
        """Spans sort by earliest day, then by latest."""
        texts = ["2025", "2024-23", "2025-04-28", "2025-04", "2024-09"]
        ordered = sorted((DateSpan.parse(t) for t in texts), key=lambda s: s.sort_key)
        assert ["2024-09", "2024-23", "2025", "2025-04", "2025-04-28"] == [
            str(s) for s in ordered
        ]


class TestFieldHelpers:
    def test_to_span_converts(self) -> None:
        """to_span turns a date or EDTF string into a span."""
        assert DateSpan.parse("2024") == to_span("2024")

    def test_to_span_leaves_bad_values(self) -> None:
        """to_span hands an unreadable value on for the validator to name."""
        handed_on: object = to_span("not a date")
        assert "not a date" == handed_on

    def test_to_optional_span(self) -> None:
        """None passes through to_optional_span; a day becomes a span."""
        assert (None, DateSpan.parse("2025-04-28")) == (
            to_optional_span(None),
            to_optional_span(date(2025, 4, 28)),
        )

    def test_check_span_names_field(self) -> None:
        """check_span places the problem under the field's name."""
        field = attrs.fields(DateSpan).earliest
        with pytest.raises(ValidationError, match=r"^earliest: cannot read '20'"):
            check_span(None, field, "20")

    def test_check_span_accepts(self) -> None:
        """check_span accepts a span and check_optional_span also None."""
        field = attrs.fields(DateSpan).earliest
        check_span(None, field, DateSpan.parse("2024"))
        check_optional_span(None, field, None)
        with pytest.raises(ValidationError, match=r"earliest: expected a DateSpan"):
            check_optional_span(None, field, 3)
