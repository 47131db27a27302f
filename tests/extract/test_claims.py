"""Claims of responsibility, suspicion, denials and disputes, and context beyond one sentence.

Invented sentences about generic situations, small enough to check by hand
(../shared/annotation.md, "Actors" and "Status and claimant").
"""

from __future__ import annotations

import pytest

from actors.analysis.pairs import FACT_STATUSES
from actors.extract.pipeline import extract
from actors.schema import NOT_FACT_STATUSES, STATUSES
from actors.text.documents import parse_document


def rows(text: str) -> list[tuple]:
    x = extract([parse_document("t.txt", text)])
    return [(e["source"], e["relation"], e["target"], e["status"], e["claimed_by"]) for e in x.edges]


# -- claims of responsibility ---------------------------------------------------------


def test_a_claim_in_the_next_sentence_names_the_generic_attacker() -> None:
    got = rows("On 3 May 2014, gunmen attacked Malian soldiers near a well. JNIM claimed responsibility for the attack.\n")
    assert got == [("jnim", "fought-against", "mali", "claimed", "jnim")]


def test_a_claim_later_in_the_same_sentence_names_the_generic_attacker() -> None:
    got = rows("On 5 May 2014, gunmen ambushed a Malian army patrol near a well, and AQIM claimed responsibility.\n")
    assert got == [("aqim", "fought-against", "mali", "claimed", "aqim")]


def test_a_claim_by_the_named_attacker_makes_it_claimed() -> None:
    got = rows("On 6 May 2014, MUJAO fighters attacked Malian soldiers near a well. MUJAO claimed the attack.\n")
    assert got == [("mojwa", "fought-against", "mali", "claimed", "mojwa")]


@pytest.mark.parametrize("toll", ["2 peacekeepers killed.", "Two peacekeepers were killed and five wounded."])
def test_a_toll_between_an_attack_and_its_claim_tells_no_attack_of_its_own(toll) -> None:
    # the event-note layout: what happened, how many died, who claimed it
    got = rows(f"On 1 October 2021, an IED targeted MINUSMA peacekeepers near a well. {toll} JNIM claimed responsibility.\n")
    assert got == [("jnim", "fought-against", "minusma", "claimed", "jnim")]


@pytest.mark.parametrize("speaker,claimed_by", [("the Malian army said", "mali"), ("residents said on Friday", "residents")])
def test_a_speaker_closing_the_sentence_makes_it_their_claim(speaker, claimed_by) -> None:
    got = rows(f"On 3 May 2014, JNIM attacked a Malian army post near a well, {speaker}.\n")
    assert got == [("jnim", "fought-against", "mali", "claimed", claimed_by)]
    # a clause of its own after the comma is no attribution of what came before
    got = rows("On 3 May 2014, JNIM attacked a Malian army post, and France said it would send troops.\n")
    assert got == [("jnim", "fought-against", "mali", "reported", "")]


def test_a_third_partys_denial_of_a_claim_disputes_it_but_denying_its_own_part_does_not() -> None:
    got = rows("In July 2024, JNIM claimed it took part in the battle against the Malian army, but the CSP "
               "denied their involvement.\n")
    assert got == [("jnim", "fought-against", "mali", "disputed", "jnim|csp")]
    got = rows("In July 2024, JNIM attacked the Malian army near a well. The CSP denied any involvement.\n")
    assert got == [("jnim", "fought-against", "mali", "reported", "")]


def test_the_narrator_naming_who_carried_out_the_attack_just_told_reports_it() -> None:
    got = rows("On 17 September 2024, gunmen attacked Malian soldiers near a well. "
               "The attack was carried out by militants of JNIM.\n")
    assert got == [("jnim", "fought-against", "mali", "reported", "")]
    got = rows("On 17 September 2024, an attack on Malian soldiers was carried out by JNIM.\n")
    assert got == [("jnim", "fought-against", "mali", "reported", "")]


@pytest.mark.parametrize("by", ["fighters of the Islamic State in the Greater Sahara",
                                "fighters loyal to the Islamic State in the Greater Sahara",
                                "militants from the Islamic State in the Greater Sahara"])
def test_the_group_of_the_fighters_who_carried_out_the_attack_is_the_attacker(by) -> None:
    got = rows(f"On 5 May 2021, gunmen attacked a Nigerien army post near a well. The attack was carried out by {by}.\n")
    assert got == [("isgs", "fought-against", "niger", "reported", "")]


def test_a_speaker_after_a_comma_is_no_second_claimant() -> None:
    got = rows("On 17 September 2024, Malian soldiers were attacked near a well. "
               "It was claimed by JNIM fighters, the army said.\n")
    assert not [r for r in got if r[1] == "allied-with"]


def test_a_sentence_telling_another_attack_still_ends_the_claim_reach() -> None:
    got = rows("On 1 October 2021, an IED targeted MINUSMA peacekeepers near a well. Gunmen killed two traders "
               "in a market. JNIM claimed responsibility.\n")
    assert ("jnim", "fought-against", "minusma", "claimed", "jnim") not in got


def test_a_claim_a_few_sentences_on_still_refers_back_within_the_paragraph() -> None:
    text = ("On 7 May 2014, gunmen attacked Malian soldiers near a well. Several people were hurt. "
            "AQIM claimed responsibility for the attack.\n")
    assert rows(text) == [("aqim", "fought-against", "mali", "claimed", "aqim")]


@pytest.mark.parametrize("claim", [
    "No group has claimed responsibility.",
    "JNIM has not claimed responsibility.",
])
def test_no_claim_no_attacker(claim: str) -> None:
    got = rows(f"On 4 May 2014, gunmen attacked Malian soldiers near a well. {claim}\n")
    assert got == [("generic-militants", "fought-against", "mali", "reported", "")]


def test_a_claim_in_another_paragraph_is_another_story() -> None:
    got = rows("On 4 May 2014, gunmen attacked Malian soldiers near a well.\n\nJNIM claimed responsibility for the attack.\n")
    assert got == [("generic-militants", "fought-against", "mali", "reported", "")]


def test_a_claim_after_another_attack_refers_to_that_one() -> None:
    text = ("On 4 May 2014, gunmen attacked Malian soldiers near a well. Later a bomb struck a market. "
            "JNIM claimed responsibility for the attack.\n")
    assert rows(text) == [("generic-militants", "fought-against", "mali", "reported", "")]


def test_a_claimant_of_another_class_does_not_replace_the_generic() -> None:
    # "Islamists" never stand for a Tuareg rebel movement
    got = rows("On 8 May 2014, Islamists attacked Malian soldiers near a well. The MNLA claimed responsibility.\n")
    assert got == [("generic-islamists", "fought-against", "mali", "reported", "")]


# -- suspicion and hearsay ------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "On 8 May 2014, suspected Boko Haram militants attacked Nigerien soldiers.",
    "On 9 May 2014, an overnight raid by suspected Boko Haram militants killed two Nigerien soldiers.",
])
def test_suspected_x_makes_it_alleged_by_nobody_named(sentence: str) -> None:
    assert rows(sentence + "\n") == [("boko-haram", "fought-against", "niger", "alleged", "")]


def test_a_suspected_x_attack_is_alleged() -> None:
    got = rows("On 10 May 2014, a suspected AQIM attack on Malian soldiers near Gao killed four.\n")
    assert got == [("aqim", "fought-against", "mali", "alleged", "")]


def test_a_suspicion_voiced_by_a_party_keeps_its_claimant() -> None:
    got = rows("On 11 May 2014, Mali suspected MUJAO of attacking Nigerien soldiers.\n")
    assert got == [("mojwa", "fought-against", "niger", "alleged", "mali")]


def test_are_reported_to_is_hearsay() -> None:
    got = rows("On 12 May 2014, French troops are reported to be fighting MUJAO fighters near a well.\n")
    assert got == [("france", "fought-against", "mojwa", "alleged", "")]


def test_according_to_a_party_is_its_claim_and_to_a_monitor_hearsay() -> None:
    got = rows("On 13 May 2014, MUJAO fighters attacked Malian soldiers, according to the MNLA.\n"
               "On 14 May 2014, MUJAO fighters attacked Malian soldiers, according to a monitoring group.\n")
    assert got == [("mojwa", "fought-against", "mali", "claimed", "mnla"),
                   ("mojwa", "fought-against", "mali", "alleged", "monitoring group")]


def test_a_group_allied_to_another_is_not_that_other_as_claimant() -> None:
    got = rows("On 15 May 2014, a little-known group allied to AQIM said that MUJAO fighters attacked Malian soldiers.\n")
    assert [(r[0], r[2], r[3], r[4]) for r in got] == [("mojwa", "mali", "claimed", "little-known group allied to AQIM")]


# -- denials and disputes -------------------------------------------------------------


def test_an_assertion_denied_in_the_next_sentence_is_disputed() -> None:
    got = rows("On 6 May 2014, the MNLA attacked Malian soldiers near a well. The MNLA denied it.\n")
    assert got == [("mnla", "fought-against", "mali", "disputed", "|mnla")]


def test_a_claim_denied_in_the_same_sentence_is_disputed_naming_both() -> None:
    got = rows("On 7 May 2014, the MNLA said that MUJAO fighters ambushed MNLA fighters near a well, "
               "which MUJAO denied.\n")
    assert got == [("mojwa", "fought-against", "mnla", "disputed", "mnla|mojwa")]


def test_an_accusation_then_a_denial_restating_it_is_one_disputed_relation() -> None:
    got = rows("In 2014, Mali accused the MNLA of fighting alongside AQIM. "
               "The MNLA denied fighting alongside AQIM.\n")
    assert got == [("mnla", "allied-with", "aqim", "disputed", "mali|mnla")]


def test_a_denial_by_someone_else_or_of_something_else_changes_nothing() -> None:
    assert rows("On 6 May 2014, the MNLA attacked Malian soldiers near a well. France denied it.\n") == [
        ("mnla", "fought-against", "mali", "reported", "")]
    assert rows("On 6 May 2014, the MNLA attacked Malian soldiers near a well. Later the MNLA killed two "
                "civilians, and the MNLA denied responsibility for the killings.\n")[0] == (
        "mnla", "fought-against", "mali", "reported", "")


def test_a_plain_denial_stays_denied() -> None:
    assert rows("In 2014, the MNLA denied any collaboration with AQIM.\n") == [
        ("mnla", "allied-with", "aqim", "denied", "mnla")]


def test_disputed_is_a_status_and_never_a_fact() -> None:
    assert "disputed" in STATUSES and NOT_FACT_STATUSES == {"denied", "disputed"}
    assert "disputed" not in FACT_STATUSES and "denied" not in FACT_STATUSES
    assert set(FACT_STATUSES) == {"reported", "claimed", "alleged"}


# -- the group, the movement; separate events -------------------------------------------


def test_the_group_refers_back_to_the_group_named_before() -> None:
    got = rows("In 2015, Ansar Dine released a video. The group ambushed Malian soldiers near a well.\n")
    assert got == [("ansar-dine", "fought-against", "mali", "reported", "")]


def test_the_group_refers_back_to_a_spokesmans_group() -> None:
    got = rows("In 2015, an Ansar Dine spokesman said that the group had ambushed Malian soldiers near a well.\n")
    assert [(r[0], r[2]) for r in got] == [("ansar-dine", "mali")]


def test_the_group_never_points_forward() -> None:
    # its only candidate comes after it: the commander joined, not the group
    got = rows("In 2013, a commander of Ansar Dine left, quitting the group and joining the MNLA.\n")
    assert not [r for r in got if r[1] == "member-of"]


def test_an_x_linked_description_is_no_antecedent() -> None:
    got = rows("In 2015, an AQIM-linked militia was formed. The group ambushed Malian soldiers near a well.\n")
    assert [(r[0], r[2]) for r in got if r[1] == "fought-against"] == [("generic-the-group", "mali")]


def test_a_separate_event_takes_no_actor_from_the_sentence_before() -> None:
    got = rows("On 9 May 2014, Boko Haram attacked Nigerien soldiers near a well. "
               "Separately, militants ambushed Chadian soldiers near a lake.\n")
    assert ("generic-militants", "fought-against", "chad", "reported", "") in got
    assert not [r for r in got if r[0] == "boko-haram" and r[2] == "chad"]


def test_government_forces_in_a_named_country_are_its_forces() -> None:
    got = rows("On 11 January 2013, French troops fought alongside government forces in the conflict in Mali.\n")
    assert [(r[0], r[1], r[2]) for r in got] == [("france", "allied-with", "mali")]


def test_a_claim_by_an_x_linked_group_is_not_a_claim_by_x() -> None:
    got = rows("On 3 May 2014, gunmen attacked Malian soldiers near a well. "
               "An al-Qaeda-linked group claimed responsibility for the attack.\n")
    assert got == [("generic-militants", "fought-against", "mali", "claimed", "al-Qaeda-linked group")]


def test_a_denial_of_something_new_disputes_nothing() -> None:
    got = rows("On 4 May 2014, JNIM fighters attacked Malian soldiers near a well. "
               "Mali denied on Tuesday that its soldiers were killed.\n")
    assert got == [("jnim", "fought-against", "mali", "reported", "")]


# -- attacks told without their attacker, then claimed ----------------------------------------


@pytest.mark.parametrize("text", [
    "On 3 May 2019, an attack on a Burkinabe army post killed ten soldiers. JNIM claimed responsibility the next day.\n",
    "On 3 May 2019, an attack on a Burkinabe army post killed ten soldiers. JNIM claimed responsibility for the attack.\n",
    "On 3 May 2019, a Burkinabe army convoy was ambushed near a well, and JNIM claimed responsibility.\n",
    "On 3 May 2019, a Burkinabe army convoy was ambushed near a well. Two soldiers died. JNIM claimed responsibility.\n",
    "On 3 May 2019, gunmen attacked a Burkinabe army post. The attack was later claimed by JNIM.\n",
    "On 3 May 2019, gunmen attacked a Burkinabe army post. JNIM claimed responsibility via its media outlet.\n",
    "On 3 May 2019, a Burkinabe army camp came under attack. JNIM claimed responsibility.\n",
    "On 3 May 2019, a Burkinabe army vehicle hit an IED near a well, killing two soldiers. JNIM claimed the attack.\n",
    "On 3 May 2019, a Burkinabe army convoy was attacked near a well. JNIM claimed responsibility.\n",
    "On 3 May 2019, the army camp in Djibo, Burkina Faso came under attack. The operation has been claimed by "
    "JNIM.\n",
])
def test_a_claim_names_the_attacker_the_text_left_out(text: str) -> None:
    assert rows(text) == [("jnim", "fought-against", "burkina-faso", "claimed", "jnim")]


@pytest.mark.parametrize("text", [
    # a state's "claim" is not a claim of responsibility for an attack on it by someone
    "On 3 May 2019, a MINUSMA convoy was ambushed near a well. Mali claimed responsibility.\n",
    # another attack told in between: the claim is for that one
    "On 3 May 2019, a MINUSMA convoy was ambushed near a well. Gunmen attacked a market. JNIM claimed responsibility.\n",
    # a new paragraph is a new story
    "On 3 May 2019, a MINUSMA convoy was ambushed near a well.\n\nJNIM claimed responsibility.\n",
    # nobody claims
    "On 3 May 2019, a MINUSMA convoy was ambushed near a well. No group claimed responsibility.\n",
])
def test_no_attacker_is_drawn_without_a_claim_for_that_attack(text: str) -> None:
    assert not [r for r in rows(text) if "minusma" in r[:3:2] and not r[0].startswith("generic")]


# -- a state's forces named by their place -----------------------------------------------------


@pytest.mark.parametrize("text, state", [
    ("On 3 May 2019, JNIM attacked the army camp in Dioura, Mali.\n", "mali"),
    ("On 3 May 2019, JNIM attacked an army post in Burkina Faso.\n", "burkina-faso"),
    ("On 3 May 2019, Boko Haram killed four security force personnel in two attacks in Niger.\n", "niger"),
    ("On 3 May 2019, JNIM attacked government forces in Niger.\n", "niger"),
])
def test_forces_placed_in_a_country_are_its_state(text: str, state: str) -> None:
    got = rows(text)
    assert [(r[1], r[2]) for r in got] == [("fought-against", state)]
    assert not got[0][0].startswith("generic")


def test_an_unplaced_post_is_no_reference_and_hides_no_one() -> None:
    got = rows("In May 2019, JNIM attacked a military camp housing French and Malian soldiers.\n")
    assert sorted(r[2] for r in got) == ["france", "mali"]
    assert not [r for r in rows("In May 2019, JNIM attacked a military camp near a well.\n")]


def test_a_section_starts_again_from_the_infobox_date_not_from_the_background_years() -> None:
    text = ("= Battle of Somewhere =\n\nInfobox\n- Conflict: Battle of Somewhere\n- Date: 9 January 2020\n\n"
            "The battle was fought at a well.\n\n== Background ==\n\n"
            "This attack followed others on 10 and 25 December 2019.\n\n== Attack ==\n\n"
            "The ISGS ambushed a Nigerien army patrol near the well.\n")
    x = extract([parse_document("t.txt", text)])
    # and a sentence with no date of its own, there, is about the one event: its date
    assert [(e["source"], e["target"], e["date"]) for e in x.edges] == [("isgs", "niger", "2020-01-09")]


@pytest.mark.parametrize("dateline", ["Saturday, 3 August 2024", "3 August 2024 wars jihadists armed groups"])
def test_a_dateline_heading_puts_its_year_in_force(dateline: str) -> None:
    text = f"Mali attack kills soldiers\n\n{dateline}\n\nOn July 27, JNIM attacked a Malian army convoy near a well.\n"
    x = extract([parse_document("t.txt", text)])
    assert [(e["source"], e["target"], e["date"]) for e in x.edges] == [("jnim", "mali", "2024-07-27")]


def test_a_claimant_described_as_an_affiliate_is_the_named_group() -> None:
    text = ("On 3 May 2019, a Burkinabe army camp came under attack. The operation has been claimed by "
            "Al-Qaeda affiliate Nusrat al-Islam (JNIM).\n")
    assert sorted(rows(text)) == [("jnim", "fought-against", "burkina-faso", "claimed", "jnim"),
                                  ("jnim", "member-of", "al-qaeda", "reported", "")]


@pytest.mark.parametrize("text, expected", [
    # a news report gives each sentence its paragraph: a claim pointing back to "the attack" still refers to it
    ("Attack on peacekeepers\n\nOn 3 May 2019, individuals on motorbikes attacked the Chadian peacekeepers' camp "
     "near a well.\n\nThe government condemned the attack, which was claimed, a day later, by AQIM.\n\n"
     "The camp was rebuilt.\n",
     [("chad", "member-of", "minusma", "reported", ""), ("aqim", "fought-against", "chad", "claimed", "aqim"),
      ("aqim", "fought-against", "minusma", "claimed", "aqim")]),
    # one that does not point back stays with its own paragraph
    ("Attack on soldiers\n\nOn 3 May 2019, gunmen attacked a Chadian army post near a well.\n\n"
     "AQIM claimed responsibility.\n\nThe post was rebuilt.\n",
     [("generic-militants", "fought-against", "chad", "reported", "")]),
    # a claimant named by its description's apposition
    ("On 3 May 2019, gunmen attacked a MINUSMA convoy near a well. The attack was claimed by a jihadist "
     "alliance, the Group to Support Islam and Muslims (GSIM).\n",
     [("jnim", "fought-against", "minusma", "claimed", "jnim")]),
])
def test_claims_across_paragraphs_and_descriptions(text, expected) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2017, gunmen attacked a Nigerien patrol near a well. The Nigerien army attributed the ambush to ISGS.\n",
     [("isgs", "fought-against", "niger", "alleged", "niger")]),
    ("On 3 May 2017, a Nigerien patrol was attacked near a well. The attack was attributed to ISGS.\n",
     [("isgs", "fought-against", "niger", "alleged", "")]),
    ("On 3 May 2017, gunmen attacked a Nigerien patrol near a well. Officials blamed the attack on ISGS.\n",
     [("isgs", "fought-against", "niger", "alleged", "Officials")]),
    # nobody blamed
    ("On 3 May 2017, gunmen attacked a Nigerien patrol near a well. Officials did not blame the attack on ISGS.\n",
     [("generic-militants", "fought-against", "niger", "reported", "")]),
])
def test_blame_for_an_attack_is_an_allegation(text, expected) -> None:
    assert rows(text) == expected


def test_a_joint_patrol_of_a_state_named_by_its_abbreviation_and_another_state() -> None:
    got = rows("On 4 October 2017, a joint US-Nigerien patrol was attacked by ISGS militants near a well.\n")
    assert sorted(got) == [("isgs", "fought-against", "niger", "reported", ""),
                           ("isgs", "fought-against", "united-states", "reported", ""),
                           ("united-states", "allied-with", "niger", "reported", "")]


def test_they_opening_a_sentence_are_the_attackers_just_named() -> None:
    text = "On 9 January 2020, ISGS militants ambushed a convoy near a well. They then attacked a Malian army post.\n"
    assert rows(text) == [("isgs", "fought-against", "mali", "reported", "")]
    # "they" after a sentence that told no attack names no one
    text = "On 9 January 2020, Malian troops arrived in the town. They attacked JNIM positions.\n"
    assert rows(text) == []


@pytest.mark.parametrize("text", [
    "On 15 January 2016, gunmen attacked a Burkinabe army post near a well. Responsibility for the attack was "
    "claimed by AQIM and al-Mourabitoun.\n",
    "On 15 January 2016, a Burkinabe army post was attacked near a well. AQIM and al-Mourabitoun claimed "
    "responsibility.\n",
])
def test_co_claimants_each_fought_the_target_together(text) -> None:
    got = rows(text)
    assert sorted(r[:4] for r in got if r[1] == "fought-against") == [
        ("al-mourabitoun", "fought-against", "burkina-faso", "claimed"),
        ("aqim", "fought-against", "burkina-faso", "claimed")]
    # allied-with is symmetric: its pair compared as a set
    assert [(frozenset(r[0:3:2]), r[3]) for r in got if r[1] == "allied-with"] == \
        [(frozenset({"aqim", "al-mourabitoun"}), "claimed")]
    assert {r[4] for r in got if r[1] == "fought-against"} == {"aqim", "al-mourabitoun"}


@pytest.mark.parametrize("text, expected", [
    ("On 16 March 2019, gunmen attacked a Malian army camp near a well. JNIM is believed to be behind the attack.\n",
     [("jnim", "fought-against", "mali", "alleged", "")]),
    ("On 16 March 2019, a raid on a Malian army camp killed 16 soldiers. No group has claimed the attack, but JNIM "
     "is widely suspected.\n", [("jnim", "fought-against", "mali", "alleged", "")]),
    # suspected of something else: not of the attack just told
    ("On 16 March 2019, gunmen attacked a Malian army camp near a well. JNIM is suspected of killing civilians.\n",
     [("generic-militants", "fought-against", "mali", "reported", "")]),
])
def test_suspicion_of_the_attack_just_told_is_an_allegation(text, expected) -> None:
    assert rows(text) == expected


def test_blame_in_the_passive_names_who_says_so_after_by() -> None:
    text = "On 5 June 2020, unidentified gunmen killed a VDP member near a well. The attack is attributed to JNIM by local sources.\n"
    assert rows(text) == [("jnim", "fought-against", "vdp", "alleged", "local sources")]


def test_the_accused_is_the_noun_before_the_participle() -> None:
    assert rows("On 5 June 2020, Malian soldiers executed civilians suspected of supporting JNIM near a well.\n") == []
    got = rows("On 5 June 2020, the MNLA, accused of supporting JNIM, denied it.\n")
    assert [(r[0], r[1], r[2], r[3]) for r in got] == [("mnla", "allied-with", "jnim", "disputed")]
    assert got[0][4].endswith("|mnla")


def test_parties_blamed_together_acted_together_as_those_who_blame_say() -> None:
    x = extract([parse_document("t.txt", "In 2024 community leaders blamed the attack on the Malian army and the Wagner Group.")])
    (e,) = [r for r in x.edges if r["relation"] == "allied-with"]
    assert ({e["source"], e["target"]}, e["status"], e["relation_kind"]) == ({"mali", "wagner"}, "alleged", "joint-action")


def test_a_party_saying_it_carried_out_the_attack_claims_it() -> None:
    text = "In 2018 gunmen attacked the Burkinabe army headquarters. JNIM said it carried out the attack."
    assert rows(text) == [("jnim", "fought-against", "burkina-faso", "claimed", "jnim")]


def test_the_blamed_named_together_each_fought_the_target_as_those_who_blame_say() -> None:
    text = ("On 8 November 2016, gunmen attacked a Nigerien army post near a well, killing five soldiers. "
            "Officials said that fighters of ISGS and MOJWA were responsible.\n")
    got = rows(text)
    assert {(r[0], r[1], r[2], r[3]) for r in got} >= {("isgs", "fought-against", "niger", "alleged"),
                                                       ("mojwa", "fought-against", "niger", "alleged")}


# -- accusations: one party says another carried out the attack just told ---------------------------


@pytest.mark.parametrize("accusation", [
    "The MNLA accused Malian forces of the attack.",
    "The MNLA blamed Malian forces for the ambush.",
    "The MNLA issued a statement mourning its dead, and accused Malian forces of perpetrating the attack.",
])
def test_an_accusation_makes_the_accused_the_alleged_attacker(accusation: str) -> None:
    got = rows(f"On 9 May 2014, MNLA fighters were ambushed near a well. {accusation}\n")
    assert got == [("mali", "fought-against", "mnla", "alleged", "mnla")]


def test_those_accused_together_acted_together_as_the_accuser_says() -> None:
    got = rows("On 9 May 2014, MNLA fighters were ambushed near a well. The MNLA accused Malian forces and "
               "the Wagner Group of carrying out the attack.\n")
    assert sorted(got) == [("mali", "allied-with", "wagner", "alleged", "mnla"),
                           ("mali", "fought-against", "mnla", "alleged", "mnla"),
                           ("wagner", "fought-against", "mnla", "alleged", "mnla")]


@pytest.mark.parametrize("accusation", [
    "The MNLA did not accuse Malian forces of the attack.",  # negated
    "The MNLA accused Malian forces of the attack on a MINUSMA convoy.",  # another attack, named anew
])
def test_no_accusation_of_the_attack_just_told(accusation: str) -> None:
    got = rows(f"On 9 May 2014, MNLA fighters were ambushed near a well. {accusation}\n")
    assert not [r for r in got if r[2] == "mnla"]


@pytest.mark.parametrize("text,expected", [
    # a denial of the claim governs what the claim says
    ("In 2019 the CMA rejected claims that it had allied with JNIM.\n", [("cma", "allied-with", "jnim", "denied", "cma")]),
    ("In 2019 the Nigerien army dismissed reports that JNIM had attacked Malian troops.\n",
     [("jnim", "fought-against", "mali", "denied", "niger")]),
    # no fight, no alliance: nothing is drawn
    ("In 2019 there was no fighting between JNIM and the Malian army.\n", []),
    ("In 2019 the MNLA took Kidal without fighting the Malian army.\n", []),
    ("In 2019 Mali had no alliance with Russia.\n", []),
])
def test_denied_claims_and_negated_nouns(text: str, expected: list) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "In 2019 Mali sought military help from Russia.\n",  # asked for, not given
    "In 2019 Mali considered an alliance with Russia.\n",
    "In 2019 Mali cut ties with France.\n",  # an ending, not a tie
    "In 2019 the CMA ended its alliance with the Platform.\n",
    "In 2019 did JNIM attack Malian forces?\n",  # a question asserts nothing
])
def test_sought_weighed_or_ended_relations_are_not_drawn(text: str) -> None:
    assert rows(text) == []


def test_a_description_with_a_participle_does_not_stop_the_attack() -> None:
    assert rows("In 2019 JNIM, considered the strongest group, attacked Malian forces.\n") == [
        ("jnim", "fought-against", "mali", "reported", "")]


@pytest.mark.parametrize("text,expected", [
    # the source of a report is no attacker listed with the one it names
    ("In 2024 according to the Malian army, JNIM attacked Burkinabe soldiers.\n",
     [("jnim", "fought-against", "burkina-faso", "claimed", "mali")]),
    ("In 2024 according to Malian intelligence, JNIM attacked a base.\n", []),
    # the one helped does what follows the help
    ("In 2024 Ukraine helped the CSP ambush Wagner.\n",
     [("ukraine", "allied-with", "csp", "reported", ""), ("csp", "fought-against", "wagner", "reported", "")]),
    # what the helper helped to do is its object's enemy, never its ally
    ("In 2014 French soldiers helped dislodge the MNLA from Kidal.\n",
     [("france", "fought-against", "mnla", "reported", "")]),
    ("In 2014 Chadian troops helped oust Ansar Dine from Aguelhok.\n",
     [("chad", "fought-against", "ansar-dine", "reported", "")]),
])
def test_sources_and_helpers_are_not_the_actors_of_what_follows(text: str, expected: list) -> None:
    assert sorted(rows(text)) == sorted(expected)


def test_a_name_set_apart_is_no_co_attacker() -> None:
    assert rows("In 2022 unlike JNIM, the ISGS attacked Nigerien soldiers.\n") == [
        ("isgs", "fought-against", "niger", "reported", "")]


@pytest.mark.parametrize("text", [
    "In 2019 JNIM, the Malian army said, attacked Burkinabe soldiers.\n",
    "In 2019 JNIM attacked Burkinabe soldiers, the Malian army said.\n",
])
def test_a_speakers_aside_is_neither_listed_nor_the_subject(text: str) -> None:
    assert rows(text) == [("jnim", "fought-against", "burkina-faso", "claimed", "mali")]


def test_a_generic_is_not_the_group_named_after_a_contrast() -> None:
    got = rows("In 2019 gunmen killed two Malian soldiers; no group claimed the attack, but JNIM operates in the area.\n")
    assert not [r for r in got if "jnim" in r]
