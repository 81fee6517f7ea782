"""conflictbrief.render: briefs as Markdown and as one self-contained HTML file."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

from conflictbrief import (
    Actor,
    Brief,
    Citation,
    Estimate,
    Event,
    Figure,
    Source,
    Statement,
    datasets,
)
from conflictbrief.cli import main
from conflictbrief.render import to_html, to_markdown

HOSTILE = '<script>document.title="pwned"</script>'
CHROMIUM = shutil.which("chromium")
FIGURE_QUOTE = (
    "Military analysts estimate that Pyongyang sent roughly 11,000 troops to "
    "Russia last fall, including reinforcements deployed earlier this year."
)

Measure = Callable[[str, str], Any]
"""Load a page, run a script on it, and return what the script returns."""


def dump_dom(chromium: str, page: Path, tmp_path: Path) -> str:
    """The document headless *chromium* has after loading the file *page*."""
    result = subprocess.run(  # noqa: S603 (chromium, on a file we wrote)
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


_PROBE = re.compile(r'<pre id="probe">(.*?)</pre>', re.DOTALL)


@pytest.fixture
def measure(tmp_path: Path) -> Measure:
    """Return ``measure(page, script)``, run in a 360 px wide frame.

    The page keeps its Content-Security-Policy, which refuses scripts: it is
    loaded as the ``srcdoc`` of a frame, and *script*, the body of a function
    of the frame's document ``d``, runs in the page around it once the frame
    has loaded. What it returns comes back as JSON.
    """
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    chromium = CHROMIUM

    def run(page: str, script: str) -> Any:
        outer = tmp_path / "outer.html"
        outer.write_text(
            '<!DOCTYPE html><html><body style="margin:0">'
            '<iframe id="page" style="border:0;width:360px;height:800px" '
            f'srcdoc="{html.escape(page)}"></iframe><pre id="probe"></pre>'
            "<script>addEventListener('load', () => {"
            "const d = document.getElementById('page').contentDocument;"
            f"const found = (d => {{{script}}})(d);"
            "document.getElementById('probe').textContent = JSON.stringify(found);"
            "});</script></body></html>",
            encoding="utf-8",
        )
        dom = dump_dom(chromium, outer, tmp_path)
        found = _PROBE.search(dom)
        assert found is not None, dom[-2000:]
        return json.loads(html.unescape(found.group(1)))

    return run


@pytest.fixture(scope="module")
def bundled() -> Brief:
    return datasets.load()


def cited(source: str = "s") -> tuple[Citation, ...]:
    return (Citation(source=source, quote="words"),)


def said(statement_id: str, date: str, summary: str = "Something.") -> Statement:
    """A statement of the brief `tiny` builds, in the source's own voice."""
    return Statement(
        id=statement_id, date=date, kind="report", summary=summary, citations=cited()
    )


def tiny(*statements: Statement, url: str | None = None, summary: str = "") -> Brief:
    """A brief of one source (at *url*) and *statements*."""
    return Brief(
        id="b",
        title="Tiny",
        as_of="2025-04-28",
        summary=summary or None,
        sources=[Source(id="s", title="The source", kind="article", url=url)],
        statements=statements or [said("one", "2025-04-28")],
    )


def quoted_twice() -> Statement:
    """A statement citing two quotes of the source, so that it has two marks."""
    return attrs.evolve(
        said("two", "2025-04-28"),
        citations=[Citation(source="s", quote=q) for q in ("one", "two")],
    )


def footnote_numbers(markdown: str) -> tuple[list[int], list[int]]:
    """The footnote numbers referenced, and those defined, in order."""
    defined = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", markdown, re.MULTILINE)]
    body = re.sub(r"^\[\^\d+\]:.*$", "", markdown, flags=re.MULTILINE)
    used = [int(n) for n in re.findall(r"\[\^(\d+)\]", body)]
    return list(dict.fromkeys(used)), defined


class TestToMarkdown:
    def test_sections_in_reading_order(self, bundled: Brief) -> None:
        """The title, the bottom line, who said what, disputes, timeline, sources."""
        headings = re.findall(r"^##? .*$", to_markdown(bundled), re.MULTILINE)
        assert [
            "# North Korea confirms its troops are fighting for Russia",
            "## Bottom line",
            "## Who said what",
            "## Disputes",
            "## Timeline",
            "## Sources",
        ] == headings

    def test_bottom_line_first(self, bundled: Brief) -> None:
        """The summary and the key figure, with who gave it, lead the document."""
        lines = to_markdown(bundled).splitlines()
        assert "*As of 28 April 2025.*" == lines[2]
        assert bundled.summary == lines[6]
        assert (
            "- **Troops of North Korea in Russia**: about 11,000 "
            "(Military analysts)[^1]"
        ) == lines[10]

    def test_every_footnote_defined_and_numbered_in_order(self, bundled: Brief) -> None:
        """Each [^n] used is defined once; numbers run 1, 2, ... as first cited."""
        used, defined = footnote_numbers(to_markdown(bundled))
        assert list(range(1, len(defined) + 1)) == used == defined

    def test_footnote_holds_quote_and_source(self, bundled: Brief) -> None:
        """A footnote gives the verbatim quote and the source's title."""
        first = re.search(r"^\[\^1\]: (.*)$", to_markdown(bundled), re.MULTILINE)
        assert first is not None
        expected = (
            f"\N{LEFT DOUBLE QUOTATION MARK}{FIGURE_QUOTE}"
            "\N{RIGHT DOUBLE QUOTATION MARK} \N{EM DASH} "
            "North Korea confirms troops in Russia"
        )
        assert expected == first.group(1)

    def test_statements_grouped_by_speaker(self, bundled: Brief) -> None:
        """Statements come under their speaker's name, dates in words."""
        text = to_markdown(bundled)
        section = text.split("### Russia\n\n", 1)[1].split("\n\n", 1)[0]
        assert [
            (
                "- *September 2024 to 28 April 2025*, claim: Russia claims full "
                "control over the Kursk region.[^6]"
            ),
            (
                "- *26\N{EN DASH}27 April 2025*, confirm: Russia publicly "
                "acknowledges the North Korean contribution.[^7]"
            ),
        ] == section.splitlines()

    def test_dispute_claim_then_rebuttal(self, bundled: Brief) -> None:
        """A disputed claim is followed by its rebuttals, indented under it."""
        section = to_markdown(bundled).split("## Disputes\n\n", 1)[1]
        claim, rebuttal = section.splitlines()[:2]
        assert ("- **Claim** by Russia", "  - **Disputed by** Ukraine's military") == (
            claim.split(",")[0],
            rebuttal.split(",")[0],
        )

    def test_text_escaped(self) -> None:
        """Markup in the brief's text reads as characters, on one line."""
        summary = "- *bold* [x](javascript:alert(1)) <script>\n# not a heading"
        text = to_markdown(tiny(summary=summary))
        expected = r"\- \*bold\* \[x\](javascript:alert(1)) \<script\> \# not a heading"
        assert expected == text.splitlines()[6]

    def test_numbered_line_start_escaped(self) -> None:
        """A summary starting "1." does not become a numbered list."""
        assert "1\\. Kursk" == to_markdown(tiny(summary="1. Kursk")).splitlines()[6]

    def test_http_source_linked(self) -> None:
        """An https address is a link in angle brackets; one with a space is text."""
        text = to_markdown(tiny(url="https://example.org/a b"))
        assert "- The source (https://example.org/a b) · article" in text
        text = to_markdown(tiny(url="https://example.org/a<b>"))
        assert "[The source](<https://example.org/a%3Cb%3E>)" in text

    def test_javascript_url_not_linked(self) -> None:
        """A javascript: address is shown as text, never as a link."""
        text = to_markdown(tiny(url="javascript:alert(1)"))
        assert "- The source (javascript:alert(1)) · article" in text
        assert "](" not in text

    def test_adjacent_marks_separated(self) -> None:
        """Adjacent footnote marks have a comma between them: 1,2 is not note 12."""
        text = to_markdown(tiny(quoted_twice()))
        assert "- *28 April 2025*, report: Something.[^1],[^2]" == text.splitlines()[10]

    def test_statement_quote_shown(self, bundled: Brief) -> None:
        """A statement's own words follow its summary, in quotation marks."""
        assert "\N{LEFT DOUBLE QUOTATION MARK}criminal act" in to_markdown(bundled)

    def test_empty_brief(self) -> None:
        """A brief with nothing in it is a title and its date."""
        text = to_markdown(Brief(id="b", title="T", as_of="2025-01-01"))
        assert "# T\n\n*As of 1 January 2025.*\n\n## Bottom line\n" == text

    def test_refuses_what_is_not_a_brief(self) -> None:
        """Anything but a Brief raises TypeError naming what it got."""
        with pytest.raises(TypeError, match=r"to_markdown\(\) takes a Brief, got str"):
            to_markdown("brief")  # type: ignore[arg-type]


def figures_brief() -> Brief:
    """A brief with two estimates of one loss, and a count with no side."""
    base = tiny()
    return base.extend(
        actors=[
            Actor(id="a", name="Analysts A", kind="group"),
            Actor(id="b", name="Analysts B", kind="group"),
            Actor(id="x", name="X", kind="state"),
        ],
        events=[
            Event(
                id="e",
                kind="clash",
                date="2025-04",
                summary="A clash.",
                citations=cited(),
            )
        ],
        figures=[
            Figure(
                id=f"k{n}",
                kind="killed",
                count=Estimate(best=best),
                date="2025-04",
                side="x",
                event="e",
                by=(by,),
                citations=cited(),
            )
            for n, (best, by) in enumerate([(100, "a"), (150, "b")])
        ]
        + [
            Figure(
                id="w",
                kind="wounded",
                count=Estimate(low=20),
                date="2025-04",
                citations=cited(),
            )
        ],
    )


class TestKeyFigures:
    def test_alternatives_show_their_range_and_each_figure(self) -> None:
        """Two estimates of one quantity give a range, then each with who gave it."""
        text = to_markdown(figures_brief())
        assert (
            "- **Killed of X**: 100\N{EN DASH}150 (Analysts A, Analysts B)[^1] "
            "\N{EM DASH} 100: Analysts A; 150: Analysts B"
        ) in text
        assert "- **Wounded**: at least 20 (The source)[^1]" in text

    def test_members_with_their_side(self) -> None:
        """A figure of a side's member is a line with the side's, not a second line."""
        brief = figures_brief()
        force = Actor(id="x-force", name="X's army", kind="armed_force", part_of="x")
        given = attrs.evolve(brief.figures["k1"], side="x-force")
        brief = attrs.evolve(
            brief,
            actors=[*brief.actors, force],
            figures=[brief.figures["k0"], given, brief.figures["w"]],
        )
        text = to_markdown(brief)
        assert "- **Killed of X**: 100\N{EN DASH}150" in text
        assert 1 == text.count("- **Killed")

    def test_html_key_figures(self) -> None:
        """The HTML bottom line gives the range, who gave it and each figure."""
        page = to_html(figures_brief())
        assert (
            '<span class="estimate">100\N{EN DASH}150</span> '
            '<span class="given-by">(Analysts A, Analysts B)</span>'
        ) in page
        assert '<span class="detail">(100: Analysts A; 150: Analysts B)</span>' in page


REMOTE = re.compile(r"""<(\w+)[^>]*\s(?:src|href|action|data)\s*=\s*["']?https?:""")


class TestToHtml:
    def test_bottom_line_first(self, bundled: Brief) -> None:
        """The summary and the troop figure come before any other section."""
        page = to_html(bundled)
        bottom = page.index('<h2 id="bottom-line">')
        assert bottom < page.index("<h2", bottom + 1)
        assert (
            '<span class="label">Troops of North Korea in Russia</span>: '
            '<span class="estimate">about 11,000</span> '
            '<span class="given-by">(Military analysts)</span>'
        ) in page[bottom : page.index("<h2", bottom + 1)]

    def test_self_contained(self, bundled: Brief) -> None:
        """No script, no stylesheet link, no image or font from anywhere."""
        page = to_html(tiny(url="https://example.org/report"))
        page += to_html(bundled)
        assert [] == re.findall(r"<script|<link|<img|<iframe|@import|url\(http", page)
        assert ["a"] == sorted(set(REMOTE.findall(page)))

    def test_footnote_links_resolve(self, bundled: Brief) -> None:
        """Every footnote link has its note, and every note links back."""
        page = to_html(bundled)
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        targets = set(re.findall(r'href="#([^"]+)"', page))
        assert set() == targets - ids
        assert {f"ref-{n}" for n in range(1, 30)} <= targets

    def test_footnote_holds_quote(self, bundled: Brief) -> None:
        """Note 1 holds the troop figure's quote and its source."""
        note = re.search(r'<li id="q1">(.*?)</li>', to_html(bundled))
        assert note is not None
        assert (
            f"<blockquote>{FIGURE_QUOTE}</blockquote>"
            '<span class="source-line">\N{EM DASH} North Korea confirms troops '
            "in Russia</span>"
        ) in note.group(1)

    def test_adjacent_marks_separated(self) -> None:
        """Adjacent marks share one superscript: a link each, commas between."""
        page = to_html(tiny(quoted_twice()))
        expected = (
            '<sup class="ref"><a id="ref-1" href="#q1">1</a>,'
            '<a id="ref-2" href="#q2">2</a></sup>'
        )
        assert expected in page

    def test_script_escaped(self) -> None:
        """A script in the summary is text: escaped, with no script element."""
        page = to_html(tiny(summary=HOSTILE))
        expected = (
            '<p class="summary">&lt;script&gt;document.title=&quot;pwned&quot;'
            "&lt;/script&gt;</p>"
        )
        assert expected in page
        assert "<script" not in page

    def test_quote_escaped_in_attributes(self) -> None:
        """A double quote in a linked address cannot end the attribute."""
        page = to_html(tiny(url='https://example.org/"onmouseover="alert(1)'))
        expected = (
            '<a href="https://example.org/&quot;onmouseover=&quot;alert(1)" '
            'rel="noopener noreferrer">The source</a>'
        )
        assert expected in page

    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<b>x</b>",
            "file:///etc/passwd",
            "http:no-host",
            "https://[bad",
        ],
    )
    def test_only_http_linked(self, url: str) -> None:
        """Addresses other than http(s) with a host are shown as text, not links."""
        page = to_html(tiny(url=url))
        assert [] == re.findall(r'<a href="(?!#)', page)

    def test_timeline_svg(self, bundled: Brief) -> None:
        """The timeline is inline SVG: bars for spans, dots for days."""
        page = to_html(bundled)
        svg = page[page.index("<svg") : page.index("</svg>")]
        assert (31, 10) == (svg.count('class="row"'), svg.count('class="day"'))
        assert 20 == svg.count('class="span"')

    def test_open_ends_drawn(self) -> None:
        """An open start and an open end fade to the axis edge, with arrows."""
        page = to_html(tiny(said("by", "../2025-01-11"), said("from", "2024-08/..")))
        assert (1, 1, 2) == (
            page.count('class="open-start"'),
            page.count('class="open-end"'),
            page.count('class="arrow"'),
        )
        assert 'fill="url(#fade-start)"' in page
        assert 'fill="url(#fade-end)"' in page

    @pytest.mark.parametrize(
        ("dates", "ticks"),
        [
            (("2025-01-05", "2025-03-20"), ["Jan 2025", "Feb", "Mar"]),
            (("2019", "2025-04-28"), [str(y) for y in range(2019, 2026)]),
            (("1950", "2025-04-28"), [str(y) for y in range(1950, 2026, 7)]),
        ],
    )
    def test_axis_ticks(self, dates: tuple[str, str], ticks: list[str]) -> None:
        """The axis is marked in months, or years for a long span."""
        page = to_html(tiny(*(said(f"s{i}", d) for i, d in enumerate(dates))))
        assert ticks == re.findall(r'class="tick-label"[^>]*>([^<]+)<', page)

    def test_as_of_outside_the_axis(self) -> None:
        """The as-of line is drawn only when the day lies on the axis."""
        page = to_html(tiny(said("old", "2020-01-01")))
        assert '<line class="as-of"' not in page

    def test_long_labels_shortened(self) -> None:
        """A row label too long for its column ends in an ellipsis."""
        report = said("s", "2024-09-12/2025-04-27")
        threat = attrs.evolve(report, kind="threaten")
        labels = [
            re.findall(r'class="row-label"[^>]*>([^<]+)<', to_html(tiny(s)))
            for s in (report, threat)
        ]
        assert [
            ["1. report, 12 September 2024 to 27 April 2025"],
            ["1. threaten, 12 September 2024 to 27 April\N{HORIZONTAL ELLIPSIS}"],
        ] == labels

    def test_timeline_height_capped(self) -> None:
        """A timeline of 2,000 records draws its first 40 rows and counts the rest."""
        first = date(2021, 1, 1)
        days = [(first + timedelta(days=n)).isoformat() for n in range(2000)]
        page = to_html(tiny(*(said(f"s{n}", day) for n, day in enumerate(days))))
        svg = page[page.index("<svg") : page.index("</svg>")]
        height = re.search(r'<svg[^>]* height="(\d+)"', svg)
        assert height is not None
        assert (40, True) == (svg.count('class="row"'), int(height[1]) <= 1400)
        more = re.findall(r'<text class="more"[^>]*>([^<]*)<', svg)
        assert ["and 1,960 more, in the list below"] == more
        listed = page[page.index('<ol class="timeline">') :].split("</ol>", 1)[0]
        assert 2000 == listed.count("<li>")

    def test_empty_brief(self) -> None:
        """A brief with nothing in it has a title and no empty sections."""
        page = to_html(Brief(id="b", title="T", as_of="2025-01-01"))
        assert ['<h2 id="bottom-line">'] == re.findall(r"<h2[^>]*>", page)
        assert "<svg" not in page

    def test_refuses_what_is_not_a_brief(self) -> None:
        """Anything but a Brief raises TypeError naming what it got."""
        with pytest.raises(TypeError, match=r"to_html\(\) takes a Brief, got NoneType"):
            to_html(None)  # type: ignore[arg-type]


class TestRenderCommand:
    def test_markdown_to_stdout(
        self, bundled: Brief, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """render --to md prints the Markdown of the bundled brief."""
        status = main(["render", "--to", "md"])
        assert (0, to_markdown(bundled)) == (status, capsys.readouterr().out)

    def test_html_to_file(
        self, bundled: Brief, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """render --to html -o PATH writes the page there and prints nothing."""
        path = tmp_path / "brief.html"
        status = main(["render", "--to", "html", "-o", str(path)])
        assert (0, "") == (status, capsys.readouterr().out)
        assert to_html(bundled) == path.read_text(encoding="utf-8")


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium): "
    "the headless browser test needs it",
)
class TestInBrowser:
    """What a reader sees: the page as headless Chromium loads it."""

    def dom(self, brief: Brief, tmp_path: Path) -> str:
        """The document as Chromium has it after loading the page of *brief*."""
        page = tmp_path / "brief.html"
        page.write_text(to_html(brief), encoding="utf-8")
        assert CHROMIUM is not None
        return dump_dom(CHROMIUM, page, tmp_path)

    def test_reader_sees_bottom_line_and_troops(
        self, bundled: Brief, tmp_path: Path
    ) -> None:
        """The loaded page shows the summary and the troop figure with its source."""
        dom = self.dom(bundled, tmp_path)
        assert f'<p class="summary">{bundled.summary}</p>' in dom
        assert '<span class="estimate">about 11,000</span>' in dom
        assert '<span class="given-by">(Military analysts)</span>' in dom

    def test_footnote_target_holds_quote(self, bundled: Brief, tmp_path: Path) -> None:
        """The first footnote link's target exists and holds the quote."""
        dom = self.dom(bundled, tmp_path)
        target = re.search(r'<a id="ref-1" href="#(q\d+)">', dom)
        assert target is not None
        note = re.search(rf'<li id="{target.group(1)}">(.*?)</li>', dom)
        assert note is not None
        assert f"<blockquote>{FIGURE_QUOTE}</blockquote>" in note.group(1)

    def test_adjacent_marks_read_apart(self, bundled: Brief, measure: Measure) -> None:
        """On screen, notes 26, 27 and 1 read "26,27,1", never "26271"."""
        script = "return d.getElementById('ref-26').closest('li').innerText;"
        text = measure(to_html(bundled), script)
        assert "26,27,1" == text.rsplit(".", 1)[1]

    def test_timeline_readable_on_a_phone(
        self, bundled: Brief, measure: Measure
    ) -> None:
        """At 360 px wide the timeline fits, its labels drawn at 11 px or more."""
        script = """
          const svg = d.querySelector('svg.timeline');
          const sizes = [...svg.querySelectorAll('text')].map(t =>
            parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
          const frame = d.documentElement.clientWidth;
          return [Math.min(...sizes) >= 11, svg.getBoundingClientRect().right <= frame];
        """
        assert [True, True] == measure(to_html(bundled), script)

    def test_script_in_summary_does_not_run(
        self, bundled: Brief, tmp_path: Path
    ) -> None:
        """A script in the summary shows as text and leaves the title alone."""
        hostile = attrs.evolve(bundled, summary=HOSTILE)
        dom = self.dom(hostile, tmp_path)
        title = re.search(r"<title>(.*?)</title>", dom)
        assert title is not None
        assert bundled.title == title.group(1)
        assert "<script" not in dom
        expected = (
            '<p class="summary">&lt;script&gt;document.title="pwned"&lt;/script&gt;</p>'
        )
        assert expected in dom
