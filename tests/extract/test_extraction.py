"""Extraction on small hand-checkable texts: one behaviour per test.

The actors are the packaged dictionary's; the sentences are made up, so every
expected row can be checked by hand.
"""

from __future__ import annotations

import pytest

from actors.text.documents import parse_document
from actors.extract.pipeline import Extractor, extract


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


def rows(extractor, text: str, name: str = "t.txt") -> list[tuple]:
    x = extract([parse_document(name, text)], extractor=extractor)
    return [(e["source"], e["relation"], e["target"], e["status"], e["claimed_by"], e["date"], e["date_precision"]) for e in x.edges]


def rel(extractor, text: str) -> set[tuple]:
    """(source, relation, target) with symmetric relations as sorted pairs."""
    out = set()
    for s, r, t, *_ in rows(extractor, text):
        if r in ("fought-against", "allied-with"):
            s, t = sorted((s, t))
        out.add((s, r, t))
    return out


def test_active_attack_with_full_date(extractor):
    assert rows(extractor, "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n") == [
        ("mojwa", "fought-against", "mali", "reported", "", "2014-05-03", "day")
    ]


def test_passive_with_agent(extractor):
    assert rel(extractor, "In 2016, a French convoy was ambushed by fighters of Ansar Dine.\n") == {
        ("ansar-dine", "fought-against", "france")
    }


def test_agentless_passive_gives_nothing(extractor):
    assert rel(extractor, "In 2016, ten Malian soldiers were killed near Boni.\n") == set()


def test_country_as_place_is_not_an_actor(extractor):
    assert rel(extractor, "In 2015, the MNLA attacked a convoy in Mali.\n") == set()
    assert rel(extractor, "In 2015, Mali attacked the MNLA near Kidal, Mali.\n") == {("mali", "fought-against", "mnla")}


def test_generic_is_never_guessed_into_a_named_group(extractor):
    # two jihadist groups in the previous sentence: "the Islamists" stays generic
    text = "In 2013, MUJAO and AQIM held Gao.\nThe Islamists attacked Malian troops.\n"
    found = rows(extractor, text)
    assert all(src not in ("mojwa", "aqim") or rel_ != "fought-against" for src, rel_, *_ in found)
    assert any(src == "generic-islamists" and tgt == "mali" for src, _, tgt, *_ in found)


def test_generic_resolved_when_unambiguous(extractor):
    text = "In 2012, Tuareg MNLA forces launched an offensive against Gao. However, the Tuaregs were beaten back by the MOJWA forces.\n"
    assert ("mnla", "fought-against", "mojwa") in rel(extractor, text)


def test_generic_with_named_apposition(extractor):
    assert rel(extractor, "In 2019, jihadist militants from JNIM attacked a Malian military base.\n") == {
        ("jnim", "fought-against", "mali")
    }


def test_denial_is_never_reported(extractor):
    found = rows(extractor, "In 2013, the MNLA denied any collaboration with the MIA.\n")
    assert found and all(status == "denied" for _, _, _, status, *_ in found)
    assert found[0][4] == "mnla"


def test_claim_records_claimant(extractor):
    found = rows(extractor, "On 9 September 2023, the CMA claimed to have shot down a Malian army aircraft.\n")
    assert ("cma", "fought-against", "mali", "claimed", "cma", "2023-09-09", "day") in found


def test_alleged_with_words_claimant(extractor):
    found = rows(extractor, "In 2008, local sources alleged that the MNJ was embedded with the ATNM.\n")
    assert found == [("mnj", "allied-with", "atnm", "alleged", "local sources", "2008", "year")]


def test_intention_is_not_an_event(extractor):
    assert rel(extractor, "In 2012, the FNLA announced its intention to battle the MNLA.\n") == set()


def test_split_and_parent_direction(extractor):
    found = rel(extractor, "In 2011, MUJAO, a splinter group of AQIM, was founded.\n")
    assert found == {("mojwa", "split-from", "aqim")}
    found = rel(extractor, "In 2013, a splinter group of Ansar Dine, calling itself the MIA, was formed.\n")
    assert found == {("mia", "split-from", "ansar-dine")}


def test_contingent_is_member_of_mission(extractor):
    found = rel(extractor, "In 2017, JNIM ambushed Nigerien MINUSMA peacekeepers.\n")
    assert ("niger", "member-of", "minusma") in found
    assert ("jnim", "fought-against", "niger") in found


def test_backed_by_gives_alliance(extractor):
    found = rel(extractor, "In 2013, the Malian army, backed by French troops, attacked Ansar Dine.\n")
    assert found == {("france", "allied-with", "mali"), ("ansar-dine", "fought-against", "mali")}


def test_joint_attackers_are_allies(extractor):
    found = rel(extractor, "In 2019, JNIM and Ansarul Islam attacked Malian bases.\n")
    assert found == {
        ("ansarul-islam", "allied-with", "jnim"),
        ("jnim", "fought-against", "mali"),
        ("ansarul-islam", "fought-against", "mali"),
    }


def test_conjoined_targets_are_not_allies(extractor):
    found = rel(extractor, "In 2020, ISGS launched attacks against the MSA and GATIA.\n")
    assert ("gatia", "allied-with", "msa") not in found
    assert {("isgs", "fought-against", "msa"), ("gatia", "fought-against", "isgs")} <= found


def test_between_list_gives_every_pair(extractor):
    found = rel(extractor, "In 2012, fighting broke out between Mali, the MNLA and Ansar Dine.\n")
    assert found == {
        ("mali", "fought-against", "mnla"),
        ("ansar-dine", "fought-against", "mali"),
        ("ansar-dine", "fought-against", "mnla"),
    }


def test_reciprocal_clash(extractor):
    found = rel(extractor, "On 8 June 2012, MNLA and Ansar Dine rebels clashed against each other.\n")
    assert found == {("ansar-dine", "fought-against", "mnla")}


def test_no_year_in_force_means_unknown_date(extractor):
    found = rows(extractor, "On 17 January, MUJAO fighters attacked Malian soldiers.\n")
    assert found == [("mojwa", "fought-against", "mali", "reported", "", "", "unknown")]


def test_year_in_force_carries_to_bare_dates(extractor):
    text = "The war began in January 2012.\nOn 17 January, MUJAO fighters attacked Malian soldiers.\n"
    assert rows(extractor, text)[0][5:] == ("2012-01-17", "day")


def test_sentence_without_date_inherits_year_only(extractor):
    text = "On 5 April 2012, the MNLA declared independence.\nThe MNLA were initially backed by Ansar Dine.\n"
    assert rel(extractor, text) == {("ansar-dine", "allied-with", "mnla")}
    assert [r[3:] for r in rows(extractor, text)] == [("reported", "", "2012", "year")]


def test_infobox_belligerents_with_per(extractor):
    text = (
        "= Clash of X =\n\nInfobox\n- Date: March 3, 2010\n- Combatant1: Mali\n"
        "- Combatant2: ATNM, MNJ (per Mali)\n\nOn March 3, 2010, fighting took place.\n"
    )
    found = {(s, r, t, st, c) for s, r, t, st, c, *_ in rows(extractor, text)}
    assert found == {
        ("mali", "fought-against", "atnm", "reported", ""),
        ("mali", "fought-against", "mnj", "claimed", "mali"),
        ("atnm", "allied-with", "mnj", "claimed", "mali"),
    }


def test_evidence_offsets_point_into_the_original(extractor):
    text = "Intro line.\nOn 3 May 2014, MUJAO[4] fighters ambushed Malian soldiers near Gao.[5]\n"
    x = extract([parse_document("t.txt", text)], extractor=extractor)
    (e,) = x.edges
    assert text[e["char_start"] : e["char_end"]] == e["evidence"]
    assert "ambushed" in e["evidence"]


def test_period_alias_needs_a_date(extractor):
    # "the junta" is the CNRDR in 2012 and Mali's government from 2020; unknown otherwise
    assert rel(extractor, "In 2021, the junta attacked the CMA.\n") == {("cma", "fought-against", "mali")}
    assert rel(extractor, "In 2016, the junta attacked the CMA.\n") == set()


def test_merger_members_point_to_the_new_coalition(extractor):
    found = rel(extractor, "In March 2017, Ansar Dine, al-Mourabitoun, Katiba Macina and the Sahara branch of AQIM merged to form JNIM.\n")
    assert found == {
        ("ansar-dine", "member-of", "jnim"),
        ("al-mourabitoun", "member-of", "jnim"),
        ("katiba-macina", "member-of", "jnim"),
        ("emirate-of-the-sahara", "member-of", "jnim"),  # "the Sahara branch of AQIM": AQIM's Sahara emirate
    }


@pytest.mark.parametrize("text", [
    "JNIM was formed in March 2017 by the merger of Ansar Dine, al-Mourabitoun and Katiba Macina.\n",
    'JNIM (Arabic for "Group for the Support of Islam and Muslims") was created on 2 March 2017 through the '
    "merger of three jihadist groups active in the Sahel: Ansar Dine, al-Mourabitoun and Katiba Macina.\n",
])
def test_founded_by_the_merger_of(extractor, text):
    assert rel(extractor, text) == {("ansar-dine", "member-of", "jnim"), ("al-mourabitoun", "member-of", "jnim"),
                                    ("katiba-macina", "member-of", "jnim")}


def test_as_well_as_continues_a_list(extractor):
    found = rel(extractor, "In 2018, JNIM waged an insurgency against the governments of Mali and Niger "
                           "as well as against French troops and MINUSMA peacekeepers.\n")
    assert found == {(min("jnim", x), "fought-against", max("jnim", x)) for x in ("mali", "niger", "france", "minusma")}


@pytest.mark.parametrize("text, expected", [
    ("In June 2012, Ansar Dine and the Movement for Oneness and Jihad in West Africa (MOJWA), a splinter group of "
     "Al-Qaeda in the Islamic Maghreb (AQIM), expelled the MNLA from Gao.\n",
     {("ansar-dine", "allied-with", "mojwa"), ("ansar-dine", "fought-against", "mnla"),
      ("mnla", "fought-against", "mojwa"), ("mojwa", "split-from", "aqim")}),
    ("In September 2023, the CSP, a coalition that includes the Coordination of Azawad Movements (CMA), entered "
     "into open war with the Malian junta.\n", {("cma", "member-of", "csp"), ("csp", "fought-against", "mali")}),
])
def test_an_apposition_naming_other_actors_is_not_the_subject(extractor, text, expected):
    assert rel(extractor, text) == expected


def test_a_comma_list_of_a_and_an_items_is_no_apposition(extractor):
    text = ("During September 2023, four Malian aircraft, including the only Su-25, a Mi-8MT, and a L-39C light "
            "attack aircraft were shot down by CMA fighters.\n")
    assert ("cma", "allied-with", "mali") not in rel(extractor, text)


def test_a_companion_phrase_on_a_non_actor_noun_states_nothing(extractor):
    assert rel(extractor, "In 2016, Katiba Macina killed village chiefs and local officials accused of "
                          "collaborating with the army.\n") == set()
    assert rel(extractor, "In 2016, the MNLA, accused of collaborating with the Malian army, withdrew.\n") == {
        ("mali", "allied-with", "mnla")}


def test_joint_subjects_of_an_intransitive_fight_are_not_allies(extractor):
    assert rel(extractor, "In 2018, Katiba Macina and Dan Na Ambassagou fought repeatedly in Koro.\n") == set()
    assert rel(extractor, "In 2019, JNIM and Ansarul Islam fought together in Boulikessi.\n") == {
        ("ansarul-islam", "allied-with", "jnim")}


def test_a_model_name_between_demonym_and_machine(extractor):
    assert rel(extractor, "On 12 January 2013, a MOJWA convoy was bombed by French Mirage 2000 jets near Douentza.\n") == {
        ("france", "fought-against", "mojwa")}


def test_between_one_side_and_the_other(extractor):
    text = ("The battle was fought in July 2024 between the Malian Armed Forces and the Wagner Group on one side "
            "and the CSP on the other.\n")
    assert rel(extractor, text) == {("csp", "fought-against", "mali"), ("csp", "fought-against", "wagner"),
                                    ("mali", "allied-with", "wagner")}


def test_plural_members_apposition(extractor):
    text = "In 2024, Mali, Burkina Faso and Niger, the three members of the Alliance of Sahel States (AES), met.\n"
    assert rel(extractor, text) == {(x, "member-of", "aes") for x in ("mali", "burkina-faso", "niger")}


def test_counts_inside_a_list(extractor):
    text = "The CSP-DPA said in July 2024 that it had killed 84 Wagner fighters and 47 Malian soldiers.\n"
    assert rel(extractor, text) == {("csp", "fought-against", "wagner"), ("csp", "fought-against", "mali")}


def test_a_repulse_in_a_coordinated_clause(extractor):
    text = "On 16 January 2015, Katiba Macina fighters attacked Ténenkou but were beaten back by Malian soldiers.\n"
    assert rel(extractor, text) == {("katiba-macina", "fought-against", "mali")}


def test_joining_a_state_force_in_combat_is_an_alliance(extractor):
    assert rel(extractor, "In 2013, Chadian troops joined French forces in the advance on Kidal.\n") == {
        ("chad", "allied-with", "france")}
    assert rel(extractor, "In 2013, the MNLA joined Malian soldiers in peace talks.\n") == set()


def test_battle_lead_with_a_span_of_days_and_a_led_side(extractor):
    text = ("The Battle of Kidal was fought between 17 and 21 May 2014 in and around Kidal, Mali, between the Malian "
            "Armed Forces and a coalition of rebel groups led by the MNLA, the HCUA and the MAA.\n")
    assert rel(extractor, text) == {("hcua", "fought-against", "mali"), ("maa", "fought-against", "mali"),
                                    ("mali", "fought-against", "mnla"), ("hcua", "allied-with", "mnla"),
                                    ("hcua", "allied-with", "maa"), ("maa", "allied-with", "mnla")}
    text = ("The Battle of Konna was fought in January 2013 between the Malian army, supported by French forces, "
            "and Islamist fighters led by Ansar Dine.\n")
    assert rel(extractor, text) == {("ansar-dine", "fought-against", "mali"), ("ansar-dine", "fought-against", "france"),
                                    ("france", "allied-with", "mali")}


@pytest.mark.parametrize("text, expected", [
    ("In 2021, JNIM, al-Qaeda's branch in the Sahel, attacked Malian troops.\n",
     {("jnim", "member-of", "al-qaeda"), ("jnim", "fought-against", "mali")}),
    ("In 2013, Chad sent 2,000 troops to MINUSMA.\n", {("chad", "member-of", "minusma")}),
    ("In 2013, Chad sent a letter to MINUSMA.\n", set()),
    ("In February 2020, Chad deployed 1,200 soldiers to the tri-border area as part of the G5 Sahel Joint Force.\n",
     {("chad", "member-of", "g5-sahel")}),
])
def test_more_ways_to_state_a_membership(extractor, text, expected):
    assert rel(extractor, text) == expected


def test_a_backer_is_no_subject(extractor):
    text = "On January 17, 2013, Malian troops backed by French aircraft recaptured Konna from Ansar Dine.\n"
    assert rel(extractor, text) == {("france", "allied-with", "mali"), ("ansar-dine", "fought-against", "mali")}


def test_a_joint_patrol_of_two_forces(extractor):
    text = "On 2 November 2020, a joint patrol of Takuba and Malian soldiers was ambushed by ISGS fighters.\n"
    assert rel(extractor, text) == {("mali", "allied-with", "takuba"), ("isgs", "fought-against", "takuba"),
                                    ("isgs", "fought-against", "mali")}


def test_a_count_starts_a_new_clause_unless_the_list_is_counted(extractor):
    text = "On 4 March 2019, the camp was attacked by jihadists and at least 27 Malian soldiers were killed.\n"
    assert not any(r == "allied-with" for _, r, _ in rel(extractor, text))


def test_a_colon_list_needs_a_counted_plural(extractor):
    assert rel(extractor, "The offensive was announced by the merger of news: Mali and France.\n") == set()


def test_coalition_apposition(extractor):
    found = rel(extractor, "In 2015, the Platform, a coalition of militias including GATIA and the MAA-Platform, attacked the CMA.\n")
    assert {("gatia", "member-of", "platform"), ("maa-platform", "member-of", "platform")} <= found


def test_claimed_responsibility_for_an_attack(extractor):
    found = rows(extractor, "On 1 November 2019, ISGS claimed responsibility for an attack on a Malian army base.\n")
    assert found == [("isgs", "fought-against", "mali", "claimed", "isgs", "2019-11-01", "day")]


def test_victim_of_an_attack_is_not_the_attacker(extractor):
    # (the peacekeeper is Chad's contingent of MINUSMA, the mission in force in 2014)
    assert rel(extractor, "In 2014, a Chadian peacekeeper was killed in an attack on a MINUSMA camp.\n") == {
        ("chad", "member-of", "minusma")}


def test_unnamed_force_is_not_replaced_by_a_named_one(extractor):
    text = "In 2012, the UN Security Council approved an African-led force to assist the army of Mali.\n"
    assert rel(extractor, text) == set()


def test_possessive_agent(extractor):
    assert rel(extractor, "In 2024, Mali complained about Ukraine's support for rebel groups.\n") == set()
    assert ("france", "allied-with", "mali") in rel(extractor, "In 2021, French troops came to the Malians' aid.\n")


def test_joint_patrol_is_both_an_alliance_and_a_target(extractor):
    found = rel(extractor, "On 4 October 2017, fighters of ISGS ambushed a joint patrol of American and Nigerien soldiers.\n")
    assert found == {
        ("isgs", "fought-against", "united-states"),
        ("isgs", "fought-against", "niger"),
        ("niger", "allied-with", "united-states"),
    }


def test_repelled_an_assault_by(extractor):
    found = rel(extractor, "In 2019, Burkinabè forces, supported by French airstrikes, repelled an assault by Ansarul Islam.\n")
    assert found == {("burkina-faso", "allied-with", "france"), ("ansarul-islam", "fought-against", "burkina-faso")}


def test_passive_modifier_is_not_an_object(extractor):
    assert rel(extractor, "In 2017, French forces killed eleven Malian prisoners held captive by JNIM.\n") == set()


def test_the_group_resolves_only_to_one_named_group(extractor):
    text = "In 2017, ISGS raided Nigerien posts. Later that year, the group's fighters ambushed Nigerien soldiers.\n"
    assert ("isgs", "fought-against", "niger") in rel(extractor, text)
    text = "In 2017, ISGS and JNIM raided posts. Later that year, the group's fighters ambushed Nigerien soldiers.\n"
    found = rel(extractor, text)
    assert ("generic-the-group", "fought-against", "niger") in found  # kept, unresolved
    assert not {("isgs", "fought-against", "niger"), ("jnim", "fought-against", "niger")} & found
    # a capitalised "the Movement ..." is a name, never the anaphor
    assert rel(extractor, "In 2012, the Movement for Oneness and Jihad in West Africa attacked the MNLA.\n") == {
        ("mnla", "fought-against", "mojwa")}


def test_relative_clause_subject(extractor):
    found = rel(extractor, "In 2013, the MNLA retook Kidal with the MIA, which had split from Ansar Dine.\n")
    assert ("mia", "split-from", "ansar-dine") in found


def test_before_being_expelled_by(extractor):
    found = rel(extractor, "In 2012, Ansar Dine and MUJAO took control of the north, before being expelled by French and Malian forces.\n")
    assert {("ansar-dine", "fought-against", "france"), ("mali", "fought-against", "mojwa"), ("ansar-dine", "allied-with", "mojwa")} <= found


def test_membership_through_which_included(extractor):
    text = "In 2014, the Platform, a coalition of armed groups formed in Algiers, which included GATIA and the MAA-Platform, was founded.\n"
    assert {("gatia", "member-of", "platform"), ("maa-platform", "member-of", "platform")} <= rel(extractor, text)


def test_capture_from_a_holder(extractor):
    found = rel(extractor, "On 21 May 2014, the Malian army launched an offensive to retake the parts of Kidal held by the MNLA.\n")
    assert ("mali", "fought-against", "mnla") in found


def test_objects_listed_across_a_place(extractor):
    found = rel(extractor, "In 2017, JNIM attacked MINUSMA camps in Timbuktu and Kidal and French troops in the Gourma.\n")
    assert {("jnim", "fought-against", "minusma"), ("france", "fought-against", "jnim")} <= found


def test_government_forces_of_the_country_a_report_is_about(extractor):
    # no title names the country, but its places are named throughout: "government forces" are its own
    text = ("In 2023 fighting spread around Kidal.\n\nGao and Timbuktu were shelled that week.\n\n"
            "Residents of Menaka fled.\n\nGovernment forces attacked the CMA near the town.\n")
    assert ("cma", "fought-against", "mali") in rel(extractor, text)
    # two countries named alike: no country is the report's, and the forces stay unnamed
    text = ("In 2023 fighting spread around Kidal and Niamey.\n\nGao and Tillaberi were shelled.\n\n"
            "Government forces attacked JNIM near the town.\n")
    assert not any("mali" in (s, t) or "niger" in (s, t) for s, _, t in rel(extractor, text))


def test_a_sentence_ending_with_a_colon_goes_on_in_its_bulleted_items(extractor):
    text = ("In 2014 the CMA was founded as an alliance of three groups:\n- The MNLA\n- The HCUA\n"
            "- A faction of the MAA active near Timbuktu\n\nIt grew.\n")
    assert rel(extractor, text) == {("mnla", "member-of", "cma"), ("hcua", "member-of", "cma")}
    # lines that are no bulleted items are sentences of their own
    text = "In 2014 the spokesman said:\nThe MNLA attacked the Malian army near Kidal.\n"
    assert rel(extractor, text) == {("mali", "fought-against", "mnla")}
