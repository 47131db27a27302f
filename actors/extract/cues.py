"""Cue words: the data file that says which words signal a relation or a status.

``data/cues.toml`` holds ``[[cue]]`` entries (relation cues, each with a frame and,
for allied-with and member-of, the relation's ``kind``: ``schema.RELATION_KINDS``),
``[[status]]`` entries and ``[[word_list]]`` entries (function words the frames
and the mention finder consult). This module loads and validates it; what each
frame means is defined in :mod:`actors.extract.relations`.

>>> cues = load_cues()
>>> sorted({c.frame for entries in cues.relation_cues.values() for c in entries}) == sorted(FRAMES)
True
>>> ("each", "other") in cues.words("reciprocal")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actors.errors import DataFileError
from actors.schema import RELATION_KINDS, RELATIONS, STATUSES
from actors.text.tokens import phrase_key
from actors.extract.data_checks import form_problem, header_lines, read_data_file

__all__ = ["Cue", "CueSet", "load_cues", "FRAMES", "STATUS_FRAMES", "REQUIRED_WORD_LISTS"]

FRAMES = frozenset(
    {"transitive", "nominal", "symmetric", "companion", "group", "modifier", "split", "split_verb",
     "member", "member_verb", "coalition", "merger", "recognition", "possessive_member", "contribution",
     "under_fire", "joint_subject", "merged_with", "listed_members", "garrison", "backing_noun", "signatories",
     "possessed_ally", "possessed_part", "splinter_founding", "formed_when", "changed_hands", "under_umbrella", "led_modifier", "left_organisation",
     "ally_of", "provision", "pitted"}
)
STATUS_FRAMES = frozenset({"verb", "according", "adverb"})
#: Word lists the code consults; a cue file without one of them is refused.
REQUIRED_WORD_LISTS = frozenset({
    "auxiliaries", "clause_breaks", "irrealis", "reciprocal", "absorbed_nouns", "non_party_nouns",
    "force_fillers", "agentive_verbs", "peace_nouns", "leader_nouns", "finite_verbs", "part_nouns",
    "participle_adverbs", "naming_phrases", "casualty_verbs", "self_description_verbs",
    "impersonal_sources", "irregular_participles", "locative_words", "modifier_heads",
    "verbs_after_people", "plural_group_nouns", "appositive_links", "example_markers",
    "other_clause_openers", "toll_verbs", "civilian_nouns", "founding_verbs", "ally_openers", "ally_nouns", "leading_participles", "perpetrator_passives", "authorship_participles", "contingent_heads", "expulsion_verbs", "place_nouns", "coalition_nouns", "member_nouns", "noun_markers", "machine_nouns", "quantity_words",
    "intransitive_next", "led_markers", "backing_participles", "accusation_participles",
    "founding_participles", "contributed_nouns", "separate_markers", "holder_phrases", "person_leader_nouns",
    "subject_companions", "clash_casualty_verbs", "support_modifiers", "support_nouns", "descriptor_adjectives",
    "casualty_subordinators", "companion_openers", "accusing_verbs", "hyphen_modifier_heads", "verb_next", "peacekeeper_nouns", "ended_relations", "former_markers", "contrast_markers", "source_openers", "contrast_clause_openers", "past_relation_markers", "name_particles", "description_openers", "pact_naming", "accused_acts", "subject_adverbs", "suffering_verbs", "statement_verbs", "agreement_nouns",
    "joint_markers", "ongoing_markers", "purpose_founding_verbs", "reaction_verbs", "adjectival_cue_heads", "merging_verbs", "departure_verbs", "leading_heads", "organisation_nouns", "unnamed_force_adjectives", "state_head_nouns", "state_troop_nouns", "aspect_verbs", "rival_families", "infobox_support_labels",
    "pair_anaphors", "machine_models", "counterpart_nouns", "place_name_heads",
    "state_action_nouns", "provided_nouns", "recipient_words", "participation_openers", "participation_nouns", "companion_prepositions", "loss_verbs", "forming_verbs", "retaking_verbs", "verb_adverbs", "base_words", "armed_group_tags", "individual_nouns", "allegiance_phrases",
    "contribution_verbs", "detonation_verbs", "detonation_preps", "repelling_verbs", "installation_nouns",
    "place_bound_generics", "shared_place_nouns", "claim_descriptors", "fighter_links", "capture_verbs", "flight_words", "blame_on_verbs", "blame_to_verbs", "suspicion_phrases",
    "other_org_nouns", "device_participles", "device_nouns", "backing_nouns", "agent_phrases", "gerund_subordinators", "truce_words", "withdrawal_verbs", "report_nouns", "description_heads", "defector_nouns", "border_words", "leaning_prefixes", "splinter_adjectives", "deployment_nouns", "together_words", "fight_subordinators", "authorship_verbs", "offshoot_nouns", "opposing_prefixes",
    "exchanged_nouns", "composition_openers", "country_epithets", "government_nouns", "other_name_markers",
    "inclusion_verbs", "profile_part_labels", "profile_allegiance_labels", "profile_ally_labels",
    "profile_opponent_labels", "profile_origin_labels", "profile_successor_labels", "profile_split_labels", "profile_component_labels", "profile_other_labels",
    "pronoun_description_words", "troop_moving_verbs", "state_target_nouns", "unit_nouns", "other_quantifiers", "campaign_nouns",
})


@dataclass(frozen=True)
class Cue:
    id: str
    kind: str  # a relation, or a status for status cues
    frame: str
    words: tuple[str, ...]
    relation_kind: str = ""  # the relation's kind (schema.RELATION_KINDS): "support", "affiliate", ...
    standing: bool = False  # describes a standing relation, not an event that began it (undated)


_NONE: frozenset = frozenset()  # an empty word list


class _Lists(dict):
    """Word lists by id, a missing id reading as the empty list: its ``__getitem__`` is a look-up made
    in C, which :class:`CueSet` answers with (a word list is asked for some 20,000 times a page)."""

    __slots__ = ()

    def __missing__(self, list_id: str) -> frozenset:
        return _NONE


@dataclass(frozen=True)
class CueSet:
    """Relation and status cues and word lists, compiled for lookup."""

    relation_cues: dict  # phrase key -> tuple[Cue, ...]
    status_cues: dict  # phrase key -> tuple[Cue, ...]
    word_lists: dict  # id -> frozenset of phrase keys
    max_len: int
    source: str
    singles: dict  # id -> frozenset of one-word entries
    heads: dict = field(default_factory=dict)  # id(table) -> {first word: longest phrase length}
    tries: dict = field(default_factory=dict)  # id(table) -> its phrases as a trie (see :func:`_trie`)
    lasts: dict = field(default_factory=dict)  # id -> frozenset of the last words of its phrases
    firsts: dict = field(default_factory=dict)  # id -> frozenset of the first words of its phrases

    def __post_init__(self) -> None:
        # each list look-up below answered by its table's own ``__getitem__`` (no Python call); the
        # methods stay as the documentation of what they answer
        for name, table in (("words", "word_lists"), ("single", "singles"), ("first_words", "firsts"),
                            ("last_words", "lasts")):
            lists = getattr(self, table)
            if not isinstance(lists, _Lists):
                lists = _Lists(lists)
                object.__setattr__(self, table, lists)
            object.__setattr__(self, name, lists.__getitem__)

    def heads_of(self, table: dict) -> dict:
        """First word -> length of the longest phrase of ``table`` starting with it."""
        return self.heads.get(id(table), {})

    def trie_of(self, table: dict) -> dict:
        """The phrases of ``table`` (one of the cue tables) as a trie of words (:func:`_trie`)."""
        trie = self.tries.get(id(table))
        return trie if trie is not None else _trie(table)

    def words(self, list_id: str) -> frozenset:
        """A word list as normalised phrase keys (tuples of words)."""
        return self.word_lists.get(list_id, _NONE)

    def single(self, list_id: str) -> frozenset:
        """The one-word entries of a word list, as plain strings."""
        return self.singles.get(list_id, _NONE)

    def first_words(self, list_id: str) -> frozenset:
        """The words a word list's phrases start with: a cheap test before the phrases themselves."""
        return self.firsts.get(list_id, _NONE)

    def last_words(self, list_id: str) -> frozenset:
        """The words a word list's phrases end with: a cheap test before the phrases themselves."""
        return self.lasts.get(list_id, _NONE)


def load_cues(path=None) -> CueSet:
    """Load and validate the cue file (default: the packaged data/cues.toml)."""
    data, raw, where = read_data_file("cues.toml", path, tables=frozenset({"cue", "status", "word_list"}))
    relation_cues: dict = {}
    status_cues: dict = {}
    seen: set[str] = set()
    max_len = 1
    for section, vocab, frames, table in (
        ("cue", RELATIONS, FRAMES, relation_cues),
        ("status", STATUSES, STATUS_FRAMES, status_cues),
    ):
        for n, entry in enumerate(data.get(section, []), 1):
            place = f"{where}: [[{section}]] #{n}"
            if not isinstance(entry, dict):
                raise DataFileError(f"{place}: expected a table")
            cid = entry.get("id")
            if not isinstance(cid, str) or not cid:
                raise DataFileError(f"{place}: expected id = \"...\"")
            place += f" (id '{cid}')"
            if cid in seen:
                raise DataFileError(f"{place}: duplicate id")
            seen.add(cid)
            kind = entry.get("relation" if section == "cue" else "status")
            if kind not in vocab:
                key = "relation" if section == "cue" else "status"
                raise DataFileError(f"{place}: {key} = {kind!r}; expected one of {', '.join(vocab)}")
            frame = entry.get("frame")
            if frame not in frames:
                raise DataFileError(f"{place}: frame = {frame!r}; expected one of {', '.join(sorted(frames))}")
            forms = entry.get("forms")
            if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
                raise DataFileError(f"{place}: expected forms = [non-empty strings]")
            for form in forms:  # a bare "(" would make "Islamic State (ISGS)" a relation
                why = form_problem(form)
                if why:
                    lines = header_lines(raw, section)
                    at = f" at line {lines[n - 1]}" if n <= len(lines) else ""
                    raise DataFileError(f"{place}{at}: form {form!r} {why}; expected words")
            extra = set(entry) - {"id", "relation", "status", "frame", "forms"} - ({"kind", "standing"} if section == "cue" else set())
            if extra:
                raise DataFileError(f"{place}: unknown key(s) {sorted(extra)}")
            rkind = entry.get("kind", "")
            if section == "cue" and (rkind or RELATION_KINDS[kind]) and rkind not in RELATION_KINDS[kind]:
                expected = ", ".join(RELATION_KINDS[kind]) or "no kind (leave it out)"
                raise DataFileError(f"{place}: kind = {rkind!r}; a {kind} cue takes {expected}")
            standing = entry.get("standing", False)
            if not isinstance(standing, bool):
                raise DataFileError(f"{place}: standing = {standing!r}; expected true or false")
            cue = Cue(cid, kind, frame, tuple(forms), rkind, standing)
            for form in forms:
                key = phrase_key(form)
                table[key] = table.get(key, ()) + (cue,)
                max_len = max(max_len, len(key))
    lists = {}
    for n, entry in enumerate(data.get("word_list", []), 1):
        wid, words = entry.get("id"), entry.get("words")
        if not isinstance(wid, str) or not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataFileError(f"{where}: [[word_list]] #{n}: expected id = \"...\" and words = [non-empty strings]")
        lists[wid] = frozenset(phrase_key(w) for w in words)
    missing = sorted(REQUIRED_WORD_LISTS - set(lists))
    if missing:
        raise DataFileError(f"{where}: missing [[word_list]] entries {missing}; the frames need them")
    singles = {k: frozenset(w[0] for w in v if len(w) == 1) for k, v in lists.items()}
    heads = {id(t): _heads(t) for t in (relation_cues, status_cues)}
    tries = {id(t): _trie(t) for t in (relation_cues, status_cues)}
    lasts = {k: frozenset(w[-1] for w in v if w) for k, v in lists.items()}
    firsts = {k: frozenset(w[0] for w in v if w) for k, v in lists.items()}
    return CueSet(relation_cues, status_cues, lists, max_len, where, singles, heads, tries, lasts, firsts)


def _heads(table: dict) -> dict:
    out: dict = {}
    for key in table:
        out[key[0]] = max(out.get(key[0], 0), len(key))
    return out


def _trie(table: dict) -> dict:
    """The keys of a phrase table as a trie: first word -> node, a node being a dict of the next
    words' nodes with, under ``None`` (never a word), the value of the key ending there."""
    trie: dict = {}
    for key, value in table.items():
        node = trie
        for word in key:
            node = node.setdefault(word, {})
        node[None] = value
    return trie
