"""More wording of real reporting (issue 13, section 3): partners named through a possessive,
descriptions inside a noun phrase, and a speaker who is the subject of what it says.

Every sentence is made up about a generic situation; the actors are the packaged
dictionary's. Each case lists every relation between named actors the sentence should
give (symmetric relations as sorted pairs), with its kind: nothing more, nothing less.
"""

from __future__ import annotations

import named_edges
import pytest
from named_edges import ally, fight, member

edges = named_edges.sentence_edges
named = named_edges.sentence_named


PARTNERS = [
    # the possessive's owner is the actor named just before it
    ("The Malian army and its ally, the Wagner Group, lost the camp.", {ally("mali", "wagner", "alliance")}),
    ("Rebels ambushed Malian soldiers and their Russian collaborators near the border.",
     {ally("mali", "russia", "alliance")}),
    ("JNIM ambushed Malian soldiers and their Russian collaborators near the border.",
     {ally("mali", "russia", "alliance"), fight("jnim", "mali"), fight("jnim", "russia")}),
    # the partners are listed with Mali: all three attacked, together (the event's kind before the standing one)
    ("Mali and its partners, France and Chad, attacked AQIM.",
     {ally("mali", "france", "joint-action"), ally("mali", "chad", "joint-action"), ally("chad", "france", "joint-action"),
      fight("aqim", "france"), fight("aqim", "chad"), fight("aqim", "mali")}),
    ("Malian troops backed by their African and French allies pushed north.", {ally("france", "mali", "support")}),
    # a possessed counterpart with no name is nobody; a generic owner is no one to ally with
    ("The Malian army and its allies pushed north.", set()),
    ("JNIM and its allies attacked a camp of the Malian army.", {fight("jnim", "mali")}),
    ("The army and its French allies pushed north.", set()),
    # a country's allies are other actors, never the country itself
    ("Mali's allies pushed north.", set()),
]


@pytest.mark.parametrize("text,expected", PARTNERS)
def test_partners_named_through_a_possessive(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_partner_named_through_a_possessive_is_a_standing_relation(extractor):
    (e,) = [e for e in edges(extractor, "In 2023 the Malian army and its ally, the Wagner Group, lost Bourem.")
            if e["relation"] == "allied-with"]
    assert (e["date"], e["date_latest"][:4]) == ("", "2023")


DESCRIPTIONS = [
    ("In 2020 the Islamic State blamed al-Qaeda's Sahel affiliate JNIM for attacking ISGS positions.",
     {member("jnim", "al-qaeda", "affiliate"), fight("isgs", "jnim")}),
    ("French forces killed fighters of the IS-affiliated ISGS.",
     {member("isgs", "islamic-state", "affiliate"), fight("france", "isgs")}),
    # "is" the verb is never the Islamic State
    ("The ISGS is active in Niger. IS IS ACTIVE.", set()),
    # an apposition's possessor is not a second claimant acting with the first
    ("AQIM, al-Qaeda's North Africa branch, claimed the attack on Malian soldiers.",
     {member("aqim", "al-qaeda", "affiliate"), fight("aqim", "mali")}),
    ("Al-Mourabitoun claimed responsibility along with AQIM, al-Qaeda's North Africa branch, for the attack.",
     {member("aqim", "al-qaeda", "affiliate"), ally("al-mourabitoun", "aqim", "joint-action")}),
]


@pytest.mark.parametrize("text,expected", DESCRIPTIONS)
def test_descriptions_inside_a_noun_phrase(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_description_inside_a_claim_is_the_narrators(extractor):
    rows = edges(extractor, "The Islamic State blamed al-Qaeda's Sahel affiliate JNIM for attacking ISGS positions.")
    by_relation = {e["relation"]: e for e in rows}
    assert by_relation["member-of"]["status"] == "reported"
    assert by_relation["fought-against"]["status"] == "alleged"


def test_a_speaker_saying_it_is_at_war_is_the_side_at_war(extractor):
    (e,) = edges(extractor, "The CMA said that it is now at war with the Malian army.")
    assert (e["source"], e["relation"], e["target"], e["status"], e["claimed_by"]) == \
        ("cma", "fought-against", "mali", "claimed", "cma")


REFERENCES = [
    # "the group" points back past a sentence that names no one, never forward to a name after it
    ("Ansarul Islam is an armed group in Burkina Faso. It was founded by a preacher. "
     "The group cooperates closely with JNIM.", {ally("ansarul-islam", "jnim", "alliance")}),
    ("The group cooperates closely with JNIM.", set()),
    # the army of the one country the sentence names, as a place or an actor
    ("Clashes between the MNLA and the army erupted in northern Mali.", {fight("mali", "mnla")}),
    ("Clashes between the MNLA and the army erupted near the border of Mali and Niger.", set()),
    # never the other state the sentence names
    ("French troops and the army fought the MNLA near Gao.", {fight("france", "mnla")}),
    ("French troops and the army fought the MNLA in Mali.", {fight("france", "mnla")}),
]


@pytest.mark.parametrize("text,expected", REFERENCES)
def test_references_resolved_only_when_one_reading_is_left(extractor, text, expected):
    assert named(extractor, text) == expected


VICTIMS = [
    # unarmed people are the object; the state named after them is not attacked
    ("JNIM fighters killed over 200 civilians digging trenches for the Burkinabe army.", set()),
    ("JNIM attacked villagers near a Malian army camp.", set()),
    # listed with them, soldiers are victims too
    ("JNIM killed 12 civilians and three Malian soldiers.", {fight("jnim", "mali")}),
]


@pytest.mark.parametrize("text,expected", VICTIMS)
def test_unarmed_victims_are_no_party(extractor, text, expected):
    assert named(extractor, text) == expected


def split(part, whole):
    return (part, "split-from", whole, "")


FOUNDINGS = [
    ("Key members of the MNLA split from the group and created the MSA.", {split("msa", "mnla")}),
    ("An Ansar Dine mediator defected to form the Islamic Movement of Azawad (MIA).", {split("mia", "ansar-dine")}),
    ("The ISGS was formed in May 2015 as the result of a split within al-Mourabitoun.",
     {split("isgs", "al-mourabitoun")}),
    # leaving without founding anything names no splinter of its own
    ("Members of the MNLA split from the group in 2016.", set()),
    # the subject of the first verb goes on after "and": the one left is no attacker
    ("The MNLA split from Ansar Dine and attacked the MAA.", {split("mnla", "ansar-dine"), fight("maa", "mnla")}),
]


@pytest.mark.parametrize("text,expected", FOUNDINGS)
def test_a_group_founded_by_those_who_left_another(extractor, text, expected):
    assert named(extractor, text) == expected


MORE = [
    # a generic after a name, with only descriptors between, describes the name
    ("The CMA and Gatia pro-government militia clashed in the town.", {fight("cma", "gatia")}),
    # the part named after "its ... affiliate" belongs to the group "its" refers to
    ("AQIM said it carried out the attack, using fighters from its Saharan affiliate, al-Mourabitoun.",
     {member("al-mourabitoun", "aqim", "affiliate")}),
    ("France attacked JNIM and its local wing Katiba Serma.",
     {fight("france", "jnim"), member("katiba-serma", "jnim", "member")}),
    # an alliance with no name of its own still allies its parts
    ("The incident was first reported by the Tuareg alliance of GATIA and the MSA.", {ally("gatia", "msa", "alliance")}),
    # holding a place together is acting together
    ("French and Malian soldiers held control of the city.", {ally("france", "mali", "joint-action")}),
    ("The seizure of a Malian military armory by Ansar Dine gunmen alarmed the region.", {fight("ansar-dine", "mali")}),
    # quotation marks around a word break no clause
    ('The CMA said it is at "war" with the Malian army.', {fight("cma", "mali")}),
]


@pytest.mark.parametrize("text,expected", MORE)
def test_more_wording_of_real_reporting(extractor, text, expected):
    assert named(extractor, text) == expected


def test_an_offer_some_words_back_is_no_fight_but_a_description_under_it_holds(extractor):
    assert named(extractor, 'The MNLA said it was "ready to help" the Malian army in the fight against JNIM.') == set()
    assert named(extractor, "JNIM avoided any confrontation with the al-Qaeda-aligned Ansarul Islam.") == \
        {ally("al-qaeda", "ansarul-islam", "link")}


SIDES = [
    # the leader of a coalition is a member; the leader of anything else is not
    ("Tabankort was held by the pro-government Platform coalition spearheaded by GATIA.",
     {member("gatia", "platform", "member"), ally("mali", "platform", "link")}),  # (Tabankort is in Mali)
    ("The French offensive led by Serval was long.", set()),
]


@pytest.mark.parametrize("text,expected", SIDES)
def test_sides_and_leaders(extractor, text, expected):
    assert named(extractor, text) == expected


def test_taking_part_in_an_organisation_and_dying_beside_colleagues(extractor):
    assert named(extractor, "France is a major player in the Takuba Task Force.") == \
        {member("france", "takuba", "member")}
    # taking part in an attack on a group is no membership of it
    assert named(extractor, "Chad took part in the attack on Boko Haram.") == {fight("boko-haram", "chad")}
    assert named(extractor, "Four American soldiers were killed alongside five of their Nigerien colleagues.") == \
        {ally("niger", "united-states", "joint-action")}


def test_the_cues_own_clause_dates_it(extractor):
    rows = edges(extractor, "In January 2020 Nigerien troops suffered losses in the region, which is where "
                            "American soldiers were killed alongside their Nigerien colleagues in 2017.")
    assert [(e["relation"], e["date"]) for e in rows] == [("allied-with", "2017")]


def test_who_backed_the_target_is_no_agent_of_the_offensive(extractor):
    assert named(extractor, "The rebels launched an offensive against the Malian forces that were supported by "
                            "the Wagner Group.") == {ally("mali", "wagner", "support")}
    # an organisation's affiliates are not the organisation
    assert named(extractor, "Clashes between the Islamic State and al-Qaeda affiliates went on.") == set()


NEWS = [
    # a rival named after "its al-Qaeda rival" is the party, not al-Qaeda
    ("The ISGS has been fighting a turf war with its al-Qaeda rival JNIM.", {fight("isgs", "jnim")}),
    # communiqué verbs; a companion aside is no subject
    ("French troops, working alongside the Malian army, neutralised dozens of ISGS fighters.",
     {fight("france", "isgs"), ally("france", "mali", "joint-action")}),
    # both companions fought the side named after "against"
    ("Wagner mercenaries fought alongside Malian troops against the CSP.",
     {ally("mali", "wagner", "joint-action"), fight("csp", "wagner"), fight("csp", "mali")}),
    # a helper's aside between the subject and its verb is no subject
    ("The Malian army, with French air support, recaptured Gao from MOJWA.",
     {fight("mali", "mojwa"), ally("france", "mali", "support")}),
    # a place taken from someone; the garrison of a place is its state's
    ("The Platform took Anefis from the CMA.", {fight("cma", "platform")}),
    ("The Platform took part in talks with the CMA.", set()),
    ("The MNLA and Ansar Dine jointly besieged the garrison of Tessalit.",
     {ally("ansar-dine", "mnla", "joint-action"), fight("mali", "mnla"), fight("ansar-dine", "mali")}),
    # the target named inside "the attack on X" is no agent of what the attack did; "claimed it"
    ("The attack on the MINUSMA base killed seven Guinean peacekeepers; Ansar Dine claimed it.",
     {fight("ansar-dine", "minusma"), fight("ansar-dine", "guinea"), member("guinea", "minusma", "contingent")}),
    # a place lost to someone; a match lost is no fight
    ("The MNLA lost control of Gao to MUJAO after fierce fighting.", {fight("mnla", "mojwa")}),
    ("Mali lost 2-0 to Senegal.", set()),
    # helping to fight someone is no support of them; the state the troops went to is supported
    ("Chad deployed troops to Cameroon to help fight Boko Haram.",
     {fight("boko-haram", "chad"), ally("cameroon", "chad", "support")}),
    # a state sending another's troops away is no fight; an armed group expelled from a town is
    ("Burkina Faso expelled French troops and turned to Russia.", set()),
    ("Malian troops expelled the MNLA from Anefis.", {fight("mali", "mnla")}),
]


@pytest.mark.parametrize("text,expected", NEWS)
def test_the_wording_of_news_reports(extractor, text, expected):
    assert named(extractor, text) == expected


UMBRELLAS = [
    ("Ansarul Islam is believed to operate under the JNIM umbrella.", {member("ansarul-islam", "jnim", "member")}),
    # fighting under a banner names the side, never an enemy
    ("The MNLA and the HCUA fought under the banner of the CSP.",
     {member("mnla", "csp", "member"), member("hcua", "csp", "member"), ally("hcua", "mnla", "joint-action")}),
    # (forming it together, they are allied)
    ("Mali, Burkina Faso and Niger formed a confederation, the Alliance of Sahel States.",
     {member("mali", "aes", "member"), member("burkina-faso", "aes", "member"), member("niger", "aes", "member"),
      ally("burkina-faso", "mali", "alliance"), ally("mali", "niger", "alliance"), ally("burkina-faso", "niger", "alliance")}),
    # each state of a list after "troops from"
    ("The G5 Sahel joint force, comprising troops from Mali, Niger and Chad, was launched.",
     {member("mali", "g5-sahel", "member"), member("niger", "g5-sahel", "member"), member("chad", "g5-sahel", "member")}),
    # states after "made up of" are the whole's members, not places; a named whole's members are no
    # alliance among themselves (a patrol "composed of" two states' troops is: tests/gold)
    ("The MNJTF, made up of Benin, Cameroon and Chad, was launched.",
     {member("benin", "mnjtf", "member"), member("cameroon", "mnjtf", "member"), member("chad", "mnjtf", "member")}),
    ("In 2017 JNIM, composed of Ansar Dine, al-Mourabitoun and Katiba Macina, was founded.",
     {member("ansar-dine", "jnim", "member"), member("al-mourabitoun", "jnim", "member"),
      member("katiba-macina", "jnim", "member")}),
    # what a coalition or mission includes or brings together are its members; a group's targets are not
    ("In 2018 the MNJTF includes troops from Benin, Cameroon and Chad.",
     {member("benin", "mnjtf", "member"), member("cameroon", "mnjtf", "member"), member("chad", "mnjtf", "member")}),
    ("In 2018 JNIM's targets include Mali and Niger.", set()),
    # a generic named by "known as" or "known by the acronym" is that group
    ("In 2024 Wagner fell into an ambush by an al-Qaeda-linked militia group known as the JNIM.",
     {ally("jnim", "al-qaeda", "link")}),
    ("In 2018 al-Qaeda-linked militants known by the acronym JNIM attacked Malian soldiers.",
     {ally("jnim", "al-qaeda", "link"), fight("jnim", "mali")}),
    # a participle's speaker is the clause's, not the agency named before the comma
    ("Ansar Dine claimed the attack in a statement sent to the Mauritanian news agency Al Akhbar, saying that it "
     "had been carried out jointly with fighters of the Macina Liberation Front.",
     {ally("ansar-dine", "katiba-macina", "joint-action")}),
    # an apposition between two items of a list; police posts placed by their town
    ("GATIA, a Tuareg movement, and the MAA signed a pact.", {ally("gatia", "maa", "alliance")}),
    ("Ansarul Islam attacked police posts near Djibo.", {fight("ansarul-islam", "burkina-faso")}),
    # the junta of 2022 is Mali's (a period alias); bringing in mercenaries is backing them
    ("The junta brought in Wagner Group mercenaries in 2022.", {ally("mali", "wagner", "support")}),
]


@pytest.mark.parametrize("text,expected", UMBRELLAS)
def test_umbrellas_confederations_and_speakers(extractor, text, expected):
    assert named(extractor, text) == expected


JOINING = [
    # the subject of the first verb pledged, not the group it broke away from
    ("In 2015 the ISGS broke away from al-Mourabitoun and pledged allegiance to the Islamic State.",
     {split("isgs", "al-mourabitoun"), member("isgs", "islamic-state", "affiliate")}),
    # joining a group in a coalition makes them all members of the coalition
    ("The HCUA and the MAA joined the MNLA in the Coordination of Azawad Movements.",
     {member("hcua", "cma", "member"), member("maa", "cma", "member"), member("mnla", "cma", "member")}),
    # joining a group in an action is acting with it
    ("Ansar Dine joined the MNLA in attacking Malian troops.",
     {ally("ansar-dine", "mnla", "joint-action"), fight("mali", "mnla")}),
]


@pytest.mark.parametrize("text,expected", JOINING)
def test_joining(extractor, text, expected):
    assert named(extractor, text) == expected



APPOSITIONS = [
    # a standing description right after a name, whatever governs the name
    ("The raid was blamed on JNIM, which is affiliated with al-Qaeda.", {member("jnim", "al-qaeda", "affiliate")}),
    ("The raid was blamed on the Macina group (Katiba Macina, affiliated with JNIM).",
     {member("katiba-macina", "jnim", "affiliate")}),
    # a past membership has no date for its end: nothing; and the whole never acts for its former part
    ("The ISGS, a former faction of MOJWA, overran a Nigerien army post.", {fight("isgs", "niger")}),
    ("Ansar Dine, once part of the MNLA, overran a Malian army post.", set()),
    # a faction of a named group is another group: the named one did not act
    ("A faction of the MNLA overran a Malian army post.", set()),
    ("Katiba Macina, a component of JNIM, overran a Malian army post.",
     {member("katiba-macina", "jnim", "member"), fight("katiba-macina", "mali")}),
    # a number with thousands separators is one word: its comma ends no clause
    ("Chad sent 2,000 troops to help the Malian army.", {ally("chad", "mali", "support")}),
    # a joint action's purpose is both companions' ("fought alongside Y to retake ...")
    ("French troops fought alongside Chadian soldiers to retake the town from AQIM.",
     {ally("chad", "france", "joint-action"), fight("aqim", "france"), fight("aqim", "chad")}),
    ("Malian troops fought alongside Wagner to retake Anefis from the CSP.",
     {ally("mali", "wagner", "joint-action"), fight("csp", "mali"), fight("csp", "wagner")}),
    # an ambush fallen into: the one who laid it fought the one caught in it
    ("A Malian convoy was caught in an ambush by CSP fighters near the border.", {fight("csp", "mali")}),
    ("Nigerien soldiers fell into an ambush laid by the ISGS.", {fight("isgs", "niger")}),
    ("A Nigerien patrol fell into an ambush. The ISGS claimed the attack.", {fight("isgs", "niger")}),
    # a pact that names what it creates: its signatories are that body's members
    ("Niger, Mali and Burkina Faso signed a defence pact named the Alliance of Sahel States.",
     {ally("mali", "niger", "alliance"), ally("burkina-faso", "mali", "alliance"), ally("burkina-faso", "niger", "alliance"),
      member("mali", "aes", "member"), member("niger", "aes", "member"), member("burkina-faso", "aes", "member")}),
    ("Niger and Mali signed a defence pact.", {ally("mali", "niger", "alliance")}),
    # an action noun's "of" target after a verb such as "carried out"
    ("The MNLA carried out executions of Malian soldiers.", {fight("mali", "mnla")}),
    ("Ten Malian soldiers died in the killing of a patrol.", set()),
    # a coalition owned by a group: "al-Qaeda's JNIM" is its branch; a coalition's own part likewise
    ("Al-Qaeda's JNIM overran a Malian army post.", {member("jnim", "al-qaeda", "member"), fight("jnim", "mali")}),
    ("JNIM's Katiba Serma overran a Malian army post.",
     {member("katiba-serma", "jnim", "member"), fight("katiba-serma", "mali")}),
    # a unit noun between the owner's possessive and the name ("Katibat", "Brigade")
    ("AQIM's Katibat al-Mourabitoun overran a Malian army post.",
     {member("al-mourabitoun", "aqim", "member"), fight("al-mourabitoun", "mali")}),
    # "with X doing ...": X is the participle's subject, not an object of "with"
    ("With Chadian troops fighting alongside French forces, the rebels withdrew.", {ally("chad", "france", "joint-action")}),
    ("With French units weighing in on the side of the Malian army, the rebels withdrew.",
     {ally("france", "mali", "support")}),
    ("A truce between Mali and the MNLA was signed with the support of Algeria.", set()),
    # driven from a place, active or passive
    ("MNLA fighters were forced out of the town by MUJAO.", {fight("mnla", "mojwa")}),
    ("MUJAO fighters chased the MNLA out of the town.", {fight("mnla", "mojwa")}),
    ("Thousands of civilians were forced out of the town.", set()),
    # a person killed whose apposition names the group he led
    ("French forces killed Yaya ag Moussa, a senior commander of JNIM.", {fight("france", "jnim")}),
    ("French forces killed Yaya Droukdel, the leader of AQIM.", {fight("aqim", "france")}),
    ("French forces killed Yaya Droukdel, a resident of Gao.", set()),
    # joint operations with, a merger announced with: together, all of them
    ("GATIA and MSA fighters took part in joint operations with French forces.",
     {ally("france", "gatia", "joint-action"), ally("france", "msa", "joint-action"), ally("gatia", "msa", "joint-action")}),
    ("The MNLA announced a merger with Ansar Dine.", {ally("ansar-dine", "mnla", "alliance")}),
    # the joiner is the subject, not the parent named in its apposition
    # the companion of a fight fought too
    ("The MSA fought the ISGS alongside GATIA.",
     {fight("isgs", "msa"), fight("gatia", "isgs"), ally("gatia", "msa", "joint-action")}),
    # "between A and B backed by C": C backs B, not A, its enemy
    ("The battle was fought between the CSP and Malian forces backed by the Wagner Group.",
     {fight("csp", "mali"), ally("mali", "wagner", "support")}),
    # founded by several organisations: they are its members; by one state or a person: nothing
    ("The CSP was formed in 2021 by the CMA and the Platform.", {member("cma", "csp", "member"), member("platform", "csp", "member")}),
    ("The VDP was created in 2019 by the Burkinabe government.", set()),
    # troops sent to a state are sent to its aid; to a mission, they are its contingent
    ("Chad sent 2,000 troops to Mali.", {ally("chad", "mali", "support")}),
    ("Chad sent 2,000 troops to MINUSMA.", {member("chad", "minusma", "contingent")}),
    ("Mali sent troops to the border with Niger.", set()),
    ("ECOWAS threatened to send troops to Niger.", set()),
    # a name after a possessive is the name, not the owner's fighters; a country in brackets after a
    # name is the name's, no actor
    ("Fighters of al-Qaeda's Group for Support of Islam and Muslims overran a Malian post.",
     {member("jnim", "al-qaeda", "member"), fight("jnim", "mali")}),
    ("Communal Militia (Niger) clashed with the ISGS.", set()),
    ("JNIM and Military Forces of Mali clashed near a well.", {fight("jnim", "mali")}),
    # an attack foiled or thwarted was fought; a device's maker fought the one who hit it
    ("Nigerien forces foiled an attack by the ISGS near a well.", {fight("isgs", "niger")}),
    ("A Nigerien army convoy hit a mine planted by the ISGS.", {fight("isgs", "niger")}),
    ("A Nigerien army convoy hit a mine.", set()),
    # a base of an armed actor burned was attacked; the bodies of its dead were not
    ("Ansaroul Islam militants burned a Koglweogo base.", {fight("ansarul-islam", "koglweogo")}),
    ("Malian soldiers burned the bodies of JNIM fighters.", set()),
    ("VDPs repelled an attack by JNIM militants on the town.", {fight("jnim", "vdp")}),
    # an operation launched with others against a target: all of them fought it, together
    ("France launched an operation with Burkinabe and Malian forces against JNIM.",
     {fight("france", "jnim"), fight("burkina-faso", "jnim"), fight("jnim", "mali"),
      ally("burkina-faso", "france", "joint-action"), ally("france", "mali", "joint-action"),
      ally("burkina-faso", "mali", "joint-action")}),
    ("The attack on the Malian base with heavy weapons killed ten.", set()),
    # support against someone is no support of them
    ("Burkina Faso received French military support against JNIM.", set()),
    ("France supported Burkina Faso against JNIM.", {ally("burkina-faso", "france", "support")}),
    ("The HCUA, an offshoot of Ansar Dine, joined the CMA.",
     {member("hcua", "cma", "member"), ("hcua", "split-from", "ansar-dine", "")}),
]


@pytest.mark.parametrize("text,expected", APPOSITIONS)
def test_appositions_describe_the_name_before_them(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_markdown_table_infobox_gives_the_battles_sides(extractor):
    from actors.extract.pipeline import extract
    from actors.text.documents import parse_document

    text = ("# Battle of Testville\n\n| Date | 3–5 March 2019 |\n|---|---|\n\n| Belligerents | |\n|---|---|\n"
            "| Mali<br>France | JNIM |\n\nThe battle was fought in March 2019.\n")
    edges = extract([parse_document("box.md", text)], extractor=extractor).edges
    got = {(e["source"], e["relation"], e["target"], e["date"]) for e in edges}
    assert got == {("mali", "fought-against", "jnim", "2019-03"), ("france", "fought-against", "jnim", "2019-03"),
                   ("mali", "allied-with", "france", "2019-03")}


def test_a_front_matter_date_is_the_filing_day_of_a_markdown_page(extractor):
    from actors.extract.pipeline import extract
    from actors.text.documents import parse_document

    text = "---\ntitle: Report\ndate: 2023-05-01\n---\n\nOn Saturday, ISGS fighters attacked Malian troops near a well.\n"
    (e,) = extract([parse_document("page.md", text)], extractor=extractor).edges
    assert (e["source"], e["target"], e["date"], e["date_precision"]) == ("isgs", "mali", "2023-04-29", "day")


def test_an_operations_infobox_gives_its_participants_and_targets_as_sides(extractor):
    from actors.extract.pipeline import extract
    from actors.text.documents import parse_document

    text = ("= Operation Testfire =\n\nInfobox\n- Operation: Operation Testfire\n- Date: 3 March 2020\n"
            "- Participants: France, Estonia\n- Target: JNIM\n\nOperation Testfire was a raid.\n")
    got = {(e["source"], e["relation"], e["target"], e["date"]) for e in extract([parse_document("op.txt", text)],
                                                                                 extractor=extractor).edges}
    assert got == {("france", "fought-against", "jnim", "2020-03-03"), ("estonia", "fought-against", "jnim", "2020-03-03"),
                   ("france", "allied-with", "estonia", "2020-03-03")}


@pytest.mark.parametrize("text", ["Between 2015 and 2017, Katiba Macina attacked Malian forces.",
                                  "From 2015 to 2017 Katiba Macina attacked Malian forces."])
def test_a_range_of_years_dates_what_happened_by_its_span(extractor, text):
    (e,) = edges(extractor, text)
    assert (e["date"], e["date_precision"], e["date_earliest"], e["date_latest"]) == ("", "unknown", "2015-01-01", "2017-12-31")


def test_two_years_listed_are_no_range(extractor):
    (e,) = edges(extractor, "JNIM attacked Malian forces in 2019 and 2021.")
    assert (e["date"], e["date_precision"]) == ("2019", "year")


def test_a_date_in_a_relative_clause_dates_that_clause_only(extractor):
    got = {(e["source"], e["target"], e["date"]) for e in edges(
        extractor, "In 2019, JNIM, which fought the MNLA in 2012, attacked Malian forces.")}
    assert got == {("jnim", "mnla", "2012"), ("jnim", "mali", "2019")}


def test_an_appositions_relative_clause_is_the_named_ones_and_dates_only_itself(extractor):
    got = {(e["source"], e["relation"], e["target"], e["date"]) for e in edges(
        extractor, "The CMA, a coalition of armed groups that had signed a peace deal with the Malian government "
                   "in 2015, attacked Malian forces in Bourem.")}
    assert got == {("cma", "allied-with", "mali", "2015"), ("cma", "fought-against", "mali", "")}
    # a time phrase after a comma is no apposition: it dates what follows
    (e,) = edges(extractor, "Then, a week later in 2015, JNIM attacked the Malian army in Boni.")
    assert e["date"] == "2015"


@pytest.mark.parametrize("text,date", [
    ("The MNLA, founded in October 2011, attacked Malian forces in January 2012.", "2012-01"),
    ("The MNLA, founded in October 2011, attacked Malian forces.", ""),  # its aside's date is not the attack's
])
def test_a_participles_aside_dates_only_itself(extractor, text, date):
    (e,) = edges(extractor, text)
    assert e["date"] == date


def test_allies_turned_on_each_other(extractor):
    got = {(e["source"], e["relation"], e["target"], e["date"]) for e in edges(
        extractor, "In 2020, JNIM and the ISGS, once allies, turned on each other.")}
    # the fight is dated; the alliance, told as past, is undated (it held by then)
    assert got == {("jnim", "fought-against", "isgs", "2020"), ("jnim", "allied-with", "isgs", "")}
    (e,) = edges(extractor, "In 2020 JNIM and the ISGS attacked each other.")
    assert (e["source"], e["relation"], e["target"]) == ("jnim", "fought-against", "isgs")
