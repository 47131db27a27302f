"""Wording of real reporting (issue 13): support told as something given ("provided airlift to
Chad", "gave the Malian army training"), allies described by a noun ("Chad, a close ally of
France", "Mali is an important partner to the United States"), and a subject taking part in a
campaign ("deployed troops in the fight against Boko Haram").

Every sentence is made up about a generic situation; the actors are the packaged dictionary's.
Each case lists every relation between named actors the sentence should give (symmetric
relations as sorted pairs), with its kind: nothing more, nothing less.
"""

from __future__ import annotations

import named_edges
import pytest
from named_edges import ally, fight, member

named = named_edges.sentence_named


GIVEN = [
    # what is given to a recipient: help in kind, after "to"/"for", or before "with"
    ("The United States provided airlift to France.", {ally("france", "united-states", "support")}),
    ("Washington said the United States provided airlift to Chad and Togo.",
     {ally("chad", "united-states", "support"), ally("togo", "united-states", "support")}),
    ("The United States provided significant support for Chad's special forces.",
     {ally("chad", "united-states", "support")}),
    ("France gave training and equipment to the Malian army.", {ally("france", "mali", "support")}),
    ("France provided the Malian army with intelligence and air support.", {ally("france", "mali", "support")}),
    ("The United States offered assistance to the governments of Niger and Chad.",
     {ally("niger", "united-states", "support"), ally("chad", "united-states", "support")}),
    # not help given to a named recipient: an infinitive, a thing named between, no one, a generic giver
    ("Russia provided support to fight JNIM.", {fight("jnim", "russia")}),
    ("Russia gave weapons taken from the MNLA to the Malian army.", set()),
    ("Civilians provided food to JNIM fighters.", set()),
    ("The United States provided support for the creation of a regional force.", set()),
]

ALLIES = [
    ("Chad, a close ally of France, sent troops to the north.", {ally("chad", "france", "alliance")}),
    ("Mali remains a key security partner to the United States.", {ally("mali", "united-states", "alliance")}),
    ("The Government of Chad remained a reliable partner of the United States.",
     {ally("chad", "united-states", "alliance")}),
    ("Chad and Niger are key partners of France.",
     {ally("chad", "france", "alliance"), ally("france", "niger", "alliance")}),
    # a past partnership has no date for its end: nothing
    ("Mali, a former ally of France, expelled the French ambassador.", set()),
    ("Mali was once a partner of France.", set()),
]

SENT_AND_JOINED = [
    # troops sent to each state of a list, or to a mission
    ("In 2015 Chad dispatched battalions to Niger, Nigeria and Cameroon.",
     {ally("chad", "nigeria", "support"), ally("chad", "niger", "support"), ally("cameroon", "chad", "support")}),
    ("Chad provided 1,200 soldiers to the MNJTF.", {member("chad", "mnjtf", "contingent")}),
    # a merger announced by the group itself
    ("In 2015, al-Mourabitoun announced a re-merger with AQIM.", {member("al-mourabitoun", "aqim", "member")}),
    # an organisation noun in apposition to a name: the description is the name's
    ("Katiba Macina, a jihadist group affiliated with JNIM, attacked Boni.",
     {member("katiba-macina", "jnim", "affiliate")}),
    ("The attack was claimed by a group affiliated with al-Qaeda.", set()),
    ("The MUJAO militant group was able to push the MNLA from Gao.", {fight("mnla", "mojwa")}),
]

TAKING_PART = [
    ("Niger deployed troops to Diffa in the fight against Boko Haram.", {fight("boko-haram", "niger")}),
    ("Chadian soldiers were killed in the war against Boko Haram.", {fight("boko-haram", "chad")}),
    # a noun governed by a preposition takes no part ("cooperation with LCBC members"); the subject does
    ("Niger stepped up its cooperation with Lake Chad Basin Commission member states in the fight against "
     "Boko Haram.", {ally("lcbc", "niger", "alliance"), fight("boko-haram", "niger")}),
    # a campaign that is not the subject's
    ("Aid workers in Diffa were caught in the fight against Boko Haram.", set()),
]


NOT_PARTIES = [
    # a language a name is given in is no state
    ("The Permanent Framework (Cadre stratégique permanent in French - CSP) was dissolved to form the FLA.", set()),
    ("Operation Serval (French: Opération Serval) was named after a wild cat.", set()),
    # a companion of a verb's object is no ally of it: the strike's makers acted with the Nigerians
    ("The command said its raid killed multiple ISIS militants in coordination with Nigerian officials.", set()),
    # an adverb between an apposition and the verb of saying: the name before the apposition speaks
    ("JNIM, an al-Qaeda affiliate headquartered in Mali, earlier claimed the raid and said that they had killed "
     "forty soldiers.", {member("jnim", "al-qaeda", "affiliate")}),
    # where a group is based is not where the soldiers it killed came from
    ("JNIM, a group based in Mali, said it had killed 70 soldiers.", set()),
    ("JNIM, a group based in Mali, said it had killed 70 soldiers in Benin's national park.", {fight("benin", "jnim")}),
    # a relative clause after a place is the place's
    ("Fresh clashes broke out between the ISGS and JNIM, militant groups active in the Sahel, which includes Niger.",
     {fight("isgs", "jnim")}),
]


LISTS = [
    # a list inside an aside: the subject before it and everyone in it launched the offensive
    ("Ansar Dine, along with AQIM, MUJAO and the MNLA, launched an offensive against Mali.",
     {fight("ansar-dine", "mali"), fight("aqim", "mali"), fight("mali", "mojwa"), fight("mali", "mnla"),
      ally("ansar-dine", "aqim", "joint-action"), ally("ansar-dine", "mojwa", "joint-action"),
      ally("ansar-dine", "mnla", "joint-action"), ally("aqim", "mojwa", "joint-action"),
      ally("aqim", "mnla", "joint-action"), ally("mnla", "mojwa", "joint-action")}),
    # one force noun shared by demonyms, a mission and a country's name
    ("Ansar Dine claimed ten incidents against French, MINUSMA, and Mali forces.",
     {fight("ansar-dine", "france"), fight("ansar-dine", "minusma"), fight("ansar-dine", "mali")}),
    # a count and a demonym before a name: still one list of victims
    ("JNIM ambushed 50 Russian Wagner mercenaries and 10 Malian soldiers.", {fight("jnim", "wagner"), fight("jnim", "mali")}),
    # the name in apposition to "an X affiliate" is X's affiliate
    ("An al-Qaeda affiliate, JNIM, has claimed responsibility for an attack on a Burkinabe army post.",
     {member("jnim", "al-qaeda", "affiliate"), fight("burkina-faso", "jnim")}),
    # two hanging compounds describe the militants, not each other
    ("Al-Qaeda- and IS-linked militants carried out several deadly attacks.", set()),
    # a country embroiled in a group's insurgency fought it
    ("Since 2016, Burkina Faso has been mired in an insurgency by JNIM.", {fight("burkina-faso", "jnim")}),
    # a person joining is no group joining
    ("Al-Sahraoui, a former spokesman of MUJAO, he joined al-Mourabitoun at its creation.", set()),
    # what is fended off is the other's attack
    ("The Cameroonian air force fended off a Boko Haram assault.", {fight("boko-haram", "cameroon")}),
]


RAPPROCHEMENT = [
    # closer ties with a state named by its capital or its country's name; the subject of the first verb
    ("Burkina Faso's junta has ended military cooperation with France and pursued closer ties with Moscow.",
     {ally("burkina-faso", "russia", "alliance")}),
    ("Mali's ruling junta cut its links with France, the former colonial power, and pivoted toward Russia.",
     {ally("mali", "russia", "alliance")}),
    ("Mali has grown closer to Russia.", {ally("mali", "russia", "alliance")}),
    # an intervention asked for: the one asked backed the one asking
    ("French jets struck rebel columns in Mali following a request from the government in Bamako.",
     {ally("france", "mali", "support")}),
    ("Russia sent instructors at the invitation of the junta of Mali.", {ally("mali", "russia", "support")}),
    # merger talks stated as such are an alliance of the two
    ("In 2012 the MNLA and Ansar Dine agreed to merge.", {ally("ansar-dine", "mnla", "alliance")}),
    # troops sent by a body to a state; a range of numbers is no destination; a vote to send is an intention
    ("The EU sent 450 to 500 non-combat troops to Mali.", {ally("european-union", "mali", "support")}),
    ("The European Union votes to send 450 to 500 troops to Mali.", set()),
    # a superlative judging an event told before is no new event
    ("JNIM attacked a Nigerien base. This is the deadliest attack on Nigerien forces in years.",
     {fight("jnim", "niger")}),
    # close ties remain a link
    ("JNIM has close ties to al-Qaeda.", {ally("al-qaeda", "jnim", "link")}),
    # a state's troops after "along with" and an armed group's name came with the subject, not as victims
    ("Malian troops attacked JNIM along with French troops.", {fight("jnim", "mali")}),
    ("JNIM attacked Malian troops along with Wagner mercenaries.", {fight("jnim", "mali"), fight("jnim", "wagner")}),
]


AUDIT3 = [
    # the wording behind the third precision audit's wrong edges, in invented sentences
    ("ISWAP, a faction of Boko Haram that broke away in a quarrel over leadership, grew.", {("iswap", "split-from", "boko-haram", "")}),
    ("Fighting resumed between the CSP and the Malian Armed Forces and allied Wagner mercenaries.",
     {fight("csp", "mali"), fight("csp", "wagner"), ally("mali", "wagner", "alliance")}),
    ("Niger is home to groups loyal to al-Qaeda and the Islamic State, which carry out attacks on soldiers.", set()),
    ("The fighters abandoned Gao in the face of Operation Serval, and was captured by the MNLA.", set()),
    ("A Nigerian intelligence officer said 150 ISWAP members were killed.", set()),
    ("JNIM claimed that fifty Malian soldiers were killed.", {fight("jnim", "mali")}),
    ("Suspected Islamic State of West African Province fighters attacked a Nigerian army base.", {fight("iswap", "nigeria")}),
    # the wording behind the third audit's missed relations
    ("In 2022, dozens of Boko Haram fighters were killed following a raid by ISWAP gunmen.",
     {fight("boko-haram", "iswap")}),
    ("In May 2022, many members of Boko Haram lost their lives in a reprisal by ISWAP.",
     {fight("boko-haram", "iswap")}),
    ("The GSIM, al-Qaeda's West African franchise, attacked Togolese soldiers.",
     {member("jnim", "al-qaeda", "affiliate"), fight("jnim", "togo")}),
    ("Militants of JNIM, a group connected to al-Qaeda, attacked Benin.", {ally("al-qaeda", "jnim", "link"), fight("benin", "jnim")}),
    ("AQIM and its affiliates, notably JNIM, remain active.", {member("jnim", "aqim", "affiliate")}),
    ("The FLA attacked the Malian army and its African Corps allies.",
     {fight("fla", "mali"), fight("africa-corps", "fla"), ally("africa-corps", "mali", "alliance")}),
]


@pytest.mark.parametrize("text,expected",
                         GIVEN + ALLIES + SENT_AND_JOINED + TAKING_PART + NOT_PARTIES + LISTS + RAPPROCHEMENT + AUDIT3)
def test_support_allies_and_taking_part(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_split_told_in_the_past_perfect_of_a_relative_clause_is_before_the_date_in_force(extractor):
    (e,) = named_edges.sentence_edges(extractor, "In 2020 the islands were taken by ISWAP, which had split from Boko Haram.")
    assert (e["relation"], e["date"], e["date_latest"]) == ("split-from", "", "2020-12-31")
    # reported speech keeps the date told
    (e,) = named_edges.sentence_edges(extractor, "On 13 May 2020 the Nigerian army said it had killed 75 Boko Haram fighters.")
    assert e["date"] == "2020-05-13"
