"""SQLite for Datasette: what metadata says, and where it is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import conflictbrief
from conflictbrief import Brief, Source
from conflictbrief.export import to_sqlite


def with_sources(*sources: Source) -> Brief:
    """A brief of nothing but *sources*."""
    return Brief(id="sourced", title="Sourced", as_of="2025-01-01", sources=sources)


def source(n: int, **fields: Any) -> Source:
    """An article with a numbered id and title."""
    return Source(id=f"src-{n}", title=f"Article {n}", kind="article", **fields)


def metadata_of(brief: Brief, tmp_path: Path) -> dict[str, Any]:
    """The metadata to_sqlite writes for *brief*."""
    written = to_sqlite(brief, tmp_path / "brief.db")
    found: dict[str, Any] = json.loads(written.read_text("utf-8"))
    return found


class TestLicence:
    def test_bundled_states_no_licence(self, tmp_path: Path) -> None:
        """The bundled brief's main article has no licence: none is stated for all."""
        meta = metadata_of(conflictbrief.datasets.load(), tmp_path)
        assert "license" not in meta

    def test_shared_licence(self, tmp_path: Path) -> None:
        """A licence every source has is the database's."""
        brief = with_sources(source(1, license="CC0"), source(2, license="CC0"))
        assert "CC0" == metadata_of(brief, tmp_path)["license"]

    def test_mixed_licences(self, tmp_path: Path) -> None:
        """Different licences are stated per source, never for the database."""
        brief = with_sources(source(1, license="CC0"), source(2, license="CC BY 4.0"))
        meta = metadata_of(brief, tmp_path)
        sources = meta["databases"]["brief"]["tables"]["sources"]["description"]
        assert ("license" in meta, sources) == (
            False,
            "src-1: CC0, Article 1; src-2: CC BY 4.0, Article 2",
        )

    def test_no_licence_given(self, tmp_path: Path) -> None:
        """A source without a licence says so in the sources table's description."""
        brief = with_sources(source(1, license="CC0"), source(2))
        meta = metadata_of(brief, tmp_path)
        sources = meta["databases"]["brief"]["tables"]["sources"]["description"]
        assert "src-2: no licence given, Article 2" == sources.split("; ")[1]


class TestSourceLine:
    def test_many_sources(self, tmp_path: Path) -> None:
        """With 200 sources the source line names the first and counts the rest."""
        brief = with_sources(*(source(n) for n in range(200)))
        assert "Article 0 and 199 more" == metadata_of(brief, tmp_path)["source"]

    def test_one_source(self, tmp_path: Path) -> None:
        """One source is the source line, linked to its http(s) address."""
        brief = with_sources(source(1, url="https://example.org/a", attribution="AP"))
        meta = metadata_of(brief, tmp_path)
        assert ("AP", "https://example.org/a") == (meta["source"], meta["source_url"])

    def test_javascript_not_linked(self, tmp_path: Path) -> None:
        """A javascript: address becomes no link and is not copied into metadata."""
        brief = with_sources(source(1, url="javascript:alert(1)"))
        meta = metadata_of(brief, tmp_path)
        assert ("source_url" in meta, "javascript" in json.dumps(meta)) == (
            False,
            False,
        )
