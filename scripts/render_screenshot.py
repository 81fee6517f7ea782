"""Take the screenshot of a rendered brief that docs/render.md shows.

    python scripts/render_screenshot.py

Renders the bundled dataset with `conflictbrief.render.to_html` and has
headless Chromium (Debian's ``chromium`` package) photograph the top of the
page into docs/render-example.png. Run it again when the page's look changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from conflictbrief import datasets
from conflictbrief.render import to_html

OUT = Path(__file__).resolve().parent.parent / "docs" / "render-example.png"
WINDOW = "1000,1300"
"""Wide enough for the timeline, tall enough for the bottom line and more."""


def main() -> int:
    """Write the screenshot; return 1 if chromium is not installed."""
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "brief.html"
        page.write_text(to_html(datasets.load()), encoding="utf-8")
        subprocess.run(  # noqa: S603 (chromium, on a page this script wrote)
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--window-size={WINDOW}",
                f"--screenshot={OUT}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
