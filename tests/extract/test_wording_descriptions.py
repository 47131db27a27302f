"""Wording of real reporting (issue 13): descriptions that tie a noun, not a named actor, to a
group ("a leader linked to al-Qaeda", "a group linked to al-Qaeda", "an Islamic State
affiliate"), a name owned by another ("al-Qaeda's JNIM"), campaigns told of several subjects
("continued to attack", "are battling"), a state's forces beside unnamed others ("Malian and
international forces"), and the names US government reports give the Islamic State's Sahel and
West Africa branches.

Every sentence is made up about a generic situation; the actors are the packaged
dictionary's. Each case lists every relation between named actors the sentence should
give (symmetric relations as sorted pairs), with its kind: nothing more, nothing less.
"""

from __future__ import annotations

import named_edges
import pytest
from named_edges import ally, fight, member

named = named_edges.sentence_named


CASES = [
    # a participle of description after a common noun describes that noun
    ("A French offensive killed a jihadist leader linked to AQIM.", set()),
    ("Niger is battling movements linked to AQIM and the Islamic State.", set()),
    ("Militants from al-Qaeda and groups affiliated with the Islamic State attacked Niger's army.",
     {fight("al-qaeda", "niger")}),
    # ... after a name, a name's fighters, a comma or a verb it describes the name
    ("Ansar Dine, linked to AQIM, took Kidal.", {ally("ansar-dine", "aqim", "link")}),
    ("JNIM fighters linked to al-Qaeda attacked Boni.", {ally("jnim", "al-qaeda", "link")}),
    ("JNIM is closely linked to al-Qaeda.", {ally("jnim", "al-qaeda", "link")}),
    # two tied to one subject are not tied to each other
    ("The ISGS was linked to AQIM and the Islamic State.",
     {ally("isgs", "aqim", "link"), ally("isgs", "islamic-state", "link")}),
    # an organisation linked to X is another organisation than X
    ("Malian soldiers were killed in a clash with militants, in an attack claimed by a group linked to al-Qaeda.",
     set()),
    ("An Islamic State affiliate claimed responsibility for an attack that killed American soldiers.", set()),
    ("An al-Qaeda affiliate attacked Malian soldiers near Boulkessi.", set()),
    ("The al-Qaeda affiliate JNIM attacked Malian soldiers.",
     {fight("jnim", "mali"), member("jnim", "al-qaeda", "affiliate")}),
    # a name owned by another: the name is the party, not its owner
    ("ISGS fighters clashed with al-Qaeda's JNIM near Talataye.",
     {fight("isgs", "jnim"), member("jnim", "al-qaeda", "member")}),
    # subjects who clash with a third are one side, whatever adjective stands before it
    ("French and Malian soldiers clashed with black-robed Islamist fighters in Gao.",
     {ally("france", "mali", "joint-action")}),
    ("The MNLA and GATIA clashed near Tabankort.", {fight("mnla", "gatia")}),
    # a campaign of several subjects is no joint action; one attack together is
    ("JNIM and the ISGS continued to conduct attacks, targeting Malian and international forces.",
     {fight("jnim", "mali"), fight("isgs", "mali")}),
    ("Niger and Chad are battling Boko Haram.", {fight("niger", "boko-haram"), fight("chad", "boko-haram")}),
    ("JNIM and the CPA attacked the base at Ber.", {ally("cpa", "jnim", "joint-action")}),
    # a state's forces beside others left unnamed
    ("JNIM attacked Malian and foreign troops near Boni.", {fight("jnim", "mali")}),
    # names of US government reports
    ("ISIS-GS attacked Nigerien soldiers near Tongo Tongo.", {fight("isgs", "niger")}),
    ("ISIS-West Africa attacked Chadian soldiers.", {fight("iswap", "chad")}),
    ("Niger is a member of the Global Coalition to Defeat ISIS.",
     {member("niger", "global-coalition-to-defeat-isis", "member")}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_descriptions_and_campaigns(extractor, text, expected):
    assert named(extractor, text) == expected
