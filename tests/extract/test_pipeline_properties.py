"""Property tests: extraction never fails on odd text, and every row traces back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.text.documents import parse_document
from actors.extract.pipeline import Extractor, extract
from actors.schema import PRECISIONS, RELATIONS, STATUSES

EXTRACTOR = Extractor.load()

WORDS = [
    "MNLA", "Ansar Dine", "MUJAO", "JNIM", "the Malian army", "French troops", "Mali", "in Mali",
    "attacked", "ambushed", "was attacked by", "clashed with", "backed by", "a splinter group of",
    "denied", "claimed", "alleged", "On 17 January", "In 2012", "31 February 2013", "the Islamists",
    "between", "and", ",", ".", ";", "(", ")", "[12]", "\n", "== Battle ==", "- Combatant1:", "Infobox",
    "Belligerents", "'s", "-linked", "the junta", "Nigerien MINUSMA peacekeepers", "which", "who",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60))
def test_extraction_never_fails_and_rows_trace_back(parts):
    text = " ".join(parts)
    x = extract([parse_document("p.txt", text)], extractor=EXTRACTOR)
    for e in x.edges:
        assert text[e["char_start"] : e["char_end"]] == e["evidence"]
        assert e["relation"] in RELATIONS and e["status"] in STATUSES
        assert e["date_precision"] in PRECISIONS
        assert e["source"] != e["target"]
        if e["status"] == "reported":
            assert not e["claimed_by"]
    ids = {ev["event_id"] for ev in x.events}
    assert {e["event_id"] for e in x.edges} <= ids
