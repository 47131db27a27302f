"""The extraction pipeline: documents -> mentions -> relations -> event and edge rows.

Pure: takes documents (already read) and data, returns an :class:`Extraction`
value. Within a paragraph, what a sentence says can change what the sentences
before it told: a later claim of responsibility or denial
(:mod:`actors.extract.context`); a separate event ("Separately, ...") takes
nothing from them. Reading files is :mod:`actors.text.reading`'s edge; writing tables is
:mod:`actors.output`'.

>>> from actors.text.documents import parse_document
>>> doc = parse_document("t.txt", "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\\n")
>>> x = extract([doc])
>>> [(e["source"], e["relation"], e["target"], e["date"]) for e in x.edges]
[('mojwa', 'fought-against', 'mali', '2014-05-03')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from actors.text.date_layout import date_title, dateline, heading_years
from actors.text.dates import resolve_dates
from actors.text.date_values import PLAUSIBLE_YEARS, covering
from actors.extract.dictionary import Dictionary, load_dictionary
from actors.errors import Problem
from actors.extract.events import belligerents_event, fill_context, sentence_event
from actors.extract.infobox import find_sides, rival_pairs
from actors.extract.candidates import Candidate, CandidateFinder
from actors.extract.generics import opening_subject, pronoun_subject, resolve_generics
from actors.extract.host_country import document_country, main_country
from actors.extract.mentions import Matcher, build_matcher, find_mentions, find_mentions_dated
from actors.extract.claims import claim_edges, claim_relations, claimed_attacks, joint_claimants
from actors.extract.blame import blame
from actors.extract.context import (Party, denial, dispute_edges, dispute_relations, names_the_attack,
                                     responsibility_claim, separate_event, tells_a_toll, tells_an_attack)
from actors.extract.cues import CueSet, load_cues
from actors.extract.colon_lists import colon_lists, joined_tokens, spanning
from actors.extract.profile_box import find_profile, profile_events
from actors.extract.relations import find_relations
from actors.text.tokens import tokenize

__all__ = ["Extraction", "extract", "Extractor"]

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]|$)")  # "2023-05-01T10:00:00Z": the day
_DIGIT = re.compile(r"\d")
_OPEN_END = re.compile(r"[–—-]\s*(?:present|ongoing|today)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Extraction:
    """What extraction found: rows for the tables, plus everything skipped or doubted.

    ``events`` are statements (one per sentence or belligerents list) and ``edges`` are mentions
    (one relation in one statement); :func:`actors.extract.resolve.resolve_events` turns them into
    events and one edge per (event, pair, relation), as the output tables hold them.
    """

    documents: tuple[str, ...]
    events: list[dict]
    edges: list[dict]
    mention_counts: Counter
    problems: tuple[Problem, ...] = ()
    dictionary: Dictionary | None = field(default=None, repr=False)
    # names of organisations the dictionary lacks (actors.extract.candidates): never actors
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Extractor:
    """Compiled data (dictionary, cue words) reused across documents."""

    dictionary: Dictionary
    matcher: Matcher
    cues: CueSet
    candidates: CandidateFinder | None = field(default=None, repr=False, compare=False)
    years: tuple[int, int] = PLAUSIBLE_YEARS  # dates outside them are refused (left undated, a problem)

    @classmethod
    def load(cls, dictionary: Dictionary | None = None, cues: CueSet | None = None) -> "Extractor":
        d = dictionary if dictionary is not None else load_dictionary()
        c = cues if cues is not None else load_cues()
        m = build_matcher(d, word_lists=c.word_lists)
        return cls(d, m, c, CandidateFinder.load(m, c))

    def document(self, doc, candidates: list | None = None) -> tuple[list[dict], list[dict], Counter, list[Problem]]:
        """Events, edges, mention counts and problems of one document (``candidates``, when
        given, gets the document's candidate organisations)."""
        problems: list[Problem] = []
        fields = {f.key: f for f in doc.fields}
        anchor = fields["date"].value if "date" in fields else ""
        filed = (date_title(fields["title"].value) or dateline(fields["title"].value)) \
            if not anchor and "title" in fields else None
        if not anchor and filed is None and "filed" in fields:  # a Markdown page's front matter date
            filed = date_title(fields["filed"].value[:10] if _ISO_DAY.match(fields["filed"].value) else fields["filed"].value)
        if not anchor and filed is None and "title" in fields:
            # a year's page, "2021 in Burkina Faso", "Battle of Gao (2013)": its year is in force throughout
            years = heading_years(fields["title"].value)
            if years is not None and years[0] == years[1]:
                anchor = str(years[0])
        # a page opening with its date alone ("28 January 2013"): the day it was filed
        toks_by_sentence = {s.index: tokenize(s.clean, s.start) for s in doc.sentences}
        # Dates inside actor names ("May 23, 2006 Democratic Alliance for Change") are not dates.
        ignore = []
        found_before: dict[int, list] = {}  # reused below when the sentence's date cannot change them
        for s in doc.sentences:
            if _DIGIT.search(s.clean) is None:
                continue
            found, dated = find_mentions_dated(self.matcher, toks_by_sentence[s.index], text=doc.text)
            if not dated:
                found_before[s.index] = found
            for m in found:
                if _DIGIT.search(m.text):
                    ignore.append((m.start, m.end))
        # an armed group's article: its box's parts, allies and opponents; the box's own dates ("Size
        # 5,000 (2019)", "Group(s) X (2019–2022)") are no dates of the prose after it
        box_lines: list = []
        group, profile = find_profile(self.matcher, self.cues, doc, lines_out=box_lines)
        ignore.extend(box_lines)
        dates, in_force, date_problems = resolve_dates(doc.sentences, anchor=anchor, ignore=ignore, text=doc.text,
                                                       filed=filed.text if filed is not None else "",
                                                       years=self.years)
        problems.extend(date_problems)

        events: list[dict] = []
        edges: list[dict] = []
        counts: Counter = Counter()
        anchor_date = None
        if anchor:
            anchor_dates, anchor_force, _ = resolve_dates([_Line(doc.name, anchor)], anchor="")
            anchor_date = (anchor_dates.get(0) or [anchor_force.get(0)])[0]
            # a span ("16 – 20 January 2015", "6 February 2015 – present"): what covers it all
            stated, open_end = anchor_dates.get(0) or [], _OPEN_END.search(anchor) is not None
            if len(stated) > 1 or open_end:
                anchor_date = covering(stated, open_end=open_end) or anchor_date

        if group is not None:
            more_events, more_edges = profile_events(doc, group, profile)
            events.extend(more_events)
            edges.extend(more_edges)
        sides, side_problems = find_sides(self.matcher, doc)
        problems.extend(side_problems)
        if sides is not None:
            place = (fields.get("place") or fields.get("location"))
            named = {b.mention.actor for side in sides.sides for b in side} | {
                b.under.actor for side in sides.sides for b in side if b.under is not None}
            kinds = {a: x.kind for a in named if (x := self.dictionary.get(a)) is not None}
            ev, rows = belligerents_event(doc, sides, anchor_date, place.value.strip() if place else "", kinds=kinds,
                                          rivals=rival_pairs(self.matcher, named))
            if ev is not None:
                events.append(ev)
                edges.extend(rows)

        previous: Sequence = ()
        previous_subject = None  # the named actor the sentence before opened with ("It" may be it)
        previous_span: tuple[int, int] | None = None  # the sentence ``previous`` was named in
        previous_paragraph = None
        host = document_country(self.matcher, tokenize(fields["title"].value)) if "title" in fields else None
        if host is None:
            host = self._infobox_host(fields, sides)
        if host is None:  # a report on one country (its places named throughout): that country
            host = main_country(self.matcher, [toks_by_sentence[s.index] for s in doc.sentences])
        section_hosts: dict[str, str | None] = {}
        attackers: list = []
        told = _Told()
        unclaimed = None  # (sentence, tokens, victims) of the paragraph's last attack told without an attacker
        unclaimed_gap = 0
        unclaimed_crossed = False  # a paragraph break since it
        news_layout = _short_paragraphs(doc.sentences)
        # "... an alliance of three groups:" then one group a line: one sentence, the items its objects
        listed = colon_lists(doc)
        as_items = {k for items in listed.values() for k in items}
        for s in doc.sentences:
            if s.index in as_items:
                continue
            tokens = toks_by_sentence[s.index]
            force = in_force.get(s.index)
            # a country's own section ("Nigeria" as a heading of a monthly digest): its sentences' host
            here = section_hosts.setdefault(s.section, _section_country(self.matcher, s.section)) or host
            if s in listed:
                items = listed[s]
                tokens = joined_tokens(tokens, [toks_by_sentence[k] for k in items])
                s = spanning(s, doc.sentences[items[-1]].end, doc.text, doc.clean)  # (index: its position)
                found_before.pop(s.index, None)
            if s.index in found_before:
                mentions = found_before[s.index]  # the sentence's date cannot change them
            else:
                mentions = find_mentions(self.matcher, tokens, text=doc.text, day_range=_day_range(force), host=here)
            same_paragraph = previous_paragraph == s.paragraph
            norms = [t.norm for t in tokens]  # the sentence's words, once for the tests below
            separate = separate_event(self.cues, tokens, norms)  # "And, separately, ...": nothing from before
            if separate:
                told = _Told()
                unclaimed = None
            elif not same_paragraph and not news_layout:
                told = _Told()
                unclaimed = None
            elif not same_paragraph:
                # a report whose paragraphs are a sentence or two: only a claim that points back to
                # "the attack" still refers to it from the next paragraphs
                told.crossed = unclaimed_crossed = True
            context = previous if same_paragraph and not separate else ()
            mentions = resolve_generics(self.matcher, mentions, context, tokens, host=here,
                                        context_span=previous_span if context else None)
            pronoun = pronoun_subject(tokens, previous_subject, previous_span,
                                      describing=self.cues.single("pronoun_description_words")) if context else None
            if pronoun is not None and not any(m.tok_start <= pronoun.tok_start for m in mentions):
                mentions = [pronoun] + list(mentions)  # "It claimed ...": the one the sentence before opened with
            counts.update(m.actor for m in mentions)
            subjects: list = []  # attackers of this sentence, also of a place or of no one named
            victims: list = []  # targets of attacks told without an attacker
            relations = find_relations(self.cues, self.matcher, tokens, mentions,
                                       previous_attackers=attackers if same_paragraph else (), attackers=subjects,
                                       unattributed=victims, host=here)
            # who attacked in this sentence, for "The attack was repulsed by ..." in the next
            attackers = list({m.actor: m for m in [r.source for r in relations
                              if r.relation == "fought-against" and r.cue in ("attack", "offensive")] + subjects}.values())
            relations, claim = self._context(tokens, mentions, relations, told, edges, (s.start, s.end), norms)
            if claim is not None and (victims or unclaimed):
                # an attack told without its attacker, claimed in this sentence or a later one
                relations = relations + claimed_attacks(victims, claim, self.dictionary, before=claim.tok)
                if unclaimed is not None and all(_describes(r, claim, anywhere=True) or _among_claimants(r, claim)
                                                 for r in relations) \
                        and not tells_an_attack(self.cues, tokens[: claim.tok]) \
                        and (not unclaimed_crossed or names_the_attack(self.cues, tokens)):
                    u_s, u_tokens, u_victims = unclaimed
                    rows_before = claimed_attacks(u_victims, claim, self.dictionary, span=(s.start, s.end))
                    if rows_before:
                        ev, rows = sentence_event(doc.name, u_s, u_tokens, rows_before, dates.get(u_s.index, []),
                                                  in_force.get(u_s.index),
                                                  other_clause=self.cues.single("other_clause_openers"),
                                          statement_words=self.cues.single("statement_verbs"))
                        # that sentence may have told other relations already: one event, ids that go on
                        known = sum(1 for e in edges if e["event_id"] == ev["event_id"])
                        if not known:
                            events.append(ev)
                        edges.extend({**r, "edge_id": f"{ev['event_id']}-{known + n}"} for n, r in enumerate(rows))
                    unclaimed = None
            if candidates is not None and self.candidates is not None:
                found = self.candidates.sentence(doc.name, doc.text, s, tokens, mentions, relations)
                candidates.extend(found)
            # a sentence counting only the dead of what was told ("2 soldiers killed.") tells no attack of its own
            toll = tells_a_toll(self.cues, tokens, mentions, norms)
            if relations:
                ev, rows = sentence_event(doc.name, s, tokens, relations, dates.get(s.index, []), force,
                                          other_clause=self.cues.single("other_clause_openers"),
                                          statement_words=self.cues.single("statement_verbs"),
                                          founding_words=self.cues.single("founding_participles"))
                events.append(ev)
                edges.extend(rows)
                told = _Told(rows)
            else:
                told.gap += 1
                told.attack_between = told.attack_between or (bool(told.edges) and tells_an_attack(self.cues, tokens)
                                                              and not toll)
            if not same_paragraph or any(not m.generic for m in mentions):
                # a sentence naming no one ("It was founded by ...") keeps the one before as context
                previous, previous_span = mentions, (s.start, s.end)
                previous_subject = opening_subject(mentions, tokens)
            previous_paragraph = s.paragraph
            # a sentence's other relations ("Togolese MINUSMA peacekeepers": a contingent) leave its
            # attack without an attacker all the same
            fights = [r for r in relations if r.relation == "fought-against"]
            if victims and not fights and not (toll and (unclaimed is not None or (told.edges and told.gap <= 2))):
                unclaimed, unclaimed_gap, unclaimed_crossed = (s, tokens, victims), 0, False
            elif unclaimed is not None:
                unclaimed_gap += 1
                if unclaimed_gap >= 3 or fights or (tells_an_attack(self.cues, tokens) and not toll):
                    unclaimed = None  # too far back, or another attack told since
        if "title" in fields and doc.sentences:
            self._headline(doc.name, fields["title"], in_force.get(doc.sentences[0].index), host, events, edges)
        fill_context(edges, doc.text)
        return events, edges, counts, problems

    def _headline(self, doc_name: str, title, force, host, events: list[dict], edges: list[dict]) -> None:
        """A report's headline ("Islamic State attack kills Nigerien gendarmes in Diffa"): its relations
        between named actors that the body does not tell (same pair and relation), dated no finer than
        the year in force where the body starts (a headline's present tense tells no day)."""
        tokens = tokenize(title.value, title.start)
        if len(tokens) < 3:
            return
        mentions = find_mentions(self.matcher, tokens, text=None, host=host)
        told = {(e["relation"], frozenset((e["source"], e["target"]))) for e in edges}
        relations = [r for r in find_relations(self.cues, self.matcher, tokens, mentions)
                     if not r.source.generic and not r.target.generic
                     and (r.relation, frozenset((r.source.actor, r.target.actor))) not in told]
        if not relations:
            return
        year = force if force is not None and force.precision in ("year", "unknown") else None
        if force is not None and year is None and force.iso:
            y = force.iso[:4]
            year = replace(force, iso=y, precision="year", earliest=f"{y}-01-01", latest=f"{y}-12-31", inherited=True)
        line = _Line(doc_name, title.value, index=-1, start=title.start)
        ev, rows = sentence_event(doc_name, line, tokens, relations, [], year,
                                  statement_words=self.cues.single("statement_verbs"))
        events.append(ev)
        edges.extend(rows)

    def _infobox_host(self, fields: dict, sides) -> str | None:
        """The state an article about one battle is set in, when its title names none: the one
        country its infobox place names, else the one state among its belligerents."""
        place = fields.get("place") or fields.get("location")
        if place is not None:
            here = document_country(self.matcher, tokenize(place.value))
            if here is not None:
                return here
        if sides is None:
            return None
        states = {b.mention.actor for side in sides.sides for b in side if not b.support
                  and (a := self.dictionary.get(b.mention.actor)) is not None and "state" in a.tags}
        return states.pop() if len(states) == 1 else None

    def _context(self, tokens, mentions, relations: list, told: "_Told", edges: list[dict],
                 span: tuple[int, int], norms: list[str]) -> tuple[list, Party | None]:
        """Claims of responsibility and denials, in this sentence (at character range ``span``) and for
        what the paragraph told before it (:mod:`actors.extract.context`); ``told``'s edges and ``edges``
        are updated in place (``norms``: the tokens' norms). Returns the relations and the sentence's
        claim or blame, if any."""
        claim = responsibility_claim(self.cues, tokens, mentions, norms) or blame(self.cues, tokens, mentions, norms)
        deny = denial(self.cues, tokens, mentions, norms)
        d = self.dictionary
        if claim is not None:
            relations = claim_relations(relations, claim, d)
            relations = relations + joint_claimants(relations, claim)
        if deny is not None:
            relations = dispute_relations(relations, deny)
        if not told.edges:
            return relations, claim
        own = [r for r in relations if not (claim is not None and _among_claimants(r, claim))]
        # what this sentence tells before its claim or denial is what that refers to, if anything
        if claim is not None and claim.back and told.gap <= 3 and not told.attack_between \
                and (not told.crossed or names_the_attack(self.cues, tokens)) \
                and not any(claim.actor in (r.source.actor, r.target.actor) for r in own) \
                and not tells_an_attack(self.cues, tokens[: claim.tok]):
            before = len(told.edges)
            repeats = claim_edges(told.edges, claim, d, span=span)
            edges.extend(told.edges[before:])  # co-claimants' copies of the claimed edges
            for e in repeats:  # "gunmen" now named: the same relation twice
                told.edges.remove(e)
                edges.remove(e)
        if told.gap == 1 and not told.crossed:
            if deny is not None and tells_an_attack(self.cues, tokens[: deny.tok]):
                deny = None
            relations = dispute_edges(told.edges, deny, relations, span=span)
        return relations, claim


def _short_paragraphs(sentences) -> bool:
    """A news report's layout: at least three paragraphs, most of them one or two sentences long."""
    sizes = Counter((s.section, s.paragraph) for s in sentences)
    return len(sizes) >= 3 and sum(1 for n in sizes.values() if n <= 2) >= 0.6 * len(sizes)


def _among_claimants(r, claim) -> bool:
    """The relation joins the claimants themselves ("AQIM and al-Mourabitoun claimed ...")."""
    names = {claim.actor} | {o.actor for o in claim.others}
    return r.relation == "allied-with" and bool(claim.others) and {r.source.actor, r.target.actor} <= names


def _describes(r, claim, *, anywhere: bool = False) -> bool:
    """The relation only describes the claimant: after the claim ("claimed by Al-Qaeda affiliate JNIM"),
    or, ``anywhere``, before it too ("al Qaeda's JNIM is suspected")."""
    return r.relation == "member-of" and r.source.actor == claim.actor and (anywhere or r.cue_start > claim.tok)


@dataclass
class _Told:
    """What the paragraph told last: the edges of its last sentence with relations, how
    many sentences ago, and whether a sentence since then told another attack."""

    edges: list[dict] = field(default_factory=list)
    gap: int = 1
    attack_between: bool = False
    crossed: bool = False  # a paragraph break since those edges


@dataclass(frozen=True)
class _Line:
    """A one-line pseudo-sentence, to resolve an infobox date on its own."""

    doc: str
    text: str
    index: int = 0
    start: int = 0
    section: str = ""
    paragraph: int = 0
    scope: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def clean(self) -> str:
        return self.text


def _section_country(matcher, section: str) -> str | None:
    """The country a short section heading names ("Nigeria", "Niger: Tillabéri"), if one; None for
    a heading of several words or none."""
    if not section or len(section.split()) > 4:
        return None
    return document_country(matcher, tokenize(section))


def _day_range(force) -> tuple[dt.date | None, dt.date | None] | None:
    if force is None or not force.earliest or not force.latest:
        return None
    try:
        return dt.date.fromisoformat(force.earliest), dt.date.fromisoformat(force.latest)
    except ValueError:
        return None


def extract(documents: Iterable, *, extractor: Extractor | None = None, problems: Iterable[Problem] = ()) -> Extraction:
    """Extract events and edges from parsed documents.

    ``problems`` (e.g. from reading the corpus) are carried into the result so a
    run reports everything in one place.
    """
    ex = extractor if extractor is not None else Extractor.load()
    all_events: list[dict] = []
    all_edges: list[dict] = []
    counts: Counter = Counter()
    found_problems = list(problems)
    names = []
    found: list[Candidate] = []
    for doc in documents:
        names.append(doc.name)
        events, edges, c, p = ex.document(doc, found)
        all_events.extend(events)
        all_edges.extend(edges)
        counts.update(c)
        found_problems.extend(p)
    return Extraction(tuple(names), all_events, all_edges, counts, tuple(found_problems), ex.dictionary,
                      tuple(found))

