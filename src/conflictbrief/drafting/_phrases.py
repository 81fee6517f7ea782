"""The words the drafter looks for: reporting verbs, date phrases, quotes.

One table maps each reporting verb to the kind of statement it makes; the
neutral ones ("said", "told") are marked, so that the draft notes the choice.
"""

from __future__ import annotations

import re
from datetime import date

from conflictbrief.dates import DateSpan, resolve
from conflictbrief.errors import DateResolutionError
from conflictbrief.records import StatementKind

__all__ = [
    "ARMED", "DATE_PHRASE", "GROUP_NOUN", "NEUTRAL", "NOT_NAMES", "ORG_NOUN",
    "ORG_WORDS", "TITLES", "VERB", "VERBS", "quotes",
]  # fmt: skip

TITLES = frozenset(
    [
        "Adm.",
        "Admiral",
        "Ambassador",
        "Capt.",
        "Captain",
        "Chancellor",
        "Chief",
        "Col.",
        "Colonel",
        "Commander",
        "Defence",
        "Defense",
        "Deputy",
        "Dr.",
        "Emir",
        "Envoy",
        "Foreign",
        "Gen.",
        "General",
        "Governor",
        "Interior",
        "King",
        "Leader",
        "Lieutenant",
        "Lt.",
        "Maj.",
        "Major",
        "Marshal",
        "Mayor",
        "Minister",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Premier",
        "President",
        "Prime",
        "Queen",
        "Secretary",
        "Secretary-General",
        "Senator",
        "Sergeant",
        "Sheikh",
        "Spokesman",
        "Spokeswoman",
        "Vice",
    ]
)
"""Words of a title or role before a name: dropped from the name."""

ORG_WORDS = frozenset(
    [
        "Agency",
        "Alliance",
        "Army",
        "Brigade",
        "Brigades",
        "Bureau",
        "Center",
        "Centre",
        "Command",
        "Commission",
        "Committee",
        "Corps",
        "Council",
        "Court",
        "Crescent",
        "Cross",
        "Directorate",
        "Force",
        "Forces",
        "Front",
        "Fund",
        "Group",
        "Guard",
        "Institute",
        "Ministry",
        "Movement",
        "Nations",
        "Navy",
        "Network",
        "Office",
        "Organisation",
        "Organization",
        "Party",
        "Program",
        "Programme",
        "Red",
        "Republic",
        "Service",
        "Studies",
        "Union",
        "University",
    ]
)
"""Words that make a capitalised name an organisation's."""

NOT_NAMES = frozenset(
    [
        "A",
        "Access",
        "After",
        "Among",
        "An",
        "Analysts",
        "And",
        "April",
        "At",
        "August",
        "Before",
        "Both",
        "But",
        "By",
        "December",
        "During",
        "February",
        "Fighters",
        "Fighting",
        "For",
        "Friday",
        "He",
        "Her",
        "His",
        "In",
        "Independent",
        "It",
        "Its",
        "January",
        "July",
        "June",
        "March",
        "May",
        "Meanwhile",
        "Monday",
        "Neither",
        "November",
        "October",
        "Of",
        "Officials",
        "On",
        "Others",
        "Saturday",
        "September",
        "She",
        "Since",
        "Some",
        "Sunday",
        "That",
        "The",
        "Their",
        "These",
        "They",
        "This",
        "Those",
        "Thursday",
        "Tuesday",
        "Under",
        "Wednesday",
    ]
)
"""Capitalised words that begin no name."""

ORG_NOUN = (
    r"(?:defen[cs]e|foreign|interior|health|justice|emergencies|information) "
    r"ministry|ministry of [a-z]+|general staff|armed forces|air force|army|"
    r"military|navy|government|parliament|embassy|presidency|security service|"
    r"military intelligence|intelligence service|border guard|coast guard"
)
ARMED = ("army", "military", "navy", "air force", "armed forces", "general staff",
          "military intelligence", "border guard", "coast guard")  # fmt: skip
GROUP_NOUN = (
    r"officials?|(?:military |security |independent )?analysts|diplomats|"
    r"(?:senior |army |military )?officers?|"
    r"witnesses|experts|observers|economists|researchers|monitors|sources|"
    r"aid workers|rescuers|activists|lawmakers|authorities|others"
)


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
    r"|\byesterday\b|\blast (?:week|month|year|fall|autumn|spring|summer|winter)\b"
    r"|\b(?:earlier |later )?this (?:week|month|year)\b|\b(?:over )?the weekend\b"
    rf"|\b(?:on |in )?{_MONTH} [0-9]{{1,2}}(?:, [0-9]{{4}})?\b"
    rf"|\bin (?:early |mid-|late )?{_MONTH}(?: [0-9]{{4}})?\b|\bin [12][0-9]{{3}}\b"
)


def date_of(text: str, published: date) -> DateSpan | None:
    """The span the first date phrase in *text* names, read back; None if none."""
    found = DATE_PHRASE.search(text)
    if found is None:
        return None
    try:
        return resolve(found[0], published)
    except DateResolutionError:
        return None


def undated(published: date) -> DateSpan:
    """An unknown day up to *published*: the date of what the text leaves undated."""
    return DateSpan(earliest=None, latest=published, unknown=True)


_QUOTE = re.compile(r"“([^”]{1,2000})”|\"([^\"]{1,2000})\"")


def quotes(text: str) -> list[tuple[int, int, str]]:
    """The quotations in *text*: where each lies (marks included) and its words."""
    found = []
    for m in _QUOTE.finditer(text):
        words = (m[1] if m[1] is not None else m[2]).strip().rstrip(",")
        if words:
            found.append((m.start(), m.end(), words))
    return found
