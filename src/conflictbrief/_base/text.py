"""How records read for people: one line each, and HTML tables for notebooks.

The model classes' ``describe`` methods and ``str`` use these helpers, with
ids for names when a record stands alone; a collection, a dispute or a brief
passes the names of its brief's actors, places and sources, so that lines
read "North Korea to Russia" rather than "north-korea to russia".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

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


_CONTROL = {
    c: f"\\x{c:02x}" for c in (*range(32), *range(127, 160)) if chr(c) not in "\n\t"
}
"""Control characters, which a terminal may run as commands, and how they show."""

_JSON_CONTROL = {c: f"\\u{c:04x}" for c in range(127, 160)}
"""What JSON text leaves raw and a terminal may run: DEL and the C1 controls."""


def visible(text: str) -> str:
    r"""Return *text* with control characters but ``\n`` and ``\t`` escaped.

    >>> visible("red\x1b[31m")
    'red\\x1b[31m'
    """
    return text.translate(_CONTROL)


def visible_json(text: str) -> str:
    """Return JSON *text* with DEL and the C1 controls as JSON escapes.

    `json.dumps` escapes the other controls in strings itself; these occur
    only inside strings too, so the escapes read back as the same text.
    """
    return text.translate(_JSON_CONTROL)


class Visible:
    """A text stream that shows control characters in what it is given escaped.

    A brief's text (a name, a summary, a quote) may hold terminal escape
    sequences; printed raw, they would recolour or retitle the terminal. The
    command line prints through one: text with `visible`, JSON with
    `visible_json`, which reads back as the same text.
    """

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, text: str) -> int:
        """Write *text*, its control characters escaped."""
        return self.out.write(visible(text))

    def write_json(self, text: str) -> int:
        """Write the JSON *text*, DEL and the C1 controls as JSON escapes."""
        return self.out.write(visible_json(text))


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


NOTEBOOK_ROWS = 50
"""The rows a notebook shows of a table; a last line counts the rest."""

_LEFT = ' style="text-align: left"'


def html_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], total: int
) -> str:
    """Return an HTML table of the first `NOTEBOOK_ROWS` of *rows*, of *total*.

    Every cell is escaped and aligned left in its own style, since notebooks
    right-align table cells, which suits numbers and not prose. When *total*
    is more, a last line says how many more there are, so that a brief or
    collection of any size renders small.
    """
    head = "".join(f"<th{_LEFT}>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td{_LEFT}>{escape(c)}</td>" for c in row) + "</tr>"
        for row in itertools.islice(rows, NOTEBOOK_ROWS)
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if total > NOTEBOOK_ROWS:
        table += f"<p>and {total - NOTEBOOK_ROWS:,} more</p>"
    return table


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
