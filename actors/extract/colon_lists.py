"""A sentence that ends with a colon and goes on in a list of items, one a line.

"The CMA was founded as an alliance of three groups:" followed by the groups, one per bulleted
line, is one sentence to a reader: the items are its objects. :func:`colon_lists` finds such
runs; the pipeline reads each as one sentence whose tokens are the opening sentence's, then the
items' joined by commas and a last "and", and whose span runs to the last item. The items
then take no part of their own.

>>> from actors.text.documents import parse_document
>>> doc = parse_document("c.txt", "JNIM was formed from three groups:\\n- Ansar Dine\\n- AQIM\\n- al-Mourabitoun\\n")
>>> [(s.index, [k for k in items]) for s, items in colon_lists(doc).items()]
[(0, [1, 2, 3])]
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from actors.text.tokens import Token

__all__ = ["colon_lists", "joined_tokens", "spanning"]

_ITEM_CHARS = 160  # an item is short; a paragraph of prose is no item
_BULLETS = frozenset("-–•*·")


def _bulleted(text: str, start: int) -> bool:
    """The line the sentence at ``start`` stands on opens with a bullet ("- X", "• X")."""
    line = text.rfind("\n", 0, start) + 1
    head = text[line:start].strip()
    return head[:1] in _BULLETS and len(head) <= 2


def colon_lists(doc) -> dict:
    """Sentence (ending with a colon) -> the indexes of the bulleted items that follow it."""
    out, sentences = {}, list(doc.sentences)
    for n, s in enumerate(sentences):
        if not s.text.rstrip().endswith(":"):
            continue
        items = []
        for t in sentences[n + 1 :]:
            if t.section != s.section or len(t.text) > _ITEM_CHARS or not _bulleted(doc.text, t.start):
                break
            items.append(t.index)
        if len(items) >= 2:
            out[s] = items
    return out


def joined_tokens(opening: Sequence[Token], items: Sequence[Sequence[Token]]) -> list[Token]:
    """The opening sentence's tokens (its colon dropped), then each item's, joined by "," and a last "and"."""
    out = list(opening[:-1] if opening and opening[-1].norm == ":" else opening)
    for k, toks in enumerate(items):
        if not toks:
            continue
        word = "and" if k == len(items) - 1 and k else ","
        at = toks[0].start
        if k:
            out.append(Token(word, word, at, at))
        out.extend(t for t in toks if t.norm not in (".", ";"))
    return out


def spanning(sentence, end: int, text: str, clean: str):
    """The opening sentence stretched over its items (its ``end``, ``text`` and ``clean``)."""
    return replace(sentence, end=end, text=text[sentence.start : end], clean=clean[sentence.start : end])
