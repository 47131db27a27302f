"""Shared fixtures: the fictional world of ``tests/world.py`` and the seeds' extraction."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # so tests can ``import world``

import world  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def extractor():
    """The packaged extractor (dictionary, cue words, places), loaded once."""
    from actors.extract.pipeline import Extractor

    return Extractor.load()


@pytest.fixture
def world_graph():
    """A fresh graph of the fictional world (tests may mutate it)."""
    return world.graph()


@pytest.fixture(scope="session")
def seed_frames():
    """(edges, actors) DataFrames extracted from seeds/, once per test session."""
    from actors.text.reading import read_corpus
    from actors.extract.pipeline import extract
    from actors.output import to_frames

    docs, problems = read_corpus(ROOT / "seeds")
    frames = to_frames(extract(docs, problems=problems))
    return frames["edges"], frames["actors"]


@pytest.fixture(scope="session")
def seed_graph(seed_frames):
    """The seeds' temporal multigraph (shared: do not mutate)."""
    from actors.network.graph import build_graph

    return build_graph(*seed_frames)


@pytest.fixture(scope="session")
def curated_seed_graph():
    """The seeds' graph as ``actors run`` builds it: extraction with seeds/overrides.toml applied."""
    from actors.corpus import load_corpus

    return load_corpus(ROOT / "seeds").graph
