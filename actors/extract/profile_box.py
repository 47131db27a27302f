"""A group's profile box: the infobox of an article about an armed group or coalition.

An encyclopedic article about a group lists, beside its leaders and size, what it is part of,
to whom it pledged allegiance, its allies and its opponents, one row each ("Part of | CMA |",
"Allies Libya (2011)", then one item a line). Each row relates the article's group (named by
the page's title line) to every actor its items name: a part of it ``member-of`` the whole, an
allegiance ``member-of`` (affiliate), allies ``allied-with`` (alliance), opponents
``fought-against``; "originated as" names what merged into it, "became" what it merged into,
"split from" what it split from, "group(s)" the groups it is made of.
The labels are data (the cue file's ``profile_*_labels`` word lists). A row's relations are
described as they stand: undated, unless an item gives its own period ("Ansar Dine (since June
2012)": from June 2012). An item marked "(alleged)", "(possibly)" or "(reportedly)" is alleged.

Find, then write: :func:`find_profile` returns the group and its rows; :func:`profile_events`
turns them into event and edge rows.

>>> from actors.extract.pipeline import Extractor
>>> from actors.text.documents import parse_document
>>> ex = Extractor.load()
>>> doc = parse_document("p.txt", "Ansar Dine\\n| Part of | JNIM |\\n| Opponents | Mali France |\\n")
>>> group, rows = find_profile(ex.matcher, ex.cues, doc)
>>> group.actor, [(r.relation, [m.actor for m in r.items]) for r in rows]
('ansar-dine', [('member-of', ['jnim']), ('fought-against', ['mali', 'france'])])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from actors.extract.cues import CueSet
from actors.extract.events import UNKNOWN_DATE, _edge, _Span, event_id
from actors.extract.infobox import item_period, period_date
from actors.extract.matcher import Matcher
from actors.extract.mentions import Mention, find_mentions
from actors.text.tokens import tokenize

__all__ = ["ProfileRow", "find_profile", "profile_events"]

# label list id -> (relation, kind, the group is the row's source)
_LABELS = {
    "profile_part_labels": ("member-of", "member", True),
    "profile_allegiance_labels": ("member-of", "affiliate", True),
    "profile_ally_labels": ("allied-with", "alliance", True),
    "profile_opponent_labels": ("fought-against", "", True),
    "profile_origin_labels": ("member-of", "merger", False),
    "profile_successor_labels": ("member-of", "merger", True),
    "profile_split_labels": ("split-from", "", True),
    "profile_component_labels": ("member-of", "member", False),
}
_GROUP_KINDS = frozenset({"coalition", "jihadist group", "rebel movement", "militia", "armed group",
                          "self-defence militia", "private military company"})
_TITLE_LINES = 12  # the group's name is on one of the page's first lines
_ITEM_CHARS = 120  # an item line is short; prose is no item
_REF = re.compile(r"\[[^\]]{1,12}\]")


@dataclass(frozen=True)
class ProfileRow:
    """One row of a profile box: its relation, the text range of the row and its items' mentions."""

    relation: str
    kind: str
    group_first: bool
    start: int
    end: int
    items: tuple[Mention, ...]
    alleged: frozenset[str]  # actors marked "(alleged)"
    since: dict[str, str] = field(default_factory=dict)  # actor -> the start its item's period gives


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _labels(cues: CueSet) -> list[tuple[str, str]]:
    """(label without spaces, list id), longest label first ("opponent(s)", "non-stateallies")."""
    out = [("".join(key), list_id) for list_id in (*_LABELS, "profile_other_labels") for key in cues.words(list_id)]
    return sorted(out, key=lambda x: -len(x[0]))


def _consumed(text: str, compact: str) -> int | None:
    """How many characters of ``text`` spell ``compact`` (lower case, spaces skipped), if they do."""
    i = 0
    for ch in compact:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text) or text[i].lower() != ch:
            return None
        i += 1
    return i


def _label_at(line: str, labels: list[tuple[str, str]]) -> tuple[str, int] | None:
    """The list id of the label a line opens with and where its value starts, if any."""
    bare = line.lstrip("| \t")
    lead = len(line) - len(bare)
    first = bare[:1].lower()  # (no space or tab: what a label's first letter must be)
    for label, list_id in labels:
        if label[0] != first:
            continue
        n = _consumed(bare, label)
        if n is not None:
            rest = bare[n : n + 1]
            if rest in ("", " ", "\t", "|", ":") or rest[:1].isupper():  # "Part ofPlatform ...": glued
                return list_id, lead + n
    return None


def _subject(matcher: Matcher, text: str, first_label: int) -> Mention | None:
    """The group a page is about: the first of its opening lines that is a group's whole name."""
    pos = 0
    for n, line in enumerate(text[:first_label].split("\n")):
        if n >= _TITLE_LINES:
            break
        name = _REF.sub("", line.replace("|", " ")).strip()
        actor = matcher.dictionary.lookup(name) if 0 < len(name) <= 120 else None
        if actor is not None and actor.kind in _GROUP_KINDS:
            start = pos + line.index(name.split()[0])
            return Mention(actor.id, start, start + len(name), 0, 0, name, via="title")
        pos += len(line) + 1
    return None


def find_profile(matcher: Matcher, cues: CueSet, doc, *, lines_out: list | None = None
                 ) -> tuple[Mention | None, list[ProfileRow]]:
    """The group whose profile box the document holds, and the box's relation rows (none, without both).

    ``lines_out``, when given, receives the character ranges of the box's lines (every labelled row
    and its items, relation or not): what they date ("Size 5,000 (2019)") is no date of the prose.
    """
    text = doc.text
    labels = _labels(cues)
    if not labels:
        return None, []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    # a box row is short and no sentence ("Allies said on Monday ..." is prose)
    opened = [(i, hit) for i, (_, line) in enumerate(lines) if len(line) <= 2 * _ITEM_CHARS
              and not line.rstrip(" |").endswith(".") and (hit := _label_at(line, labels))]
    relation_rows = [(i, hit) for i, hit in opened if hit[0] in _LABELS]
    if not relation_rows:
        return None, []
    group = _subject(matcher, text, lines[relation_rows[0][0]][0])
    if group is None:
        return None, []
    starts = {i for i, _ in opened}

    def item(k: int) -> bool:
        return k < len(lines) and k not in starts and bool(lines[k][1].strip()) \
            and len(lines[k][1]) <= _ITEM_CHARS and not lines[k][1].rstrip(" |").endswith(".")

    def row_end(i: int) -> int:
        """The end of row ``i`` with its items, one a line."""
        end, j = lines[i][0] + len(lines[i][1]), i + 1
        while j < len(lines):
            if not lines[j][1].strip() and item(j + 1):
                j += 1  # a blank line between two items of one row, as some scraped boxes have
            if not item(j):
                break
            end = lines[j][0] + len(lines[j][1])
            j += 1
        return end

    if lines_out is not None:
        lines_out.extend((lines[i][0], row_end(i)) for i, _ in opened)
    rows = []
    for i, (list_id, at) in relation_rows:
        begin = lines[i][0] + at
        end = row_end(i)
        items = [m for m in find_mentions(matcher, tokenize(text[begin:end], begin), text=text, listing=True)
                 if not m.generic and m.actor != group.actor and m.role != "modifier"]
        alleged = frozenset(m.actor for m in items if re.match(r"\s*\(\s*(?:alleged|possibly|reportedly|suspected|unconfirmed)", text[m.end : m.end + 20], re.I))
        # an item's own period ("Ansar Dine (since June 2012)"): the relation began then
        stops = [m.start for m in items[1:]] + [end]
        since = {m.actor: p for m, stop in zip(items, stops)
                 if (p := item_period(text[m.end : min(stop, _line_end(text, m.end))])) is not None}
        relation, kind, first = _LABELS[list_id]
        if items:
            rows.append(ProfileRow(relation, kind, first, lines[i][0], end, tuple(items), alleged, since))
    return group, rows


def profile_events(doc, group: Mention, rows: Sequence[ProfileRow]) -> tuple[list[dict], list[dict]]:
    """One event per row (its relations as they stand, undated but for an item's own period) and its
    edge rows."""
    events, edges = [], []
    for row in rows:
        span = _Span(doc.text[row.start : row.end], row.start, row.end)
        eid = event_id(doc.name, row.start, row.end)
        seen: set[str] = set()
        mine = []
        for m in row.items:
            if m.actor in seen:
                continue
            seen.add(m.actor)
            a, b = (group, m) if row.group_first else (m, group)
            status = "alleged" if m.actor in row.alleged else "reported"
            dated = period_date(row.since[m.actor]) if m.actor in row.since else UNKNOWN_DATE
            mine.append(_edge(eid, len(mine), a.actor, b.actor, row.relation, dated, status, "",
                              doc.name, span, a.text, b.text, "profile-box", "", row.kind))
        if not mine:
            continue
        edges.extend(mine)
        events.append({"event_id": eid, "kind": "belligerents", "date": "", "date_precision": "unknown",
                       "date_earliest": "", "date_latest": "", "date_text": "", "place": "", "doc": doc.name,
                       "section": "infobox", "sentence_index": -1, "sentence": span.text,
                       "char_start": row.start, "char_end": row.end})
    return events, edges
