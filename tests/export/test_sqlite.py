"""SQLite for Datasette: what metadata says, and where it is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from exported import small

import conflictbrief
from conflictbrief import Brief, Source
from conflictbrief.cli import main
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


class TestMetadataFile:
    def test_one_per_database(self, tmp_path: Path) -> None:
        """Two databases in one folder each get their own metadata file."""
        first = to_sqlite(small("first"), tmp_path / "first.db")
        second = to_sqlite(small("second"), tmp_path / "second.db")
        names = [
            list(json.loads(p.read_text("utf-8"))["databases"]) for p in (first, second)
        ]
        assert (
            tmp_path / "first.metadata.json",
            tmp_path / "second.metadata.json",
            [["first"], ["second"]],
            False,
        ) == (first, second, names, (tmp_path / "metadata.json").exists())

    def test_refuses_other_file(self, tmp_path: Path) -> None:
        """A file where the metadata would go that is not its metadata is kept."""
        (tmp_path / "brief.metadata.json").write_text("notes", encoding="utf-8")
        with pytest.raises(FileExistsError, match=r"brief\.metadata\.json"):
            to_sqlite(small(), tmp_path / "brief.db")
        assert ("notes", False) == (
            (tmp_path / "brief.metadata.json").read_text("utf-8"),
            (tmp_path / "brief.db").exists(),
        )

    def test_refuses_other_database_file(self, tmp_path: Path) -> None:
        """A file at the database's path that is not SQLite is kept, nothing written."""
        (tmp_path / "brief.db").write_text("notes", encoding="utf-8")
        with pytest.raises(FileExistsError, match="not a SQLite database"):
            to_sqlite(small(), tmp_path / "brief.db")
        assert ["brief.db"] == [p.name for p in tmp_path.iterdir()]

    def test_replaces_own(self, tmp_path: Path) -> None:
        """Writing a database again replaces the metadata written for it."""
        to_sqlite(small(), tmp_path / "brief.db")
        meta = json.loads(to_sqlite(with_sources(), tmp_path / "brief.db").read_text())
        assert "Sourced" == meta["title"]

    def test_command_leaves_current_folder(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """export --to sqlite -o b.db leaves a metadata.json in the folder alone."""
        monkeypatch.chdir(tmp_path)
        (tmp_path / "metadata.json").write_text("{}", encoding="utf-8")
        assert 0 == main(["export", "--to", "sqlite", "-o", "b.db"])
        assert ("{}", True) == (
            (tmp_path / "metadata.json").read_text("utf-8"),
            (tmp_path / "b.metadata.json").exists(),
        )
