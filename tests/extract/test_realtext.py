"""Extraction on real reporting no one here wrote: the development part of ``../shared/realtext``.

The text stays in ``../shared`` (CI has it); the gold is in ``tests/realtext``,
event level, by file and character range. Floors sit a little under the
measured figures, so a regression fails the build; ``pytest -s`` prints them.
The held-out part is not measured here: see ``tests/realtext/measure.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REALTEXT = Path(__file__).resolve().parents[1] / "realtext"
sys.path.insert(0, str(REALTEXT))

import measure  # noqa: E402

pytestmark = pytest.mark.skipif(not measure.CORPUS.is_dir(), reason=f"no real text at {measure.CORPUS}")

# with implicit lines: (precision floor, recall floor)
FLOORS = {"all": (0.85, 0.7), "fought-against": (0.8, 0.55), "allied-with": (0.85, 0.85)}


@pytest.fixture(scope="module")
def measured() -> dict:
    m = measure.measure("dev")
    print("\n" + measure.report(m))
    return m


def test_every_development_file_is_read(measured):
    assert measured["documents"] == len(measured["files"]) == 34
    assert not measured["skipped"]


def test_split_is_by_month_and_disjoint():
    dev, held = measure.part_files("dev"), measure.part_files("heldout")
    assert len(held) == 17 and not set(dev) & set(held)
    assert sorted(dev + held) == sorted(p.name for p in measure.CORPUS.glob("ce_*.txt"))


def test_gold_ranges_lie_in_their_part():
    from actors.extract.evaluate import load_event_gold

    for part, files in measure.GOLD.items():
        names = set(measure.part_files(part))
        for line in load_event_gold([REALTEXT / f for f in files], measure.CORPUS):
            assert {f for f, _, _ in line.evidence} <= names, (part, line.event)


@pytest.mark.parametrize("relation", sorted(FLOORS))
def test_floors(measured, relation):
    p, r = FLOORS[relation]
    got = measured["with_implicit"][relation]
    assert got["precision"] >= p and got["recall"] >= r, got
