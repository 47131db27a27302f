"""Stage 3, network: the temporal graph of actors, its time windows and its exports.

- :mod:`~actors.network.graph`: the ``MultiDiGraph`` built from the edge table;
- :mod:`~actors.network.windows`: windows over time and periodisations;
- :mod:`~actors.network.export`: GEXF (:mod:`~actors.network.gexf`), GraphML
  (:mod:`~actors.network.graphml`) and node-link JSON (:mod:`~actors.network.node_link`),
  over one sorted snapshot of the graph (:mod:`~actors.network.snapshot`); which of them
  ``actors run`` writes: :mod:`~actors.network.export_choice`.
"""

__all__: list[str] = []  # the stage's names are re-exported by :mod:`actors`
