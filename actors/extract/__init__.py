"""Stage 2, extract: from sentences to events and edges between named actors.

Find first, then write: the matchers return matches, and
:mod:`~actors.extract.events` turns them into rows.

- the actor dictionary: :mod:`~actors.extract.dictionary` (look-ups),
  :mod:`~actors.extract.actor_entries` (entries and their rules),
  :mod:`~actors.extract.actor_toml` (reading ``data/actors.toml``);
- mentions: :mod:`~actors.extract.matcher`, :mod:`~actors.extract.mentions`,
  :mod:`~actors.extract.state_references`;
- cue words: :mod:`~actors.extract.cues` (``data/cues.toml``);
- relations: :mod:`~actors.extract.relations` dispatches each cue to its frame
  family in :mod:`actors.extract.frames`; :mod:`~actors.extract.infobox` reads
  belligerents lists; :mod:`~actors.extract.context` reads beyond one sentence
  (claims of responsibility, denials, separate events);
- rows: :mod:`~actors.extract.events`; the whole stage: :mod:`~actors.extract.pipeline`;
- scoring against gold sets: :mod:`~actors.extract.evaluate`.
"""

__all__: list[str] = []  # the stage's names are re-exported by :mod:`actors`
