"""actors: from conflict reporting to a temporal network of armed actors.

The package reads as the data flow, one stage per subpackage, imports pointing
only downward:

* :mod:`actors.text`: files, cleaning with offsets, sentences, dates;
* :mod:`actors.extract`: the actor dictionary, mentions, cue words, relation
  frames, events, the extraction pipeline and its scoring;
* :mod:`actors.network`: the temporal graph, time windows, exports;
* :mod:`actors.analysis`: pairs and shifts, coalitions, genealogy, balance,
  centrality, profiles, the report;
* :mod:`actors.render`: figures, the interactive explorer, layout and style;
* on top: :mod:`actors.corpus` (one call chains the stages),
  :mod:`actors.curation`, :mod:`actors.output` and the command line.

The public functions are re-exported here, as networkx does, and imported on
first use, so ``import actors`` stays cheap and the command line starts fast:

>>> import actors
>>> from actors import load_corpus, build_graph, window, alliance_shifts, coalition, structural_balance
>>> structural_balance.__module__
'actors.analysis.balance'
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

#: module -> the public names it defines (and this package re-exports).
_API: dict[str, tuple[str, ...]] = {
    "actors.text.date_layout": ("date_title", "dateline", "heading_years", "is_year_line", "item_opener"),
    "actors.text.date_mentions": ("find_dates",),
    "actors.text.date_values": ("DateMention", "PLAUSIBLE_YEARS", "ResolvedDate", "check_years", "covering", "parse_iso"),
    "actors.text.dates": ("resolve_dates",),
    "actors.text.display": ("isolate_bidi",),
    "actors.text.documents": ("Document", "line_col", "parse_document"),
    "actors.text.fields": ("InfoField",),
    "actors.text.reading": ("CURATION_FILE", "CorpusFile", "corpus_files", "read_corpus", "read_document"),
    "actors.text.tables": ("LAYOUTS", "Table", "TableRow", "is_table", "parse_table", "read_table"),
    "actors.text.sentences": ("Sentence",),
    "actors.text.tokens": ("Token", "normalize", "phrase_key", "tokenize"),
    "actors.extract.actor_entries": ("Actor", "PeriodAlias"),
    "actors.extract.actor_toml": ("actor_from_table",),
    "actors.extract.candidates": (
        "Candidate", "CandidateFinder", "candidate_rows", "load_candidate_patterns",
    ),
    "actors.extract.resolve": ("Resolution", "resolve_events", "mention_block"),
    "actors.extract.resolve_frames": ("FrameResolution", "resolve_frames"),
    "actors.extract.event_actors": ("EventActorMap", "INTER_KINDS", "Resolved"),
    "actors.extract.tabular": ("TableImport", "import_table", "import_tables"),
    "actors.extract.claims": ("claim_edges", "claim_relations", "claimed_attacks", "joint_claimants"),
    "actors.extract.blame": ("blame",),
    "actors.extract.context": (
        "Party", "denial", "dispute_edges", "dispute_relations", "names_the_attack",
        "responsibility_claim", "separate_event", "tells_a_toll", "tells_an_attack",
    ),
    "actors.extract.places": ("load_places",),
    "actors.extract.cues": ("Cue", "CueSet", "FRAMES", "REQUIRED_WORD_LISTS", "STATUS_FRAMES", "load_cues"),
    "actors.extract.data_checks": ("STOP_WORDS", "alias_problem", "form_problem", "header_lines", "read_data_file"),
    "actors.extract.dictionary": ("Dictionary", "load_dictionary"),
    "actors.extract.evaluate": (
        "GoldLine", "GoldRow", "dates_compatible", "evaluate_corpus", "event_edges", "format_report", "format_scores",
        "load_event_gold", "load_gold", "score", "score_events",
    ),
    "actors.extract.events": ("UNKNOWN_DATE", "belligerents_event", "event_id", "fill_context", "fill_role", "sentence_event"),
    "actors.extract.infobox": ("Belligerent", "Sides", "find_sides", "rival_pairs"),
    "actors.extract.profile_box": ("ProfileRow", "find_profile", "profile_events"),
    "actors.extract.colon_lists": ("colon_lists", "joined_tokens", "spanning"),
    "actors.extract.mentions": ("Mention", "find_mentions"),
    "actors.extract.generics": ("resolve_generics",),
    "actors.extract.host_country": ("document_country", "main_country", "one_country"),
    "actors.extract.mission_contingents": ("state_contingents",),
    "actors.extract.pipeline": ("Extraction", "Extractor"),
    "actors.extract.parallel": ("ExtractedFile", "POOL_MIN_BYTES", "extract_files", "usable_cores"),
    "actors.extract.cluster": ("ClusterError", "extract_on_cluster"),
    "actors.extract.relations": ("find_relations",),
    "actors.network.export_choice": ("DEFAULT_EXPORT_EDGE_LIMIT", "EXPORT_FORMATS", "default_exports", "parse_exports"),
    "actors.network.export": (
        "export_writers", "to_gexf_bytes", "to_graphml_bytes", "to_json_bytes", "write_to",
    ),
    "actors.network.graph": ("EDGE_FRAME_SCHEMA", "build_graph", "document_label", "edge_frame", "edge_frame_of_table",
                             "label", "sign"),
    "actors.network.windows": (
        "Period", "assign_periods", "load_periods", "make_periods", "phases", "placement", "window",
        "yearly",
    ),
    "actors.analysis.analyses": ("Analyses", "analyse", "analysis_writers"),
    "actors.analysis.dyads": ("DYAD_COLUMNS", "dyads"),
    "actors.analysis.balance": ("balance_tables", "frustrated_edges", "structural_balance"),
    "actors.analysis.centrality": ("BETWEENNESS_BUDGET", "blocs", "centrality"),
    "actors.analysis.coalition": ("ROLES", "coalition"),
    "actors.analysis.frustration": ("EXACT_LIMIT", "HEURISTIC", "frustration_index"),
    "actors.analysis.genealogy": ("genealogy", "genealogy_forest"),
    "actors.analysis.pairs": (
        "FACT_STATUSES", "FOCUS_PAIR", "SHIFT_COLUMNS", "alliance_shifts", "pair_timeline",
        "shift_exclusions",
    ),
    "actors.analysis.profile": ("Profile", "actor_profile"),
    "actors.analysis.report": ("render_report",),
    "actors.analysis.signed": ("DEFAULT_STATUSES", "SIGNED", "signed_pairs"),
    "actors.render.explorer": (
        "NotebookView", "explorer_html", "explorer_writers", "neighbourhood", "notebook_view",
    ),
    "actors.render.figures.balance": ("balance_figure",),
    "actors.render.figures.coalition": ("coalition_figure",),
    "actors.render.figures.draw": ("DPI", "FORMATS", "MAX_HEIGHT_PX", "MAX_WIDTH_PX", "save_figure"),
    "actors.render.figures.genealogy": ("genealogy_figure",),
    "actors.render.figures.labels": ("curve_segments", "place_labels"),
    "actors.render.figures.pair": ("pair_figure",),
    "actors.render.figures.pair_rows": ("PAIR_MAX_HEIGHT_PX", "PAIR_ROW_LIMIT", "pair_rows"),
    "actors.render.figures.snapshot": ("snapshots",),
    "actors.render.figures.writers": ("figure_writers",),
    "actors.render.layout": ("positions",),
    "actors.render.style": ("KIND_COLOURS", "RELATION_STYLE", "STATUS_NOTE"),
    "actors.console": ("format_pair", "format_profile", "safe"),
    "actors.corpus": ("Corpus", "load_corpus"),
    "actors.curation.apply": ("apply_curation", "extend_dictionary", "merge_requests", "merge_rows"),
    "actors.curation.overrides": ("Curation", "OPERATIONS", "Override", "parse_curation", "read_curation"),
    "actors.bulk": ("paused_gc", "release_freed_memory"),
    "actors.mention_store": ("MentionStore",),
    "actors.csv_cells": (
        "CSV_TRIGGERS", "escape_cell", "escape_frame", "read_csv", "unescape_cell", "unescape_frame",
        "write_csv",
    ),
    "actors.errors": ("ActorsError", "CorpusError", "DataFileError", "OutputLockedError", "Problem", "safe_text"),
    "actors.output": (
        "event_counts", "export", "problem_frame", "table_writers", "to_frames", "write_all", "write_gexf", "write_graphml",
        "write_json", "write_tables",
    ),
    "actors.output_set": (
        "LOCK_FILE", "MANIFEST", "STAGING_PREFIX", "check_output_set", "lock_output", "read_manifest",
        "remove_dead_staging", "write_output_set",
    ),
    "actors.schema": (
        "ACTOR_COLUMNS", "ACTOR_KINDS", "CANDIDATE_COLUMNS", "CURATION_COLUMNS", "DOCUMENT_COLUMNS", "EDGE_COLUMNS",
        "EVENT_COLUMNS", "GENERIC_KIND", "MENTION_COLUMNS", "NOT_FACT_STATUSES", "OVERLAP_COLUMNS",
        "PRECISIONS", "RELATIONS",
        "RELATION_KINDS", "STATUSES", "SYMMETRIC_RELATIONS", "TABLE_EVENT_FIELDS", "THIN", "is_symmetric", "polars_schema",
    ),
}

_WHERE = {name: module for module, names in _API.items() for name in names}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    """Import a public name from its module on first use (PEP 562)."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'actors' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
