"""Statements, deployments and events: the cited records."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, get_args

import pytest

from conflictbrief import (
    DateSpan,
    Deployment,
    Estimate,
    Event,
    EventKind,
    Figure,
    FigureKind,
    Problem,
    Statement,
    StatementKind,
)
from conflictbrief.estimates import MAX_COUNT
from conflictbrief.records import FigureKindName
from contracts import (
    CITE,
    EVENT_KINDS,
    STATEMENT_KINDS,
    ValueObjectContract,
    deployment,
    event,
    figure,
    kinds_of,
    optional_ref_slug,
    problems_of,
    ref_slug,
    statement,
)


class TestStatement(ValueObjectContract):
    cls = Statement
    make = staticmethod(statement)
    bad: ClassVar[dict[str, Any]] = {"citations": ()}
    problem = Problem("citations", "expected at least one Citation")

    @pytest.mark.parametrize(
        "when", ["2025-04", DateSpan.parse("2025-04"), "2025-04-01/2025-04-30"]
    )
    def test_date_takes_date_likes(self, when: Any) -> None:
        """`date` takes an EDTF string or a span, and keeps it exact."""
        assert DateSpan.parse("2025-04") == statement(date=when).date

    def test_date_takes_a_day(self) -> None:
        """A `date` is read as a span of one day."""
        day = date(2025, 4, 28)
        assert DateSpan(earliest=day, latest=day) == statement(date=day).date

    def test_speaker_may_be_none(self) -> None:
        """A statement without a speaker is an unattributed assertion."""
        assert statement().speaker is None

    def test_tuples_from_any_iterable(self) -> None:
        """`about` and `citations` take generators and store tuples."""
        s = statement(
            about=(a for a in ["kim", "russia"]), citations=iter([CITE, CITE])
        )
        assert (("kim", "russia"), (CITE, CITE)) == (s.about, s.citations)

    def test_kind_from_string(self) -> None:
        """A kind's string value is converted to the enum member."""
        assert StatementKind.DISPUTE is statement(kind="dispute").kind

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"citations": CITE},
                "citations",
                f"expected a list of Citations, got {CITE!r}",
            ),
            (
                {"citations": [CITE, "kcna"]},
                "citations[1]",
                "expected a Citation, got 'kcna' (str)",
            ),
            ({"about": "kim"}, "about", "expected a list of ids, got 'kim' (str)"),
            ({"about": ["Kim"]}, "about[0]", "expected an id, got 'Kim' (str)"),
            (
                {"date": "last fall"},
                "date",
                (
                    "cannot read 'last fall' as an EDTF date: expected a day "
                    "(2025-04-28), month (2025-04), season (2024-23), year (2024), "
                    "decade (202X) or an interval of these (A/B)"
                ),
            ),
            (
                {"date": None},
                "date",
                "expected a DateSpan, a datetime.date or an EDTF string, got None",
            ),
            (
                {"kind": "rebut"},
                "kind",
                f"expected one of {STATEMENT_KINDS}, got 'rebut' (str)",
            ),
            (
                {"kind": EventKind.OTHER},
                "kind",
                f"expected one of {STATEMENT_KINDS}, got <EventKind.OTHER: 'other'>",
            ),
            ({"summary": 42}, "summary", "expected a non-empty string, got 42 (int)"),
            (
                {"quote": ""},
                "quote",
                "expected a non-empty string or None, got '' (str)",
            ),
            (
                {"responds_to": "S1"},
                "responds_to",
                f"expected {optional_ref_slug('a statement')}, got 'S1' (str)",
            ),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: statement(**changes))


class TestDeployment(ValueObjectContract):
    cls = Deployment
    make = staticmethod(deployment)
    bad: ClassVar[dict[str, Any]] = {"role": ""}
    problem = Problem("role", "expected a non-empty string or None, got '' (str)")

    def test_optional_fields(self) -> None:
        """Place, until, unit, role and reinforces default to None."""
        d = deployment()
        assert (None,) * 5 == (d.place, d.until, d.unit, d.role, d.reinforces)

    def test_until_takes_date_likes(self) -> None:
        """`until` takes an EDTF string, a date or a span like `date` does."""
        d = deployment(until=date(2025, 1, 15))
        assert DateSpan.parse("2025-01-15") == d.until

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            ({"sender": None}, "sender", f"expected {ref_slug('an actor')}, got None"),
            (
                {"host": "Russia"},
                "host",
                f"expected {ref_slug('an actor')}, got 'Russia' (str)",
            ),
            (
                {"until": "2025-02-30"},
                "until",
                (
                    "cannot read '2025-02-30' as an EDTF date: "
                    "day 30 does not exist in 2025-02"
                ),
            ),
            ({"role": 1}, "role", "expected a non-empty string or None, got 1 (int)"),
            ({"citations": []}, "citations", "expected at least one Citation"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: deployment(**changes))


class TestEvent(ValueObjectContract):
    cls = Event
    make = staticmethod(event)
    bad: ClassVar[dict[str, Any]] = {"participants": "kim"}
    problem = Problem("participants", "expected a list of ids, got 'kim' (str)")

    def test_fields_from_convenient_shapes(self) -> None:
        """Kind, date and participants take a string, EDTF and a generator."""
        e = event(kind="operation", date="2024-23", participants=(p for p in ["kim"]))
        expected = (EventKind.OPERATION, DateSpan.parse("2024-23"), ("kim",))
        assert expected == (e.kind, e.date, e.participants)

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"kind": "battle"},
                "kind",
                f"expected one of {EVENT_KINDS}, got 'battle' (str)",
            ),
            (
                {"place": ""},
                "place",
                f"expected {optional_ref_slug('a place')}, got '' (str)",
            ),
            (
                {"participants": [None]},
                "participants[0]",
                "expected an id, got None",
            ),
            (
                {"citations": None},
                "citations",
                "expected a list of Citations, got None",
            ),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: event(**changes))


class TestFigure(ValueObjectContract):
    cls = Figure
    make = staticmethod(figure)
    bad: ClassVar[dict[str, Any]] = {"kind": "dead"}
    problem = Problem(
        "kind",
        f"expected one of {kinds_of(FigureKind)}, got 'dead' (str)",
    )

    def test_optional_fields(self) -> None:
        """Side, deployment and event default to None, and by to no one."""
        f = figure()
        assert (None, None, None, ()) == (f.side, f.deployment, f.event, f.by)

    def test_kind_names_follow_the_enum(self) -> None:
        """The literal type of kind names lists the enum's values, in order."""
        assert get_args(FigureKindName) == tuple(k.value for k in FigureKind)

    def test_kind_and_ids_are_read(self) -> None:
        """A kind's value and any iterable of ids are taken."""
        f = figure(kind="killed", by=iter(["kim"]), date=date(2025, 1, 15))
        assert (FigureKind.KILLED, ("kim",), DateSpan.parse("2025-01-15")) == (
            f.kind,
            f.by,
            f.date,
        )

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"count": {"best": 11_000}},
                "count",
                "expected an Estimate, got {'best': 11000}",
            ),
            ({"count": 11_000}, "count", "expected an Estimate, got 11000 (int)"),
            (
                {"side": "North Korea"},
                "side",
                f"expected {optional_ref_slug('an actor')}, got 'North Korea' (str)",
            ),
            ({"by": "kim"}, "by", "expected a list of ids, got 'kim' (str)"),
            ({"citations": []}, "citations", "expected at least one Citation"),
            (
                {"count": Estimate(low=1, high=MAX_COUNT + 1)},
                "count.high",
                (
                    "expected a count of at most 9,223,372,036,854,775,807, the "
                    "most every export holds, got 9,223,372,036,854,775,808"
                ),
            ),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: figure(**changes))

    def test_largest_count(self) -> None:
        """The largest count is taken; an estimate alone, such as a sum, may pass it."""
        assert MAX_COUNT == figure(count=Estimate(best=MAX_COUNT)).count.best
        assert (
            2 * MAX_COUNT == (Estimate(best=MAX_COUNT) + Estimate(best=MAX_COUNT)).best
        )
