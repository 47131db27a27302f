"""Checks shared by the data files: what may be an alias or a cue form, and where an entry's line is.

An alias (or exact alias, demonym, prefix, country name, period alias) names
an actor wherever it occurs, so it must be a name: not a stop word ("the",
"a", "of"), not bare punctuation ("."), and at least two characters unless
it is an upper-case acronym ("X"; an exact, case-sensitive alias may be an
acronym that is also a word, "US"). A cue form must be a word or phrase: a
bare mark such as "(" would match inside names ("Islamic State (ISGS)").
:func:`alias_problem` and :func:`form_problem` say why not (empty when fine);
:func:`header_lines` gives the line of each ``[[table]]`` header of a TOML
text, so messages name the line as well as the entry.

>>> alias_problem("the"), alias_problem("."), alias_problem("x"), alias_problem("X"), alias_problem("MNLA")
('is a stop word', 'is bare punctuation', 'is shorter than 2 characters (only an upper-case acronym may be)', '', '')
>>> form_problem("("), form_problem("fought against")
('is bare punctuation, not a word or phrase', '')
>>> header_lines("[[cue]]\\nforms = ['(']\\n\\n[[cue]]\\n", "cue")
[1, 4]
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from actors.errors import DataFileError

__all__ = ["STOP_WORDS", "alias_problem", "form_problem", "header_lines", "read_data_file"]


def read_data_file(name: str, path=None, *, tables: frozenset[str]) -> tuple[dict, str, str]:
    """A data file's TOML (``path``, or the packaged ``data/NAME``), its text, and how messages name it.

    Only the top-level ``tables`` are allowed; anything else, a syntax error or
    an unreadable file raises :class:`~actors.errors.DataFileError` naming the file.
    """
    where = str(path) if path is not None else f"actors/data/{name}"
    try:
        if path is None:
            raw = resources.files("actors").joinpath("data", name).read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{where}: {exc} (expected TOML)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{where}: cannot read: {exc}") from exc
    unknown = set(data) - tables
    if unknown:
        raise DataFileError(f"{where}: unknown top-level key(s) {sorted(unknown)}; expected {', '.join(sorted(tables))}")
    return data, raw, where

#: Function words that can never name an actor (English and French, the corpora's languages).
STOP_WORDS = frozenset("""
a an the of and or nor but if in on at to by for with from into onto as is are was were be been being
it its this that these those he she they them their his her him we us our you your i me my not no so
than then there here which who whom whose what when where why how all any some such
le la les l un une des de du d et ou en au aux par pour avec sur dans
""".split())

_WORD = re.compile(r"\w")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def alias_problem(text: str, *, exact: bool = False) -> str:
    """Why ``text`` cannot be an alias, or "" when it can.

    ``exact``: a case-sensitive alias, where an upper-case acronym that is also
    a word ("US", "UN") names only itself.
    """
    stripped = text.strip()
    if not _WORD.search(stripped):
        return "is bare punctuation"
    words = _words(stripped)
    if all(w in STOP_WORDS for w in words) and not (exact and stripped.isupper()):
        return "is a stop word" if len(words) == 1 else "is only stop words"
    if len(stripped) < 2 and not stripped.isupper():
        return "is shorter than 2 characters (only an upper-case acronym may be)"
    return ""


def form_problem(form: str) -> str:
    """Why ``form`` cannot be a cue form, or "" when it can."""
    if not _WORD.search(form):
        return "is bare punctuation, not a word or phrase"
    return ""


_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]\s*(?:#.*)?$")


def header_lines(text: str, table: str) -> list[int]:
    """1-based lines of the ``[[table]]`` headers of a TOML text, in order (multi-line strings skipped)."""
    out: list[int] = []
    inside: str | None = None
    for n, line in enumerate(text.split("\n"), 1):
        if inside is None:
            hit = _HEADER.match(line)
            if hit and hit.group(1) == table:
                out.append(n)
        for quote in ('"""', "'''"):
            if inside in (None, quote) and line.count(quote) % 2 == 1:
                inside = quote if inside is None else None
    return out
