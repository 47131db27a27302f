r"""The library's few named exceptions. The CLI turns them into messages.

Problems that affect one item (a file, a line, a date) are not raised: they
are collected as :class:`Problem` values so the rest is still processed.

File names come from the file system and may hold bytes that are not UTF-8
(Python decodes them as lone surrogates, which no table writer, XML file or
terminal accepts). :func:`safe_text` is the one rule for them, applied where
names enter the tables (document names, every field of a :class:`Problem`,
and every cell of :func:`actors.output.to_frames`): a byte that is not UTF-8
becomes the four characters ``\xNN`` and any other lone surrogate ``\uXXXX``,
so ``caf\xe9.txt`` names a latin-1 file name without hiding what it was.

>>> safe_text("caf\udce9.txt")
'caf\\xe9.txt'

>>> p = Problem(path="seeds/x.txt", where="line 3", what="impossible date '31 February 2012'")
>>> str(p)
"seeds/x.txt: line 3: impossible date '31 February 2012'"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ActorsError", "CorpusError", "DataFileError", "OutputLockedError", "Problem", "safe_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    cp = ord(m.group())
    return f"\\x{cp - 0xDC00:02x}" if 0xDC80 <= cp <= 0xDCFF else f"\\u{cp:04x}"


def safe_text(text: str) -> str:
    """``text`` with every lone surrogate written out as an escape (see the module notes)."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape, text)


class ActorsError(Exception):
    """Base class of the errors this library raises on purpose."""


class CorpusError(ActorsError):
    """No document of a corpus could be read (or the corpus is not a folder)."""


class DataFileError(ActorsError):
    """A data file (actor dictionary, cue words, overrides) is malformed.

    The message names the file, the place (line or entry id) and what was
    expected.
    """


class OutputLockedError(ActorsError):
    """Another run holds the output folder's lock (:func:`actors.output_set.lock_output`).

    ``folder`` is the output folder and ``pid`` the other run's process id
    (None if it could not be read). The second run does not wait: it stops.
    """

    def __init__(self, message: str, *, folder: str = "", pid: int | None = None) -> None:
        super().__init__(message)
        self.folder = folder
        self.pid = pid


@dataclass(frozen=True)
class Problem:
    """One skipped or doubtful item: which file, where in it, and what was wrong."""

    path: str
    where: str
    what: str
    skipped: bool = True  # False: processed, but with a warning

    def __post_init__(self) -> None:
        for name in ("path", "where", "what"):  # a file name that is not UTF-8 must reach no output raw
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, safe_text(value))

    def __str__(self) -> str:
        place = f"{self.where}: " if self.where else ""
        return f"{self.path}: {place}{self.what}"
