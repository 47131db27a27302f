"""Stage 4, analysis: questions an analyst asks of the graph, each a plain function of it.

- :mod:`~actors.analysis.pairs`: a pair's timeline and alliance shifts;
- :mod:`~actors.analysis.coalition`: one actor's coalition over time;
- :mod:`~actors.analysis.genealogy`: the forest of splits and memberships;
- :mod:`~actors.analysis.balance` (with :mod:`~actors.analysis.signed` and
  :mod:`~actors.analysis.frustration`): structural balance per window;
- :mod:`~actors.analysis.centrality`: who matters in each window, and blocs;
- :mod:`~actors.analysis.profile`: one actor's profile;
- :mod:`~actors.analysis.analyses`: every analysis at once, staged for writing;
- :mod:`~actors.analysis.report`: ``report.md``.
"""

__all__: list[str] = []  # the stage's names are re-exported by :mod:`actors`
