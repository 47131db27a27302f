"""Who does a verb that depends on another one, for :func:`actors.extract.frames.agents.agent`:

- a gerund after "for" is done by the one the main verb acted on ("X targeted the MNLA for siding
  with France": the MNLA sided with France);
- troops a state sends to do something act for it ("France commits troops to aid X": France aids X),
  and so does a force a state deploys; not one an international body authorises; those who form a
  coalition do what it is formed to do;
- a relative clause after "was a roadside bomb that ..." has no agent further back.

Each takes the sentence first and returns mention indexes.
"""

from __future__ import annotations

from actors.extract.frames.attribution import claimant_mention
from actors.extract.frames.sentence import COPULAS, Occurrence, Sentence

__all__ = ["blamed_for", "deployer", "sender"]


def blamed_for(s: Sentence, occ: Occurrence) -> list[int] | None:
    """"X targeted the MNLA for siding with France", "... the MNLA for their part in siding with France":
    a gerund after "for" is done by the one the main verb acted on (the name right before "for")."""
    t = occ.start
    if not s.norms[t].endswith("ing") or t < 2:
        return None
    j = t - 1
    if j >= 3 and s.norms[j] == "in" and s.norms[j - 1] in {"part", "role"} and s.norms[j - 2] in {"its", "their", "his"}:
        j -= 3  # "for their part in siding with"
    if s.norms[j] != "for" or (j - 1) not in s.at_end:
        return None
    k = s.at_end[j - 1]
    return [m for m in s.group(k) if s.party(m)] if s.party(k) else None


def sender(s: Sentence, noun: int) -> list[int]:
    """"France commits troops to aid X": the troops a state sends act for it (their sender)."""
    verbs = s.cues.single("contribution_verbs")
    j = noun - 1  # "provided (two) (transport) aircraft": the verb within a few words, no name between
    while j >= 0 and noun - j <= 4 and s.norms[j] not in verbs and j not in s.covered and not s.is_break(j) \
            and s.norms[j] not in {",", "to", "of", "for"}:
        j -= 1
    if j < 0 or s.norms[j] not in verbs:
        return []
    k, _ = s.left_mention(j, reach=6)
    return _states(s, k)  # "The United Kingdom and Germany provided aircraft to support X"


def formers(s: Sentence, det: int) -> list[int]:
    """Who formed the coalition whose noun phrase starts at ``det`` ("A, B and C formed a military alliance"):
    the coordinated subject of a verb of ``forming_verbs`` right before it."""
    j = det - 1
    if j < 0 or s.norms[j] not in s.cues.single("forming_verbs"):
        return []
    k, _ = s.left_mention(j, reach=4)
    return [m for m in s.group(k) if s.party(m) and not s.mentions[m].generic] if k is not None else []


def deployer(s: Sentence, noun: int) -> list[int]:
    """"the Council authorised the deployment of a force to help defeat X" (``noun`` the deployment noun):
    the force acts; who authorised it does not, but a state deploying its own troops is their sender
    ("France announced the deployment of a force to fight X")."""
    k, st = s.left_mention(noun, reach=8)
    if k is None and st is not None:
        k = claimant_mention(s, st)
    return _states(s, k)


def _states(s: Sentence, k: int | None) -> list[int]:
    """The named states among the mentions coordinated with ``k``."""
    kinds = ("state armed force", "foreign state")
    return [m for m in (s.group(k) if k is not None else []) if s.party(m) and not s.mentions[m].generic
            and getattr(s.matcher.dictionary.get(s.mentions[m].actor), "kind", "") in kinds]


def unowned_thing(s: Sentence, start: int) -> bool:
    """An attack noun after "was a" and no name ("was a roadside bomb that killed"): it names no agent."""
    j = start - 1
    while j >= 0 and s.norms[j].isalpha() and j not in s.covered and s.norms[j] not in {"a", "an"} and start - j <= 3:
        j -= 1
    return j >= 1 and s.norms[j] in {"a", "an"} and s.norms[j - 1] in COPULAS
