"""Deployments: "X sent/deployed N troops to Y", found in one sentence.

The sender is the state named (or whose body is named) before the verb, the
host the state named after it ("along its border": the sender's own). A
plan ("will send", "would station") arrives on an unknown day from the
publication day on; otherwise the date phrase of the sentence, or an
unknown day up to publication. Denials ("had not moved", "no plans to
send") and withdrawals are not deployments.
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from conflictbrief.actors import ActorKind
from conflictbrief.dates import DateSpan

from ._cast import Cast, Mention
from ._phrases import date_of, undated

__all__ = ["Sent", "deployments_in"]

_VERB = re.compile(
    r"\b(?:(has|have|had|will|would|to|is|are|was|were) (?:also )?)?"
    r"(?:(?:begun|started) )?(deployed|sent|dispatched|send|deploy|station|"
    r"stationed|sending|deploying|massing|massed)\b"
)
_PLAN = {"will", "would", "to", "send", "deploy", "station"}


@attrs.frozen
class Sent:
    """A deployment found in a sentence, before it becomes a record."""

    sender: str
    host: str
    at: int
    date: DateSpan


def deployments_in(
    sentence: str, cast: Cast, published: date, mentions: list[Mention]
) -> list[Sent]:
    """The deployments *sentence* reports; *mentions* are the actors it names."""
    found: list[Sent] = []
    for verb in _VERB.finditer(sentence):
        head = sentence[max(0, verb.start() - 25) : verb.start()]
        if re.search(r"\b(?:not|no plans|never|withdraw\w*|pull\w*)\b", head):
            continue
        before = [m for m in mentions if m.end <= verb.start()]
        states = [s for m in before if (s := cast.state_of(m.id)) is not None]
        sender = states[-1] if states else None
        if sender is None and re.search(r"\b(?:it|It)\s+(?:has |had |will )?$", head):
            sender = cast.last((ActorKind.STATE,), before)
        if sender is None:
            continue
        tail = sentence[verb.end() :]
        after = [m for m in mentions if m.start >= verb.end()]
        hosts = [
            s for m in after if (s := cast.state_of(m.id)) is not None and s != sender
        ]
        if re.match(
            r"[^.;]{0,60}\b(?:along|on|inside|to) (?:its|their) (?:own )?border", tail
        ):
            host = sender
        elif hosts:
            host = hosts[0]
        else:
            continue
        planned = verb[1] in _PLAN or verb[2] in _PLAN
        if planned:
            when = DateSpan(earliest=published, latest=None, unknown=True)
        else:
            when = date_of(sentence, published) or undated(published)
        found.append(Sent(cast.use(sender), cast.use(host), verb.start(), when))
    return found
