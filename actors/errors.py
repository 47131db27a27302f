"""The library's few named exceptions. The CLI turns them into messages.

Problems that affect one item (a file, a line, a date) are not raised: they
are collected as :class:`Problem` values so the rest is still processed.

>>> p = Problem(path="seeds/x.txt", where="line 3", what="impossible date '31 February 2012'")
>>> str(p)
"seeds/x.txt: line 3: impossible date '31 February 2012'"
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ActorsError", "CorpusError", "DataFileError", "Problem"]


class ActorsError(Exception):
    """Base class of the errors this library raises on purpose."""


class CorpusError(ActorsError):
    """No document of a corpus could be read (or the corpus is not a folder)."""


class DataFileError(ActorsError):
    """A data file (actor dictionary, cue words, overrides) is malformed.

    The message names the file, the place (line or entry id) and what was
    expected.
    """


@dataclass(frozen=True)
class Problem:
    """One skipped or doubtful item: which file, where in it, and what was wrong."""

    path: str
    where: str
    what: str
    skipped: bool = True  # False: processed, but with a warning

    def __str__(self) -> str:
        place = f"{self.where}: " if self.where else ""
        return f"{self.path}: {place}{self.what}"
