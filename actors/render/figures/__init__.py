"""Static figures (matplotlib), written as PNG and SVG under ``figures/``.

* :func:`snapshots`: the network per period, as small multiples. Every actor
  keeps one place in all panels (:func:`actors.render.layout.positions`); relations
  and actor kinds keep the colours of :mod:`actors.render.style`.
* :func:`pair_figure`: every relation between two actors over time, one
  labelled row per event (a dot at its day, or a bar over the interval its
  date covers), binned by month past 40 rows, alliance shifts marked with
  their evidence; its rows are :func:`~actors.render.figures.pair_rows.pair_rows`'.
* :func:`coalition_figure`: one actor's coalition (JNIM by default) per period.
* :func:`genealogy_figure`: who split from or joined whom, as a tidy forest.
* :func:`balance_figure`: structural balance per year (or per phase).

Each returns a :class:`matplotlib.figure.Figure` built without pyplot (no
global state, no GUI backend); :func:`figure_writers` stages them all for
:func:`actors.output.write_all`. Nothing is invented: undated events are in
no panel and no timeline, and each figure says how many it left out; denied
relations are never drawn as fact. matplotlib is imported only when a figure
is made, so ``import actors.render.figures`` stays cheap.

One module per figure (:mod:`~actors.render.figures.snapshot`,
:mod:`~actors.render.figures.pair` with :mod:`~actors.render.figures.pair_rows`,
:mod:`~actors.render.figures.coalition`,
:mod:`~actors.render.figures.genealogy`, :mod:`~actors.render.figures.balance`),
on :mod:`actors.render.figures.draw`, what they all share (fonts, saving,
text helpers); :mod:`actors.render.figures.writers` puts them together for a
run. Actor names are data, and matplotlib reads ``$...$`` as mathematics:
every text taken from the data goes through
:func:`actors.render.figures.draw._plain` first.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("x", "y", key="e1", relation="fought-against", status="reported", date="2012",
...                precision="year", start="2012-01-01", end="2013-01-01")
>>> fig = pair_figure(G, "x", "y")
>>> fig.axes[0].get_title(loc="left")
'x – y: relations over time'
"""

from actors.render.figures.balance import balance_figure
from actors.render.figures.coalition import coalition_figure
from actors.render.figures.draw import save_figure
from actors.render.figures.genealogy import genealogy_figure
from actors.render.figures.pair import pair_figure
from actors.render.figures.snapshot import snapshots
from actors.render.figures.writers import figure_writers

__all__ = ["snapshots", "pair_figure", "coalition_figure", "genealogy_figure", "balance_figure",
           "figure_writers", "save_figure"]
