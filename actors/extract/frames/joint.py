"""Whether actors named together acted together: the tests the action frames put to a coordinated
subject before they draw a joint action between its members.

- :func:`examples`: named examples of a kind ("jihadist groups, including A and B", "militants such
  as A") are not actors together;
- :func:`rivals_apart`: two of rival families (the cue file's ``rival_families``: al-Qaeda's and the
  Islamic State's) act together only when the words around them say so (``joint_markers``,
  ``together_words``: "jointly", "together").

Each takes the sentence first.
"""

from __future__ import annotations

from actors.extract.frames.sentence import Occurrence, Sentence
from actors.extract.infobox import rival_pairs

__all__ = ["examples", "rivals_apart"]


def rivals_apart(s: Sentence, a: int, b: int, occ: Occurrence) -> bool:
    """Two of rival families (``rival_families``: al-Qaeda's and the Islamic State's) named as one
    subject: each acts on its own ("JNIM and IS launching attacks on state forces"), unless the
    sentence says they acted together (``joint_markers``: "jointly", "a joint attack")."""
    pair = frozenset((s.mentions[a].actor, s.mentions[b].actor))
    if pair not in rival_pairs(s.matcher, pair):
        return False
    joint = s.cues.single("joint_markers") | s.cues.single("together_words")
    lo = min(s.mentions[a].tok_start, s.mentions[b].tok_start)
    hi = max(s.mentions[a].tok_end, s.mentions[b].tok_end, occ.end)
    # (from the first to a few words past the verb: said of them, not of others later on)
    return not any(w in joint for w in s.norms[lo : hi + 6])


def examples(s: Sentence, agents: list[int], lo: int | None = None) -> bool:
    """The agents are examples of a kind ("jihadist groups, including A and B", ``example_markers``
    within the three words before the first, or ``lo``, or between them): not actors together."""
    if not agents:
        return False
    if any(s.mentions[a].via == "example" for a in agents):
        return True  # "militants such as JNIM", read as one mention
    markers = s.cues.words("example_markers")
    lo = min(s.mentions[a].tok_start for a in agents) if lo is None else lo
    hi = max(s.mentions[a].tok_end for a in agents)
    return any(tuple(s.norms[x : x + z]) in markers for x in range(max(0, lo - 3), hi) for z in (1, 2))
