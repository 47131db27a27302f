"""A corpus folder made of copies of the seeds, for the tests that compare runs over many files."""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["copy_seeds"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def copy_seeds(folder: Path, copies: int, *, latin: bool = False) -> Path:
    """``folder`` with the seeds ``copies`` times under other names (the last copy in a sub-folder), a
    file that cannot be read, one of another kind (and, with ``latin``, one that is not UTF-8) and the
    seeds' overrides file."""
    for i in range(copies):
        where = folder / "sub" if i == copies - 1 else folder
        where.mkdir(exist_ok=True)
        for p in sorted(SEEDS.glob("*.txt")):
            shutil.copy(p, where / f"c{i}_{p.name}")
    (folder / "b_empty.txt").write_text("  \n")
    if latin:
        (folder / "b_latin.txt").write_bytes("Le 3 mai 2014, le MUJAO a attaqué des soldats maliens à Gao.\n".encode("latin-1"))
    (folder / "notes.pdf").write_bytes(b"%PDF")
    shutil.copy(SEEDS / "overrides.toml", folder / "overrides.toml")
    return folder
