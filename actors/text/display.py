"""Document text made safe to display: bidirectional controls isolated, never obeyed outside it.

A right-to-left override (U+202E) in a sentence reverses everything after it
on the line where it is shown, up to the next paragraph: in report.md and in
the pages it would turn the report's own words around (and could make text
read differently from what it is). :func:`isolate_bidi` is the rule for
display, applied to evidence, claimants and document names in ``report.md``
and the HTML pages; the data (CSV, Parquet, the graph exports) keeps the text
exactly as the file has it.

The rule: text with no bidirectional control is returned unchanged. Other
text is wrapped in a first-strong isolate (U+2068 ... U+2069), every
embedding, override or isolate it opens is closed before the end (U+202C,
U+2069), and the overrides themselves (U+202D, U+202E), which no prose needs
to display, are shown as visible marks ("[U+202E]") instead of being obeyed.

>>> isolate_bidi("MNLA attacked")
'MNLA attacked'
>>> isolate_bidi("abc\\u202edef") == "\\u2068abc[U+202E]def\\u2069"
True
>>> isolate_bidi("x\\u202bשלום") == "\\u2068x\\u202bשלום\\u202c\\u2069"
True
"""

from __future__ import annotations

import re

__all__ = ["isolate_bidi"]

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_OVERRIDES = {"\u202d": "[U+202D]", "\u202e": "[U+202E]"}
_EMBED_OPEN = "\u202a\u202b"  # LRE, RLE (closed by PDF U+202C)
_ISOLATE_OPEN = "\u2066\u2067\u2068"  # LRI, RLI, FSI (closed by PDI U+2069)


def isolate_bidi(text: str) -> str:
    """``text`` for display: bidirectional controls confined to it (see the module notes)."""
    if text.isascii() or _BIDI.search(text) is None:
        return text
    out: list[str] = []
    embeds = isolates = 0
    for ch in text:
        if ch in _OVERRIDES:
            out.append(_OVERRIDES[ch])
            continue
        if ch in _EMBED_OPEN:
            embeds += 1
        elif ch == "\u202c":
            if not embeds:
                continue  # closes nothing of this text: dropped, so it cannot close the page's own
            embeds -= 1
        elif ch in _ISOLATE_OPEN:
            isolates += 1
        elif ch == "\u2069":
            if not isolates:
                continue
            isolates -= 1
        out.append(ch)
    return "\u2068" + "".join(out) + "\u202c" * embeds + "\u2069" * isolates + "\u2069"
