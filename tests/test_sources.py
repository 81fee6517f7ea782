"""Sources and the citations that quote them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

import pytest

from conflictbrief import Citation, DateSpan, Problem, Source, SourceKind
from contracts import (
    TEXT,
    ValueObjectContract,
    kinds_of,
    optional_ref_slug,
    problems_of,
    ref_slug,
    source,
)


class TestSource(ValueObjectContract):
    cls = Source
    make = staticmethod(source)
    bad: ClassVar[dict[str, Any]] = {"kind": "book"}
    problem = Problem(
        "kind",
        f"expected one of {kinds_of(SourceKind)}, got 'book' (str)",
    )

    @pytest.mark.parametrize(
        "published",
        ["2025-04-28", date(2025, 4, 28), DateSpan.parse("2025-04-28")],
    )
    def test_published_takes_date_likes(self, published: Any) -> None:
        """`published` takes an EDTF string, a date or a span."""
        assert DateSpan.parse("2025-04-28") == source(published=published).published

    def test_published_may_be_missing(self) -> None:
        """`published` is None when the source gives no date."""
        assert source().published is None

    def test_kind_from_string(self) -> None:
        """A kind's string value is converted to the enum member."""
        assert SourceKind.IMAGE is source(kind="image").kind

    def test_text_is_not_in_repr(self) -> None:
        """The full text is too long for a repr and is left out of it."""
        assert "troops" not in repr(source(text=TEXT))

    def test_repr(self) -> None:
        """The repr lists the fields as a constructor call, as attrs writes it."""
        expected = (
            "Source(id='kcna', title='KCNA', kind=<SourceKind.IMAGE: 'image'>, "
            "published=None, publisher=None, url=None, license='CC BY 4.0', "
            "attribution=None)"
        )
        assert expected == repr(
            Source(id="kcna", title="KCNA", kind="image", license="CC BY 4.0")
        )

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"published": "2025-13"},
                "published",
                (
                    "cannot read '2025-13' as an EDTF date: "
                    "13 is not a month (01-12) or season (21-32)"
                ),
            ),
            (
                {"published": 2025},
                "published",
                (
                    "expected a DateSpan, a datetime.date or an EDTF string, "
                    "got 2025 (int)"
                ),
            ),
            (
                {"published": datetime(2025, 4, 28, 12)},  # noqa: DTZ001
                "published",
                (
                    "expected a DateSpan, a datetime.date or an EDTF string, "
                    "got datetime.datetime(2025, 4, 28, 12, 0)"
                ),
            ),
            ({"title": b"KCNA"}, "title", "expected a non-empty string, got b'KCNA'"),
            (
                {"publisher": "KCNA"},
                "publisher",
                f"expected {optional_ref_slug('an actor')}, got 'KCNA' (str)",
            ),
            ({"url": 1}, "url", "expected a non-empty string or None, got 1 (int)"),
            ({"text": ""}, "text", "expected a non-empty string or None, got '' (str)"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        assert (Problem(path, message),) == problems_of(lambda: source(**changes))


class TestCitation(ValueObjectContract):
    cls = Citation
    make = staticmethod(lambda **kw: Citation(**{"source": "kcna", "quote": "q", **kw}))
    bad: ClassVar[dict[str, Any]] = {"quote": 1.5}
    problem = Problem("quote", "expected a non-empty string, got 1.5 (float)")

    @pytest.mark.parametrize(
        ("changes", "path", "message"),
        [
            (
                {"source": "KCNA"},
                "source",
                f"expected {ref_slug('a source')}, got 'KCNA' (str)",
            ),
            ({"source": None}, "source", f"expected {ref_slug('a source')}, got None"),
            ({"quote": "\t"}, "quote", "expected a non-empty string, got '\\t' (str)"),
            ({"quote": None}, "quote", "expected a non-empty string, got None"),
        ],
    )
    def test_refuses(self, changes: dict[str, Any], path: str, message: str) -> None:
        """A bad value is refused with the field's name, the value and the need."""
        fields = {"source": "kcna", "quote": "q", **changes}
        assert (Problem(path, message),) == problems_of(lambda: Citation(**fields))
