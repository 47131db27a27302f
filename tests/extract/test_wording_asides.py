"""Wording of real reporting (issue 13, section 3): who acts with a subject named in an aside,
what a helper helped to do, the date of a noun's own attack, allegiance pledged to a group's
leader, an agent named "at the hands of", and the subject of a gerund after a subordinator.

Every sentence is made up about a generic situation; the actors are the packaged
dictionary's. Each case lists every relation between named actors the sentence should
give (symmetric relations as sorted pairs), with its kind: nothing more, nothing less.
"""

from __future__ import annotations

import named_edges
import pytest
from actors.extract.pipeline import extract
from actors.text.documents import parse_document
from named_edges import ally, fight, member

edges = named_edges.sentence_edges
named = named_edges.sentence_named


def document(name, text, extractor):
    """What one invented document gives, read whole (its title, datelines and paragraphs)."""
    return extract([parse_document(name, text)], extractor=extractor)


ASIDES = [
    # a joint action's companion in an aside between the subject and the verb acts too
    ("The Malian army, along with Wagner, retook Kidal from the CSP.",
     {ally("mali", "wagner", "joint-action"), fight("mali", "csp"), fight("wagner", "csp")}),
    ("The MNLA, alongside French troops, attacked Ansar Dine in Kidal.",
     {ally("mnla", "france", "joint-action"), fight("mnla", "ansar-dine"), fight("france", "ansar-dine")}),
    # an adverb after the aside: the subject is still the one before it
    ("French troops, along with Chad, then attacked AQIM in the Adrar.",
     {ally("france", "chad", "joint-action"), fight("aqim", "france"), fight("aqim", "chad")}),
    # a supporter backs the subject; it is not said to fight
    ("The Malian army, with the support of Wagner, retook Kidal from the CSP.",
     {ally("mali", "wagner", "support"), fight("mali", "csp")}),
    # no named companion, no one more
    ("The MNLA, along with civilians, fled from Ansar Dine.", set()),
]


@pytest.mark.parametrize("text,expected", ASIDES)
def test_a_joint_companion_in_an_aside_acts_with_the_subject(extractor, text, expected):
    assert named(extractor, text) == expected


def test_the_date_before_an_attack_noun_is_the_attacks_not_the_claims(extractor):
    (e,) = edges(extractor, "JNIM claimed responsibility for the 21 September 2022 ambush on a Burkinabe convoy.")
    assert (e["source"], e["target"], e["date"], e["status"]) == ("jnim", "burkina-faso", "2022-09-21", "claimed")


@pytest.mark.parametrize("text", [
    "The ISGS pledged allegiance to Islamic State leader Abu Bakr al-Baghdadi.",
    "The ISGS pledged allegiance to the Islamic State's leader.",
    "The ISGS swore allegiance to the emir of the Islamic State.",
])
def test_allegiance_to_a_groups_leader_is_to_the_group(extractor, text):
    assert named(extractor, text) == {("isgs", "member-of", "islamic-state", "affiliate")}


def test_a_leader_with_no_named_follower_gives_nothing(extractor):
    assert named(extractor, "Al-Sahrawi's faction pledged allegiance to Islamic State leader Abu Bakr al-Baghdadi.") == set()


def test_at_the_hands_of_names_the_agent(extractor):
    assert named(extractor, "Ten Malian soldiers were killed at the hands of JNIM near Boulkessi.") == {fight("jnim", "mali")}


SUBORDINATE = [
    # a gerund (or "it" and a verb) after a subordinator has the main clause's subject
    ("Ansar Dine took over Timbuktu after driving out the MNLA.", {fight("ansar-dine", "mnla")}),
    ("Ansar Dine took Timbuktu after it drove out the MNLA.", {fight("ansar-dine", "mnla")}),
    # ... not the agent of a passive main clause
    ("The MNLA was defeated by Ansar Dine after fighting Malian troops.", {fight("ansar-dine", "mnla")}),
    # a blockade is an attack; who defends the town blockaded was attacked
    ("JNIM blockaded Djibo, a town defended by the Burkinabe army.", {fight("jnim", "burkina-faso")}),
]


@pytest.mark.parametrize("text,expected", SUBORDINATE)
def test_a_subordinate_gerund_has_the_main_subject(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_person_killed_named_as_the_leader_of_a_group(extractor):
    # "killed X, the leader of AQIM,": the group he led was fought
    assert named(extractor, "French forces killed Abdelmalek Droukdel, the leader of AQIM, in northern Mali.") == {
        fight("aqim", "france")}


def test_an_accusers_own_positions_make_it_the_one_attacked(extractor):
    (e,) = edges(extractor, "The CSP accused FAMa of attacking its positions in Anefis.")
    assert (e["source"], e["relation"], e["target"], e["status"]) == ("mali", "fought-against", "csp", "alleged")
    # a possessive with no accuser before it is nobody's
    assert named(extractor, "JNIM attacked its rivals near Menaka.") == set()


def test_a_membership_apposition_is_no_subject(extractor):
    # ", both members of the CMA,": the two named before it clashed, not the coalition
    assert named(extractor, "The MNLA and the HCUA, both members of the CMA, clashed with GATIA in Anefis.") == {
        fight("gatia", "mnla"), fight("gatia", "hcua"), ally("hcua", "mnla", "joint-action"),
        ("mnla", "member-of", "cma", "member"), ("hcua", "member-of", "cma", "member")}


def test_a_participles_date_in_an_apposition_dates_only_the_apposition(extractor):
    got = {(e["source"], e["relation"], e["target"], e["date"]) for e in edges(
        extractor, "The MSA, a splinter of the MNLA formed in 2016, fought the ISGS in 2018.")}
    assert got == {("msa", "fought-against", "isgs", "2018"), ("msa", "split-from", "mnla", "2016")}


@pytest.mark.parametrize("text", [
    "Nigerien troops, with air support from the United States, pursued the attackers.",
    "Niger received support from the United States.",
])
def test_a_country_after_support_from_is_the_state(extractor, text):
    # "from the United States" after a backing noun names the state, not a place (and "States" no verb)
    assert named(extractor, text) == {ally("niger", "united-states", "support")}


@pytest.mark.parametrize("text", ["Al Murabitoon attacked the Malian army.", "Al-Murabitoon attacked the Malian army."])
def test_an_arabic_article_with_or_without_its_hyphen(extractor, text):
    assert named(extractor, text) == {fight("al-mourabitoun", "mali")}


def test_a_backtick_apostrophe_is_an_apostrophe(extractor):
    assert named(extractor, "Al-Qa`ida attacked the Malian army.") == {fight("al-qaeda", "mali")}


@pytest.mark.parametrize("text,expected", [
    # a place named by its former owner: whoever holds it now was attacked, never the old owner
    ("Malian drones targeted the former MINUSMA base now held by the CSP in Kidal.", {fight("csp", "mali")}),
    ("Malian drones struck the ex-MINUSMA base in Kidal.", set()),
    ("The Malian army attacked former MNLA fighters in Kidal.", set()),
])
def test_a_former_owner_is_not_attacked(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a partner possessed inside a "between" list is on its owner's side
    ("The war between the Malian army, its Wagner auxiliaries and the CSP went on.",
     {ally("mali", "wagner", "alliance"), fight("csp", "mali"), fight("csp", "wagner")}),
    ("Fighting between the Malian army and its Russian allies and the CSP went on.",
     {ally("mali", "russia", "alliance"), fight("csp", "mali"), fight("csp", "russia")}),
    ("The war between the Malian army, its Wagner auxiliaries and the rebels went on.",
     {ally("mali", "wagner", "alliance")}),
])
def test_a_possessed_partner_in_a_between_list(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_generic_heading_an_apposition_is_the_named_one(extractor):
    # "X, one of the separatist groups that claimed ...": the claimant is X
    got = {(e["source"], e["target"], e["status"], e["claimed_by"]) for e in edges(
        extractor, "The CSP, one of the separatist groups that claimed responsibility for the clashes that killed "
                   "dozens of Wagner troops, said it was targeted by drones.")}
    assert got == {("csp", "wagner", "claimed", "csp")}


def test_groups_an_apposition_counts_are_no_one_named(extractor):
    # "an alliance of armed groups": the groups are its members, not the alliance itself
    assert named(extractor, "The CSP, an alliance of armed groups that had signed a peace deal with the Malian "
                            "government in 2015, attacked Malian forces.") == {
        ally("csp", "mali", "alliance"), fight("csp", "mali")}


@pytest.mark.parametrize("text,expected", [
    ("Barkhane force personnel and Malian soldiers conducted operations in the Liptako area.",
     {ally("france", "mali", "joint-action")}),
    ("JNIM conducted operations in the Liptako area.", set()),
])
def test_operations_conducted_together(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Drones deployed by the Malian army in collaboration with the Wagner Group, a Russian mercenary outfit, "
    "targeted the CSP in Kidal.",
    "The Malian army, in collaboration with Wagner, attacked the CSP in Kidal.",
    "The Malian army alongside Wagner attacked the CSP in Kidal.",
])
def test_a_collaborator_named_before_the_verb_acts_with_the_subject(extractor, text):
    assert named(extractor, text) == {ally("mali", "wagner", "joint-action"), fight("csp", "mali"), fight("csp", "wagner")}


def test_a_dash_aside_between_a_claim_and_what_it_claims(extractor):
    (e,) = edges(extractor, "The CSP also claimed on 2 October – two days before the drone strike – that it "
                            "ambushed a group of Wagner mercenaries.")
    assert (e["source"], e["target"], e["status"], e["claimed_by"]) == ("csp", "wagner", "claimed", "csp")


@pytest.mark.parametrize("text,expected", [
    # a truce between enemies is no alliance; a peace agreement stated as such is one
    ("The MNLA and the GATIA signed a ceasefire agreement.", set()),
    ("The CMA signed a ceasefire agreement with the Platform.", set()),
    ("Mali signed a peace agreement with the CMA.", {ally("cma", "mali", "alliance")}),
    # leaving an agreement ends it; leaving a place does not end what follows
    ("The CSP withdrew from the peace agreement with Mali.", set()),
    ("The MNLA withdrew from Gao and allied with Ansar Dine.", {ally("ansar-dine", "mnla", "alliance")}),
])
def test_truces_and_agreements_left(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # two names sharing one unit noun are one joint unit; plural units may be each one's own
    ("JNIM ambushed a FAMa and Wagner Group convoy near Boni.",
     {ally("mali", "wagner", "joint-action"), fight("jnim", "mali"), fight("jnim", "wagner")}),
    ("JNIM attacked FAMa and MINUSMA positions near Boni.", {fight("jnim", "mali"), fight("jnim", "minusma")}),
])
def test_a_unit_shared_by_two_names(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_toll_naming_the_victims_between_an_attack_and_its_claim(extractor):
    # the count of the dead names the victims' state; the claim is of the attack told before: one event
    got = [(e["source"], e["target"], e["date"], e["status"]) for e in edges(
        extractor, "On 30 September 2019 jihadists attacked the military camp in Boulkessi. Thirty-eight Malian "
                   "soldiers were killed. JNIM claimed the attack.")
           if not e["source"].startswith("generic")]
    assert got == [("jnim", "mali", "2019-09-30", "claimed")]


@pytest.mark.parametrize("text,expected", [
    # a compound adjective before a name does not put it out of reach
    # (Anefis is in Mali: the government a "pro-government" militia leans to)
    ("The CMA clashed with the pro-government GATIA militia near Anefis.",
     {fight("cma", "gatia"), ally("gatia", "mali", "link")}),
    ("The CSP inflicted numerous casualties on the Malian army.", {fight("csp", "mali")}),
    # "soldiers of A and mercenaries of B": one list
    ("A mixed convoy of soldiers of the Malian army and mercenaries of the Wagner Group was ambushed.",
     {ally("mali", "wagner", "joint-action")}),
])
def test_more_wording_of_real_news(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a leaning is a link to the state, never a reference to its forces
    ("The pro-Russian junta of Mali expelled French troops.", {ally("mali", "russia", "link")}),
    ("The pro-French militia GATIA attacked the CMA in Kidal.", {ally("france", "gatia", "link"), fight("cma", "gatia")}),
    ("Pro-Russian protesters gathered in Bamako.", set()),
])
def test_a_leaning_is_a_link(extractor, text, expected):
    assert named(extractor, text) == expected


def test_last_night_in_a_dated_report_is_the_day_before(extractor):
    x = document("r.txt", "date 2024-03-30 Last night, drones of the Malian army struck the CSP in Kidal.", extractor)
    assert [(e["source"], e["target"], e["date"]) for e in x.edges] == [("mali", "csp", "2024-03-29")]


def test_a_day_heading_under_a_year_dates_its_section(extractor):
    # "2020" / "May 13th" / text: the section takes the heading's day; a year named inside it
    # ("until April 2011") stays inside it
    text = ("Chronology\n2020\nJune 28\nThe general, who held power until April 2011, announced his candidacy.\n"
            "May 13th\nThe Nigerian army said it had killed 75 Boko Haram fighters near Diffa.\n")
    x = document("t.txt", text, extractor)
    assert [(e["source"], e["target"], e["date"]) for e in x.edges] == [("nigeria", "boko-haram", "2020-05-13")]


@pytest.mark.parametrize("text", [
    "Ansar Dine and Katibat Macina (also known as the Macina Liberation Front) were merged with al Murabitoon "
    "and AQIM's Sahara branch earlier this year to form JNIM.",
])
def test_a_merger_past_a_part_and_a_time_phrase(extractor, text):
    # "AQIM's Sahara branch" is a part of AQIM, not AQIM: no member-of for it
    assert named(extractor, text) == {member("ansar-dine", "jnim", "member"), member("katiba-macina", "jnim", "member"),
                                      member("al-mourabitoun", "jnim", "member")}


@pytest.mark.parametrize("text,expected", [
    # a denial of what an accusation says; supplying is support
    ("The CSP rejected accusations that it had received support from Ukraine.", [("csp", "ukraine", "denied")]),
    ("Ukraine denied supplying drones to the CSP.", [("ukraine", "csp", "denied")]),
    ("Ukraine supplied the CSP with drones.", [("ukraine", "csp", "reported")]),
    # an "-ing" verb after a common noun describes that noun: no one named supplies
    ("JNIM attacked a convoy supplying the Malian army.", []),
])
def test_denied_support_and_what_a_noun_does(extractor, text, expected):
    got = [(e["source"], e["target"], e["status"]) for e in edges(extractor, text) if e["relation"] == "allied-with"]
    assert got == expected


def test_a_headline_tells_what_the_body_does_not(extractor):
    text = ("Islamic State attack kills Niger gendarmes in Diffa\n\n"
            "DIFFA, 3 May 2019 (AFP) - Five gendarmes were killed on Tuesday in an attack on the town.\n")
    x = document("r.txt", text, extractor)
    got = [(e["source"], e["target"], e["date"], e["char_start"]) for e in x.edges]
    assert got == [("islamic-state", "niger", "2019", 0)]  # dated no finer than the year: a headline tells no day
    # what the body tells again is not drawn twice from the headline
    text = ("JNIM attacks Malian army near Mopti\n\n"
            "MOPTI, 3 May 2019 (AFP) - JNIM fighters attacked a Malian army post on Tuesday, the army said.\n")
    x = document("r2.txt", text, extractor)
    assert len([e for e in x.edges if e["relation"] == "fought-against"]) == 1


@pytest.mark.parametrize("text,expected", [
    # a mission leaving is no side losing a fight; the support is the subject's, not the withdrawn mission's
    ("The Malian government seized Kidal after the UN withdrawal, with Wagner support.", {ally("mali", "wagner", "support")}),
    ("The MNLA re-took Tessalit, and the Malian military forces fled.", {fight("mali", "mnla")}),
])
def test_a_withdrawal_before_a_capture(extractor, text, expected):
    assert named(extractor, text) == expected


def test_an_appositions_description_may_name_an_actor(extractor):
    # "a coalition of five al-Qaeda aligned jihadist groups that ...": the relative clause is JNIM's
    got = {(e["source"], e["relation"], e["target"]) for e in edges(
        extractor, "JNIM, a coalition of five al-Qaeda aligned jihadist groups that have rebelled against the Malian "
                   "government, attacked Boni.") if not e["source"].startswith("generic")}
    assert ("jnim", "fought-against", "mali") in got


@pytest.mark.parametrize("text,expected", [
    # those a subject is described by do not act ("linked to", "allied with" before the verb)
    ("A group linked to al-Qaida and the Islamic State attacked the Malian army.", set()),
    ("Fighters loyal to the Islamic State attacked the Malian army.", {fight("islamic-state", "mali")}),
    ("JNIM, which is linked to al-Qaeda, attacked the Malian army.", {fight("jnim", "mali"), ally("al-qaeda", "jnim", "link")}),
])
def test_a_description_of_the_subject_does_not_act(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a four-word force noun after a demonym ("defence and security forces") names the state's forces
    ("The Burkinabe Defence and Security Forces and the VDP conducted joint operations against Ansaroul Islam.",
     {ally("burkina-faso", "vdp", "joint-action"), fight("ansarul-islam", "burkina-faso"), fight("ansarul-islam", "vdp")}),
    ("The ISGS carried out attacks against civilians and the Nigerien defence and security forces.",
     {fight("isgs", "niger")}),
])
def test_defence_and_security_forces(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_persons_possessive_before_a_listed_group(extractor):
    # "MOJWA and Mokhtar Belmokhtar's al-Mulathameen": one list of two groups
    assert named(extractor, "MOJWA and Mokhtar Belmokhtar's al-Mulathameen merged to form al-Mourabitoun.") == {
        member("mojwa", "al-mourabitoun", "member"), member("al-mulathameen", "al-mourabitoun", "member")}


@pytest.mark.parametrize("text,expected", [
    # founded by those who left another group: a split, never a membership of the old group
    ("The MSA was created by dissidents from the MNLA.", {("msa", "split-from", "mnla", "")}),
    ("JNIM was formed by Ansar Dine, al-Mourabitoun and Katiba Macina.",
     {member("ansar-dine", "jnim", "member"), member("al-mourabitoun", "jnim", "member"), member("katiba-macina", "jnim", "member")}),
    ("MOJWA was formed as a splinter of AQIM.", {("mojwa", "split-from", "aqim", "")}),
    # a faction's pledge is not its parent's
    ("A faction of al-Mourabitoun led by al-Sahrawi pledged allegiance to the Islamic State.", set()),
])
def test_splits_and_the_pledges_of_factions(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a possessed alliance is the possessor's, never the subject's
    ("France criticised JNIM's alliance with the ISGS.", {ally("isgs", "jnim", "alliance")}),
    ("France expressed concern over Mali's alliance with Wagner.", set()),
])
def test_a_possessed_alliance(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # each on its own: no joint action
    ("JNIM and the ISGS each attacked the Burkinabe army.", {fight("burkina-faso", "jnim"), fight("burkina-faso", "isgs")}),
    ("Both JNIM and the ISGS have attacked the Burkinabe army.", {fight("burkina-faso", "jnim"), fight("burkina-faso", "isgs")}),
    ("Attacks by JNIM and the ISGS killed hundreds of Burkinabe soldiers.",
     {fight("burkina-faso", "jnim"), fight("burkina-faso", "isgs")}),
    # an adverbial aside between the subject and its verb
    ("JNIM and the ISGS, despite their rivalry, attacked Burkinabe troops together.",
     {ally("isgs", "jnim", "joint-action"), fight("burkina-faso", "jnim"), fight("burkina-faso", "isgs")}),
])
def test_each_on_its_own_and_adverbial_asides(extractor, text, expected):
    assert named(extractor, text) == expected


def test_troops_serving_with_a_mission_are_a_contingent(extractor):
    assert named(extractor, "A Nigerien soldier serving with MINUSMA was killed in Menaka.") == {
        member("niger", "minusma", "contingent")}


@pytest.mark.parametrize("text,expected", [
    # an operation supported by someone is the clause's subject's
    ("The Malian army killed 30 JNIM militants in an operation supported by Russian instructors.",
     {fight("jnim", "mali"), ally("mali", "russia", "support")}),
    # a place spelled as the reporting spells it names its state
    ("Islamic State militants killed 12 soldiers near Tillabery.", {fight("islamic-state", "niger")}),
])
def test_an_operation_supported_and_a_places_spelling(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_belligerents_block_read_as_mixing_states_and_jihadists_is_not_drawn(extractor):
    # a two-column block flattened so that one column runs into the other: never a coalition of
    # states and jihadist groups, never a state fighting its co-belligerents
    text = ("Operation Example\nDate\t1 August 2014 – 9 November 2022\nBelligerents\n France\n G5 Sahel:\n Mali\n"
            " Niger\nSupported by:\n Estonia\t JNIM\n ISGS\nCommanders and leaders\n Unknown\t Unknown\n\n"
            "Operation Example was a counter-insurgency operation.\n")
    x = document("op.txt", text, extractor)
    assert not [e for e in x.edges if e["source"] in ("jnim", "isgs") or e["target"] in ("jnim", "isgs")
                or {e["source"], e["target"]} <= {"france", "mali", "niger", "estonia"} and e["relation"] == "fought-against"]
    assert any("belligerents block not understood" in p.what for p in x.problems)


def test_the_one_helped_or_armed_does_what_follows_to(extractor):
    assert named(extractor, "The Burkinabe government armed the Koglweogo militias to fight Ansarul Islam.") == {
        ally("burkina-faso", "koglweogo", "support"), fight("ansarul-islam", "koglweogo")}


@pytest.mark.parametrize("text,expected", [
    # unnamed soldiers near a country's border may stand on either side of it
    ("JNIM killed soldiers near the Burkina Faso border.", set()),
    ("JNIM killed soldiers near the border with Burkina Faso.", set()),
    ("JNIM killed soldiers in northern Burkina Faso.", {fight("burkina-faso", "jnim")}),
])
def test_soldiers_near_a_border_are_nobodys(extractor, text, expected):
    assert named(extractor, text) == expected


def test_only_a_definite_anaphor_points_back_to_the_sentence_before(extractor):
    def got(text):
        x = document("t.txt", text, extractor)
        return {(e["source"], e["target"]) for e in x.edges if e["relation"] == "fought-against"}
    # a bare "jihadists" is no one named, even after a sentence naming one group
    assert got("In 2019 JNIM attacked the Malian army in Boni. Jihadists killed two Burkinabe soldiers near Djibo.") == {
        ("jnim", "mali"), ("generic-jihadists", "burkina-faso")}
    # "the jihadists" points back to it
    assert ("jnim", "burkina-faso") in got(
        "In 2019 JNIM attacked the Malian army in Boni. The jihadists then killed two Burkinabe soldiers near Djibo.")


def test_blaming_a_party_at_the_end_of_a_sentence_blames_it_for_the_attack_just_told(extractor):
    text = ("In 2022 an attack on a Malian army base in Tessit killed 42 soldiers. "
            "Malian authorities blamed the Islamic State in the Greater Sahara.")
    x = document("t.txt", text, extractor)
    assert [(e["source"], e["target"], e["status"], e["claimed_by"]) for e in x.edges] == [("isgs", "mali", "alleged", "mali")]
    # blamed for something else: nothing
    x = document("t.txt", "In 2022 Mali blamed France.", extractor)
    assert x.edges == []
