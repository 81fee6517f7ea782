"""The words the drafter looks for: reporting verbs, date phrases, quotes.

One table maps each reporting verb to the kind of statement it makes; the
neutral ones ("said", "told") are marked, so that the draft notes the choice.
"""

from __future__ import annotations

import re

from conflictbrief.records import StatementKind

__all__ = ["DATE_PHRASE", "NEUTRAL", "VERB", "VERBS", "quotes"]

K = StatementKind
VERBS: dict[str, StatementKind] = {
    "said": K.CLAIM, "says": K.CLAIM, "told": K.CLAIM, "tells": K.CLAIM,
    "added": K.CLAIM, "stated": K.CLAIM, "insisted": K.CLAIM, "claimed": K.CLAIM,
    "claims": K.CLAIM,
    "denied": K.DENY, "denies": K.DENY,
    "rejected": K.DISPUTE, "rejects": K.DISPUTE, "dismissed": K.DISPUTE,
    "disputed": K.DISPUTE,
    "accused": K.ACCUSE, "accuses": K.ACCUSE, "blamed": K.ACCUSE, "blames": K.ACCUSE,
    "warned": K.WARN, "warns": K.WARN,
    "urged": K.URGE, "urges": K.URGE, "called on": K.URGE, "called for": K.URGE,
    "appealed": K.URGE,
    "demanded": K.DEMAND, "demands": K.DEMAND,
    "praised": K.PRAISE, "hailed": K.PRAISE, "welcomed": K.PRAISE,
    "thanked": K.THANK, "thanks": K.THANK,
    "condemned": K.CONDEMN, "condemns": K.CONDEMN, "denounced": K.CONDEMN,
    "announced": K.ANNOUNCE, "announces": K.ANNOUNCE, "declared": K.ANNOUNCE,
    "threatened": K.THREATEN, "threatens": K.THREATEN,
    "estimated": K.ASSESS, "estimates": K.ASSESS, "estimate": K.ASSESS,
    "put the number": K.ASSESS, "put the toll": K.ASSESS, "put the figure": K.ASSESS,
    "confirmed": K.CONFIRM, "confirms": K.CONFIRM, "acknowledged": K.CONFIRM,
    "reported": K.REPORT, "reports": K.REPORT,
}  # fmt: skip
NEUTRAL = frozenset({"said", "says", "told", "tells", "added", "stated", "claimed",
                     "claims", "insisted"})  # fmt: skip
VERB = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, VERBS), key=len, reverse=True)) + r")\b"
)

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
DATE_PHRASE = re.compile(
    rf"\b(?:(?:late|early|earlier|later) (?:on )?)?(?:on |last )?{_DAY}"
    rf"(?: (?:morning|afternoon|evening|night))?\b"
    r"|\byesterday\b|\blast (?:week|month|year)\b|\bearlier this (?:week|month|year)\b"
    rf"|\b(?:on |in )?{_MONTH} [0-9]{{1,2}}(?:, [0-9]{{4}})?\b"
    rf"|\bin (?:early |mid-|late )?{_MONTH}(?: [0-9]{{4}})?\b|\bin [12][0-9]{{3}}\b"
)

_QUOTE = re.compile(r"“([^”]{1,2000})”|\"([^\"]{1,2000})\"")


def quotes(text: str) -> list[tuple[int, int, str]]:
    """The quotations in *text*: where each lies (marks included) and its words."""
    found = []
    for m in _QUOTE.finditer(text):
        words = (m[1] if m[1] is not None else m[2]).strip().rstrip(",")
        if words:
            found.append((m.start(), m.end(), words))
    return found
