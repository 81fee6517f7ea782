"""The ``conflictbrief`` command: read, query and check briefs from the shell.

Every command reads the bundled dataset unless given a file (``-`` reads
standard input), prints plain text or, with ``--json``, JSON for machines,
and exits 0 when all is well, 1 when the data is invalid and 2 when the
command was misused. Errors go to standard error, one line each.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, get_args

from ._base.options import (
    Formatter,
    Version,
    actors_arguments,
    brief_argument,
    draft_arguments,
    no_arguments,
    render_arguments,
    statements_arguments,
    timeline_arguments,
    troops_arguments,
    uncited_arguments,
    validate_arguments,
)
from ._base.text import Visible, brief_names, visible
from .brief import Brief
from .errors import ConflictBriefError, ValidationError
from .serialize import dumps, load, loads

__all__ = ["main"]


class _InvalidData(Exception):  # noqa: N818 (it wraps the error, it is not one)
    """A brief that did not load: exit 1, with every problem."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(str(error))
        self.error = error


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 ok, 1 invalid data, 2 misuse.
    """
    if argv is None:
        argv = sys.argv[1:]
    parser = _parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, Visible(sys.stdout)))
    except _InvalidData as invalid:
        error = invalid.error
        where = f"{error.file}: " if error.file else ""
        for problem in error.problems:
            print(f"error: {where}{_one_line(problem)}", file=sys.stderr)
        return 1
    except ValidationError as error:
        # A filter's value: named by the option that gave it.
        for problem in error.problems:
            option = problem.path.replace("_", "-")
            named = f"--{option}" if getattr(args, problem.path, None) else problem.path
            print(f"error: {named}: {_one_line(problem.message)}", file=sys.stderr)
        return 2
    except (ConflictBriefError, OSError) as error:
        # An id or a file the command cannot use.
        print(f"error: {_one_line(error)}", file=sys.stderr)
        return 2
    except Exception as error:
        # SQLite's errors (a folder missing, a full disk) are the user's too;
        # sqlite3 is imported only by the export that raises them.
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is None or not isinstance(error, sqlite3.Error):
            raise
        print(f"error: {args.output}: {_one_line(error)}", file=sys.stderr)
        return 2


def _one_line(error: object) -> str:
    text = str(error)
    if isinstance(error, OSError) and error.filename is not None:
        text = f"{error.filename}: {error.strerror}"
    return visible(" ".join(text.split()))


def _read(path: str | None) -> Brief:
    """Return the brief at *path*: a file, ``-`` for standard input, None bundled."""
    try:
        if path is None:
            from . import datasets

            return datasets.load()
        if path == "-":
            return loads(sys.stdin.buffer.read())
        return load(path)
    except ValidationError as error:
        raise _InvalidData(error) from None


def _document(value: Any) -> Any:
    from ._format.converter import converter  # cattrs, imported on first use

    return converter().unstructure(value)


def _emit(out: Visible, args: argparse.Namespace, text: str, data: Any) -> None:
    if args.json:
        out.write_json(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif text:
        out.write(text + "\n")


def _show(args: argparse.Namespace, out: Visible) -> int:
    brief = _read(args.brief)
    if args.json:
        out.write_json(dumps(brief))
    else:
        out.write(f"{brief}\n")
    return 0


def _listing(args: argparse.Namespace, out: Visible, records: Any) -> int:
    text = str(records) if len(records) else "nothing matches"
    _emit(out, args, text, [_document(r) for r in records])
    return 0


def _actors(args: argparse.Namespace, out: Visible) -> int:
    brief = _read(args.brief)
    filters = {} if args.kind is None else {"kind": args.kind}
    return _listing(args, out, brief.actors.where(**filters))


def _statements(args: argparse.Namespace, out: Visible) -> int:
    brief = _read(args.brief)
    given = {
        "speaker": args.speaker,
        "about": args.about,
        "kind": args.kind,
        "during": args.during,
    }
    filters = {k: v for k, v in given.items() if v is not None}
    found = brief.statements.where(members=args.members, **filters)
    return _listing(args, out, found)


def _timeline(args: argparse.Namespace, out: Visible) -> int:
    brief = _read(args.brief)
    records = brief.timeline(during=args.during)
    names = brief_names(brief)
    text = "\n".join(r.describe(names) for r in records) or "nothing matches"
    data = [{"type": type(r).__name__.lower(), **_document(r)} for r in records]
    _emit(out, args, text, data)
    return 0


def _troops(args: argparse.Namespace, out: Visible) -> int:
    brief = _read(args.brief)
    estimate = brief.troops(
        sender=args.sender, host=args.host, active_on=args.active_on
    )
    filters = {"sender": args.sender, "host": args.host, "active_on": args.active_on}
    sent = brief.deployments.where(**{k: v for k, v in filters.items() if v})
    # The same troop figures troops() counts, with who gave each.
    tally = brief.tally("troops", deployment=sent)
    text = "no figure given" if tally is None else str(tally)
    figures = () if tally is None else tally.figures
    data = {
        "sender": args.sender,
        "host": args.host,
        "active_on": args.active_on,
        "estimate": None if estimate is None else _document(estimate),
        "figures": [_document(f) for f in figures],
        "text": text,
    }
    _emit(out, args, text, data)
    return 0


def _disputes(args: argparse.Namespace, out: Visible) -> int:
    brief = _read(args.brief)
    found = brief.disputes()
    names = brief_names(brief)
    text = "\n".join(d.describe(names) for d in found) or "no disputed claims"
    data = [
        {"claim": _document(d.claim), "rebuttals": [_document(r) for r in d.rebuttals]}
        for d in found
    ]
    _emit(out, args, text, data)
    return 0


def _validate(args: argparse.Namespace, out: Visible) -> int:
    results = []
    for path in args.files:
        try:
            _read(path)
        except _InvalidData as invalid:
            problems = [
                {"path": p.path, "message": p.message} for p in invalid.error.problems
            ]
        except OSError as error:
            # A file that cannot be read is reported with the others.
            problems = [{"path": "", "message": f"cannot be read: {_one_line(error)}"}]
        else:
            problems = []
        results.append({"file": path, "valid": not problems, "problems": problems})
    if args.json:
        _emit(out, args, "", results)
    for result in results:
        if not args.json:
            verdict = "valid" if result["valid"] else "invalid"
            out.write(f"{result['file']}: {verdict}\n")
        for p in result["problems"]:
            where = f"{p['path']}: " if p["path"] else ""
            print(f"{result['file']}: {where}{p['message']}", file=sys.stderr)
    return 0 if all(r["valid"] for r in results) else 1


def _uncited(args: argparse.Namespace, out: Visible) -> int:
    brief = _read(args.brief)
    found = brief.uncited(args.source)
    text = "\n".join(f"{source}: {sentence}" for source, sentence in found)
    data = [{"source": source, "sentence": sentence} for source, sentence in found]
    _emit(out, args, text or "every sentence is cited", data)
    return 0


def _render(args: argparse.Namespace, out: Visible) -> int:
    from .render import to_html, to_markdown

    brief = _read(args.brief)
    text = to_html(brief) if args.to == "html" else to_markdown(brief)
    if args.output is None:
        out.write(text)
    else:
        from ._base.files import replace_file  # with pathlib, when writing

        replace_file(args.output, text.encode())
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _schema(_: argparse.Namespace, out: Visible) -> int:
    from .schema import json_schema

    out.write(json.dumps(json_schema(), indent=2) + "\n")
    return 0


def _export(args: argparse.Namespace, out: Visible) -> int:
    if args.output == "-" and args.to != "geojson":
        why = f"- (standard output) takes geojson, not {args.to}"
        raise ValidationError.at("output", why)
    from pathlib import Path

    from . import export
    from ._base.files import replace_file

    brief = _read(args.brief)
    try:
        if args.to == "geojson":
            text = json.dumps(export.to_geojson(brief), ensure_ascii=False, indent=2)
            if args.output == "-":
                out.write_json(text + "\n")
                return 0
            replace_file(args.output, (text + "\n").encode())
            written = [Path(args.output)]
        elif args.to == "csv":
            written = export.to_csv(brief, args.output)
        elif args.to == "sqlite":
            written = [Path(args.output), export.to_sqlite(brief, args.output)]
        else:
            written = export.to_parquet(brief, args.output, replace=args.replace)
    except ModuleNotFoundError as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The command line's parser; for *argv* that starts with a command, that one's.

    Each command's parser costs a little to build, and a command runs in a
    fresh process: given a command, the parser holds that command alone.
    The help, ``--version`` and a mistyped command get every command.
    """
    parser = argparse.ArgumentParser(
        prog="conflictbrief",
        description="Read, query and check conflictbrief briefs.",
        epilog="Exit status: 0 ok, 1 invalid data, 2 misuse.",
        formatter_class=Formatter,
    )
    parser.add_argument("--version", action=Version)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False, formatter_class=Formatter)
    common.add_argument("--json", action="store_true", help="print JSON")
    asked = argv[0] if argv and argv[0] in _COMMANDS else None
    for name, command in _COMMANDS.items():
        if asked is None or name == asked:
            sub = commands.add_parser(
                name,
                parents=[common] if command.json else [],
                help=command.about,
                description=command.about,
                formatter_class=Formatter,
            )
            sub.set_defaults(run=command.run)
            command.arguments(sub)
    return parser


def _export_arguments(sub: argparse.ArgumentParser) -> None:
    from . import export

    brief_argument(sub)
    sub.add_argument(
        "--to",
        required=True,
        choices=get_args(export.Format),
        help="the format to write",
    )
    sub.add_argument(
        "--replace", action="store_true", help="replace an earlier Parquet export"
    )
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help="a folder (csv, parquet), a file (sqlite, geojson; - prints GeoJSON)",
    )


def _draft(args: argparse.Namespace, out: Visible) -> int:
    from .drafting._command import run

    return run(args, out)


class _Command(NamedTuple):
    """A command: what runs it, its arguments, what it does, whether it has --json."""

    run: Callable[[argparse.Namespace, Visible], int]
    arguments: Callable[[argparse.ArgumentParser], None]
    about: str
    json: bool = True


_COMMANDS: dict[str, _Command] = {  # in the order the help lists them
    "show": _Command(_show, brief_argument, "print the brief as a summary"),
    "actors": _Command(_actors, actors_arguments, "list the actors"),
    "statements": _Command(_statements, statements_arguments, "list statements"),
    "timeline": _Command(
        _timeline, timeline_arguments, "list every dated record, in date order"
    ),
    "troops": _Command(
        _troops, troops_arguments, "say how many troops were sent, on whose estimate"
    ),
    "disputes": _Command(
        _disputes, brief_argument, "list each disputed claim with its rebuttals"
    ),
    "validate": _Command(
        _validate, validate_arguments, "check files; exit 1 if any is invalid"
    ),
    "uncited": _Command(
        _uncited, uncited_arguments, "list the sentences of a source no record cites"
    ),
    "schema": _Command(
        _schema, no_arguments, "print the JSON Schema of the file format", json=False
    ),
    "export": _Command(
        _export, _export_arguments, "write the brief for other tools", json=False
    ),
    "render": _Command(
        _render,
        render_arguments,
        "write the brief as a document: Markdown, or one HTML file",
        json=False,
    ),
    "draft": _Command(
        _draft,
        draft_arguments,
        "draft a brief from an article's text; JSON out, notes to stderr",
        json=False,
    ),
}
