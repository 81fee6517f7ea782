"""The conflictbrief command: every command, its output and its exit status."""

from __future__ import annotations

import argparse
import json
import os
import runpy
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import attrs
import pytest

from conflictbrief import cli, datasets, dumps
from conflictbrief._base import options
from conflictbrief.cli import main
from contracts import ACTOR_KINDS
from documents import BRIEF_KEYS

DOT = " \N{MIDDLE DOT} "


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command with *argv*; return its status, output and errors."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(
        '{"format": "conflictbrief/1", "id": "b", "title": "T", "as_of": "2025-01-01",'
        ' "actors": [{"id": "a", "name": "A", "kind": "stat"}], "colour": 1}',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.json"
    path.write_text(dumps(datasets.load()), encoding="utf-8")
    return path


class TestCommands:
    def test_show(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show prints the bundled brief's overview."""
        status, out, err = run(capsys, "show")
        assert (0, "") == (status, err)
        assert out.startswith("North Korea confirms its troops are fighting for Russia")
        assert (
            "  North Korea to Russia: about 11,000 (about 11,000: Military analysts)\n"
            in out
        )

    def test_show_json_is_the_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show --json prints the brief in the file format."""
        status, out, _ = run(capsys, "show", "--json")
        assert (0, dumps(datasets.load())) == (status, out)

    def test_actors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """actors --kind lists the actors of a kind, a line each."""
        status, out, _ = run(capsys, "actors", "--kind", "state")
        lines = out.splitlines()
        assert (0, 5) == (status, len(lines))
        assert (
            f"north-korea: North Korea{DOT}state{DOT}also Pyongyang, DPRK" == lines[0]
        )

    def test_statements_by_with_members(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--speaker with --members includes the statements of the actor's members."""
        _, alone, _ = run(capsys, "statements", "--speaker", "united-states")
        _, with_members, _ = run(
            capsys, "statements", "--speaker", "united-states", "--members"
        )
        assert (1, 3) == (len(alone.splitlines()), len(with_members.splitlines()))

    def test_statements_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """statements --json prints the matching records as the file has them."""
        status, out, _ = run(
            capsys, "statements", "--kind", "dispute", "--during", "2025", "--json"
        )
        data = json.loads(out)
        assert (0, ["ukraine-disputes-kursk-control"]) == (
            status,
            [d["id"] for d in data],
        )

    def test_nothing_matches(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A query with no answer says so."""
        status, out, _ = run(
            capsys, "statements", "--speaker", "kim-jong-un", "--during", "2020"
        )
        assert (0, "nothing matches\n") == (status, out)

    def test_timeline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """timeline --during lists the records possibly in the span, in order."""
        status, out, _ = run(capsys, "timeline", "--during", "2025-04-28")
        lines = out.splitlines()
        assert 0 == status
        assert lines[-1].startswith(f"28 April 2025{DOT}assess{DOT}the source: ")

    def test_timeline_json_names_types(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """timeline --json says which type of record each entry is."""
        _, out, _ = run(capsys, "timeline", "--json")
        types = {d["type"] for d in json.loads(out)}
        assert {"statement", "deployment", "event", "figure"} == types

    def test_troops(self, capsys: pytest.CaptureFixture[str]) -> None:
        """troops prints the estimate, and --json its figures."""
        _, text, _ = run(capsys, "troops", "--sender", "north-korea")
        _, data, _ = run(capsys, "troops", "--host", "ukraine", "--json")
        assert "about 11,000 (about 11,000: Military analysts)\n" == text
        assert (None, "no figure given") == (
            json.loads(data)["estimate"],
            json.loads(data)["text"],
        )

    def test_disputes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """disputes prints each claim and its rebuttals."""
        _, out, _ = run(capsys, "disputes")
        _, data, _ = run(capsys, "disputes", "--json")
        assert "  disputed by: " in out
        assert "russia-claims-control-of-kursk" == json.loads(data)[0]["claim"]["id"]

    def test_uncited(self, capsys: pytest.CaptureFixture[str]) -> None:
        """uncited lists the sentences no record cites: the image's licence line."""
        status, out, _ = run(
            capsys, "uncited", "--source", "north-korea-confirms-troops-in-russia"
        )
        assert 0 == status
        assert out.startswith(
            "north-korea-confirms-troops-in-russia: Image is licensed under"
        )

    def test_schema(self, capsys: pytest.CaptureFixture[str]) -> None:
        """schema prints the JSON Schema of the file format."""
        status, out, _ = run(capsys, "schema")
        assert (0, "object") == (status, json.loads(out)["type"])


class TestFiles:
    def test_reads_a_file(
        self, capsys: pytest.CaptureFixture[str], good_file: Path
    ) -> None:
        """A command reads the brief in a file given to it."""
        status, out, _ = run(capsys, "troops", str(good_file))
        assert (0, "about 11,000 (about 11,000: Military analysts)\n") == (status, out)

    def test_reads_stdin(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        good_file: Path,
    ) -> None:
        """- reads the brief from standard input."""
        with good_file.open("rb") as f:
            monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": f})())
            status, out, _ = run(capsys, "disputes", "-")
        assert (0, True) == (status, out.startswith("September 2024"))

    def test_validate(
        self, capsys: pytest.CaptureFixture[str], good_file: Path, bad_file: Path
    ) -> None:
        """validate prints every problem with its path and exits 1 if any file fails."""
        status, out, err = run(capsys, "validate", str(good_file), str(bad_file))
        assert 1 == status
        assert [f"{good_file}: valid", f"{bad_file}: invalid"] == out.splitlines()
        assert [
            (
                f"{bad_file}: $.actors[0].kind: expected one of {ACTOR_KINDS}, "
                "got 'stat' (str)"
            ),
            f"{bad_file}: $.colour: unknown key; expected one of {BRIEF_KEYS}",
        ] == err.splitlines()

    def test_validate_valid(
        self, capsys: pytest.CaptureFixture[str], good_file: Path
    ) -> None:
        """validate exits 0 when every file is valid."""
        assert 0 == run(capsys, "validate", str(good_file))[0]

    def test_validate_json(
        self, capsys: pytest.CaptureFixture[str], bad_file: Path
    ) -> None:
        """validate --json reports each file's problems as data."""
        status, out, _ = run(capsys, "validate", "--json", str(bad_file))
        (result,) = json.loads(out)
        assert (1, False, 2) == (status, result["valid"], len(result["problems"]))

    def test_invalid_brief(
        self, capsys: pytest.CaptureFixture[str], bad_file: Path
    ) -> None:
        """A query on an invalid file exits 1, a line of stderr per problem."""
        status, out, err = run(capsys, "show", str(bad_file))
        assert (1, "", 2) == (status, out, len(err.splitlines()))
        assert err.startswith(f"error: {bad_file}: $.actors[0].kind: ")


class TestMisuse:
    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that does not exist is a usage error, on one line."""
        status, _, err = run(capsys, "show", "no-such-file.json")
        assert (2, "error: no-such-file.json: No such file or directory\n") == (
            status,
            err,
        )

    def test_bad_filter_value(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A kind that does not exist is a usage error naming the kinds."""
        status, _, err = run(capsys, "actors", "--kind", "king")
        assert 2 == status
        assert err.startswith("error: --kind: expected one of 'state', 'person'")

    def test_day_the_wrong_way_round(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A day written with slashes names the option as typed and the day meant."""
        status, _, err = run(capsys, "troops", "--active-on", "30/04/2025")
        expected = (
            "error: --active-on: cannot read '30/04/2025' as an EDTF date: "
            "a day is written YYYY-MM-DD: 2025-04-30\n"
        )
        assert (2, expected) == (status, err)

    def test_missing_folder(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A database in a folder that does not exist is one line and exit 2."""
        target = tmp_path / "missing" / "x.db"
        status, _, err = run(capsys, "export", "--to", "sqlite", "-o", str(target))
        assert 2 == status
        assert 1 == len(err.splitlines())
        assert err.startswith(f"error: {target}")

    def test_render_failure_writes_nothing(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A document that cannot be written whole is not written at all."""

        def full(_: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        target = tmp_path / "brief.html"
        status, _, err = run(capsys, "render", "--to", "html", "-o", str(target))
        assert (2, [], f"error: {target}: No space left on device\n") == (
            status,
            list(tmp_path.iterdir()),
            err,
        )

    def test_standard_output_for_geojson_only(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o - prints GeoJSON; any other format is refused, naming the option."""
        status, out, err = run(capsys, "export", "--to", "csv", "-o", "-")
        expected = "error: --output: - (standard output) takes geojson, not csv\n"
        assert (2, "", expected) == (status, out, err)

    def test_parquet_again(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A second Parquet export of one brief is refused; --replace replaces it."""
        argv = ["export", "--to", "parquet", "-o", str(tmp_path)]
        assert 0 == run(capsys, *argv)[0]
        status, _, err = run(capsys, *argv)
        assert (2, True) == (status, "export --replace" in err)
        assert 0 == run(capsys, *argv, "--replace")[0]

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the installed version."""
        with pytest.raises(SystemExit) as info:
            main(["--version"])
        out = capsys.readouterr().out
        assert (0, f"conflictbrief {version('conflictbrief')}\n") == (
            info.value.code,
            out,
        )


class TestControlCharacters:
    @pytest.fixture
    def hostile(self, tmp_path: Path) -> Path:
        """A brief whose actor's name holds terminal escape sequences."""
        brief = datasets.load()
        first = brief.actors.first()
        assert first is not None
        renamed = attrs.evolve(first, name="Red\x1b[31m\x9b2J")
        path = tmp_path / "hostile.json"
        path.write_text(
            dumps(attrs.evolve(brief, actors=[renamed, *list(brief.actors)[1:]])),
            encoding="utf-8",
        )
        return path

    @pytest.mark.parametrize("command", ["show", "actors", "timeline"])
    def test_escaped(
        self, capsys: pytest.CaptureFixture[str], hostile: Path, command: str
    ) -> None:
        """Text output shows control characters escaped, never raw."""
        status, out, _ = run(capsys, command, str(hostile))
        assert 0 == status
        assert "\x1b" not in out
        assert "\x9b" not in out
        if command == "actors":
            assert "Red\\x1b[31m\\x9b2J" in out

    def test_json_reads_back(
        self, capsys: pytest.CaptureFixture[str], hostile: Path
    ) -> None:
        """JSON output escapes them as JSON does, and reads back as the same name."""
        status, out, _ = run(capsys, "actors", "--json", str(hostile))
        assert 0 == status
        assert "\x9b" not in out
        assert "Red\x1b[31m\x9b2J" == json.loads(out)[0]["name"]

    def test_unknown_id(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown id is a usage error with suggestions."""
        status, _, err = run(capsys, "statements", "--speaker", "kim-jong")
        assert 2 == status
        assert "did you mean 'kim-jong-un'?" in err

    def test_unknown_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """argparse refuses an unknown command with status 2."""
        with pytest.raises(SystemExit) as exit_info:
            main(["summon"])
        assert 2 == exit_info.value.code
        assert "invalid choice: 'summon'" in capsys.readouterr().err


class TestEntryPoints:
    def test_python_dash_m(self) -> None:
        """python -m conflictbrief runs the command line."""
        result = subprocess.run(
            [sys.executable, "-m", "conflictbrief", "troops"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "about 11,000 (about 11,000: Military analysts)\n", "") == (
            result.returncode,
            result.stdout,
            result.stderr,
        )

    def test_main_module_in_process(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The package's __main__ exits with the command's status."""
        monkeypatch.setattr(sys, "argv", ["conflictbrief", "troops"])
        with pytest.raises(SystemExit) as exit_info:
            runpy.run_module("conflictbrief", run_name="__main__")
        assert (0, "about 11,000 (about 11,000: Military analysts)\n") == (
            exit_info.value.code,
            capsys.readouterr().out,
        )


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parsers of the commands *parser* holds, by name."""
    (commands,) = (
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    )
    return dict(commands.choices)


class TestParser:
    def test_help_lists_every_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The help names every command, in order, with what it does."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out
        places = [out.index(f"\n    {name}") for name in cli._COMMANDS]
        assert sorted(places) == places
        assert all(c.about in out for c in cli._COMMANDS.values())

    @pytest.mark.parametrize("name", list(cli._COMMANDS))
    def test_a_command_alone_as_among_all(self, name: str) -> None:
        """Given a command, the parser holds it alone, and its help (so its
        arguments) is what the parser of every command gives it."""
        alone = _commands(cli._parser([name, "--json"]))
        assert [name] == list(alone)
        every = _commands(cli._parser())
        assert every[name].format_help() == alone[name].format_help()

    @pytest.mark.parametrize("columns", ["100", "45", "0", "-3", "wide", None])
    @pytest.mark.parametrize("terminal", [None, 123])
    def test_width_as_argparse_finds_it(
        self,
        monkeypatch: pytest.MonkeyPatch,
        columns: str | None,
        terminal: int | None,
    ) -> None:
        """The help formatter wraps at the width argparse's own would, from
        $COLUMNS, from the terminal (123 wide, or none) or by default."""
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)

        def size(_: int = 1) -> os.terminal_size:
            if terminal is None:
                raise OSError("not a terminal")
            return os.terminal_size((terminal, 40))

        monkeypatch.setattr(os, "get_terminal_size", size)
        ours = options.Formatter("conflictbrief")
        theirs = argparse.HelpFormatter("conflictbrief")
        assert theirs._width == ours._width

    def test_a_command_does_not_import_shutil(self) -> None:
        """Running a command imports neither shutil nor the compression
        modules it brings, which argparse's formatter would."""
        code = (
            "import sys, io, contextlib\n"
            "from conflictbrief.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['show'])\n"
            "print(sorted({'shutil', 'bz2', 'lzma'} & set(sys.modules)))\n"
        )
        done = subprocess.run(  # noqa: S603 (our own code)
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]\n" == done.stdout
