"""Reading files: the I/O edge from files and corpus folders to documents.

:func:`read_document` reads one file and :func:`read_corpus` a folder (files in a
fixed order, subfolders recursively). They never raise for one bad file but
return a :class:`~actors.errors.Problem`: unreadable, too large, empty or binary
files are skipped; text that is not UTF-8 is read as latin-1 with a warning.
A file holding a NUL byte anywhere is binary (skipped): so no NUL reaches the
tables (where it would be raw) or the XML exports (where XML 1.0 forbids it).
A file name that is not UTF-8 is read, and named in its escaped form
(:func:`actors.errors.safe_text`).
Parsing the decoded text is :func:`~actors.text.documents.parse_document`.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Collection

from actors.errors import CorpusError, Problem, safe_text
from actors.text.documents import Document, _parse, line_col
from actors.text.sentences import _MAX_SENTENCE
from actors.text.tables import is_table

#: The curation file of a corpus folder (see :mod:`actors.curation`): not a document.
CURATION_FILE = "overrides.toml"
#: The suffixes of the text files a corpus folder's documents are read from: plain text, Markdown
#: (and MDX, Markdown with components) and saved web pages.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".mdx", ".html", ".htm")
IGNORED = "ignored: not .txt, .md, .html or .csv"

__all__ = ["CURATION_FILE", "CorpusFile", "corpus_files", "read_document", "read_corpus"]

#: Bytes inspected to tell text from binary.
_SNIFF_BYTES = 8_192


#: The control bytes a text file does not hold (all but tab, line ends, vertical tab, form feed and escape).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"


def _looks_binary(head: bytes) -> str:
    """"" for text, else a short reason."""
    zeros = max(head[0::2].count(0), head[1::2].count(0))
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or (
            len(head) > 7 and head.count(0) > len(head) * 5 // 8):  # ASCII in UTF-32: three NULs of four bytes
        return "binary file, expected text (looks like UTF-32: save it as UTF-8)"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 3 and zeros > len(head) // 4):
        return "binary file, expected text (looks like UTF-16: save it as UTF-8)"
    if b"\x00" in head:
        return "binary file, expected text (NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls > 0.3 * len(head):
        return "binary file, expected text (mostly control characters)"
    return ""


def _read(path: str | os.PathLike[str], name: str, max_bytes: int) -> tuple[Document | None, list[Problem]]:
    data, problems = _load(path, max_bytes)
    if data is None:
        return None, problems
    return _decode(data, safe_text(os.fspath(path)), name)


def _load(path: str | os.PathLike[str], max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes as :func:`_read` takes them (a regular file, at most ``max_bytes``), or None and why
    not; :func:`_decode` makes the document of them, where they were read or elsewhere (a cluster's worker,
    :mod:`actors.extract.cluster`)."""
    # A file name that is not UTF-8 is read all the same, but named in a safe, escaped form
    # (actors.errors.safe_text): a lone surrogate must reach no table, export or message.
    shown = safe_text(os.fspath(path))

    def skip(what: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, "", what)]

    try:
        st = os.stat(path)
    except OSError as e:
        return skip(f"cannot read: {e.strerror or e}")
    if stat.S_ISDIR(st.st_mode):
        return skip(f"cannot read: {os.strerror(errno.EISDIR)}")  # as open() would say
    if not stat.S_ISREG(st.st_mode):
        return skip("cannot read: not a regular file")
    if st.st_size > max_bytes:
        return skip(f"{st.st_size} bytes, over the limit of {max_bytes}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        return skip(f"cannot read: {e.strerror or e}")
    if len(data) > max_bytes:  # grew since stat
        return skip(f"over {max_bytes} bytes, the limit")
    return data, []


def _decode(data: bytes, shown: str, name: str) -> tuple[Document | None, list[Problem]]:
    """The document of a file's bytes (``shown``: its path as problems name it; ``name``: its name in the
    corpus), or None, with the problems of decoding and parsing it."""
    name = safe_text(name)
    problems: list[Problem] = []

    def skip(what: str, where: str = "") -> tuple[None, list[Problem]]:
        problems.append(Problem(shown, where, what))
        return None, problems

    if not data.strip():
        return skip("empty file")
    reason = _looks_binary(data[:_SNIFF_BYTES])
    if reason:
        return skip(reason)
    nul = data.find(b"\x00", _SNIFF_BYTES)
    if nul >= 0:  # anywhere, not only in the first bytes: a NUL never reaches a table or an export
        line = data.count(b"\n", 0, nul) + 1
        return skip(f"binary file, expected text (a NUL byte at byte {nul})", f"line {line}")
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        text = body.decode("utf-8")
        encoding = "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as e:
        offset = e.start + (3 if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        text = body.decode("latin-1")
        encoding = "latin-1"
        if text.strip():  # else only "empty file" below
            problems.append(
                Problem(
                    shown,
                    f"line {line}, byte {offset}",
                    f"not valid UTF-8 (byte 0x{data[offset]:02x}); read as latin-1",
                    skipped=False,
                )
            )
    if not text.strip():
        return skip("empty file")
    doc, cut, first = _parse(name, text, shown, encoding)
    if cut:
        ln, col = line_col(text, first)
        problems.append(
            Problem(
                shown,
                f"line {ln}, column {col}",
                f"{cut} sentence(s) longer than {_MAX_SENTENCE} characters cut at whitespace",
                skipped=False,
            )
        )
    return doc, problems


def read_document(
    path: str | os.PathLike[str], *, max_bytes: int = 50_000_000
) -> tuple[Document | None, list[Problem]]:
    """Read and parse one file. ``(None, problems)`` when it cannot be used.

    Never raises for a bad file: unreadable, too large, empty, binary files
    are skipped with a :class:`Problem`; non-UTF-8 text is read as latin-1
    with a non-skipping Problem naming the first invalid byte.
    """
    return _read(path, Path(path).name, max_bytes)


def read_corpus(
    folder: str | os.PathLike[str], *, max_bytes: int = 50_000_000, skip: Collection[str] = (CURATION_FILE,)
) -> tuple[list[Document], list[Problem]]:
    """Read every text file (:data:`TEXT_SUFFIXES`: ``.txt``, ``.md``, ``.mdx``, ``.html``, ...) under ``folder``, deterministically.

    Files directly in the folder come first (sorted by name), then each
    subfolder (sorted, recursively; hidden folders are skipped). A document
    in a subfolder is named by its relative path ("sub/a.txt"). Other files
    are reported as non-skipping Problems, except those named in ``skip``
    (relative names; by default the corpus's curation file, which
    :mod:`actors.corpus` reads itself). Raises :class:`CorpusError` only
    when ``folder`` is missing or not a folder; with no readable document the
    result is ``([], problems)``. The files it reads, in that order, are
    :func:`corpus_files`'.
    """
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in corpus_files(folder, skip=skip):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        doc, probs = _read(item.path, item.name, max_bytes)
        problems.extend(probs)
        if doc is not None:
            docs.append(doc)
    return docs, problems


@dataclass(frozen=True)
class CorpusFile:
    """A text file of a corpus folder, not read yet: its path, its name in the
    corpus ("sub/a.txt") and its size in bytes when listed (0 if unknown)."""

    path: str
    name: str
    size: int = 0


def corpus_files(folder: str | os.PathLike[str], *,
                 skip: Collection[str] = (CURATION_FILE,)) -> list[CorpusFile | Problem]:
    """The files :func:`read_corpus` reads, in its order, with the problems of listing them in place
    (a folder that cannot be read, a file of another kind): nothing is read, so a caller can read
    and extract them in batches, on several processes (:mod:`actors.extract.parallel`).

    >>> import tempfile, pathlib
    >>> tmp = tempfile.TemporaryDirectory()
    >>> root = pathlib.Path(tmp.name)
    >>> for name in ("b.txt", "a.md", "c.pdf", "sub/d.txt"):
    ...     (root / name).parent.mkdir(exist_ok=True)
    ...     _ = (root / name).write_text("Gao.")
    >>> [f.name if isinstance(f, CorpusFile) else f.what for f in corpus_files(root)]
    ['a.md', 'b.txt', 'ignored: not .txt, .md, .html or .csv', 'sub/d.txt']
    >>> tmp.cleanup()
    """
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {safe_text(os.fspath(folder))}")
    if not root.is_dir():
        raise CorpusError(f"not a folder: {safe_text(os.fspath(folder))}")
    items: list[CorpusFile | Problem] = []
    seen: set[tuple[int, int]] = set()

    def walk(d: Path, prefix: str) -> None:
        try:
            st = d.stat()
            if (st.st_dev, st.st_ino) in seen:  # a symlink loop
                return
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            items.append(Problem(os.fspath(d), "", f"cannot read folder: {e.strerror or e}"))
            return
        subdirs = []
        for entry in entries:
            p = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks; False if broken
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.name.startswith("."):
                    subdirs.append(entry)
                continue
            if prefix + entry.name in skip:
                continue
            if is_table(p):
                continue  # an event table: actors.corpus imports it (actors.text.tables)
            if p.suffix.lower() not in TEXT_SUFFIXES:
                items.append(Problem(os.fspath(p), "", IGNORED, skipped=False))
                continue
            try:
                size = entry.stat().st_size
            except OSError:  # reading it says why
                size = 0
            items.append(CorpusFile(os.fspath(p), prefix + entry.name, size))
        for entry in subdirs:
            walk(Path(entry.path), f"{prefix}{entry.name}/")

    walk(root, "")
    return items
