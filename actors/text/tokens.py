"""Word tokens with character offsets, shared by mention and relation finding.

Matching works on normalised token sequences (lower case, accents folded,
curly apostrophes straightened), so "Opération Serval" and "operation serval"
meet, and every token keeps its offsets into the original text.

>>> [t.norm for t in tokenize("Mali's al-Qaeda-linked MUJAO")]
['mali', "'s", 'al', '-', 'qaeda', '-', 'linked', 'mujao']
>>> phrase_key("Opération  Serval")
('operation', 'serval')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Token", "tokenize", "normalize", "phrase_key"]

# Words (letters/digits with inner apostrophes: "Jama'at") or single punctuation
# marks. Hyphens are their own tokens so "al-Qaeda-linked" exposes "al-Qaeda".
# A word joiner (U+2060) is what clean leaves of a control or invisible mark inside a word
# (actors.text.cleaning): the word stays one token, and its norm drops it.
# A number written with thousands separators ("2,000 troops", "1,200") is one token, so its
# comma never reads as a clause break.
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\w|,\d)|\w+(?:(?:['’`ʼ]|\u2060+)\w+)*|[^\w\s\u2060]")
# What a text is read as: each token with the run of what no token takes before it (white space and
# loose word joiners, the only characters that start none), so that ``findall`` gives every token and,
# by the lengths, its offset, without a match object per token.
# Its repetitions are possessive (``*+``, ``++``): what one took is never given back, and giving back never
# helped (a token starts with no gap character; a number's comma groups end before no ",d"; a word
# ends the pattern), so the matches are the same, found without the engine saving where to go back to.
_GAP_TOKEN = re.compile(r"([\s\u2060]*+)(\d{1,3}(?:,\d{3})++(?!\w|,\d)|\w++(?:(?:['’`ʼ]|\u2060+)\w++)*+|[^\w\s\u2060])")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    norm: str
    start: int
    end: int

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def normalize(word: str) -> str:
    """Lower-case, fold accents and straighten apostrophes."""
    word = word.replace("’", "'").replace("‘", "'").replace("`", "'").replace("ʼ", "'").replace("\u2060", "")
    if not word.isascii():
        word = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
    return word.lower()


#: word -> its norm, for the words seen so far (a text repeats most of its words): at most this many;
#: a word whose norm ends in a possessive ("Mali's") is kept apart, in _POSSESSIVES, so a word found
#: in _NORMS is one token as it is
_NORMS: dict[str, str] = {}
_POSSESSIVES: dict[str, str] = {}
_NORMS_MAX = 200_000


#: A token is built without its dataclass ``__init__`` (a frozen dataclass sets each field through
#: ``object.__setattr__``, the slowest part of tokenising): a bare instance, its four slots set
#: through their descriptors. The same values, equal, hashed and printed alike.
_new = object.__new__
_set_text, _set_norm, _set_start, _set_end = (Token.text.__set__, Token.norm.__set__, Token.start.__set__,
                                              Token.end.__set__)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``offset``."""
    out: list[Token] = []
    append = out.append
    norms, possessives = _NORMS, _POSSESSIVES
    new, cls = _new, Token
    set_text, set_norm, set_start, set_end = _set_text, _set_norm, _set_start, _set_end
    end = offset
    for gap, word in _GAP_TOKEN.findall(text):
        start = end + len(gap) if gap else end
        end = start + len(word)
        norm = norms.get(word)
        if norm is None:
            norm = possessives.get(word) or normalize(word)
            # Split the possessive off ("Mali's" -> "Mali", "'s") so the name matches.
            if len(norm) > 2 and norm.endswith("'s"):
                if len(possessives) < _NORMS_MAX:
                    possessives[word] = norm
                cut = len(word) - 2
                append(Token(word[:cut], norm[:-2], start, start + cut))
                append(Token(word[cut:], "'s", start + cut, end))
                continue
            if len(norms) < _NORMS_MAX:
                norms[word] = norm
        t = new(cls)
        set_text(t, word)
        set_norm(t, norm)
        set_start(t, start)
        set_end(t, end)
        append(t)
    return out


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The normalised token sequence a phrase matches.

    A phrase may start with a possessive ending ("'s branch"), which in running
    text is a token of its own after a name.

    >>> phrase_key("'s branch"), phrase_key("member of")
    (("'s", 'branch'), ('member', 'of'))
    """
    if phrase.startswith(("'s ", "’s ")):
        return ("'s",) + phrase_key(phrase[3:])
    return tuple(t.norm for t in tokenize(phrase))
