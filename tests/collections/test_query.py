"""Records.where: filters by reference, kind and date, their errors and chaining."""

from __future__ import annotations

import enum
import threading
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictbrief as cb
from conflictbrief import Brief, DateSpan, UnknownIdError, ValidationError
from conflictbrief._collections.query import FILTERS
from conflictbrief._collections.registry import BY_NAME, COLLECTIONS
from conflictbrief.dates._span import day_numbers
from query_brief import BRIEF, ids, make_brief
from strategies import briefs, spans


class TestWhereReferences:
    def test_id(self) -> None:
        """A reference filter matches the id exactly."""
        assert ["praise"] == ids(BRIEF.statements.where(speaker="kim"))

    def test_record(self) -> None:
        """A model object stands for its id."""
        kim = BRIEF.actors["kim"]
        assert ["praise"] == ids(BRIEF.statements.where(speaker=kim))

    def test_iterable_matches_any(self) -> None:
        """An iterable matches any of its ids, keeping the collection's order."""
        found = BRIEF.statements.where(speaker=["putin", "kim"])
        assert ["praise", "thanks"] == ids(found)

    def test_members_widen(self) -> None:
        """members() widens a filter to an actor and everything part of it."""
        ukraine = BRIEF.actors.members("ukraine")
        assert ["rebuttal", "raid"] == ids(BRIEF.statements.where(speaker=ukraine))

    def test_none_matches_empty_field(self) -> None:
        """None matches unattributed statements."""
        assert ["estimate"] == ids(BRIEF.statements.where(speaker=None))

    def test_multi_valued_field(self) -> None:
        """`about` matches when any of the record's subjects is wanted."""
        found = BRIEF.statements.where(about="russia")
        assert ["confirm", "claim", "rebuttal"] == ids(found)

    def test_multi_valued_none(self) -> None:
        """None on a list field matches records whose list is empty."""
        assert ["raid", "estimate"] == ids(BRIEF.statements.where(about=None))

    def test_via_and_responds_to(self) -> None:
        """Channel and response links filter like any reference."""
        assert ["confirm"] == ids(BRIEF.statements.where(via="kcna"))
        assert ["rebuttal"] == ids(BRIEF.statements.where(responds_to="claim"))

    def test_deployment_references(self) -> None:
        """Deployments filter by sender, host, place, unit, reinforces, estimator."""
        deps = BRIEF.deployments
        assert ["main", "reinforcements", "small"] == ids(
            deps.where(sender="north-korea", host="russia")
        )
        assert ["main"] == ids(deps.where(place="kursk"))
        assert ["main"] == ids(deps.where(unit="kp-army"))
        assert ["reinforcements"] == ids(deps.where(reinforces="main"))
        figures = BRIEF.figures
        assert ["main-troops"] == ids(figures.where(by="analysts"))
        assert ["small-troops"] == ids(figures.where(deployment="small"))
        assert ["main-troops", "small-troops"] == ids(figures.where(side="north-korea"))

    def test_other_collections(self) -> None:
        """Actors, places, sources and events have their own filters."""
        assert ["kim", "kcna"] == ids(BRIEF.actors.where(part_of="north-korea"))
        assert ["kursk"] == ids(BRIEF.places.where(country="russia"))
        assert ["article"] == ids(BRIEF.sources.where(publisher="usa"))
        assert ["meeting"] == ids(BRIEF.events.where(participants="trump"))
        assert ["meeting"] == ids(BRIEF.events.where(place="vatican"))

    def test_no_filter_returns_all(self) -> None:
        """where() without filters returns the whole collection."""
        assert BRIEF.statements == BRIEF.statements.where()

    def test_repeated_subject(self) -> None:
        """A subject named twice in one record still matches that record once."""
        twice = attrs.evolve(BRIEF.statements["praise"], about=["kim", "kim"])
        brief = attrs.evolve(BRIEF, statements=[twice])
        assert ["praise"] == ids(brief.statements.where(about="kim"))

    def test_empty_iterable_matches_nothing(self) -> None:
        """An empty iterable of ids matches no record."""
        assert [] == ids(BRIEF.statements.where(speaker=[]))


class TestWhereKinds:
    def test_string_and_enum(self) -> None:
        """A kind filter takes the enum member or its string value."""
        by_string = BRIEF.statements.where(kind="dispute")
        by_enum = BRIEF.statements.where(kind=cb.StatementKind.DISPUTE)
        assert ["rebuttal"] == ids(by_string)
        assert by_string == by_enum

    def test_several_kinds(self) -> None:
        """Several kinds match any of them."""
        found = BRIEF.actors.where(kind=["media", "group"])
        assert ["kcna", "analysts"] == ids(found)

    def test_places_sources_events(self) -> None:
        """Every collection with a kind filters on it."""
        assert ["vatican"] == ids(BRIEF.places.where(kind="city"))
        assert ["image"] == ids(BRIEF.sources.where(kind="image"))
        assert ["treaty"] == ids(BRIEF.events.where(kind="agreement"))

    def test_bad_kind(self) -> None:
        """An unknown kind names the kinds there are."""
        with pytest.raises(ValidationError, match=r"kind: expected one of 'confirm'"):
            BRIEF.statements.where(kind="denial")


class TestWhereDates:
    def test_possibly(self) -> None:
        """Without strict, an uncertain date matches when it overlaps the query."""
        found = BRIEF.statements.where(during="2025-01")
        assert ["raid"] == ids(found)

    def test_strict(self) -> None:
        """With strict, the record's span must lie inside the query."""
        assert [] == ids(BRIEF.statements.where(during="2025-01", strict=True))
        found = BRIEF.statements.where(during="2025-04", strict=True)
        assert ["confirm", "praise", "thanks", "claim", "rebuttal"] == ids(found)

    def test_partial_overlap(self) -> None:
        """A month-long claim possibly falls on one day of that month."""
        found = BRIEF.statements.where(during=date(2025, 4, 10))
        assert ["claim", "rebuttal", "raid"] == ids(found)

    def test_date_forms(self) -> None:
        """Dates take a date, a DateSpan or an EDTF string alike."""
        span = DateSpan.parse("2025-04-26/2025-04-27")
        by_span = BRIEF.events.where(during=span)
        assert ["meeting"] == ids(by_span)
        assert by_span == BRIEF.events.where(during="2025-04-26/2025-04-27")
        assert by_span == BRIEF.events.where(during=date(2025, 4, 27))

    def test_bad_date(self) -> None:
        """An unreadable date names the filter and the text."""
        with pytest.raises(ValidationError, match=r"during: cannot read '2025-13'"):
            BRIEF.statements.where(during="2025-13")

    def test_deployment_during_is_arrival(self) -> None:
        """`during` on deployments asks when the force arrived."""
        found = BRIEF.deployments.where(during="2024-10")
        assert ["main", "small"] == ids(found)


class TestActiveOn:
    @pytest.mark.parametrize(
        ("day", "strict", "expected"),
        [
            ("2024-08", False, []),
            ("2024-10-15", False, ["main", "small"]),
            ("2024-10-15", True, []),
            ("2024-12", True, ["main", "small"]),
            ("2025-03", False, ["main", "reinforcements"]),
            ("2025-03", True, ["main"]),
            ("2025-04-28", True, ["main", "reinforcements"]),
            ("2026-01", False, ["main", "reinforcements"]),
            ("2026-01", True, []),
        ],
    )
    def test_active_on(self, day: str, strict: bool, expected: list[str]) -> None:
        """Possibly active from first arrival on; certainly only as far as known."""
        found = BRIEF.deployments.where(active_on=day, strict=strict)
        assert expected == ids(found)

    def test_with_another_filter(self) -> None:
        """The same answers come when another filter picks the candidates."""
        for strict in (False, True):
            for day in ("2024-08", "2024-12", "2025-03"):
                alone = BRIEF.deployments.where(active_on=day, strict=strict)
                found = BRIEF.deployments.where(
                    place="kursk", active_on=day, strict=strict
                )
                assert [d.id for d in alone if d.place == "kursk"] == ids(found)


class TestWhereErrors:
    def test_unknown_filter(self) -> None:
        """An unknown filter name lists the valid ones and suggests the closest."""
        with pytest.raises(
            TypeError, match=r"no filter 'spaker'.*did you mean 'speaker'"
        ):
            BRIEF.statements.where(spaker="kim")

    def test_unknown_id(self) -> None:
        """An id that is not in the brief raises, suggesting close ids."""
        with pytest.raises(
            UnknownIdError, match=r"'north-kora'; did you mean 'north-korea'"
        ):
            BRIEF.statements.where(speaker="north-kora")

    def test_wrong_record_type(self) -> None:
        """A record of another collection is not taken for an id."""
        with pytest.raises(ValidationError, match=r"speaker: expected an id, an actor"):
            BRIEF.statements.where(speaker=BRIEF.places["kursk"])

    def test_strict_without_dates(self) -> None:
        """strict=True without a date filter is refused, not ignored."""
        with pytest.raises(TypeError, match=r"strict=True applies to a date filter"):
            BRIEF.statements.where(speaker="kim", strict=True)
        with pytest.raises(TypeError, match=r"strict=True applies to during"):
            BRIEF.timeline(strict=True)
        with pytest.raises(TypeError, match=r"strict=True applies to active_on"):
            BRIEF.troops(sender="north-korea", strict=True)

    def test_unknown_filter_before_strict(self) -> None:
        """A misspelt date filter is named as such, not taken for a missing one."""
        with pytest.raises(TypeError, match=r"no filter 'durng'.*'during'"):
            BRIEF.statements.where(durng="2025", strict=True)

    def test_filter_from_other_collection(self) -> None:
        """A filter of another collection is refused, not ignored."""
        with pytest.raises(TypeError, match=r"actors have no filter 'speaker'"):
            BRIEF.actors.where(speaker="kim")

    def test_usage_before_values(self) -> None:
        """A wrong filter name or strict=True is named before any value is read."""
        with pytest.raises(TypeError, match=r"no filter 'bogus'"):
            BRIEF.statements.where(speaker="nobody", bogus=1)
        with pytest.raises(TypeError, match=r"strict=True applies to a date filter"):
            BRIEF.statements.where(speaker="nobody", strict=True)
        with pytest.raises(TypeError, match=r"strict=True applies to a date filter"):
            BRIEF.statements.where(kind="nonsense", strict=True)


class TestChaining:
    def test_chain_equals_combined(self) -> None:
        """Chained filters give what one combined call gives, in order."""
        chained = BRIEF.statements.where(about="north-korea").where(during="2025-04-28")
        combined = BRIEF.statements.where(about="north-korea", during="2025-04-28")
        assert ["confirm", "praise"] == ids(chained)
        assert combined == chained

    def test_chain_keeps_lookup(self) -> None:
        """A filtered collection still looks records up by id, and only its own."""
        found = BRIEF.statements.where(speaker="kim")
        assert BRIEF.statements["praise"] == found["praise"]
        with pytest.raises(UnknownIdError):
            found["confirm"]

    def test_first(self) -> None:
        """first() returns the first record, or None when there is none."""
        assert (
            BRIEF.statements["praise"] == BRIEF.statements.where(speaker="kim").first()
        )
        assert BRIEF.statements.where(speaker="trump").first() is None

    def test_repr(self) -> None:
        """The repr names the collection, the count and the first ids."""
        expected = "<Records statements: 2 [praise, thanks]>"
        assert expected == repr(BRIEF.statements.where(speaker=["kim", "putin"]))


class TestIndexesInvisible:
    def test_equality_hash_and_output(self) -> None:
        """Querying changes neither equality, hash nor the written file."""
        fresh = make_brief()
        before = (hash(fresh), cb.dumps(fresh))
        fresh.statements.where(speaker="kim", during="2025")
        fresh.deployments.where(active_on="2025-01", strict=True)
        assert BRIEF == fresh
        assert before == (hash(fresh), cb.dumps(fresh))

    def test_threads(self) -> None:
        """Threads sharing a fresh brief get the same answers."""
        fresh = make_brief()
        results: list[list[str]] = []

        def ask() -> None:
            results.append(ids(fresh.statements.where(about="russia", during="2025")))

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [["confirm", "claim", "rebuttal"]] * 8 == results


def naive(brief: Brief, name: str, filters: dict[str, Any], strict: bool) -> list[str]:
    """The answer of where(), found by testing every record in plain Python."""
    out = []
    for record in getattr(brief, name):
        ok = True
        for key, wanted in filters.items():
            if key in ("during", "active_on"):
                span = DateSpan.of(wanted)
                if key == "during":
                    d = record.date
                    ok = span.contains(d) if strict else span.overlaps(d)
                else:
                    arrive, leave = record.date, record.until
                    # Ordinals: an open start is lowest, an open end highest.
                    a_first, a_last = day_numbers(arrive)
                    q_first, q_last = day_numbers(span)
                    if strict:
                        end = (
                            brief.as_of.toordinal()
                            if leave is None
                            else day_numbers(leave)[0]
                        )
                        ok = a_last <= q_first and q_last <= end
                    else:
                        ok = a_first <= q_last and (
                            leave is None or day_numbers(leave)[1] >= q_first
                        )
            else:
                value = getattr(record, key)
                values = value if isinstance(value, tuple) else (value,)
                values = values or (None,)
                ok = any(v in wanted for v in values)
            if not ok:
                break
        if ok:
            out.append(record.id)
    return out


def value_pools(brief: Brief, name: str) -> dict[str, list[Any]]:
    """The values worth asking each value filter of *name* for, from the table.

    A reference filter asks for the ids of its target collection, or None; a
    filter declared on a field asks for the field's kinds, or the values its
    records hold, or None.
    """
    info = BY_NAME[name]
    targets = {r.field: r.target for r in info.references}
    fields = attrs.fields_dict(info.cls)
    pools: dict[str, list[Any]] = {}
    for key, spec in FILTERS[name].items():
        if spec.dated:
            continue
        if key in targets:
            pools[key] = [r.id for r in getattr(brief, targets[key])] + [None]
        elif isinstance(kinds := fields[key].type, type) and issubclass(
            kinds, enum.Enum
        ):
            pools[key] = list(kinds)
        else:
            pools[key] = [getattr(r, key) for r in getattr(brief, name)] + [None]
    return pools


@st.composite
def queries(draw: st.DrawFn) -> tuple[Brief, str, dict[str, Any], bool]:
    brief = draw(briefs(max_records=8))
    name = draw(st.sampled_from([c.name for c in COLLECTIONS]))
    filters: dict[str, Any] = {}
    for key, pool in value_pools(brief, name).items():
        asked: bool = draw(st.booleans())
        if pool and asked:
            filters[key] = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2))
    date_keys = [key for key, spec in FILTERS[name].items() if spec.dated]
    # Spans drawn anywhere in ten thousand years seldom meet a record: the
    # records' own dates are drawn as often, so that filters narrow.
    own = [r.date for r in getattr(brief, name)] if date_keys else []
    own += [r.until for r in getattr(brief, name) if getattr(r, "until", None)]
    when = st.sampled_from(own) | spans() if own else spans()
    for key in date_keys:
        if draw(st.booleans()):
            filters[key] = draw(when)
    strict = any(k in filters for k in date_keys) and draw(st.booleans())
    return brief, name, filters, strict


class TestWhereProperty:
    @settings(max_examples=150, deadline=None)
    @given(queries())
    def test_index_equals_scan(
        self, query: tuple[Brief, str, dict[str, Any], bool]
    ) -> None:
        """Every indexed query returns exactly what a naive scan returns."""
        brief, name, filters, strict = query
        expected = naive(brief, name, filters, strict)
        assert expected == ids(getattr(brief, name).where(strict=strict, **filters))

    @settings(max_examples=50, deadline=None)
    @given(queries())
    def test_chained_equals_combined(
        self, query: tuple[Brief, str, dict[str, Any], bool]
    ) -> None:
        """Applying filters one by one gives the combined answer."""
        brief, name, filters, strict = query
        records = getattr(brief, name)
        chained = records
        for key, value in filters.items():
            dated = FILTERS[name][key].dated
            chained = chained.where(strict=strict and dated, **{key: value})
        assert records.where(strict=strict, **filters) == chained


class TestWhereMembers:
    def test_members_widen_actor_filters(self) -> None:
        """members=True matches an actor and every actor that is part of it."""
        from conflictbrief import datasets

        brief = datasets.load()
        alone = brief.statements.where(speaker="united-states")
        widened = brief.statements.where(speaker="united-states", members=True)
        assert ["us-demands-end-to-support"] == [s.id for s in alone]
        assert {
            "us-demands-end-to-support",
            "us-officials-assign-responsibility",
            "trump-urges-talks",
        } == {s.id for s in widened}

    def test_members_need_a_brief(self) -> None:
        """members=True on records outside a brief says it needs one."""
        from conflictbrief import Records

        loose = Records(list(BRIEF.statements))
        with pytest.raises(TypeError, match="members=True needs"):
            loose.where(speaker="kim", members=True)

    def test_members_leave_other_filters(self) -> None:
        """members=True does not widen filters on other collections."""
        found = BRIEF.statements.where(kind="claim", members=True)
        assert list(BRIEF.statements.where(kind="claim")) == list(found)


@st.composite
def string_queries(draw: st.DrawFn) -> tuple[Brief, str, dict[str, Any], Any]:
    """A query of one value and perhaps a date window, each given as a string.

    The shapes `Records.where` answers by a short way: one filter given as
    a string, or a reference and ``during`` given as strings. Returns the
    brief, the collection, the filters and the value as the field holds it.
    """
    brief = draw(briefs(max_records=8))
    name = draw(st.sampled_from([c.name for c in COLLECTIONS]))
    pools = {
        key: [v for v in pool if isinstance(v, (str, enum.Enum))]
        for key, pool in value_pools(brief, name).items()
    }
    key = draw(st.sampled_from(sorted(k for k, pool in pools.items() if pool)))
    held = draw(st.sampled_from(pools[key]))
    filters: dict[str, Any] = {key: held.value if isinstance(held, enum.Enum) else held}
    if "during" in FILTERS[name] and draw(st.booleans()):
        own = [r.date for r in getattr(brief, name)]
        span = draw(st.sampled_from(own) | spans() if own else spans())
        filters["during"] = str(span)
    return brief, name, filters, held


class TestShortWays:
    @settings(max_examples=150, deadline=None)
    @given(string_queries())
    def test_asked_again_equals_scan(
        self, query: tuple[Brief, str, dict[str, Any], Any]
    ) -> None:
        """A query asked twice, the second time by a short way, equals a scan."""
        brief, name, filters, held = query
        key = next(iter(filters))
        expected = naive(brief, name, {**filters, key: [held]}, strict=False)
        records = getattr(brief, name)
        assert expected == ids(records.where(**filters))
        assert expected == ids(records.where(**filters))
        assert expected == ids(records.where(**dict(reversed(filters.items()))))

    def test_one_filter_kept(self) -> None:
        """One filter given as a string gives the very view it gave before."""
        fresh = make_brief()
        first = fresh.statements.where(speaker="kim")
        assert first is fresh.statements.where(speaker="kim")
        assert first is not fresh.statements.where(speaker=["kim"])

    def test_kept_views_are_bounded(self) -> None:
        """The oldest views are let go once they cost more than the bound."""
        fresh = make_brief()
        statements = fresh.statements
        root = statements._root
        first = statements.where(kind="claim")
        for year in range(1700, 1900):  # years no record has: empty views
            statements.where(during=str(year))
        statements.where(during="2000/2030")
        cost = sum(len(view) + 1 for view in root.views.values())
        assert cost == root.kept <= len(statements) + 100
        assert ("kind", "claim") not in root.views
        assert first == statements.where(kind="claim")

    def test_short_way_errors_as_the_planner(self) -> None:
        """After a value's date index is built, bad input is still named."""
        fresh = make_brief()
        statements = fresh.statements
        statements.where(speaker="kim", during="2025")
        with pytest.raises(ValidationError, match=r"during"):
            statements.where(speaker="kim", during="not a date")
        with pytest.raises(UnknownIdError, match="kimm"):
            statements.where(speaker="kimm", during="2025")
        with pytest.raises(TypeError, match="no filter"):
            statements.where(speker="kim", during="2025")

    def test_strict_is_not_overlapping(self) -> None:
        """strict=True is planned, not taken for the short way's overlap."""
        fresh = make_brief()
        statements = fresh.statements
        loose = ids(statements.where(speaker="kim", during="2025-04-28"))
        strict = statements.where(speaker="kim", during="2025-04-28", strict=True)
        assert naive(
            fresh, "statements", {"speaker": ["kim"], "during": "2025-04-28"}, True
        ) == ids(strict)
        assert (
            naive(
                fresh, "statements", {"speaker": ["kim"], "during": "2025-04-28"}, False
            )
            == loose
        )
