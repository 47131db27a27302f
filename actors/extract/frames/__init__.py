"""The cue frames behind :func:`actors.extract.relations.find_relations`, by family.

What each frame of ``data/cues.toml`` means is code here; the dispatcher
(:mod:`actors.extract.relations`) runs every cue of a sentence through its frame.
The modules build on each other, downward only:

- :mod:`~actors.extract.frames.sentence`: the sentence view every frame works on
  (tokens, mentions, cue occurrences, coordination and clause navigation);
- :mod:`~actors.extract.frames.attribution`: status and claimant, and the
  :class:`~actors.extract.frames.attribution.RelationMatch` a found pair becomes;
- :mod:`~actors.extract.frames.asides`: what a subject search passes over (asides, appositions), and
  what only names, a name set off by commas, a splinter listed with its parent, a source phrase;
- :mod:`~actors.extract.frames.dependents`: who does a verb that depends on another (a gerund after
  "for", troops sent to do something);
- :mod:`~actors.extract.frames.agents`: who acts (the subject, a passive's "by"
  agent) and the pairs across two sides;
- :mod:`~actors.extract.frames.countries`: country names a frame reads as states where the mention
  finder saw places ("support from France", "airlift to Chad and Togo");
- :mod:`~actors.extract.frames.joint`: whether actors named together acted together (examples of a
  kind, rival families);
- :mod:`~actors.extract.frames.sides`: two sides named together (``symmetric``,
  ``group``, ``joint_subject``);
- :mod:`~actors.extract.frames.companions`: one side named with another by a preposition phrase
  (``companion``: "with the help of Y", "alongside Y", "linked to Y");
- :mod:`~actors.extract.frames.backing`: support named by a noun (``backing_noun``: "with French
  support");
- :mod:`~actors.extract.frames.targets`: who the other side is when it is not the
  verb's plain object (a place's holder, a device's maker, a leader's group);
- :mod:`~actors.extract.frames.action`: one side acting on another told with a verb
  (``transitive``, ``changed_hands``), whose ``FRAME_FUNCS`` also lists the noun frames of
  :mod:`~actors.extract.frames.nominal` (``nominal``: "an attack by X on Y"; ``under_fire``);
- :mod:`~actors.extract.frames.partners`: a partner or a whole named through a possessive or
  an umbrella noun (``possessed_ally``: "A and its ally B"; ``possessed_part``: "its Saharan
  affiliate, B"; ``under_umbrella``: "under the JNIM umbrella");
- :mod:`~actors.extract.frames.founding`: a group founded by those who left another
  (``splinter_founding``: "members of A split from the group and created B");
- :mod:`~actors.extract.frames.organisation`: how groups are made of groups
  (``split``, ``split_verb``, ``member``, ``member_verb``, ``possessive_member``,
  ``coalition``, ``merger``, ``recognition``; and an umbrella with its component named in one
  reference, ``components``);
- :mod:`~actors.extract.frames.agreements`: pacts and mergers (``signatories``, ``merged_with``,
  ``listed_members``);
- :mod:`~actors.extract.frames.contingents`: a state's troops in a mission (``contribution``,
  ``garrison``).

Each frame-family module exports ``FRAME_FUNCS``, its frames by name.
"""

__all__: list[str] = []
