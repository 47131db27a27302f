"""The analyst notebooks in notebooks/: stored clean, and runnable top to bottom in a real kernel.

Each notebook is executed once (per test session) with nbclient in a real
``python3`` Jupyter kernel, started in ``notebooks/`` as a person's Jupyter
would be, whatever folder pytest runs from. Cells tagged ``figure`` must show
an image, and the cell tagged ``explorer`` in notebook 02 the inline explorer.
The stored files must carry no outputs, so a notebook committed after running
it fails here. Notebooks 02 and 03 must show the network ``actors run`` builds
(``load_corpus`` with the corpus's overrides.toml), and 01 must teach the curation.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: Notebook -> how many cells tagged "figure" (each must show an image) and "explorer"
#: (each must embed the inline explorer) it must have.
EXPECTED = {
    "01_from_text_to_events.ipynb": {"figure": 0, "explorer": 0},
    "02_mnla_vs_ansar_dine.ipynb": {"figure": 2, "explorer": 1},
    "03_jnim_coalition.ipynb": {"figure": 3, "explorer": 0},
    "04_event_data.ipynb": {"figure": 1, "explorer": 0},
}
IMAGE_TYPES = ("image/png", "image/svg+xml")
TIMEOUT = 120  # seconds per cell


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _tagged(nb, tag: str) -> list:
    return [c for c in nb.cells if c.cell_type == "code" and tag in c.metadata.get("tags", [])]


# -- the stored files (fast) ------------------------------------------------------------------

def test_the_notebooks_are_there():
    found = {p.name for p in NOTEBOOKS.glob("*.ipynb")}
    assert set(EXPECTED) <= found, f"missing: {sorted(set(EXPECTED) - found)}"


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_stored_notebook_has_no_outputs(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a notebook without code"
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, (f"{path.name}: cells {dirty} carry outputs or execution counts; clear them before "
                       "committing (Jupyter: Edit > Clear Outputs of All Cells, then save)")
    markdown = [c for c in nb.cells if c.cell_type == "markdown" and c.source.strip()]
    assert len(markdown) >= 3, f"{path.name}: the notebooks teach in markdown; found {len(markdown)} cells"


# -- executed in a real kernel ----------------------------------------------------------------

@pytest.fixture(scope="module", params=sorted(EXPECTED))
def executed(request):
    """(name, executed notebook, seconds) for each notebook, run once in a python3 kernel from notebooks/."""
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    from nbclient import NotebookClient

    name = request.param
    nb = _read(NOTEBOOKS / name)
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    started = time.monotonic()
    NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    seconds = time.monotonic() - started
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before, f"{name} wrote files into notebooks/"
    return name, nb, seconds


def test_notebook_runs_without_errors(executed):
    name, nb, seconds = executed
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"{name}: cell {i} was not run"
        for out in cell.outputs:
            assert out.output_type != "error", f"{name}: cell {i}: {out.ename}: {out.evalue}"
            if out.output_type == "stream":
                assert out.name != "stderr", f"{name}: cell {i} wrote to stderr:\n{out.text}"
    assert seconds < 60, f"{name} took {seconds:.1f} s; the notebooks should run in a few seconds"


def test_figure_cells_show_images(executed):
    name, nb, _ = executed
    figures = _tagged(nb, "figure")
    assert len(figures) == EXPECTED[name]["figure"], f"{name}: {len(figures)} cells tagged 'figure'"
    for cell in figures:
        shown = [t for out in cell.outputs if out.output_type in ("display_data", "execute_result")
                 for t in out.get("data", {}) if t in IMAGE_TYPES]
        assert shown, f"{name}: figure cell shows no image:\n{cell.source}"


def test_explorer_cells_embed_the_explorer(executed):
    name, nb, _ = executed
    cells = _tagged(nb, "explorer")
    assert len(cells) == EXPECTED[name]["explorer"], f"{name}: {len(cells)} cells tagged 'explorer'"
    for cell in cells:
        html = [out.data["text/html"] for out in cell.outputs
                if out.output_type in ("display_data", "execute_result") and "text/html" in out.get("data", {})]
        assert html, f"{name}: the explorer cell shows no HTML"
        assert html[0].startswith("<iframe") and 'sandbox="allow-scripts"' in html[0] and "srcdoc=" in html[0]


def test_numbers_are_those_of_actors_run(executed):
    """Notebooks 02 and 03 load the seeds as `actors run` does (overrides.toml applied), and 01 shows that file.

    The notebooks print their counts; here they are compared with a fresh ``load_corpus``.
    """
    from actors.corpus import load_corpus

    name, nb, _ = executed
    printed = "".join(out.get("text", "") for c in nb.cells if c.cell_type == "code"
                      for out in c.outputs if out.output_type == "stream")
    if name == "04_event_data.ipynb":  # its own corpus: the fixtures; the katibas are JNIM's members
        assert "JNIM's members from the tables: katiba-macina" in printed
        assert "acled_more.csv|report.txt" in printed  # one event, told by the article and the table
        assert "2012-05-26" in printed and "2012-06-08" in printed  # the shift found in the notebook's rows
        return
    corpus = load_corpus(ROOT / "seeds")
    edges, events = corpus.frames["edges"].height, corpus.frames["events"].height
    expected = {
        "01_from_text_to_events.ipynb": f"overrides file: seeds/overrides.toml: {len(corpus.curation.overrides)} entries",
        "02_mnla_vs_ansar_dine.ipynb": f"{edges} relations (edges) in {events} events",
        "03_jnim_coalition.ipynb": f"{edges} relations (edges) in {events} events",
    }[name]
    printed = "".join(out.get("text", "") for c in nb.cells if c.cell_type == "code"
                      for out in c.outputs if out.output_type == "stream")
    assert expected in printed, f"{name} does not print {expected!r}: is it built with load_corpus(root / 'seeds')?"


def test_curation_is_taught_and_used():
    """01 has the curation section (with and without overrides); 02 and 03 start from load_corpus."""
    nb01 = _read(NOTEBOOKS / "01_from_text_to_events.ipynb")
    headings = [c.source.splitlines()[0] for c in nb01.cells if c.cell_type == "markdown" and c.source.strip()]
    assert any("Curation: the analyst's corrections" in h for h in headings)
    code01 = "\n".join(c.source for c in nb01.cells if c.cell_type == "code")
    assert "load_corpus(SEEDS, overrides=None)" in code01
    for name in ("02_mnla_vs_ansar_dine.ipynb", "03_jnim_coalition.ipynb"):
        code = "\n".join(c.source for c in _read(NOTEBOOKS / name).cells if c.cell_type == "code")
        assert "load_corpus(SEEDS)" in code, name
        assert "extract(" not in code and "build_graph(" not in code, f"{name} should not build its own network"


def test_notebooks_find_the_seeds_from_the_repository_root_too():
    """The setup cell walks up to the folder with seeds/ and pyproject.toml, wherever Jupyter started."""
    pytest.importorskip("nbclient")
    from nbclient import NotebookClient

    nb = _read(NOTEBOOKS / "01_from_text_to_events.ipynb")
    setup = next(c for c in nb.cells if c.cell_type == "code")
    nb.cells = [setup]
    NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    text = "".join(out.get("text", "") for out in nb.cells[0].outputs if out.output_type == "stream")
    assert f"corpus: {ROOT / 'seeds'}" in text
