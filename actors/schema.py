"""The project's vocabularies and table schemas: what a row *means*.

Everything that decides which rows appear (aliases, cue words, overrides) is
data under ``actors/data``; everything that decides what a row means lives
here, once.

>>> "fought-against" in RELATIONS
True
>>> is_symmetric("allied-with"), is_symmetric("split-from")
(True, False)
>>> [name for name, _ in EDGE_COLUMNS][:4]
['event_id', 'source', 'target', 'relation']
"""

from __future__ import annotations

__all__ = [
    "RELATIONS",
    "SYMMETRIC_RELATIONS",
    "STATUSES",
    "NOT_FACT_STATUSES",
    "RELATION_KINDS",
    "PRECISIONS",
    "ACTOR_KINDS",
    "GENERIC_KIND",
    "ACTOR_COLUMNS",
    "EVENT_COLUMNS",
    "TABLE_EVENT_FIELDS",
    "EDGE_COLUMNS",
    "MENTION_COLUMNS",
    "OVERLAP_COLUMNS",
    "DOCUMENT_COLUMNS",
    "CURATION_COLUMNS",
    "CANDIDATE_COLUMNS",
    "THIN",
    "is_symmetric",
    "polars_schema",
]

# -- relations ---------------------------------------------------------------
#: fought-against and allied-with are symmetric in meaning (stored in the
#: order the text gives them); split-from (splinter -> parent) and member-of
#: (member -> coalition, mission or parent organisation) are directed.
RELATIONS: tuple[str, ...] = ("fought-against", "allied-with", "split-from", "member-of")
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"fought-against", "allied-with"})

#: The kind of an allied-with or member-of relation (``relation_kind`` in
#: edges.csv; ../shared/annotation.md): allied-with is an ``alliance`` stated as
#: such, a ``joint-action`` (two actors act together in one event), ``support``
#: (one backs the other) or a ``link`` ("al-Qaeda-linked"); member-of is a
#: ``member`` of a coalition or umbrella, an ``affiliate`` (branch, province,
#: pledge of allegiance), a state's ``contingent`` in a mission, or a ``merger``
#: into the whole. fought-against and split-from have no kinds: empty.
RELATION_KINDS: dict[str, tuple[str, ...]] = {
    "fought-against": (),
    "allied-with": ("alliance", "joint-action", "support", "link"),
    "split-from": (),
    "member-of": ("member", "affiliate", "contingent", "merger"),
}

#: reported: the text states it as fact; claimed: a party asserts it;
#: alleged: an accusation or unconfirmed report; denied: a party denies it;
#: disputed: asserted (stated, claimed or alleged) and also denied, its
#: ``claimed_by`` naming both sources as ``ASSERTER|DENIER`` (each an actor id or
#: the text's words; the asserter empty when the text itself states it).
#: A denied or disputed relation is kept (it is evidence) but is never drawn as fact.
STATUSES: tuple[str, ...] = ("reported", "claimed", "alleged", "denied", "disputed")
#: The statuses that are not facts: never counted or drawn as fact by default.
NOT_FACT_STATUSES: frozenset[str] = frozenset({"denied", "disputed"})

#: Precision of a date. ``unknown`` means the text puts no year in force.
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "unknown")

ACTOR_KINDS: tuple[str, ...] = (
    "state armed force",
    "foreign state",
    "rebel movement",
    "jihadist group",
    "militia",
    "international mission",
    "private military company",
    "coalition",
)
#: Kind of unresolved generic mentions ("the Islamists", "unidentified gunmen").
GENERIC_KIND = "generic"

# -- tables --------------------------------------------------------------------
# (column, type) with types among: str, int. Dates are ISO strings at their
# precision ("2012-06-08", "2012-06", "2012"), empty when unknown; the
# earliest/latest columns give the interval the precision covers.
ACTOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("name", "str"),
    ("kind", "str"),
    ("aliases", "str"),  # joined with "|"
    ("mentions", "int"),
)

#: One row per event (an occurrence, however many sentences tell it: actors.extract.resolve); the
#: columns up to ``char_end`` are those of its first statement, the date the most precise it is told at.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("kind", "str"),  # statement | belligerents (an infobox) | curation (added by an overrides file)
    ("date", "str"),
    ("date_precision", "str"),
    ("date_earliest", "str"),
    ("date_latest", "str"),
    ("date_text", "str"),
    ("place", "str"),
    ("doc", "str"),
    ("section", "str"),
    ("sentence_index", "int"),
    ("sentence", "str"),
    ("char_start", "int"),
    ("char_end", "int"),
    ("mentions", "int"),  # how many relation mentions tell it
    ("statements", "int"),  # how many sentences (or belligerents lists) tell it
    ("documents", "str"),  # every document that tells it, "|"-joined
    # from an event table (ACLED, UCDP: actors.extract.tabular); empty for text
    ("source_event_id", "str"),  # the table's own id (event_id_cnty, id, conflict_id)
    ("event_type", "str"),  # its (sub-)event type
    ("sources", "str"),  # the sources it names
    ("latitude", "float"),
    ("longitude", "float"),
    ("fatalities", "int"),  # as the table gives them (ACLED fatalities, UCDP best estimate)
)

#: The columns of EVENT_COLUMNS that only event tables fill.
TABLE_EVENT_FIELDS: tuple[str, ...] = ("source_event_id", "event_type", "sources", "latitude", "longitude",
                                       "fatalities")

_MENTION_BASE: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("source", "str"),
    ("target", "str"),
    ("relation", "str"),
    ("date", "str"),
    ("date_precision", "str"),
    ("status", "str"),
    ("claimed_by", "str"),
    ("doc", "str"),
    ("evidence", "str"),
    ("char_start", "int"),
    ("char_end", "int"),
    ("edge_id", "str"),
    ("date_earliest", "str"),
    ("date_latest", "str"),
    ("source_text", "str"),
    ("target_text", "str"),
    ("cue", "str"),  # id of the cue (data/cues.toml) or rule that found it
    ("section", "str"),
    ("claim_text", "str"),  # the claimant in the text's words, when claimed_by is an actor id
    # ids ("|"-joined) of the curation overrides that added or re-dated this
    # edge; an added edge's doc is the overrides file, its char range the entry.
    ("curation", "str"),
    # the kind of an allied-with or member-of relation (RELATION_KINDS), empty for
    # the other relations and when nobody said (an analyst's addition). Named so as
    # not to be confused with the events table's ``kind`` (statement | belligerents | curation).
    ("relation_kind", "str"),
    # roles a sentence other than the evidence filled: "ROLE:START-END" ("|"-joined), ROLE one of
    # source, target (a claim names the attacker, "the group" points back to the sentence before)
    # or status (a later claim or denial), START-END that sentence's character range in ``doc``
    ("filled_by", "str"),
    ("context", "str"),  # the text of those sentences, in reading order, one per line
)

#: One row per relation mention: what one sentence (or belligerents list) says (mentions.csv).
#: ``event_id`` and ``edge_id`` are the event and edge it was resolved to; ``mention_id`` is its own
#: id (stable: the id curation entries name) and ``statement_id`` its sentence's.
MENTION_COLUMNS: tuple[tuple[str, str], ...] = (*_MENTION_BASE, ("mention_id", "str"), ("statement_id", "str"))

#: One row per (event, pair, relation) (edges.csv): the columns of its most explicit mention (reported
#: over claimed, then the most precise date, then the first in reading order), dated at the most
#: precise date every mention agrees with; ``claimed_by`` names every claimant ("|"-joined) and
#: ``status`` is ``disputed`` when one mention asserts what another denies.
EDGE_COLUMNS: tuple[tuple[str, str], ...] = (
    *_MENTION_BASE,
    ("mentions", "int"),  # how many mentions were resolved to it
    ("mention_ids", "str"),  # their ids, "|"-joined, in reading order
    ("docs", "int"),  # how many documents tell it
    ("statuses", "str"),  # every status its mentions carry, "|"-joined (e.g. "reported|claimed")
)

#: Events of one pair and relation left apart that may be one occurrence (overlaps.csv): a coarser
#: mention that fits more than one finer event, or fits one in another document, or states its own
#: date; two mentions of the same month or year. Nothing merges them by itself: they are for an
#: analyst to read, and to merge with an overrides ``[[merge]]`` entry naming both edge ids.
OVERLAP_COLUMNS: tuple[tuple[str, str], ...] = (
    ("edge_id", "str"),  # the finer event's edge
    ("other_edge_id", "str"),  # the coarser one, which fits inside it
    ("source", "str"),
    ("target", "str"),
    ("relation", "str"),
    ("date", "str"),
    ("other_date", "str"),
    ("kind", "str"),  # inside (this event's date lies inside the other's) | same-period (the same month or year)
)

#: One row per document of a run (documents.csv): what the report, the console and the explorer
#: show for a file name. The overrides file, the document of an analyst's additions, has a row too.
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "str"),  # the file name, as edges.csv's ``doc``
    ("title", "str"),  # its first heading or Title: line; empty when it has none
    ("layout", "str"),  # infobox | scraped | plain | curation (the analyst's overrides file)
    ("sentences", "int"),
)

#: One row per entry of an overrides file (actors.curation), applied or not.
CURATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("op", "str"),  # add | drop | redate | actor | alias
    ("line", "int"),  # line of the entry in the overrides file (0: unknown)
    ("applied", "str"),  # yes | no
    ("edges", "str"),  # edge ids it added, dropped or re-dated, "|"-joined
    ("before", "str"),
    ("after", "str"),
    ("reason", "str"),  # the analyst's own words
    ("note", "str"),  # why it was not applied
)

#: One row per organisation name the dictionary lacks (candidates.csv, actors.extract.candidates):
#: never an actor until an analyst accepts it with an [[actor]] entry in the overrides file.
CANDIDATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "str"),  # as the text spells it most often
    ("kind_guess", "str"),  # one of ACTOR_KINDS, or empty (no guess)
    ("mentions", "int"),
    ("documents", "int"),  # how many documents name it
    ("doc", "str"),  # the first mention: its document, its sentence and the sentence's range
    ("evidence", "str"),
    ("char_start", "int"),
    ("char_end", "int"),
    ("name_start", "int"),  # the name's own range in that document
    ("name_end", "int"),
    ("spellings", "str"),  # every spelling seen, "|"-joined
)


#: Below this many events (or triangles) a finding is marked ``thin`` in the analyses' tables:
#: too little to go on.
THIN = 3


def is_symmetric(relation: str) -> bool:
    """True for relations whose direction carries no meaning."""
    return relation in SYMMETRIC_RELATIONS


def polars_schema(columns: tuple[tuple[str, str], ...]) -> dict:
    """The polars schema for one of the column lists above."""
    import polars as pl  # lazily: reading and extraction never need polars

    types = {"str": pl.Utf8, "int": pl.Int64, "float": pl.Float64}
    return {name: types[kind] for name, kind in columns}
