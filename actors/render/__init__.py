"""Stage 5, render: what a person looks at.

- :mod:`actors.render.figures`: static figures, one module per figure;
- :mod:`~actors.render.figure_pool`: figures drawn by worker processes during a run;
- :mod:`~actors.render.explorer`: the offline interactive HTML explorer (``templates/``);
- :mod:`~actors.render.layout`: node positions shared by figures and pages;
- :mod:`~actors.render.style`: one visual vocabulary for both.
"""

__all__: list[str] = []  # the stage's names are re-exported by :mod:`actors`
