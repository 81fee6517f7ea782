"""Which addresses from a file may become links: http and https only.

A rendered brief and the Datasette metadata of an export show a source's
address; only these become links, so that an address from an untrusted file
cannot run script in a reader's browser.
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["LINKED_SCHEMES", "linkable"]

LINKED_SCHEMES = frozenset({"http", "https"})
"""The URL schemes that become links; any other address is shown as text."""


def linkable(url: str | None) -> str | None:
    """Return *url* if it may become a link (http or https), else None.

    A whitelist rather than a blacklist: ``javascript:``, ``data:``,
    ``file:`` and whatever a browser adds next are all shown as text.
    """
    if url is None or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced "[" in the host
        return None
    if parts.scheme.lower() in LINKED_SCHEMES and parts.netloc:
        return url
    return None
