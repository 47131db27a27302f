"""Validation of the data files' aliases and cue forms, and of an empty or truncated dictionary (issue 17, points 4, 15).

Before: "the", "a" and "." were accepted as aliases (in actors.toml, "the" and
"a" added 47 wrong edges), a cue form "(" made "Islamic State (ISGS)" a fight,
and an empty actors.toml surfaced as "--coalition: unknown actor 'jnim'".
Every message names the file, the entry and the line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from actors.curation import extend_dictionary, parse_curation
from actors.errors import DataFileError
from actors.extract.cues import load_cues
from actors.extract.data_checks import alias_problem, form_problem
from actors.extract.dictionary import load_dictionary

DATA = Path(__file__).resolve().parents[2] / "actors" / "data"


@pytest.mark.parametrize("alias, why", [("the", "stop word"), ("a", "stop word"), ("The", "stop word"),
                                        ("of the", "only stop words"), (".", "bare punctuation"),
                                        ("(", "bare punctuation"), ("--", "bare punctuation"),
                                        ("x", "shorter than 2"), ("é", "shorter than 2")])
def test_bad_aliases(alias: str, why: str) -> None:
    assert why in alias_problem(alias)


@pytest.mark.parametrize("alias", ["MNLA", "X", "Ansar Dine", "al-Qaeda", "AQIM", "G5"])
def test_good_aliases(alias: str) -> None:
    assert alias_problem(alias) == ""


def test_an_exact_acronym_may_be_a_word() -> None:
    assert alias_problem("US", exact=True) == "" and alias_problem("US") != ""


def _dictionary_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (DATA / "actors.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "actors.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copy(DATA / "states.toml", tmp_path / "states.toml")
    return tmp_path / "actors.toml"


@pytest.mark.parametrize("bad", ['"the"', '"a"', '"."', '"x"'])
def test_actors_toml_refuses_a_bad_alias_with_file_entry_and_line(tmp_path, bad: str) -> None:
    text = (DATA / "actors.toml").read_text(encoding="utf-8")
    first = re.search(r"^aliases = \[", text, re.M)
    path = _dictionary_with(tmp_path, first.group(), f"aliases = [{bad}, ")
    with pytest.raises(DataFileError) as err:
        load_dictionary(path)
    header = text.count("\n", 0, text.rfind("[[actor]]", 0, first.start())) + 1
    msg = str(err.value)
    assert msg.startswith(f"{path}: actor #1 (id ") and f"alias {bad.strip(chr(34))!r}" in msg
    assert msg.endswith(f"expected a name (line {header})")


def test_states_toml_is_checked_too(tmp_path) -> None:
    path = _dictionary_with(tmp_path, "[[actor]]", "[[actor]]")
    states = (tmp_path / "states.toml").read_text(encoding="utf-8")
    hit = re.search(r"^aliases = \[", states, re.M)
    (tmp_path / "states.toml").write_text(states[:hit.start()] + 'aliases = ["the", ' + states[hit.end():])
    with pytest.raises(DataFileError, match=r"states\.toml: actor #\d+ \(id '[a-z-]+'\): alias 'the' is a stop word; "
                                            r"expected a name \(line \d+\)"):
        load_dictionary(path)


def test_the_packaged_data_is_valid() -> None:
    d = load_dictionary()
    load_cues()
    for a in d.actors:
        for field in ("aliases", "demonyms", "country_names", "prefixes"):
            assert all(alias_problem(s) == "" for s in getattr(a, field)), a.id


def test_a_punctuation_cue_form_is_refused_with_its_line(tmp_path) -> None:
    text = (DATA / "cues.toml").read_text(encoding="utf-8")
    hit = re.search(r"^forms = \[", text, re.M)
    (tmp_path / "cues.toml").write_text(text[:hit.start()] + 'forms = ["(", ' + text[hit.end():], encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_cues(tmp_path / "cues.toml")
    line = text.count("\n", 0, text.rfind("[[", 0, hit.start())) + 1
    assert re.match(rf".*cues\.toml: \[\[(cue|status)\]\] #1 \(id '[^']+'\) at line {line}: form '\(' is bare "
                    "punctuation", str(err.value))
    assert form_problem("took part in") == ""


@pytest.mark.parametrize("entry, expected", [
    ('[[alias]]\nid = "a"\nactor = "MNLA"\naliases = ["the"]\nreason = "r"\n', "alias 'the' is a stop word"),
    ('[[alias]]\nid = "a"\nactor = "MNLA"\naliases = ["."]\nreason = "r"\n', "alias '.' is bare punctuation"),
    ('[[actor]]\nid = "new-one"\nname = "New One"\nkind = "militia"\naliases = ["a"]\nreason = "r"\n',
     "alias 'a' is a stop word"),
    ('[[actor]]\nid = "new-one"\nname = "New One"\nkind = "militia"\naliases = ["q"]\nreason = "r"\n',
     "alias 'q' is shorter than 2 characters"),
])
def test_overrides_refuse_bad_aliases_with_line(entry: str, expected: str) -> None:
    cur = parse_curation("# analyst's file\n\n" + entry, "o.toml")
    d, rows, problems = extend_dictionary(load_dictionary(), cur)
    (p,) = problems
    assert p.path == "o.toml" and p.where.startswith("line 3 ([[") and expected in p.what
    assert rows[0]["applied"] == "no"
    assert d.lookup("the") is None and d.lookup("a") is None


def test_an_empty_dictionary_says_so(tmp_path) -> None:
    (tmp_path / "actors.toml").write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"actors\.toml: top level: no \[\[actor\]\] entry: the actor dictionary "
                                            r"is empty or truncated"):
        load_dictionary(tmp_path / "actors.toml")


def test_a_truncated_dictionary_is_named_not_the_coalition(tmp_path, monkeypatch, capsys) -> None:
    import actors.extract.dictionary as dictionary
    from actors.cli import main

    text = (DATA / "actors.toml").read_text(encoding="utf-8")
    cut = text.index("[[actor]]", len(text) // 3)  # truncated at an entry: still valid TOML, no JNIM
    (tmp_path / "actors.toml").write_text(text[:cut], encoding="utf-8")
    shutil.copy(DATA / "states.toml", tmp_path / "states.toml")
    monkeypatch.setattr(dictionary, "_default_path", lambda: tmp_path / "actors.toml")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n")
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "-q", "--figure-workers", "0"]) == 2
    err = capsys.readouterr().err
    assert "bad data file" in err and "has no actor 'jnim'" in err and "truncated" in err
    assert "--coalition: unknown actor" not in err
