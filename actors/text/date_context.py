"""What a date's surroundings say about it: a modifier ("the 2015 agreement"), a baseline
("the deadliest since 2014"), a date in passing ("back in October"), or the date that frames
the sentence ("In 2013, ..."); and the sentences whose dates are not the narrative's
(maintenance notices, looks back before it). Used by :mod:`actors.text.dates`.

>>> _is_framing("In 2013, the war began.", 3)
True
>>> bool(_RETROSPECTIVE.search("originally founded as a militia"))
True
"""

from __future__ import annotations

import re

from actors.text.date_mentions import _MONTH_FULL
from actors.text.date_values import DateMention

__all__: list[str] = []  # helpers of actors.text.dates only

# A year used as a modifier ("the 2015 Algiers agreement", "Mali's 2012 crisis").
_MODIFIER_BEFORE = re.compile(
    r"(?:(?<!\w)(?:the|a|an|this|that|these|those|its|their|his|her|our|whose)|['’]s)\s{1,4}$",
    re.IGNORECASE,
)
# A year alone frames the narrative only when it opens the sentence ("In 2013, ...",
# "Starting in 2018", "In the first half of 2018"); further in, it is background
# ("JNIM formed in 2017 ... since the outbreak of the war in 2012").
_FRAMING_BEFORE = re.compile(
    r"[\W_]*(?:(?:in|during|by|since|from|until|till|through|throughout|after|before|starting|beginning"
    r"|later|earlier|also|then|and|but|however|so|thus|again|already|around|about|circa|c\."
    r"|events|the\s{1,4}year)[\s,]{1,4}){0,4}",  # "Events in the year 2024 in Mali." (a year page's lead)
    re.IGNORECASE,
)
_BACK_BEFORE = re.compile(r"(?<!\w)back\s{1,4}(?:(?:in|on|during|at)\s{1,4})?$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"(?<!\w)since(?!\w)[^.;:!?]{0,60}$", re.IGNORECASE)
# A sentence that looks back before the narrative ("an offshoot of the MNA
# prior to the insurgency", "originally founded as") is not dated by the year
# in force: without a date of its own it stays undated ("a previously unknown
# group" is a description, not a look back).
_RETROSPECTIVE = re.compile(
    r"(?<!\w)(?:prior to|before the (?:insurgency|war|conflict|rebellion|uprising)|originally|formerly|"
    r"previously(?!\s+un(?:known|heard|identified|named))|in the past|long before)(?!\w)", re.IGNORECASE)
_DASH_GAP = re.compile(r"\s{0,4}[-–—]\s{0,4}")
# Wikipedia maintenance notices date the editing, not the events: "This section needs
# to be updated. Please help update this article ... information.(August 2018)". A
# sentence splitter may cut them into pieces, so each piece is recognised by how it
# starts; a dated tag glued to a sentence's end is recognised on its own.
_MAINTENANCE = re.compile(
    r"[\W_]{0,4}(?:This\s+(?:article|section|subsection|list|page|paragraph)\s+"
    r"(?:needs|is|may|has|relies|contains|does)\b|Please\s+(?:help|expand|improve|update)\b"
    r"|The\s+reason\s+given\s+is\b|Further\s+details\s+may\s+exist\b"
    rf"|\(\s*{_MONTH_FULL}\s+(?:19|20)\d\d\s*\)\s*\.?\s*$)",
    re.IGNORECASE,
)
_GLUED_TAG = re.compile(r"[.!?]\($")



def _is_modifier(clean: str, rel_start: int, previous_modifier_end: int | None) -> bool:
    # pos/endpos instead of slices: a sentence may be megabytes long
    if _MODIFIER_BEFORE.search(clean, max(0, rel_start - 40), rel_start):
        return True
    # "the 2012–2013 crisis": the second year of a modifier range is a modifier too
    if previous_modifier_end is None:
        return False
    return _DASH_GAP.fullmatch(clean, previous_modifier_end, rel_start) is not None


def _is_baseline(m: DateMention, clean: str, rel_start: int) -> bool:
    """A point of comparison: "since 1960", "the deadliest since the battle of Kidal in 2014"."""
    if m.qualifier == "since" and m.text[:5].lower() == "since":
        # "since June 2012, MOJWA has held Gao" dates a state: kept; so does a perfect's onset ("Wagner
        # has been supporting the junta since 2022": from 2022), unless a superlative compares
        # ("the deadliest attack since 2012")
        return m.month is None and not _onset(clean, rel_start)
    return m.qualifier == "" and _SINCE_BEFORE.search(clean, max(0, rel_start - 70), rel_start) is not None


_PERFECT_BEFORE = re.compile(r"(?<!\w)(?:has|have|had)\s+been\s+\w+(?:[^.;:!?]{0,50})$", re.IGNORECASE)
_SINCE = re.compile(r"(?<!\w)since(?!\w)", re.IGNORECASE)
_PERFECT_AFTER = re.compile(r"[^.;:!?]{0,90}?(?<!\w)(?:has|have|had)\s+been(?!\w)", re.IGNORECASE)
_COMPARISON = re.compile(r"(?<!\w)(?:\w+est|first|most|worst|least|biggest|largest)(?!\w)", re.IGNORECASE)


def _onset(clean: str, rel_start: int) -> bool:
    """"since 2022" after a perfect ("has been supporting the junta since 2022"): when what the
    sentence tells began, not a point of comparison."""
    before = clean[max(0, rel_start - 80) : rel_start]
    if _COMPARISON.search(before) is not None or len(_SINCE.findall(clean)) > 1:
        return False  # (two "since" in one sentence: which began when is the clauses', not the sentence's)
    # "Since 2015, Burkina Faso has been embroiled in ...": the perfect after an opening "since"
    return _PERFECT_BEFORE.search(before) is not None or (
        not before.strip() and _PERFECT_AFTER.match(clean, rel_start) is not None)


def _in_passing(m: DateMention, clean: str, rel_start: int) -> bool:
    """A date named in passing: "back in October", "the March 2016 attack", "since March 2007"
    (further in than the sentence's opening words)."""
    if m.relative:
        return False
    if _BACK_BEFORE.search(clean, max(0, rel_start - 16), rel_start):
        return True
    if m.qualifier == "since":
        return not _is_framing(clean, rel_start)
    return m.month is not None and m.qualifier == "" and _MODIFIER_BEFORE.search(clean, max(0, rel_start - 40), rel_start) is not None


def _is_framing(clean: str, rel_start: int) -> bool:
    # A few short words at most can open a sentence; bounding the look keeps it linear.
    return rel_start <= 80 and _FRAMING_BEFORE.fullmatch(clean, 0, rel_start) is not None
