"""Candidate organisations: names the actor dictionary lacks, found for the analyst (find first, then write).

A sentence that has a relation cue or names a known armed actor may also name an
organisation nobody has put in the dictionary ("Katiba X", "the X Front",
"Movement for X", "X Brigade"). :class:`CandidateFinder` finds such names with the
patterns of ``data/candidates.toml`` (head words, capitalised-name rules, kind
hints: data, not code) and returns :class:`Candidate` hits; :func:`candidate_rows`
gathers the hits of a corpus into the rows of ``candidates.csv``
(:data:`actors.schema.CANDIDATE_COLUMNS`).

A candidate is never an actor: it takes no part in any relation and no edge is
drawn for it. The analyst accepts one with an ``[[actor]]`` entry in the overrides
file; the dictionary then knows the name, it is matched as an actor and is no
longer a candidate. A name the dictionary matches (any alias of a known actor), a
name made only of descriptive words ("the National Army", "Special Forces") and a
name listed as excluded are never candidates.

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.extract.mentions import build_matcher, find_mentions
>>> from actors.extract.cues import load_cues
>>> from actors.text.tokens import tokenize
>>> m = build_matcher(load_dictionary())
>>> f = CandidateFinder.load(m, load_cues())
>>> toks = tokenize("Fighters of the Zorvan Liberation Front ambushed Malian soldiers.")
>>> [(c.name, c.kind_guess) for c in f.find(toks, find_mentions(m, toks), text=None)]
[('Zorvan Liberation Front', 'rebel movement')]
>>> toks = tokenize("Malian special forces and MUJAO fighters clashed near the Gao Region border.")
>>> f.find(toks, find_mentions(m, toks), text=None)
[]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from actors.errors import DataFileError
from actors.extract.data_checks import read_data_file
from actors.schema import ACTOR_KINDS
from actors.text.tokens import Token, normalize, phrase_key

__all__ = ["Candidate", "CandidateFinder", "candidate_rows", "load_candidate_patterns"]

_LISTS = ("particles", "connectors", "articles", "not_names", "descriptive", "excluded")
_MAX_NAME = 14  # tokens: a name longer than this is a run of capitalised words, not a name


@dataclass(frozen=True, slots=True)
class Candidate:
    """One occurrence of a candidate name: where it is, and the sentence it is in."""

    name: str  # as the text spells it
    key: tuple[str, ...]  # normalised words: occurrences with one key are one candidate
    kind_guess: str  # one of schema.ACTOR_KINDS, or "" (no guess)
    start: int  # the name's character offsets in the document
    end: int
    doc: str = ""
    evidence: str = ""  # the sentence, exactly as in the document
    char_start: int = 0  # the sentence's offsets
    char_end: int = 0


@dataclass(frozen=True)
class _Pattern:
    id: str
    kind: str
    before: bool
    after: bool
    links: frozenset


@dataclass(frozen=True)
class CandidatePatterns:
    """``data/candidates.toml``, compiled: head word (as written) -> pattern, hints and word lists."""

    heads: dict  # normalised head word -> _Pattern (matched only when capitalised in the text)
    hints: tuple  # (frozenset of normalised words, kind), in file order
    lists: dict  # id -> frozenset of normalised words (excluded: of phrase keys)
    source: str


def load_candidate_patterns(path=None) -> CandidatePatterns:
    """Load and validate the candidate file (default: the packaged data/candidates.toml)."""
    data, _, where = read_data_file("candidates.toml", path,
                                    tables=frozenset({"candidate_pattern", "kind_hint", "word_list"}))

    def words(entry, place, key="words") -> list[str]:
        value = entry.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise DataFileError(f"{place}: expected {key} = [non-empty strings]")
        return value

    def kind(entry, place) -> str:
        value = entry.get("kind", "")
        if value and value not in ACTOR_KINDS:
            raise DataFileError(f"{place}: kind = {value!r}; expected \"\" or one of {', '.join(ACTOR_KINDS)}")
        return value

    heads: dict = {}
    for n, entry in enumerate(data.get("candidate_pattern", []), 1):
        place = f"{where}: [[candidate_pattern]] #{n}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise DataFileError(f"{place}: expected a table with id = \"...\"")
        extra = set(entry) - {"id", "heads", "kind", "before", "after", "links"}
        if extra:
            raise DataFileError(f"{place}: unknown key(s) {sorted(extra)}")
        for flag in ("before", "after"):
            if not isinstance(entry.get(flag, False), bool):
                raise DataFileError(f"{place}: expected {flag} = true or false")
        links = frozenset(normalize(w) for w in words(entry, place, "links")) if "links" in entry else frozenset()
        p = _Pattern(entry["id"], kind(entry, place), entry.get("before", False), entry.get("after", False), links)
        if not (p.before or p.after or p.links):
            raise DataFileError(f"{place}: a name must extend somewhere: set before, after or links")
        for head in words(entry, place, "heads"):
            key = normalize(head)
            if key in heads:
                raise DataFileError(f"{place}: head {head!r} is already in pattern {heads[key].id!r}")
            heads[key] = p
    hints = []
    for n, entry in enumerate(data.get("kind_hint", []), 1):
        place = f"{where}: [[kind_hint]] #{n}"
        hints.append((frozenset(normalize(w) for w in words(entry, place)), kind(entry, place)))
    lists = {}
    for n, entry in enumerate(data.get("word_list", []), 1):
        place = f"{where}: [[word_list]] #{n}"
        lid = entry.get("id")
        if lid not in _LISTS:
            raise DataFileError(f"{place}: id = {lid!r}; expected one of {', '.join(_LISTS)}")
        ws = words(entry, place)
        lists[lid] = frozenset(phrase_key(w) for w in ws) if lid == "excluded" else frozenset(normalize(w) for w in ws)
    missing = [k for k in _LISTS if k not in lists]
    if missing or not heads:
        raise DataFileError(f"{where}: expected [[candidate_pattern]] entries and the word lists {', '.join(_LISTS)}"
                            + (f"; missing {', '.join(missing)}" if missing else ""))
    return CandidatePatterns(heads, tuple(hints), lists, where)


class CandidateFinder:
    """Finds candidate names in a sentence's tokens (compiled once per run)."""

    def __init__(self, patterns: CandidatePatterns, *, not_distinctive: Iterable[str] = (),
                 cue_words: Iterable[str] = (), cue_heads: dict | None = None, cue_table: dict | None = None):
        self.p = patterns
        self.particles = patterns.lists["particles"]
        self.connectors = patterns.lists["connectors"] | self.particles
        self.articles = patterns.lists["articles"]
        # words that end a name on its left: openers, titles and the cue file's one-word cues
        self.stops = patterns.lists["not_names"] | frozenset(cue_words)
        self.plain = patterns.lists["descriptive"] | frozenset(not_distinctive) \
            | frozenset(patterns.heads)
        self.excluded = patterns.lists["excluded"]
        self.cue_heads = cue_heads or {}
        self.cue_table = cue_table or {}

    @classmethod
    def load(cls, matcher, cues, patterns: CandidatePatterns | None = None) -> "CandidateFinder":
        """A finder for this dictionary (its demonyms and country names never make a name distinctive)
        and cue file (its one-word cues are never part of a name, and a cue opens the gate)."""
        pats = patterns if patterns is not None else load_candidate_patterns()
        state_words = {w for table in (matcher.demonyms, matcher.countries) for k in table if k for w in k
                       if isinstance(w, str)}
        one_word = {k[0] for table in (cues.relation_cues, cues.status_cues) for k in table if len(k) == 1}
        return cls(pats, not_distinctive=state_words, cue_words=one_word,
                   cue_heads=cues.heads_of(cues.relation_cues), cue_table=cues.relation_cues)

    # -- one sentence ----------------------------------------------------------------

    def find(self, tokens: Sequence[Token], mentions: Sequence, *, text: str | None,
             relations: Sequence = ()) -> list[Candidate]:
        """Candidate names in one sentence, left to right, not overlapping.

        Only where the sentence has a relation (or a relation cue) or names a known
        armed actor; never over a named mention of the dictionary.
        """
        heads = self.p.heads
        at = [i for i, t in enumerate(tokens) if t.norm in heads]
        if not at:
            return []
        at = [i for i in at if self._capital(tokens[i])]
        if not at:
            return []
        named = [(m.tok_start, m.tok_end) for m in mentions if not m.generic]
        if not (relations or named or self._has_cue(tokens)):
            return []
        taken = [False] * len(tokens)
        for a, b in named:
            for k in range(a, min(b, len(tokens))):
                taken[k] = True
        spans: list[tuple[int, int]] = []
        for i in at:
            if taken[i] or (spans and i < spans[-1][1]):
                continue
            span = self._span(tokens, i, taken)
            if span is not None:
                if spans and span[0] < spans[-1][1]:  # a later head's name takes in the one before
                    span = (min(span[0], spans.pop()[0]), span[1])
                spans.append(span)
        out = []
        for a, b in spans:
            name = text[tokens[a].start:tokens[b - 1].end] if text is not None else _joined(tokens[a:b])
            key = tuple(t.norm for t in tokens[a:b])
            head = self._head_in(tokens, a, b)
            out.append(Candidate(" ".join(name.split()), key, self._kind(key, heads[head]),
                                 tokens[a].start, tokens[b - 1].end))
        return out

    def _has_cue(self, tokens: Sequence[Token]) -> bool:
        for i, t in enumerate(tokens):
            longest = self.cue_heads.get(t.norm)
            if longest:
                for n in range(min(longest, len(tokens) - i), 0, -1):
                    if tuple(x.norm for x in tokens[i:i + n]) in self.cue_table:
                        return True
        return False

    def _span(self, tokens: Sequence[Token], i: int, taken: list) -> tuple[int, int] | None:
        pat = self.p.heads[tokens[i].norm]
        n = len(tokens)
        a = i
        if pat.before:  # capitalised words (and connectors between them) before the head
            k = i - 1
            while k >= 0 and not taken[k]:
                t = tokens[k]
                if self._capital(t) and t.norm not in self.stops:
                    a = k
                elif t.norm not in self.particles:  # "al-" in "X al-Y Front": kept between capitalised words
                    break
                k -= 1
            while a < i and not self._capital(tokens[a]):
                a += 1
        b = i + 1
        if pat.after:  # "Katiba X al-Y": particles only, so "Katiba X in Y" stops before "in"
            b = self._run(tokens, b, taken, self.particles)
        if b < n and tokens[b].norm in pat.links:
            c = b + 1
            if c < n and tokens[c].norm in self.articles:
                c += 1
            if c < n and self._capital(tokens[c]) and not taken[c]:
                b = self._run(tokens, c, taken, self.connectors)
        if b - a > _MAX_NAME:
            return None
        key = tuple(t.norm for t in tokens[a:b])
        if key in self.excluded or (a < i and key[1:] in self.excluded and key[0] in self.plain):
            return None
        if not any(self._capital(t) and t.norm not in self.plain and t.norm not in self.connectors
                   for t in tokens[a:b]):
            return None  # "the National Army", "Special Forces": no word that names
        return a, b

    def _run(self, tokens: Sequence[Token], c: int, taken: list, joins: frozenset) -> int:
        """End of a run of capitalised words from ``c``, the words of ``joins`` allowed between them."""
        n = len(tokens)
        end = c
        k = c
        while k < n and not taken[k]:
            t = tokens[k]
            if self._capital(t):
                if t.norm in self.stops:  # "Katiba X On Monday", a title-case "Katiba X Attacked"
                    break
                end = k + 1
            elif t.norm not in joins:
                break
            k += 1
        return end

    def _head_in(self, tokens: Sequence[Token], a: int, b: int) -> str:
        """The head word the name is built on: the last one before its first link word
        ("Coordination of Patriotic Forces of X": Coordination; "X Liberation Front": Front)."""
        heads, last = self.p.heads, ""
        for t in tokens[a:b]:
            if last and t.norm in heads[last].links:
                break
            if t.norm in heads and self._capital(t):
                last = t.norm
        return last

    @staticmethod
    def _capital(t: Token) -> bool:
        return t.text[:1].isupper()

    def _kind(self, key: tuple[str, ...], pattern: _Pattern) -> str:
        words = set(key)
        words |= {f"{x}-{y}" for x, h, y in zip(key, key[1:], key[2:]) if h == "-"}
        for hint, kind in self.p.hints:
            if words & hint:
                return kind
        return pattern.kind

    # -- one sentence of a document, for the pipeline -------------------------------

    def sentence(self, doc_name: str, doc_text: str, sentence, tokens: Sequence[Token], mentions: Sequence,
                 relations: Sequence = ()) -> list[Candidate]:
        """:meth:`find`, with the document and the sentence the names were found in."""
        return [Candidate(c.name, c.key, c.kind_guess, c.start, c.end, doc_name, sentence.text,
                          sentence.start, sentence.end)
                for c in self.find(tokens, mentions, text=doc_text, relations=relations)]


def _joined(tokens: Sequence[Token]) -> str:
    out = ""
    for t in tokens:
        glue = t.norm in ("-", "'") or out.endswith(("-", "'"))
        out += ("" if glue or not out else " ") + t.text
    return out


def candidate_rows(hits: Iterable[Candidate]) -> list[dict]:
    """The rows of candidates.csv: one per name (occurrences with one normalised key), most
    mentioned first, with the first occurrence (document order as given) as evidence."""
    by_key: dict[tuple, list[Candidate]] = {}
    for h in hits:
        by_key.setdefault(h.key, []).append(h)
    rows = []
    for key, hs in by_key.items():
        first = hs[0]
        spellings: dict[str, int] = {}
        for h in hs:
            spellings[h.name] = spellings.get(h.name, 0) + 1
        name = max(spellings, key=lambda s: (spellings[s], -list(spellings).index(s)))
        rows.append({
            "name": name,
            "kind_guess": first.kind_guess,
            "mentions": len(hs),
            "documents": len({h.doc for h in hs}),
            "doc": first.doc,
            "evidence": first.evidence,
            "char_start": first.char_start,
            "char_end": first.char_end,
            "name_start": first.start,
            "name_end": first.end,
            "spellings": "|".join(spellings),
        })
    rows.sort(key=lambda r: (-r["mentions"], r["name"].casefold(), r["doc"], r["name_start"]))
    return rows
