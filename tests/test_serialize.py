"""load, loads, dump and dumps: reading and writing briefs."""

from __future__ import annotations

import contextlib
import io
import json
import re
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbrief import (
    FORMAT,
    Actor,
    Brief,
    Citation,
    Estimate,
    Problem,
    Source,
    Statement,
    ValidationError,
    dump,
    dumps,
    load,
    loads,
)
from contracts import ACTOR_KINDS, briefly
from documents import (
    BAD_DOCUMENTS,
    BRIEF_KEYS,
    DOC,
    drop,
    json_values,
    leaves,
    load_problems,
    put,
    text_of,
    value_at,
    values_like,
)
from strategies import briefs


class TestLoads:
    @pytest.mark.parametrize(("data", "path", "message"), BAD_DOCUMENTS)
    def test_bad_document(self, data: str | bytes, path: str, message: str) -> None:
        """A bad document is refused with the path and the sentence of its problem."""
        assert (Problem(path, message),) == load_problems(data)

    def test_bad_documents_are_distinct(self) -> None:
        """Every document in the table of bad documents is a different one."""
        documents = [p.values[0] for p in BAD_DOCUMENTS]
        assert len(documents) == len(set(documents))

    def test_base_document_is_valid(self) -> None:
        """The document the bad ones are made from loads."""
        assert "b" == loads(text_of()).id

    def test_shape_and_integrity_at_once(self) -> None:
        """A record that cannot be read does not hide another's broken reference."""
        data = text_of(
            put("actors", 0, "name", value=7),
            put("statements", 0, "citations", 0, "quote", value="troops were seen"),
            put("deployments", 0, "place", value="kursks"),
        )
        assert (
            Problem("$.actors[0].name", "expected a string, got 7 (int)"),
            Problem(
                "$.statements[0].citations[0].quote",
                "expected words found in the text of 'kcna', got 'troops were seen'",
            ),
            Problem(
                "$.deployments[0].place",
                "expected the id of a place in this brief, got 'kursks'; "
                "did you mean 'kursk'?",
            ),
        ) == load_problems(data)

    def test_unread_records_not_blamed_twice(self) -> None:
        """References into a collection with an unreadable record are not checked."""
        data = text_of(put("actors", 2, "kind", value="leader"))
        assert ["$.actors[2].kind"] == [p.path for p in load_problems(data)]

    def test_every_problem_at_once(self) -> None:
        """A document with several problems reports every one, in order."""
        data = text_of(
            put("title", value=7),
            put("actors", 1, "kind", value="country"),
            put("actors", 2, "aliases", value="Kim"),
            put("statements", 0, "date", value="soon"),
            drop("events", 0, "summary"),
            put("deployments", 0, "troops", "best", value=1.5),
            put("deployments", 0, "troops", "low", value="1"),
            put("colour", value="red"),
        )
        edtf = (
            "cannot read 'soon' as an EDTF date: expected a day (2025-04-28), "
            "month (2025-04), season (2024-23), year (2024), decade (202X) or "
            "an interval of these (A/B)"
        )
        expected = (
            Problem("$.title", "expected a string, got 7 (int)"),
            Problem(
                "$.actors[1].kind",
                f"expected one of {ACTOR_KINDS}, got 'country' (str)",
            ),
            Problem("$.actors[2].aliases", "expected a list, got 'Kim' (str)"),
            Problem("$.statements[0].date", edtf),
            Problem(
                "$.deployments[0].troops.best",
                "expected a whole number, got 1.5 (float)",
            ),
            Problem(
                "$.deployments[0].troops.low",
                "expected a whole number, got '1' (str)",
            ),
            Problem("$.events[0].summary", "missing; this key is required"),
            Problem("$.colour", f"unknown key; expected one of {BRIEF_KEYS}"),
        )
        assert expected == load_problems(data)

    def test_every_integrity_problem_at_once(self) -> None:
        """Integrity problems of a well-formed document are all reported."""
        data = text_of(
            put("actors", 2, "part_of", value="korea"),
            put("statements", 0, "responds_to", value="s1"),
            put("events", 0, "place", value="moscow"),
        )
        expected = (
            Problem(
                "$.actors[2].part_of",
                "expected the id of an actor in this brief, got 'korea'; "
                "did you mean 'north-korea'?",
            ),
            Problem(
                "$.statements[0].responds_to",
                "expected another record's id, got its own id 's1'",
            ),
            Problem(
                "$.events[0].place",
                "expected the id of a place in this brief, got 'moscow'",
            ),
        )
        assert expected == load_problems(data)

    def test_message_lists_problems(self) -> None:
        """The error's text lists each problem on a line of its own."""
        data = text_of(put("title", value=7), put("id", value=8))
        with pytest.raises(
            ValidationError,
            match=re.escape(
                "2 problems:\n"
                "  $.id: expected a string, got 8 (int)\n"
                "  $.title: expected a string, got 7 (int)"
            ),
        ):
            loads(data)

    def test_refuses_other_types(self) -> None:
        """Only text and bytes are read; a dict is refused, not converted."""
        expected = "expected JSON text as str or bytes, got {'format': 'conf"
        with pytest.raises(ValidationError, match=re.escape(expected)):
            loads(DOC)  # type: ignore[arg-type]

    @briefly
    @given(briefs())
    def test_round_trip(self, b: Brief) -> None:
        """Every valid brief reads back equal to itself."""
        assert b == loads(dumps(b))

    @settings(max_examples=150, deadline=None)
    @given(briefs(max_records=3), st.data())
    def test_mutated_documents(self, b: Brief, data: st.DataObject) -> None:
        """A valid document with a leaf replaced loads or raises ValidationError."""
        doc = json.loads(dumps(b))
        path = data.draw(st.sampled_from([p for p in leaves(doc) if p[0] != "format"]))
        put(*path, value=data.draw(json_values | values_like(value_at(doc, path))))(doc)
        with contextlib.suppress(ValidationError):
            loads(json.dumps(doc))

    def test_error_is_a_value_error(self) -> None:
        """Callers may catch a bad document as a ValueError."""
        with pytest.raises(ValueError, match=r"^\$: not valid JSON"):
            loads("{")


class TestDumps:
    @briefly
    @given(briefs())
    def test_deterministic(self, b: Brief) -> None:
        """Writing what was read gives the same text again."""
        text = dumps(b)
        assert text == dumps(loads(text))

    def test_canonical_text(self) -> None:
        """Output is indented JSON in field order with defaults left out."""
        b = Brief(
            id="b",
            title="Troupes nord-coréennes",
            as_of=date(2025, 4, 28),
            actors=[Actor(id="kim", name="Kim", kind="person")],
            sources=[Source(id="kcna", title="KCNA", kind="article")],
            statements=[
                Statement(
                    id="s1",
                    date="2024-09-01/2024-11-30",
                    kind="claim",
                    summary="Kim spoke.",
                    citations=[Citation(source="kcna", quote="he spoke")],
                )
            ],
        )
        expected = (
            f'{{\n  "format": "{FORMAT}",\n'
            """\
  "id": "b",
  "title": "Troupes nord-coréennes",
  "as_of": "2025-04-28",
  "actors": [
    {
      "id": "kim",
      "name": "Kim",
      "kind": "person"
    }
  ],
  "sources": [
    {
      "id": "kcna",
      "title": "KCNA",
      "kind": "article"
    }
  ],
  "statements": [
    {
      "id": "s1",
      "date": "2024-23",
      "kind": "claim",
      "summary": "Kim spoke.",
      "citations": [
        {
          "source": "kcna",
          "quote": "he spoke"
        }
      ]
    }
  ]
}
"""
        )
        assert expected == dumps(b)

    def test_keys_in_field_order(self) -> None:
        """Keys follow the classes' field order, after the format."""
        doc = json.loads(dumps(loads(text_of())))
        fields = ["format", *(a.name for a in attrs.fields(Brief))]
        assert sorted(doc, key=fields.index) == list(doc)
        assert ["id", "name", "kind", "aliases", "part_of", "ids"] == list(
            doc["actors"][2]
        )
        assert [
            "id",
            "sender",
            "host",
            "date",
            "place",
            "citations",
        ] == list(doc["deployments"][0])

    def test_same_document_back(self) -> None:
        """A canonical document is written back exactly as it was read."""
        text = dumps(loads(text_of()))
        assert text == dumps(loads(text))

    def test_format_1_upgraded(self) -> None:
        """A /1 deployment's troop estimate is written as a troops figure."""
        doc = json.loads(dumps(loads(text_of())))
        dep = {k: v for k, v in DOC["deployments"][0].items() if k != "troops"}
        figure = {
            "id": "d1-troops",
            "kind": "troops",
            "count": {"best": 11000, "approximate": True},
            "date": "2024-10",
            "side": "north-korea",
            "deployment": "d1",
            "citations": [{"source": "kcna", "quote": "sent to Kursk"}],
        }
        assert (FORMAT, [dep], [figure]) == (
            doc["format"],
            doc["deployments"],
            doc["figures"],
        )

    def test_format_1_estimator(self) -> None:
        """A /1 estimator becomes the figure's by, and is checked where it was."""
        b = loads(text_of(put("deployments", 0, "estimated_by", value=["kim"])))
        assert ("kim",) == b.figures["d1-troops"].by
        data = text_of(put("deployments", 0, "estimated_by", value=["kim", "nis"]))
        assert (
            Problem(
                "$.deployments[0].estimated_by[1]",
                "expected the id of an actor in this brief, got 'nis'",
            ),
        ) == load_problems(data)

    def test_format_1_estimator_beside_unread_record(self) -> None:
        """A /1 estimator is checked where it was when another record is unread."""
        data = text_of(
            put("title", value=7),
            put("deployments", 0, "estimated_by", value=["nis"]),
        )
        assert [
            "$.title",
            "$.deployments[0].estimated_by[0]",
        ] == [p.path for p in load_problems(data)]

    def test_format_1_without_troops(self) -> None:
        """A /1 deployment with no troop estimate gives no figure."""
        assert 0 == len(loads(text_of(drop("deployments", 0, "troops"))).figures)

    def test_format_1_problem_named_once(self) -> None:
        """A /1 sender's problem is named at the deployment, not again at a figure."""
        data = text_of(put("deployments", 0, "sender", value="nk"))
        assert ["$.deployments[0].sender"] == [p.path for p in load_problems(data)]

    def test_format_1_has_no_figures(self) -> None:
        """A /1 document names its own keys, which have no figures."""
        (problem,) = load_problems(text_of(put("figures", value=[])))
        assert ("$.figures", f"unknown key; expected one of {BRIEF_KEYS}") == (
            problem.path,
            problem.message,
        )

    def test_figures_round_trip(self) -> None:
        """Figures are written and read back."""
        b = loads(text_of())
        assert b == loads(dumps(b))

    def test_default_values_left_out(self) -> None:
        """False flags, empty lists and empty identifiers are not written."""
        b = loads(
            text_of(
                put("deployments", 0, "troops", "approximate", value=False),
                put("actors", 2, "aliases", value=[]),
                put("actors", 2, "ids", value={}),
            )
        )
        doc = json.loads(dumps(b))
        assert ({"best": 11000}, ["id", "name", "kind", "part_of"]) == (
            doc["figures"][0]["count"],
            list(doc["actors"][2]),
        )

    def test_zero_is_written(self) -> None:
        """A count of zero is a figure, not a default, and is written."""
        b = loads(text_of(put("deployments", 0, "troops", value={"best": 0})))
        assert Estimate(best=0) == loads(dumps(b)).figures["d1-troops"].count


class TestLoadErrors:
    def test_names_the_file(self, tmp_path: Path) -> None:
        """A file that does not load is named in the error, beside its problems."""
        path = tmp_path / "bad.json"
        path.write_text(text_of(put("title", value=7)), encoding="utf-8")
        with pytest.raises(ValidationError) as info:
            load(path)
        assert str(path) == info.value.file
        assert f"{path}: $.title: expected a string, got 7 (int)" == str(info.value)

    def test_names_an_open_file(self, tmp_path: Path) -> None:
        """An open file is named by its name, and several problems are counted."""
        path = tmp_path / "bad.json"
        path.write_text(text_of(put("title", value=7), put("id", value=8)))
        with path.open("rb") as f, pytest.raises(ValidationError) as info:
            load(f)
        assert str(info.value).startswith(f"2 problems in {path}:\n  $.id")

    def test_path_given_to_loads(self) -> None:
        """A file name passed to loads() gets a pointer to load()."""
        with pytest.raises(ValidationError, match=r"looks like a file name: load\(\)"):
            loads("briefs/example.json")


class TestLoad:
    def test_path(self, tmp_path: Path) -> None:
        """A path, as a string or a Path, is read as UTF-8."""
        file = tmp_path / "brief.json"
        file.write_bytes(text_of().encode())
        assert (loads(text_of()), loads(text_of())) == (load(str(file)), load(file))

    def test_text_file(self, tmp_path: Path) -> None:
        """An open text file is read."""
        file = tmp_path / "brief.json"
        file.write_text(text_of(), encoding="utf-8")
        with file.open(encoding="utf-8") as f:
            assert loads(text_of()) == load(f)

    def test_binary_file(self, tmp_path: Path) -> None:
        """An open binary file is read."""
        file = tmp_path / "brief.json"
        file.write_bytes(text_of().encode())
        with file.open("rb") as f:
            assert loads(text_of()) == load(f)

    def test_in_memory_files(self) -> None:
        """StringIO and BytesIO are files too."""
        expected = loads(text_of())
        assert (expected, expected) == (
            load(io.StringIO(text_of())),
            load(io.BytesIO(text_of().encode())),
        )

    def test_bad_file(self, tmp_path: Path) -> None:
        """A bad file raises ValidationError with the problem's path."""
        file = tmp_path / "brief.json"
        file.write_text(text_of(put("title", value=1)), encoding="utf-8")
        with pytest.raises(
            ValidationError, match=re.escape("$.title: expected a string, got 1 (int)")
        ):
            load(file)


class TestDump:
    def test_path(self, tmp_path: Path) -> None:
        """A path is written as UTF-8 with the exact text of dumps."""
        b = loads(text_of(put("title", value="Troupes nord-coréennes")))
        file = tmp_path / "brief.json"
        dump(b, file)
        dump(b, str(tmp_path / "again.json"))
        expected = dumps(b).encode()
        assert (expected, expected) == (
            file.read_bytes(),
            (tmp_path / "again.json").read_bytes(),
        )

    def test_text_file(self, tmp_path: Path) -> None:
        """An open text file is written with the text of dumps."""
        b = loads(text_of())
        file = tmp_path / "brief.json"
        with file.open("w", encoding="utf-8") as f:
            dump(b, f)
        assert dumps(b) == file.read_text(encoding="utf-8")

    def test_binary_file(self, tmp_path: Path) -> None:
        """An open binary file is written with the UTF-8 bytes of dumps."""
        b = loads(text_of(put("title", value="Troupes nord-coréennes")))
        file = tmp_path / "brief.json"
        with file.open("wb") as f:
            dump(b, f)
        assert dumps(b).encode() == file.read_bytes()

    def test_in_memory_files(self) -> None:
        """StringIO receives text and BytesIO bytes."""
        b = loads(text_of())
        text, binary = io.StringIO(), io.BytesIO()
        dump(b, text)
        dump(b, binary)
        assert (dumps(b), dumps(b).encode()) == (text.getvalue(), binary.getvalue())

    def test_round_trip_through_file(self, tmp_path: Path) -> None:
        """What dump writes, load reads back equal."""
        b = loads(text_of())
        dump(b, tmp_path / "brief.json")
        assert b == load(tmp_path / "brief.json")
