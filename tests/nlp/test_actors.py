"""The actor recogniser (claimgraph/nlp/actors.py) on invented sentences: which span names which actor."""

from __future__ import annotations

from claimgraph.nlp.prepare import prepare


def _actors(analyzer, text: str) -> list[tuple[str, str]]:
    doc = analyzer.nlp(prepare(text))
    return [(span.text, span.kb_id_) for span in doc.spans["actors"]]


def test_a_longer_name_ending_in_a_known_one_is_another_body(analyzer):
    """The KB files bare "National Guard" under El Salvador's (as MUC-4 wire copy means it); the
    "Bolivarian National Guard" is Venezuela's, a group of its own."""
    text = "Soldiers of the Bolivarian National Guard fired on protesters in Caracas on Monday."
    assert _actors(analyzer, text) == [("Bolivarian National Guard", "new:bolivarian-national-guard")]


def test_a_nationality_before_a_known_name_leaves_it_known(analyzer):
    assert _actors(analyzer, "The Afghan Taliban claimed the attack on Sunday.") == [
        ("Afghan Taliban", "taliban")
    ]
    assert ("National Guard", "salvadoran_national_guard") in _actors(
        analyzer, "The National Guard killed five peasants near San Salvador."
    )


def test_a_word_describing_a_known_group_at_the_start_of_a_sentence_leaves_it_known(analyzer):
    """ "Paramilitary Rapid Support Forces fighters": the capital is the sentence's; "paramilitary" says
    what the RSF is (kb generic_actors.yaml ``descriptors``), it names no other body."""
    text = "Paramilitary Rapid Support Forces fighters killed 40 people in a village on Thursday."
    assert [kb_id for _, kb_id in _actors(analyzer, text)] == ["rsf"]


def test_a_state_at_the_end_of_a_hyphenated_name_is_not_the_state(analyzer):
    """ "the Dawlah Islamiyah-Philippines group" is a group, not the Philippines; "Pakistan-based" and
    "pro-Russian" leave the state's name as it is (here a modifier, not a hyphenated name's end)."""
    named = "Troops killed 11 members of the Dawlah Islamiyah-Philippines group in Lanao del Sur."
    assert "philippines" not in [kb_id for _, kb_id in _actors(analyzer, named)]
    assert ("Pakistan", "pakistan") in _actors(analyzer, "The Pakistan-based group denied it.")


def test_a_long_name_defined_by_a_hyphenated_abbreviation_is_one_new_actor(analyzer):
    """ "The Strategic Framework for the Defence of the People of Azawad (CSP-DPA)": the whole name, over
    "for the" and "of the", without the sentence's "The"; the tokenizer splits "CSP-DPA" at its hyphen,
    and every later "CSP-DPA" is the same actor."""
    text = (
        "The Strategic Framework for the Defence of the People of Azawad (CSP-DPA) said its fighters had "
        "ambushed a convoy. The CSP-DPA gave no toll."
    )
    found = _actors(analyzer, text)
    slug = "new:strategic-framework-for-the-defence-of-the-people-of-azawad"
    assert found == [
        ("Strategic Framework for the Defence of the People of Azawad", slug),
        ("CSP-DPA", slug),
        ("CSP-DPA", slug),
    ]
    members = "Members of the Communist Party of Spain (PCE) marched in Madrid."
    assert _actors(analyzer, members)[0] == ("Communist Party of Spain", "new:communist-party-of-spain")


def test_another_states_nationality_makes_another_body(analyzer):
    """The KB's ``country`` says whose body an agency is: El Salvador's National Guard is not the
    Venezuelan one, while "Peruvian Army" is the KB's own."""
    text = "Maduro reviewed a parade of the Venezuelan National Guard in Caracas on Monday."
    assert _actors(analyzer, text) == [("Venezuelan National Guard", "new:venezuelan-national-guard")]
    assert ("Peruvian Army", "peruvian_army") in _actors(analyzer, "The Peruvian Army denied the report.")


def test_a_defined_name_runs_over_of_and_for(analyzer):
    text = "Police blamed the Communist Party of Spain (PCE) for the attack, but the PCE denied it."
    assert _actors(analyzer, text) == [
        ("Police", "new:police"),
        ("Communist Party of Spain", "new:communist-party-of-spain"),
        ("PCE", "new:communist-party-of-spain"),
        ("PCE", "new:communist-party-of-spain"),
    ]


def test_an_abbreviation_defined_after_a_kb_name_is_that_actor(analyzer):
    """The KB leaves "FAL" out of Zarate Willka's aliases (it is also a rifle); a text that defines it,
    in brackets as wire transcripts do, means the group by every later "FAL"."""
    text = (
        "Police said the Zarate Willka Armed Forces of Liberation [FAL] set off the bomb in La Paz. "
        "A FAL communique was found nearby."
    )
    assert _actors(analyzer, text)[1:] == [
        ("Zarate Willka Armed Forces of Liberation", "zarate_willka"),
        ("FAL", "zarate_willka"),
        ("FAL", "zarate_willka"),
    ]


def test_a_name_defined_by_a_kb_abbreviation_is_that_actor(analyzer):
    """A name the KB lacks, defined by an abbreviation it knows, is the abbreviation's actor, also
    where the name ends in a KB name and would otherwise be read as another body."""
    assert _actors(analyzer, "The People's Union of Colombian Fighters (FARC) blew up a pipeline.") == [
        ("Union of Colombian Fighters", "farc"),
        ("FARC", "farc"),
    ]
    assert _actors(analyzer, "The Revolutionary Army of National Liberation (ELN) blew up a pipeline.") == [
        ("Revolutionary Army of National Liberation", "eln"),
        ("ELN", "eln"),
    ]


def test_names_of_one_body_are_one_actor(analyzer):
    """ "the military" and "the armed forces" in one text are one actor; the army is a part of it."""
    text = "The military said rebels attacked. The armed forces denied it, and the army sent troops."
    assert _actors(analyzer, text) == [
        ("military", "new:armed-forces"),
        ("armed forces", "new:armed-forces"),
        ("army", "new:army"),
    ]


def test_a_force_named_as_a_modifier_is_an_actor_only_before_its_people(analyzer):
    """ "army troops" and "police officers" are the army's and the police's people; "military groups"
    of a rebel front, a "police station" and "army funds" are not those bodies."""
    text = (
        "Army troops and police officers surrounded the police station after rebel military groups "
        "stole army funds."
    )
    assert _actors(analyzer, text) == [("Army", "new:army"), ("police", "new:police")]


def test_a_group_introduced_by_name_is_that_group_wherever_the_name_recurs(analyzer):
    """Only the first mention says it is a group ("calling itself"); the later ones are the same actor."""
    text = (
        "A group calling itself Liwa Ahrar al-Janub claimed the attack. "
        "Liwa Ahrar al-Janub is a front for the Houthis."
    )
    assert _actors(analyzer, text) == [
        ("Liwa Ahrar al-Janub", "new:liwa-ahrar-al-janub"),
        ("Liwa Ahrar al-Janub", "new:liwa-ahrar-al-janub"),
        ("Houthis", "houthis"),
    ]


def test_a_day_known_by_a_name_is_no_group(analyzer):
    """ "known as" introduces groups, but also days and events: a name holding a date is no group unless a
    group word ends it."""
    assert _actors(analyzer, "It was a day that became known as Black Tuesday in the valley.") == []


def test_a_name_before_a_group_word_in_lower_case_is_a_group(analyzer):
    """ "the Jaime Martinez front": a unit named after a person, "front" in lower case; "the Afghan army"
    stays the generic army of a nationality."""
    text = "Police said the Jaime Martinez front attacked the post. The Afghan army denied it."
    assert _actors(analyzer, text)[:2] == [
        ("Police", "new:police"),
        ("Jaime Martinez front", "new:jaime-martinez-front"),
    ]
    assert ("Afghan army", "new:afghan-army") in _actors(analyzer, text)


def test_a_parent_is_not_a_body_described_by_its_name(analyzer):
    """ "Taliban intelligence" (an alias of the Taliban's intelligence directorate) describes a body of
    the Taliban; "Taliban security forces" elsewhere in the text are still the Taliban's."""
    text = (
        "Taliban security forces sealed off the street. A Taliban intelligence official said the gunmen "
        "came from Pakistan."
    )
    assert ("Taliban", "taliban") in _actors(analyzer, text)


def test_a_branch_still_takes_its_parents_short_name(analyzer):
    text = "The Islamic State Khorasan Province claimed the attack. Islamic State said four men took part."
    assert [a for _, a in _actors(analyzer, text)] == ["iskp", "iskp"]


def test_a_state_name_that_begins_a_province_is_not_the_state(analyzer):
    text = "The Islamic State said its Mozambique Province fighters had attacked the town."
    assert [a for _, a in _actors(analyzer, text)] == ["isis"]
