"""Wording of short event notes, digests and fresh news (issue 13, milestones M and N): the forces a note
names without a demonym ("national guard", a bare "army", "army patrol") belong to its document's or
section's one country when the sentence names no state; a companion of the clause's subject takes part in
its campaign; a group's affiliate is another group; and the other wordings of the fresh sets.

Every sentence is made up about a generic situation; the actors are the packaged dictionary's.
"""

from __future__ import annotations

import named_edges
import pytest
from actors.extract.pipeline import extract
from actors.text.documents import parse_document
from named_edges import ally, fight, member

named = named_edges.sentence_named


def _doc_named(extractor, text):
    x = extract([parse_document("d.txt", text)], extractor=extractor)
    return named_edges.named(extractor, x.edges)


HOSTED = [
    # a country heading (the note's title): its forces, named without a demonym
    ("Niger\n\nSuspected ISGS militants 6 Nov attacked national guard position near Zibane.\n",
     {fight("isgs", "niger")}),
    ("Mali\n\nCMA 28 Aug accused army of launching airstrikes on CMA positions near Anefis.\n",
     {fight("mali", "cma")}),
    # a state named anywhere in the sentence leaves them unresolved: a foreign force's target in the host
    # country may be held by the host's enemies ("an air attack on the police station by French helicopters")
    ("Mali\n\nIn 2013 heavy fighting included an air attack on the police station by French helicopters.\n", set()),
    # and the soldiers a state named in the sentence sends are that state's, not the host's
    ("Niger\n\nLast year Chad dispatched soldiers to Niger and Cameroon to fight Boko Haram.\n",
     {fight("chad", "boko-haram"), ally("chad", "niger", "support"), ally("cameroon", "chad", "support")}),
    # the count of a subject's own losses is no state's forces
    ("Mali\n\nJNIM claimed the attack on 29 January, saying it lost four soldiers.\n", set()),
    ("Mali\n\nOn 2 June 2025, JNIM said it launched another attack in Timbuktu, targeting military positions.\n",
     {fight("jnim", "mali")}),
    # what happened in several other states' places is not the host's ("attacks in Burkina Faso, Mali and Niger")
    ("Togo\n\nIn 2024 JNIM also claimed attacks in Burkina Faso, Mali and Niger, saying it killed 22 troops.\n", set()),
    # an army "of" something, or "an army", is no state's forces
    ("Niger\n\nThe group raised an army of volunteers near Diffa.\n", set()),
]


@pytest.mark.parametrize("text,expected", HOSTED)
def test_a_notes_unnamed_forces_are_its_countrys(extractor, text, expected):
    assert _doc_named(extractor, text) == expected


SENTENCES = [
    # a companion of the subject takes part in the campaign the clause names
    ("In 2016 Niger conducted joint patrols with Chad in the fight against Boko Haram.",
     {fight("niger", "boko-haram"), fight("chad", "boko-haram"), ally("chad", "niger", "joint-action")}),
    # but a name that modifies a noun is no companion
    ("In 2016 Niger shared intelligence with LCBC member countries in the fight against Boko Haram.",
     {fight("niger", "boko-haram")}),
    ("On 12 December 2019, infighting between JNIM and the ISGS left fifteen dead near N'Daki.",
     {fight("jnim", "isgs")}),
    # a listed subject and its companions all take part ("A and B are engaged alongside C and D in the battle")
    ("Mali and Niger are engaged alongside Chad in the battle against the ISGS.",
     {fight("mali", "isgs"), fight("niger", "isgs"), fight("chad", "isgs"), ally("mali", "niger", "joint-action"),
      ally("chad", "mali", "joint-action"), ally("chad", "niger", "joint-action")}),
    # the subject of "a roadside bomb that killed" is the bomb, not a name further back
    ("The first attack killed 53 Malian soldiers, and the second was a roadside bomb that killed one French "
     "soldier.", set()),
    ("JNIM planted a roadside bomb that killed one French soldier.", {fight("jnim", "france")}),
    # several who form an alliance together are allied; one who swore allegiance is an affiliate
    ("In January 2015 Chad, Niger and Cameroon formed a military alliance.",
     {ally("chad", "niger", "alliance"), ally("cameroon", "chad", "alliance"), ally("cameroon", "niger", "alliance")}),
    ("JNIM has sworn allegiance to al-Qaeda.", {member("jnim", "al-qaeda", "affiliate")}),
    # those who launch a joint force do what it is launched to do
    ("In 2017 Mali and Niger launched a joint force to fight JNIM.",
     {ally("mali", "niger", "alliance"), fight("mali", "jnim"), fight("niger", "jnim")}),
    # a possessive description then a comma list is a list (of founders), not an apposition: al-Murabitoun is
    # no branch of AQIM here (the founders after a possessive are not read yet)
    ("JNIM is the umbrella group formed by AQIM's Sahara branch, al-Murabitoun, Ansar Dine and the Macina "
     "Liberation Front.", set()),
    # an object owned by the accuser, after a count ("one of its drones"): the accuser was attacked
    ("On 7 April 2025 Mali accused Algeria of shooting down one of its surveillance drones.", {fight("algeria", "mali")}),
    # places one side took, "some of which were recaptured by" the other: the other fought the first
    ("In 2014 Boko Haram captured dozens of towns, many of which were retaken by the Nigerian army in 2015.",
     {fight("nigeria", "boko-haram")}),
    ("In 2014 Boko Haram attacked dozens of towns, many of which were retaken by the Nigerian army in 2015.", set()),
    # the one a device hit killed no one: the participle after it names victims, not its agent
    ("In 2019 a MINUSMA convoy hit a mine near Aguelhok, killing two Chadian peacekeepers.",
     {member("chad", "minusma", "contingent")}),
    ("In 2020 ISWAP, an off-shoot of Boko Haram, intensified its attacks.", {("iswap", "split-from", "boko-haram", "")}),
    # a named group's affiliate, offshoot or splinter is another group: it, unnamed, acts (and claims)
    ("In 2018 an al-Qaeda affiliate attacked Malian soldiers near Boni.", set()),
    ("In 2018 a Boko Haram splinter group attacked Nigerien soldiers near Diffa.", set()),
    ("In 2018 an ISIS offshoot group claimed it carried out the attack that killed four U.S. troops.", set()),
    ("In 2018 the al-Qaeda affiliate JNIM attacked Malian soldiers near Boni.",
     {fight("jnim", "mali"), member("jnim", "al-qaeda", "affiliate")}),
    # but "assisting in a search for" someone is no help to them
    ("In 2017 the joint U.S.-Niger patrol was assisting in a search for a senior Islamic State member.", set()),
    # links held by an unnamed object ("operations against insurgencies with links to al-Qaeda") are not the
    # subject's; a successor that "took over from" another did not fight it; "allied to A and B" allies no A to B
    ("In 2023 Mali and Niger are conducting operations against Islamist insurgencies with links to al Qaeda.",
     set()),
    ("In 2015 JNIM, with links to al-Qaeda, attacked Malian soldiers.",
     {fight("jnim", "mali"), ally("al-qaeda", "jnim", "link")}),
    ("In June 2025 Africa Corps took over from the Wagner forces in Mali.", set()),
    ("In 2015 Ansar Dine was allied to AQIM and the Macina Liberation Front.",
     {ally("ansar-dine", "aqim", "alliance"), ally("ansar-dine", "katiba-macina", "alliance")}),
    # a participle after "by" describes the agent ("attacked by heavily armed Boko Haram elements"): no support
    ("Niger\n\nIn 2020 the military base was attacked by heavily armed Boko Haram elements.",
     {fight("boko-haram", "niger")}),
    # the target of "Sunday's attack on X" did not do the killing that follows
    ("In 2016 JNIM claimed Sunday's attack on a Malian army camp near Gao, killing ten Chadian soldiers.",
     {fight("jnim", "mali"), fight("jnim", "chad")}),
    ("In 2012 Ansar Dine benefits from the support of AQIM.", {ally("ansar-dine", "aqim", "support")}),
    ("In 2015 Chad has long been a major military ally of Nigeria.", {ally("chad", "nigeria", "alliance")}),
    ("In 2017 GATIA (part of the Platform) attacked the CMA.",
     {fight("gatia", "cma"), member("gatia", "platform", "member")}),
    ("In 2022 JNIM, a subsidiary of al-Qaeda, admitted being behind ten attacks.",
     {member("jnim", "al-qaeda", "affiliate")}),
    ("On 14 September 2022 JNIM confirmed its responsibility for an attack against a Malian army convoy.",
     {fight("jnim", "mali")}),
    # "an attack on X claimed by Y": Y attacked X, by its own claim
    ("In 2016 two soldiers died in an attack on a MINUSMA base claimed by militant group Ansar Dine.",
     {fight("ansar-dine", "minusma")}),
    # a pact signed "in June 2015 between" its parties
    ("A peace agreement was signed in June 2015 between the Malian government, the CMA and the Platform.",
     {ally("cma", "mali", "alliance"), ally("mali", "platform", "alliance"), ally("cma", "platform", "alliance")}),
    ("In 2011 Mauritanian troops backed by Malian foot soldiers invaded the Wagadou forest.",
     {ally("mali", "mauritania", "support")}),
    # a departure asked for is no backing; who asked is no target; a body founded again is founded
    ("In December 2023 MINUSMA pulled out of the country at the request of Mali's transitional authorities.", set()),
    ("In 2013 France launched operations in Mali at the request of the Malian government.",
     {ally("france", "mali", "support")}),
    ("The four West African nations and Benin reconstituted the force in 2015 to fight Boko Haram.", set()),
    # a count before a cue makes it a noun: "raids blamed on X" were X's, not the subject's verb
    ("UN monitors recorded 40 civilian casualties in 24 raids blamed on Boko Haram near Diffa.", set()),
]

DATED = [
    # a date in a later clause about something else does not date the cue's relation: undated, not invented
    ("Chad is engaged alongside Niger in the battle against Boko Haram, which first crossed into Niger in 2015.",
     ""),
    ("In 2015 Chad was engaged alongside Niger in the battle against Boko Haram.", "2015"),
    # a present perfect with no date of its own happened some time before the year in force, not in it
    ("In 2021 the report was published. JNIM has pledged allegiance to al-Qaeda.", ""),
    ("In 2021 JNIM has pledged allegiance to al-Qaeda.", "2021"),
]


@pytest.mark.parametrize("text,date", DATED)
def test_a_later_clauses_date_is_not_the_relations(extractor, text, date):
    rows = named_edges.sentence_edges(extractor, text)
    assert rows and {e["date"] for e in rows} == {date}


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_wording(extractor, text, expected):
    assert named(extractor, text) == expected
