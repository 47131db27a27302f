"""Wording of the fresh sets of milestone O (issue 13): lists of states that a dash closes, a state's forces
named by where they come from, and the other wordings the new encyclopedic pages and event notes showed.

Every sentence is made up about a generic situation; the actors are the packaged dictionary's.
"""

from __future__ import annotations

import named_edges
import pytest
from actors.extract.pipeline import extract
from actors.text.documents import parse_document
from named_edges import ally, fight, member

named = named_edges.sentence_named

SENTENCES = [
    # a dash with a space on either side closes a list of states; a joined hyphen makes a compound place
    ("In 2015 Boko Haram attacked Niger, Mali and Chad - three of its neighbours.",
     {fight("mali", "boko-haram"), fight("niger", "boko-haram"), fight("chad", "boko-haram")}),
    ("Boko Haram attacked Niger and Chad- both of them- in 2015.",
     {fight("niger", "boko-haram"), fight("chad", "boko-haram")}),
    ("In 2015 Boko Haram attacked a village on the Niger-Chad border.", set()),
    # forces from states are those states' forces; forces moved from a place, or another's forces, are not
    ("In 2015 Boko Haram attacked forces from Nigeria, Cameroon and Chad.",
     {fight("nigeria", "boko-haram"), fight("cameroon", "boko-haram"), fight("chad", "boko-haram")}),
    ("In 2022 France pulled troops from Mali to fight JNIM in Niger.", {fight("france", "jnim")}),
    ("In 2012 rebel forces from Libya attacked Mali.", set()),
    # a mission's troops from states: each state's contingent, and the mission acts; "troops of M (State)"
    ("In 2022 MNJTF troops from Nigeria and Chad stormed islands held by ISWAP.",
     {fight("mnjtf", "iswap"), fight("nigeria", "iswap"), fight("chad", "iswap"), ally("chad", "nigeria", "joint-action"),
      member("nigeria", "mnjtf", "contingent"), member("chad", "mnjtf", "contingent")}),
    ("In 2022 Multinational Joint Task Force ( MNJTF ) troops from Chad attacked ISWAP.",
     {fight("mnjtf", "iswap"), fight("chad", "iswap"), member("chad", "mnjtf", "contingent")}),
    # those who infest the place an offensive goes into are its target; the Nigerian army's abbreviations
    ("In 2022 the MNJTF launched an offensive in the BH/ISWAP-infested islands.",
     {fight("mnjtf", "boko-haram"), fight("mnjtf", "iswap")}),
    # who condemns an attack did not make it, even when the attack noun has no article
    ("Security Council condemns militant attack on Chadian army", set()),
    ("The UN Security Council condemned a Boko Haram attack on Chadian troops.", {fight("boko-haram", "chad")}),
    # states' demonyms sharing one force noun are one side of a list of three
    ("Clashes between Mauritanian and Malian forces and AQIM erupted in the Wagadou Forest.",
     {fight("mauritania", "aqim"), fight("mali", "aqim"), ally("mali", "mauritania", "joint-action")}),
    # the junta in power, however described; a state at war, or attacked, by name
    ("In 2023 the CMA attacked the ruling junta in Mali.", {fight("cma", "mali")}),
    ("In 2023 the CMA declared war on Mali.", {fight("cma", "mali")}),
    ("In 2023 JNIM carried out attacks in Mali.", set()),
    ("In 2025 forty-four were killed in an Islamic State attack on Niger mosque.", set()),

    # a unit named in apposition acts, not the body it belongs to; a unit of an army is the army acting
    ("Al Murabitoon, a battalion of AQIM, claimed the assault on MINUSMA.",
     {fight("al-mourabitoun", "minusma"), member("al-mourabitoun", "aqim", "member")}),
    ("A unit of the Malian army attacked MOJWA.", {fight("mali", "mojwa")}),
    # a group's branch is another group
    ("An al-Qaida branch claimed an attack on Burkina Faso.", set()),
    # agreements signed between parties ally them; break-away wording is a split
    ("Peace agreements signed between Chad and Sudan ended the rebellion.", {ally("chad", "sudan", "alliance")}),
    ("Ansaru, a break-away faction of Boko Haram, attacked Nigerian troops.",
     {fight("ansaru", "nigeria"), ("ansaru", "split-from", "boko-haram", "")}),
    ("Ansaru broke out of Boko Haram.", {("ansaru", "split-from", "boko-haram", "")}),
    # the merged partner past its leader's possessive; a founder listed with "several other groups"
    ("In August 2013 MUJAO merged with Mokhtar Belmokhtar's Al-Mulathameen group to form Al-Mourabitoun.",
     {member("mojwa", "al-mourabitoun", "member"), member("al-mulathameen", "al-mourabitoun", "member")}),
    ("Katiba Macina and several other jihadist groups founded JNIM in 2017.", {member("katiba-macina", "jnim", "member")}),
    # a passive headline's support is its unnamed agent's; a name's "against X (ACRONYM)" is no component
    ("ISIS Bases On Lake Chad Bombed With U.S. Support", set()),
    ("In October 2014, the force was renamed the Multinational Joint Task Force against Boko Haram (MNJTF).", set()),
    # "their" after an object and a comma is not that object's: no alliance with the enemy
    ("In 2015, while Cameroon curbed Boko Haram, their Nigerian counterparts struggled to repress the sect.", set()),
    # a country bordering a region is a place; a group's origin by a possessive is no host for its targets
    ("In 2014 Boko Haram operated in areas of Cameroon bordering NE Nigeria.", set()),
    ("In 2019 Ansar Dine, a JNIM constituent group, attacked Malian troops.",
     {fight("ansar-dine", "mali"), member("ansar-dine", "jnim", "member")}),
    ("Ansar Dine subgroup Katibat Serma attacked Malian troops.",
     {fight("katiba-serma", "mali"), member("katiba-serma", "ansar-dine", "member")}),
    # a country's bare name before an attack noun says where; a state never splits from an armed group
    ("In 2025 another Burkina attack killed 10 members of a militia known as VDP.", set()),
    ("The group was founded by dissident Chadian army officers who had split from the UFDD.", set()),
    # several subjects of a campaign noun each wage their own, unless a joint marker says otherwise
    ("In 2016 FACT and the CCMSR began a rebellion against the Chadian government.",
     {fight("fact", "chad"), fight("ccmsr", "chad")}),
    ("In 2019 Burkina Faso and Niger launched a joint campaign against the ISGS.",
     {fight("burkina-faso", "isgs"), fight("niger", "isgs"), ally("burkina-faso", "niger", "joint-action")}),
    # a movement that goes over to the government; those who announce a common body together are allied
    ("In 2007 the CNT rallied to the Chadian government.", {ally("cnt-chad", "chad", "alliance")}),
    ("In 2014 the MNLA and the HCUA formed a common front against MUJAO.", {ally("hcua", "mnla", "alliance")}),
    # "a counter-X operation", "an anti-X offensive": X is the target of the one who carries it out
    ("In 2019 French forces carried out a counter-ISGS operation near Indelimane.", {fight("france", "isgs")}),
    ("In 2019 anti-French protesters attacked a MINUSMA convoy.", set()),
    # the losing side as subject
    ("In 2009 UFR forces suffered severe losses to the Chadian Army.", {fight("chad", "ufr")}),
]


def _doc_named(extractor, text):
    x = extract([parse_document("d.txt", text)], extractor=extractor)
    return named_edges.named(extractor, x.edges)


DOCUMENTS = [
    # a belligerents list's starred item under an armed group is its branch
    ("= Battle of X =\n\nInfobox\n- Combatant1: Boko Haram\n- Combatant2: Islamic State, * West Africa Province (ISWAP)\n\n"
     "The battle was fought in 2021.\n",
     {fight("boko-haram", "islamic-state"), member("iswap", "islamic-state", "affiliate")}),
    # a lake, a river or a basin named after a country is no host for the army a sentence leaves unnamed
    ("Operations report\n\nIn its operations in the Lake Chad Basin, troops killed about 80 Boko Haram fighters.\n",
     set()),
]

def test_a_groups_country_of_origin_is_no_host(extractor):
    # the soldiers of a Mauritanian report are Mauritania's, not those of the GSPC's Algeria
    text = ("Mauritania\n\nIn 2005 fighters linked to Algeria's former Salafist Group for Call and Combat killed "
            "15 soldiers in an assault on a desert outpost.\n")
    assert _doc_named(extractor, text) == {fight("aqim", "mauritania")}


_ITEMS = ("Timeline\n-\nIn 2011 Boko Haram attacked a prison in Bauchi. About 700 prisoners escaped.\n-\n"
          "Gunmen attacked a barracks in Abuja.\n-\nThe sect bombed a church.\n-\nMembers of the sect\n-\nattacked police.\n")


def test_a_lone_dash_between_items_separates_them():
    # (a page of items with a dash line between each once read as hard-wrapped prose, items run together)
    doc = parse_document("d.txt", _ITEMS)
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert "Gunmen attacked a barracks in Abuja." in texts and "About 700 prisoners escaped." in texts


@pytest.mark.parametrize("text,expected", DOCUMENTS)
def test_documents(extractor, text, expected):
    assert _doc_named(extractor, text) == expected


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_wording(extractor, text, expected):
    assert named(extractor, text) == expected
