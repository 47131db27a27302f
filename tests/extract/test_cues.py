"""The cue file loader: valid data loads, bad data is refused with the place named."""

from __future__ import annotations

import pytest

from actors.extract.cues import FRAMES, load_cues
from actors.errors import DataFileError


def test_packaged_cues_cover_every_frame_and_relation():
    cues = load_cues()
    frames = {c.frame for entries in cues.relation_cues.values() for c in entries}
    relations = {c.kind for entries in cues.relation_cues.values() for c in entries}
    assert frames == set(FRAMES)
    assert relations == {"fought-against", "allied-with", "split-from", "member-of"}
    assert {c.kind for entries in cues.status_cues.values() for c in entries} == {"claimed", "alleged", "denied"}
    for needed in ("clause_breaks", "irrealis", "reciprocal", "absorbed_nouns", "non_party_nouns", "force_fillers"):
        assert cues.words(needed), needed


@pytest.mark.parametrize(
    "body, expected",
    [
        ('[[cue]]\nid = "x"\nrelation = "fought"\nframe = "transitive"\nforms = ["hit"]\n', "relation = 'fought'"),
        ('[[cue]]\nid = "x"\nrelation = "fought-against"\nframe = "sideways"\nforms = ["hit"]\n', "frame = 'sideways'"),
        ('[[cue]]\nid = "x"\nrelation = "fought-against"\nframe = "transitive"\nforms = []\n', "expected forms"),
        ('[[cue]]\nid = "x"\nrelation = "fought-against"\nframe = "transitive"\nforms = ["a"]\ncolour = 1\n', "unknown key"),
        ('[[cue]]\nid = "x"\nrelation = "fought-against"\nframe = "transitive"\nforms = ["a"]\n' * 2, "duplicate id"),
        ('[[status]]\nid = "s"\nstatus = "maybe"\nframe = "verb"\nforms = ["said"]\n', "status = 'maybe'"),
        ("[[cue]\nid = 1\n", "expected TOML"),
        ("colour = 1\n", "unknown top-level key"),
    ],
)
def test_bad_cue_files_name_file_entry_and_expectation(tmp_path, body, expected):
    path = tmp_path / "cues.toml"
    path.write_text(body)
    with pytest.raises(DataFileError) as err:
        load_cues(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_missing_cue_file(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        load_cues(tmp_path / "nope.toml")


def test_a_cue_file_without_a_required_word_list_is_refused(tmp_path):
    from importlib import resources

    text = resources.files("actors").joinpath("data/cues.toml").read_text(encoding="utf-8")
    cut = text.replace('id = "reciprocal"', 'id = "reciprocal_renamed"')
    path = tmp_path / "cues.toml"
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(DataFileError, match="missing .*reciprocal"):
        load_cues(path)
