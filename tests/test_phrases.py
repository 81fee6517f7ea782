from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictbrief import DateResolutionError, DateSpan, ValidationError
from conflictbrief.dates import explain, resolve

MON = date(2025, 4, 28)  # the article's publication day
SAT = date(2025, 4, 26)
SUN = date(2025, 4, 27)
JAN1 = date(2025, 1, 1)  # a Wednesday
JAN15 = date(2025, 1, 15)
DEC15 = date(2024, 12, 15)  # a Sunday
DEC31 = date(2024, 12, 31)  # a Tuesday
LEAP = date(2024, 2, 29)  # a Thursday

TABLE = [
    # Written dates, read with dateutil, and EDTF.
    ("4/28/25", MON, "2025-04-28"),
    ("April 28, 2025", MON, "2025-04-28"),
    ("28 April 2025", MON, "2025-04-28"),
    ("2025-04-28", MON, "2025-04-28"),
    ("April 2025", MON, "2025-04"),
    ("2024", MON, "2024"),
    ("On Monday(4/28/25),", MON, "2025-04-28"),
    ("april 28th, 2025.", MON, "2025-04-28"),
    ("Jan 2025", MON, "2025-01"),
    ("4.28.25", MON, "2025-04-28"),
    ("4/28/99", MON, "1999-04-28"),
    ("4/28/25", date(2080, 1, 1), "2125-04-28"),
    ("in 2024", MON, "2024"),
    ("April 28", JAN1, "2024-04-28"),
    ("February 29", DEC31, "2024-02-29"),
    ("February 29", MON, "2024-02-29"),
    ("29 February", date(2028, 2, 28), "2024-02-29"),
    ("2024-23", MON, "2024-23"),
    ("202x", MON, "202X"),
    # today, yesterday
    ("today", SAT, "2025-04-26"),
    ("Today", LEAP, "2024-02-29"),
    ("yesterday", JAN1, "2024-12-31"),
    ("yesterday", date(2024, 3, 1), "2024-02-29"),
    ("(yesterday)", MON, "2025-04-27"),
    # Weekdays: on or before the reference; "last" strictly before.
    ("Monday", MON, "2025-04-28"),
    ("on Monday", SUN, "2025-04-21"),
    ("last Monday", MON, "2025-04-21"),
    ("last Monday", SUN, "2025-04-21"),
    ("Saturday", SAT, "2025-04-26"),
    ("last Saturday", SAT, "2025-04-19"),
    ("on Friday", JAN1, "2024-12-27"),
    ("Thursday", LEAP, "2024-02-29"),
    ("last thursday", date(2024, 3, 1), "2024-02-29"),
    ("Sunday", DEC31, "2024-12-29"),
    ("sat", MON, "2025-04-26"),
    # Weeks run Monday to Sunday.
    ("this week", MON, "2025-04-28/2025-05-04"),
    ("last week", MON, "2025-04-21/2025-04-27"),
    ("next week", MON, "2025-05-05/2025-05-11"),
    ("this week", SUN, "2025-04-21/2025-04-27"),
    ("last week", JAN1, "2024-12-23/2024-12-29"),
    ("this week", DEC31, "2024-12-30/2025-01-05"),
    # The weekend before a weekday, or the weekend up to the reference.
    ("over the weekend", MON, "2025-04-26/2025-04-27"),
    ("weekend", SAT, "2025-04-26"),
    ("over the weekend", SUN, "2025-04-26/2025-04-27"),
    ("the weekend", JAN1, "2024-12-28/2024-12-29"),
    ("Over the weekend,", LEAP, "2024-02-24/2024-02-25"),
    ("earlier this week", MON, "2025-04-28"),
    ("earlier this week", SUN, "2025-04-21/2025-04-27"),
    ("next month", DEC31, "2025-01"),
    ("next year", MON, "2026"),
    ("fall 2024", MON, "2024-23"),
    ("summer of 2024", MON, "2024-22"),
    ("In spring, 2023", MON, "2023-21"),
    ("in late March", MON, "2025-03-21/2025-03-31"),
    # this/last/next weekend move by whole weeks from the reference's own.
    ("this weekend", MON, "2025-05-03/2025-05-04"),
    ("this weekend", SAT, "2025-04-26/2025-04-27"),
    ("last weekend", MON, "2025-04-26/2025-04-27"),
    ("last weekend", SAT, "2025-04-19/2025-04-20"),
    ("last weekend", SUN, "2025-04-19/2025-04-20"),
    ("next weekend", MON, "2025-05-10/2025-05-11"),
    ("next weekend", SUN, "2025-05-03/2025-05-04"),
    # Months
    ("this month", MON, "2025-04"),
    ("this month", LEAP, "2024-02"),
    ("last month", MON, "2025-03"),
    ("last month", JAN1, "2024-12"),
    ("last month", date(2024, 3, 31), "2024-02"),
    ("earlier this month", MON, "2025-04-01/2025-04-28"),
    ("earlier this month", JAN1, "2025-01-01"),
    # Years
    ("this year", MON, "2025"),
    ("last year", MON, "2024"),
    ("last year", JAN1, "2024"),
    ("last year", DEC31, "2023"),
    ("earlier this year", MON, "2025-01/2025-04-28"),
    ("earlier this year", JAN1, "2025-01-01"),
    ("earlier this year", DEC31, "2024"),
    # Early, mid and late thirds of a month or year.
    ("late 2024", MON, "2024-09/2024-12"),
    ("early 2025", MON, "2025-01/2025-04"),
    ("mid-2024", MON, "2024-05/2024-08"),
    ("early April", MON, "2025-04-01/2025-04-10"),
    ("mid-April", MON, "2025-04-11/2025-04-20"),
    ("late February", LEAP, "2024-02-21/2024-02-29"),
    ("late February 2025", MON, "2025-02-21/2025-02-28"),
    ("late last year", MON, "2024-09/2024-12"),
    ("early this month", MON, "2025-04-01/2025-04-10"),
    ("late in December", JAN1, "2024-12-21/2024-12-31"),
    # Meteorological seasons; "last" is the latest that ended before.
    ("last fall", MON, "2024-23"),
    ("LAST FALL", MON, "2024-23"),
    ("\u201clast autumn\u201d", MON, "2024-23"),
    ("this spring", MON, "2025-21"),
    ("last spring", MON, "2024-21"),
    ("last summer", MON, "2024-22"),
    ("this fall", MON, "2025-23"),
    ("last winter", MON, "2024-24"),
    ("last winter", JAN15, "2023-24"),
    ("last winter", DEC15, "2023-24"),
    ("last winter", date(2025, 3, 1), "2024-24"),
    ("last winter", date(2025, 2, 28), "2023-24"),
    ("last winter", LEAP, "2022-24"),
    ("this winter", JAN15, "2024-24"),
    ("this winter", DEC15, "2024-24"),
    ("this winter", MON, "2025-24"),
    # In a month: the latest such month not after the reference.
    ("in December", JAN1, "2024-12"),
    ("in December", JAN15, "2024-12"),
    ("in December", DEC31, "2024-12"),
    ("in April", MON, "2025-04"),
    ("in May", MON, "2024-05"),
    ("January", JAN1, "2025-01"),
    # Ago: the day, week, month or year that many units back.
    ("3 days ago", MON, "2025-04-25"),
    ("3 days ago", date(2024, 3, 2), "2024-02-28"),
    ("one day ago", JAN1, "2024-12-31"),
    ("a week ago", MON, "2025-04-21/2025-04-27"),
    ("two weeks ago", SUN, "2025-04-07/2025-04-13"),
    ("1 month ago", date(2025, 3, 31), "2025-02"),
    ("six months ago", MON, "2024-10"),
    ("2 years ago", LEAP, "2022"),
    # Past or last N units: from that far back through the reference.
    ("past 3 days", MON, "2025-04-25/2025-04-28"),
    ("last 7 days", JAN1, "2024-12-25/2025-01-01"),
    ("past week", MON, "2025-04-21/2025-04-28"),
    ("in the past two weeks", MON, "2025-04-14/2025-04-28"),
    ("past month", date(2025, 3, 31), "2025-02-28/2025-03-31"),
    ("over the past 3 months", MON, "2025-01-28/2025-04-28"),
    ("past year", LEAP, "2023-02-28/2024-02-29"),
    ("last 2 months", DEC31, "2024-10-31/2024-12-31"),
]

REFUSALS = [
    ("recently", MON, r"'recently' to a span of days: it names no definite span"),
    ("soon", MON, r"'soon' to a span of days: it names no definite span"),
    ("Recently,", MON, r"'Recently,' to a span .*never guesses"),
    ("lately", MON, r"names no definite span"),
    ("a few days ago", MON, r"names no definite span"),
    ("in recent weeks", MON, r"names no definite span"),
    ("the other day", MON, r"names no definite span"),
    ("winter 2024", MON, r"winter 2024 spans two years .* write the EDTF 2024-24"),
    ("13/4/25", MON, r"read month first, it has no month 13; pass dayfirst=True"),
    ("April 31", MON, r"it names a day its month does not have"),
    ("0 days ago", MON, r"it is none of the accepted forms"),
    ("28", MON, r"it is none of the accepted forms"),
    ("April 28 2025 10", MON, r"it is none of the accepted forms"),
    ("February 30, 2024", MON, r"it names a day its month does not have"),
    ("", MON, r"it is none of the accepted forms"),
    ("early foo", MON, r"'early foo' to a span of days: it is none of the"),
    ("2024~", MON, r"qualifiers ~ \? % and open ends \.\. are not supported"),
    ("2024?", MON, r"qualifiers ~ \? % and open ends \.\. are not supported"),
    ("2024/..", MON, r"qualifiers ~ \? % and open ends \.\. are not supported"),
    ("2024..", MON, r"qualifiers ~ \? % and open ends \.\. are not supported"),
    ("2024/", MON, r"unknown interval ends are not supported"),
    ("Tuesday 4/28/25", MON, r"2025-04-28 is a Monday, not a Tuesday"),
    ("Monday, April 2025", MON, r"'april 2025' is not a written day"),
    ("early yesterday", MON, r"'early' applies to a week, a month, a year"),
    ("last days", MON, r"expected 'last week', 'last month' or 'last year'"),
    ("last year", date(1, 6, 1), r"it falls outside the years 0001-9999"),
    ("999999999 days ago", MON, r"it falls outside the years 0001-9999"),
    ("this winter", date(9999, 12, 5), r"it falls outside the years 0001-9999"),
]

PAST = [
    "yesterday",
    "last Monday",
    "last Sunday",
    "on Wednesday",
    "Friday",
    "over the weekend",
    "last weekend",
    "last week",
    "last month",
    "last year",
    "last spring",
    "last fall",
    "last winter",
    "earlier this month",
    "earlier this year",
    "late last year",
    "3 days ago",
    "5 weeks ago",
    "2 months ago",
    "3 years ago",
    "past 10 days",
    "last 4 weeks",
    "past 3 months",
    "last 2 years",
]
OTHER = [
    "today",
    "this week",
    "next week",
    "this month",
    "this year",
    "this summer",
    "this winter",
    "in February",
    "late June",
    "early this year",
    "April 30",
    "February 29",
]
references = st.dates(min_value=date(100, 1, 1), max_value=date(9990, 12, 31))


class TestResolve:
    @pytest.mark.parametrize(("phrase", "reference", "expected"), TABLE)
    def test_table(self, phrase: str, reference: date, expected: str) -> None:
        """Each form resolves to the span of days it names."""
        assert DateSpan.parse(expected) == resolve(phrase, reference)

    @pytest.mark.parametrize(("phrase", "reference", "message"), REFUSALS)
    def test_refusals(self, phrase: str, reference: date, message: str) -> None:
        """Vague, malformed and out-of-range phrases are refused, saying why."""
        with pytest.raises(DateResolutionError, match=message):
            resolve(phrase, reference)

    def test_refusal_lists_forms(self) -> None:
        """A refusal lists the accepted forms."""
        with pytest.raises(
            DateResolutionError, match=r"Accepted forms.*\n  - a written date.*"
        ):
            resolve("soon", MON)

    def test_refusal_is_value_error(self) -> None:
        """DateResolutionError is caught as a ValueError."""
        with pytest.raises(ValueError, match=r"'soon'"):
            resolve("soon", MON)

    def test_phrase_not_string(self) -> None:
        """A phrase that is not a string is refused with its type."""
        with pytest.raises(DateResolutionError, match=r"got 2024 \(int\)"):
            resolve(2024, MON)  # type: ignore[arg-type]

    def test_bad_reference(self) -> None:
        """A reference that is not a date, span or EDTF names the argument."""
        with pytest.raises(ValidationError, match=r"^reference: cannot read 'x'"):
            resolve("today", "x")

    def test_bad_hemisphere(self) -> None:
        """Only the northern and southern hemispheres have seasons."""
        with pytest.raises(ValidationError, match=r"hemisphere: expected 'north'"):
            resolve("last fall", MON, hemisphere="east")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("phrase", "dayfirst", "expected"),
        [
            ("5/4/25", False, "2025-05-04"),
            ("5/4/25", True, "2025-04-05"),
            ("28/4/25", True, "2025-04-28"),
            ("4/28", False, "2025-04-28"),
        ],
    )
    def test_dayfirst(self, phrase: str, dayfirst: bool, expected: str) -> None:
        """dayfirst decides how an ambiguous numeric date is read."""
        assert DateSpan.parse(expected) == resolve(phrase, MON, dayfirst=dayfirst)

    def test_dayfirst_never_swapped(self) -> None:
        """A date impossible in the order asked for is refused, never swapped."""
        with pytest.raises(DateResolutionError, match=r"no month 28; pass dayfirst"):
            resolve("4/28/2025", MON, dayfirst=True)

    def test_southern_named_season(self) -> None:
        """A season and a year follow the hemisphere; a year-spanning one is refused."""
        assert DateSpan.parse("2024-22") == resolve(
            "winter 2024", MON, hemisphere="south"
        )
        with pytest.raises(DateResolutionError, match="summer 2024 spans two years"):
            resolve("summer 2024", MON, hemisphere="south")

    @pytest.mark.parametrize(
        ("phrase", "reference", "expected"),
        [
            ("last fall", MON, "2024-21"),
            ("last spring", MON, "2024-23"),
            ("last winter", MON, "2024-22"),
            ("this summer", JAN15, "2024-24"),
            ("last summer", JAN15, "2023-24"),
        ],
    )
    def test_southern(self, phrase: str, reference: date, expected: str) -> None:
        """In the south each season falls six months from the northern one."""
        assert DateSpan.parse(expected) == resolve(
            phrase, reference, hemisphere="south"
        )

    @pytest.mark.parametrize(
        ("phrase", "reference", "expected"),
        [
            ("yesterday", "2025-04", "2025-03-31/2025-04-29"),
            ("last fall", "2025-04", "2024-23"),
            ("last year", DateSpan.parse("2024-12/2025-01"), "2023/2024"),
            ("2024", "2025", "2024"),
        ],
    )
    def test_span_reference(
        self, phrase: str, reference: DateSpan | str, expected: str
    ) -> None:
        """A span reference gives every day the phrase can mean from any day in it."""
        assert DateSpan.parse(expected) == resolve(phrase, reference)

    @given(st.sampled_from(PAST + OTHER), references)
    def test_ordered(self, phrase: str, reference: date) -> None:
        """Every resolved span starts no later than it ends."""
        span = resolve(phrase, reference)
        assert span.earliest <= span.latest

    @given(st.sampled_from(PAST), references)
    def test_past_ends_by_reference(self, phrase: str, reference: date) -> None:
        """A phrase about the past ends on or before the reference."""
        assert resolve(phrase, reference).latest <= reference

    @given(st.sampled_from(PAST + OTHER), references, st.integers(0, 400))
    def test_monotone(self, phrase: str, reference: date, later: int) -> None:
        """A later reference never moves either end of the span earlier."""
        one = resolve(phrase, reference)
        two = resolve(phrase, reference + timedelta(days=later))
        assert (True, True) == (
            one.earliest <= two.earliest,
            one.latest <= two.latest,
        )

    @given(st.sampled_from(PAST + OTHER), references, st.integers(0, 60))
    def test_span_reference_covers_days(
        self, phrase: str, reference: date, length: int
    ) -> None:
        """The span for a span reference contains the span for each of its days."""
        last = reference + timedelta(days=length)
        whole = resolve(phrase, DateSpan(earliest=reference, latest=last))
        middle = reference + timedelta(days=length // 2)
        assert (True, True, True) == (
            whole.contains(resolve(phrase, reference)),
            whole.contains(resolve(phrase, middle)),
            whole.contains(resolve(phrase, last)),
        )

    @given(
        st.sampled_from(["day", "week", "month", "year"]),
        st.integers(1, 50),
        references,
    )
    def test_counts(self, unit: str, count: int, reference: date) -> None:
        """N units ago lies within the past N units, both before the reference."""
        ago = resolve(f"{count} {unit}s ago", reference)
        past = resolve(f"past {count} {unit}s", reference)
        assert (True, reference) == (past.overlaps(ago), past.latest)


class TestExplain:
    def test_issue_example(self) -> None:
        """explain says how 'last fall' was reached, in one sentence."""
        assert (
            "'last fall' before 2025-04-28: meteorological autumn 2024, "
            "2024-09-01 to 2024-11-30"
        ) == explain("last fall", MON)

    @pytest.mark.parametrize(
        ("phrase", "reference", "kwargs", "expected"),
        [
            (
                "yesterday",
                MON,
                {},
                (
                    "'yesterday' before 2025-04-28: the day before the reference, "
                    "2025-04-27"
                ),
            ),
            (
                "over the weekend",
                MON,
                {},
                (
                    "'over the weekend' up to 2025-04-28: the Saturday and Sunday "
                    "before the reference, 2025-04-26 to 2025-04-27"
                ),
            ),
            (
                "weekend",
                SUN,
                {},
                (
                    "'weekend' up to 2025-04-27: the Saturday before and the "
                    "reference Sunday, 2025-04-26 to 2025-04-27"
                ),
            ),
            (
                "On Monday(4/28/25)",
                MON,
                {},
                (
                    "'On Monday(4/28/25)' as of 2025-04-28: the written date, read "
                    "month first, a Monday, 2025-04-28"
                ),
            ),
            (
                "5/4/25",
                MON,
                {"dayfirst": True},
                (
                    "'5/4/25' as of 2025-04-28: the written date, read day first, "
                    "2025-04-05"
                ),
            ),
            (
                "last winter",
                MON,
                {"hemisphere": "south"},
                (
                    "'last winter' before 2025-04-28: meteorological winter 2024 in "
                    "the southern hemisphere, 2024-06-01 to 2024-08-31"
                ),
            ),
            (
                "last winter",
                MON,
                {},
                (
                    "'last winter' before 2025-04-28: meteorological winter 2024-25, "
                    "2024-12-01 to 2025-02-28"
                ),
            ),
            (
                "late last year",
                MON,
                {},
                (
                    "'late last year' before 2025-04-28: September to December of the "
                    "calendar year 2024, 2024-09-01 to 2024-12-31"
                ),
            ),
            (
                "yesterday",
                "2025-04",
                {},
                (
                    "'yesterday' before 2025-04: the day before the reference, for any "
                    "reference day from 2025-04-01 to 2025-04-30, 2025-03-31 to "
                    "2025-04-29"
                ),
            ),
            (
                "weekend",
                "2025-04-25/2025-04-26",
                {},
                (
                    "'weekend' up to 2025-04-25/2025-04-26: the Saturday and Sunday "
                    "before the reference for 2025-04-25, through the reference "
                    "Saturday for 2025-04-26, 2025-04-19 to 2025-04-26"
                ),
            ),
            (
                "last fall",
                "2025-04",
                {},
                (
                    "'last fall' before 2025-04: meteorological autumn 2024, "
                    "2024-09-01 to 2024-11-30"
                ),
            ),
        ],
    )
    def test_sentences(
        self,
        phrase: str,
        reference: date | str,
        kwargs: dict[str, object],
        expected: str,
    ) -> None:
        """explain names the rule applied and the days reached."""
        assert expected == explain(phrase, reference, **kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(("phrase", "reference", "expected"), TABLE)
    def test_agrees_with_resolve(
        self, phrase: str, reference: date, expected: str
    ) -> None:
        """The sentence is one line, quotes the phrase, and ends with resolve's days."""
        span = DateSpan.parse(expected)
        days = (
            f"{span.earliest}"
            if span.earliest == span.latest
            else f"{span.earliest} to {span.latest}"
        )
        sentence = explain(phrase, reference)
        assert (True, True, False) == (
            sentence.startswith(repr(phrase)),
            sentence.endswith(f", {days}"),
            "\n" in sentence,
        )

    def test_refuses_like_resolve(self) -> None:
        """explain refuses what resolve refuses."""
        with pytest.raises(DateResolutionError, match=r"'recently'"):
            explain("recently", MON)
