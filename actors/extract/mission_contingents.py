"""A state's contingent in a mission, as the mention list names it: "Chadian troops from MISMA", "MINUSMA
peacekeepers from Togo", "MNJTF troops from Nigeria and Chad", "troops of MNJTF (Cameroon)".

:func:`state_contingents` is a step of :func:`actors.extract.mentions.find_mentions`: it marks each state's
mention with the mission it serves (``contingent_of``), so the frames draw the contingent (member-of) and
let the mission act beside the state.

>>> from actors.extract.pipeline import Extractor, extract
>>> from actors.text.documents import parse_document
>>> x = extract([parse_document("d.txt", "In 2022 MNJTF troops from Nigeria and Chad attacked ISWAP.")],
...             extractor=Extractor.load())
>>> sorted((e["source"], e["target"]) for e in x.edges if e["relation"] == "member-of")
[('chad', 'mnjtf'), ('nigeria', 'mnjtf')]
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from actors.extract.matcher import Matcher
from actors.text.tokens import Token

if TYPE_CHECKING:
    from actors.extract.mentions import Mention

__all__ = ["state_contingents"]


def state_contingents(matcher: Matcher, tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """"Chadian troops from MISMA", "Chadian soldiers of AFISMA": one mention of the state's
    contingent, serving the mission (``contingent_of``)."""
    out: list[Mention] = []
    skip: set[int] = set()
    for k, m in enumerate(mentions):
        if k in skip:
            continue
        if m.via == "force" and m.group < 0 and not m.contingent_of and k + 1 < len(mentions):
            nxt = mentions[k + 1]
            gap = tuple(t.norm for t in tokens[m.tok_end : nxt.tok_start])
            org = matcher.dictionary.get(nxt.actor)
            if gap in (("from",), ("of",), ("of", "the"), ("from", "the")) and org is not None \
                    and org.kind in ("international mission", "coalition") and nxt.actor != m.actor:
                out.append(replace(m, end=nxt.end, tok_end=nxt.tok_end, contingent_of=nxt.actor))
                skip = {k + 1}
                continue
        mission = matcher.dictionary.get(m.actor)
        if mission is not None and (mission.kind == "international mission" or "mission" in mission.tags) \
                and not m.generic and k + 1 < len(mentions):
            nxt = mentions[k + 1]
            gap = tuple(t.norm for t in tokens[m.tok_end : nxt.tok_start])
            heads = matcher.single("contingent_heads")
            folded = not gap and nxt.via == "apposition" and tokens[nxt.tok_start].norm in heads \
                and tokens[nxt.tok_start + 1].norm == "from"  # ("troops … Nigeria": "troops from Nigeria")
            if _state(matcher, nxt) and (gap == ("from",) and tokens[m.tok_end - 1].norm in heads or folded
                                         or len(gap) == 2 and gap[1] == "from" and gap[0] in heads):
                # "MINUSMA peacekeepers from Togo", "MNJTF troops from Nigeria and Chad", "the Task Force
                # (MNJTF) troops from Chad": each state's contingent of the mission; the mission acts too
                out.append(m)
                out.append(replace(nxt, contingent_of=m.actor))
                j = k + 2
                while j < len(mentions) and _state(matcher, mentions[j]) and tuple(
                        t.norm for t in tokens[mentions[j - 1].tok_end : mentions[j].tok_start]) in _LIST_GAPS:
                    out.append(replace(mentions[j], contingent_of=m.actor))
                    j += 1
                skip = set(range(k + 1, j))
                continue
            if gap == ("(",) and _state(matcher, nxt) and tokens[nxt.tok_end : nxt.tok_end + 1] \
                    and tokens[nxt.tok_end].norm == ")" and m.tok_start >= 2 and tokens[m.tok_start - 1].norm == "of" \
                    and tokens[m.tok_start - 2].norm in heads:
                # "troops of MNJTF (Cameroon)": the state's contingent
                out.append(m)
                out.append(replace(nxt, contingent_of=m.actor))
                skip = {k + 1}
                continue
        out.append(m)
    return out


_LIST_GAPS = frozenset({(",",), ("and",), (",", "and")})


def _state(matcher: Matcher, m: Mention) -> bool:
    """Whether the mention names a state on its own (not part of a joint unit)."""
    entry = matcher.dictionary.get(m.actor)
    return entry is not None and "state" in entry.tags and m.group < 0 and not m.generic
