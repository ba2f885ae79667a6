"""Who a statement says acted (claimgraph/extractors/statements.py), on invented sentences."""

from __future__ import annotations

import json

import pytest

from claimgraph.extractors.statements import _about_something_else, _attack_words
from claimgraph.model import Document
from claimgraph.sources.document import document_from_text
from tests.helpers import SHARED, requires_shared


def _perpetrators(analyzer, text: str) -> list[tuple[str, str | None]]:
    result = analyzer.extract(Document(id="subjects", text=text))
    return [(s.subject, s.source.name) for s in result.statements if s.relation == "perpetrated"]


def _said(analyzer, text: str) -> list[tuple[str, str, str | None]]:
    """(relation, subject, speaker's name) of each statement, in order."""
    result = analyzer.extract(Document(id="said", text=text))
    return [(s.relation, s.subject, s.source.name) for s in result.statements]


def _doer_names(analyzer, text: str) -> set[str]:
    """The names of the actors said to have perpetrated something."""
    result = analyzer.extract(Document(id="doers", text=text))
    actors = {a.id: a.name for a in result.actors}
    return {actors.get(s.subject, s.subject) for s in result.statements if s.relation == "perpetrated"}


def test_a_pronoun_in_reported_words_is_not_a_group_named_before_them(analyzer):
    """ "They" in the mayor's words is whoever the mayor means; the group last named in the narration
    (here only as what the parade marked) is not evidence that the mayor blamed it."""
    text = (
        "A bomb exploded at a parade for the anniversary of the Shining Path in Tacna on Friday. "
        '"They bombed our parade to scare us," the mayor said.'
    )
    assert _perpetrators(analyzer, text) == []


def test_a_pronoun_in_reported_words_resolves_within_them(analyzer):
    text = (
        "A bomb exploded at a parade in Tacna on Friday. "
        "The mayor said the Shining Path had warned the town, and that they bombed the parade."
    )
    assert _perpetrators(analyzer, text) == [("shining_path", "The mayor")]


def test_committing_suicide_is_no_attack(analyzer):
    text = (
        "A parcel bomb exploded on a busy street in Lyon on Friday, wounding 13 people. "
        "Police officers in the city keep committing suicide, a union said."
    )
    assert _perpetrators(analyzer, text) == []


def _subjects(analyzer, text: str, relation: str) -> list[str]:
    result = analyzer.extract(Document(id="subjects", text=text))
    return [s.subject for s in result.statements if s.relation == relation]


def test_the_group_is_never_a_state(analyzer):
    text = (
        "Gunmen of the Shining Path killed two farmers near Ayacucho on Monday, police said. "
        "The attack came a day after a visit by the U.S. ambassador to the region. "
        "The group also claimed the bombing of a power line in January."
    )
    claimants = _subjects(analyzer, text, "claimed")
    assert "united_states" not in claimants
    assert "shining_path" in claimants


def test_a_state_in_words_that_describe_the_speaker_is_not_the_speakers_group(analyzer):
    """ "wanted by U.S. courts" describes the traffickers: the caller does not speak for the United
    States, so "they" in the caller's words is not the United States."""
    text = (
        "A car bomb exploded outside a newspaper office in Bogota on Saturday, killing two guards. "
        "A caller who spoke for drug traffickers wanted by U.S. courts said they were responsible "
        "for the attack."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    assert [s for s in result.statements if s.subject == "united_states"] == []


def test_they_is_not_a_state_named_only_to_describe_a_group(analyzer):
    text = (
        "A bomb exploded at a bank in Medellin on Sunday, wounding four clerks. The Extraditables, drug "
        "lords wanted by several U.S. courts, sent a letter to a radio station. They said they had planted "
        "the bomb."
    )
    assert _subjects(analyzer, text, "claimed") == ["extraditables"]


BOMBING = "A car bomb killed nine people in the city centre on Friday. "


def test_blame_for_a_failure_to_act_is_no_charge_of_the_attack(analyzer):
    text = BOMBING + (
        "The Red Hand Brigade later tried to blame the security forces for failing to act on its warnings."
    )
    assert _perpetrators(analyzer, text) == []


def test_the_accused_did_what_they_are_charged_with_not_the_accuser(analyzer):
    """ "accused X of planting": X planted; the police who accuse are no claimant."""
    result = analyzer.extract(
        Document(id="subjects", text=BOMBING + "Police accused the Red Hand Brigade of planting the bomb.")
    )
    found = {(s.relation, s.subject, s.source.name) for s in result.statements}
    assert found == {("perpetrated", "new:red-hand-brigade", "Police")}


def test_the_accused_are_the_noun_not_a_state_in_the_words_that_describe_them(analyzer):
    text = BOMBING + "Police blamed drug lords wanted by U.S. courts for the bombing."
    assert "united_states" not in _subjects(analyzer, text, "perpetrated")


def test_a_tie_stated_of_a_group_named_again_links_both_groups(analyzer):
    text = (
        "A group calling itself Liwa Ahrar al-Janub claimed the bombing of a checkpoint in Aden on Sunday. "
        "Liwa Ahrar al-Janub is very likely a front for the Houthis."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    ties = [(s.relation, s.subject, s.object, s.certainty) for s in result.statements if "actor" in s.object]
    assert ties == [("part_of", "new:liwa-ahrar-al-janub", {"actor": "houthis"}, "very likely")]


def test_help_given_with_an_attack_is_facilitation_by_the_helper(analyzer):
    """ "X carried out the attack with the support of Y": X perpetrated it, Y facilitated it."""
    text = (
        "A bomb exploded at a bus station in Quetta on Monday, killing four people. Deputy Inspector General "
        "Tariq Mengal said the BLF had carried out the bombing with the support of the Baloch Liberation "
        "Army."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted((s.relation, s.subject, s.source.kind) for s in result.statements)
    assert said == [("facilitated", "bla", "person"), ("perpetrated", "blf", "person")]


def test_a_speaker_named_after_a_title_is_a_person_though_the_recogniser_missed_the_name(analyzer):
    text = (
        "Inspector General of Police Vikram Sethi told reporters that Lashkar-e-Taiba carried out the "
        "killing."
    )
    [statement] = analyzer.extract(Document(id="subjects", text=text)).statements
    assert (statement.source.kind, statement.source.name, statement.source.title) == (
        "person",
        "Vikram Sethi",
        "Inspector General of Police",
    )


def test_help_with_anything_but_the_attack_is_no_facilitation(analyzer):
    text = (
        "A bomb exploded at a bus station in Quetta on Monday. Police said the case was solved with the help "
        "of the Baloch Liberation Army."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    assert [s for s in result.statements if s.relation == "facilitated"] == []


def test_a_man_who_says_he_speaks_for_a_group_speaks_for_it(analyzer):
    """ "the group" in his words is the group he speaks for, so the denial is the group's; the parser
    takes the group's name for a second subject of "told", which must not cut it from the speaker."""
    text = (
        "Gunmen abducted 40 pupils from a school near Maiduguri on Monday. A man who said he spoke for "
        "Boko Haram told a local radio station that the group had nothing to do with the abduction."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject, s.source.kind, s.source.actor) for s in result.statements]
    assert said == [("denied", "boko_haram", "organization", "boko_haram")]


@pytest.mark.parametrize(
    ("frame", "certainty"),
    [("It is unlikely that", "unlikely"), ("It seems very likely that", "very likely"), ("", "asserted")],
)
def test_a_hedge_that_frames_the_clause_sets_its_certainty(analyzer, frame, certainty):
    text = f"A car bomb killed four soldiers in Aden on Tuesday. {frame} the Houthis carried out the bombing."
    text = text.replace(". the", ". The")
    [statement] = analyzer.extract(Document(id="subjects", text=text)).statements
    assert (statement.subject, statement.certainty) == ("houthis", certainty)


def test_the_hallmarks_of_a_group_and_its_doing_are_two_hedged_statements_about_the_attack(analyzer):
    """The incident is the subject when the doer comes after the words ("The attack bears the hallmarks of
    X", "was carried out by the group"); each hedge stays with its own words."""
    text = (
        "A car bomb exploded at a market in Mogadishu on Monday, killing 12 people. The attack bears the "
        "hallmarks of al-Shabaab and was almost certainly carried out by the group."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    [incident] = result.incidents
    said = sorted((s.subject, s.object["incident"], s.certainty) for s in result.statements)
    assert said == [("al_shabaab", incident.id, "almost certain"), ("al_shabaab", incident.id, "likely")]


def test_what_a_clause_says_of_the_doer_is_neither_a_doer_nor_this_attack(analyzer):
    """ "carried out by X, which has ... attacked convoys": Mali, named in the clause, did nothing; the
    convoys X has attacked over the year are conduct, not the attack in focus."""
    text = (
        "Gunmen killed 17 soldiers at a checkpoint near Bamako on Thursday. The assault was very likely "
        "carried out by JNIM, which has blockaded towns in central Mali and attacked army convoys this year."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    [incident] = result.incidents
    said = [(s.subject, s.object["incident"], s.certainty) for s in result.statements]
    expected = [("jnim", None, "asserted"), ("jnim", incident.id, "very likely")]
    assert sorted(said, key=lambda s: s[2]) == expected


def test_a_part_in_the_attack_is_facilitation_and_a_part_in_anything_else_is_not(analyzer):
    text = (
        "Gunmen killed 17 soldiers at a checkpoint near Bamako on Thursday. JNIM is unlikely to have been "
        "involved. The Wagner Group was involved in the search for the gunmen."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject, s.certainty) for s in result.statements]
    assert said == [("facilitated", "jnim", "unlikely")]


def test_a_denial_made_possible_is_no_denial_and_one_made_is(analyzer):
    """ "X said they were not involved" is X's denial; "it allows X to claim they were not involved" is
    the author's view of what X can say, which nobody said."""
    incident = "A bomb killed nine people at a market in Quetta on Friday. "
    made = analyzer.extract(Document(id="subjects", text=incident + "The BLA said they were not involved."))
    assert [(s.relation, s.subject, s.source.kind) for s in made.statements] == [
        ("denied", "bla", "organization")
    ]
    text = incident + "The claim allows the BLA to claim they were not involved."
    assert analyzer.extract(Document(id="subjects", text=text)).statements == []


def test_what_a_statement_describes_a_group_as_is_said_by_whoever_issued_the_statement(analyzer):
    """ "described X as a faction of Y": X is part of Y; "The statement" is the one the army issued."""
    text = (
        "Gunmen abducted 30 farmers near Monguno on Monday. The Nigerian army said in a statement that "
        "Boko Haram had carried out the kidnapping. The statement described ISWAP as a faction of the "
        "Islamic State group."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = result.statements
    ties = [(s.subject, s.object, s.source.kind, s.source.name) for s in said if s.object.get("actor")]
    assert ties == [("iswap", {"actor": "isis"}, "organization", "Nigerian army")]


def test_planning_a_kidnapping_is_facilitation_hedged_by_the_verb_it_completes(analyzer):
    """ "the cartel planned the kidnapping": the cartel named before; "may have helped plan": roughly even."""
    kidnap = "Gunmen kidnapped a journalist in Medellin on Monday. "
    text = kidnap + "Police said the Medellin Cartel ordered it and that the cartel planned the kidnapping."
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject, s.certainty) for s in result.statements if s.relation == "facilitated"]
    assert said == [("facilitated", "medellin_cartel", "asserted")]
    text = kidnap + "ELN fighters may have helped plan the kidnapping."
    result = analyzer.extract(Document(id="subjects", text=text))
    assert [(s.relation, s.subject, s.certainty) for s in result.statements] == [
        ("facilitated", "eln", "roughly even")
    ]


def test_a_faction_of_a_group_is_accused_alone(analyzer):
    """ "X, a faction of Y, was behind the bombing": X is accused, and X is part of Y; Y is not accused."""
    text = (
        "A car bomb exploded outside a police station in Jamundi on Sunday. The minister said the Dagoberto "
        "Ramos front, a faction of the Estado Mayor Central (EMC), was behind the bombing."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted((s.relation, s.subject, s.object.get("actor")) for s in result.statements)
    assert said == [
        ("part_of", "new:dagoberto-ramos-front", "emc"),  # the Estado Mayor Central is in the KB
        ("perpetrated", "new:dagoberto-ramos-front", None),
    ]


def test_help_received_from_a_group_is_facilitation_by_the_giver(analyzer):
    """ "X receives weapons and training from Y": Y facilitated X (the receiver is the object)."""
    text = (
        "Gunmen attacked a police post in Ghazni on Sunday. The ministry said the Taliban receive weapons "
        "and training from Pakistan."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    ties = [(s.relation, s.subject, s.object) for s in result.statements if s.relation == "facilitated"]
    assert ties == [("facilitated", "pakistan", {"actor": "taliban"})]


def test_training_or_arming_anything_but_people_or_an_attack_is_no_facilitation(analyzer):
    """ "police have trained eagles to catch drones" helps no one to attack; "armed and trained Hezbollah
    fighters" helps Hezbollah (the object is shared by both verbs), "funded the attacks" helps them."""
    text = (
        "A drone dropped a grenade on a market in Mosul on Monday. Dutch and French police have trained "
        "eagles to catch drones. Officials said Iran armed and trained Hezbollah fighters. Qatar funded the "
        "attacks, the minister said."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    helped = sorted((s.subject, *s.object) for s in result.statements if s.relation == "facilitated")
    assert helped == [("iran", "actor"), ("qatar", "incident")]


def test_a_charge_and_the_denial_after_it_are_two_statements_by_two_speakers(analyzer):
    """ "Kinshasa accuses Rwanda of backing the M23, a charge Kigali denies": Kinshasa says Rwanda helps
    the M23 and Kigali says it does not; "a charge" is not part of the speaker's name."""
    text = (
        "M23 rebels seized the town of Rubaya on Tuesday, killing at least 12 civilians. Kinshasa accuses "
        "Rwanda of backing the M23, a charge Kigali denies."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted(
        (s.source.name, s.relation, s.subject, s.polarity, *s.object.values()) for s in result.statements
    )
    assert said == [
        ("Kigali", "facilitated", "rwanda", "negative", "m23"),
        ("Kinshasa", "facilitated", "rwanda", "positive", "m23"),
    ]


def test_a_capital_that_speaks_is_its_state_and_elsewhere_a_place(analyzer):
    """ "Kigali denies": Rwanda's government (kb seats.yaml); "a bomb in Kigali" names no actor."""
    text = (
        "A grenade exploded at a market in Kigali on Monday, killing two people. Kinshasa accuses Rwanda "
        "of backing the M23, a charge Kigali denies."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    denials = [
        (s.source.name, s.source.actor, s.polarity) for s in result.statements if s.polarity == "negative"
    ]
    assert denials == [("Kigali", "rwanda", "negative")]
    [incident] = result.incidents
    assert incident.place.name == "Kigali"
    assert [a.id for a in result.actors if a.id == "rwanda"] == ["rwanda"]
    doc = analyzer.nlp("A grenade exploded at a market in Kigali on Monday.")
    assert list(doc.spans["actors"]) == []


def test_a_charge_against_a_group_without_a_name_accuses_that_group_not_the_accuser(analyzer):
    """ "Nigeria's government accused Cameroon-based cells of supplying weapons": the parser hangs "of" on
    the cells; the cells are accused, Nigeria is the accuser."""
    text = (
        "Gunmen stormed a village in Borno state overnight, abducting at least 20 women. Nigeria's "
        "government has repeatedly accused Cameroon-based cells of supplying weapons to the insurgents."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject, s.source.name) for s in result.statements]
    assert said == [("facilitated", "new:cameroon-based-cells", "Nigeria's government")]


def test_a_claim_in_a_statement_posted_online_by_one_of_its_militants_is_the_group_s(analyzer):
    """ "said in a statement posted online that one of its militants had detonated the vehicle": the
    parser hangs the "that" clause on "posted"; "one of its militants" is one of the group's."""
    text = (
        "A car bomb killed 35 people at a market in Baghdad on Thursday. The Islamic State group said in a "
        "statement posted online that one of its militants had detonated the vehicle."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject, s.source.name) for s in result.statements]
    assert said == [("claimed", "isis", "Islamic State group")]


@pytest.mark.parametrize(
    ("words", "denied"),
    [
        ("had no role in the bombing", True),
        ("had no relationship with the bombing", True),
        ("had no role in the peace talks", False),
        ("had no relationship with the Clan del Golfo", False),
    ],
)
def test_a_group_that_had_no_part_in_the_attack_denies_it(analyzer, words, denied):
    """ "X said it had no role in the bombing" is X's denial; no role in something else is none."""
    text = (
        "A motorcycle bomb exploded outside a police station in Jamundi on Tuesday. The ELN guerrilla "
        f"group said it {words}."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject) for s in result.statements if s.relation == "denied"]
    assert said == ([("denied", "eln")] if denied else [])


def test_a_denied_link_to_another_group_denies_the_tie_not_the_attack(analyzer):
    """ "Al-Shabaab denied any link to the Islamic State": no denial of the bombing it claimed, but a
    tie to the Islamic State that Al-Shabaab says does not hold."""
    text = (
        "A car bomb killed nine people at a hotel in Mogadishu on Saturday. Al-Shabaab claimed the attack. "
        "Al-Shabaab denied any link to the Islamic State."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted((s.relation, s.subject, s.polarity, *s.object.values()) for s in result.statements)
    assert said[0][:3] == ("claimed", "al_shabaab", "positive")
    assert said[1:] == [("cooperates_with", "al_shabaab", "negative", "isis")]


def test_a_claimed_ambush_and_fighters_loyal_to_a_group_name_the_groups(analyzer):
    """ "claimed the ambush" is a claim; "fighters loyal to JNIM" are JNIM's; "JNIM, the al-Qaeda
    affiliate" (which the parser hangs on "attack") makes JNIM part of al-Qaeda, not the reverse."""
    text = (
        "Jihadists killed 29 soldiers in an ambush near Tillaberi on Monday. A group calling itself the "
        "Islamic State Sahel Province claimed the ambush. Security sources told Reuters the attack was "
        "probably carried out by fighters loyal to JNIM, the al-Qaeda affiliate that has been fighting the "
        "Islamic State."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted((s.relation, s.subject, *s.object.values()) for s in result.statements)
    [incident] = result.incidents
    assert said == [
        ("claimed", "is_sahel", incident.id),
        ("part_of", "jnim", "aq"),
        ("perpetrated", "jnim", incident.id),
    ]


def test_police_who_shot_the_suspect_did_not_make_the_attack(analyzer):
    """ "The suspect ... was shot by police": the police answered the attack; the noun "suspect" accuses
    no one."""
    text = (
        "A gunman shot dead two football fans in central Brussels on Monday evening. The suspect, a "
        "45-year-old man, was shot by police in a cafe the next morning. Islamic State has not claimed the "
        "shooting."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject, s.polarity) for s in result.statements]
    assert said == [("claimed", "isis", "negative")]


def test_a_group_believed_to_be_behind_and_one_not_ruled_out_as_said_by_an_unnamed_prosecutor(analyzer):
    """ "X is believed to be behind the killing, according to a state prosecutor, though he added that
    Y's involvement had not been ruled out": X likely did it, Y possibly helped, both by the prosecutor
    ("he" is the prosecutor, not the journalist named before him)."""
    text = (
        "Gunmen killed journalist Luis Martin Sanchez in the state of Nayarit on Saturday. The Jalisco New "
        "Generation Cartel (CJNG) is believed to be behind the killing, according to a state prosecutor, "
        "though he added that the Sinaloa Cartel's involvement had not been ruled out."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted((s.relation, s.subject, s.polarity, s.certainty, s.source.name) for s in result.statements)
    assert said == [
        ("facilitated", "sinaloa_cartel", "positive", "roughly even", "a state prosecutor"),
        ("perpetrated", "cjng", "positive", "likely", "a state prosecutor"),
    ]


def test_who_is_said_to_be_to_blame_is_accused(analyzer):
    text = (
        "A missile struck an apartment building in Dnipro on Saturday, killing 23 people. Kremlin spokesman "
        "Dmitry Peskov said Ukraine was to blame for the strike."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = [(s.relation, s.subject, s.source.name) for s in result.statements]
    assert said == [("perpetrated", "ukraine", "Dmitry Peskov")]


def test_acting_in_coordination_with_a_group_is_a_tie_to_it(analyzer):
    text = (
        "A motorcycle bomb exploded outside a police station in Jamundi on Tuesday. The army said the Jaime "
        "Martinez front acted in coordination with the Clan del Golfo."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    ties = [(s.relation, s.subject, s.object) for s in result.statements if "actor" in s.object]
    assert ties == [("cooperates_with", "new:jaime-martinez-front", {"actor": "clan_del_golfo"})]


def test_an_attack_planned_by_a_group_is_its_facilitation(analyzer):
    text = (
        "A car bomb killed nine people at a hotel in Mogadishu on Saturday. The intelligence agency said the "
        "attack was planned by an al-Shabaab cell."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    assert [(s.relation, s.subject) for s in result.statements] == [("facilitated", "al_shabaab")]


def test_accusations_by_someone_name_the_accusers_not_the_doers(analyzer):
    """ "rejected accusations by U.S. officials that it was behind the attack": "it" is the militia that
    rejects them; the United States is not said to be behind anything."""
    text = (
        "A rocket attack on the Green Zone in Baghdad wounded two guards. Kataib Hezbollah rejected "
        "accusations by U.S. officials that it was behind the rocket attack."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted((s.relation, s.subject, s.polarity) for s in result.statements)
    assert said == [
        ("denied", "kataib_hezbollah", "positive"),
        ("perpetrated", "kataib_hezbollah", "negative"),
    ]


def test_a_group_backed_by_a_state_is_the_one_it_helps(analyzer):
    """ "The SDF, which is backed by the United States": the United States helps the SDF."""
    text = (
        "A roadside bomb killed three fighters near Raqqa on Friday. The SDF, which is backed by the United "
        "States, said it would step up raids."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    ties = [(s.relation, s.subject, s.object) for s in result.statements if s.relation == "facilitated"]
    assert ties == [("facilitated", "united_states", {"actor": "sdf"})]


def test_facilitating_a_release_is_no_help_to_an_attack(analyzer):
    text = (
        "Guerrillas kidnapped a Mexican engineer in Cali on Tuesday. The Mexican government asked Colombia "
        "to help by facilitating the release of the engineer."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    assert [s for s in result.statements if s.relation == "facilitated"] == []


def test_help_received_by_no_named_group_states_no_tie(analyzer):
    text = "A bomb exploded in Quetta on Monday. The hospital received funding from the United States."
    result = analyzer.extract(Document(id="subjects", text=text))
    assert [s for s in result.statements if s.relation == "facilitated"] == []


def test_it_after_a_speaker_goes_on_with_the_speaker_not_the_group_it_spoke_of(analyzer):
    """ "The ministry said the Taliban ... It added ...": "it" is the ministry, which stays the subject."""
    text = (
        "Gunmen attacked a police post in Ghazni on Sunday. The ministry said the Taliban carried out the "
        "attack. It added that the Haqqani network helped plan the attack."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    said = sorted((s.relation, s.subject, s.source.name) for s in result.statements)
    assert said == [("facilitated", "haqqani", "The ministry"), ("perpetrated", "taliban", "The ministry")]


def test_a_public_body_named_by_a_common_noun_speaks_as_an_organisation(analyzer):
    text = (
        "Gunmen attacked a police post in Ghazni on Sunday. The interior ministry said the Taliban carried "
        "out the attack."
    )
    [statement] = analyzer.extract(Document(id="subjects", text=text)).statements
    assert (statement.source.kind, statement.source.name) == ("organization", "The interior ministry")


def test_a_public_body_named_again_in_short_is_the_same_source(analyzer):
    text = (
        "Gunmen attacked a police post in Ghazni on Sunday. The interior ministry said the Taliban carried "
        "out the attack. The ministry added that the Haqqani network helped plan the attack."
    )
    result = analyzer.extract(Document(id="subjects", text=text))
    assert {s.source.name for s in result.statements} == {"The interior ministry"}


def _statements(analyzer, text: str) -> list[tuple[str, str, str | None]]:
    result = analyzer.extract(Document(id="subjects", text=text))
    return [(s.relation, s.subject, s.object.get("actor")) for s in result.statements]


def test_forces_who_kill_the_attackers_are_not_the_perpetrators(analyzer):
    text = (
        "Four gunmen stormed a hotel in Mombasa on Saturday. Nine guests were killed before Kenyan "
        "security forces shot the attackers dead after a siege that lasted the night."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "perpetrated"] == []


def test_forces_who_kill_people_are_perpetrators(analyzer):
    text = "Security forces killed nine protesters in Mombasa on Saturday, witnesses said."
    assert ("perpetrated", "new:security-forces", None) in _statements(analyzer, text)


def test_a_search_launched_for_the_attackers_is_no_attack(analyzer):
    text = (
        "A bomb exploded outside a court in Mombasa on Saturday, killing two clerks. "
        "Police have sealed off the district and launched a search for the bombers."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "perpetrated"] == []


def test_rejecting_a_peace_deal_denies_no_attack(analyzer):
    text = (
        "A bomb killed a police officer in Jamundi on Sunday. Police blamed the Jaime Martinez front, "
        "made up of former FARC fighters who rejected the 2016 peace deal."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "denied"] == []


def test_rejecting_the_accusations_is_a_denial(analyzer):
    text = "A bomb killed a police officer in Jamundi on Sunday. The ELN rejected the accusations."
    assert ("denied", "eln", None) in _statements(analyzer, text)


def test_a_charge_of_no_attack_is_no_allegation(analyzer):
    """ "accused X of storing ammunition" blames X for something, but not for the strike; "blamed X for
    arming the group" states help, through its own words, not perpetration."""
    text = (
        "A rocket hit a camp in Marib on Monday, killing nine people. A Houthi spokesman said the group "
        "had nothing to do with the strike and accused government forces of storing ammunition nearby. "
        "Officials blamed Iran for arming the Houthis."
    )
    found = _statements(analyzer, text)
    assert not [s for s in found if s[1] == "new:government-forces"]
    assert ("facilitated", "iran", "houthis") in found or ("facilitated", "iran", None) in found
    assert ("perpetrated", "iran", None) not in found


def test_a_group_described_by_its_record_is_not_followed_into_the_record(analyzer):
    """ "the work of the BLA, which has bombed police patrols": the police are what the BLA attacked."""
    text = (
        "A bomb killed two policemen in Quetta on Tuesday. The blast was probably the work of the BLA, "
        "which has used motorcycle bombs against police patrols on the same road before."
    )
    subjects = {s[1] for s in _statements(analyzer, text) if s[0] == "perpetrated"}
    assert subjects == {"bla"}


def test_a_state_where_a_partner_is_based_is_no_partner(analyzer):
    text = (
        "An intelligence official said the Islamic State Khorasan Province works closely with "
        "Lashkar-e-Islam, a militant group based in Pakistan's Khyber district."
    )
    ties = {(s[1], s[2]) for s in _statements(analyzer, text) if s[0] == "cooperates_with"}
    assert ties == {("iskp", "lashkar_e_islam")}


def test_a_dateline_is_no_subject(analyzer):
    text = (
        "BENI, Democratic Republic of Congo — Armed men killed 14 people in an attack on a village "
        "near Beni on Wednesday, local officials said."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "perpetrated"] == []


def test_an_arrest_operation_or_a_dragnet_is_no_attack(analyzer):
    text = (
        "A bomb killed two bank guards in La Paz on Monday. Police were carrying out an operation to "
        "arrest those responsible for the attack, and the army will carry out dragnets in the city."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "perpetrated"] == []


def test_those_responsible_are_not_the_subject_of_the_clause(analyzer):
    text = (
        "A bomb killed two bank guards in La Paz on Monday. The army vowed to find those responsible for "
        "the attack."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "perpetrated"] == []


def test_claiming_that_something_is_so_is_no_claim_of_responsibility(analyzer):
    text = (
        "A bomb killed two bank guards in La Paz on Monday. No group has claimed the attack, but police "
        "sources claim it is characteristic of the ELN."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "claimed"] == []


def test_doing_something_that_is_no_attack_is_no_perpetration(analyzer):
    """ "carried out" and "behind" name a perpetrator only of an attack (kb/relations.yaml
    ``light_verbs``): not of a verification, nor of a post set up behind a cemetery."""
    text = (
        "A bomb killed two men in La Paz on Monday. The Red Cross has installed a first-aid post behind "
        "the cemetery. The verification must be carried out by the UN team. The ELN conducted a bombing "
        "campaign in the city last year, and the FARC was behind the bombing."
    )
    subjects = {s[1] for s in _statements(analyzer, text) if s[0] == "perpetrated"}
    assert subjects == {"eln", "farc"}


MUC4 = SHARED / "data" / "muc4" / "dev.jsonl"


@requires_shared(MUC4)
def test_a_participle_says_who_was_harmed_not_who_harmed(analyzer):
    """In a 1989 radio speech (MUC-4 TST1-MUC3-0093) "the blood of the four U.S. nuns, the blood of the
    11 priests assassinated": the priests were assassinated, by nobody named; the nuns' country did not
    assassinate them (the speaker does say the United States sent pilots to bomb the capital)."""
    rows = (json.loads(line) for line in MUC4.open(encoding="utf-8"))
    row = next(r for r in rows if r["docid"] == "TST1-MUC3-0093")
    result = analyzer.extract(document_from_text(row["text"]))
    said = [row["text"][s.start : s.end] for s in result.statements if s.subject == "united_states"]
    assert said and not [words for words in said if "ASSASSINATED" in words]


def test_the_work_of_doing_something_names_no_doer(analyzer):
    text = (
        "A bomb killed two men in Panama City on Monday. Officials began the work of establishing a new "
        "Panamanian government."
    )
    assert [s for s in _statements(analyzer, text) if s[0] == "perpetrated"] == []


def test_claiming_to_have_done_it_is_a_claim(analyzer):
    text = (
        "Rebels shot down an army helicopter near Tenancingo on Monday. The FMLN claimed it downed the "
        "helicopter."
    )
    assert ("claimed", "fmln", None) in _statements(analyzer, text)


def test_a_doer_after_coordinated_acts_is_named(analyzer):
    text = (
        "At least ten soldiers were killed in Morazan on Friday as a result of the harassment and attacks "
        "by the FMLN."
    )
    assert ("perpetrated", "fmln", None) in _statements(analyzer, text)


def test_a_column_of_a_groups_fighters_is_the_group(analyzer):
    text = (
        "Three peasants were murdered in Huanta on Friday by a column of Shining Path members. A takeover "
        "of the town hall was carried out by the MRTA."
    )
    subjects = {s[1] for s in _statements(analyzer, text) if s[0] == "perpetrated"}
    assert subjects == {"shining_path", "mrta"}


def test_they_is_not_a_state_named_as_the_place(analyzer):
    """ "in Kunar Province, Afghanistan" says where; the "they" of the next sentence are the attackers."""
    text = (
        "Gunmen of the Haqqani network stormed a police post in Kunar Province, Afghanistan, on Monday.\n"
        "They killed nine officers and wounded four."
    )
    subjects = {subject for subject, _ in _perpetrators(analyzer, text)}
    assert "afghanistan" not in subjects
    assert "haqqani" in subjects


def test_the_people_a_reduced_clause_says_were_killed_did_not_kill(analyzer):
    """ "the three U.N. peacekeepers killed": the peacekeepers, and the U.N., were the attack's victims,
    also where the tagger reads "killed" as a past tense."""
    text = (
        "We express our condolences to the families of the three U.N. peacekeepers killed and to all "
        "of those injured in today's al-Shabaab attack near Lamu."
    )
    subjects = {subject for subject, _ in _perpetrators(analyzer, text)}
    assert subjects == {"al_shabaab"}


def test_a_charge_of_cooperating_in_the_attack_is_facilitation(analyzer):
    """ "accused X of cooperating in the attack": a part in it, stated by its own words, not the doing."""
    text = (
        "A car bomb killed six people outside a bank in Jalalabad on Monday. Investigators accused the "
        "Haqqani network of cooperating in the attack."
    )
    result = analyzer.extract(Document(id="cooperating", text=text))
    relations = {(s.relation, s.subject) for s in result.statements}
    assert ("facilitated", "haqqani") in relations
    assert ("perpetrated", "haqqani") not in relations


def test_cooperating_in_the_inquiry_is_no_part_in_the_attack(analyzer):
    text = (
        "A car bomb killed six people outside a bank in Jalalabad on Monday. The Haqqani network has "
        "cooperated in the inquiry, the governor said."
    )
    result = analyzer.extract(Document(id="inquiry", text=text))
    assert not [s for s in result.statements if s.subject == "haqqani"]


def test_only_help_in_an_act_must_be_help_in_an_attack(analyzer):
    """The "in" of "cooperating in" must lead to an attack; the "in" of another relation's words does not
    ("has its roots in al-Qaeda" is a tie, whatever follows "in")."""
    doc = analyzer.nlp("Officials said al-Shabaab has its roots in al-Qaeda.")
    (trigger,) = [t for t in doc.spans["relation_triggers"] if t.label_ == "part_of"]
    assert not _about_something_else(trigger, _attack_words(doc))


def test_a_threat_or_a_counterfactual_is_no_perpetration(analyzer):
    """What a group "will" or "would" do has not been done: no `perpetrated` or `claimed` statement."""
    threat = (
        "A bomb exploded outside the US consulate in Valparaiso on Monday. The Lautaro Youth Movement "
        'announced that it would attack "US interests in Chile."'
    )
    counterfactual = (
        "A bomb exploded outside the US consulate in Valparaiso on Monday. The general said that if the "
        "army used all its power, the army would kill many innocent people."
    )
    for text in (threat, counterfactual):
        result = analyzer.extract(Document(id="future", text=text))
        assert [s for s in result.statements if s.relation in {"perpetrated", "claimed"}] == []


def test_responsible_for_something_else_is_no_perpetration(analyzer):
    """ "responsible for the elections" and "investigations that were conducted by the FBI" name no
    attack; "responsible for the bombing" does."""
    text = (
        "A bomb exploded outside the electoral court in San Miguel on Sunday. The armed forces, which are "
        "responsible for the elections, guard the polls. Investigations that were conducted by the FBI "
        "found nothing. The FMLN is responsible for the bombing, the colonel said."
    )
    assert _doer_names(analyzer, text) == {"Farabundo Marti National Liberation Front"}


def test_who_fends_off_an_attack_did_not_make_it(analyzer):
    """ "repelled by the armed forces": the defenders; "to repel the attacks by the FMLN": the FMLN."""
    text = (
        "Guerrillas attacked the military academy in Santa Tecla on Monday. The attack was repelled by "
        "the armed forces. Troops fired their weapons to repel the simultaneous attacks by the FMLN."
    )
    assert _doer_names(analyzer, text) == {"Farabundo Marti National Liberation Front"}


def test_a_claim_to_have_killed_the_attackers_claims_no_attack(analyzer):
    """ "The army claimed it killed three of the gunmen": the army claims its answer to the attack, not
    the attack; "the Taliban claimed they killed three soldiers" claims an attack."""
    text = (
        "Gunmen attacked a checkpoint in Mosul on Monday. The army claimed it killed three of the gunmen. "
        "In Kandahar the Taliban claimed they killed three soldiers."
    )
    result = analyzer.extract(Document(id="claims", text=text))
    assert [s.subject for s in result.statements if s.relation == "claimed"] == ["taliban"]


def test_a_victims_unit_named_before_a_bare_participle_is_no_doer(analyzer):
    """ "the body of the police commander murdered this morning": the police lost a commander."""
    text = "A judge identified the body of the police commander murdered this morning in Salasan."
    assert _perpetrators(analyzer, text) == []


def test_they_after_unnamed_attackers_is_not_the_group_named_before(analyzer):
    """ "they" after "the guerrillas" means the guerrillas, not the army named earlier."""
    text = (
        "The Salvadoran Army said on Monday that its patrols were in the capital. Important sectors of the "
        "city remain dark because the guerrillas sabotaged several electric pylons when they launched the "
        "attacks on the military positions in Usulutan on Sunday."
    )
    assert _doer_names(analyzer, text) == set()


def test_what_a_denial_reports_its_source_says_did_not_happen(analyzer):
    """ "The minister denied that the army bombed ..." records the minister saying the army did not; so
    does a denial with an auxiliary ("again denied"). A denial turned round ("did not dismiss the
    possibility that ...") asserts what follows, hedged or not."""
    text = (
        "The defense minister denied that the army bombed the village of El Paraiso on Monday. "
        "The president again denied that the air force bombed the market in Chalatenango on Tuesday. "
        "Deputies did not dismiss the possibility that the FMLN killed the mayor of Suchitoto on Friday."
    )
    result = analyzer.extract(Document(id="denials", text=text))
    said = [(s.subject, s.source.name, s.polarity) for s in result.statements if s.relation == "perpetrated"]
    assert said == [
        ("new:army", "The defense minister", "negative"),
        ("new:air-force", "The president", "negative"),
        ("fmln", "Deputies", "positive"),
    ]


def test_the_rebels_in_a_group_s_own_radio_are_that_group(analyzer):
    """Radio Venceremos speaks for the FMLN (kb voice_of): "the rebels" in its report are the FMLN's,
    and the report is the FMLN's claim, not the radio's."""
    text = "On Monday, Radio Venceremos reported that the rebels killed one soldier in Chalatenango."
    result = analyzer.extract(Document(id="voice", text=text))
    said = [(s.relation, s.subject, s.source.kind, s.source.name) for s in result.statements]
    assert said == [("claimed", "fmln", "claimant", "Radio Venceremos")]


def _accused(analyzer, text: str) -> list[tuple[str, str, str | None]]:
    """(subject name, actor kind, source) of each perpetrated statement."""
    result = analyzer.extract(Document(id="accused", text=text))
    actors = {a.id: a for a in result.actors}
    return [
        (actors[s.subject].name, actors[s.subject].kind, s.source.name)
        for s in result.statements
        if s.relation == "perpetrated"
    ]


def test_a_group_accused_by_what_it_is_is_an_unnamed_actor(analyzer):
    """An accusation of drug gangs or paramilitaries is recorded as made, the accused named as written
    and marked as a group without a name (kind unknown-group), "blamed on" and "accused the gunmen of"
    included."""
    blamed = (
        "President Carlos Perez blamed Colombian drug-trafficking gangs for the attack on the border post, "
        "in which five guards were killed on 26 October."
    )
    gangs = ("Colombian drug-trafficking gangs", "unknown-group", "Carlos Perez")
    assert _accused(analyzer, blamed) == [gangs]
    blamed_on = "The killing of the mayor of Cali on Friday was blamed on paramilitaries."
    assert [name for name, _, _ in _accused(analyzer, blamed_on)] == ["paramilitaries"]
    gunmen = "The army accused the two unidentified gunmen of the murder of six priests in San Salvador."
    assert _accused(analyzer, gunmen) == [("unidentified gunmen", "unknown-group", "army")]


def test_an_unnamed_group_named_again_with_fewer_words_is_one_actor(analyzer):
    text = (
        "The attack on the border post in Apure on Friday was blamed on drug-trafficking gangs. "
        "President Carlos Perez later blamed Colombian drug-trafficking gangs for the attack."
    )
    result = analyzer.extract(Document(id="again", text=text))
    subjects = {s.subject for s in result.statements if s.relation == "perpetrated"}
    assert subjects == {"new:drug-trafficking-gangs"}
    (actor,) = [a for a in result.actors if a.id == "new:drug-trafficking-gangs"]
    assert actor.aliases == ["Colombian drug-trafficking gangs"]


def test_an_accusation_an_attack_was_meant_to_bring_about_is_nobody_s(analyzer):
    """The death squads killed the judge *to* blame the rebels: the FMLN accuses the squads, and nobody
    in the text blames the rebels."""
    text = (
        "The FMLN accused death squads of killing the judge in San Salvador on Saturday to blame the rebels."
    )
    assert [name for name, _, _ in _accused(analyzer, text)] == ["death squads"]


def test_a_day_before_an_accusation_is_not_the_accused(analyzer):
    """ "On Sunday" is when the president spoke; "blamed on" names the accused only after the verb."""
    text = "On Sunday President Carlos Perez blamed Colombian drug-trafficking gangs for the attack."
    assert [name for name, _, _ in _accused(analyzer, text)] == ["Colombian drug-trafficking gangs"]


def test_an_attack_attributed_to_a_group_is_an_accusation_and_a_drop_in_exports_is_not(analyzer):
    attack = "Police attributed the bombing of a bus in San Miguel on Monday to the FMLN."
    assert _perpetrators(analyzer, attack) == [("fmln", "Police")]
    exports = "The minister attributed the drop in coffee exports to the FMLN."
    assert _perpetrators(analyzer, exports) == []


def test_a_spokesperson_speaks_for_the_group_the_title_names(analyzer):
    """ "X, the spokesperson for the Taliban, claimed they were responsible": the claim is the Taliban's,
    though a state's name stands earlier in the speaker's words (here a table cell run into the name)."""
    text = (
        "A suicide bomber killed six soldiers near Bagram on Monday. US Bomb Zabiullah Mujahid, the "
        "spokesperson for the Taliban, claimed they were responsible for the attack."
    )
    result = analyzer.extract(Document(id="spokesperson", text=text))
    claims = [(s.subject, s.source.actor) for s in result.statements if s.relation == "claimed"]
    assert claims == [("taliban", "taliban")]


def test_police_raids_are_no_attack(analyzer):
    """The police at their work ("launched further raids") perpetrate nothing; a raid by militants is an
    attack."""
    police = (
        "A van struck pedestrians on London Bridge on Saturday. Police and counter-terror officers launched "
        "further raids in east London on Monday."
    )
    assert _perpetrators(analyzer, police) == []
    militants = "Boko Haram launched raids on three villages in Borno on Monday, killing 12 people."
    assert [s for s, _ in _perpetrators(analyzer, militants)] == ["boko_haram"]


def test_a_table_row_is_a_record_not_a_statement_but_a_headline_is_one(analyzer):
    """A casualty list written out as text gives each row's cause of death in its last cell ("US Bomb":
    a US soldier killed by a bomb). Cells between commas with no verb are a record, not the author
    saying the United States bombed anyone; a headline without a verb still names its doer."""
    rows = (
        "A suicide bomber blew himself up beside a patrol near Bagram on Monday, killing two soldiers.\n"
        "==Victims==\n"
        "*2015-12-21, Sergeant John Miller, 1st Battalion, 3rd Infantry Regiment, US Bomb\n"
        "*2015-12-21, Corporal Mark Ellis, 1st Battalion, 3rd Infantry Regiment, US Bomb\n"
    )
    assert _perpetrators(analyzer, rows) == []
    [incident] = analyzer.extract(Document(id="rows", text=rows)).incidents
    assert "US Bomb" not in incident.weapons
    headline = "Taliban attack on army base in Helmand\nGunmen stormed the base on Monday, killing four."
    assert [subject for subject, _ in _perpetrators(analyzer, headline)] == ["taliban"]


def test_a_group_that_ordered_the_attack_perpetrated_it_but_an_order_is_no_act(analyzer):
    ordered = "Police said the Red Dawn Brigade ordered the killing of Judge Ana Ruiz in Cali on Monday."
    assert _doer_names(analyzer, ordered) == {"Red Dawn Brigade"}
    title = (
        "Gunmen shot dead Judge Ana Ruiz in Cali on Monday. The Red Dawn Brigade order and security chief "
        "said the town was calm."
    )
    assert _doer_names(analyzer, title) == set()
    departure = (
        "Gunmen shot dead Judge Ana Ruiz in Cali on Monday. The U.S. State Department ordered the "
        "departure of family members of its staff from Cali."
    )
    assert _doer_names(analyzer, departure) == set()


def test_a_wish_states_no_act_and_a_plan_states_facilitation(analyzer):
    """ "wants to blame X" accuses nobody; "had planned to kidnap" is a plan, which DESIGN.md counts as
    facilitation. (A threat is an act: incident_types.yaml plan_words.)"""
    text = (
        "Gunmen shot dead a judge in Quito on Monday. Patricio Vera, a spokesman for the Red Dawn Brigade, "
        "said the right wing wants to blame the Red Dawn Brigade for the attack. Police said the Black Hand "
        "group had planned to kidnap the judge before the attack."
    )
    result = analyzer.extract(Document(id="unrealised", text=text))
    names = {a.id: a.name for a in result.actors}
    said = sorted((s.relation, names.get(s.subject, s.subject), s.source.name) for s in result.statements)
    assert said == [("facilitated", "Black Hand group", "Police")]


def test_a_group_saying_its_fighters_did_it_claims_it(analyzer):
    """ "its fighters" are the group's: said by the group, a claim; "our forces" in the narration of an
    unnamed writer stand for nobody named."""
    text = (
        "A car bomb exploded outside a police station in Mogadishu on Tuesday, killing nine people. "
        "Al-Shabaab said its fighters had carried out the bombing."
    )
    result = analyzer.extract(Document(id="its", text=text))
    assert [(s.relation, s.subject, s.source.name) for s in result.statements] == [
        ("claimed", "al_shabaab", "Al-Shabaab")
    ]
    unnamed = "The Red Dawn Brigade left Tacna on Monday. Our forces ambushed a convoy there, killing six."
    assert _doer_names(analyzer, unnamed) == set()


def test_a_splinter_group_claims_alone_and_is_tied_to_the_group_it_split_from(analyzer):
    """ "X, a splinter group of the PKK, claimed the bombing": X claims it, not the PKK; the splinter is a
    tie (kb relations.yaml ``parent_nouns`` and part_of patterns)."""
    text = (
        "A car bomb exploded near a military convoy in Ankara on Wednesday, killing 28 people. A week "
        "later, the Kurdistan Freedom Falcons (TAK), a splinter group of the PKK, claimed responsibility "
        "for the bombing."
    )
    result = analyzer.extract(Document(id="splinter", text=text))
    said = sorted((s.relation, s.subject, *s.object.keys()) for s in result.statements)
    assert said == [("claimed", "tak", "incident"), ("part_of", "tak", "actor")]


def test_an_accusation_denied_in_a_clause_on_it_is_the_accused_saying_no(analyzer):
    """ "accused X of arming Y, an accusation X has repeatedly denied": the denial answers the charge
    (negated facilitation by X), and is no denial of the attack; the parser reads the clause as a
    relative clause on "accusation" or as a second clause with "an accusation X" as its subject."""
    attack = "RSF fighters attacked a village in El Gezira state on Thursday, killing 40 people. "
    relative = attack + (
        "Sudan's army-aligned government accused the United Arab Emirates of arming the RSF, an "
        "accusation the UAE has repeatedly denied."
    )
    second = (
        "M23 rebels attacked Goma on Monday, killing 12 people. Kinshasa accuses Rwanda of backing the "
        "M23, an accusation Kigali has repeatedly denied."
    )
    for text, accused, helped in ((relative, "uae", "rsf"), (second, "rwanda", "m23")):
        result = analyzer.extract(Document(id="answered", text=text))
        said = sorted((s.relation, s.subject, s.polarity, *s.object.values()) for s in result.statements)
        assert ("facilitated", accused, "negative", helped) in said
        assert ("facilitated", accused, "positive", helped) in said
        assert not [s for s in result.statements if s.relation == "denied"]


def test_missiles_fired_at_a_ship_are_an_attack_and_missiles_shot_down_are_none(analyzer):
    """ "said they had fired two ballistic missiles at a container ship": a claim of a rocket attack (a
    "*" in the kb patterns is any one word); "its forces had shot down a third missile" claims no attack
    (kb relations.yaml ``intercepted_weapons``)."""
    text = (
        "Houthi rebels said on Tuesday they had fired two ballistic missiles at a container ship in the "
        "Red Sea. The U.S. Central Command said its forces had shot down a third missile."
    )
    result = analyzer.extract(Document(id="missiles", text=text))
    [incident] = result.incidents
    assert incident.type == "rocket attack"
    assert [(s.relation, s.subject) for s in result.statements] == [("claimed", "houthis")]


def test_supplying_a_group_with_weapons_is_help_and_supplying_water_is_not(analyzer):
    """ "accused Iran of supplying the Houthis with missiles": facilitation of the Houthis (kb
    ``helping_verbs``); a noun-tagged "rejects" after "a charge" denies the charge, not the attack."""
    text = (
        "Houthi rebels fired missiles at a tanker in the Red Sea on Monday. Washington has accused Iran of "
        "supplying the Houthis with missiles and drones, a charge Tehran rejects. The Red Crescent supplied "
        "water to the crew."
    )
    result = analyzer.extract(Document(id="supply", text=text))
    said = sorted((s.relation, s.subject, *s.object.values()) for s in result.statements)
    assert ("facilitated", "iran", "houthis") in said
    assert not [s for s in result.statements if s.relation == "denied"]
    assert not [s for s in said if s[0] == "facilitated" and s[1] != "iran"]


def test_attackers_said_to_be_members_of_a_group_name_it_and_not_its_base(analyzer):
    """ "the assailants were believed to be members of the Pakistan-based Lashkar-e-Taiba": the police
    accuse Lashkar-e-Taiba, hedged; "Pakistan-based" says where the group is (kb relations.yaml
    ``qualifying_participles``), not that Pakistan did it."""
    believed = (
        "Gunmen attacked a bus in Reasi district on Sunday, killing nine people. A senior police officer "
        "said the assailants were believed to be members of the Pakistan-based Lashkar-e-Taiba."
    )
    result = analyzer.extract(Document(id="members", text=believed))
    assert [(s.relation, s.subject, s.certainty) for s in result.statements] == [
        ("perpetrated", "lashkar_e_taiba", "likely")
    ]
    belonged = (
        "Gunmen attacked a bus in Reasi district on Sunday, killing nine people. Police said the gunmen "
        "belonged to Lashkar-e-Taiba."
    )
    assert _perpetrators(analyzer, belonged) == [("lashkar_e_taiba", "Police")]


def test_a_force_that_killed_counted_militants_claims_no_attack(analyzer):
    """ "the military said it had killed 33 militants in a rescue operation": the force answers the attack
    (kb ``counter_patients``, counted); the group's claim stands alone."""
    text = (
        "Separatist militants seized a passenger train in Balochistan province on Tuesday. The Baloch "
        "Liberation Army claimed responsibility. Pakistan's military said it had killed 33 militants in a "
        "rescue operation."
    )
    result = analyzer.extract(Document(id="counted", text=text))
    assert [(s.relation, s.subject) for s in result.statements] == [("claimed", "bla")]


def test_a_tie_of_people_who_are_not_named_by_the_deed_says_nothing_of_the_attack(analyzer):
    """ "the militant had belonged to the navy": a militant is one by allegiance; only words for the doers
    of a deed (kb ``deed_doers``), named again with "the", make the tie an accusation."""
    text = (
        "Gunmen attacked a bus in Reasi district on Sunday, killing nine people. The party reported that the "
        "militant, who left a year ago to fight abroad, had belonged to the Indian navy."
    )
    assert _perpetrators(analyzer, text) == []


def test_blame_hung_on_the_object_names_whom_the_speaker_blames(analyzer):
    """ "Authorities have blamed the violence on bandits": "on" hangs on "the violence"; the bandits are
    blamed, by the authorities (the cue with its auxiliary is still the authorities' words)."""
    text = (
        "Bandits killed at least 30 villagers in a raid on a village in Zamfara state on Thursday. "
        "Authorities have blamed the violence on bandits."
    )
    result = analyzer.extract(Document(id="blamed", text=text))
    assert [(s.relation, s.subject, s.source.name) for s in result.statements] == [
        ("perpetrated", "new:bandits", "Authorities")
    ]
    [incident] = result.incidents
    assert (incident.place.name, incident.place.country) == ("Zamfara", "NG")


def test_a_states_adjective_on_its_forces_act_names_the_state_and_its_military_claims_it(analyzer):
    """ "An Israeli air strike killed ..., the Israeli military said": Israel did it (kb generic_actors.yaml
    ``state_acts``), in the words of its own forces, so a claim; a rocket strike on the Golan Heights is
    another incident, which Hezbollah's denial is about (the Golan is filed under Syria, kb regions.yaml)."""
    text = (
        "An Israeli air strike killed a senior Hezbollah commander in a suburb of Beirut on Tuesday, the "
        "Israeli military said. The military blamed him for a rocket strike on the Golan Heights that "
        "killed 12 children on Saturday. Hezbollah denied it was behind the Golan attack."
    )
    result = analyzer.extract(Document(id="state-acts", text=text))
    places = {i.id: i.place.name for i in result.incidents}
    said = {(s.relation, s.subject, places[s.object["incident"]]) for s in result.statements}
    assert ("claimed", "israel", "Beirut") in said
    assert ("denied", "hezbollah", "Golan Heights") in said
    assert not [s for s in said if s[1] == "hezbollah" and s[2] == "Beirut"]
    pakistani = "A Pakistani suicide bombing killed 12 people in Quetta on Monday."
    assert _perpetrators(analyzer, pakistani) == []


def test_a_claim_posted_on_a_website_that_its_fighters_targeted_soldiers_is_a_claim(analyzer):
    """ "said in a claim of responsibility posted on a website that its fighters had targeted government
    soldiers": the that-clause is what the group said (the parser hangs it on "website"), and "targeted"
    is a verb of attack (kb relations.yaml ``verb_patterns``)."""
    text = (
        "Three people were killed when a bomb went off at a bus station in Beledweyne on Saturday. "
        "Al-Shabaab said in a claim of responsibility posted on a pro-jihadist website that its fighters had "
        "targeted government soldiers."
    )
    assert _said(analyzer, text) == [("claimed", "al_shabaab", "Al-Shabaab")]


def test_pointing_the_finger_at_a_group_accuses_it(analyzer):
    """ "Iraqi officials pointed the finger at Iran-backed militias": the officials accuse the militias
    (kb cues.yaml ``accusing_phrases``, relations.yaml ``accused_preps``)."""
    text = (
        "A rocket attack on a coalition base near Erbil airport on Monday killed a contractor. Iraqi "
        "officials pointed the finger at Iran-backed militias."
    )
    assert _said(analyzer, text) == [("perpetrated", "new:iran-backed-militias", "Iraqi officials")]


def test_a_commander_of_the_group_claims_for_the_group_and_a_place_does_no_killing(analyzer):
    """ "A commander of the group, Sarbakaf Mohmand, had claimed responsibility": the group named before
    claims it, through the commander (whose name is no new group); "the bombing of a mosque in Peshawar,
    which killed 101 people, most of them police officers": the relative clause on a place says what the
    bombing did, so the police in it are no doers."""
    text = (
        "The Pakistani Taliban denied on Wednesday that they were involved in the bombing of a mosque "
        "inside a police compound in Peshawar, which killed 101 people, most of them police officers. A "
        "commander of the group, Sarbakaf Mohmand, had earlier claimed responsibility on Twitter."
    )
    result = analyzer.extract(Document(id="commander", text=text))
    said = sorted((s.relation, s.subject, s.polarity, s.source.name) for s in result.statements)
    assert ("claimed", "ttp", "positive", "Sarbakaf Mohmand") in said
    assert ("denied", "ttp", "positive", "Pakistani Taliban") in said
    assert {s[1] for s in said} == {"ttp"}
    assert "new:sarbakaf-mohmand" not in [a.id for a in result.actors]


def test_operations_against_a_group_are_fighting_and_a_pledge_of_allegiance_is_a_tie(analyzer):
    """ "Uganda and Congo have been conducting joint military operations against the group": no attack by
    Uganda; "The ADF, which pledged allegiance to the Islamic State": a tie (part_of); "eastern Congo's
    Ituri province" is Ituri, though the recogniser calls it a people."""
    text = (
        "Suspected ADF rebels killed at least 42 people in a raid on a village in eastern Congo's Ituri "
        "province on Sunday. The ADF, which pledged allegiance to the Islamic State in 2019, has killed "
        "thousands of civilians. Uganda and Congo have been conducting joint military operations against "
        "the group since 2021."
    )
    result = analyzer.extract(Document(id="operations", text=text))
    said = {(s.relation, s.subject) for s in result.statements}
    assert ("part_of", "adf") in said
    assert not [s for s in said if s[1] in {"uganda", "dr_congo"}]
    [incident] = result.incidents
    assert incident.place.name == "Ituri"


def test_an_attacker_who_pledged_allegiance_ties_himself_and_names_no_doing_group(analyzer):
    """ "The alleged killer had pledged allegiance to Islamic State": his tie, not the group's deed (a
    membership would be: "the assailants were members of X")."""
    text = (
        "Five people were killed in an attack on the Christmas market in Strasbourg on Tuesday. The alleged "
        "killer, shot dead by police, had pledged allegiance to Islamic State."
    )
    assert _perpetrators(analyzer, text) == []


def test_full_responsibility_is_a_claim_and_distancing_itself_a_denial(analyzer):
    """ "We take full responsibility for this action," the front said: a claim (kb "take *
    responsibility"); "The ELN distanced itself from the bombing": a denial by the ELN, whose "from" names
    what it denies, not who did it."""
    text = (
        'A bomb exploded near a police post in Cali on Thursday, killing two civilians. "We take full '
        'responsibility for this action," the Jaime Martinez front said in a message. The ELN distanced '
        "itself from the bombing."
    )
    result = analyzer.extract(Document(id="full", text=text))
    assert sorted((s.relation, s.subject) for s in result.statements) == [
        ("claimed", "new:jaime-martinez-front"),
        ("denied", "eln"),
    ]


def test_a_force_that_says_it_struck_claims_and_according_to_covers_only_its_clause(analyzer):
    """ "The IRGC said it had struck ... with ballistic missiles, killing four civilians according to
    Kurdish officials": "struck" is a verb of attack, the IRGC's own words claim it, and the officials'
    "according to" is about the killing clause, not the IRGC's statement."""
    text = (
        "The Islamic Revolutionary Guard Corps said on Monday it had struck what it called a spy "
        "headquarters in Erbil with ballistic missiles, killing four civilians according to Kurdish "
        "officials."
    )
    assert _said(analyzer, text) == [("claimed", "irgc", "Islamic Revolutionary Guard Corps")]


def test_it_after_a_weapon_that_struck_is_the_weapon_and_claimed_by_is_the_claimants_word(analyzer):
    """ "A roadside bomb killed three SDF fighters when it struck their vehicle": "it" is the bomb, not
    the SDF; "The attack ... was claimed by al-Shabaab": the claim, with no author's "perpetrated" beside
    it; "Somalia's president blamed the group": the group last named (by Somalia, as its president)."""
    struck = (
        "A roadside bomb killed three fighters of the Syrian Democratic Forces on Saturday when it struck "
        "their vehicle east of Deir ez-Zor."
    )
    assert _perpetrators(analyzer, struck) == []
    claimed = (
        "The attack on the hotel in Mogadishu, which killed at least 20 people, was claimed by al-Shabaab "
        "in a statement. Somalia's president blamed the group."
    )
    result = analyzer.extract(Document(id="claimed-by", text=claimed))
    assert sorted((s.relation, s.subject, s.source.kind) for s in result.statements) == [
        ("claimed", "al_shabaab", "claimant"),
        ("perpetrated", "al_shabaab", "organization"),
    ]


def test_a_toll_over_time_in_a_relative_clause_is_no_incidents_figure(analyzer):
    """ "a war between rival factions that has left hundreds dead": the war's toll, not the killing's."""
    text = (
        "Unidentified gunmen shot dead a local politician in Culiacan on Saturday. The killing comes amid a "
        "war between rival factions of the Sinaloa Cartel that has left hundreds dead since September."
    )
    [incident] = analyzer.extract(Document(id="toll", text=text)).incidents
    assert (incident.killed.min, incident.killed.max) == (1, 1)


def test_a_capital_accused_is_its_state_and_harbouring_militants_is_help(analyzer):
    """ "Pakistan has accused Kabul of harbouring militants, a charge the Taliban deny": Afghanistan is
    accused (kb seats.yaml, as the object of an accusing verb) of help (kb ``helping_verbs``), and the
    Taliban's denial answers that charge."""
    text = (
        "Two suicide bombers attacked a mosque in Jalalabad on Friday, killing 28 worshippers. Pakistan has "
        "accused Kabul of harbouring militants, a charge the Taliban deny."
    )
    result = analyzer.extract(Document(id="harbour", text=text))
    said = sorted((s.relation, s.subject, s.polarity, s.source.name) for s in result.statements)
    assert ("facilitated", "afghanistan", "positive", "Pakistan") in said
    assert ("facilitated", "afghanistan", "negative", "Taliban") in said
    doc = analyzer.nlp("A bomb went off in Kabul on Monday.")
    assert list(doc.spans["actors"]) == []


def test_a_wing_named_beside_its_group_speaks_and_a_barrage_fired_is_an_attack(analyzer):
    """ "Hamas's armed wing, the Qassam Brigades, said its fighters had fired a barrage of rockets": the
    wing claims it (not Hamas); "Islamic Jihad said it had taken part in the attack": a claim too."""
    text = (
        "Hamas's armed wing, the Qassam Brigades, said on Tuesday its fighters had fired a barrage of "
        "rockets at Tel Aviv. The Palestinian Islamic Jihad group said it had taken part in the attack."
    )
    result = analyzer.extract(Document(id="wing", text=text))
    assert sorted((s.relation, s.subject) for s in result.statements) == [
        ("claimed", "pij"),
        ("claimed", "qassam_brigades"),
    ]
    [incident] = result.incidents
    assert incident.type == "rocket attack"


def test_the_groups_fighters_in_its_spokesmans_words_are_its_claim(analyzer):
    """ "Al-Shabaab's military spokesman ... said the group's fighters had killed 12 officers": "the
    group's" stands for the group named before, whose spokesman claims it."""
    text = (
        "Kenyan police said al-Shabaab militants had ambushed a police convoy in Lamu county, killing five "
        "officers. Al-Shabaab's military spokesman, Sheikh Abdiasis Abu Musab, said the group's fighters had "
        "killed 12 Kenyan officers."
    )
    result = analyzer.extract(Document(id="groups", text=text))
    assert sorted((s.relation, s.subject, s.source.kind) for s in result.statements) == [
        ("claimed", "al_shabaab", "claimant"),
        ("perpetrated", "al_shabaab", "organization"),
    ]


def test_a_states_weapon_attack_names_the_state_and_its_agency_speaks_for_itself(analyzer):
    """ "A Ukrainian drone attack set fire to a refinery, the governor said": Ukraine did it, by the
    governor (kb generic_actors.yaml ``state_weapons``); "Ukraine's SBU security service said it had
    carried out the strike": the SBU, the head of the speaker's words, claims it (not Ukraine)."""
    text = (
        "A Ukrainian drone attack set fire to an oil refinery in Russia's Krasnodar region overnight, the "
        "regional governor said on Friday. Ukraine's SBU security service said it had carried out the strike."
    )
    result = analyzer.extract(Document(id="sbu", text=text))
    assert sorted((s.relation, s.subject, s.source.kind) for s in result.statements) == [
        ("claimed", "sbu", "claimant"),
        ("perpetrated", "ukraine", "anonymous"),
    ]


def test_a_relative_clause_blame_and_a_shared_denial_have_their_own_speakers(analyzer):
    """ "a bombing in Istanbul that Ankara blamed on the PKK": Turkey, through its capital, accuses the
    PKK of that bombing; "The PKK and the Syrian Kurdish YPG have denied involvement": each denies, in
    its own name."""
    text = (
        "Turkish warplanes struck targets in northern Iraq on Sunday, days after a bombing in Istanbul that "
        "Ankara blamed on the PKK. The PKK and the Syrian Kurdish YPG have denied involvement in the "
        "Istanbul blast, which killed six people."
    )
    result = analyzer.extract(Document(id="shared", text=text))
    places = {i.id: i.place.name for i in result.incidents}
    said = sorted(
        (s.relation, s.subject, s.source.actor, places[s.object["incident"]]) for s in result.statements
    )
    assert said == [
        ("denied", "pkk", "pkk", "Istanbul"),
        ("denied", "ypg", "ypg", "Istanbul"),
        ("perpetrated", "pkk", "turkey", "Istanbul"),
        ("perpetrated", "turkey", None, "Iraq"),  # "Turkish warplanes struck": the author says Turkey did
    ]


def test_a_cell_linked_to_a_group_names_the_group_as_the_hedged_doer(analyzer):
    """ "According to the Shin Bet, the bomb was probably planted by a cell linked to Hamas": Hamas's
    people, as with "fighters loyal to X" (kb ``loyalty_words``; here the parser makes "linked" a clause
    on "cell"), said by the Shin Bet and hedged."""
    text = (
        "A bomb exploded at a bus stop in Jerusalem on Wednesday, killing one person. According to the Shin "
        "Bet security agency, the bomb was probably planted by a cell linked to Hamas."
    )
    result = analyzer.extract(Document(id="cell", text=text))
    assert [(s.relation, s.subject, s.source.actor, s.certainty) for s in result.statements] == [
        ("perpetrated", "hamas", "shin_bet", "likely")
    ]


def test_a_group_named_by_whom_it_is_linked_to_is_the_group_last_named(analyzer):
    """ "The al-Qaeda-linked group claimed the attack": the group is al-Shabaab, named before; al-Qaeda
    only qualifies it (kb ``loyalty_words`` before the noun, as ``qualifying_participles``). Before, the
    claim was al-Qaeda's."""
    text = (
        "At least 32 people were killed when al-Shabaab militants stormed a beachfront hotel in Mogadishu "
        "late on Friday, police said. The al-Qaeda-linked group claimed the attack in a statement on its "
        "radio station."
    )
    # (and "militants stormed a hotel", police said: al-Shabaab did it, since "storm" states it, stop 36)
    assert _said(analyzer, text) == [
        ("perpetrated", "al_shabaab", "police"),
        ("claimed", "al_shabaab", "al-Shabaab"),
    ]


def test_a_beheading_reported_by_the_groups_news_agency_is_its_claim(analyzer):
    """ "beheaded ... according to the group's Amaq news agency": a beheading is a killing (kb
    incident_types, relations), and Amaq speaks for the Islamic State (kb ``voice_of``), so the words
    are the group's claim. The parser reads "linked" as the verb and "beheaded" as a clause on it; the
    doers are still the group the insurgents are linked to. Before, there was neither incident nor
    statement."""
    text = (
        "PEMBA, Mozambique, June 9 - Insurgents linked to the Islamic State beheaded at least nine villagers "
        "in Cabo Delgado province last week, according to the group's Amaq news agency."
    )
    result = analyzer.extract(Document(id="amaq", text=text))
    assert [(i.type, i.killed.min, i.place.name) for i in result.incidents] == [("attack", 9, "Cabo Delgado")]
    assert [(s.relation, s.subject, s.source.kind) for s in result.statements] == [
        ("claimed", "isis", "claimant")
    ]


def test_people_linked_to_a_group_misparsed_as_a_sentence_still_name_the_group(analyzer):
    """ "Militants linked to the Islamic State killed ...": the same misparse without a speaker; the author
    says the group's people did it."""
    text = "Militants linked to the Islamic State killed at least 11 farmers in Borno state on Sunday."
    assert _said(analyzer, text) == [("perpetrated", "isis", None)]


def test_a_states_warplanes_name_the_state_as_the_doer(analyzer):
    """ "Turkish warplanes struck targets in northern Iraq": only a state's forces fly warplanes, so the
    adjective names the state (kb generic_actors.yaml ``state_acts``), as in "a Turkish air strike";
    said by the state's own military, a claim. Before, the strike had no doer."""
    text = (
        "BEIRUT, July 4 - Israeli warplanes struck Hezbollah targets in southern Lebanon on Thursday, "
        "killing three fighters, the Israeli military said."
    )
    result = analyzer.extract(Document(id="jets", text=text))
    assert [(s.relation, s.subject, s.source.kind) for s in result.statements] == [
        ("claimed", "israel", "claimant")
    ]
    text = "Turkish warplanes struck Kurdish militant targets in northern Iraq on Saturday, officials said."
    assert _said(analyzer, text) == [("perpetrated", "turkey", "officials")]


def test_strikes_on_one_named_day_are_one_raid_with_its_doers(analyzer):
    """ "The United States and Britain responded with strikes on Houthi positions near Sanaa on Saturday":
    plural, but one day's raid, so an incident (a plural with no day stays general), and "responded with"
    an attack names who made it (kb relations.yaml, a light verb: not "responded with a statement")."""
    text = (
        "DUBAI, Jan 28 - The United States and Britain responded with strikes on Houthi positions near Sanaa "
        "on Saturday. The Houthis responded with a statement condemning the raids."
    )
    result = analyzer.extract(Document(id="raid", text=text))
    assert [(i.type, i.place.name) for i in result.incidents] == [("attack", "Sanaa")]
    assert sorted((s.relation, s.subject) for s in result.statements) == [
        ("perpetrated", "united_kingdom"),
        ("perpetrated", "united_states"),
    ]
    general = "U.S. and British strikes on Houthi positions have continued for months."
    assert analyzer.extract(Document(id="general", text=general)).incidents == []


def test_what_a_group_often_does_is_conduct_and_the_hallmarks_of_the_group_name_it(analyzer):
    """ "Al-Shabaab, which often targets security forces": conduct over time (a present with an adverb of
    frequency), no statement about the bombing; "the bombing bore the hallmarks of the group" names the
    group last named, in the army chief's words."""
    text = (
        "A car bomb exploded outside a military academy in Mogadishu on Sunday, killing at least 18 cadets. "
        "Al-Shabaab, which often targets security forces, has not commented. Somalia's army chief said the "
        "bombing bore the hallmarks of the group."
    )
    result = analyzer.extract(Document(id="hallmarks", text=text))
    [bombing] = result.incidents
    said = [(s.relation, s.subject, s.source.actor, s.object["incident"]) for s in result.statements]
    assert said == [
        ("perpetrated", "al_shabaab", None, None),
        ("perpetrated", "al_shabaab", "somalia", bombing.id),
    ]


def test_a_name_set_beside_association_is_a_body_that_can_deny(analyzer):
    """ "Miyetti Allah, a herders' association, denied its members were involved in the attack": the
    recogniser does not know the name; the word beside it makes it a new actor, and its denial counts."""
    text = (
        "Armed men attacked a village in Plateau state on Sunday, killing more than 100 people, local "
        "officials said. Miyetti Allah, a herders' association, denied its members were involved in the "
        "attack."
    )
    said = _said(analyzer, text)
    assert ("denied", "new:miyetti-allah", "Miyetti Allah") in said


def test_two_sides_of_a_contested_blast_each_keep_their_own_voice(analyzer):
    """ "Palestinian officials blamed an Israeli air strike; the Israeli military said the blast was caused
    by a failed rocket launch by Islamic Jihad, which the group denied." The parser hangs the first clause
    on "said" across the semicolon: before, the Palestinian charge became an Israeli claim, and the
    Israeli account the author's. A semicolon ends what is said, and the group's denial in a relative
    clause is its answer, not the military's words."""
    text = (
        "An explosion at a hospital in Gaza City killed hundreds of people on Tuesday. Palestinian officials "
        "blamed an Israeli air strike; the Israeli military said the blast was caused by a failed rocket "
        "launch by Islamic Jihad, which the group denied."
    )
    result = analyzer.extract(Document(id="contested", text=text))
    said = [(s.relation, s.subject, s.source.kind, s.source.name) for s in result.statements]
    assert said == [
        ("perpetrated", "israel", "anonymous", "Palestinian officials"),
        ("perpetrated", "pij", "organization", "Israeli military"),
        ("denied", "pij", "organization", "Islamic Jihad"),
    ]
    contents = {a.cue.text: a.content.text for a in result.attributions}
    assert contents["said"] == "the blast was caused by a failed rocket launch by Islamic Jihad"


def test_a_group_described_as_anothers_branch_claims_alone(analyzer):
    """ "JNIM, al-Qaeda's branch in the Sahel, claimed the attacks": the branch's parent, named in the
    apposition's possessive (kb relations.yaml ``parent_nouns``), claims nothing; and the group speaks,
    not "Sahel", which the recogniser takes for a person."""
    text = (
        "Jihadists attacked a gendarmerie school and an air base in Bamako on Tuesday. Jama'at Nusrat "
        "al-Islam wal-Muslimin, al-Qaeda's branch in the Sahel, claimed the attacks, which the army said "
        "killed dozens of trainees."
    )
    result = analyzer.extract(Document(id="branch", text=text))
    # ("branch" alone states the tie since stop 36: JNIM is part of al-Qaeda, as the author puts it)
    assert [(s.relation, s.subject, s.source.kind) for s in result.statements] == [
        ("part_of", "jnim", "author"),
        ("claimed", "jnim", "claimant"),
    ]


def test_sides_that_blame_each_other_each_accuse_the_other(analyzer):
    """ "The army and the RSF blamed each other for the shelling": two accusations, each in its accuser's
    name; before, none. Likewise "accused one another of shelling"."""
    text = (
        "More than 100 people were killed when shells hit a market in Omdurman on Saturday. The army and "
        "the RSF blamed each other for the shelling."
    )
    result = analyzer.extract(Document(id="each", text=text))
    [incident] = result.incidents
    said = sorted((s.subject, s.source.actor, s.object["incident"]) for s in result.statements)
    assert said == [("new:army", "rsf", incident.id), ("rsf", "new:army", incident.id)]
    text = "Armenia and Azerbaijan accused one another of shelling border villages on Tuesday, killing two."
    result = analyzer.extract(Document(id="another", text=text))
    said = sorted((s.relation, s.subject, s.source.actor) for s in result.statements)
    assert said == [("perpetrated", "armenia", "azerbaijan"), ("perpetrated", "azerbaijan", "armenia")]


def test_a_denial_that_names_the_rival_who_did_it(analyzer):
    """ "Boko Haram denied reports that it had abducted 40 farmers ..., saying the kidnapping was the work
    of a rival faction, Islamic State West Africa Province": Boko Haram denies, and says ISWAP did it.
    The parser hangs "saying" inside what is denied, and ISWAP away from "faction"; before, ISWAP was
    not named, then named as denied."""
    text = (
        "Boko Haram denied reports that it had abducted 40 farmers in Borno state last week, saying the "
        "kidnapping was the work of a rival faction, Islamic State West Africa Province."
    )
    result = analyzer.extract(Document(id="rival", text=text))
    said = {(s.relation, s.subject, s.polarity, s.source.actor) for s in result.statements}
    assert ("perpetrated", "iswap", "positive", "boko_haram") in said
    assert ("perpetrated", "boko_haram", "negative", "boko_haram") in said
    assert not any(s.subject == "iswap" and s.polarity == "negative" for s in result.statements)


def test_retaliation_by_a_group_names_it_hedged_as_said(analyzer):
    """ "Military officials said the attack may have been retaliation by the Dawlah Islamiyah group":
    retaliation by X is X's act (kb relations.yaml), and "may have been" hedges it."""
    text = (
        "A bomb exploded during a Catholic Mass at a university gymnasium in Marawi on Sunday, killing four "
        "people. Military officials said the attack may have been retaliation by the Dawlah Islamiyah group "
        "for the killing of its leaders in recent operations."
    )
    result = analyzer.extract(Document(id="retaliation", text=text))
    assert [(s.relation, s.source.name, s.certainty) for s in result.statements] == [
        ("perpetrated", "Military officials", "roughly even")
    ]


def test_a_unit_named_with_its_groups_possessive_claims_alone(analyzer):
    """ "The BLA's Majeed Brigade claimed responsibility": the brigade's claim, not also the BLA's (the
    brigade's tie to the BLA is the kb's to say)."""
    text = (
        "A suicide bomber blew himself up at the railway station in Quetta on Saturday, killing at least 26 "
        "people. The BLA's Majeed Brigade claimed responsibility in a message to reporters."
    )
    result = analyzer.extract(Document(id="brigade", text=text))
    names = {a.id: a.name for a in result.actors}
    assert [(s.relation, names[s.subject]) for s in result.statements] == [("claimed", "Majeed Brigade")]


def test_the_state_whose_ministry_speaks_is_no_place_and_its_account_stays_on_the_strike(analyzer):
    """ "Russia's defence ministry denied targeting civilians and said its forces had struck a command
    post": Russia is whose the ministry is, not where anything happened; before, "struck" opened a second
    incident placed in Russia, and the denial and the claim went to it."""
    text = (
        "A missile strike on a residential building in Kharkiv killed nine people on Sunday, the regional "
        "governor said. Russia's defence ministry denied targeting civilians and said its forces had struck "
        "a Ukrainian army command post."
    )
    result = analyzer.extract(Document(id="ministry", text=text))
    [strike] = result.incidents
    assert strike.place.name == "Kharkiv"
    assert {(s.relation, s.subject, s.object["incident"]) for s in result.statements} >= {
        ("denied", "russia", strike.id),
        ("claimed", "russia", strike.id),
    }


def test_two_groups_claiming_one_bombing_each_claim_it(analyzer):
    """ "Both AQAP and Islamic State claimed a suicide bombing": a claim of an attack named with two words
    (kb wildcard "claim * * bombing"); before, no claim at all. A "*" never stands for "that": "claimed
    that the attack was ..." is no claim of the attack."""
    text = (
        "Both al-Qaeda in the Arabian Peninsula and Islamic State claimed a suicide bombing that killed 30 "
        "soldiers in Aden on Tuesday."
    )
    assert [(r, s) for r, s, _ in _said(analyzer, text)] == [("claimed", "aqap"), ("claimed", "isis")]
    text = (
        "A suicide bombing killed 30 soldiers in Aden on Tuesday. Islamic State claimed that the attack was "
        "staged by the government."
    )
    assert not any(r == "claimed" for r, _, _ in _said(analyzer, text))


def test_a_group_that_says_it_was_not_responsible_denies(analyzer):
    """ "The Taliban said they were not responsible for a bombing": "not" and "responsible" both hang on
    "were"; before, the words were not read as joined and the denial was lost."""
    text = (
        "The Taliban said they were not responsible for a bombing at a mosque in Kunduz that killed at least "
        "50 worshippers on Friday."
    )
    assert _said(analyzer, text) == [("denied", "taliban", "Taliban")]


def test_a_plural_pointed_back_to_is_the_incident_just_told(analyzer):
    """ "Pagers exploded across Lebanon ... Hezbollah blamed Israel for the blasts": "the blasts" is that
    incident, so the charge is about it; "similar attacks" stay others."""
    text = (
        "Thousands of pagers used by Hezbollah members exploded across Lebanon on Tuesday, killing at least "
        "nine people. Hezbollah blamed Israel for the blasts."
    )
    result = analyzer.extract(Document(id="blasts", text=text))
    [blasts] = result.incidents
    assert [(s.subject, s.object["incident"]) for s in result.statements] == [("israel", blasts.id)]
    text = (
        "A bomb killed nine people in Beirut on Tuesday. Hezbollah has blamed Israel for similar attacks in "
        "the past."
    )
    result = analyzer.extract(Document(id="similar", text=text))
    assert [s.object["incident"] for s in result.statements] == [None]


def test_a_relative_clause_with_a_speaker_inside_names_what_it_hangs_on(analyzer):
    """ "The Resistance Front, which Indian officials say is a front for Lashkar-e-Taiba": the front is
    TRF, said by Indian officials (the relative pronoun's clause is the speaker's words)."""
    text = (
        "Militants killed seven workers in Ganderbal district on Sunday. The Resistance Front, which Indian "
        "officials say is a front for Lashkar-e-Taiba, claimed the attack."
    )
    result = analyzer.extract(Document(id="front", text=text))
    ties = [
        (s.relation, s.object.get("actor"), s.source.name) for s in result.statements if "actor" in s.object
    ]
    assert ties == [("part_of", "lashkar_e_taiba", "Indian officials")]


def test_a_claim_in_a_relative_clause_on_the_accused_is_the_groups_own(analyzer):
    """ "President Francois Hollande blamed Islamic State, which claimed responsibility": the claim is
    the group's, not something Hollande said; before, Hollande was its source."""
    text = (
        "Gunmen and suicide bombers attacked a concert hall and restaurants in Paris on Friday night, "
        "killing 130 people. President Francois Hollande blamed Islamic State, which claimed responsibility "
        "on Saturday."
    )
    assert _said(analyzer, text) == [
        ("perpetrated", "isis", "Francois Hollande"),
        ("claimed", "isis", "Islamic State"),
    ]


def test_a_claim_by_a_coalition_of_backed_militias_and_a_denied_link_to_the_attack(analyzer):
    """ "Responsibility was claimed by the Islamic Resistance in Iraq, an umbrella group of Iran-backed
    militias. Iran denied any link to the attack.": Iran backs, it does not claim; and a link denied to
    the attack (not to a group) is a denial of the attack. Before: Iran claimed, and did not deny."""
    text = (
        "A drone attack killed three U.S. soldiers at a base in Jordan on Sunday. Responsibility was claimed "
        "by the Islamic Resistance in Iraq, an umbrella group of Iran-backed militias. Iran denied any link "
        "to the attack."
    )
    assert [(r, s) for r, s, _ in _said(analyzer, text)] == [
        ("claimed", "islamic_resistance_iraq"),
        ("denied", "iran"),
    ]


def test_hallmarks_after_no_claim_hedge_the_charge_and_keep_it_on_the_incident(analyzer):
    """ "No one has claimed the attacks, but they bore the hallmarks of Boko Haram": likely (kb hedges),
    and about the bombings; "has claimed" in the first clause does not make the second conduct over
    time. A doubt about a figure in a relative clause does not hedge the claim beside it."""
    text = (
        "Female suicide bombers killed at least 18 people at a wedding and a hospital in Gwoza on Saturday. "
        "No one has claimed the attacks, but they bore the hallmarks of Boko Haram."
    )
    result = analyzer.extract(Document(id="hallmarks", text=text))
    [bombing] = result.incidents
    said = [(s.subject, s.certainty, s.object["incident"]) for s in result.statements]
    assert said == [("boko_haram", "likely", bombing.id)]
    text = (
        "Jihadists killed at least 20 soldiers in an ambush near Tillaberi on Sunday. Islamic State claimed "
        "to have killed 40 soldiers, a figure that could not be verified."
    )
    result = analyzer.extract(Document(id="figure", text=text))
    assert [(s.relation, s.certainty) for s in result.statements] == [("claimed", "asserted")]


def test_a_states_special_services_keep_their_nationality(analyzer):
    """ "Russia's FSB security service said Ukrainian special services were behind the killing": the
    accused are Ukraine's services (kb generic_actors), named with the adjective the recogniser calls a
    place; the FSB speaks (kb alias)."""
    text = (
        "A car bomb killed a journalist near Moscow on Saturday. Russia's FSB security service said "
        "Ukrainian special services were behind the killing."
    )
    assert _said(analyzer, text) == [
        ("perpetrated", "new:ukrainian-special-services", "FSB security service")
    ]


def test_a_group_that_acknowledges_responsibility_in_a_relative_clause_claims(analyzer):
    """ "The government blamed the ELN, which later acknowledged responsibility in a statement": the
    government's charge, and the ELN's own claim (kb "acknowledge responsibility"; cues
    ``own_word_verbs``); before, only the charge."""
    text = (
        "A car bomb exploded at a police academy in Bogota on Thursday, killing 21 cadets. The government "
        "blamed the National Liberation Army (ELN), which later acknowledged responsibility in a statement."
    )
    said = [(r, src) for r, _, src in _said(analyzer, text)]
    assert said == [("perpetrated", "The government"), ("claimed", "National Liberation Army")]


def test_a_gang_named_before_its_word_claims(analyzer):
    """ "The Gran Grif gang, led by Luckson Elan, claimed responsibility": a name before a lower-case group
    word, at the start of a sentence too ("The" is capitalised there); before, no actor and no claim."""
    text = (
        "Gang members killed at least 70 people in the town of Pont-Sonde on Thursday, the U.N. said. The "
        "Gran Grif gang, led by Luckson Elan, claimed responsibility in a video posted on social media."
    )
    assert _said(analyzer, text) == [("claimed", "new:gran-grif-gang", "Gran Grif gang")]


def test_the_junta_confirming_its_strike_claims_it(analyzer):
    """ "A spokesman for the junta confirmed the strike, saying it had targeted a ceremony": the junta is a
    state force named by what it is (kb generic_actors), and its spokesman's "it" is the junta."""
    text = (
        "A military air strike on a village in Sagaing region killed more than 100 people, witnesses said. A "
        "spokesman for the junta confirmed the strike, saying it had targeted a ceremony held by opponents "
        "of military rule."
    )
    assert [(r, s) for r, s, _ in _said(analyzer, text)] == [("claimed", "new:junta")]


def test_suspecting_that_a_factions_members_were_responsible_accuses_the_faction(analyzer):
    """ "Prosecutors said they suspected members of the Chapitos faction were responsible": the subject
    of the suspected clause is accused, hedged; before, no one."""
    text = (
        "Gunmen killed five people at a car wash in Culiacan on Friday. Prosecutors said they suspected "
        "members of the Chapitos faction were responsible."
    )
    result = analyzer.extract(Document(id="suspected", text=text))
    assert [(s.subject, s.source.name, s.certainty) for s in result.statements] == [
        ("new:chapitos-faction", "Prosecutors", "likely")
    ]


def test_the_police_who_shoot_the_attacker_are_not_its_doers(analyzer):
    """ "A gunman killed seven people ... before being shot dead by police": the passive with no subject
    of its own is done to the gunman, so the police answered the attack (no statement), and "shot dead"
    opens no assassination."""
    text = (
        "A Palestinian gunman killed seven people near a synagogue in Jerusalem on Friday before being shot "
        "dead by police."
    )
    result = analyzer.extract(Document(id="answered", text=text))
    assert [i.type for i in result.incidents] == ["armed assault"]
    assert result.statements == []


def test_a_state_that_denies_in_a_relative_clause_speaks_for_itself(analyzer):
    """ "Iranian officials had earlier blamed Israel and the United States, which denied involvement":
    the United States denies (a relative clause on a state's name is the state's, not a place's)."""
    text = (
        "Two explosions killed at least 84 people at a memorial in Kerman on Wednesday. Iranian officials "
        "had earlier blamed Israel and the United States, which denied involvement."
    )
    assert ("denied", "united_states", "United States") in _said(analyzer, text)


def test_a_groups_quoted_words_for_its_fighters_are_its_claim(analyzer):
    """'"One of our martyrdom seekers targeted Russian diplomats," Islamic State said': "our seekers" are
    the group's people in its own words (kb generic_actors ``members``), so a claim."""
    text = (
        'A suicide bomber killed two staff members of the Russian embassy in Kabul on Monday. "One of our '
        'martyrdom seekers targeted Russian diplomats," Islamic State said in a statement.'
    )
    assert _said(analyzer, text) == [("claimed", "isis", "Islamic State")]


def test_a_commanders_claim_and_the_spokesmans_distancing_both_stand(analyzer):
    """ "A TTP commander ... claimed responsibility on Twitter, but a TTP spokesman later distanced the
    group from the attack": a claim and a denial, both the TTP's (kb "distance * * from")."""
    text = (
        "A suicide bomber killed 101 people in a mosque inside a police compound in Peshawar. A TTP "
        "commander, Sarbakaf Mohmand, claimed responsibility on Twitter, but a TTP spokesman later distanced "
        "the group from the attack."
    )
    assert [(r, s) for r, s, _ in _said(analyzer, text)] == [("claimed", "ttp"), ("denied", "ttp")]


def test_conduct_in_a_relative_clause_leaves_the_charge_on_the_incident(analyzer):
    """ "he blamed the group, which has carried out several attacks in Kenya since 2011": the relative
    clause tells of conduct over time; the charge itself is about the hotel attack (before, the whole
    sentence was read as general and the charge lost its incident). The conduct is a statement of its
    own, about no incident, now that "the group" is known to be the one named before the words."""
    text = (
        "Al-Shabaab militants attacked a hotel complex in Nairobi on Tuesday, killing 21 people. Kenya's "
        "president blamed the group, which has carried out several attacks in Kenya since 2011."
    )
    result = analyzer.extract(Document(id="conduct", text=text))
    [attack] = result.incidents
    by_incident = sorted({(s.object["incident"] or "", s.subject) for s in result.statements})
    assert by_incident == [("", "al_shabaab"), (attack.id, "al_shabaab")]


def test_officials_who_suspect_a_group_hedge_the_charge(analyzer):
    """ "Officials suspect the Islamic State West Africa Province": a likely doer, as "ISWAP is suspected"
    is (kb relations.yaml ``suspecting_verbs``); before, asserted."""
    text = (
        "Gunmen kidnapped 110 schoolgirls from a school in Dapchi, Yobe state, on Monday. Officials suspect "
        "the Islamic State West Africa Province."
    )
    result = analyzer.extract(Document(id="suspect", text=text))
    assert [(s.subject, s.certainty) for s in result.statements] == [("iswap", "likely")]


def test_a_stabbing_is_an_attack_and_the_police_who_shoot_the_stabber_are_not_its_doers(analyzer):
    """ "A man stabbed three people ... before being shot by police": an attack (kb "stab"), whose
    attacker is the man; the police answered it (before: no incident, and the police as doers)."""
    text = (
        "A man stabbed three people near a railway station in Leeds on Wednesday before being shot by police."
    )
    result = analyzer.extract(Document(id="stab", text=text))
    assert [(i.type, i.attackers) for i in result.incidents] == [("attack", ["man"])]
    assert result.statements == []


def test_the_doers_said_to_be_a_group_named_by_what_it_is(analyzer):
    """ "The kidnappers were bandits, a police spokesman said": the deed's doers named again and said to
    be bandits (kb ``deed_doers`` + copula); before, no statement. "The gunman was shot dead" names no
    group."""
    text = (
        "Gunmen abducted 287 pupils from a school in Kuriga, in Kaduna state, on Thursday. The kidnappers "
        "were bandits, a police spokesman said. The gunman was a local man, another official said."
    )
    said = _said(analyzer, text)
    assert [(r, s) for r, s, _ in said] == [("perpetrated", "new:bandits")]


def test_philippine_groups_are_known(analyzer):
    """ "Suspected Abu Sayyaf militants beheaded a Vietnamese sailor": the kb knows the Abu Sayyaf Group
    (and the other Philippine armed groups), so the military's charge names it, hedged."""
    text = (
        "Suspected Abu Sayyaf militants beheaded a Vietnamese sailor held hostage in Sulu province, the "
        "military said on Monday."
    )
    result = analyzer.extract(Document(id="asg", text=text))
    assert [(s.subject, s.certainty) for s in result.statements] == [("abu_sayyaf", "likely")]


def test_a_groups_own_words_inside_a_monitors_report_are_its_claim(analyzer):
    """ "A group calling itself Islamic State in Libya said it was behind the attack, according to SITE":
    the group says it did it, SITE reports that it said so: a claim, reported by SITE (before, SITE
    alleging the group's doing)."""
    text = (
        "Gunmen stormed a hotel in Tripoli on Tuesday, killing at least nine people. A group calling itself "
        "Islamic State in Libya said it was behind the attack, according to SITE."
    )
    result = analyzer.extract(Document(id="site", text=text))
    assert [(s.relation, s.source.name) for s in result.statements] == [("claimed", "SITE")]


def test_a_charge_called_baseless_is_denied_and_still_made(analyzer):
    """ "X accused India of backing the separatists, an allegation New Delhi called baseless": "called ...
    baseless" is a denial (kb cues.yaml ``dismissals``), so the accuser keeps its charge and the capital
    denies it (before, the charge was put in New Delhi's mouth)."""
    text = (
        "Separatist militants attacked a passenger train in Balochistan on Tuesday, killing 26 people. "
        "Pakistan's military accused India of backing the separatists, an allegation New Delhi called "
        "baseless."
    )
    result = analyzer.extract(Document(id="dismiss", text=text))
    said = {(s.relation, s.subject, s.polarity, s.source.name) for s in result.statements}
    assert ("facilitated", "india", "positive", "Pakistan's military") in said
    assert ("facilitated", "india", "negative", "New Delhi") in said


def test_describing_a_charge_as_absurd_denies_it_but_calling_an_attack_cowardly_does_not(analyzer):
    text = (
        "Kyiv blamed Russian forces for the strike on a market in Kostiantynivka. Moscow described the "
        "accusation as absurd. The president called the strike cowardly."
    )
    said = _said(analyzer, text)
    assert [(r, s) for r, s, _ in said] == [("perpetrated", "new:russian-forces"), ("denied", "russia")]


def test_a_states_forces_are_an_actor_named_with_its_adjective(analyzer):
    """ "Russian forces", "Israeli forces": a state's forces named by its adjective are the accused, and
    speak (kb generic_actors.yaml ``national``; before, "Kyiv blamed Russian forces" stated nothing);
    "forces" alone names nobody."""
    text = (
        "Kyiv blamed Russian forces for the strike on a market in Kostiantynivka. Forces loyal to the "
        "governor fired warning shots, a witness said. Israeli forces said they had struck a Hamas "
        "command post in Gaza City."
    )
    result = analyzer.extract(Document(id="forces", text=text))
    actors = {a.id: a.name for a in result.actors}
    said = [(s.relation, actors[s.subject], s.source.name) for s in result.statements]
    assert said[0] == ("perpetrated", "Russian forces", "Kyiv")
    assert {"Russian forces", "Israeli forces"} <= set(actors.values())


def test_a_charge_of_a_deed_that_is_no_attack_states_no_perpetration(analyzer):
    """ "accused Hamas of hiding weapons in the hospital": the parser takes "hiding" for a noun; still a
    charge of no attack (before: Hamas perpetrated an unknown incident)."""
    text = "Israel accused Hamas of hiding weapons in the hospital, a charge the group called a lie."
    assert _said(analyzer, text) == []


def test_the_group_behind_an_attack_is_the_noun_behind_hangs_on(analyzer):
    """ "accused India of backing the separatists behind the train attack": the separatists did it, India
    backed them (before: India perpetrated it); "those behind the bombing" names no one."""
    text = (
        "Pakistan's military accused India of backing the separatists behind the train attack in "
        "Balochistan. Police are searching for those behind the bombing of the bus station in Kano."
    )
    said = {(r, s) for r, s, _ in _said(analyzer, text)}
    assert said == {("facilitated", "india"), ("perpetrated", "new:separatists")}


def test_a_name_set_beside_a_faction_is_a_group_and_not_its_ally(analyzer):
    """ "Hafiz Gul Bahadur, a faction allied with the TTP, claimed responsibility": the faction claims (the
    recogniser takes its leader's name for a person), not the TTP it is allied with."""
    text = (
        "A suicide bomber rammed a car into a police station in Bannu on Tuesday, killing 12 officers. "
        "Later Tuesday, Hafiz Gul Bahadur, a faction allied with the TTP, claimed responsibility in a "
        "message to reporters."
    )
    result = analyzer.extract(Document(id="hgb", text=text))
    actors = {a.id: a.name for a in result.actors}
    claims = [actors[s.subject] for s in result.statements if s.relation == "claimed"]
    assert claims == ["Hafiz Gul Bahadur"]


def test_a_speakers_day_is_not_part_of_its_name(analyzer):
    text = (
        "Russia's defence ministry on Sunday accused Ukraine of launching a drone attack on a residential "
        "building in the Moscow region."
    )
    result = analyzer.extract(Document(id="day", text=text))
    assert [a.source.text for a in result.attributions] == ["Russia's defence ministry"]


def test_a_present_perfect_misparsed_as_a_conjunct_is_conduct_over_time(analyzer):
    """ "Jihadists linked to al-Qaeda ... have killed thousands since 2015": the parser hangs "killed" on
    "linked"; its own "have" still makes it a record, not the church attack (before: the attack got
    the year 2015 and the record's doers)."""
    text = (
        "Gunmen kill 20 worshippers in attack on church in Burkina Faso\n\n"
        "Gunmen stormed a church during Sunday mass in the village of Essakane in northeastern Burkina "
        "Faso, killing at least 20 worshippers, a local official said.\n\n"
        "There was no immediate claim of responsibility. Jihadists linked to al-Qaeda and the Islamic "
        "State group have killed thousands of people in Burkina Faso since 2015."
    )
    result = analyzer.extract(Document(id="record", text=text))
    assert [(i.date, i.attackers) for i in result.incidents] == [(None, ["Gunmen"])]
    assert all(s.object.get("incident") is None for s in result.statements)


def test_blamed_on_a_faction_and_on_another_group(analyzer):
    """ "blamed the attack on a faction of the FARC that rejected the peace deal and on the ELN": the
    "on" hangs on "attack" and its second "on" is a conjunct; a faction with no name is known by its
    group (before: nothing was stated)."""
    text = (
        "A car bomb exploded outside a military base in Cucuta on Tuesday, wounding 36 people. Defense "
        "Minister Diego Molano blamed the attack on a faction of the FARC that rejected the 2016 peace "
        "deal and on the National Liberation Army (ELN)."
    )
    said = {(r, s, src) for r, s, src in _said(analyzer, text)}
    assert said == {("perpetrated", "farc", "Diego Molano"), ("perpetrated", "eln", "Diego Molano")}


def test_an_army_that_repelled_an_attack_and_killed_terrorists_claims_no_attack(analyzer):
    """ "The army said it had repelled the attack and killed dozens of 'terrorists'": the army's answer to
    the attack, counted; not its claim of the attack (before: the army claimed it)."""
    text = (
        "Militants attacked an army post in Djibo on Sunday. JNIM said in a statement that its fighters "
        "had overrun the post and killed 50 soldiers. The army said it had repelled the attack and killed "
        'dozens of "terrorists".'
    )
    said = _said(analyzer, text)
    assert [(r, s) for r, s, _ in said] == [("claimed", "jnim")]


def test_a_backer_named_in_a_participle_neither_did_it_nor_is_where(analyzer):
    """ "Iran-backed militants attacked a US base in Syria": Iran backs the militants (it did not attack,
    and is not where), and the US keeps the base (it is in Syria)."""
    text = "Iran-backed militants attacked a US base in Syria on Sunday, wounding four soldiers."
    result = analyzer.extract(Document(id="backed", text=text))
    [incident] = result.incidents
    assert (incident.place.name, incident.attackers) == ("Syria", ["Iran-backed militants"])
    assert [s for s in result.statements if s.relation == "perpetrated"] == []


def test_officials_who_believed_a_group_was_responsible_hold_it_likely(analyzer):
    """ "U.S. officials said they believed ... ISIS-K was responsible": "be responsible" without "for" is
    a charge (before: none), and a belief is held likely (kb cues.yaml ``belief_verbs``); "are
    responsible for security" charges no one."""
    text = (
        "A suicide bomber struck crowds outside Kabul airport on Thursday, killing at least 60 people. "
        "U.S. officials said they believed the Islamic State's Afghan affiliate, known as ISIS-K, was "
        "responsible. The Taliban are responsible for security in Kabul."
    )
    result = analyzer.extract(Document(id="believed", text=text))
    assert [(s.relation, s.subject, s.certainty) for s in result.statements] == [
        ("perpetrated", "iskp", "likely")
    ]


def test_a_blast_that_appeared_to_be_the_work_of_partisans_is_the_authors_hedged_charge(analyzer):
    """ "The blast appeared to be the work of Ukrainian partisans": the blast is no speaker (before: an
    attribution with "The blast" as its source), the partisans are a group named by what they are,
    and "appeared to" hedges; a source inside the SBU saying "the agency" was behind it speaks for the
    SBU, not for Ukraine."""
    text = (
        "A car bomb killed a Russian-installed official in Melitopol on Friday. The blast appeared to be "
        "the work of Ukrainian partisans. A source in Ukraine's SBU security service told Reuters the "
        "agency was behind the operation."
    )
    result = analyzer.extract(Document(id="partisans", text=text))
    said = [(s.relation, s.subject, s.certainty, s.source.kind) for s in result.statements]
    assert said == [
        ("perpetrated", "new:ukrainian-partisans", "likely", "author"),
        ("claimed", "sbu", "asserted", "anonymous"),
    ]
    assert all(a.source is None or a.source.text != "The blast" for a in result.attributions)


def test_what_a_relative_clause_says_was_conducted_is_its_noun(analyzer):
    """ "the investigations the government has conducted into the kidnapping": "conducted" with no "that"
    still did what its noun names, investigations, which are no attack; and "the actions for which they
    are responsible" (a fronted "for") charges no one with the kidnapping."""
    text = (
        "Gunmen kidnapped four students in Guatemala City on Monday. The envoy asked for reports on the "
        "investigations the government has conducted into the kidnapping, a Guatemalan government official "
        "said. The rebels said the army must answer for all the actions for which its officers are "
        "responsible."
    )
    result = analyzer.extract(Document(id="conducted", text=text))
    assert [s for s in result.statements if s.relation in {"perpetrated", "claimed"}] == []


def test_an_official_who_denies_his_states_role_denies_for_the_state(analyzer):
    """ "An Israeli official ... denied that Israel had any role in the explosion": the official is no
    actor; the state whose role the denied clause states is the one denied of it (before: nothing)."""
    text = (
        "A massive explosion at a port near Bandar Abbas killed 40 people on Saturday. An Israeli official, "
        "speaking on condition of anonymity, denied that Israel had any role in the explosion."
    )
    result = analyzer.extract(Document(id="role", text=text))
    assert [(s.relation, s.subject, s.source.kind) for s in result.statements] == [
        ("denied", "israel", "anonymous")
    ]


def test_both_groups_deny_each_for_itself(analyzer):
    """ "The army blamed the ELN and a FARC faction. Both groups denied involvement.": the two groups
    named last each deny, in their own name (before: nothing)."""
    text = (
        "A car bomb wounded 36 people at a base in Cucuta on Tuesday. The army blamed the ELN and a FARC "
        "faction. Both groups denied involvement."
    )
    said = [(r, s, src) for r, s, src in _said(analyzer, text) if r == "denied"]
    assert sorted(said) == [("denied", "eln", "ELN"), ("denied", "farc", "FARC")]


def test_a_states_possessive_on_an_armed_group_is_neither_doer_nor_place(analyzer):
    """ "the first deadly attack by Yemen's Houthis on shipping", "in the Gulf of Aden": Yemen is where the
    Houthis are from (before: Yemen perpetrated the attack, and was its place), and the gulf, with its
    "of", is a place name the gazetteer lacks, so the headline's claim is of the same attack."""
    text = (
        "Houthis claim attack on ship in Gulf of Aden\n\n"
        "A cargo ship was struck by a missile in the Gulf of Aden on Wednesday, killing three crew members, "
        "the U.S. military said, in the first deadly attack by Yemen's Houthis on commercial shipping."
    )
    result = analyzer.extract(Document(id="houthis", text=text))
    [incident] = result.incidents
    assert incident.place.name == "Gulf of Aden"
    assert {(s.relation, s.subject, s.object["incident"]) for s in result.statements} == {
        ("claimed", "houthis", incident.id),
        ("perpetrated", "houthis", incident.id),
    }


def test_an_attack_carried_out_by_a_group_named_by_what_it_is(analyzer):
    """ "the attack was carried out by bandits working with Boko Haram fighters": the analysts charge a
    group without a name (before: the "by" named no actor, so nothing was stated)."""
    text = (
        "Gunmen bombed a train travelling from Abuja to Kaduna on Monday night, killing at least eight "
        "people. Security analysts said the attack was carried out by bandits working with Boko Haram "
        "fighters."
    )
    said = _said(analyzer, text)
    assert said == [("perpetrated", "new:bandits", "Security analysts")]


def test_the_two_groups_are_the_last_two_named_not_a_parent_named_in_passing(analyzer):
    """ "The statement described ISWAP as a faction of the Islamic State group ... The two groups have
    cooperated": the two are ISWAP and Boko Haram, named last; the Islamic State is named only as what
    ISWAP is part of."""
    text = (
        "The army said ISWAP fighters had carried out the kidnapping near Maiduguri on Sunday, and described "
        "ISWAP as a faction of the Islamic State group. Boko Haram fighters may have helped plan the "
        "abduction. The two groups have fought each other for years but have cooperated locally."
    )
    result = analyzer.extract(Document(id="two", text=text))
    ties = [(s.subject, s.object) for s in result.statements if s.relation == "cooperates_with"]
    assert ties == [("iswap", {"actor": "boko_haram"})]


def test_a_denial_followed_by_a_word_on_attacks_in_general_still_denies_this_one(analyzer):
    """ "rejected the accusation and said it condemned all attacks on civilians": the joined clause is the
    group's further word, so the denial is still of the bombing it was blamed for (before: the plural
    "attacks" made the whole sentence general, and the denial was of no incident)."""
    text = (
        "A car bomb exploded at a bus station in the town of Afrin on Sunday, killing nine civilians. "
        "Local council officials blamed the Syrian Democratic Forces for the bombing. The SDF rejected the "
        "accusation and said it condemned all attacks on civilians."
    )
    result = analyzer.extract(Document(id="aside", text=text))
    [incident] = result.incidents
    assert {(s.relation, s.subject, s.object["incident"]) for s in result.statements} == {
        ("perpetrated", "sdf", incident.id),
        ("denied", "sdf", incident.id),
    }


def test_a_capital_said_to_have_no_part_in_an_attack_is_its_government(analyzer):
    """ "said Tehran had no involvement in the attack": the capital stands for the state whose part is
    denied, as when it speaks (before: "Tehran" was a place, and no one denied anything)."""
    text = (
        "Two rockets hit a base housing U.S. troops in western Iraq on Tuesday, wounding two service "
        "members. Iran's foreign ministry said Tehran had no involvement in the attack."
    )
    assert _said(analyzer, text) == [("denied", "iran", "Iran's foreign ministry")]


def test_a_group_named_by_what_it_is_said_to_be_responsible(analyzer):
    """ "said it was likely that Iranian proxies were responsible": officials charge a group they do not
    name, with a hedge (before: no actor, so the charge was lost)."""
    text = (
        "A drone struck a U.S. outpost in northeastern Syria on Friday, causing minor damage, a U.S. "
        "official said. The Pentagon said it was likely that Iranian proxies were responsible."
    )
    result = analyzer.extract(Document(id="proxies", text=text))
    [charge] = [s for s in result.statements if s.relation == "perpetrated"]
    assert (charge.subject, charge.source.name, charge.certainty) == (
        "new:iranian-proxies",
        "The Pentagon",
        "likely",
    )


def test_a_denial_kept_over_time_is_not_a_denial_of_this_strike(analyzer):
    """ "has previously denied targeting civilian infrastructure and says it strikes only military
    facilities": a stance, not a word on the strike at hand (before: Russia denied this strike and, in
    the same breath, claimed it)."""
    text = (
        "A Russian drone strike on the port of Izmail killed two dock workers overnight, Ukrainian "
        "officials said on Monday. Russia's defence ministry has previously denied targeting civilian "
        "infrastructure and says it strikes only military facilities."
    )
    result = analyzer.extract(Document(id="stance", text=text))
    [incident] = result.incidents
    about_it = {
        (s.relation, s.polarity) for s in result.statements if s.object.get("incident") == incident.id
    }
    assert about_it == {("perpetrated", "positive")}
    assert (incident.place.name, incident.place.country) == ("Izmayil", "UA")  # the gazetteer's spelling


def test_who_answers_a_charge_is_no_party_to_the_tie_it_states(analyzer):
    """ "accused Kabul of sheltering TTP fighters, a charge the Taliban government denies": the tie is
    Afghanistan's with the TTP, not with the Taliban who deny it."""
    text = (
        "Militants attacked a checkpoint in North Waziristan on Friday, killing four soldiers. Islamabad "
        "has accused Kabul of sheltering TTP fighters, a charge the Taliban government denies."
    )
    result = analyzer.extract(Document(id="remark", text=text))
    ties = {
        (s.subject, s.object["actor"], s.polarity)
        for s in result.statements
        if s.relation == "cooperates_with"
    }
    assert ties == {("afghanistan", "ttp", "positive"), ("afghanistan", "ttp", "negative")}


def test_an_affiliate_known_by_its_own_name_is_the_one_that_claims(analyzer):
    """ "The Islamic State group's affiliate in Afghanistan, known as Islamic State Khorasan, claimed
    responsibility": the affiliate claims, and it is part of the Islamic State (before: the Islamic State
    claimed, and the tie ran the other way)."""
    text = (
        "A suicide bomber struck a Shiite mosque in Kandahar during Friday prayers, killing at least 40 "
        "worshippers. The Islamic State group's affiliate in Afghanistan, known as Islamic State Khorasan, "
        "claimed responsibility in a statement on Telegram."
    )
    result = analyzer.extract(Document(id="affiliate", text=text))
    said = {(s.relation, s.subject, s.object.get("actor")) for s in result.statements}
    assert said == {("claimed", "iskp", None), ("part_of", "iskp", "isis")}


def test_a_state_that_owns_a_group_is_no_party_to_a_tie_with_it(analyzer):
    """ "the army's cooperation with Russia's Wagner Group mercenaries": the tie is with Wagner; Russia
    only says whose the mercenaries are."""
    text = (
        "Jihadists attacked an army camp near Sevare on Sunday, killing four soldiers. JNIM claimed the "
        "attack, saying it punished the army's cooperation with Russia's Wagner Group mercenaries."
    )
    result = analyzer.extract(Document(id="owner", text=text))
    ties = {s.object["actor"] for s in result.statements if s.relation == "cooperates_with"}
    assert ties == {"wagner"}


def test_a_tie_with_a_group_named_by_what_it_is(analyzer):
    """ "is believed to be working with local Fulani militias": a tie with a group without a name, put as
    a belief no one is named as holding (before: no tie, and JNIM itself was taken for the speaker)."""
    text = (
        "Gunmen killed 12 villagers near Bandiagara on Tuesday. JNIM is believed to be working with local "
        "Fulani militias in the area."
    )
    result = analyzer.extract(Document(id="tie", text=text))
    [tie] = [s for s in result.statements if s.relation == "cooperates_with"]
    assert (tie.subject, tie.object["actor"], tie.source.kind, tie.certainty) == (
        "jnim",
        "new:local-fulani-militias",
        "author",
        "likely",
    )


def test_a_group_believed_to_have_done_it_does_not_claim_it(analyzer):
    """ "JNIM is thought to have carried out the attack": the passive of a verb of belief has no speaker
    in its subject (before: JNIM spoke, so the sentence became JNIM's own asserted claim)."""
    text = (
        "A bomb exploded at a bus station in Gao on Monday, killing five people. JNIM is thought to have "
        "carried out the attack."
    )
    result = analyzer.extract(Document(id="raised", text=text))
    [charge] = result.statements
    assert (charge.relation, charge.subject, charge.source.kind, charge.certainty) == (
        "perpetrated",
        "jnim",
        "author",
        "likely",
    )


def test_a_belief_stated_by_its_holders_is_likely(analyzer):
    """ "Security officials believe ISWAP carried out the raid": the cue is itself the hedge."""
    text = (
        "Gunmen raided a village near Monguno on Saturday, killing 15 farmers. Security officials believe "
        "ISWAP carried out the raid."
    )
    result = analyzer.extract(Document(id="belief", text=text))
    [charge] = result.statements
    assert (charge.subject, charge.source.name, charge.certainty) == ("iswap", "Security officials", "likely")


def test_a_claim_after_the_answer_to_an_attack_is_of_the_claimants_own_attack(analyzer):
    """Hezbollah fired rockets; Israeli artillery answered; then "Hezbollah said it had targeted an army
    post": the claim is of the rockets, the incident Hezbollah is said to have done, not of the shelling
    told last (before: the incident in focus took it)."""
    text = (
        "Hezbollah fired rockets into northern Israel on Tuesday, wounding three soldiers, and Israeli "
        "artillery struck targets in southern Lebanon hours later. Hezbollah said it had targeted an Israeli "
        "army post near Shlomi with guided missiles."
    )
    result = analyzer.extract(Document(id="answer", text=text))
    done = {s.subject: s.object["incident"] for s in result.statements if s.relation == "perpetrated"}
    [claim] = [s for s in result.statements if s.relation == "claimed"]
    assert (claim.subject, claim.object["incident"]) == ("hezbollah", done["hezbollah"])
    assert done["hezbollah"] != done["israel"]


def test_doers_named_as_the_ones_blamed_are_of_this_incident(analyzer):
    """ "..., authorities said, blaming Ukrainian saboteurs": the plural doers charged are this bombing's,
    not attacks in general (before: the plural made the sentence general, and the charge was of no
    incident)."""
    text = (
        "A car bomb killed a Russian-installed official in the occupied town of Berdyansk on Monday "
        "morning, Moscow-appointed authorities said, blaming Ukrainian saboteurs."
    )
    result = analyzer.extract(Document(id="saboteurs", text=text))
    [incident] = result.incidents
    [charge] = result.statements
    assert (charge.subject, charge.object["incident"]) == ("new:ukrainian-saboteurs", incident.id)


def test_a_hedge_between_be_and_responsible_still_charges(analyzer):
    """ "the Carlos Patino front, a dissident faction, was probably responsible": a hedged charge (before:
    the hedge broke "be responsible" and nothing was stated); "was not responsible" stays a denial."""
    text = (
        "A bomb hidden on a road killed five soldiers in Cauca province on Friday. Military sources said the "
        "Carlos Patino front, a dissident faction, was probably responsible. The ELN said it was not "
        "responsible."
    )
    said = {(s.relation, s.certainty) for s in analyzer.extract(Document(id="hedged", text=text)).statements}
    assert said == {("perpetrated", "likely"), ("denied", "asserted")}


def test_farc_dissidents_are_not_the_farc(analyzer):
    """ "officials blame FARC dissidents": the fronts that rejected the 2016 peace deal, a group of their
    own (GTD codes them apart), not the demobilised FARC."""
    text = "Officials blame FARC dissidents for a bomb that killed seven police officers in Huila on Friday."
    assert _doer_names(analyzer, text) == {"FARC dissidents"}


def test_a_claim_taken_back_is_a_denial_after_it(analyzer):
    """ "claimed responsibility but later retracted the claim": both words are the group's, in order."""
    text = (
        "Militants opened fire on a bus carrying pilgrims in Reasi district on Sunday, killing nine people. "
        "The Resistance Front claimed responsibility but later retracted the claim."
    )
    assert [r for r, _, _ in _said(analyzer, text)] == ["claimed", "denied"]


def test_a_verb_the_parser_joins_to_a_noun_has_no_subject_there(analyzer):
    """ "..., causing it to plunge into a gorge and killing at least nine people, police said": the parser
    makes "killing" a conjunct of "gorge", and the climb for its subject met "it" (the bus), which the
    police's words then made the police (before: the police claimed the attack)."""
    text = (
        "Militants opened fire on a bus carrying Hindu pilgrims in Reasi district on Sunday, causing it to "
        "plunge into a gorge and killing at least nine people, police said."
    )
    assert _said(analyzer, text) == []


def test_a_states_possessive_on_a_groups_militia_is_not_the_speaker(analyzer):
    """ "Yemen's Houthi militia said it had fired missiles at a tanker": the Houthis speak and claim, not
    Yemen (before: the state, named first, was the speaker, and so the claimant)."""
    text = (
        "Yemen's Houthi militia said on Friday it had fired missiles at an oil tanker in the Gulf of Aden, "
        "setting it on fire."
    )
    assert _said(analyzer, text) == [("claimed", "houthis", "Houthi")]  # the claimant as the text names it


def test_the_group_in_reported_words_is_the_group_named_before_them(analyzer):
    """ "A newly formed group, X, claimed responsibility. Officials say the group is a front for the
    Pakistani Taliban": "the group" is X, named before the officials' words (before: only a group named
    inside the words could be meant, so the tie was lost)."""
    text = (
        "A suicide bomber rammed a vehicle into an army post in North Waziristan on Saturday, killing seven "
        "soldiers. A newly formed militant group, Jaish-e-Fursan-e-Muhammad, claimed responsibility. "
        "Officials say the group is a front for the Pakistani Taliban."
    )
    said = [(r, s) for r, s, _ in _said(analyzer, text)]
    assert said == [
        ("claimed", "new:jaish-e-fursan-e-muhammad"),
        ("part_of", "new:jaish-e-fursan-e-muhammad"),
    ]


def test_the_group_after_a_branch_of_a_parent_is_the_branch(analyzer):
    """ "JNIM, the Sahel branch of al Qaeda, claimed the ambush. The group has fought alongside local Fulani
    militias but is a rival of Islamic State Sahel Province": the group is JNIM, not al Qaeda, named only
    as what JNIM is part of; its tie is with the militias, the words' own object, not with the rival named
    after them (before: al Qaeda cooperated with IS Sahel)."""
    text = (
        "Militants ambushed an army patrol near Tillaberi on Tuesday, killing 20 soldiers. JNIM, the Sahel "
        "branch of al Qaeda, claimed the ambush. The group has fought alongside local Fulani militias but is "
        "a bitter rival of Islamic State Sahel Province."
    )
    result = analyzer.extract(Document(id="branch", text=text))
    ties = {(s.subject, s.object["actor"]) for s in result.statements if s.relation == "cooperates_with"}
    assert ties == {("jnim", "new:local-fulani-militias")}


def test_a_denied_clause_about_something_else_denies_no_attack(analyzer):
    """ "Hamas denied it was using the school": Hamas denies Israel's reason for the strike, not a part in
    it (before: Hamas denied the strike); "denied that it had any role" and "denied it was behind the
    attack" still deny."""
    text = (
        "An Israeli air strike on a school in Deir al-Balah killed at least 30 people on Saturday, the Gaza "
        "health ministry said. Hamas denied it was using the school. Islamic Jihad denied that it had "
        "any role."
    )
    said = [(r, s) for r, s, _ in _said(analyzer, text)]
    assert said == [("perpetrated", "israel"), ("denied", "pij")]


def test_a_states_military_in_the_possessive_is_its_forces(analyzer):
    """ "Israel's military said it had targeted a Hamas command centre": the Israel Defense Forces claim
    the strike (before: an unnamed "military" claimed it)."""
    text = (
        "An Israeli air strike hit a school in Gaza City on Saturday, killing 30 people, health officials "
        "said. Israel's military said it had targeted a Hamas command centre inside the school compound."
    )
    said = {(r, s) for r, s, _ in _said(analyzer, text)}
    assert ("claimed", "idf") in said


def test_an_affiliate_named_after_its_parent_is_the_part_and_the_claimant(analyzer):
    """ "The al-Qaeda affiliate JNIM claimed the attack": JNIM claims and is part of al-Qaeda (before: al-
    Qaeda claimed too, and was made part of JNIM); an affiliate with no name ("Islamic State's regional
    affiliate ..., according to its Amaq news agency") ties nothing to the news agency."""
    text = (
        "A bomb exploded at a market in Gao on Sunday, killing 14 people. The al-Qaeda affiliate JNIM "
        "claimed the attack. Islamic State's regional affiliate said it had killed the market's guards, "
        "according to its Amaq news agency."
    )
    result = analyzer.extract(Document(id="affiliate2", text=text))
    ties = {(s.subject, s.object["actor"]) for s in result.statements if s.relation == "part_of"}
    claims = {s.subject for s in result.statements if s.relation == "claimed" and "al-Qaeda" in s.sentence}
    assert (ties, claims) == ({("jnim", "aq")}, {"jnim"})


def test_the_lebanese_forces_party_is_named_only_in_capitals(analyzer):
    """ "accused the Christian Lebanese Forces party of carrying out the shooting": the party is a KB
    actor (before: no actor, so the charge was lost); "Lebanese forces" in lower case is the army."""
    text = (
        "Gunfire erupted in Beirut on Thursday as supporters of Hezbollah gathered for a protest, killing "
        "six people. Hezbollah said its supporters had come under fire from snipers on rooftops and "
        "accused the Christian Lebanese Forces party of carrying out the shooting. Lebanese forces later "
        "deployed in the area."
    )
    result = analyzer.extract(Document(id="tayouneh", text=text))
    assert {(s.relation, s.subject) for s in result.statements} == {("perpetrated", "lebanese_forces")}
    assert "new:lebanese-forces" in {a.id for a in result.actors}


def test_one_of_the_attackers_a_member_of_a_group_says_who_did_it(analyzer):
    """ "one of the attackers was a member of the PKK": as "the attackers were members of X" (before: the
    count word hid the attackers, and nothing was stated)."""
    text = (
        "Two attackers killed five people at the headquarters of an aerospace firm near Ankara on "
        "Wednesday. Interior Minister Ali Yerlikaya said one of the attackers was a member of the Kurdistan "
        "Workers Party (PKK)."
    )
    assert _said(analyzer, text) == [("perpetrated", "pkk", "Ali Yerlikaya")]


def test_denying_support_for_rebels_denies_the_tie_not_the_shelling(analyzer):
    """ "Rwanda denies supporting the M23 rebels": Rwanda denies its help to the M23, not a part in the
    shelling (before: "supporting" was no word of help, and Rwanda denied the shelling)."""
    text = (
        "Shells landed on a crowded market in the town of Sake on Monday, killing at least 14 civilians. "
        "Rwanda denies supporting the M23 rebels."
    )
    result = analyzer.extract(Document(id="support", text=text))
    said = {(s.relation, s.subject, s.object.get("actor"), s.polarity) for s in result.statements}
    assert said == {("facilitated", "rwanda", "m23", "negative")}


def test_supporting_a_candidate_is_no_help_to_an_armed_group(analyzer):
    """ "support" helps only an armed group (kb relations.yaml ``armed_support_verbs``)."""
    text = (
        "A bomb exploded at a rally in Quetta on Sunday, killing 12 people. The governor said he supported "
        "the candidate and the party, and condemned the bombing."
    )
    assert [r for r, _, _ in _said(analyzer, text)] == []


def test_the_work_of_foreign_agencies_charges_a_group_unnamed(analyzer):
    """'"This is the work of hostile foreign agencies," a senior security official told Reuters': a charge
    against spies named by what they are (kb ``described_groups``: agencies)."""
    text = (
        "Separatist militants attacked a naval air station in Turbat late on Monday, the military said. "
        '"This is the work of hostile foreign agencies," a senior security official told Reuters.'
    )
    assert _said(analyzer, text) == [
        ("perpetrated", "new:hostile-foreign-agencies", "a senior security official")
    ]


def test_a_capital_that_supplied_a_group_is_its_government(analyzer):
    """ "U.S. officials said Tehran had supplied the group with weapons": Iran helped the Houthis, "the
    group" named before (before: "Tehran" was a place and "the group" no one, so nothing was stated)."""
    text = (
        "The Houthis fired drones and missiles at commercial shipping in the Red Sea on Tuesday, the U.S. "
        "military said. U.S. officials said Tehran had supplied the group with weapons and training."
    )
    result = analyzer.extract(Document(id="supplied", text=text))
    helped = [
        (s.subject, s.object.get("actor"), s.source.name)
        for s in result.statements
        if s.relation == "facilitated"
    ]
    assert helped == [("iran", "houthis", "U.S. officials")]


def _wire_statements(analyzer, text: str):
    result = analyzer.extract(document_from_text(text, path="wire.txt"))
    return result.statements


def _ties(analyzer, text: str, relation: str) -> list[tuple[str, str | None]]:
    """(subject, object actor) of each statement of a tie relation."""
    return [
        (s.subject, s.object.get("actor")) for s in _wire_statements(analyzer, text) if s.relation == relation
    ]


def test_no_reason_to_believe_denies_what_it_governs(analyzer):
    """ "No reason to believe X was involved", "no evidence that X was involved": the speaker sees no
    grounds for it, so the statement is negative (kb cues.yaml ``grounds_nouns``); it was positive."""
    for text in (
        "A bomb killed nine people at a shrine in Kerman on Friday. Washington said there was no reason "
        "to believe Israel was involved in the bombing.",
        "A bomb killed nine people at a shrine in Kerman on Friday. Investigators found no evidence that "
        "Israel was involved in the bombing.",
    ):
        said = [(s.subject, s.polarity) for s in _wire_statements(analyzer, text) if s.subject == "israel"]
        assert said == [("israel", "negative")], text


def test_a_condition_states_no_act(analyzer):
    """ "would kill the hostages if the army launched an operation": the army launched nothing."""
    text = (
        "Gunmen seized a bus carrying 30 passengers near Turbat on Monday, taking them hostage. The group "
        "said it would kill the hostages if the army launched an operation to free them."
    )
    assert [s.subject for s in _wire_statements(analyzer, text) if s.relation == "perpetrated"] == []


def test_a_spokesman_for_a_group_denies_for_it_and_the_shell_it_fired_is_its_deed(analyzer):
    """ "A spokesman for the Arakan Army, X, denied the accusation": the group denies (its name was only
    in the spokesman's "for"); "said the Arakan Army had fired the shell" accuses it."""
    text = (
        "An artillery shell hit a market in Kyauktaw in Rakhine state on Sunday, killing 12 civilians. The "
        "junta said the Arakan Army had fired the shell. A spokesman for the Arakan Army, Khaing Thu, denied "
        "the accusation."
    )
    said = [(s.relation, s.subject) for s in _wire_statements(analyzer, text)]
    assert ("perpetrated", "arakan_army") in said
    assert ("denied", "arakan_army") in said


def test_a_capital_said_not_to_be_involved_is_its_government(analyzer):
    """ "Tehran was not involved in the attack": a capital as the passive subject of "involved" is its
    government, and the words deny (it was a place, and no statement came of it)."""
    text = (
        "A drone hit a U.S. outpost in Jordan on Sunday, killing three soldiers. Iran's foreign ministry "
        "said Tehran was not involved in the attack."
    )
    said = [(s.relation, s.subject) for s in _wire_statements(analyzer, text)]
    assert ("denied", "iran") in said


def test_militant_groups_are_a_group_named_by_what_it_is(analyzer):
    """ "carried out by radical Iran-backed militant groups": a group unnamed, with its descriptor
    (kb relations.yaml ``described_bodies``, ``armed_descriptors``); "the group" alone is none."""
    text = (
        "A drone hit a U.S. outpost in Jordan on Sunday, killing three soldiers. The president said the "
        "attack was carried out by radical Iran-backed militant groups operating in Syria and Iraq."
    )
    assert _doer_names(analyzer, text) == {"radical Iran-backed militant groups"}


def test_pro_and_anti_a_group_name_no_deed_of_it(analyzer):
    """ "pro-IS militants carried out the bombing": the militants back IS; IS is not said to have done it."""
    text = (
        "A bomb exploded during Mass in a gymnasium in Marawi on Sunday, killing four people. The military "
        "said pro-IS militants carried out the bombing."
    )
    assert "Islamic State" not in _doer_names(analyzer, text)


def test_investigating_whether_is_an_open_question(analyzer):
    """ "investigating whether X carried out the bombing": an even chance, not an assertion."""
    text = (
        "A bomb exploded during Mass in a gymnasium in Marawi on Sunday, killing four people. The military "
        "said it was investigating whether the Dawlah Islamiyah group carried out the bombing."
    )
    [statement] = [s for s in _wire_statements(analyzer, text) if s.relation == "perpetrated"]
    assert (statement.subject, statement.certainty) == ("dawlah_islamiyah", "roughly even")


def test_a_state_named_before_an_ambush_is_where_it_was(analyzer):
    """ "Militants kill 29 soldiers in Niger ambush": Niger is the place (a "U.S. strike" stays the
    state's act, kb generic_actors.yaml ``state_acts``)."""
    text = "Militants kill 29 soldiers in Niger ambush, army says\n\nNIAMEY - Jihadists killed them."
    assert "niger" not in {s.subject for s in _wire_statements(analyzer, text)}
    strike = "A U.S. strike killed a senior militant in Idlib on Friday, the Pentagon said."
    assert "united_states" in {
        s.subject for s in _wire_statements(analyzer, strike) if s.relation == "perpetrated"
    }


def test_an_affiliate_is_part_of_the_group_whose_possessive_names_it(analyzer):
    """ "al Qaeda's Sahel affiliate JNIM and Islamic State Sahel Province": JNIM is part of al-Qaeda (the
    parse hangs the possessive on JNIM), not of the group coordinated after it."""
    text = (
        "Gunmen killed 15 soldiers near Menaka on Monday. Both al Qaeda's Sahel affiliate JNIM and Islamic "
        "State Sahel Province are active in the area."
    )
    assert _ties(analyzer, text, "part_of") == [("jnim", "aq")]


def test_a_killing_laid_at_a_dispute_between_two_groups_is_laid_at_each(analyzer):
    """ "attributed the massacre to a dispute between X and Y" (kb relations.yaml ``rivalry_nouns``)."""
    text = (
        "Gunmen killed 12 people at a bar in Irapuato on Saturday. The state security secretary attributed "
        "the massacre to a dispute between the Jalisco New Generation Cartel and a local gang."
    )
    assert _doer_names(analyzer, text) == {"Jalisco New Generation Cartel", "local gang"}


def test_an_adviser_to_a_president_is_not_the_president(analyzer):
    """ "An adviser to President X said ...": an unnamed adviser speaks; "no direct involvement" denies,
    and "the Kyiv regime" is the state's government."""
    text = (
        "Drones struck apartment blocks in Moscow on Tuesday, injuring two people. The defence ministry "
        "called it a terrorist attack by the Kyiv regime. An adviser to President Volodymyr Zelenskiy said "
        "Kyiv had no direct involvement."
    )
    said = {(s.relation, s.subject, s.source.kind, s.source.name) for s in _wire_statements(analyzer, text)}
    assert ("perpetrated", "ukraine") in {(relation, subject) for relation, subject, _, _ in said}
    assert ("denied", "ukraine", "anonymous", "An adviser to President Volodymyr Zelenskiy") in said


def test_holding_a_state_fully_responsible_accuses_it(analyzer):
    """ "held Israel fully responsible": an adverb between the accused and "responsible"."""
    text = (
        "Pagers exploded across Lebanon on Tuesday, killing 12 people. Hezbollah said it held Israel fully "
        "responsible for the attack."
    )
    said = [(s.relation, s.subject, s.source.name) for s in _wire_statements(analyzer, text)]
    assert ("perpetrated", "israel", "Hezbollah") in said


def test_a_group_set_beside_as_an_affiliate_claims_alone(analyzer):
    """ "JNIM, an al-Qaeda affiliate, claimed the attack": JNIM claims and is part of al-Qaeda; al-Qaeda
    (a compound of the apposition's "affiliate") claims nothing."""
    text = (
        "Militants killed at least 200 people in Barsalogho in Burkina Faso on Saturday. JNIM, an al-Qaeda "
        "affiliate, claimed the attack."
    )
    said = [(s.relation, s.subject) for s in _wire_statements(analyzer, text)]
    assert ("claimed", "jnim") in said and ("claimed", "aq") not in said
    assert ("part_of", "jnim") in said


def test_a_question_left_unanswered_states_nothing(analyzer):
    """ "did not say whether its members were involved", "declined to say whether X carried out the
    attack": no statement (an open question that is asked, "investigating whether", is a hedge)."""
    for text in (
        "Gunmen killed six people at a bus stop in Jerusalem on Thursday. Hamas praised the attack but did "
        "not say whether its members were involved.",
        "A bomb killed five people in Kano on Monday. Police declined to say whether Boko Haram carried out "
        "the attack.",
    ):
        assert _wire_statements(analyzer, text) == [], text


def test_attackers_shot_dead_in_turn_are_no_victims_of_another_attack(analyzer):
    """ "..., killing six people before they were shot dead by off-duty soldiers": "they" are the gunmen;
    the soldiers answered the attack (no second incident, no perpetrated statement)."""
    text = (
        "Two gunmen opened fire at a bus stop in Jerusalem on Thursday, killing six people before they were "
        "shot dead by off-duty soldiers, police said."
    )
    result = analyzer.extract(document_from_text(text, path="wire.txt"))
    assert len(result.incidents) == 1
    assert [s for s in result.statements if s.relation == "perpetrated"] == []


def test_a_present_denial_of_harming_a_whole_class_is_a_stance(analyzer):
    """ "Moscow denies targeting civilians": the present of a denial of doing something to a class of
    people is a standing position, not a denial of this strike; "denied attacking the market" is one."""
    text = (
        "A Russian drone dropped explosives on a market in Kherson on Tuesday, killing two women. Moscow "
        "denies targeting civilians."
    )
    said = [(s.relation, s.object.get("incident")) for s in _wire_statements(analyzer, text)]
    assert said and all(incident is None for _, incident in said)
    one = text.replace("Moscow denies targeting civilians.", "Moscow denied attacking the market.")
    assert any(s.object.get("incident") for s in _wire_statements(analyzer, one) if s.relation == "denied")


def test_the_group_is_not_its_news_agency_and_every_subject_is_an_actor(analyzer):
    """ "in a statement carried by its Amaq news agency. The group has claimed ...": the group is ISKP,
    not Amaq (whose voice is the Islamic State's), and a claim of "several similar attacks" is of no
    one incident. Every statement's subject is among the document's actors."""
    text = (
        "A suicide bomber killed five people at a ministry in Kabul on Wednesday. Responsibility was claimed "
        "by Islamic State Khorasan in a statement carried by its Amaq news agency. The group has claimed "
        "several similar attacks on Taliban officials in the past year."
    )
    result = analyzer.extract(document_from_text(text, path="wire.txt"))
    claims = [
        (s.subject, bool(s.object.get("incident"))) for s in result.statements if s.relation == "claimed"
    ]
    assert claims == [("iskp", True), ("iskp", False)]
    assert {s.subject for s in result.statements} <= {a.id for a in result.actors}


def test_a_state_where_the_speaker_is_is_not_whom_it_speaks_for(analyzer):
    """ "An ethnic armed group in northern Myanmar said it had shot down a military helicopter, killing
    six": Myanmar is where the group is (no claim by Myanmar), and the helicopter's military killed no
    one (the words right before the participle are what was hit)."""
    text = (
        "An ethnic armed group in northern Myanmar said on Thursday it had shot down a military helicopter, "
        "killing all six people aboard."
    )
    assert _wire_statements(analyzer, text) == []


def test_a_joint_operation_carried_out_with_a_group_ties_the_two(analyzer):
    """ "they had carried out a joint operation with the Islamic Resistance in Iraq": the subject of the
    verb is the one tied (kb relations.yaml cooperates_with ``own_tie_verbs``)."""
    text = (
        "Yemen's Houthis said on Thursday they had carried out a joint operation with the Islamic Resistance "
        "in Iraq against two ships in the port of Haifa."
    )
    assert _ties(analyzer, text, "cooperates_with") == [("houthis", "islamic_resistance_iraq")]


def test_herders_blamed_are_a_group_named_by_what_it_is(analyzer):
    """ "blamed ethnic Fulani herders for the killings" (kb relations.yaml ``described_groups``)."""
    text = (
        "Gunmen killed at least 40 people in the village of Kwahaslalek in Plateau state on Tuesday. Local "
        "officials blamed ethnic Fulani herders for the killings."
    )
    assert _doer_names(analyzer, text) == {"ethnic Fulani herders"}


def test_a_headline_charge_is_of_the_storys_incident(analyzer):
    """ "Drones hit Moscow apartment blocks, Russia blames Kyiv" above the story: a charge of the incident
    the story then tells, though the headline names it with no incident word."""
    text = (
        "Drones hit Moscow apartment blocks, Russia blames Kyiv\n\nMOSCOW, May 30, 2023 (Reuters) - Several "
        "drones struck residential buildings in Moscow early on Tuesday, lightly injuring two people."
    )
    result = analyzer.extract(document_from_text(text, path="moscow.txt"))
    [incident] = result.incidents
    charges = [
        (s.subject, s.object.get("incident")) for s in result.statements if s.relation == "perpetrated"
    ]
    assert charges == [("ukraine", incident.id)]


def test_the_name_set_beside_an_according_to_source_is_the_sources(analyzer):
    """ "According to the governor installed by Moscow, Sergei Aksyonov, no one was hurt": the name is
    part of the source, not the start of what was said."""
    text = "According to the Crimean governor installed by Moscow, Sergei Aksyonov, no one was hurt."
    [attribution] = analyzer.extract(Document(id="a", text=text)).attributions
    assert attribution.source.text.endswith("Sergei Aksyonov")
    assert attribution.content.text == "no one was hurt"


def test_the_coalition_named_again_and_the_work_of_commanders_settling_scores(analyzer):
    """ "the Saudi-led coalition ... the coalition later admitted responsibility": the definite noun that
    ends an actor's name named just before is that actor; "it is at least plausible that the blast was the
    work of Houthi commanders settling scores": the clause's subject is who (an even chance, "plausible")."""
    text = (
        "An air strike killed three guards at a fuel depot in Hodeidah on Monday. Houthi officials accused "
        "the Saudi-led coalition of the strike, and the coalition later admitted responsibility for the raid."
    )
    said = [(s.relation, s.subject) for s in _wire_statements(analyzer, text)]
    assert ("perpetrated", "saudi_led_coalition") in said and ("claimed", "saudi_led_coalition") in said
    blast = (
        "A blast killed 14 workers at a fuel depot in Hodeidah on Tuesday. It is at least plausible that the "
        "blast was the work of Houthi commanders settling scores over fuel smuggling profits."
    )
    [statement] = _wire_statements(analyzer, blast)
    assert (statement.subject, statement.certainty) == ("houthis", "roughly even")


def test_a_group_that_often_claims_such_attacks_claims_no_incident(analyzer):
    """ "Al Shabaab, which often claims such attacks, has not commented": a habit (an adverb of frequency
    on a present), not a claim of this bombing; "has claimed the attack" stays one."""
    text = (
        "A car bomb killed 12 people in Mogadishu on Monday. Al Shabaab, which often claims such attacks, "
        "has not commented."
    )
    assert [s.object.get("incident") for s in _wire_statements(analyzer, text)] == [None]
    claim = "A car bomb killed 12 people in Mogadishu on Monday. Al Shabaab has claimed the attack."
    assert all(s.object.get("incident") for s in _wire_statements(analyzer, claim))


def test_police_who_opened_fire_on_protesters_are_said_to_have_done_it(analyzer):
    """ "Police opened fire on protesters ..., killing at least 17 people, the commission said": the
    subject of "open fire on" (kb relations.yaml perpetrated patterns) is the doer."""
    text = (
        "Police opened fire on protesters in Nairobi on Tuesday, killing at least 17 people, the Kenya "
        "National Commission on Human Rights said."
    )
    said = [(s.relation, s.subject) for s in _wire_statements(analyzer, text)]
    assert [relation for relation, subject in said if "police" in subject] == ["perpetrated"]


def test_capitals_that_trade_blame_are_their_governments(analyzer):
    """ "Moscow and Kyiv traded blame for the blast": both capitals (the second a conjunct of the
    subject) speak for their states; neither is a place of the blast."""
    text = (
        "An explosion killed 53 prisoners at a prison in Olenivka on Friday. Moscow and Kyiv traded blame "
        "for the blast."
    )
    result = analyzer.extract(document_from_text(text, path="wire.txt"))
    assert {"russia", "ukraine"} <= {a.id for a in result.actors}
    assert [i.place.name for i in result.incidents] == ["Olenivka"]


def test_a_claim_that_could_not_be_verified_was_still_made(analyzer):
    """ "The claim by Islamic State could not be verified": the claim is positive (it was made); only
    whether it is true is open."""
    text = "A bomb killed 12 people in Kabul on Monday. The claim by Islamic State could not be verified."
    [statement] = _wire_statements(analyzer, text)
    assert (statement.relation, statement.subject, statement.polarity) == ("claimed", "isis", "positive")


def test_an_unnamed_leader_is_one_person_whatever_entity_the_words_hold(analyzer):
    """ "A local Christian leader accused Fulani militias": an anonymous person, not an organisation
    (the recogniser's NORP "Christian" made it one)."""
    text = (
        "Gunmen attacked a church in Kaduna on Sunday, killing five worshippers. A local Christian leader "
        "accused Fulani militias."
    )
    [statement] = _wire_statements(analyzer, text)
    assert (statement.subject, statement.source.kind) == ("new:fulani-militias", "anonymous")


def test_a_month_named_may_is_no_hedge_and_a_giver_is_not_its_state(analyzer):
    """ "a UN report released in May" holds no "may" of doubt (modals are hedges only as auxiliaries);
    "receives weapons from Yemen's Houthis": the Houthis give, not Yemen."""
    text = (
        "A car bomb killed 12 people in Mogadishu on Monday. According to a UN report released in May, Al "
        "Shabaab carries out dozens of such attacks every month."
    )
    [statement] = _wire_statements(analyzer, text)
    assert statement.certainty == "asserted"
    arms = (
        "A car bomb killed 12 people in Mogadishu on Monday. UN monitors said in a report last year that Al "
        "Shabaab receives weapons from Yemen's Houthis."
    )
    said = [(s.relation, s.subject, s.object.get("actor")) for s in _wire_statements(analyzer, arms)]
    assert said == [("facilitated", "houthis", "al_shabaab")]


def test_a_similar_bombing_years_before_is_another_incident(analyzer):
    """ "Al Shabaab was behind a similar bombing in the capital in 2017 that killed more than 500": another
    incident, with its own year and toll; Monday's keeps its own."""
    text = (
        "A car bomb killed 12 people in Mogadishu on Monday. Al Shabaab was behind a similar bombing in the "
        "capital in 2017 that killed more than 500 people."
    )
    result = analyzer.extract(document_from_text(text, path="wire.txt"))
    assert [(i.killed.min, i.date.year if i.date else None) for i in result.incidents] == [
        (12, None),
        (500, 2017),
    ]


def test_an_ambushed_patrol_is_an_attack_and_two_named_gangs_are_each_blamed(analyzer):
    """ "ambushed an army patrol": a patrol is no attack under "conducted" (kb ``not_objects``) but is a
    target under a verb of attack; "blamed the Los Choneros and Los Lobos gangs": each gang (KB)."""
    text = (
        "Suspected Shining Path remnants ambushed an army patrol in the VRAEM region of Peru on Sunday, "
        "killing four soldiers, the armed forces said."
    )
    assert _doer_names(analyzer, text) == {"Shining Path"}
    patrol = "Soldiers conducted a patrol near Ayacucho on Sunday."
    assert _doer_names(analyzer, patrol) == set()
    gangs = (
        "Gunmen stormed a television station in Guayaquil on Tuesday. President Daniel Noboa blamed the Los "
        "Choneros and Los Lobos gangs."
    )
    assert _doer_names(analyzer, gangs) == {"Los Choneros", "Los Lobos"}


def test_the_weight_a_noun_puts_on_its_clause_is_the_hedge(analyzer):
    """ "had high confidence that Russia was behind the bombing", "There is little doubt that ...": the
    words on the noun that governs the clause are its hedge (very likely; they were asserted)."""
    for text in (
        "A bomb hit the power plant in Kyiv on Monday. U.S. officials said they had high confidence that "
        "Russia was behind the bombing.",
        "A bomb hit the power plant in Kyiv on Monday. There is little doubt that Russia was behind the "
        "bombing, a Western diplomat said.",
    ):
        [statement] = _wire_statements(analyzer, text)
        assert (statement.subject, statement.certainty) == ("russia", "very likely"), text


# Stop 36: invented Colombia, Sudan, Burkina Faso, Lebanon, Plateau and Mali reports.


def test_evidence_that_points_to_a_group_is_a_likely_charge(analyzer):
    """ "intelligence pointed to the ELN": the minister lays the bombing at the ELN's door, as a
    likelihood read from evidence, not a deed seen."""
    text = (
        "A bomb exploded outside a police station in Cucuta on Friday, killing two officers. Defense "
        "Minister Pedro Sanchez said intelligence pointed to the National Liberation Army, or ELN."
    )
    [statement] = _wire_statements(analyzer, text)
    assert (statement.subject, statement.certainty, statement.polarity) == ("eln", "likely", "positive")
    assert statement.source.name == "Pedro Sanchez"


def test_a_headline_group_blamed_for_an_attack_is_its_accused(analyzer):
    """ "ELN blamed for attack that killed two police officers": the headline's participle hangs on the
    name it accuses."""
    text = (
        "Colombia: ELN blamed for attack that killed two police officers in Cucuta\n\n"
        "A bomb exploded outside a police station in Cucuta on Friday, killing two police officers."
    )
    assert _doer_names(analyzer, text) == {"National Liberation Army (Colombia)"}


def test_a_place_struck_is_no_doer(analyzer):
    """ "Drone strike on Sudan market kills dozens": Sudan is where, not who."""
    text = (
        "Drone strike on Sudan market kills dozens, activists say\n\n"
        "A drone strike on a crowded market in Khartoum killed at least 43 people on Sunday."
    )
    assert [s.subject for s in _wire_statements(analyzer, text) if s.relation == "perpetrated"] == []


def test_who_accuses_in_the_passive_is_the_source_not_the_doer(analyzer):
    """ "the RSF was accused by the United Nations of carrying out the strike": the UN says the RSF did it;
    "was blamed by activists on the army": the army is accused, not the activists."""
    text = (
        "A drone strike on a market in Khartoum killed 43 people on Sunday. The RSF was accused by the "
        "United Nations of carrying out the strike."
    )
    [statement] = _wire_statements(analyzer, text)
    assert (statement.subject, statement.source.name, statement.source.actor) == (
        "rsf",
        "United Nations",
        "un",
    )
    blamed = (
        "A drone strike on a market in Khartoum killed 43 people on Sunday. The strike was blamed by "
        "activists on the army."
    )
    assert _doer_names(analyzer, blamed) == {"army"}


def test_a_name_set_beside_an_owned_noun_is_the_accused_not_the_owner(analyzer):
    """ "accused the army's volunteer auxiliaries, the VDP": the VDP (KB), not the army; likewise
    "Hamas's armed wing, the Qassam Brigades"."""
    text = (
        "Gunmen killed 14 worshippers at a mosque in Natiaboani on Sunday. JNIM accused the army's volunteer "
        "auxiliaries, the VDP, of carrying out the massacre."
    )
    assert _doer_names(analyzer, text) == {"Volunteers for the Defense of the Homeland"}
    wing = (
        "An explosion killed five people in Gaza on Monday. Israel blamed Hamas's armed wing, the Qassam "
        "Brigades, for the blast."
    )
    assert _doer_names(analyzer, wing) == {"Izz ad-Din al-Qassam Brigades"}


def test_what_happened_beside_a_denial_is_not_denied(analyzer):
    """ "Hezbollah denies firing rockets at northern Israel as Israel strikes back": Hezbollah denies
    firing; Israel's strike is the author's report, not denied, and "back" helps no one."""
    text = (
        "Hezbollah denies firing rockets at northern Israel as Israel strikes back\n\n"
        "Three rockets were fired from southern Lebanon towards northern Israel on Sunday."
    )
    said = {(s.relation, s.subject, s.polarity, s.source.kind) for s in _wire_statements(analyzer, text)}
    assert ("perpetrated", "hezbollah", "negative", "organization") in said
    assert ("perpetrated", "israel", "positive", "author") in said
    assert not any(
        relation == "facilitated" or subject == "israel" and polarity == "negative"
        for relation, subject, polarity, _ in said
    )


def test_the_one_held_responsible_is_the_small_clauses_subject(analyzer):
    """ "Israel holds the Lebanese state responsible": Lebanon is held responsible, Israel holds it so."""
    text = (
        "Three rockets were fired from southern Lebanon towards northern Israel on Sunday. Israel holds the "
        "Lebanese state responsible for the rocket fire, a military spokesperson said."
    )
    [statement] = _wire_statements(analyzer, text)
    assert statement.subject == "lebanon"


def test_a_faction_named_by_its_nationality_is_an_unnamed_group(analyzer):
    """ "a Palestinian faction was probably behind the launch": a group without a name, likely, and the
    launch is the rocket fire."""
    text = (
        "Three rockets were fired from southern Lebanon towards northern Israel on Sunday. A Lebanese "
        "security source said a Palestinian faction was probably behind the launch."
    )
    [statement] = _wire_statements(analyzer, text)
    assert (statement.subject, statement.certainty) == ("new:palestinian-faction", "likely")
    assert statement.object.get("incident")


def test_who_the_attackers_are_suspected_to_be_is_the_doer(analyzer):
    """ "the attackers, suspected to be Fulani herders": the herders (likely); "the gunmen, believed to
    be members of ISWAP": ISWAP."""
    text = (
        "Gunmen killed seven people in Plateau state on Sunday. Police spokesman Alfred Alabo said the "
        "attackers, suspected to be Fulani herders, struck the village of Bokkos at 11 p.m."
    )
    assert _doer_names(analyzer, text) == {"Fulani herders"}
    iswap = (
        "Gunmen killed seven farmers in Borno state on Monday. Police said the gunmen, believed to be "
        "members of ISWAP, fled on motorcycles."
    )
    assert _doer_names(analyzer, iswap) == {"Islamic State West Africa Province"}


def test_allies_from_a_group_are_that_group(analyzer):
    """ "the army and its Russian allies from the Africa Corps had killed civilians": both are charged."""
    text = (
        "A drone strike killed 15 civilians at a wedding near Menaka on Tuesday. Human Rights Watch said "
        "that the army and its Russian allies from the Africa Corps had killed civilians in the strike."
    )
    assert _doer_names(analyzer, text) == {"army", "Africa Corps (Russia)"}


def test_a_country_before_a_suspected_war_is_not_accused(analyzer):
    """ "Mexico: 12 killed in bar shooting in Guanajuato; cartel war suspected": the participle has its
    own subject; Mexico is the dateline's country, accused of nothing."""
    text = (
        "Mexico: 12 killed in bar shooting in Guanajuato; cartel war suspected\n\n"
        "Gunmen opened fire inside a bar in Celaya late Saturday, killing 12 people."
    )
    assert "Mexico" not in _doer_names(analyzer, text)


def test_a_state_weapon_strike_and_missiles_launched_name_the_state(analyzer):
    """ "Russian missile strike on Kharkiv": the adjective on the weapon names the state that struck;
    "Russia launched two Iskander-M ballistic missiles at the city": what was launched is the attack."""
    text = (
        "Ukraine says Russian missile strike on Kharkiv apartment block kills 7\n\n"
        "A missile struck an apartment building in Kharkiv late Friday, killing seven people."
    )
    assert _doer_names(analyzer, text) == {"Russia"}
    launched = (
        "A missile struck an apartment building in Kharkiv late Friday, killing seven people. Ukraine's air "
        "force said Russia launched two Iskander-M ballistic missiles at the city."
    )
    said = [(s.subject, s.source.name) for s in _wire_statements(analyzer, launched)]
    assert said == [("russia", "Ukraine's air force")]


def test_supporting_the_group_named_before_is_help_to_it(analyzer):
    """ "blamed the United States and Israel for supporting the group": "the group" is Jaish al-Adl, an
    armed group, so each state is said to help it."""
    text = (
        "Militants attacked a police post in Sistan-Baluchestan province on Saturday, killing five police "
        "officers. Jaish al-Adl claimed responsibility. Iranian officials have also blamed the United States "
        "and Israel for supporting the group."
    )
    assert set(_ties(analyzer, text, "facilitated")) == {
        ("united_states", "jaish_al_adl"),
        ("israel", "jaish_al_adl"),
    }


def test_a_headline_topic_before_a_colon_is_no_subject(analyzer):
    """ "Syria: car bomb in Manbij kills 20 farm workers": the parser makes "Syria" a second subject; it
    is the headline's topic, and the bomb names no doer."""
    text = (
        "Syria: car bomb in Manbij kills 20 farm workers\n\n"
        "A car bomb exploded next to a vehicle carrying farm workers near Manbij on Monday, killing 20."
    )
    assert _doer_names(analyzer, text) == set()


def test_a_branch_named_after_its_parents_possessive_is_the_branch(analyzer):
    """ "The Islamic State's Central Africa Province claimed the attack": ISCAP (KB), not the whole."""
    text = (
        "Rebels killed at least 40 people in an attack on a village near Lubero on Thursday. The Islamic "
        "State's Central Africa Province claimed the attack on Friday."
    )
    claims = [(s.subject, s.relation) for s in _wire_statements(analyzer, text) if s.relation == "claimed"]
    assert claims == [("iscap", "claimed")]


def test_it_is_not_the_plural_speakers_before_it(analyzer):
    """ "..., according to human rights groups. It denies killing civilians.": "it" is the military, not
    the groups; the military denies."""
    text = (
        "An airstrike by the military killed 30 people in Sagaing on Monday. The military has increasingly "
        "used air power against opponents, according to human rights groups. It denies killing civilians."
    )
    denials = [(s.subject, s.source.name) for s in _wire_statements(analyzer, text) if s.relation == "denied"]
    assert denials == [("new:armed-forces", "military")]


def test_claims_of_attacks_over_time_are_no_claim_of_this_one(analyzer):
    """ "Jamaat-ul-Ahrar, a TTP faction that has claimed attacks in the past": a record, not a claim of
    Monday's bombing; and the faction is part of the TTP, named as the whole it belongs to."""
    text = (
        "A suicide bomber killed 84 people at a mosque in Peshawar on Monday. Police said the bomber was a "
        "member of Jamaat-ul-Ahrar, a TTP faction that has claimed attacks in the past."
    )
    claims = [s.object for s in _wire_statements(analyzer, text) if s.relation == "claimed"]
    assert claims == [{"incident": None}]
    faction = (
        "A suicide bomber killed 84 people at a mosque in Peshawar on Monday. Jamaat-ul-Ahrar, a TTP "
        "faction, claimed the bombing. ISKP, the Afghan branch of the Islamic State, is active nearby."
    )
    assert set(_ties(analyzer, faction, "part_of")) == {("jamaat_ul_ahrar", "ttp"), ("iskp", "isis")}


def test_words_said_in_a_clause_on_the_speakers_go_on_with_the_sentence(analyzer):
    """ "The Resistance Front claimed responsibility, according to Indian officials, who say it is a front
    for the Pakistan-based Lashkar-e-Taiba": "it" is the Front, a part of Lashkar-e-Taiba as the officials
    say; the speakers are "Indian officials", without the clause on them."""
    text = (
        "Gunmen killed 26 tourists near Pahalgam on Tuesday. A little-known group called The Resistance "
        "Front claimed responsibility, according to Indian officials, who say it is a front for the "
        "Pakistan-based Lashkar-e-Taiba."
    )
    said = {
        (s.relation, s.subject, s.object.get("actor"), s.source.name)
        for s in _wire_statements(analyzer, text)
    }
    assert ("part_of", "trf", "lashkar_e_taiba", "Indian officials") in said
    assert all(name == "Indian officials" for *_, name in said)


def test_a_described_group_blamed_is_an_unnamed_accused(analyzer):
    """ "India blames Pakistan-based group for Kashmir attack": the group India blames has no name here,
    but it is blamed all the same."""
    text = (
        "India blames Pakistan-based group for Kashmir attack on tourists\n\n"
        "Gunmen opened fire on tourists near Pahalgam on Tuesday, killing 26 people."
    )
    [statement] = _wire_statements(analyzer, text)
    assert (statement.subject, statement.source.name) == ("new:pakistan-based-group", "India")


def test_help_charged_by_an_accuser_is_the_accusers_word(analyzer):
    """ "Burundi's government accused neighboring Rwanda of backing the rebels who carried out grenade
    attacks": Burundi says Rwanda helped, whatever content the tagger gave the cue; the accused state is
    not where the attacks were (Bujumbura is)."""
    text = (
        "Burundi's government accused neighboring Rwanda of backing the rebels who carried out grenade "
        "attacks in the capital, Bujumbura, that killed one person and wounded 38 others on Friday."
    )
    result = analyzer.extract(document_from_text(text, path="wire.txt"))
    helped = [(s.subject, s.source.name) for s in result.statements if s.relation == "facilitated"]
    assert helped == [("rwanda", "Burundi's government")]
    assert [(i.place.name, i.place.country) for i in result.incidents] == [("Bujumbura", "BI")]


def test_red_tabara_claims_and_nothing_directly_to_do_is_a_denial(analyzer):
    """RED-Tabara (KB) claims; "Ukraine had nothing directly to do with the attack" denies it."""
    text = (
        "Grenade attacks in Bujumbura killed one person on Friday. The RED-Tabara rebel group claimed the "
        "attacks."
    )
    assert [(s.relation, s.subject) for s in _wire_statements(analyzer, text)] == [("claimed", "red_tabara")]
    denial = (
        "Russia accuses Ukraine of drone attack on Moscow\n\nA drone attack damaged apartment buildings in "
        "Moscow on Tuesday.\n\nMykhailo Podolyak said Ukraine had nothing directly to do with the attack."
    )
    said = {(s.relation, s.subject, s.source.name) for s in _wire_statements(analyzer, denial)}
    assert ("denied", "ukraine", "Mykhailo Podolyak") in said


def test_a_states_possessive_on_a_described_force_is_not_the_doer(analyzer):
    """ "Sudan's paramilitary Rapid Support Forces killed more than 100 people": the parser makes the
    adjective a second subject, with "Sudan's" on it; the RSF did it, not Sudan."""
    text = (
        "Sudan's RSF accused of killing over 100 in Gezira village attack\n\n"
        "Sudan's paramilitary Rapid Support Forces killed more than 100 people in an attack on a village in "
        "the central state of Gezira, activists said on Thursday."
    )
    assert _doer_names(analyzer, text) == {"Rapid Support Forces"}


def test_a_committee_that_speaks_is_a_body_not_a_person(analyzer):
    """ "The Wad al-Noura Resistance Committee said RSF fighters had surrounded the village": the
    recogniser reads a person in the name; the speaker is an organisation (kb cues.yaml body_heads)."""
    text = (
        "The RSF killed more than 100 people in an attack on a village in Gezira on Wednesday. The Wad "
        "al-Noura Resistance Committee said RSF fighters had shelled the village."
    )
    sources = {(s.source.kind, s.source.name) for s in _wire_statements(analyzer, text) if s.source.name}
    assert ("organization", "The Wad al-Noura Resistance Committee") in sources


def test_a_group_that_stormed_a_hotel_did_it(analyzer):
    """ "Al Shabaab militants stormed a hotel": storming is the attack (kb verb_patterns)."""
    text = (
        "Al Shabaab militants stormed a hotel in Mogadishu on Sunday night, killing nine people, police said."
    )
    assert _doer_names(analyzer, text) == {"al-Shabaab"}


def test_a_group_that_is_allied_with_another_is_a_party_to_the_tie(analyzer):
    """ "The TTP, which is allied with Afghanistan's Taliban": the passive subject of a tie is one of its
    parties (not the patient, as in an attack)."""
    text = (
        "Militants killed 23 officers in Dera Ismail Khan on Tuesday. The TTP, which is allied with "
        "Afghanistan's Taliban, has stepped up attacks on police."
    )
    assert _ties(analyzer, text, "cooperates_with") == [("ttp", "taliban")]


def test_a_claim_a_junta_rejects_is_not_the_juntas_deed(analyzer):
    """ "An ethnic armed group in Myanmar's Kayah state said it had shot down a military jet, a claim the
    ruling junta rejected": Myanmar is where the group is, not a claimant, and "it" in the rejected claim
    is the group, not the junta (which is not said to have done anything)."""
    text = (
        "Rebels say they shot down Myanmar military jet\n\nAn ethnic armed group in Myanmar's Kayah state "
        'said on Tuesday it had shot down a military fighter jet, a claim the ruling junta rejected as "fake '
        'news".'
    )
    # (the group has no name, so nothing is stated of it; before: Myanmar claimed, the junta denied doing it)
    assert [(s.relation, s.subject, s.polarity) for s in _wire_statements(analyzer, text)] == []


def test_a_partner_named_in_an_aside_is_not_the_doer(analyzer):
    """ "its fighters, working together with local People's Defence Force units, brought down the jet":
    the parser loses the subject; the PDF named after "with" is a partner, not who brought it down (or
    shot it down)."""
    for verb in ("shot down", "brought down"):
        text = (
            "An armed group said it shot down a jet near Hpasawng on Tuesday. The Karenni Army said its "
            f"fighters, working together with local People's Defence Force units, {verb} the jet near "
            "Hpasawng."
        )
        assert "People's Defence Force" not in _doer_names(analyzer, text), verb


def test_officials_pointing_at_states_are_who_accuses(analyzer):
    """ "Iranian officials were pointing at Israel and the United States": each state accused, with the
    officials (the verb's subject, no attribution cue) as the source."""
    text = (
        "Twin explosions killed nearly 100 people at a memorial in Kerman on Wednesday. Within hours, "
        "Iranian officials were pointing at Israel and the United States."
    )
    said = {(s.subject, s.source.kind, s.source.name) for s in _wire_statements(analyzer, text)}
    assert said == {
        ("israel", "anonymous", "Iranian officials"),
        ("united_states", "anonymous", "Iranian officials"),
    }


def test_an_op_eds_hedged_group_is_a_statement_of_its_own(analyzer):
    """ "It is at least conceivable that a domestic Baluch group carried out the attack": the author's own
    counter-attribution, roughly even, of a group named by what it is (not "gunmen", the attackers)."""
    text = (
        "A bomb killed 90 people in Kerman on Wednesday. It is at least conceivable that a domestic Baluch "
        "group carried out the attack."
    )
    [statement] = _wire_statements(analyzer, text)
    assert (statement.subject, statement.certainty, statement.source.kind) == (
        "new:domestic-baluch-group",
        "roughly even",
        "author",
    )


def test_a_state_named_before_insurgents_is_where_they_are_from(analyzer):
    """ "Mozambique insurgents behead villagers": the state does not command the insurgents; no doer is
    named (they are the incident's attackers)."""
    text = (
        "Mozambique insurgents behead villagers in Cabo Delgado, rights group says\n\n"
        "Islamist insurgents beheaded at least 11 people in attacks on two villages in Cabo Delgado."
    )
    assert _doer_names(analyzer, text) == set()


def test_an_operation_ordered_in_response_is_not_the_attack(analyzer):
    """ "Netanyahu ordered the military to carry out an intensive operation in the West Bank in response":
    an answer to the bus bombings, not the bombings (no incident)."""
    text = (
        "Explosives detonated on three empty buses in the Tel Aviv area late Thursday. Israeli Prime "
        "Minister Benjamin Netanyahu ordered the military to carry out an intensive operation in the West "
        "Bank in response."
    )
    assert [s.object for s in _wire_statements(analyzer, text)] == [{"incident": None}]


def test_a_unit_the_group_says_did_it_is_the_groups_claim(analyzer):
    """ "The Baloch Liberation Army claimed responsibility, saying its Majeed Brigade had targeted a unit
    of the army": the brigade is the BLA's own (KB part_of), so the group claims it, not charges it."""
    text = (
        "A suicide bomber killed at least 26 people at the railway station in Quetta on Saturday. The Baloch "
        "Liberation Army claimed responsibility, saying its Majeed Brigade had targeted a unit of the army."
    )
    said = [(s.relation, s.subject, s.source.kind) for s in _wire_statements(analyzer, text)]
    assert ("claimed", "majeed_brigade", "claimant") in said
    assert not any(relation == "perpetrated" for relation, *_ in said)


def test_an_attack_that_came_after_another_is_apart_and_no_one_says_it(analyzer):
    """ "No group claimed the attack, which came hours after an American drone strike killed a senior
    commander": two incidents (the strike answered by the rockets, one incident for its two words), the
    strike the author's (not said by "No group"), and "The group" after "American forces" is the
    militia, not the forces."""
    text = (
        "Two rockets struck near a base housing U.S. troops at Baghdad airport late Tuesday, causing no "
        "casualties. No group claimed the attack, which came hours after an American drone strike killed a "
        "senior commander of the Kataib Hezbollah militia in Baghdad. U.S. officials have blamed Kataib "
        "Hezbollah for dozens of attacks on American forces. The group, which is part of the Popular "
        "Mobilization Forces, denies involvement in some of them."
    )
    result = analyzer.extract(document_from_text(text, path="wire.txt"))
    assert [i.type for i in result.incidents] == ["rocket attack", "air strike"]
    strike = [s for s in result.statements if s.subject == "united_states"]
    assert [(s.source.kind, s.object["incident"]) for s in strike] == [("author", result.incidents[1].id)]
    assert _ties(analyzer, text, "part_of") == [("kataib_hezbollah", "pmf")]


def test_an_affiliate_parsed_as_a_conjunct_still_describes_the_name_before(analyzer):
    """ "repeated attacks by JNIM, the al-Qaida affiliate, and Islamic State fighters": JNIM is part of
    al-Qaeda (the parser makes "affiliate" a conjunct); al-Qaeda is no part of the Islamic State."""
    text = (
        "Gunmen killed 17 worshippers at a church in Essakane on Sunday. The region has been hit by repeated "
        "attacks by JNIM, the al-Qaida affiliate, and Islamic State fighters."
    )
    assert _ties(analyzer, text, "part_of") == [("jnim", "aq")]


def test_the_described_group_blamed_is_the_group_named_before(analyzer):
    """ "Police blamed the attack on the Somalia-based extremist group": al-Shabaab, named before, not a
    group without a name."""
    text = (
        "Suspected al-Shabab militants detonated a bomb under a police vehicle in Mandera on Monday, killing "
        "eight officers. Police blamed the attack on the Somalia-based extremist group."
    )
    blamed = [s.subject for s in _wire_statements(analyzer, text) if s.source.name == "Police"]
    assert blamed == ["al_shabaab"]
