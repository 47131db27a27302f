"""Country names a frame reads as states where the mention finder saw places: "support from France",
"airlift to Chad and Togo" (a giver's recipients), "sent troops to Mali" (where the country is the object).

>>> from actors.extract.pipeline import Extractor, extract
>>> from actors.text.documents import parse_document
>>> x = extract([parse_document("d.txt", "In 2014 the United States provided airlift to Chad and Togo.")],
...             extractor=Extractor.load())
>>> sorted(e["target"] for e in x.edges)
['chad', 'togo']
"""

from __future__ import annotations

from dataclasses import replace

from actors.extract.frames.sentence import Sentence
from actors.extract.mentions import Mention

__all__ = ["countries_at", "country_at"]


def country_at(s: Sentence, start: int, like: Mention | None = None) -> Mention | None:
    """The state whose country name (a place to the mention finder: "to Mali", "support from France")
    stands at ``start``, as a mention (shaped like ``like`` when given), if any; not a name of which the
    country is a part ("Niger State", "the Niger River") nor words already a mention's."""
    if start >= len(s.toks) or start in s.covered:
        return None
    for size in (3, 2, 1):
        if len(s.toks) < start + size:
            continue
        actor = s.matcher.dictionary.lookup(" ".join(t.text for t in s.toks[start : start + size]))
        if actor is not None and actor.kind in ("state armed force", "foreign state"):
            if start + size < len(s.toks) and s.toks[start + size].is_capitalized:
                return None
            a, b = s.toks[start], s.toks[start + size - 1]
            text = " ".join(t.text for t in s.toks[start : start + size])
            if like is None:
                return Mention(actor.id, a.start, b.end, start, start + size, text, via="country")
            return replace(like, actor=actor.id, start=a.start, end=b.end, tok_start=start, tok_end=start + size,
                           text=text, via="country")
    return None


def countries_at(s: Sentence, j: int, like: Mention) -> list[Mention]:
    """Country names listed from token ``j`` ("Chad, Niger and Togo"), as mentions of their states."""
    out = []
    while j < len(s.toks):
        state = country_at(s, j, like)
        if state is None:
            break
        out.append(state)
        j = state.tok_end
        while j < len(s.toks) and s.norms[j] in {",", "and"}:
            j += 1
    return out
