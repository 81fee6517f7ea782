"""A brief as in-memory shapes: GeoJSON, pandas data frames, a networkx graph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflictbrief._collections.registry import COLLECTIONS

from ._rows import Table, record_tables, require, singular, tables

if TYPE_CHECKING:
    import networkx as nx

    from conflictbrief.brief import Brief

__all__ = ["EDGES", "dataframes", "geojson", "graph"]

EDGES = {
    "statements": ("speaker", "about"),
    "deployments": ("sender", "host"),
    "figures": ("by", "side"),
}
"""The collections that relate actors, with the fields an edge runs from and to."""


def _json_value(value: Any) -> Any:
    # A place's fields are text, numbers and tuples of names.
    return list(value) if isinstance(value, tuple) else value


def geojson(brief: Brief, precision: int | None) -> dict[str, Any]:
    """The places with coordinates as an RFC 7946 FeatureCollection."""
    here: dict[str, dict[str, list[str]]] = {p.id: {} for p in brief.places}
    for c in COLLECTIONS:
        for ref in c.references:
            if ref.target == "places":
                for record in getattr(brief, c.name):
                    place = getattr(record, ref.field)
                    if place is not None:
                        here[place].setdefault(c.name, []).append(record.id)
    features = []
    (places,) = (t for t in record_tables(brief) if t.name == "places")
    for row in places.dicts():
        lat, lon = row["latitude"], row["longitude"]
        if lat is None or lon is None:
            continue
        if precision is not None:
            lat, lon = round(lat, precision), round(lon, precision)
        properties = {k: _json_value(v) for k, v in row.items()}
        properties |= {"latitude": lat, "longitude": lon}
        properties |= here[row["id"]]
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


_PANDAS_TYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "list": "object",
}


def _frame(pd: Any, table: Table) -> Any:
    frame = pd.DataFrame.from_records(table.rows, columns=list(table.names))
    for c in table.columns:
        if c.type == "date":
            # Seconds, not pandas' default nanoseconds, whose range ends in 2262.
            frame[c.name] = pd.Series(
                [None if d is None else d.isoformat() for d in frame[c.name]],
                dtype="object",
            ).astype("datetime64[s]")
        else:
            frame[c.name] = frame[c.name].astype(_PANDAS_TYPES[c.type])
    return frame


def dataframes(brief: Brief) -> dict[str, Any]:
    """A pandas DataFrame per table, by table name."""
    pd = require("pandas", "pandas")
    return {t.name: _frame(pd, t) for t in tables(brief)}


def _ends(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def graph(brief: Brief) -> nx.MultiDiGraph[str]:
    """Actors as nodes and the records that relate them as typed edges."""
    networkx = require("networkx", "graph")
    made: nx.MultiDiGraph[str] = networkx.MultiDiGraph(id=brief.id, title=brief.title)
    found = {t.name: t for t in record_tables(brief)}
    for row in found["actors"].dicts():
        made.add_node(row["id"], **row)
    for name, (source, target) in EDGES.items():
        kind = singular(name)
        for row in found[name].dicts():
            for start in _ends(row[source]):
                for end in _ends(row[target]):
                    made.add_edge(start, end, key=row["id"], type=kind, **row)
    return made
