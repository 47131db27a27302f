"""The wording of real reporting (issue 13, section 3): attacks beyond "attacked",
passives and nominals, shared force nouns and joint subjects, support, umbrella and
component, affiliation, and the relation's kind in the edges table.

Every sentence here is made up about a generic situation; the actors are the packaged
dictionary's, so every expected row can be checked by hand. Each case lists every
relation between named actors the sentence should give (symmetric relations as
sorted pairs), with its kind: nothing more, nothing less.
"""

from __future__ import annotations

import named_edges
import pytest
from named_edges import ally, fight, member

from actors.extract.cues import load_cues
from actors.extract.pipeline import extract
from actors.schema import EDGE_COLUMNS, RELATION_KINDS
from actors.text.documents import parse_document

edges = named_edges.sentence_edges
named = named_edges.sentence_named


# -- 1. attacks beyond "attacked" ------------------------------------------------------
ATTACKS = [
    ("The region saw violence, particularly between the Malian government and groups like JNIM.",
     {fight("jnim", "mali")}),
    ("The ISGS killed civilians in western Niger, and also began attacking Mali and Burkina Faso.",
     {fight("isgs", "mali"), fight("burkina-faso", "isgs")}),
    # a state's troops named by where they come from; armed men from a country are not its state
    ("JNIM ambushed soldiers from Niger near the border.", {fight("jnim", "niger")}),
    ("Fighters from Mali attacked a village in Niger.", set()),
    ("Heavy fighting between the Islamic State in the Greater Sahara (ISGS) and JNIM went on for weeks.",
     {fight("isgs", "jnim")}),
    # a hyphen compound before the first side; its description is that side's only
    ("Fighting between the al-Qaeda-aligned JNIM and the ISGS went on for weeks.",
     {fight("isgs", "jnim"), ally("al-qaeda", "jnim", "link")}),
    ("MOJWA, an Islamist group that was scattered by a French offensive, regrouped.", {fight("france", "mojwa")}),
    # a helper between the subject and its verb is no subject; a bracket inside a name is passed over
    ("The Malian government, with the aid of Wagner has seized the town, which had been under MNLA control.",
     {fight("mali", "mnla"), ally("mali", "wagner", "support")}),
    ("The Group for the Support of Islam and Muslims (GSIM, affiliated with al-Qaeda) attacked a Malian base.",
     {fight("jnim", "mali"), member("jnim", "al-qaeda", "affiliate")}),
    # the place taken was under someone's control: that one lost it
    ("The Malian army seized the town, a stronghold under MNLA control.", {fight("mali", "mnla")}),
    ("The Malian army retook the town, which had been under MNLA and Ansar Dine control since 2012.",
     {fight("mali", "mnla"), fight("mali", "ansar-dine")}),
    # a place taken and the other side leaving it: the leaver lost it to the taker
    ("The MNLA took control of the town when the Malian army operated a tactical retreat.", {fight("mnla", "mali")}),
    ("The MNLA re-took the airport, and the Malian military forces fled towards the border.", {fight("mnla", "mali")}),
    ("JNIM seized the town after residents fled.", set()),
    # AFP's "Qaeda" and a leader killed in a relative clause: his group was fought
    ("The Qaeda commander, who was killed by French forces in the north, was buried.", {fight("al-qaeda", "france")}),
    # casualties told first, their cause in a clause of time after them
    ("Three Malian soldiers were killed when JNIM fighters attacked their post.", {fight("jnim", "mali")}),
    ("Dozens of Malian soldiers were killed after fighters of the ISGS (known locally by another name) overran their base.",
     {fight("isgs", "mali")}),
    ("Three Malian soldiers were killed when their vehicle hit a mine.", set()),
    # words describing the next name do not break a list
    ("Fighting broke out between the Platform and the rebel CMA.", {fight("cma", "platform")}),
    ("The CMA and the pro-government GATIA clashed near the town.", {fight("cma", "gatia")}),
    # "pro-government": the government of the one country the sentence names (no country, no state)
    ("In 2015 the pro-government GATIA clashed with the CMA in northern Mali.",
     {fight("cma", "gatia"), ally("gatia", "mali", "link")}),
    ("In 2015 the pro-government GATIA clashed with the CMA and French troops in Mali.",
     {fight("cma", "gatia"), fight("france", "gatia")}),
    # a demonym list joined by "or" shares its force noun: each was targeted
    ("JNIM carried out ambushes on Malian or French forces.", {fight("jnim", "mali"), fight("jnim", "france")}),
    ("JNIM fighters planted an IED that struck a Malian army convoy near the river.", {fight("jnim", "mali")}),
    ("A roadside bomb planted by ISGS militants hit a Nigerien patrol.", {fight("isgs", "niger")}),
    ("JNIM fired mortar rounds at the MINUSMA camp on Sunday.", {fight("jnim", "minusma")}),
    ("ISGS launched rocket fire on the Malian base at dawn.", {fight("isgs", "mali")}),
    ("JNIM detonated a car bomb at the gate of a MINUSMA base.", {fight("jnim", "minusma")}),
    ("A suicide car bomb attack by JNIM targeted the French camp.", {fight("jnim", "france")}),
    ("A French drone strike hit an ISGS convoy.", {fight("france", "isgs")}),
    ("ISGS fighters stormed a Nigerien army post at night.", {fight("isgs", "niger")}),
    ("Ansar Dine laid siege to the Malian garrison for a month.", {fight("ansar-dine", "mali")}),
    ("JNIM overran a Malian army camp in the centre.", {fight("jnim", "mali")}),
    ("The MNLA seized the town from the Malian army.", {fight("mnla", "mali")}),
    ("GATIA seized the oasis, a town held by the CMA.", {fight("gatia", "cma")}),
    ("Malian troops stormed the hotel, which had been under attack by AQIM militants.", {fight("mali", "aqim")}),
    ("A Malian convoy came under fire from MNLA fighters near the wells.", {fight("mnla", "mali")}),
    ("MINUSMA peacekeepers came under heavy fire from JNIM at the bridge.", {fight("jnim", "minusma")}),
    ("JNIM strikes a Burkinabe army outpost.", {fight("jnim", "burkina-faso")}),
    ("JNIM claimed a landmine attack on a MINUSMA convoy.", {fight("jnim", "minusma")}),
    ("JNIM claims responsibility for an attack on a Malian army base.", {fight("jnim", "mali")}),
    ("The Islamic State claimed the killing of four Nigerien soldiers.", {fight("islamic-state", "niger")}),
    ("The Malian army regains control of the town from MOJWA.", {fight("mali", "mojwa")}),
    ("Boko Haram fighters abducted dozens of Nigerien soldiers.", {fight("boko-haram", "niger")}),
    ("Malian soldiers and MNLA fighters exchanged fire near the camp.", {fight("mali", "mnla")}),
    ("In February, Chad attacked Boko Haram positions on the islands.", {fight("chad", "boko-haram")}),
    # a place attacked by two groups: they acted together, and whom they fought the place does not say
    ("The town came under attack by both MNLA and Ansar Dine rebels.", {ally("ansar-dine", "mnla", "joint-action")}),
    ("A Malian convoy came under fire from MNLA and Ansar Dine rebels.",
     {fight("mnla", "mali"), fight("ansar-dine", "mali"), ally("ansar-dine", "mnla", "joint-action")}),
    # backing named by a relative clause's "the latter of which", and air support as a state's force
    ("Insurgents battled the government of Mali, the latter of which was aided by French troops.",
     {ally("france", "mali", "support")}),
    ("The Malian army, backed by French air support, retook the town from Ansar Dine.",
     {ally("france", "mali", "support"), fight("mali", "ansar-dine")}),
    # the subject goes on past ", and then"; a new subject after ", and the" starts its own clause
    ("Ansar Dine captured the MNLA outpost, and then ambushed CMA reinforcements.",
     {fight("ansar-dine", "mnla"), fight("ansar-dine", "cma")}),
    ("Ansar Dine attacked the MNLA outpost, and the MNLA ambushed CMA reinforcements.",
     {fight("ansar-dine", "mnla"), fight("mnla", "cma")}),
    # two joined demonyms before a border name a place, not two states acting together
    ("The group had bases on the Malian-Mauritanian border, attacking villages.", set()),
    ("A Franco-Malian counteroffensive drove Ansar Dine from the town.",
     {ally("france", "mali", "joint-action"), fight("france", "ansar-dine"), fight("mali", "ansar-dine")}),
    # counted losses and "no" casualties act with no one
    ("GATIA claimed the capture of the town and the deaths of ten MNLA fighters, along with no GATIA casualties.",
     set()),
    ("MNLA fighters, along with HCUA fighters, attacked the town.", {ally("hcua", "mnla", "joint-action")}),
    # "the border with Mali" is a place, not the one attacked
    ("JNIM attacked troops in Niger near the border with Mali.", set()),
    ("JNIM attacked Malian troops near the border with Niger.", {fight("jnim", "mali")}),
    # a country after "northeastern" is a place, not an ambusher
    ("An ambush in northeastern Mali killed nine MINUSMA peacekeepers.", set()),
    ("Violence between the Malian army and JNIM rose in the centre.", {fight("mali", "jnim")}),
    # "formed as an affiliate of": the clause's subject is the member
    ("Katiba Macina was created in 2015 as an affiliate of the Islamist group Ansar Dine.",
     {member("katiba-macina", "ansar-dine", "affiliate")}),
    # the owners of "affiliates of X and Y" are not the ones acting
    ("Militant groups, including affiliates of al-Qaeda and ISIL, have intensified raids on Malian troops.", set()),
    # (two of rival families, al-Qaeda's and the Islamic State's, act together only when the sentence says so)
    ("Fighters of JNIM and ISGS attacked Malian troops.", {fight("jnim", "mali"), fight("isgs", "mali")}),
    ("Fighters of JNIM and ISGS jointly attacked Malian troops.",
     {fight("jnim", "mali"), fight("isgs", "mali"), ally("isgs", "jnim", "joint-action")}),
    # the maker of the device that killed is the attacker
    # a state's peacekeepers in MINUSMA's mandate are its contingent (annotation.md: "Togolese blue helmet")
    ("Togolese peacekeepers were killed by an IED planted by JNIM near the town.",
     {fight("jnim", "togo"), fight("jnim", "minusma"), member("togo", "minusma", "contingent")}),
    ("A Malian convoy was hit by a mine laid by ISGS.", {fight("isgs", "mali")}),
    ("Suspected JNIM fighters attacked a Malian post.", {fight("jnim", "mali")}),
    # "with French support": France is no object of "retook"
    ("Malian forces retook the town with French support.", set()),
    # a battle against someone, taken part in
    ("JNIM took part in the battle against Malian forces.", {fight("jnim", "mali")}),
    ("The battle between the MNLA and MOJWA began in the town.", {fight("mnla", "mojwa")}),
    # the place attacked was staffed by the ones fought
    ("GATIA fighters attacked a base staffed by MAA fighters near the town.", {fight("gatia", "maa")}),
    # a passive's agent past a place's apposition; a passive capture's subject held by someone
    ("The MNLA was pushed out of the town, Timbuktu Region, by Ansar Dine.", {fight("ansar-dine", "mnla")}),
    ("Douentza, a town held by Ganda Iso, was seized by MOJWA.", {fight("mojwa", "ganda-iso")}),
    ("The MNLA began a rebellion against Mali's central government.", {fight("mnla", "mali")}),
    # a slash joins one side ("GATIA/MSA"); with a coalition it names a component ("JNIM/Katiba Macina")
    ("Clashes between GATIA/MSA and ISGS militants near the town left 12 dead.",
     {fight("gatia", "isgs"), fight("msa", "isgs"), ally("gatia", "msa", "joint-action")}),
    ("GATIA/MSA and ISGS clashed near the town.",
     {fight("gatia", "isgs"), fight("msa", "isgs"), ally("gatia", "msa", "joint-action")}),
    # the one that hit a mine did not fight the mine's makers, nor anyone: nothing without a claim
    ("A MINUSMA convoy struck a landmine near the town.", set()),
    # "armed" right after a verb is an adjective, not support
    ("The French army and the Chadian army fought armed jihadist groups led by AQIM and Ansar Dine.",
     {fight("france", "aqim"), fight("france", "ansar-dine"), fight("chad", "aqim"), fight("chad", "ansar-dine"),
      ally("chad", "france", "joint-action")}),
    ("France armed the MNLA.", {ally("france", "mnla", "support")}),
    # "back" after a verb of driving is a particle, not support
    ("France intervened to drive back Ansar Dine.", {fight("france", "ansar-dine")}),
    ("France intervened in 2013 to drive back Islamist insurgents.", set()),
    # named examples stand in the generic's place
    ("There was fighting between the Malian army and jihadist groups like JNIM.", {fight("mali", "jnim")}),
    # examples of a kind attacked; that they acted together is not said
    ("Jihadist groups such as Ansar Dine and MOJWA attacked Malian troops.",
     {fight("ansar-dine", "mali"), fight("mojwa", "mali")}),
    # a modifier head without a hyphen is the name's verb when an object or preposition follows it
    ("The MNLA led an assault on the Malian army.", {fight("mali", "mnla")}),
    ("An al Qaeda linked group attacked Malian soldiers.", set()),
    # the holder of a place taken, named with "until then"
    ("MOJWA seized the town, until then held by Ganda Iso.", {fight("ganda-iso", "mojwa")}),
    # a quoted name and its acronym are one mention, so "which" finds it
    ('Survivors reached a gorge under jihadist control, notably of the "Jama\'at Nasr al-Islam '
     'wal-Muslimin" (JNIM), which then ambushed the Malian troops.', {fight("jnim", "mali")}),
]


@pytest.mark.parametrize("text,expected", ATTACKS)
def test_attacks_beyond_attacked(extractor, text, expected):
    assert named(extractor, text) == expected


def test_attacker_is_written_first_when_the_attacked_is_the_subject(extractor):
    found = [(e["source"], e["target"]) for e in edges(extractor, "A Malian convoy came under fire from MNLA fighters.")]
    assert found == [("mnla", "mali")]


# -- 2. passives and nominals ------------------------------------------------------------
PASSIVES = [
    ("Burkinabe gendarmes were ambushed by JNIM near the border.", {fight("jnim", "burkina-faso")}),
    ("An attack by JNIM on a Malian base killed twelve soldiers.", {fight("jnim", "mali")}),
    ("JNIM's offensive against the Malian army began in the spring.", {fight("jnim", "mali")}),
    ("The ambush of a Malian convoy by ISGS left ten soldiers dead.", {fight("isgs", "mali")}),
    ("Four Nigerien soldiers were killed in a suspected ISGS attack near the border.", {fight("isgs", "niger")}),
    ("Three Malian soldiers were wounded in an ambush claimed by JNIM.", {fight("jnim", "mali")}),
    ("Chadian soldiers killed Abu Example, an AQIM commander in the desert.", {fight("chad", "aqim")}),
    ("One of AQIM's most feared commanders, Abu Example, was killed by French forces.", {fight("france", "aqim")}),
    ("A French raid killed five JNIM fighters.", {fight("france", "jnim")}),
]


@pytest.mark.parametrize("text,expected", PASSIVES)
def test_passives_and_nominals(extractor, text, expected):
    assert named(extractor, text) == expected


# -- 3 and 4. shared force nouns and joint subjects -------------------------------------
JOINT = [
    ("Chadian and Nigerien soldiers repelled a Boko Haram assault.",
     {ally("chad", "niger", "joint-action"), fight("chad", "boko-haram"), fight("niger", "boko-haram")}),
    ("Burkinabe and French troops launched an operation against Ansarul Islam.",
     {ally("burkina-faso", "france", "joint-action"), fight("burkina-faso", "ansarul-islam"),
      fight("france", "ansarul-islam")}),
    ("Burkinabe and French troops launched an operation in the east.", {ally("burkina-faso", "france", "joint-action")}),
    ("JNIM and the CPA attacked the Malian base.",
     {ally("jnim", "cpa", "joint-action"), fight("jnim", "mali"), fight("cpa", "mali")}),
    ("French and Malian troops entered the town on Monday.", {ally("france", "mali", "joint-action")}),
    ("JNIM and ISGS fighters were reported to have carried out joint attacks.", {ally("jnim", "isgs", "joint-action")}),
    ("A joint statement by the United Nations and the African Union condemned the coup.",
     {ally("african-union", "united-nations", "joint-action")}),
    ("A joint Malian-French operation killed twenty JNIM fighters.",
     {ally("france", "mali", "joint-action"), fight("mali", "jnim"), fight("france", "jnim")}),
    ("The Malian-Wagner column was attacked by CSP fighters.",
     {ally("mali", "wagner", "joint-action"), fight("csp", "mali"), fight("csp", "wagner")}),
    ("A column of Malian soldiers and Wagner mercenaries left the town at dawn.", {ally("mali", "wagner", "joint-action")}),
    # two states' peacekeepers (2019, MINUSMA's mandate): together, and each its contingent
    ("The camp was defended by Chadian and Bengali peacekeepers.",
     {ally("bangladesh", "chad", "joint-action"), member("chad", "minusma", "contingent"),
      member("bangladesh", "minusma", "contingent")}),
]


@pytest.mark.parametrize("text,expected", JOINT)
def test_joint_subjects_act_together(extractor, text, expected):
    assert named(extractor, text) == expected


NOT_ALLIED = [
    # two attacks, two attackers: no joint action
    ("Boko Haram and ISGS killed four Nigerien soldiers in two separate attacks.",
     {fight("boko-haram", "niger"), fight("isgs", "niger")}),
    # the dead of both sides fought each other
    ("Clashes near the wells killed ten ISGS fighters and two Malian soldiers.", {fight("isgs", "mali")}),
    ("Two Malian soldiers and five JNIM fighters were killed in the clashes.", {fight("jnim", "mali")}),
    # together or against each other? nothing is said
    ("The MNLA and MOJWA began fighting in the city.", set()),
    # a co-victim is no ally
    ("JNIM killed three Malian soldiers along with two Burkinabe gendarmes.",
     {fight("jnim", "mali"), fight("jnim", "burkina-faso")}),
    # a relative clause on an attack named after a preposition: the attack killed them, not the subject
    ("In 2021 French jets struck Ansarul Islam fighters behind the January Djibo attack that killed fifty Burkinabe gendarmes.",
     {fight("ansarul-islam", "france")}),
    ("In 2021 JNIM claimed the ambush which killed fifty Burkinabe gendarmes.", {fight("burkina-faso", "jnim")}),
    # someone's unnamed allies ("its allies") make no alliance of the names before them
    ("In 2016 fighting broke out between the HCUA and the Malian army and its allies.", {fight("hcua", "mali")}),
    # a joint operation "between" two states' forces: they acted together; a "between" after another
    # noun is that noun's ("the attack came after the joint operation between ...")
    ("In 2021 the ambush came after a joint operation in June between Burkinabe and Nigerien forces.",
     {ally("burkina-faso", "niger", "joint-action")}),
    # a named whole's parts, listed before it, are no alliance among themselves
    ("Composed of Ansar Dine, al-Mourabitoun and Katiba Macina, JNIM vowed to rule the Sahel.", set()),
    # a group's former or other name names, it does not act; a backed faction "of" a group is not that group
    # (the former name's group is no attacker; the attacker before the aside is not found yet: no edge)
    ("In 2022 fighters of ISWAP, formerly known as Boko Haram, attacked a Nigerian base.", set()),
    ("In 2022 the IS-backed faction of Boko Haram, ISWAP, raided the town.",
     {ally("iswap", "islamic-state", "support"), member("iswap", "boko-haram", "member")}),
    ("In 2022 the IS-backed faction of Boko Haram raided the town.", set()),
    # "it's allies", misspelt, are someone's unnamed allies too; a "Nigeria-based" group's base is no battlefield
    ("In 2016 fighting broke out between the HCUA and the Malian army and it's allies.", {fight("hcua", "mali")}),
    ("In 2017 Chad said troops had killed 162 jihadists from the Nigeria-based group.", set()),
    # the Islamic State's West African branch, so named, is ISWAP
    ("In 2019 Islamic State's West African branch claimed an attack on a Nigerian army base.",
     {fight("iswap", "nigeria")}),
    # an apposed name after a named part ("the Sahara Emirate subgroup of AQIM, JNIM and ...") is a list item,
    # not the part; a claimant described by its parent ("the Sahel branch of al-Qaeda, JNIM, claimed") is one
    ("In 2017 the Sahara Emirate subgroup of AQIM, JNIM and Ansar Dine met.", set()),
    ("In 2017 the Sahel-based branch of al-Qaeda, JNIM, claimed the attack on Malian troops.",
     {fight("jnim", "mali"), member("jnim", "al-qaeda", "affiliate")}),
    # a group named in an apposition as the subject's parent ("Katiba Serma, a JNIM faction,") does not act
    ("In 2019 Katiba Serma, a JNIM faction, attacked Burkinabe troops.",
     {fight("burkina-faso", "katiba-serma"), member("katiba-serma", "jnim", "member")}),
    ("In 2019 Katiba Serma, a JNIM unit, attacked Burkinabe troops.", {fight("burkina-faso", "katiba-serma")}),
    # the leader of an attack noun ("a Wagner-led raid") is its agent
    ("In 2022 a Wagner-led raid killed dozens of JNIM fighters.", {fight("jnim", "wagner")}),
    # the present tense of a pledge, and MUJAO's French initials
    ("In 2015 Boko Haram, a group who pledge allegiance to the Islamic State, attacked Chadian troops.",
     {member("boko-haram", "islamic-state", "affiliate"), fight("boko-haram", "chad")}),
    ("In 2013 the attack on the Malian soldiers was later claimed by MOJAO.", {fight("mali", "mojwa")}),
    # a mission's host state's forces are no contingent of it
    ("In 2023 the CSP objected to the handover to the Malian army of MINUSMA camps near Kidal.", set()),
    # a lake is a place
    ("A suicide attack on Lake Chad killed three civilians.", set()),
    # a name ending in a capitalised noun, written in lower case, is a common noun phrase: an
    # Islamic state is no member of the Islamic State; the Wagner group is still Wagner
    ("In 2012 Ansar Dine fighters sign a deal to create Islamic state of Azawad.", set()),
    ("In 2022 the Wagner group attacked the HCUA.", {fight("hcua", "wagner")}),
    # ... but after "the" the whole name stands ("the African corps" is the Africa Corps)
    ("In 2025 the FLA struck a post of the Malian army and the African corps in Aguelhok.",
     {fight("fla", "mali"), fight("africa-corps", "fla")}),
]


@pytest.mark.parametrize("text,expected", NOT_ALLIED)
def test_named_together_is_not_always_allied(extractor, text, expected):
    assert named(extractor, text) == expected


# -- 5. support ----------------------------------------------------------------------------
SUPPORT = [
    # signatories of a pact allied; "cooperates with" is an alliance
    ("The governments of Niger, Mali and Burkina Faso signed a mutual defence pact.",
     {ally("mali", "niger", "alliance"), ally("burkina-faso", "niger", "alliance"), ally("burkina-faso", "mali", "alliance")}),
    ("The Malian army and the CMA signed a ceasefire near the town.", set()),
    ("Ansarul Islam cooperates closely with JNIM.", {ally("ansarul-islam", "jnim", "alliance")}),
    ("The military leaders of Mali, Burkina Faso and Niger signed a mutual defence pact.",
     {ally("burkina-faso", "mali", "alliance"), ally("mali", "niger", "alliance"), ally("burkina-faso", "niger", "alliance")}),
    # shots exchanged: with a third side, a coordinated subject stood together; between its own, they fought
    ("Nigerien and Malian soldiers traded shots with MOJWA near the well.",
     {ally("mali", "niger", "joint-action"), fight("mali", "mojwa"), fight("mojwa", "niger")}),
    ("The HCUA and GATIA exchanged gunfire outside the town.", {fight("gatia", "hcua")}),
    # an agreement signed between parties (a passive), or entered with another: the parties allied
    ("In 2016 a peace deal was signed between GATIA and the HCUA in Anefis.", {ally("gatia", "hcua", "alliance")}),
    ("In 2016 a truce agreement was signed between GATIA and the HCUA.", set()),
    ("In 2016 GATIA and the HCUA entered the Anefis accords with the Malian government.",
     {ally("gatia", "hcua", "alliance"), ally("gatia", "mali", "alliance"), ally("hcua", "mali", "alliance")}),
    ("In 2016 the Malian army had to deal with the HCUA.", set()),
    # "troops from neighbouring Chad and Niger": an epithet leaves the countries each state's troops
    ("In 2015 troops from neighbouring Chad and Niger attacked Boko Haram.",
     {ally("chad", "niger", "joint-action"), fight("boko-haram", "chad"), fight("boko-haram", "niger")}),
    ("In 2015 refugees fled from neighbouring Chad and Niger.", set()),
    # a list of states after "the governments of" goes on past "the Netherlands"
    ("The governments of Ghana, the Netherlands and Norway signed a mutual defence pact.",
     {ally("ghana", "netherlands", "alliance"), ally("ghana", "norway", "alliance"), ally("netherlands", "norway", "alliance")}),
    ("The governments of Chad, Niger and Nigeria on Saturday agreed to establish a regional force.",
     {ally("chad", "niger", "alliance"), ally("chad", "nigeria", "alliance"), ally("niger", "nigeria", "alliance")}),
    ("French commandos and Malian forces began an operation, working in liaison with the Nigerien army.",
     {ally("france", "mali", "joint-action"), ally("france", "niger", "joint-action"), ally("mali", "niger", "joint-action")}),
    # a list set off by dashes names the subject
    ("The jihadist groups—Ansar Dine, AQIM and MOJWA—wrested control of the town away from the MNLA.",
     {fight("ansar-dine", "mnla"), fight("aqim", "mnla"), fight("mojwa", "mnla"), ally("ansar-dine", "aqim", "joint-action"),
      ally("ansar-dine", "mojwa", "joint-action"), ally("aqim", "mojwa", "joint-action")}),
    # a campaign of each, not one joint event
    ("The ISGS and JNIM have carried out attacks in the tri-border area.", set()),
    ("In 2019 JNIM and the ISGS coordinated attacks against Malian forces.",
     {ally("isgs", "jnim", "joint-action"), fight("isgs", "mali"), fight("jnim", "mali")}),
    # a demonym compound describes what follows: the backer backs it, an owner is no party
    ("French-backed Malian troops attacked the MNLA.", {ally("france", "mali", "support"), fight("mali", "mnla")}),
    ("French-trained Malian troops attacked the MNLA.", {ally("france", "mali", "support"), fight("mali", "mnla")}),
    ("JNIM fighters stormed a US-owned hotel in the capital.", set()),
    # a generic placed by its own phrase is that state, whatever other state the sentence names
    ("Russian-backed government forces in Niger fought the ISGS near the border with Mali.",
     {ally("niger", "russia", "support"), fight("isgs", "niger")}),
    # "X accused Y of allying with Z": Y and Z allied, alleged by X
    ("The ISGS accused the MSA of allying with France.", {ally("france", "msa", "alliance")}),
    # a French aircraft model names France's aircraft
    ("A French Mirage 2000D routed the ISGS fighters near the border.", {fight("france", "isgs")}),
    # "its ally" is the ally of the side named just before, and fought on its side
    ("The battle was fought between the MNLA and the Islamist MOJWA, along with its ally Ansar Dine.",
     {fight("mnla", "mojwa"), ally("ansar-dine", "mojwa", "joint-action"), fight("ansar-dine", "mnla")}),
    ("The MNLA took Kidal with the help of the HCUA.", {ally("mnla", "hcua", "support")}),
    ("The Malian army advanced on the town with air support from France.", {ally("mali", "france", "support")}),
    ("Malian troops backed by French aircraft retook the town.", {ally("france", "mali", "support")}),
    ("France commits troops to aid Malian forces in the north.", {ally("france", "mali", "support")}),
    ("Algeria's support of the French operation angered the militants.", {ally("algeria", "france", "support")}),
    ("The Malian army, along with Wagner mercenaries, recaptured the town.", {ally("mali", "wagner", "joint-action")}),
    ("French troops fought the rebels near the river alongside Malian troops.", {ally("france", "mali", "joint-action")}),
    ("The Malian government reached an agreement with the MNLA on Tuesday.", {ally("mali", "mnla", "alliance")}),
    ("The United Kingdom and Germany provided transport aircraft to support the French deployment.",
     {ally("france", "united-kingdom", "support"), ally("france", "germany", "support")}),
    ("French troops continued to support the Nigerien army in operations against the ISGS.",
     {ally("france", "niger", "support"), fight("niger", "isgs")}),
    # an idiom, not an agreement: "to deal with" a threat
    ("The Malian army set up a new unit to deal with JNIM.", set()),
    # the owner of a support noun after "with" backs the subject; it is not the verb's object
    ("Malian forces retook the town with French air support.", {ally("france", "mali", "support")}),
    ("Malian troops retook the town from the Islamists with French military support.",
     {ally("france", "mali", "support")}),
    ("Nigerien soldiers attacked the camp with Chadian military backing.",
     {ally("chad", "niger", "support")}),
]


@pytest.mark.parametrize("text,expected", SUPPORT)
def test_support_and_companions(extractor, text, expected):
    assert named(extractor, text) == expected


# -- 6 and 7. umbrella and component; affiliation is not alliance ------------------------------
MEMBERSHIP = [
    ("Burkina Faso, Mali and Niger join forces to form the Alliance of Sahel States.",
     {member("burkina-faso", "aes", "member"), member("mali", "aes", "member"), member("niger", "aes", "member")}),
    ("Al-Mourabitoun was created after the merging of MOJWA and al-Mulathameen.",
     {member("mojwa", "al-mourabitoun", "member"), member("al-mulathameen", "al-mourabitoun", "member")}),
    ("Katiba Macina (JNIM) attacked a Malian army post.",
     {member("katiba-macina", "jnim", "member"), fight("katiba-macina", "mali")}),
    ("JNIM/Katiba Macina fighters attacked a Malian army post.",
     {member("katiba-macina", "jnim", "member"), fight("katiba-macina", "mali")}),
    ("JNIM's Katiba Macina attacked a Malian army post.",
     {member("katiba-macina", "jnim", "member"), fight("katiba-macina", "mali")}),
    ("Katiba Macina, a JNIM affiliate, attacked Malian soldiers.",
     {member("katiba-macina", "jnim", "affiliate"), fight("katiba-macina", "mali")}),
    ("The ISGS, the Sahel branch of the Islamic State, attacked Nigerien troops.",
     {member("isgs", "islamic-state", "affiliate"), fight("isgs", "niger")}),
    ("The al-Qaeda-linked JNIM attacked Burkinabe soldiers.", {ally("jnim", "al-qaeda", "link"), fight("jnim", "burkina-faso")}),
    ("The al-Qaeda-linked, Sahel-based JNIM claimed the kidnapping.", {ally("jnim", "al-qaeda", "link")}),
    ("ISGS pledged allegiance to the Islamic State.", {member("isgs", "islamic-state", "affiliate")}),
    ("Katiba Macina merged with Ansar Dine, al-Mourabitoun and the Sahara branch of AQIM to form JNIM.",
     {member("katiba-macina", "jnim", "member"), member("ansar-dine", "jnim", "member"),
      member("al-mourabitoun", "jnim", "member"), member("emirate-of-the-sahara", "jnim", "member")}),
    ("The main movements of the CSP, including the MNLA and the HCUA, met in the north.",
     {member("mnla", "csp", "member"), member("hcua", "csp", "member")}),
    ("Ansarul Islam, by then a JNIM-aligned group, fought the ISGS.",
     {ally("ansarul-islam", "jnim", "link"), fight("ansarul-islam", "isgs")}),
    ("The attack targeted a MINUSMA camp garrisoned by Chadian peacekeepers.", {member("chad", "minusma", "contingent")}),
    ("A Dutch military helicopter serving as part of MINUSMA crashed near the airport.",
     {member("netherlands", "minusma", "contingent")}),
    ("AQIM is al-Qaeda's branch in North Africa.", {member("aqim", "al-qaeda", "affiliate")}),
    ("Ansar Dine's MNLA allies withdrew from the city.", set()),
    ("JNIM, affiliated with al-Qaeda, attacked a Malian base.",
     {member("jnim", "al-qaeda", "affiliate"), fight("jnim", "mali")}),
    # the relative clause is aside: the group before it attacked
    ("Ansarul Islam, which is linked to JNIM, attacked Burkinabe soldiers.",
     {ally("ansarul-islam", "jnim", "link"), fight("ansarul-islam", "burkina-faso")}),
    # a coalition's make-up, told with the coalition as subject
    ("The Platform consists of the GATIA and the CMFPR.",
     {member("gatia", "platform", "member"), member("cmfpr", "platform", "member")}),
    ("The CMA is made up of the MNLA, the HCUA and the MAA.",
     {member("mnla", "cma", "member"), member("hcua", "cma", "member"), member("maa", "cma", "member")}),
]


def test_a_membership_described_as_it_stands_is_undated_but_held_by_the_date_in_force(extractor):
    rows = edges(extractor, "In June 2020, JNIM, an affiliate of al-Qaeda, attacked a Malian base.")
    (m,) = [e for e in rows if e["relation"] == "member-of"]
    assert (m["source"], m["target"], m["date"], m["date_precision"]) == ("jnim", "al-qaeda", "", "unknown")
    assert m["date_latest"] == "2020-06-30"  # it held by then
    (f,) = [e for e in rows if e["relation"] == "fought-against"]
    assert f["date"] == "2020-06"  # the attack keeps its date


def test_a_membership_told_as_an_event_keeps_its_date(extractor):
    rows = edges(extractor, "Katiba Macina was formed in 2015 as an affiliate of Ansar Dine.")
    (m,) = [e for e in rows if e["relation"] == "member-of"]
    assert (m["source"], m["target"], m["date"]) == ("katiba-macina", "ansar-dine", "2015")


def test_a_states_peacekeepers_are_its_contingent_of_the_mission_in_force(extractor):
    text = "On 20 January 2019, JNIM attacked Chadian peacekeepers in Aguelhok."
    got = named_edges.named(extractor, extract([parse_document("t.txt", text)], extractor=extractor).edges)
    assert got == {fight("chad", "jnim"), fight("jnim", "minusma"), member("chad", "minusma", "contingent")}
    # before MINUSMA (July 2013) no mission's period covers the date: the state's troops only
    text = "On 20 January 2010, JNIM attacked Chadian peacekeepers in Aguelhok."
    got = named_edges.named(extractor, extract([parse_document("t.txt", text)], extractor=extractor).edges)
    assert got == {fight("chad", "jnim")}
    # soldiers are the state's own army, not a contingent
    text = "On 20 January 2019, JNIM attacked Chadian soldiers in Aguelhok."
    got = named_edges.named(extractor, extract([parse_document("t.txt", text)], extractor=extractor).edges)
    assert got == {fight("chad", "jnim")}


@pytest.mark.parametrize("text, expected", [
    # a clash's "between" is its own, not a later noun's; an alliance told as ending is none
    ("JNIM and ISGS fighters clashed repeatedly in the Gourma, ending years of cooperation between the two groups.",
     {fight("isgs", "jnim")}),
    ("The MNLA broke off its alliance with Ansar Dine.", set()),
    ("The MNLA formed an alliance with Ansar Dine.", {ally("ansar-dine", "mnla", "alliance")}),
    # "blamed the ambush on X": X is blamed, not the ambush's target
    ("Malian authorities blamed the ambush on the Katiba Macina.", set()),
    ("Ten Malian soldiers were killed in an ambush near the well. Malian authorities blamed the ambush on the "
     "Katiba Macina.", {fight("katiba-macina", "mali")}),
])
def test_ended_alliances_blame_and_a_clashs_own_between(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # plural force nouns after coordinated demonyms
    ("The Nigerien and Burkinabe armies attacked JNIM.",
     {fight("jnim", "niger"), fight("burkina-faso", "jnim"), ally("burkina-faso", "niger", "joint-action")}),
    ("Rebels of the CSP and JNIM fighters inflicted heavy losses on Malian troops.",
     {fight("csp", "mali"), fight("jnim", "mali"), ally("csp", "jnim", "joint-action")}),
    # "A and its ally, B," is a coordinated subject
    ("The Malian army and its ally, the Wagner Group, attacked JNIM.",
     {fight("jnim", "mali"), fight("jnim", "wagner"), ally("mali", "wagner", "joint-action")}),
    # the partners' noun is followed by a verb: what comes after is no name of theirs
    ("France and its European partners announced the withdrawal of Barkhane and Takuba from Mali.", set()),
])
def test_plural_forces_inflicted_losses_and_possessed_allies(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_participle_describing_a_noun_takes_no_patient_from_further_back(extractor):
    text = "Jihadists linked to al-Qaeda attacked a convoy escorted by soldiers and VDP near the well."
    assert named(extractor, text) == set()


def test_a_years_page_puts_its_year_in_force(extractor):
    text = ("# 2021 in Burkina Faso\n\n## Events\n\n### June\n"
            "- 14 June – Burkinabe forces and VDP repel an attack by ISGS fighters on a village.\n")
    rows = extract([parse_document("year.md", text)], extractor=extractor).edges
    assert {e["date"] for e in rows} == {"2021-06-14"}
    assert named_edges.named(extractor, rows) == {fight("burkina-faso", "isgs"), fight("isgs", "vdp"),
                                                  ally("burkina-faso", "vdp", "joint-action")}



def test_the_mnla_allied_with_is_a_verb_not_a_description(extractor):
    assert named(extractor, "The MNLA allied with Ansar Dine.") == {ally("ansar-dine", "mnla", "alliance")}


def test_a_date_in_a_coordinated_clause_after_the_cue_is_that_clauses(extractor):
    rows = edges(extractor, "On 1 September, the town, until then held by Ganda Iso, was seized by MOJWA, and on "
                            "28 November, the MNLA was pushed out of Lere by Ansar Dine.")
    dates = {tuple(sorted((e["source"], e["target"]))): e["date"] for e in rows}
    assert dates == {("ganda-iso", "mojwa"): "2019-09-01", ("ansar-dine", "mnla"): "2019-11-28"}


def test_an_accusation_makes_the_accused_relation_alleged_by_the_accuser(extractor):
    (e,) = edges(extractor, "The ISGS accused the MSA of allying with France.")
    assert (e["status"], e["claimed_by"]) == ("alleged", "isgs")


def test_casualties_with_no_attacker_are_attributed_only_by_a_claim(extractor):
    assert named(extractor, "Two Malian soldiers were killed near the river.") == set()
    rows = edges(extractor, "Two Malian soldiers were killed near the river. The attack was claimed by JNIM.")
    assert [(e["source"], e["target"], e["status"], e["claimed_by"]) for e in rows] == [
        ("jnim", "mali", "claimed", "jnim")]


@pytest.mark.parametrize("text,expected", MEMBERSHIP)
def test_umbrella_component_and_affiliation(extractor, text, expected):
    assert named(extractor, text) == expected


# -- 8. kinds in the tables ----------------------------------------------------------------
def test_edges_table_has_a_relation_kind_column():
    names = [n for n, _ in EDGE_COLUMNS]
    assert "relation_kind" in names and names.index("relation_kind") > names.index("curation")
    assert set(RELATION_KINDS) == {"fought-against", "allied-with", "split-from", "member-of"}


def test_every_alliance_and_membership_has_a_kind_of_its_relation(extractor):
    text = ("JNIM and the CPA attacked the Malian base. The MNLA took Kidal with the help of the HCUA. "
            "Katiba Macina (JNIM) attacked a Malian post. Chadian MINUSMA peacekeepers repelled the attack. "
            "The al-Qaeda-linked JNIM attacked Burkinabe soldiers.")
    rows = edges(extractor, text)
    assert rows
    for e in rows:
        kinds = RELATION_KINDS[e["relation"]]
        assert (e["relation_kind"] in kinds) if kinds else e["relation_kind"] == "", e


def test_every_alliance_and_membership_cue_carries_its_kind_as_data():
    cues = load_cues()
    for entries in cues.relation_cues.values():
        for cue in entries:
            kinds = RELATION_KINDS[cue.kind]
            assert (cue.relation_kind in kinds) if kinds else cue.relation_kind == "", cue.id


def test_a_cue_with_a_kind_outside_its_relation_is_refused(tmp_path):
    from actors.errors import DataFileError
    from importlib import resources

    text = resources.files("actors").joinpath("data/cues.toml").read_text(encoding="utf-8")
    bad = text.replace('kind = "link"', 'kind = "contingent"', 1)
    path = tmp_path / "cues.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataFileError, match="contingent"):
        load_cues(path)


def test_the_two_sides_of_a_fight_are_not_joint_actors():
    """'Fighting between A and B' names opponents; the coordination is not a joint action."""
    from actors.extract.pipeline import extract
    from actors.text.documents import parse_document

    x = extract([parse_document("fight.txt", "On 3 May 2014, fighting between MNLA rebels and Malian troops "
                                             "near the town killed twelve people.")])
    pairs = {(e["relation"], frozenset((e["source"], e["target"]))) for e in x.edges}
    assert ("fought-against", frozenset(("mnla", "mali"))) in pairs
    assert ("allied-with", frozenset(("mnla", "mali"))) not in pairs


def test_starred_items_of_a_belligerents_line_belong_to_the_item_above(extractor):
    text = ("= Battle of the Well =\n\nInfobox\n- Date: 3 May 2015\n"
            "- Combatant1: Platform, * GATIA, MINUSMA, * Netherlands\n"
            "- Combatant2: CMA, * MNLA, * HCUA\n\nThe battle was fought at a well.\n")
    got = named_edges.named(extractor, extract([parse_document("t.txt", text)], extractor=extractor).edges)
    assert got == {
        fight("platform", "cma"), fight("minusma", "cma"), ally("minusma", "platform", "alliance"),
        member("gatia", "platform", "member"), member("netherlands", "minusma", "contingent"),
        member("mnla", "cma", "member"), member("hcua", "cma", "member"),
    }
    # under a state, a starred force fights with it
    text = ("= Battle of the Pass =\n\nInfobox\n- Date: 3 May 2023\n- Combatant1: Mali, * Wagner Group\n"
            "- Combatant2: JNIM\n\nThe battle was fought at a pass.\n")
    got = named_edges.named(extractor, extract([parse_document("t.txt", text)], extractor=extractor).edges)
    assert got == {fight("mali", "jnim"), ally("mali", "wagner", "alliance")}


@pytest.mark.parametrize("block, expected", [
    # the sides' entries one per line, apart by a blank line; "Supported by:" backs a side
    ("Belligerents\nFlag of Mali.svg  Mali\nFlag of France.svg  France\nSupported by:\nMINUSMA\n\n"
     "AQMI Flag.svg Ansar Dine\nFlag of Jihad.svg MOJWA\n\nCommanders and leaders\nNobody\n",
     {fight("mali", "ansar-dine"), fight("mali", "mojwa"), fight("france", "ansar-dine"), fight("france", "mojwa"),
      ally("france", "mali", "alliance"), ally("ansar-dine", "mojwa", "alliance"),
      ally("minusma", "mali", "support"), ally("minusma", "france", "support")}),
    # a two-column table flattened to one row per side, its header row still carrying the table's pipes
    ("Belligerents | |||||||\nFrance Chad |\nAnsar Dine MOJWA | ||||||\nCommanders and leaders | |||||||\nNobody |\n",
     {fight("france", "ansar-dine"), fight("france", "mojwa"), fight("chad", "ansar-dine"), fight("chad", "mojwa"),
      ally("chad", "france", "alliance"), ally("ansar-dine", "mojwa", "alliance")}),
    ("Belligerents\nFrance Chad |\nAnsar Dine MOJWA |\nCommanders and leaders\nNobody\n",
     {fight("france", "ansar-dine"), fight("france", "mojwa"), fight("chad", "ansar-dine"), fight("chad", "mojwa"),
      ally("chad", "france", "alliance"), ally("ansar-dine", "mojwa", "alliance")}),
    # one entry per line with nothing between the sides: states give way to one family of armed groups
    ("Belligerents\nMali\nFrance\nAnsar Dine\nMOJWA\nCommanders and leaders\nNobody\n",
     {fight("mali", "ansar-dine"), fight("mali", "mojwa"), fight("france", "ansar-dine"), fight("france", "mojwa"),
      ally("france", "mali", "alliance"), ally("ansar-dine", "mojwa", "alliance")}),
    # ... but al-Qaeda's and the Islamic State's groups are never one side, nor rebels with jihadists
    ("Belligerents\nMali\nWagner Group\nJNIM\nISGS\nCommanders and leaders\nNobody\n", set()),
    ("Belligerents\nMali\nWagner Group\nCSP\nJNIM\nCommanders and leaders\nNobody\n", set()),
    # sides headed by labels over several runs: support labels back the side they are under, the
    # other label starts the second side; entries under a category label are listed, not allied
    ("Belligerents\n\n Niger\n\nSupported by:\n France\n\nTraining:\n Canada\n\nJihadists:\nJNIM\n\n\n ISGS\n\n"
     "Boko Haram\nCommanders and leaders\nNobody\n",
     {fight("niger", "jnim"), fight("niger", "isgs"), fight("niger", "boko-haram"), ally("france", "niger", "support"),
      ally("canada", "niger", "support")}),
])
def test_flattened_belligerents_blocks(extractor, block, expected):
    text = "Battle of the Well\n\nPart of Mali War\nDate 3 May 2015\nResult Victory\n" + block + "\nThe battle was fought.\n"
    got = named_edges.named(extractor, extract([parse_document("t.txt", text)], extractor=extractor).edges)
    assert got == expected


def test_an_infobox_entrys_own_period_dates_its_relations(extractor):
    text = ("Insurgency in the Well\n\nPart of Mali War\nDate 2015 – present\nResult Ongoing\n"
            "Belligerents\n\n Niger\n\nSupported by:\n France[2] (2014–23)[3]\n Germany (since 2016)\n"
            " Canada (until 2020)\n Italy (from June 2018)\n\nJihadists:\nJNIM\nCommanders and leaders\nNobody\n\nThe war went on.\n")
    rows = extract([parse_document("t.txt", text)], extractor=extractor).edges
    dates = {(e["source"], e["target"]): (e["date"], e["date_precision"]) for e in rows}
    assert dates[("france", "niger")] == ("2014", "year")  # the start of its own range
    assert dates[("germany", "niger")] == ("2016", "year")
    assert dates[("italy", "niger")] == ("2018-06", "month")  # at the precision it gives
    assert dates[("canada", "niger")][0] != "2020"  # an end gives no start
    assert dates[("niger", "jnim")][0] != "2014"  # the others keep the infobox's date


def test_prose_right_under_a_scraped_infobox_is_text_not_a_field(extractor):
    text = ("Raid on the well | |\nLocation: | The well, Mali |\nDate: | 21 March 2021 |\n"
            "Perpetrator: | Islamic State in the Greater Sahara |\n"
            "In 2021, the French army launched a wide offensive on the Islamic State in the Greater Sahara, which ran "
            "alongside other operations near the borders of Mali, Niger, and Burkina Faso.\n")
    got = named_edges.named(extractor, extract([parse_document("t.txt", text)], extractor=extractor).edges)
    assert fight("france", "isgs") in got


def test_the_two_groups_stand_for_the_two_named_just_before(extractor):
    text = "JNIM and the ISGS were rivals. Fighting between the two groups broke out near the river."
    assert fight("isgs", "jnim") in named(extractor, text)
    assert not any(r[1] == "allied-with" for r in named(extractor, text))
    # three groups named before: "the two groups" is not resolved
    assert named(extractor, "JNIM, the ISGS and Ansarul Islam met. The two groups attacked Malian soldiers.") == set()


@pytest.mark.parametrize("text, expected", [
    # an adverb right after the subject ("then") does not cut it off from its verb
    ("The CSP then attacked the Malian army.", {fight("csp", "mali")}),
    # a name listing three things, with the serial comma
    ("The Permanent Strategic Framework for Peace, Security, and Development attacked the Malian army.",
     {fight("csp", "mali")}),
])
def test_subject_adverbs_and_serial_commas(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_short_sentence_right_under_a_scraped_infobox_is_prose(extractor):
    text = ("Raid on the well | |||||||\n---|---|---|\nPart of Mali War | |||||||\nBelligerents | |||||||\n"
            "Mali | |||||||\nCasualties and losses | |||||||\n25 killed | 1 killed |\n"
            "On October 1, 2023, rebels from the CSP attacked Malian forces in the town, Mali.\n")
    rows = extract([parse_document("t.txt", text)], extractor=extractor).edges
    assert {(e["source"], e["target"], e["date"]) for e in rows} == {("csp", "mali", "2023-10-01")}


def test_flag_image_sizes_before_an_entry_are_not_part_of_its_name(extractor):
    text = ("= Battle of the Well =\n\nInfobox\n- Date: April 1, 2018\n- Combatant1: France, MSA, border|20pxGATIA\n"
            "- Combatant2: Islamic State in the Greater Sahara\n\nThe battle was fought.\n")
    rows = extract([parse_document("t.txt", text)], extractor=extractor).edges
    assert ("gatia", "isgs") in {(e["source"], e["target"]) for e in rows} | {(e["target"], e["source"]) for e in rows}


def test_between_a_aided_by_b_against_c_and_d_gives_two_sides(extractor):
    text = "The battle took place between French and Malian forces aided by the MSA against JNIM and the ISGS."
    assert named(extractor, text) == {
        fight("france", "jnim"), fight("france", "isgs"), fight("jnim", "mali"), fight("isgs", "mali"),
        fight("jnim", "msa"), fight("isgs", "msa"), ally("france", "mali", "joint-action"),
        ally("france", "msa", "joint-action"), ally("mali", "msa", "joint-action"), ally("isgs", "jnim", "joint-action")}


@pytest.mark.parametrize("text, expected", [
    # soldiers and troops with no demonym are the state of their place, or of the one state the sentence names
    ("JNIM claimed responsibility for an assault in Burkina Faso that killed forty troops.",
     {fight("burkina-faso", "jnim")}),
    ("JNIM fighters killed ten soldiers near Djibo.", {fight("burkina-faso", "jnim")}),
    # two states named: whose soldiers is unknown
    ("JNIM fighters killed soldiers near the border between Mali and Niger.", set()),
])
def test_soldiers_without_a_demonym_are_their_places_state(extractor, text, expected):
    assert named(extractor, text) == expected


def test_a_labelled_date_on_the_title_line_is_the_day_the_report_was_filed(extractor):
    text = " date 2019-01-23 Peacekeepers mourned\n\nOn 20 January, AQIM attacked Chadian MINUSMA peacekeepers.\n"
    rows = extract([parse_document("t.txt", text)], extractor=extractor).edges
    assert {e["date"] for e in rows if e["relation"] == "fought-against"} == {"2019-01-20"}


def test_a_state_that_faced_an_insurgency_by_listed_groups_fought_each_and_they_are_no_allies(extractor):
    text = ("Since 2015, Burkina Faso has faced an insurgency by jihadist groups including Ansarul Islam, JNIM "
            "and the Islamic State in the Greater Sahara.")
    assert named(extractor, text) == {fight("ansarul-islam", "burkina-faso"), fight("burkina-faso", "jnim"),
                                      fight("burkina-faso", "isgs")}


def test_the_army_in_an_article_about_one_states_battle_is_that_states(extractor):
    text = ("= Battle of the Dam =\n\nInfobox\n- Date: 12 May 2021\n- Combatant1: Burkina Faso\n"
            "- Combatant2: Jama'at Nasr al-Islam wal Muslimin\n\n"
            "On the morning of 12 May, JNIM fighters on motorcycles assaulted the army outpost.\n")
    rows = extract([parse_document("t.txt", text)], extractor=extractor).edges
    assert {(e["source"], e["target"]) for e in rows if e["cue"] != "belligerents"} == {("jnim", "burkina-faso")}


@pytest.mark.parametrize("text, expected", [
    # "the junta" from 2023 is Mali's, Burkina Faso's or Niger's: the document's or the sentence's state says
    ("2024 in Niger\n\nOn 12 April 2024, the junta signed an alliance with Russia.\n", {ally("niger", "russia", "alliance")}),
    ("2024 in Mali\n\nOn 12 April 2024, the junta signed an alliance with Russia.\n", {ally("mali", "russia", "alliance")}),
    ("Sahel news\n\nOn 12 September 2023, the CMA said it was at war with the junta which took power in Bamako.\n",
     {fight("cma", "mali")}),
    ("Sahel news\n\nOn 12 April 2024, the junta signed an alliance with Russia.\n", set()),  # whose is not said
    ("Sahel news\n\nOn 12 April 2021, the junta signed an alliance with Russia.\n", {ally("mali", "russia", "alliance")}),
])
def test_the_junta_is_the_documents_or_the_sentences_state(extractor, text, expected):
    rows = extract([parse_document("t.txt", text)], extractor=extractor).edges
    assert named_edges.named(extractor, rows) == expected


def test_a_force_tasked_with_fighting_is_a_mission_not_a_fight(extractor):
    text = "Chad and Niger pulled their battalions out of a multinational force charged with fighting Boko Haram."
    assert named(extractor, text) == set()


def test_the_leader_of_a_coalition_or_mission_named_as_a_modifier_is_its_member(extractor):
    text = "The Malian Armed Forces and the French-led Takuba Task Force carried out a joint raid near the river."
    assert named(extractor, text) == {ally("mali", "takuba", "joint-action"), member("france", "takuba", "contingent")}
    # a state's army led by another is no coalition: nothing
    assert named(extractor, "The Tuareg-led MNLA attacked the Malian army.") == {fight("mali", "mnla")}


@pytest.mark.parametrize("text, expected", [
    # a bracket glossing a name ("(Defenders of the Faith)", "(the Movement for ...)") does not break a list
    ("Ansar Dine (Defenders of the Faith), AQIM and MUJAO (the Movement for Oneness and Jihad in West Africa) "
     "seized control of the town.",
     {ally("aqim", "mojwa", "joint-action"), ally("ansar-dine", "aqim", "joint-action"),
      ally("ansar-dine", "mojwa", "joint-action")}),
    # what is arranged is not done
    ("Regional battalions are to be sent north to fight beside French and Malian units.", set()),
])
def test_glosses_in_lists_and_arrangements(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # states leaving a coalition or mission split from it; a place left, or troops withdrawn, is no split
    ("Mali, Burkina Faso and Niger formally withdrew from ECOWAS.",
     {("mali", "split-from", "ecowas", ""), ("burkina-faso", "split-from", "ecowas", ""),
      ("niger", "split-from", "ecowas", "")}),
    ("Mali left the G5 Sahel.", {("mali", "split-from", "g5-sahel", "")}),
    ("The MNLA left Kidal.", set()),
    ("Chad withdrew 600 of its troops from the G5 Sahel force.", set()),
    # a relative clause holding a list is aside; what is launched against someone is no organisation founded
    ("The G5 Sahel Joint Force, which includes troops from Mali, Niger and Chad, launched operations against JNIM.",
     {fight("g5-sahel", "jnim"), member("mali", "g5-sahel", "member"), member("niger", "g5-sahel", "member"),
      member("chad", "g5-sahel", "member")}),
    ("Ansar Dine, al-Mourabitoun, Katiba Macina and AQIM's Saharan branch merged to form JNIM.",
     {member("ansar-dine", "jnim", "member"), member("al-mourabitoun", "jnim", "member"),
      member("katiba-macina", "jnim", "member")}),
])
def test_leaving_organisations_relative_asides_and_founding(extractor, text, expected):
    assert named(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a date right after a verb of saying dates the statement, not the attack it tells
    (" date 2023-02-24 News\n\nThe Islamic State group claimed responsibility Friday for an attack in Burkina Faso "
     "that killed more than 50 troops last week.\n", "2023"),
    ("In 2020 the war went on.\n\nThe Malian army said on Tuesday that JNIM attacked a Malian post near the well.\n", "2020"),
    # a date of its own, before the verb of saying, still dates the event
    ("In 2020 the war went on.\n\nOn 3 May 2020, JNIM attacked a Malian post, the army said.\n", "2020-05-03"),
    # a date before a claim is the claim's when the attack claimed has a date of its own after it
    ("On 9 June 2020 JNIM released a statement claiming the attack on a Malian post carried out on 2 June 2020.\n",
     "2020-06-02"),
])
def test_a_date_of_saying_is_not_the_date_of_what_is_said(extractor, text, expected):
    rows = extract([parse_document("t.txt", text)], extractor=extractor).edges
    assert {e["date"] for e in rows if e["relation"] == "fought-against"} == {expected}


def test_a_membership_listed_under_a_coalition_is_as_it_stood_undated(extractor):
    # "Platform, * GATIA": GATIA's membership is not an event of the battle (held by its date);
    # a state's contingent under a mission fought there, on the battle's date
    text = ("= Battle of the Well =\n\nInfobox\n- Date: 3 May 2015\n"
            "- Combatant1: Platform, * GATIA, MINUSMA, * Netherlands\n- Combatant2: CMA\n\nThe battle was fought.\n")
    edges = extract([parse_document("t.txt", text)], extractor=extractor).edges
    dates = {(e["source"], e["target"]): (e["date"], e["date_latest"]) for e in edges if e["relation"] == "member-of"}
    assert dates[("gatia", "platform")] == ("", "2015-05-03")
    assert dates[("netherlands", "minusma")][0] == "2015-05-03"
