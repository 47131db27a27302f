"""Edge sets of invented sentences, written the way the wording tests compare them."""

from __future__ import annotations

__all__ = ["named", "sentence_edges", "sentence_named", "fight", "ally", "member"]

# an opening paragraph that puts a year in force, so that an invented sentence is dated
_OPENING = "In 2019 the war went on.\n\n"


def named(extractor, edges: list[dict]) -> set[tuple]:
    """(source, relation, target, kind) between named actors; symmetric pairs sorted."""
    generic = {a.id for a in extractor.dictionary.generics()}
    out = set()
    for e in edges:
        s, t, r = e["source"], e["target"], e["relation"]
        if s in generic or t in generic:
            continue
        if r in ("fought-against", "allied-with"):
            s, t = sorted((s, t))
        out.add((s, r, t, e["relation_kind"]))
    return out


def fight(a, b):
    x, y = sorted((a, b))
    return (x, "fought-against", y, "")


def ally(a, b, kind):
    x, y = sorted((a, b))
    return (x, "allied-with", y, kind)


def member(part, whole, kind):
    return (part, "member-of", whole, kind)


def sentence_edges(extractor, text: str) -> list[dict]:
    """The edges of one invented paragraph, after an opening that puts 2019 in force."""
    from actors.extract.pipeline import extract
    from actors.text.documents import parse_document

    return extract([parse_document("t.txt", _OPENING + text + "\n")], extractor=extractor).edges


def sentence_named(extractor, text: str) -> set[tuple]:
    """:func:`named` of :func:`sentence_edges`."""
    return named(extractor, sentence_edges(extractor, text))
