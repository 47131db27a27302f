"""The sentence view the frames work on: tokens, mentions and cue occurrences of one
sentence, with coordination ("A, B and the C") and clause navigation helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from actors.extract.cues import Cue, CueSet
from actors.extract.frames.asides import apposition_head, in_source, names_only, offshoot_after, parenthetical_start
from actors.extract.matcher import Matcher
from actors.extract.mentions import Mention
from actors.text.tokens import Token

__all__ = ["Sentence", "Occurrence", "AGENT_REACH", "MONTHS", "COPULAS"]

AGENT_REACH = 15  # tokens left of a cue in which the agent (subject) is looked for
_PATIENT_REACH = 8  # tokens right of a cue in which an object is looked for
_VERB_FRAMES = frozenset({"transitive", "split_verb", "member_verb", "merger", "contribution"})
_LIST_GLUE = frozenset({",", "and", "the", "both", "other", "its", "their", "well", "as", "&", "also", "including", "such", "notably", "-", "linked", "aligned", "affiliated", "backed"})
_HARD = frozenset({";", ":", "(", ")", "[", "]", '"', "“", "”", "—", "–"})
_QUOTES = frozenset({'"', "“", "”"})
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
COPULAS = frozenset({"was", "is", "were", "are", "became", "become", "remained", "remains", "becomes"})


@dataclass
class Occurrence:
    cues: tuple[Cue, ...]
    start: int  # token index
    end: int  # exclusive


class Sentence:
    """Tokens, mentions and cue occurrences of one sentence, with navigation helpers."""

    def __init__(self, cues: CueSet, matcher: Matcher, tokens: Sequence[Token], mentions: Sequence[Mention],
                 previous_attackers: Sequence[Mention] = ()):
        self.cues = cues
        self.matcher = matcher
        self.toks = tokens
        self.norms = [t.norm for t in tokens]
        self.mentions = [replace(m, role="modifier") if m.role == "party" and names_only(self.norms, m, cues) else m
                         for m in mentions]
        # two mentions on one span ("the two groups", read as both): the first starts the list, the last ends it
        self.at_start = {}
        for k, m in enumerate(self.mentions):
            self.at_start.setdefault(m.tok_start, k)
        self.at_end = {m.tok_end - 1: k for k, m in enumerate(self.mentions)}
        covered = set()
        for m in self.mentions:
            covered.update(range(m.tok_start, m.tok_end))
        self.covered = covered
        modifiers = [m for m in self.mentions if m.role == "modifier"]
        self.modifier_toks = {x for m in modifiers for x in range(m.tok_start, m.tok_end)}
        if modifiers:
            # "the French-led Takuba Task Force": the hyphen and head of a compound modifier go with it
            heads = cues.single("modifier_heads") | cues.single("hyphen_modifier_heads")
            self.modifier_toks |= {x for m in modifiers if m.tok_end + 1 < len(self.norms)
                                   and self.norms[m.tok_end] == "-" and self.norms[m.tok_end + 1] in heads
                                   for x in (m.tok_end, m.tok_end + 1)}
        self.real = [i for i, m in enumerate(self.mentions) if m.role != "modifier"]
        self.real_pos = {k: p for p, k in enumerate(self.real)}
        # quotation marks around one to three words ('at "war" with') break no clause
        quotes = [i for i, w in enumerate(self.norms) if w in _QUOTES] if not _QUOTES.isdisjoint(self.norms) else []
        self._scare_quotes = {i for a, b in zip(quotes, quotes[1:]) if 1 < b - a <= 4 for i in (a, b)}
        self.breaks = cues.words("clause_breaks")
        self._break_words = cues.single("clause_breaks")  # its one-word breaks, for is_break
        self.aux = cues.words("auxiliaries")
        self.reciprocal = cues.words("reciprocal")
        self.relation_occ = [o for o in self._scan(cues.relation_cues) if not self._adjectival(o)]
        # "an attack by X": the object of "repulsed" is X's attack (noun ends); objects are not looked
        # for past another verb ("X attacked a town and killed Y"); "to fight alongside X": X is a
        # companion, never the verb's object. (One pass over the cues' frames.)
        self.noun_ends, self.verb_starts, self.companion_starts = set(), set(), set()
        for o in self.relation_occ:
            frames = {c.frame for c in o.cues}
            if "nominal" in frames:
                self.noun_ends.add(o.end - 1)
            if "companion" in frames:
                self.companion_starts.add(o.start)
            if "companion" in frames or (not _VERB_FRAMES.isdisjoint(frames) and not self.determined(o)):
                self.verb_starts.add(o.start)
        self.status_occ = self._scan(cues.status_cues)
        self.previous_attackers = list(previous_attackers)
        self._separate: bool | None = None
        self._glued_pairs: dict[tuple[int, int], bool] = {}  # what _glued said of each pair asked
        self.patient_of: dict[int, int] = {}  # mention index -> cue start that took it as object
        self.agent_of_cue: dict[int, list[int]] = {}
        # attacks told with a named target and no attacker ("an attack on a Malian post killed ...",
        # "a MINUSMA convoy was ambushed"): cue start -> target mention indices; a claim of
        # responsibility may name the attacker (context.py)
        self.unattributed: dict[int, list[int]] = {}

    def determined(self, o: Occurrence) -> bool:
        """After a determiner or quantifier ("the attack", "several raids") a cue is a noun;
        but "an IED that struck a convoy": after "that", a past form is a relative clause's verb."""
        prev = self.norms[o.start - 1] if o.start else ""
        if prev.replace(",", "").isdigit() and not (len(prev) == 4 and prev[:2] in ("19", "20")):
            return True  # a count ("244 raids"), not a year ("in 2015 attacked")
        if prev not in self.cues.single("noun_markers"):
            return False
        last = self.norms[o.end - 1]
        past = last.endswith("ed") or (last,) in self.cues.words("irregular_participles")
        # after "that" a relative clause's verb; "JNIM and the ISGS each attacked ...": "each" a floating quantifier
        return not (self.norms[o.start - 1] in {"that", "each", "both", "all"} and past)

    def separate(self) -> bool:
        """"in two separate attacks", "respectively": actors named together did not act together."""
        if self._separate is None:
            words = self.cues.single("separate_markers")
            self._separate = any(w in words for w in self.norms)
        return self._separate

    def ongoing(self, subject_end: int, cue_start: int) -> bool:
        """A campaign or a standing state rather than one event, told between a subject ending at
        ``subject_end`` and its verb: a continuative ("continued to", ``ongoing_markers``) or a
        progressive ("are battling", "have been fighting")."""
        if not 0 <= subject_end <= cue_start:
            return False
        words = self.cues.words("ongoing_markers")
        span = self.norms[subject_end:cue_start]
        if any(tuple(span[i : i + z]) in words for i in range(len(span)) for z in (1, 2)):
            return True
        return self.norms[cue_start].endswith("ing") and cue_start > subject_end \
            and self.norms[cue_start - 1] in {"are", "is", "were", "was", "been", "be"}

    def irrealis(self, o: Occurrence, list_id: str = "irrealis") -> bool:
        """An intention, threat, offer or condition governs the cue: nothing happened. (With
        ``list_id="ended_relations"``: the relation the cue names is told as ending.)"""
        lo = max(0, o.start - 10)
        words = self.cues.words(list_id)
        firsts = self.cues.first_words(list_id)
        if firsts.isdisjoint(self.norms[lo : o.start]):
            return False  # no phrase of the list can start before the cue
        norms, quotes = self.norms, self._scare_quotes
        for j in range(o.start - 1, lo - 1, -1):
            w = norms[j]
            if (w in _HARD and j not in quotes) or w in {".", ";"}:  # (self.hard(j), inline)
                return False
            if list_id == "ended_relations" and w in {"and", "but", "while", "whereas"}:
                return False  # "ended its cooperation with France and pursued closer ties with Moscow"
            if w not in firsts:
                continue
            for size in (3, 2, 1):
                if j + size <= o.start and tuple(norms[j : j + size]) in words:
                    if size == 1 and not self.toks[j].text.islower():
                        continue  # "May" the month, not the modal
                    return True
        return False

    def _adjectival(self, o: Occurrence) -> bool:
        """"the besieged Malian soldiers": a participle after a determiner (or "by") describes a noun."""
        word = self.norms[o.end - 1]
        if o.end - o.start != 1 or not word.endswith("ed") or not all(c.frame in ("transitive", "modifier") for c in o.cues):
            return False
        j = o.start - 1
        if j >= 0 and (self.norms[j] in self.cues.single("participle_adverbs") or self.norms[j].endswith("ly")):
            j -= 1  # "the better financed Ansar Dine"
        return j >= 0 and self.norms[j] in {"the", "a", "an", "by"}  # ("attacked by heavily armed X")

    def _scan(self, table: dict) -> list[Occurrence]:
        """The cue phrases of ``table``, left to right: at each word that opens one, the longest on no
        mention's words, walked word by word in the table's trie."""
        trie = self.cues.trie_of(table)
        norms, covered = self.norms, self.covered
        out: list[Occurrence] = []
        n, after = len(norms), 0  # ``after``: where the last phrase found ends
        for i in [x for x, w in enumerate(norms) if w in trie]:
            if i < after or i in covered:
                continue
            hit_len, hit, node, j = 0, None, trie, i
            while j < n and j not in covered:
                node = node.get(norms[j])
                if node is None:
                    break
                j += 1
                value = node.get(None)
                if value is not None:
                    hit_len, hit = j - i, value
            if hit:
                out.append(Occurrence(hit, i, i + hit_len))
                # a shorter cue ending the phrase keeps its own frame: "joint operations against"
                for k in range(1, hit_len):
                    tail = table.get(tuple(norms[i + k : i + hit_len]))
                    if tail and any(c.frame in ("nominal", "symmetric") for c in tail):
                        out.append(Occurrence(tuple(c for c in tail if c.frame in ("nominal", "symmetric")), i + k, i + hit_len))
                after = i + hit_len
        return out

    # -- navigation ---------------------------------------------------------
    def aside_opening(self, comma: int) -> int | None:
        """The comma opening the aside that ``comma`` closes, within its clause ("The Platform, a
        coalition of ..., denied"; "X, originally part of Y, became ..."); None if there is none."""
        p = comma - 1
        while p >= 0 and self.norms[p] != "," and not self.hard(p):
            p -= 1
        return p if p > 0 and self.norms[p] == "," else None

    def hard(self, i: int) -> bool:
        return self.norms[i] in _HARD and i not in self._scare_quotes

    def is_break(self, i: int) -> bool:
        return (self.norms[i] in _HARD and i not in self._scare_quotes) or self.norms[i] in self._break_words

    def group(self, k: int, *, forward_only: bool = False) -> list[int]:
        """Mention indexes coordinated with mention k ("A, B and the C").

        Modifier mentions inside the list ("the al-Qaeda-aligned JNIM") are passed
        over, never members.
        """
        real = self.real if k in self.real_pos else sorted(self.real + [k])
        pos = self.real_pos[k] if k in self.real_pos else real.index(k)
        members = [k]
        j = pos
        while not forward_only and j > 0 and self._glued(real[j - 1], real[j]):
            j -= 1
            members.insert(0, real[j])
        if len(members) > 1 and "and" not in self._gap(members[-2], k) and any(
            "and" in self._gap(a, b) for a, b in zip(members, members[1:-1] + [k]) if b != k
        ):
            members = [k]  # "between Mali, Niger and Burkina Faso, ISGS ...": that list ended before k
        j = pos
        while j + 1 < len(real) and self._glued(real[j], real[j + 1]):
            if forward_only and len(members) == 1 and "," in self._gap(real[j], real[j + 1]) and self._opens_clause(real[j + 1]):
                break  # "captured Ménaka from the MNLA, and MINUSMA demanded ...": a new subject
            if len(members) == 1 and [w for w in self._gap(real[j], real[j + 1]) if w not in self.cues.single("quantity_words")][:2] == [",", "and"]:
                break  # "A, supported by B, and C": ", and" after one item closes a phrase (a list needs three)
            j += 1
            members.append(real[j])
        return members

    def _leaders_of(self, k: int) -> bool:
        end = self.mentions[k].tok_end
        return end < len(self.toks) and self.norms[end] in self.cues.single("leader_nouns")

    def _opens_clause(self, k: int) -> bool:
        end = self.mentions[k].tok_end
        if end >= len(self.toks):
            return False
        w = self.toks[end]
        return w.text.islower() and (w.norm.endswith("ed") or w.norm in self.cues.single("finite_verbs"))

    def _possessor_of_part(self, k: int) -> bool:
        """"al-Qaeda's North Africa branch": the mention owns a part noun within three words."""
        end = self.mentions[k].tok_end
        if self.norms[end : end + 1] != ["'s"]:
            return False
        return any(w in self.cues.single("part_nouns") for w in self.norms[end + 1 : end + 5])

    def _after(self, k: int, list_id: str) -> bool:
        """The mention comes right after words of the cue file's list ``list_id`` (an article between)."""
        j = self.mentions[k].tok_start
        if j > 0 and self.norms[j - 1] == "the":
            j -= 1
        if j == 0 or self.norms[j - 1] not in self.cues.last_words(list_id):
            return False  # no phrase of the list ends right before it
        words = self.cues.words(list_id)
        return any(tuple(self.norms[j - z : j]) in words for z in (1, 2, 3) if j >= z)

    def _gap(self, a: int, b: int) -> list[str]:
        return self.norms[self.mentions[a].tok_end : self.mentions[b].tok_start]

    def _glued(self, a: int, b: int) -> bool:  # (group asks the same pairs again and again: once each)
        glued = self._glued_pairs.get((a, b))
        if glued is None:
            glued = self._glued_pairs[(a, b)] = self._listed_together(a, b)
        return glued

    def _listed_together(self, a: int, b: int) -> bool:
        ms = self.mentions
        end = ms[b].tok_end
        if self.norms[end : end + 1] and self.norms[end] in self.cues.single("statement_verbs") and \
                self.norms[end + 1 : end + 2] == [","]:
            return False  # "JNIM, the army said, attacked ...": the speaker's aside, no list item
        if self._after(a, "source_openers") or self._after(a, "contrast_markers") or in_source(self, a, b):
            # "according to the Malian army, JNIM attacked ...", "unlike JNIM, the ISGS attacks ...":
            # the source, or the one set apart, is no item of the list that follows
            return False
        gap_idx = [x for x in range(ms[a].tok_end, ms[b].tok_start) if x not in self.modifier_toks]
        if len(gap_idx) > 2 and self.norms[gap_idx[0]] == "(" and ")" in [self.norms[x] for x in gap_idx[1:12]]:
            # "A (ISGS) and B", "A (Defenders of the Faith) and B": a bracket glossing A, naming no one else
            close = next(i for i in range(1, 12) if self.norms[gap_idx[i]] == ")")
            inside = range(gap_idx[0] + 1, gap_idx[close])
            if not any(x in self.at_start and self.mentions[self.at_start[x]].actor != ms[a].actor for x in inside):
                gap_idx = gap_idx[close + 1 :]
        if len(gap_idx) > 2 and self.norms[gap_idx[-1]] == "'s":
            x = len(gap_idx) - 2  # "MOJWA and Mokhtar Belmokhtar's al-Mulathameen": a person's group
            while x > 0 and self.toks[gap_idx[x]].is_capitalized and gap_idx[x] not in self.covered:
                x -= 1
            if x < len(gap_idx) - 2:
                gap_idx = gap_idx[: x + 1]
        described = self.cues.single("descriptor_adjectives")
        while len(gap_idx) > 1:  # "Platform and the rebel CMA": the words describe the next name
            if self.norms[gap_idx[-1]] in described:
                gap_idx.pop()
            elif len(gap_idx) > 3 and tuple(self.norms[x] for x in gap_idx[-3:]) in self.cues.words("descriptor_adjectives"):
                del gap_idx[-3:]  # "pro-government" as three tokens
            else:
                break
        gap = [self.norms[x] for x in gap_idx]
        if len(gap) > 4 and gap[0] == "," and gap[1] in {"a", "an"} and "," in gap[2:]:
            # "the Platform, an alliance of pro-government groups, and the CMA": an apposition between items
            rest = gap[gap.index(",", 2) + 1 :]
            if rest in (["and"], ["and", "the"]) and not any(self.is_break(x) for x in gap_idx[2:]):
                return True
        if gap == [","] and self._possessor_of_part(b):
            return False  # "AQIM, al-Qaeda's North Africa branch": an apposition, not a second item
        for intro in ("including", "notably", "like", "such"):
            if intro in gap and (gap[0] in {",", "and"} or ms[a].generic) and gap.index(intro) <= 6 \
                    and not any(self.is_break(x) for x in gap_idx) and (intro != "such" or gap[-1:] == ["as"]):
                return True  # "A, Tuareg groups including B", "A and groups like B": B is listed with A
        if len(gap) >= 3 and gap[0] == "and" and gap[1] in {"its", "their"}:
            # "the Malian army and its ally, the Wagner Group, attacked ...": the ally is listed with A
            nouns = self.cues.single("ally_nouns")
            at = next((i for i, w in enumerate(gap[2:5]) if w in nouns), None)
            if at is not None and all(w in {",", "the"} for w in gap[3 + at :]):
                return True
        if offshoot_after(self, gap) is not None:
            return True  # "Boko Haram and a splinter group, ISWAP, attacked": the splinter is listed with A
        head = gap[:-1] if gap[-1:] == ["the"] else gap
        if 3 <= len(head) <= 4 and head[0] in {",", "and"} and head[-1] == "of" \
                and all((w,) in self.matcher.force_nouns or (w,) in self.matcher.absorbed for w in head[1:-1]):
            return True  # "soldiers of the Malian army and mercenaries of the Wagner Group": one list
        if len(gap) >= 3 and gap[-1] == "of" and gap[-2] in self.cues.single("part_nouns") and gap[0] in {",", "and"} and len(gap) <= 6:
            return True  # "A, B and the Sahara branch of C": the part is listed with A and B
        if gap and gap[0] in {"in", "at", "near", "around"}:
            # "MINUSMA camps in Timbuktu and Kidal and French troops": skip the place phrase
            x = 1
            while x < len(gap) and (self.toks[gap_idx[x]].is_capitalized or gap[x] in {",", "and"}) and not (gap[x] == "and" and x == len(gap) - 1):
                x += 1
            if x == len(gap) - 1 and gap[x] == "and":
                return True
        if gap == ["-"] and ms[a].group >= 0 and ms[a].group == ms[b].group or gap[:1] == ["and"] and ms[b].generic \
                and set(gap[1:]) <= self.cues.single("other_quantifiers"):  # "A and several other groups": listed with A
            return True
        if gap == ["/"] and not (ms[a].generic or ms[b].generic):
            # "GATIA/MSA" lists two groups; "JNIM/Katiba Macina" (one of them a coalition) names a component
            kinds = [getattr(self.matcher.dictionary.get(ms[x].actor), "kind", "") for x in (a, b)]
            return (kinds[0] == "coalition") == (kinds[1] == "coalition")
        if gap in (["or"], [",", "or"]) and ms[a].via == "force" and ms[b].via == "force":
            return True  # "ambushes on Malian or French forces": one demonym list sharing its noun
        if not gap:
            return ms[a].group >= 0 and ms[a].group == ms[b].group or ms[a].via == "force" and ms[b].via == "force"
        t = ms[a].tok_start
        quantities = self.cues.single("quantity_words")
        # (a demonym may stand between the count and the name: "50 Russian Wagner mercenaries")
        counted = any(self.norms[x].replace(",", "").isdigit() or self.norms[x] in quantities
                      for x in range(max(0, t - 2), t) if x not in self.covered)
        if counted and ("and" in gap or "," in gap):
            # "84 Wagner fighters and 47 Malian soldiers": parallel counts are not words
            gap = [w for w in gap if not (w.replace(",", "").isdigit() or w in quantities)] or gap
        if len(gap) >= 2 and gap[-1] == "against" and gap[-2] in {"and", "as"}:
            gap = gap[:-1]  # "against A as well as against B": the preposition repeated
        conjunction = "," in gap or "and" in gap or "&" in gap or "as well as" in " ".join(gap)
        return all(w in _LIST_GLUE for w in gap) and conjunction

    def party(self, k: int, *, allow_possessor: bool = False) -> bool:
        role = self.mentions[k].role
        if role == "possessor" and allow_possessor:
            # "al-Qaeda's JNIM": the owner of a name is never the party, the name is
            end = self.mentions[k].tok_end
            return not (end + 1 in self.at_start and self.norms[end : end + 1] == ["'s"])
        return role == "party"

    def left_mention(self, c: int, reach: int = AGENT_REACH, *, stop_at_status: bool = True) -> tuple[int | None, int | None]:
        """Nearest party mention ending left of token c in the clause: (mention, status token hit)."""
        j = c - 1
        lo = max(0, c - reach)
        # a hedge ("reportedly", "were reported to") sits between a subject and its verb: passed over
        status_starts = {o.start for o in self.status_occ if o.cues[0].frame != "adverb"} if stop_at_status else set()
        while j >= lo:
            if self.norms[j] == "," and j > 0:
                p = parenthetical_start(self, j)
                if p is not None:
                    lo = max(0, lo - (j - p))  # the reach does not count the skipped apposition
                    j = p - 1
                    continue
            if j in self.at_end and self.party(self.at_end[j]):
                t = self.mentions[self.at_end[j]].tok_start
                if t >= 2 and self.norms[t - 1] == "by" and self.norms[t - 2] in self.cues.single("backing_participles"):
                    j = t - 3  # "Malian troops backed by French aircraft recaptured": the backer is no subject
                    continue
                t2 = t - 1 if t >= 1 and self.norms[t - 1] == "the" else t  # "in collaboration with the Wagner Group"
                helped = next((t2 - z for z in (4, 3, 2, 1) if t2 - z >= 0
                               and tuple(self.norms[t2 - z : t2]) in self.cues.words("companion_openers")
                               and not (z == 1 and any(o.start < t2 - 1 < o.end for o in self.relation_occ))), None) \
                    if t2 >= 1 and self.norms[t2 - 1] in self.cues.last_words("companion_openers") else None
                if helped is not None:
                    j = helped - 1  # "the Malian government, with the aid of Wagner has seized": the helper is no subject
                    continue
                return self.at_end[j], None
            if self.norms[j] == ")" and (j - 1) in self.at_end and self.party(self.at_end[j - 1]) \
                    and self.norms[self.mentions[self.at_end[j - 1]].tok_start - 1] == "(":
                o = self.mentions[self.at_end[j - 1]].tok_start - 1
                if o >= 1 and (o - 1) in self.at_end and self.party(self.at_end[o - 1]) \
                        and self._umbrella(self.at_end[j - 1]):
                    return self.at_end[o - 1], None  # "Katiba Macina (JNIM) attacked": the head is outside
                return self.at_end[j - 1], None  # "the Movement for Oneness ... (MOJWA)"
            if self.norms[j] in {"—", "–"} and (j - 1) in self.at_end and self.party(self.at_end[j - 1]) \
                    and any(self.norms[x] in {"—", "–"} for x in range(max(0, j - 30), j - 1)):
                return self.at_end[j - 1], None  # "the Islamist groups—A, B and C—had seized": the list names them
            if self.norms[j] in {"—", "–"} and (j - 1) not in self.at_end:
                o = next((x for x in range(j - 1, max(-1, j - 20), -1) if self.norms[x] in {"—", "–"}), None)
                if o is not None:  # "claimed on 2 October – two days before the strike – that it ...": an aside
                    lo, j = max(0, lo - (j - o + 1)), o - 1
                    continue
            if self.norms[j] == ")":
                o = next((x for x in range(j - 1, max(-1, j - 30), -1) if self.norms[x] in {"(", ")"}), None)
                if o is not None and self.norms[o] == "(":
                    # "jihadists loyal to X (colloquially called 'Y') assaulted": the aside is passed over;
                    # "the Group for ... (GSIM, affiliated with Y) attacked": the name holds the bracket
                    holder = next((x for x, m in enumerate(self.mentions) if m.tok_start < o < m.tok_end), None)
                    if holder is not None and self.party(holder):
                        return holder, None
                    lo = max(0, lo - (j - o + 1))
                    j = o - 1
                    continue
            if j in status_starts:
                return None, j
            if self.norms[j] in {"that", "which", "who"} and not ((j - 1) in self.at_end and not self.mentions[self.at_end[j - 1]].generic):
                head = apposition_head(self, j)
                if head is not None:
                    return head, None  # "the CMA, an alliance of armed groups that had signed ...": the named one
            if self.norms[j] in {"which", "who", "whom"}:
                # "the MIA, which had split from Ansar Dine": the relative clause's subject;
                # "X, the latter of which was supported by Y" (the former would be another mention)
                a = j
                if a >= 3 and self.norms[a - 1] == "of" and self.norms[a - 2] == "latter" \
                        and self.norms[a - 3] == "the":
                    a -= 3
                a = a - 1 if a > 0 and self.norms[a - 1] == "," else a
                if (a - 1) in self.at_end and self.party(self.at_end[a - 1]):
                    t = self.mentions[self.at_end[a - 1]].tok_start
                    if a == j and t >= 2 and self.norms[t - 1] in {"to", "with"} \
                            and self.norms[t - 2] in self.cues.single("description_heads"):
                        return None, None  # "a commander linked to Ansar Dine who was arrested": the commander
                    return self.at_end[a - 1], None
                return None, None
            if self.is_break(j) and not (self.norms[j] in self.cues.single("subject_adverbs") and (
                    (j - 1) in self.at_end or self.norms[j - 1] in {"which", "who"}
                    or (self.norms[j - 1] == "," and parenthetical_start(self, j - 1) is not None))):
                return None, None  # (but "the CSP then attacked", "which then attacked": an adverb after its subject)
            j -= 1
        return None, None

    def _umbrella(self, k: int) -> bool:
        """A coalition named in brackets after its component: "Katiba Macina (JNIM)"."""
        actor = self.matcher.dictionary.get(self.mentions[k].actor)
        return actor is not None and actor.kind == "coalition"

    def right_mention(self, c: int, reach: int = _PATIENT_REACH, *, allow_possessor: bool = True, stop_comma: bool = True) -> int | None:
        """First mention starting right of token c (exclusive end index) in the clause."""
        j, hi = c, min(len(self.toks), c + reach)
        occ_starts = self.verb_starts
        while j < hi:
            if self.norms[j] == "-" and j not in self.covered:
                hi = min(len(self.toks), hi + 2)  # "the pro-government GATIA militia": a compound adjective counts as a word
            if j in self.at_start:
                k = self.at_start[j]
                if self.party(k, allow_possessor=allow_possessor):
                    return k
                end = self.mentions[k].tok_end
                if self.mentions[k].role == "possessor" and end + 1 in self.at_start and self.norms[end] == "'s":
                    hi = min(len(self.toks), hi + end + 1 - j)  # "al-Qaeda's JNIM": the name owned is meant
                    j = end + 1
                    continue
                if self.mentions[k].role == "modifier":
                    if allow_possessor and self._leaders_of(k):
                        return k  # "killed several AQIM commanders": their group was fought
                    end = self.mentions[k].tok_end
                    counterpart = end + 1 < len(self.toks) and self.norms[end] in self.cues.single("counterpart_nouns") \
                        and (end + 1) in self.at_start
                    if self.mentions[k].via != "compound" and not counterpart:
                        return None  # "the MNLA's spokesman" is not an object
                    # "the IS-affiliated ISGS": the compound describes the name after it; "its al-Qaeda
                    # rival JNIM": the rival is named next
            if self.is_break(j) or (stop_comma and self.norms[j] == ","):
                return None
            if j in occ_starts and (j > c or j in self.companion_starts) and not (j > c and self.norms[j - 1] == "-"):
                return None  # (but "Kremlin-backed Wagner forces": a compound's participle is no verb)
            if self.norms[j] == "by" and j > c and (j - 1) not in self.noun_ends:
                return None  # "prisoners held captive by JNIM": a passive modifier, not the object
            if j > c and self.norms[j] in self.cues.single("description_heads") and j not in self.covered \
                    and self.norms[j + 1 : j + 2] in (["to"], ["with"]) \
                    and self.norms[j - 1] in self.cues.single("organisation_nouns") and j - 1 not in self.covered:
                return None  # "by a group linked to al-Qaeda": another organisation, not the one named
            j += 1
        return None

    def find_word(self, start: int, words: set, reach: int) -> int | None:
        for j in range(start, min(len(self.toks), start + reach)):
            if self.norms[j] in words:
                return j
            if self.hard(j):
                return None
        return None
