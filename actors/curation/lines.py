"""Line numbers in an overrides file: of its ``[[op]]`` headers and of the keys inside them.

tomllib gives none, so problems could not name a line without this; multi-line
strings are tracked so their contents are never taken for headers or keys.
"""

from __future__ import annotations

import re

__all__: list[str] = []

_HEADER_RE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]\s*(?:#.*)?$")
_TABLE_RE = re.compile(r"^\s*\[")


class _Lines:
    """Line numbers of array-of-table headers and of keys inside them (tomllib gives none).

    Lines are split at LF only, as TOML counts them (U+2028 may sit in a
    comment); lines inside a multi-line string are never taken for headers,
    keys or the end of a table.
    """

    def __init__(self, text: str):
        self.lines = [line.removesuffix("\r") for line in text.split("\n")]
        self.offsets = [0]
        for line in text.split("\n"):
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.quoted: list[bool] = []  # does line n (0-based) start inside a multi-line string?
        inside: str | None = None
        for line in self.lines:
            self.quoted.append(inside is not None)
            inside = _string_state(line, inside)
        self.headers: dict[str, list[int]] = {}
        for n, line in enumerate(self.lines, 1):
            hit = None if self.quoted[n - 1] else _HEADER_RE.match(line)
            if hit:
                self.headers.setdefault(hit.group(1), []).append(n)

    def header(self, op: str, index: int) -> int:
        found = self.headers.get(op, [])
        return found[index] if index < len(found) else 0

    def end(self, header: int) -> int:
        """The last line of the table opened at ``header``."""
        n = header
        while n < len(self.lines) and (self.quoted[n] or not _TABLE_RE.match(self.lines[n])):
            n += 1
        while n > header and not self.lines[n - 1].strip():
            n -= 1
        return n

    def key(self, header: int, key: str) -> int:
        if not header:
            return 0
        pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=")
        for n in range(header + 1, self.end(header) + 1):
            if not self.quoted[n - 1] and pattern.match(self.lines[n - 1]):
                return n
        return header

    def span(self, header: int) -> tuple[int, int]:
        if not header:
            return (0, 0)
        return (self.offsets[header - 1], min(self.offsets[self.end(header)], self.offsets[-1] - 1))


def _string_state(line: str, inside: str | None) -> str | None:
    """Which multi-line string (\"\"\" or \'\'\') is open after ``line``, given the one open before it."""
    i = 0
    while i < len(line):
        if inside is not None:
            end = line.find(inside, i)
            while end > 0 and inside == '"""' and _escaped(line, end):
                end = line.find(inside, end + 1)
            if end < 0:
                return inside
            i, inside = end + 3, None
            continue
        ch = line[i]
        if ch == "#":
            return None
        if line.startswith(('"""', "'''"), i):
            inside, i = line[i:i + 3], i + 3
        elif ch in "\"'":  # a one-line string: skip to its end
            j = i + 1
            while j < len(line) and (line[j] != ch or (ch == '"' and _escaped(line, j))):
                j += 1
            i = j + 1
        else:
            i += 1
    return inside


def _escaped(line: str, at: int) -> bool:
    n = 0
    while at - n - 1 >= 0 and line[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1
