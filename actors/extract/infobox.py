"""Belligerents lists: find the two sides of an infobox.

Two layouts are read from :class:`~actors.text.documents.InfoField` values:

- key–value lines ``Combatant1: Mali`` / ``Combatant2: ATNM, MNJ (per Mali)``; an
  item's ``(per X)`` makes that actor's participation X's claim; an item marked ``*``
  is listed under the last unmarked item before it (``Platform, * GATIA, MINUSMA,
  * Netherlands``): a component of that coalition or mission, or a force fighting
  under that state (``Belligerent.under``);
- a scraped "Belligerents" block, where a two-column table was flattened: the
  cells are separated by a space on one line, and a cell's own entries by line
  breaks. The one line that names two actors holds the boundary between side 1
  and side 2; lines before it belong to side 1, lines after it to side 2. Two
  lines of several actors each are the two sides' rows; entries one per line in
  exactly two runs apart by a blank line are the two sides; entries one per line
  with nothing between the sides are split where states, missions and
  pro-government forces give way to armed groups of one family (never
  al-Qaeda's beside the Islamic State's). When nothing shows the boundary, the
  sides cannot be told apart and nothing is drawn (a warning says so).

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.extract.mentions import build_matcher
>>> from actors.text.documents import parse_document
>>> doc = parse_document("x.txt", "= X =\\n\\nInfobox\\n- Combatant1: Mali\\n- Combatant2: MNLA, MIA (per Mali)\\n\\nText.\\n")
>>> sides, problems = find_sides(build_matcher(load_dictionary()), doc)
>>> [[(b.mention.actor, b.claimed_by) for b in side] for side in sides.sides]
[[('mali', '')], [('mnla', ''), ('mia', 'mali')]]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from actors.errors import Problem
from actors.extract.mentions import Matcher, Mention, find_mentions
from actors.text.fields import SIDE_LABEL
from actors.text.tokens import tokenize

__all__ = ["Belligerent", "Sides", "find_sides", "rival_pairs"]

_PER = re.compile(r"\(\s*(?:per|according to|claimed by)\s+([^)]+)\)", re.IGNORECASE)
_SUPPORTED = re.compile(r"\bsupported\s+by\s*:?", re.IGNORECASE)
# an image's file name before an entry ("Flag of Burkina Faso.svg  Burkina Faso", "AQMI Flag.svg Ansar
# ul Islam"): it names the picture, not the belligerent
_IMAGE = re.compile(r"(?:(?:flag|emblem|logo|seal|coat[ _]of[ _]arms)[ _]of[ _][^.\n|,]{1,40}"
                    r"|[\w'’-]+[ _](?:flag|emblem|logo))\.(?:svg|png|jpe?g|gif)\b", re.IGNORECASE)


# a flag image's markup left before an entry: "border|20px GATIA", "border|20pxGATIA"
_IMAGE_SIZE = re.compile(r"(?:\bborder\s*\|\s*)?\b\d{1,3}px(?=[A-Z\s]|$)")


def _blank_images(clean: str, original: str) -> str:
    """``clean`` with the image file names of ``original`` (the same span of the document's text,
    before cleaning) replaced by spaces: offsets are kept."""
    out = list(clean)
    for pattern in (_IMAGE, _IMAGE_SIZE):
        for m in pattern.finditer(original):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


@dataclass(frozen=True)
class Belligerent:
    mention: Mention
    claimed_by: str = ""  # actor id (or words) whose claim the participation is
    under: Mention | None = None  # the item it is listed under ("* GATIA" under "Platform")
    support: bool = False  # listed after "Supported by:": it backs its side, it is not a belligerent
    since: str | None = None  # when its own entry says it took part from: "France (2014–23)", "(since June 2012)"


@dataclass(frozen=True)
class Sides:
    sides: tuple[tuple[Belligerent, ...], ...]
    start: int  # evidence span in the document
    end: int
    layout: str  # "key-value" | "flattened"
    # sides headed by a category label ("Jihadists:"): listed together, not stated to be allies
    listed: frozenset = frozenset()


# an operation's infobox keys (normalised): who carried it out, and whom it was against
_OPERATION_SIDES = (("participants", "executedby", "conductedby", "carriedoutby"), ("target", "targets", "against"))


def find_sides(matcher: Matcher, doc) -> tuple[Sides | None, list[Problem]]:
    """The belligerent sides stated by a document's infobox, if any."""
    fields = {f.key: f for f in doc.fields}
    combatants = sorted((f for f in doc.fields if re.fullmatch(r"combatant\d+", f.key)), key=lambda f: int(f.key[9:]))
    if not combatants:
        # an operation's infobox: who took part, and whom it targeted, are its two sides
        doers = next((fields[k] for k in _OPERATION_SIDES[0] if k in fields), None)
        targets = next((fields[k] for k in _OPERATION_SIDES[1] if k in fields), None)
        combatants = [f for f in (doers, targets) if f is not None] if doers is not None else []
    if combatants:
        sides = tuple(_keyvalue_side(matcher, doc, f) for f in combatants)
        line_start = doc.text.rfind("\n", 0, combatants[0].start) + 1  # evidence: whole "- Combatant1: ..." lines
        return _with_periods(doc, Sides(sides, line_start, combatants[-1].end, "key-value")), []
    block = fields.get("belligerents")
    if block is None:
        return None, []
    found, problems = _flattened(matcher, doc, block)
    if found is not None and _mixed_side(matcher, found):
        # one column of a flattened two-column block read as the other's: states and jihadist groups
        # on one side is a layout not understood, never a coalition to draw
        problems = problems + [Problem(doc.name, f"chars {found.start}-{found.end}",
                                       "belligerents block not understood (states and jihadist groups on one "
                                       "side); its sides are not drawn", skipped=True)]
        return None, problems
    return (_with_periods(doc, found) if found is not None else None), problems


def _mixed_side(matcher: Matcher, sides: Sides) -> bool:
    """A side listing a state and a jihadist group, as belligerents or their support."""
    for side in sides.sides:
        tags = [set(getattr(matcher.dictionary.get(b.mention.actor), "tags", ())) for b in side]
        if any("state" in t for t in tags) and any("jihadist" in t for t in tags):
            return True
    return False


# an entry's own period after its name, footnote marks aside: "France[2] (2014–23)[3]",
# "Germany (since 2015)", "Wagner (from June 2022)", "(2021–present)"; "(until February 2023)"
# gives no start
_MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
_PERIOD = re.compile(r"\(\s*(?:(?:since|from)\s+)?(?:(" + "|".join(_MONTHS) + r")\s+)?((?:19|20)\d\d)\s*"
                     r"(?:[–—-]\s*(?:(?:19|20)?\d\d|present)\s*)?\)", re.IGNORECASE)
_NOTE = re.compile(r"\[[^\]\n]{0,12}\]")


def item_period(after: str) -> str | None:
    """The start an entry's own period gives, right after its name: "(since June 2012)" -> "2012-06",
    "(2014–23)" -> "2014"; None without one.

    >>> item_period(" (since June 2012)"), item_period("[2] (2014–23)[3]"), item_period(" (until 2013)")
    ('2012-06', '2014', None)
    """
    hit = _PERIOD.match(_NOTE.sub("", after).lstrip())
    if hit is None:
        return None
    month = hit.group(1)
    return f"{hit.group(2)}-{_MONTHS.index(month.lower()) + 1:02d}" if month else hit.group(2)


def period_date(iso: str) -> dict:
    """The date row of a period's start, "2014" or "2012-06", at its precision.

    >>> period_date("2012-02")["latest"], period_date("2014")["precision"]
    ('2012-02-29', 'year')
    """
    if len(iso) == 4:
        return {"iso": iso, "precision": "year", "earliest": f"{iso}-01-01", "latest": f"{iso}-12-31", "text": iso}
    year, month = int(iso[:4]), int(iso[5:7])
    return {"iso": iso, "precision": "month", "earliest": f"{iso}-01",
            "latest": f"{iso}-{calendar.monthrange(year, month)[1]:02d}", "text": iso}


def _with_periods(doc, sides: Sides) -> Sides:
    """Each entry with the start year its own line gives between its name and the next name."""
    starts = sorted(b.mention.start for side in sides.sides for b in side)

    def since(b: Belligerent) -> int | None:
        end = b.mention.end
        stop = min([x for x in starts if x > b.mention.start] + [sides.end])
        line_end = doc.text.find("\n", end)
        stop = min(stop, line_end if line_end >= 0 else stop)
        return item_period(doc.text[end:stop])

    return replace(sides, sides=tuple(tuple(replace(b, since=since(b)) for b in side) for side in sides.sides))


def _keyvalue_side(matcher: Matcher, doc, field) -> tuple[Belligerent, ...]:
    out = []
    offset = field.start
    head: Mention | None = None  # the last unmarked item: what a "*" item is listed under
    value = doc.clean[field.start : field.end]
    supported_at = _SUPPORTED.search(value)
    for m in re.finditer(r"[^,;]+", value):
        item_start, item_end = offset + m.start(), offset + m.end()
        item = doc.clean[item_start:item_end]
        starred = item.lstrip().startswith("*")
        support = supported_at is not None and m.start() >= supported_at.start()
        claimant = ""
        per = _PER.search(item)
        body_end = item_end
        if per:
            body_end = item_start + per.start()
            claimant = _party(matcher, per.group(1))
        body = doc.clean[item_start:body_end]
        if support and supported_at is not None and supported_at.start() > m.start():
            body = " " * (supported_at.end() - m.start()) + body[supported_at.end() - m.start():]
        toks = tokenize(_blank_images(body, doc.text[item_start : item_start + len(body)]), item_start)
        for mention in find_mentions(matcher, toks, text=doc.text, listing=True):
            if mention.generic:
                continue
            if support and supported_at is not None and mention.start - field.start < supported_at.end():
                continue
            is_support = support and mention.start - field.start >= supported_at.end()
            out.append(Belligerent(mention, claimant, head if starred and not is_support else None, is_support))
            if not starred and not is_support:
                head = mention
    return tuple(out)


def _party(matcher: Matcher, words: str) -> str:
    actor = matcher.dictionary.lookup(words.strip())
    return actor.id if actor is not None else " ".join(words.split())


_STATE_CAMP = frozenset({"foreign state", "state armed force", "international mission", "private military company"})


def _by_camp(matcher: Matcher, entries: list[Mention]) -> list[tuple[Belligerent, ...]] | None:
    """Entries one per line with nothing between the sides ("Mali / Burkina Faso / France / Ansarul
    Islam / JNIM"): two sides only when a run of states, missions and pro-government forces meets a
    run of armed groups of one family (all jihadist, never al-Qaeda's beside the Islamic State's, or
    all rebels). Anything else cannot be told apart."""
    d = matcher.dictionary
    actors = [d.get(m.actor) for m in entries]
    if any(a is None for a in actors):
        return None
    state = [a.kind in _STATE_CAMP or "pro-government" in a.tags for a in actors]
    cut = next((i for i in range(1, len(state)) if state[i] != state[i - 1]), None)
    if cut is None or any(state[i] != state[cut] for i in range(cut, len(state))):
        return None  # one camp only, or more than one change
    groups = [a for a, st in zip(actors, state) if not st]
    families = [{"jihadist"} <= set(a.tags) for a in groups], [{"rebel"} <= set(a.tags) for a in groups]
    one_family = all(families[0]) and not any(families[1]) or all(families[1]) and not any(families[0])
    if not one_family or rival_pairs(matcher, [a.id for a in groups]):
        return None
    return [tuple(Belligerent(m) for m in entries[:cut]), tuple(Belligerent(m) for m in entries[cut:])]


def rival_pairs(matcher: Matcher, actors) -> frozenset:
    """The pairs of ``actors`` (ids) from rival families: the cue file's ``rival_families``, each
    a pair of tags ("al-qaeda islamic-state"). Listed on one side, they are still no allies.

    >>> from actors.extract.dictionary import load_dictionary
    >>> from actors.extract.mentions import build_matcher
    >>> sorted(tuple(sorted(p)) for p in rival_pairs(build_matcher(load_dictionary()), ["jnim", "isgs", "mali"]))
    [('isgs', 'jnim')]
    """
    families = [pair for entry in matcher.words.get("rival_families", ()) if len(pair := _joined(entry)) == 2]
    tags = {a: set(x.tags) for a in actors if (x := matcher.dictionary.get(a)) is not None}
    return frozenset(frozenset((a, b)) for a in tags for b in tags
                     for f1, f2 in families if a != b and f1 in tags[a] and f2 in tags[b])


def _joined(key: tuple[str, ...]) -> tuple[str, ...]:
    """A word list entry's words with their hyphens joined back ("al - qaeda" -> "al-qaeda")."""
    words: list[str] = []
    for t in key:
        if words and (t == "-" or words[-1].endswith("-")):
            words[-1] += t
        else:
            words.append(t)
    return tuple(words)


def _labelled(matcher: Matcher, doc, block) -> tuple[list[tuple[Belligerent, ...]], frozenset] | None:
    """Sides headed by labels ("Niger / Supported by: / Russia / Training: / Canada / Jihadists: /
    Al-Qaeda / Islamic State"): what comes before the first side label is side 1, each other
    label starts a side; under a support label (``infobox_support_labels``) entries back the
    side they are listed in. Two sides, each with a belligerent, and the sides headed by a
    category label (their entries are listed together, not stated to be allies), or None."""
    support_labels = matcher.words.get("infobox_support_labels", frozenset())
    sides: list[list[Belligerent]] = [[]]
    categories: set[int] = set()
    supporters, labelled, pos = False, False, block.start
    for raw in doc.clean[block.start : block.end].split("\n"):
        label = SIDE_LABEL.fullmatch(raw)
        if label:
            if tuple(label.group(1).lower().split()) in support_labels:
                supporters = True
            else:
                labelled, supporters = True, False
                if sides[-1]:
                    sides.append([])
                categories.add(len(sides) - 1)  # "Jihadists:", "Rebels:": a kind of actor, not a coalition
        else:
            toks = tokenize(_blank_images(raw, doc.text[pos : pos + len(raw)]), pos)
            found = [m for m in find_mentions(matcher, toks, text=doc.text, listing=True) if not m.generic]
            sides[-1].extend(Belligerent(m, support=supporters) for m in found)
        pos += len(raw) + 1
    kept = [i for i, g in enumerate(sides) if g]
    if not labelled or len(kept) != 2 or not all(any(not b.support for b in sides[i]) for i in kept):
        return None
    return [tuple(sides[i]) for i in kept], frozenset(n for n, i in enumerate(kept) if i in categories)


def _flattened(matcher: Matcher, doc, block) -> tuple[Sides | None, list[Problem]]:
    labelled = _labelled(matcher, doc, block)
    if labelled is not None:
        return Sides(tuple(labelled[0]), block.start, block.end, "flattened", labelled[1]), []
    lines = []
    groups: list[list[Belligerent]] = [[]]  # runs of lines between blank lines
    supporters = False  # after a "Supported by:" line, until the next blank line
    pos = block.start
    for raw in doc.clean[block.start : block.end].split("\n"):
        toks = tokenize(_blank_images(raw, doc.text[pos : pos + len(raw)]), pos)
        found = [m for m in find_mentions(matcher, toks, text=doc.text, listing=True) if not m.generic]
        if _SUPPORTED.search(raw):
            supporters = True
        if found:
            lines.append(found)
            groups[-1].extend(Belligerent(m, support=supporters) for m in found)
        elif not raw.strip():
            supporters = False
            if groups[-1]:
                groups.append([])
        pos += len(raw) + 1
    groups = [g for g in groups if g]
    two = None
    if len(lines) == 2 and all(len(found) > 1 for found in lines):
        # a two-column table row per side: "France Chad |" / "Ansar Dine MOJWA AQIM |"
        two = [tuple(Belligerent(m) for m in found) for found in lines]
    elif len(groups) == 2 and len(lines) > 2:
        two = [tuple(g) for g in groups]  # each side's entries one per line, apart by a blank line
    if two is None and lines and all(len(found) == 1 for found in lines):
        two = _by_camp(matcher, [found[0] for found in lines])
    if two is not None:
        return Sides(tuple(two), block.start, block.end, "flattened"), []
    boundary = [i for i, found in enumerate(lines) if len(found) == 2]
    if len(boundary) != 1 or any(len(found) > 2 for found in lines):
        if len(lines) > 1 or (lines and len(lines[0]) > 1):
            return None, [Problem(doc.name, f"belligerents block at chars {block.start}-{block.end}", "cannot tell the two sides apart; no belligerent relation drawn from it", skipped=False)]
        return None, []
    b = boundary[0]
    side1 = [m for found in lines[:b] for m in found] + [lines[b][0]]
    side2 = [lines[b][1]] + [m for found in lines[b + 1 :] for m in found]
    sides = (tuple(Belligerent(m) for m in side1), tuple(Belligerent(m) for m in side2))
    return Sides(sides, block.start, block.end, "flattened"), []
