"""How records read for people: one line each, and HTML tables for notebooks.

The model classes' ``describe`` methods and ``str`` use these helpers, with
ids for names when a record stands alone; a collection, a dispute or a brief
passes the names of its brief's actors, places and sources, so that lines
read "North Korea to Russia" rather than "north-korea to russia".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conflictbrief._collections.root import Holder
    from conflictbrief.dates import DateSpan

SEP = " \N{MIDDLE DOT} "
"""What separates the parts of a line."""

Names = Mapping[str, str]
"""Display names by id."""


_HTML = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)


def escape(text: str) -> str:
    """Return *text* safe inside HTML, as `html.escape` makes it.

    Written out here because importing `html` loads its table of entities,
    which costs import time the package is measured on.
    """
    return text.translate(_HTML)


def name_of(names: Names | None, key: str) -> str:
    """Return the display name of the id *key*, or the id itself."""
    return key if names is None else names.get(key, key)


def names_of(names: Names | None, keys: Iterable[str]) -> str:
    """Return the display names of *keys*, joined with commas."""
    return ", ".join(name_of(names, k) for k in keys)


def line(date: DateSpan, kind: str, who: str, what: str) -> str:
    """Return a dated record's line: date in words, kind, who and what."""
    head = f"{date.describe()}{SEP}{kind}{SEP}"
    return f"{head}{who}: {what}" if who else f"{head}{what}"


def html_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return an HTML table of *rows*, every cell escaped."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def brief_names(brief: Holder) -> dict[str, str]:
    """Return the display names of a brief's records by id.

    Actors, places and sources by their names; a deployment, which has none,
    as where and when it was sent ("sent to Kursk region, autumn 2024"), and
    an event as its kind and date ("attack, 25 April 2025"), so that a figure
    says what it counts without an id. Where ids of two collections meet,
    actors win, then places, then sources.
    """
    named = {s.id: s.title for s in brief.sources}
    named.update((p.id, p.name) for p in brief.places)
    named.update((a.id, a.name) for a in brief.actors)
    names = {
        d.id: f"sent to {name_of(named, d.place or d.host)}, {d.date.describe()}"
        for d in brief.deployments
    }
    names.update((e.id, f"{e.kind.value}, {e.date.describe()}") for e in brief.events)
    names.update(named)
    return names


def name_pairs(records: Iterable[Any]) -> Iterator[tuple[str, str]]:
    """Yield (name, id) for every name and alias of named *records*.

    Records without names (statements and the rest) yield nothing.
    """
    for record in records:
        name = getattr(record, "name", None)
        if name is not None:
            yield name, record.id
            for alias in record.aliases:
                yield alias, record.id
