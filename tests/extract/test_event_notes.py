"""The wording of event notes (the short dated notes of conflict-event datasets) and of
encyclopedic prose on Sahel battles: coordinated subjects clashing with a third side,
devices going off under a vehicle, "them" for the attackers just named, hedged
identifications, claims and denials of a part in an attack, joint operations "in
collaboration with" another force; and what must give nothing (the dead of two sides,
"in the presence of", civilians, denials).

Every note here is invented about a generic situation and fictional places (Kerendi,
Dagassou, Tessembi, ...); the actors are the packaged dictionary's, so each expected
row can be checked by hand. Each case lists every relation between named actors the
note should give (symmetric relations as sorted pairs), with its kind: nothing more,
nothing less.
"""

from __future__ import annotations

import named_edges
import pytest
from named_edges import ally, fight, member

from actors.extract.pipeline import Extractor, extract
from actors.text.documents import parse_document


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


def edges(extractor, text: str) -> list[dict]:
    return extract([parse_document("note.txt", text + "\n")], extractor=extractor).edges


def named(extractor, text: str) -> set[tuple]:
    """(source, relation, target, kind) between named actors; symmetric pairs sorted."""
    return named_edges.named(extractor, edges(extractor, text))


NOTES = [
    # a coordinated subject clashing with a third side stood together
    ("On 3 February 2021, FAMa and Wagner Group forces clashed with JNIM militants near Tessembi. "
     "Four militants were killed.",
     {fight("mali", "jnim"), fight("wagner", "jnim"), ally("mali", "wagner", "joint-action")}),
    ("On 7 July 2022, Malian army and Wagner forces clashed with JNIM militants near Kerendi. "
     "Three Malian soldiers and two Wagner fighters were killed.",
     {fight("mali", "jnim"), fight("wagner", "jnim"), ally("mali", "wagner", "joint-action")}),
    # ... but two sides that clashed are never allies, nor are the dead of both sides
    ("On 9 March 2021, FAMa and JNIM clashed near Tessembi.", {fight("mali", "jnim")}),
    ("On 27 April 2022, clashes between JNIM and ISGS near Kerendi left twelve JNIM militants and "
     "nine ISGS militants dead.", {fight("jnim", "isgs")}),
    ("On 10 April 2022, clashes between FAMa and JNIM near Dagassou killed four soldiers and eleven "
     "militants.", {fight("mali", "jnim")}),
    # a device going off, and what it hit
    ("On 11 May 2019, an IED planted by ISGS militants exploded under a MINUSMA vehicle near Kerendi. "
     "Two peacekeepers were injured.", {fight("isgs", "minusma")}),
    ("On 18 February 2020, a suicide car bomb driven by JNIM militants exploded at a FAMa camp in "
     "Tessembi.", {fight("jnim", "mali")}),
    ("On 2 March 2021, a roadside bomb laid by JNIM went off as a FAMa convoy passed near Dagassou.",
     {fight("jnim", "mali")}),
    ("On 9 April 2021, mortar shells fired by ISGS landed inside the MINUSMA camp in Kerendi.",
     {fight("isgs", "minusma")}),
    # no one named as planting it, or no actor hit: nothing
    ("On 9 April 2021, an IED exploded under a MINUSMA vehicle near Kerendi. No group claimed "
     "responsibility.", set()),
    ("On 9 April 2021, an IED planted by JNIM exploded near Kerendi, killing two civilians.", set()),
    # "them": the attackers the note named just before
    ("On 5 June 2020, JNIM fighters overran the village of Dagassou. Dan Na Ambassagou fighters "
     "fought them off the next day.", {fight("dan-na-ambassagou", "jnim")}),
    ("On 15 June 2022, ISGS fighters stormed the village of Tessembi. VDP members and gendarmes "
     "repelled them.", {fight("vdp", "isgs")}),
    ("On 5 June 2020, JNIM fighters overran the village of Dagassou. The attack was repelled by "
     "Dan Na Ambassagou.", {fight("dan-na-ambassagou", "jnim")}),
    # "them" after a verb that is no repelling may be anyone: nothing drawn for it
    ("On 15 June 2022, ISGS fighters attacked Malian soldiers near Tessembi. Wagner fighters "
     "reinforced them.", {fight("isgs", "mali")}),
    ("On 15 June 2022, ISGS fighters attacked Malian soldiers near Tessembi. JNIM fighters later "
     "killed them.", {fight("isgs", "mali")}),
    # a denied attack names no attackers for the next sentence
    ("On 15 June 2022, JNIM denied attacking the village of Tessembi. VDP members repelled them.", set()),
    # joint operations: in collaboration / coordination with, accompanied by, with the support of
    ("On 2 October 2020, FAMa, in collaboration with Dan Na Ambassagou, conducted an operation "
     "against JNIM positions near Dagassou.",
     # the companion of a joint operation took part in it, as with a verb ("..., along with X, attacked")
     {ally("mali", "dan-na-ambassagou", "joint-action"), fight("mali", "jnim"), fight("dan-na-ambassagou", "jnim")}),
    ("In 2019 the Nigerien army, in coordination with Barkhane, conducted an operation against ISGS "
     "near Kerendi.", {ally("niger", "france", "joint-action"), fight("niger", "isgs"), fight("france", "isgs")}),
    ("On 17 May 2018, FAMa soldiers accompanied by Dan Na Ambassagou militiamen attacked JNIM "
     "fighters near Tessembi.",
     {ally("mali", "dan-na-ambassagou", "joint-action"), fight("mali", "jnim")}),
    ("On 3 March 2023, the MSA, with the support of FAMa and Wagner, repelled an ISGS offensive on "
     "Kerendi.",
     {ally("msa", "mali", "support"), ally("msa", "wagner", "support"), ally("mali", "wagner", "joint-action"),
      fight("msa", "isgs")}),
    ("On 30 November 2019, Burkinabe and French troops launched a joint operation against Ansarul "
     "Islam near Dagassou.",
     {ally("burkina-faso", "france", "joint-action"), fight("burkina-faso", "ansarul-islam"),
      fight("france", "ansarul-islam")}),
    # "in the presence of" is no joint action; civilians are no actors
    ("On 13 October 2020, JNIM militants attacked FAMa soldiers in the presence of MINUSMA "
     "peacekeepers in Tessembi.", {fight("jnim", "mali")}),
    ("On 12 June 2021, members of Dan Na Ambassagou, allegedly supported by FAMa, attacked Fulani "
     "civilians in Dagassou. Twenty civilians were killed.",
     {ally("mali", "dan-na-ambassagou", "support")}),
    ("On 10 April 2022, JNIM militants attacked herders near Kerendi. Five civilians and two FAMa "
     "soldiers were killed.", set()),
    ("On 29 October 2021, Boko Haram and ISGS fighters attacked Nigerien soldiers in two separate "
     "attacks near Kerendi and Tessembi.", {fight("boko-haram", "niger"), fight("isgs", "niger")}),
    # "positions of", "fighters of", "elements of", "members of", a component "(JNIM)"
    ("On 16 January 2021, positions of the Burkinabe army were shelled by JNIM militants near "
     "Dagassou.", {fight("jnim", "burkina-faso")}),
    ("On 24 September 2019, fighters of ISGS overran a FAMa camp in Tessembi. Thirty soldiers were "
     "killed.", {fight("isgs", "mali")}),
    ("On 10 February 2023, elements of the MSA and GATIA repelled an ISGS attack near Kerendi.",
     {ally("msa", "gatia", "joint-action"), fight("msa", "isgs"), fight("gatia", "isgs")}),
    ("On 8 September 2021, militants of Katiba Macina (JNIM) abducted four FAMa soldiers near "
     "Dagassou.", {fight("katiba-macina", "mali"), member("katiba-macina", "jnim", "member")}),
    ("On 21 May 2023, JNIM and its allies attacked a camp of the Malian army in Tessembi.",
     {fight("jnim", "mali")}),
    # the names conflict-event datasets give ("Islamic State (Sahel)"); hunters' militias stay generic
    ("On 14 July 2022, Islamic State (Sahel) militants attacked Dozo militiamen near Tessembi. Four Dozo "
     "were killed.", set()),
    ("On 14 July 2022, Islamic State (Greater Sahara) militants ambushed a FAMa patrol near Kerendi.",
     {fight("isgs", "mali")}),
    # a participle with its agent ("supported by") is no compound description of the subject
    ("On 7 June 2023, FAMa supported by Wagner Group conducted an operation near Dagassou, killing 3 JNIM "
     "militants.", {fight("mali", "jnim"), ally("mali", "wagner", "support")}),
    # instructors are a state's force; Russian paramilitaries are Wagner's
    ("On 5 April 2022, FAMa, supported by Russian instructors, raided a JNIM camp near Moura.",
     {fight("mali", "jnim"), ally("mali", "russia", "support")}),
    ("On 5 April 2022, Russian paramilitaries attacked JNIM near Moura.", {fight("wagner", "jnim")}),
    # a mission's troops from a state are its contingent; the attack on them is claimed across sentences
    ("On 17 February 2021, MINUSMA peacekeepers from Togo were targeted by an attack near Kerendi. "
     "JNIM claimed the attack.", {fight("jnim", "togo"), fight("jnim", "minusma"), member("togo", "minusma", "contingent")}),
    ("On 17 February 2021, Togolese MINUSMA peacekeepers were targeted by an attack near Kerendi. "
     "JNIM claimed the attack.", {fight("jnim", "togo"), fight("jnim", "minusma"), member("togo", "minusma", "contingent")}),
    # the army of the one country a note's places name
    ("On 20 August 2023, ISGS militants attacked FDS positions in Tabatol (Tillaberi). 17 soldiers were "
     "killed.", {fight("isgs", "niger")}),
]


@pytest.mark.parametrize("text,expected", NOTES, ids=[f"note{n}" for n in range(len(NOTES))])
def test_event_note(extractor, text, expected):
    assert named(extractor, text) == expected


def status_of(extractor, text: str, a: str, b: str) -> tuple[str, str]:
    rows = [e for e in edges(extractor, text) if {e["source"], e["target"]} == {a, b}]
    assert len(rows) == 1, rows
    return rows[0]["status"], rows[0]["claimed_by"]


@pytest.mark.parametrize("text,a,b,status,by", [
    # a hedged identification is alleged, by nobody named
    ("On 4 December 2022, presumed ISGS elements attacked a VDP position in Kerendi.",
     "isgs", "vdp", "alleged", ""),
    ("On 2 July 2022, gunmen believed to be ISGS militants attacked a Nigerien army patrol near "
     "Tessembi.", "isgs", "niger", "alleged", ""),
    ("On 14 March 2021, suspected JNIM militants attacked a FAMa post in Dagassou.",
     "jnim", "mali", "alleged", ""),
    # "claimed by X": the party after "by" claims it, not the words before
    ("On 4 April 2021, a rocket attack claimed by JNIM hit the MINUSMA camp in Kerendi.",
     "jnim", "minusma", "claimed", "jnim"),
    ("On 26 July 2022, JNIM claimed responsibility for an attack on FAMa positions in Tessembi.",
     "jnim", "mali", "claimed", "jnim"),
    # a denial of a part in an attack is drawn as denied, never as fact
    ("On 1 March 2021, JNIM denied involvement in the attack on Malian soldiers in Dagassou.",
     "jnim", "mali", "denied", "jnim"),
    ("On 1 March 2021, JNIM denied any responsibility for the ambush of a FAMa convoy near Kerendi.",
     "jnim", "mali", "denied", "jnim"),
    ("On 25 March 2022, JNIM denied that its fighters attacked the VDP in Tessembi.",
     "jnim", "vdp", "denied", "jnim"),
])
def test_event_note_status(extractor, text, a, b, status, by):
    assert status_of(extractor, text, a, b) == (status, by)


def test_a_denied_attack_is_never_a_fact(extractor):
    text = "On 1 March 2021, JNIM denied involvement in the attack on Malian soldiers in Dagassou."
    assert all(e["status"] == "denied" for e in edges(extractor, text))
