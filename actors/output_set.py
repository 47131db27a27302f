"""The output set: staged in one folder, switched in, sealed by a manifest, locked while written.

:func:`write_output_set` writes every file of a run into one staging folder
inside the output folder (``OUT/.staging-<pid>-<random>/``, with the same
subfolders, such as ``figures/``), then moves the files into place and writes
``OUT/manifest.json`` last: the name, size and sha256 of every file of the set.
A POSIX file system renames one file at a time (no call switches many files
at once), so the switch is one :func:`os.replace` per file, done back to back
once everything is staged. Before the first of them the manifest is replaced
(atomically) by one that says ``"complete": false``; the complete one replaces
it after the last. So at any moment the folder holds either a whole set whose
complete manifest matches every file, or a set that :func:`check_output_set`
reports as incomplete: readers and the next run trust only a complete
manifest.

A run holds an exclusive :func:`fcntl.flock` on ``OUT/.actors.lock`` while it
works (:func:`lock_output`): a second run on the same folder does not wait,
it stops at once with :class:`actors.errors.OutputLockedError`, which names
the folder and the other run's process id.

Each staging folder holds a lock of its own (``.lock`` inside it) while its
run lives. At its start a run removes the staging folders of dead runs (whose
process is gone, or whose lock nobody holds), and after a successful switch
it removes the files that the previous manifest listed and this run did not
write (a page of an earlier ``--coalition``); it never removes a file that no
manifest listed.

This protects the set against a killed process (SIGKILL, SIGTERM, Ctrl-C);
the files are not flushed to the disk (no fsync), so a power cut may still
lose the last run's files.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> writers = {out / "a.csv": lambda p: p.write_text("x\\n1\\n"), out / "sub" / "b.txt": lambda p: p.write_text("b")}
>>> [p.name for p in write_output_set(writers, out)]
['a.csv', 'b.txt']
>>> [f["name"] for f in read_manifest(out)["files"]], check_output_set(out)
(['a.csv', 'sub/b.txt'], [])
>>> (out / "a.csv").write_text("changed")
7
>>> check_output_set(out)
['a.csv: 7 bytes, the manifest says 4']
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

__all__ = ["LOCK_FILE", "MANIFEST", "STAGING_PREFIX", "check_output_set", "lock_output", "read_manifest",
           "remove_dead_staging", "write_output_set"]

MANIFEST = "manifest.json"
LOCK_FILE = ".actors.lock"
STAGING_PREFIX = ".staging-"
_FORMAT = "actors output set"
_VERSION = 1
_STAGING_RE = re.compile(r"^\.staging-(\d+)-[A-Za-z0-9_]+$")
_OLD_TEMP_RE = re.compile(r"^\.(.+)\.[a-z0-9_]{8}\.tmp$")  # the per-file temporary names of earlier versions
_STAGED_MANIFEST = ".manifest.json"  # the manifest's temporary name, inside the staging folder
_HELD: dict[str, int] = {}  # output folders whose lock this process holds: real path -> lock fd
_ACTIVE: set[str] = set()  # this process's staging folders


# -- the lock ------------------------------------------------------------------

@contextmanager
def lock_output(out_dir: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold the output folder's lock (creating the folder), or raise :class:`OutputLockedError` at once.

    Taken again by the process that holds it, it is a no-op, so a caller may
    lock early and :func:`write_output_set` still lock for itself.
    """
    from actors.errors import OutputLockedError

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(out)
    if key in _HELD:
        yield out
        return
    fd = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise OutputLockedError(
                f"{out}: another actors run (pid {holder or 'unknown'}) is writing to this folder; "
                "wait for it to finish, or give another --out", folder=str(out),
                pid=int(holder) if holder.isdigit() else None) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        _HELD[key] = fd
        try:
            yield out
        finally:
            del _HELD[key]
    finally:
        os.close(fd)  # releases the lock


# -- staging -------------------------------------------------------------------

def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_dead_staging(root: Path) -> list[Path]:
    """Remove the staging folders in ``root`` whose run is dead: its process is gone, or nobody holds its lock."""
    removed = []
    try:
        entries = list(os.scandir(root))
    except FileNotFoundError:
        return removed
    for entry in entries:
        m = _STAGING_RE.match(entry.name)
        if not m or not entry.is_dir(follow_symlinks=False) or os.path.realpath(entry.path) in _ACTIVE:
            continue
        fd = None
        if _pid_alive(int(m.group(1))):
            try:
                fd = os.open(os.path.join(entry.path, ".lock"), os.O_RDWR | os.O_CLOEXEC)
            except OSError:  # no lock yet: its run is starting
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # its run lives
                os.close(fd)
                continue
        try:  # dead: removed while its lock is held here, so no late owner writes into it meanwhile
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
        finally:
            if fd is not None:
                os.close(fd)
    return removed


class _Staging:
    """One staging folder in ``root``, locked while it lives, removed on leaving (whatever happened)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=root))
        self._key = os.path.realpath(self.dir)
        _ACTIVE.add(self._key)
        self._fd = os.open(self.dir / ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        self.staged: list[tuple[Path, Path]] = []  # (staged file, target)

    def __enter__(self) -> "_Staging":
        return self

    def __exit__(self, *exc) -> None:
        try:
            shutil.rmtree(self.dir, ignore_errors=True)
        finally:
            os.close(self._fd)
            _ACTIVE.discard(self._key)

    def write(self, writers: dict[Path, Callable[[Path], None]]) -> None:
        for path, write in writers.items():
            tmp = self.dir / Path(os.path.relpath(os.path.abspath(path), os.path.abspath(self.root)))
            tmp.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "xb"):  # a writer that writes nothing leaves an empty file, as before
                pass
            self.staged.append((tmp, path))
            write(tmp)

    def switch(self) -> None:
        """Move every staged file into place: one rename each, back to back."""
        for tmp, path in self.staged:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(tmp, path)
            except OSError as exc:  # name the output, not the staged file
                raise type(exc)(exc.errno, exc.strerror, str(path)) from exc

    def replace_manifest(self, data: bytes) -> None:
        tmp = self.dir / _STAGED_MANIFEST
        tmp.write_bytes(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, self.root / MANIFEST)


def _umask() -> int:
    mask = os.umask(0o022)  # the umask can only be read by setting it: put it back at once
    os.umask(mask)
    return mask


def _refuse_folders(writers: dict) -> None:
    for path in writers:
        if Path(path).is_dir():  # refused before anything is written, with the user's own path
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))


def _switch(writers: dict[Path, Callable[[Path], None]]) -> list[Path]:
    """:func:`actors.output.write_all`: stage in one folder beside the targets, then rename; no manifest."""
    writers = {Path(p): w for p, w in writers.items()}
    if not writers:
        return []
    _refuse_folders(writers)
    root = Path(os.path.commonpath([os.path.abspath(p.parent) for p in writers]))
    root.mkdir(parents=True, exist_ok=True)
    remove_dead_staging(root)
    with _Staging(root) as staging:
        staging.write(writers)
        staging.switch()
    return list(writers)


# -- the manifest --------------------------------------------------------------

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _manifest_bytes(files: list[dict], *, complete: bool, stale: list[str] = ()) -> bytes:
    doc = {"format": _FORMAT, "version": _VERSION, "complete": complete, "files": files}
    if not complete:
        doc["stale"] = list(stale)  # the previous set's files this run removes once its own are in place
    return (json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=True) + "\n").encode("ascii")


def _listed_name(name: object) -> str | None:
    """A manifest's file name if it is a plain relative path inside the folder, else None (never followed)."""
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        return None
    p = PurePosixPath(name)
    if p.is_absolute() or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    if p.parts[0] in (MANIFEST, LOCK_FILE) or p.parts[0].startswith(STAGING_PREFIX):
        return None
    return name


def read_manifest(out_dir: str | os.PathLike[str]) -> dict | None:
    """The output folder's manifest as a dict, or None when it has none; ValueError if it is not one."""
    path = Path(out_dir) / MANIFEST
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise ValueError(f"{path}: not a manifest ({exc})") from None
    if not (isinstance(doc, dict) and doc.get("format") == _FORMAT and isinstance(doc.get("files"), list)
            and all(isinstance(f, dict) for f in doc["files"])):
        raise ValueError(f"{path}: not an actors manifest")
    if doc.get("version") != _VERSION:
        raise ValueError(f"{path}: manifest version {doc.get('version')!r}, this library reads {_VERSION}")
    return doc


def check_output_set(out_dir: str | os.PathLike[str]) -> list[str]:
    """What is wrong with the output set in ``out_dir``: an empty list means whole and consistent.

    The manifest must exist, be complete, and match every file it lists by
    size and sha256. Files it does not list (a user's own) are not looked at.
    """
    out = Path(out_dir)
    try:
        doc = read_manifest(out)
    except ValueError as exc:
        return [str(exc)]
    if doc is None:
        return [f"{out}: no {MANIFEST}: not a complete output set"]
    problems = []
    if doc.get("complete") is not True:
        problems.append(f"{MANIFEST}: incomplete: the run that wrote it was stopped while moving its files in")
    for entry in doc["files"]:
        name = _listed_name(entry.get("name"))
        if name is None:
            problems.append(f"{MANIFEST}: a file name that is not inside the folder: {entry.get('name')!r}")
            continue
        path = out / name
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            problems.append(f"{name}: missing")
            continue
        if size != entry.get("size"):
            problems.append(f"{name}: {size} bytes, the manifest says {entry.get('size')}")
        elif _sha256(path) != entry.get("sha256"):
            problems.append(f"{name}: its sha256 differs from the manifest's")
    return problems


def _previous_names(out: Path) -> set[str]:
    """Every file name the folder's manifest lists (a set being switched: its files and its stale ones)."""
    try:
        doc = read_manifest(out)
    except ValueError:  # not ours to interpret: nothing is removed on its word
        return set()
    if doc is None:
        return set()
    names = [f.get("name") for f in doc["files"]]
    if doc.get("complete") is not True and isinstance(doc.get("stale"), list):
        names += doc["stale"]
    return {n for n in map(_listed_name, names) if n is not None}


def _remove_old_temp_files(out: Path, names: set[str]) -> None:
    """Temporary files that earlier versions left beside an output of this set (``.edges.csv.k3j_x9a2.tmp``)."""
    folders: dict[str, set[str]] = {}
    for name in names:
        folder, _, base = name.rpartition("/")
        folders.setdefault(folder, set()).add(base)
    for folder, bases in folders.items():
        try:
            entries = list(os.scandir(out / folder))
        except OSError:
            continue
        for entry in entries:
            m = _OLD_TEMP_RE.match(entry.name)
            if m and m.group(1) in bases and entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)


def write_output_set(writers: dict[Path, Callable[[Path], None]], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write a whole output set into ``out_dir`` (every target must be inside it); the module notes say how.

    ``writers`` maps each target path to a function that writes the file at
    the path it is given (the staged one). Takes the folder's lock unless this
    process holds it (:class:`actors.errors.OutputLockedError` if another
    does). On any error, or a KeyboardInterrupt, nothing of the previous set
    has been replaced unless the switch itself had begun, and the staging
    folder is removed. Returns the targets, in the order given.
    """
    out = Path(out_dir)
    writers = {Path(p): w for p, w in writers.items()}
    names = {}
    for path in writers:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(out))
        name = _listed_name(PurePosixPath(Path(rel)).as_posix())
        if name is None:
            raise ValueError(f"{path}: not a file inside the output folder {out}")
        names[path] = name
    _refuse_folders(writers)
    with lock_output(out):
        remove_dead_staging(out)
        _remove_old_temp_files(out, set(names.values()))
        previous = _previous_names(out)
        with _Staging(out) as staging:
            staging.write(writers)
            files = sorted(({"name": names[path], "size": tmp.stat().st_size, "sha256": _sha256(tmp)}
                            for tmp, path in staging.staged), key=lambda f: f["name"])
            stale = sorted(previous - set(names.values()))
            staging.replace_manifest(_manifest_bytes(files, complete=False, stale=stale))
            staging.switch()
            for name in stale:
                path = out / name
                if path.is_symlink() or path.is_file():
                    path.unlink(missing_ok=True)
            staging.replace_manifest(_manifest_bytes(files, complete=True))
    return list(writers)
