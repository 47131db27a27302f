"""Wording of real reporting (issue 13, section 3): named examples of a kind, appositions set off
by commas, a splinter listed with its parent, victims who died in an attack, witnesses of an
attack, the backing of an attack, a fight told after the main clause, and two sides "pitted" against
each other.

Every sentence is made up about a generic situation; the actors are the packaged dictionary's.
Each case lists every relation between named actors the sentence should give (symmetric
relations as sorted pairs), with its kind: nothing more, nothing less.
"""

from __future__ import annotations

import named_edges
import pytest
from actors.extract.pipeline import extract
from actors.text.documents import parse_document
from named_edges import ally, fight, member

named = named_edges.sentence_named

EXAMPLES = [
    # examples of a kind ("groups, including A and B") are no joint actors, but each acts
    ("Jihadist groups, including JNIM and the ISGS, attacked Malian forces near Menaka.",
     {fight("jnim", "mali"), fight("isgs", "mali")}),
    ("Armed groups such as JNIM and the ISGS killed hundreds of Burkinabe soldiers.",
     {fight("jnim", "burkina-faso"), fight("isgs", "burkina-faso")}),
    ("Several groups, notably JNIM and Ansarul Islam, ambushed the army of Burkina Faso.",
     {fight("jnim", "burkina-faso"), fight("ansarul-islam", "burkina-faso")}),
    # named together as one subject, they acted together; but two of rival families (al-Qaeda's and the
    # Islamic State's) only when the sentence says so
    ("JNIM and Ansar Dine attacked Malian forces near Menaka.",
     {fight("jnim", "mali"), fight("ansar-dine", "mali"), ally("ansar-dine", "jnim", "joint-action")}),
    ("JNIM and the ISGS attacked Malian forces near Menaka.", {fight("jnim", "mali"), fight("isgs", "mali")}),
    ("JNIM and the ISGS jointly attacked Malian forces near Menaka.",
     {fight("jnim", "mali"), fight("isgs", "mali"), ally("isgs", "jnim", "joint-action")}),
    # a "between" side named by its examples: the examples are that side, not a third
    ("The battle was fought between Malian forces and jihadist groups, including AQIM and Ansar Dine.",
     {fight("mali", "aqim"), fight("mali", "ansar-dine")}),
    ("The battle was fought between government forces of Mali, against groups of Islamist militants such as "
     "AQIM and Ansar Dine.", {fight("mali", "aqim"), fight("mali", "ansar-dine")}),
    ("Clashes between the MNLA and Islamist groups led by Ansar Dine killed ten.", {fight("mnla", "ansar-dine")}),
]

APPOSITIONS = [
    # a possessive description set off by commas, then the name
    ("Al-Qaeda's Sahel affiliate, JNIM, attacked Malian soldiers.",
     {fight("jnim", "mali"), member("jnim", "al-qaeda", "affiliate")}),
    ("The army blamed al-Qaeda's local affiliate, Jama'at Nusrat al-Islam wal Muslimeen (JNIM), for the raid.",
     {member("jnim", "al-qaeda", "affiliate")}),
    ("An al-Qaeda-affiliated group, JNIM, attacked Malian soldiers.",
     {fight("jnim", "mali"), member("jnim", "al-qaeda", "affiliate")}),
    # a comma that opens a list is no apposition
    ("An al-Qaeda-affiliated group, JNIM and Ansar Dine attacked Malian soldiers.",
     {fight("jnim", "mali"), fight("ansar-dine", "mali"), ally("ansar-dine", "jnim", "joint-action")}),
    # a splinter listed with its parent split from it, and both act
    ("Boko Haram and a splinter group, the Islamic State in West Africa, attacked Cameroonian soldiers.",
     {fight("boko-haram", "cameroon"), fight("iswap", "cameroon"), ally("boko-haram", "iswap", "joint-action"),
      ("iswap", "split-from", "boko-haram", "")}),
    ("Boko Haram and its offshoot, ISWAP, have been attacking Cameroonian soldiers.",
     {fight("boko-haram", "cameroon"), fight("iswap", "cameroon"), ("iswap", "split-from", "boko-haram", "")}),
]

SUBJECTS_AND_SPLINTERS = [
    # a gerund after "for" is done by the one the verb acted on
    ("MUJAO attacked the MNLA for siding with France.", {fight("mojwa", "mnla"), ally("france", "mnla", "alliance")}),
    # an apposition that is the first verb's object does not do the second
    ("Mali's military government has turned its back on its former colonial ruler, France, and has forged ties "
     "with Russia.", {ally("mali", "russia", "link")}),
    # a participle after the object of a verb no cue names is the verb's subject's
    ("JNIM controlled the Togo army barracks in Dapaong, killing six soldiers.", {fight("jnim", "togo")}),
    ("Boko Haram overran the barracks in Giwa, freeing hundreds of detainees.", set()),
    # a dissident or rival part split from the group
    ("Elements of Boko Haram and its dissident branch, ISWAP, have taken refuge on the islands.",
     {("iswap", "split-from", "boko-haram", "")}),
    ("The region was ravaged by Boko Haram and its rival offshoot, the Islamic State in West Africa.",
     {("iswap", "split-from", "boko-haram", "")}),
]

VICTIMS_AND_WITNESSES = [
    # victims who died in an attack named by its agent
    ("Eight Chadian soldiers died in a Boko Haram attack near the lake.", {fight("boko-haram", "chad")}),
    ("Eight Chadian soldiers perished in an ambush by JNIM.", {fight("jnim", "chad")}),
    # a speaker who confirms an attack is no attacker; one who claims it is
    ("A Malian security official confirmed an attack on Russian soldiers at a checkpoint.", set()),
    ("JNIM claimed an attack on Russian soldiers at a checkpoint.", {fight("jnim", "russia")}),
    # the backing of an attack is not the backing of its target
    ("Mauritanian forces launched an attack on AQIM positions, supported by French forces.",
     {fight("mauritania", "aqim")}),
    ("JNIM attacked Malian soldiers, supported by French forces.",
     {fight("jnim", "mali"), ally("france", "mali", "support")}),
]

SUBORDINATE_FIGHTS = [
    # a fight told in a phrase of time after the main clause is its subject's
    ("The Nigerian army regained control of its base after intense fighting with ISWAP.", {fight("nigeria", "iswap")}),
    ("Nigerian troops retook the base from Boko Haram after a fierce battle with ISWAP.",
     {fight("nigeria", "boko-haram"), fight("nigeria", "iswap")}),
    # a subject that does not open the sentence is not guessed
    ("The town fell to ISWAP after days of fighting with Boko Haram.", set()),
    # actors of the Lake Chad and Chad wars
    ("The Civilian JTF fought Boko Haram in Maiduguri.", {fight("boko-haram", "civilian-jtf")}),
    ("The UFR said it backed FACT.", {ally("fact", "ufr", "support")}),
]

CHRONOLOGIES = [
    # what a chronology says was attacked: a barracks, a police headquarters, a prison, a vehicle hit by a
    # device, placed by a town of one country
    ("Gunmen believed to be members of Boko Haram attacked a barracks on the outskirts of Abuja.",
     {fight("boko-haram", "nigeria")}),
    ("Boko Haram claims responsibility for an attack on Abuja police headquarters.", {fight("boko-haram", "nigeria")}),
    ("Boko Haram launches an attack on Bauchi prison.", {fight("boko-haram", "nigeria")}),
    ("A military vehicle hit an explosive device planted by ISWAP militants near Diffa.", {fight("iswap", "niger")}),
    ("Despite a fierce crackdown on Boko Haram by Nigerian security forces, violence has not abated.",
     {fight("nigeria", "boko-haram")}),
    # victims "killed in the attack" told in the sentence before: its attackers fought them
    ("Boko Haram attacked a military base near the border. Seven Nigerian soldiers and eight Chadian soldiers "
     "were killed in the attack.", {fight("boko-haram", "nigeria"), fight("boko-haram", "chad")}),
    # a state's "UN peacekeepers": its contingent of the mission of the period (MINUSMA in Mali, 2013-2023)
    ("A Nigerian UN peacekeeper was killed by JNIM in Timbuktu.",
     {fight("jnim", "nigeria"), fight("jnim", "minusma"), member("nigeria", "minusma", "contingent")}),
    # who authorised a force is not its sender; a state deploying its own is
    ("The UN Security Council authorised the deployment of an African-led military force to help defeat al-Qaeda.",
     set()),
    ("France announced the deployment of a force to fight AQIM.", {fight("france", "aqim")}),
    # a source phrase closed by a comma is no item of the subject after it
    ("According to the UN and a statement published by the US, Boko Haram is believed to have killed thousands.",
     set()),
]

PITTED = [
    ("The fighting pitted members of the pro-government group GATIA, a Tuareg self-defence group, against "
     "ex-rebels from the Coordination of Azawad Movements (CMA).", {fight("gatia", "cma")}),
    ("Clashes pitting GATIA and the MSA against the CMA killed ten.",
     {fight("gatia", "cma"), fight("msa", "cma"), ally("gatia", "msa", "joint-action")}),
    ("The CMA was pitted against GATIA near Anefis.", {fight("cma", "gatia")}),
    ("The war pitted neighbour against neighbour.", set()),
]


@pytest.mark.parametrize("text,expected", EXAMPLES + APPOSITIONS + SUBJECTS_AND_SPLINTERS + VICTIMS_AND_WITNESSES + SUBORDINATE_FIGHTS + CHRONOLOGIES + PITTED)
def test_wording(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_partner_named_as_such_keeps_the_narrators_status(extractor):
    # "their Russian allies" describes; "according to witnesses" hedges what they did, not who they are
    rows = named_edges.sentence_edges(
        extractor, "Malian soldiers and their Russian allies looted houses in Moura, according to witnesses.")
    assert {(e["source"], e["target"], e["status"]) for e in rows if e["relation"] == "allied-with"} == {
        ("mali", "russia", "reported")}


def test_a_country_heading_is_its_sections_host(extractor):
    # a monthly digest: the month as its title, then one section a country
    text = "January 2023\n\nNigeria\n\nGovt forces 23 Jan repelled ISWAP ambush near Komala village.\n"
    x = extract([parse_document("d.txt", text)], extractor=extractor)
    assert named_edges.named(extractor, x.edges) == {fight("iswap", "nigeria")}


def test_a_countrys_name_in_brackets_after_a_groups_is_no_belligerent(extractor):
    text = ("Battle of the Well\n\nInfobox\n- Date: 22 February 2013\n- Combatant1: MNLA\n"
            "- Combatant2: MOJWA, Ansar al-Sharia (Mali)\n\nThe battle was fought.\n")
    x = extract([parse_document("b.txt", text)], extractor=extractor)
    assert "mali" not in {a for e in x.edges for a in (e["source"], e["target"])}
