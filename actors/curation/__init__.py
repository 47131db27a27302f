"""Curation overrides: an analyst's corrections, applied on every run.

An overrides file (TOML; ``overrides.toml`` in the corpus folder is picked up
by ``actors run``) holds arrays of tables, one per operation. Every entry has
a stable ``id`` and the analyst's ``reason``:

* ``[[add]]`` a relation the text supports but extraction missed: ``source``,
  ``target`` (any alias, any case), ``relation``, ``date`` ("2012", "2012-06",
  "2012-06-08" or "" for undated), ``status`` (default reported),
  ``claimed_by``, and ``evidence`` (the quote or citation it rests on);
* ``[[drop]]`` extracted relations that are wrong;
* ``[[redate]]`` extracted relations whose date is wrong: the new ``date``;
* ``[[actor]]`` a new actor, with the keys of the dictionary's ``[[actor]]``;
* ``[[alias]]`` extra ``aliases`` for an existing ``actor``.
* ``[[merge]]`` events that are one occurrence, which resolution kept apart: ``edges``, two or
  more edge ids (``edges.csv``, ``overlaps.csv``) or mention ids (``mentions.csv``). Events of
  one pair and relation become one edge (refused when their dates conflict); events of
  different pairs share one ``event_id``. Applied when mentions are resolved to events.

``drop`` and ``redate`` select edges either by ``edge`` (an ``edge_id`` of
``edges.csv``) or by ``source``, ``target`` and ``relation``, narrowed by
``date`` (the edge's date as written in ``edges.csv``), ``doc`` and
``contains`` (words of the evidence sentence).

Reading (:func:`parse_curation`) checks the shape of each entry; extending the
dictionary (:func:`extend_dictionary`) and applying to extracted rows
(:func:`apply_curation`) resolve names and find the edges. An entry that is
malformed, names an unknown actor or selects no edge is skipped with a
:class:`~actors.errors.Problem` naming the file, line and what was expected;
the other entries still apply. Every entry, applied or not, gets a row of the
curation table (``curation.csv`` and the report's Curation section).

The package: :mod:`actors.curation.overrides` reads and checks the file
(with :mod:`actors.curation.lines` for the line numbers tomllib does not
give); :mod:`actors.curation.apply` extends the dictionary and applies the
entries to the extracted rows.

>>> text = '''
... [[drop]]
... id = "no-such-fight"
... source = "MUJAO"
... target = "mnla"
... relation = "allied-with"
... reason = "The sentence says they fought."
... '''
>>> cur = parse_curation(text, "overrides.toml")
>>> [(o.op, o.id, o.line) for o in cur.overrides]
[('drop', 'no-such-fight', 2)]
>>> bad = parse_curation('[[redate]]\\nid = "x"\\nedge = "ev-1-0"\\ndate = "2012-02-30"\\nreason = "r"\\n', "o.toml")
>>> print(bad.problems[0])
o.toml: line 4 ([[redate]] 'x', key 'date'): impossible date '2012-02-30': February 2012 has 29 days; entry not applied
"""

from __future__ import annotations

from actors.curation.apply import apply_curation, extend_dictionary, merge_requests, merge_rows
from actors.curation.overrides import OPERATIONS, Curation, Override, parse_curation, read_curation

__all__ = ["Override", "Curation", "parse_curation", "read_curation", "extend_dictionary", "apply_curation",
           "merge_requests", "merge_rows", "OPERATIONS"]
