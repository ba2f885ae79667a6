"""Incident roles and perpetrators from the span tagger (claimgraph/extractors/roles.py), on invented text."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from claimgraph.extract import extract
from claimgraph.extractors.roles import cluster
from claimgraph.model import Document
from claimgraph.nlp.prepare import prepare

MIXED = (
    "Police chief John Smith said that Shining Path guerrillas had bombed the electricity tower in "
    "Huancayo with dynamite on Monday, killing two guards."
)
WIRE = (
    "LIMA, 12 MAR 90 -- [TEXT] URBAN GUERRILLAS OF THE SHINING PATH TODAY ATTACKED THE CITY HALL OF "
    "HUANCAYO WITH DYNAMITE AND MACHINEGUNS. THE POLICE REPORTED THAT THE SHINING PATH WAS RESPONSIBLE "
    "FOR THE ATTACK, WHICH DESTROYED THE BUILDING."
)


@pytest.fixture(scope="module")
def tagged():
    from claimgraph.pipeline import Analyzer

    return Analyzer(tagger=True)


def _tagged(analyzer, text: str, roles: list[tuple[str, int, str]]):
    """The parsed text with hand-set role spans, each (first word, number of words, label), in place of
    the tagger's: what the extractors do with given spans, whatever the model would mark."""
    doc = analyzer.nlp(prepare(text))
    starts = {role: next(t.i for t in doc if t.text == role[0]) for role in roles}
    doc.spans["tagged_roles"] = [Span(doc, starts[r], starts[r] + r[1], label=r[2]) for r in roles]
    return doc


def _field(doc, text: str, field: str) -> list[str]:
    """One incident field ("victims", "attackers"...) over all the incidents extracted from ``doc``."""
    return [
        value
        for incident in extract(doc, Document(id="tagged", text=text)).incidents
        for value in getattr(incident, field)
    ]


def _lower(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


def test_mixed_case_roles_land_on_the_incident(tagged):
    result = tagged.extract(Document(id="mixed", text=MIXED))
    assert len(result.incidents) == 1
    incident = result.incidents[0]
    assert "Shining Path guerrillas" in incident.attackers
    assert "electricity tower" in incident.targets
    assert incident.weapons == ["dynamite"]


def test_wire_copy_roles_and_perpetrator(tagged):
    result = tagged.extract(Document(id="wire", text=WIRE))
    assert len(result.incidents) == 1
    incident = result.incidents[0]
    assert any("guerrillas" in attacker for attacker in _lower(incident.attackers))
    assert "path" not in _lower(incident.attackers)  # a piece of the group's name is not an attacker
    assert "city hall" in _lower(incident.targets)
    assert "dynamite" in _lower(incident.weapons)
    perpetrated = [
        s for s in result.statements if s.relation == "perpetrated" and s.subject == "shining_path"
    ]
    assert perpetrated and all(s.polarity == "positive" for s in perpetrated)
    assert any(s.object == {"incident": incident.id} for s in perpetrated)
    assert "shining_path" in {a.id for a in result.actors}


def test_without_the_span_groups_the_output_is_the_rules_output(analyzer, tagged):
    """The tagger's pipeline with its span groups taken away gives what the default pipeline gives."""
    for name, text in (("mixed", MIXED), ("wire", WIRE)):
        document = Document(id=name, text=text)
        doc = tagged.nlp(prepare(text))
        for key in ("tagged_roles", "tagged_attribution"):
            del doc.spans[key]
        assert extract(doc, document).to_dict() == analyzer.extract(document).to_dict()


def test_a_new_group_becomes_an_actor_and_a_perpetrator(analyzer):
    """A PERPORG span the actor recogniser does not know names a new group in the actor list."""
    text = "The Red Dawn Brigade set fire to the customs office in Tacna on Friday."
    doc = _tagged(analyzer, text, [("Red", 3, "PERPORG"), ("customs", 2, "TARGET")])
    before = [(s.start, s.end, s.kb_id_) for s in doc.spans.get("actors", [])]
    result = extract(doc, Document(id="new", text=text))
    assert [s.subject for s in result.statements if s.relation == "perpetrated"] == ["new:red-dawn-brigade"]
    assert {a.id: a.name for a in result.actors}.get("new:red-dawn-brigade") == "Red Dawn Brigade"
    assert [(s.start, s.end, s.kb_id_) for s in doc.spans.get("actors", [])] == before  # extract is pure
    assert [i.targets for i in result.incidents] == [["customs office"]]


def test_cluster_groups_forms_of_one_entity(analyzer):
    doc = analyzer.nlp.make_doc("guerrillas urban guerrillas the guerrilla Jane Roe Ms Roe dynamite")
    spans = [Span(doc, 0, 1), Span(doc, 1, 3), Span(doc, 3, 5), Span(doc, 5, 7), Span(doc, 7, 9)]
    spans.append(Span(doc, 9, 10))
    groups = cluster(spans, by_surname=True)
    assert [[s.text for s in g] for g in groups] == [
        ["guerrillas", "urban guerrillas", "the guerrilla"],
        ["Jane Roe", "Ms Roe"],
        ["dynamite"],
    ]


def test_members_of_a_group_are_attackers_named_with_the_group(analyzer):
    """ "members of the" PERPIND beside the group PERPORG: the attackers are "members of the <group>"
    (as MUC-4 writes them), and the group stays the perpetrator."""
    text = "Members of the Red Dawn Brigade bombed the customs office in Tacna on Friday."
    doc = _tagged(
        analyzer, text, [("Members", 3, "PERPIND"), ("Red", 3, "PERPORG"), ("customs", 2, "TARGET")]
    )
    result = extract(doc, Document(id="members", text=text))
    assert [i.attackers for i in result.incidents] == [["Members of the Red Dawn Brigade"]]
    assert [s.subject for s in result.statements if s.relation == "perpetrated"] == ["new:red-dawn-brigade"]


def test_a_group_name_cut_short_is_the_actor_it_begins(analyzer):
    """The tagger stops a name at a transcriber's bracket ("Farabundo Marti [National Liberation
    Front]"): the words begin the name of an actor the text names, so they are that actor."""
    text = (
        "Rebels of the Farabundo Marti [National Liberation Front] (FMLN) bombed the customs office in "
        "Usulutan on Friday."
    )
    doc = _tagged(analyzer, text, [("Farabundo", 2, "PERPORG"), ("customs", 2, "TARGET")])
    result = extract(doc, Document(id="cut", text=text))
    assert [s.subject for s in result.statements if s.relation == "perpetrated"] == ["fmln"]


def test_an_attacker_span_broken_at_of_is_one_attacker(analyzer):
    """The tagger can break one PERPIND span at "of" ("Urban guerrillas of" | "the" | "Red Dawn
    Brigade"): one attacker named with the group, not the group's name as a second attacker."""
    text = "Urban guerrillas of the Red Dawn Brigade bombed the customs office in Tacna on Friday."
    doc = _tagged(analyzer, text, [("Urban", 3, "PERPIND"), ("Red", 3, "PERPIND"), ("customs", 2, "TARGET")])
    result = extract(doc, Document(id="broken", text=text))
    assert [i.attackers for i in result.incidents] == [["Urban guerrillas of the Red Dawn Brigade"]]


def test_a_known_group_named_in_the_attackers_is_a_perpetrator(analyzer):
    """ "Shining Path guerrillas" as PERPIND and no PERPORG span: the attackers keep their description
    and the group they are named with is the perpetrator; a description without a group gives none."""
    text = "Shining Path guerrillas bombed the customs office in Tacna on Friday."
    doc = _tagged(analyzer, text, [("Shining", 3, "PERPIND"), ("customs", 2, "TARGET")])
    result = extract(doc, Document(id="named", text=text))
    assert [i.attackers for i in result.incidents] == [["Shining Path guerrillas"]]
    assert [s.subject for s in result.statements if s.relation == "perpetrated"] == ["shining_path"]
    text = "Armed guerrillas bombed the customs office in Tacna on Friday."
    doc = _tagged(analyzer, text, [("Armed", 2, "PERPIND"), ("customs", 2, "TARGET")])
    result = extract(doc, Document(id="unnamed", text=text))
    assert not [s for s in result.statements if s.relation == "perpetrated"]


def test_a_sure_role_head_naming_no_group_leaves_no_rule_perpetrator(analyzer):
    """Where the role head is sure of the document (no scores: hand-set spans) but marks no PERPORG, the
    rules' `perpetrated` statements go with it; a claim of responsibility is not the tagger's to judge."""
    text = (
        "The Shining Path bombed the customs office in Tacna on Friday. "
        "The Red Dawn Brigade claimed responsibility for the attack."
    )
    document = Document(id="sure", text=text)
    rules = {(s.relation, s.subject) for s in analyzer.extract(document).statements}
    assert {("perpetrated", "shining_path"), ("claimed", "new:red-dawn-brigade")} <= rules
    doc = _tagged(analyzer, text, [("customs", 2, "TARGET")])
    got = {(s.relation, s.subject) for s in extract(doc, document).statements}
    assert ("perpetrated", "shining_path") not in got
    assert ("claimed", "new:red-dawn-brigade") in got


def test_a_description_followed_by_the_group_name_is_that_group(analyzer):
    """The tagger stops at "group" in "the armed separatist group Shining Path": the name after the
    description is the perpetrator, not a new group called "armed separatist group"."""
    text = "The customs office in Tacna was bombed by the armed separatist group Shining Path."
    doc = _tagged(analyzer, text, [("customs", 2, "TARGET"), ("armed", 3, "PERPORG")])
    result = extract(doc, Document(id="appositive", text=text))
    assert [s.subject for s in result.statements if s.relation == "perpetrated"] == ["shining_path"]


def test_a_victim_is_named_as_fully_as_the_text_names_them(analyzer):
    text = (
        "Gunmen killed Mr Ortega outside his home in Tacna on Friday. Police named the dead man as "
        "Luis Alberto Ortega, a local judge."
    )
    doc = _tagged(analyzer, text, [("Mr", 2, "VICTIM"), ("Luis", 3, "VICTIM")])
    result = extract(doc, Document(id="victim", text=text))
    assert [i.victims for i in result.incidents] == [["Luis Alberto Ortega"]]


def test_a_perpetrator_needs_a_sentence_about_an_incident(analyzer):
    """A group the tagger marks as perpetrator where the text speaks of no incident ("a leaflet issued
    by ...") perpetrated nothing; marked again where it attacks, it did."""
    quiet = "A leaflet issued by the Red Dawn Brigade was handed out in Tacna on Friday."
    doc = _tagged(analyzer, quiet, [("Red", 3, "PERPORG")])
    result = extract(doc, Document(id="leaflet", text=quiet))
    assert [s for s in result.statements if s.relation == "perpetrated"] == []
    both = quiet + " On Sunday the Red Dawn Brigade set fire to the customs office in Tacna."
    doc = analyzer.nlp(prepare(both))
    reds = [t.i for t in doc if t.text == "Red"]
    doc.spans["tagged_roles"] = [Span(doc, i, i + 3, label="PERPORG") for i in reds]
    result = extract(doc, Document(id="leaflet-and-fire", text=both))
    perpetrated = [s for s in result.statements if s.relation == "perpetrated"]
    assert [(s.subject, s.sentence.startswith("On Sunday")) for s in perpetrated] == [
        ("new:red-dawn-brigade", True)
    ]


def test_victims_marked_where_no_word_tells_of_an_incident_make_none(analyzer):
    """People the tagger marks as victims in a report of arrests are no incident's victims: with no word
    for an incident anywhere, nothing is seeded. A death from gunshot wounds is an incident."""
    arrests = "Police said on Monday that they had arrested Ana Ruiz and Pedro Vela in the capital."
    doc = _tagged(analyzer, arrests, [("Ana", 2, "VICTIM"), ("Pedro", 2, "VICTIM")])
    assert extract(doc, Document(id="arrests", text=arrests)).incidents == []
    wounds = "Ana Ruiz, a union leader, died of gunshot wounds in the capital on Monday."
    doc = _tagged(analyzer, wounds, [("Ana", 2, "VICTIM")])
    [incident] = extract(doc, Document(id="wounds", text=wounds)).incidents
    assert incident.victims == ["Ana Ruiz"]


def test_a_group_where_the_attack_landed_is_no_perpetrator(analyzer):
    """A name the tagger marks as perpetrator where fire was aimed ("opened fire on ... positions") or
    among those killed is on the receiving end; the same tag on who attacked is a perpetrator."""
    fired_on = "Army gunships opened fire on alleged Red Dawn Brigade positions near Tacna on Friday."
    doc = _tagged(analyzer, fired_on, [("Red", 3, "PERPORG")])
    result = extract(doc, Document(id="fired-on", text=fired_on))
    assert [s for s in result.statements if s.relation == "perpetrated"] == []
    killed = "Juan Soto, a leader of the Red Dawn Brigade, was shot dead in Tacna on Friday."
    doc = _tagged(analyzer, killed, [("Red", 3, "PERPORG")])
    result = extract(doc, Document(id="killed", text=killed))
    assert [s for s in result.statements if s.relation == "perpetrated"] == []
    attacked = "The Red Dawn Brigade attacked a police post near Tacna on Friday."
    doc = _tagged(analyzer, attacked, [("Red", 3, "PERPORG")])
    result = extract(doc, Document(id="attacked", text=attacked))
    assert [s.subject for s in result.statements if s.relation == "perpetrated"] == ["new:red-dawn-brigade"]


def test_a_name_that_says_whose_relative_the_victim_was_is_no_victim(analyzer):
    """The president was not kidnapped, his brother-in-law was; nor was the president the victim whose
    adviser was."""
    text = (
        "President Carlos Perez's brother-in-law was kidnapped in Cucuta on Friday. Hector Delgado, a "
        "former adviser to President Alan Garcia, was kidnapped in Lima on Monday."
    )
    doc = _tagged(analyzer, text, [("Carlos", 2, "VICTIM"), ("Hector", 2, "VICTIM"), ("Alan", 2, "VICTIM")])
    victims = _field(doc, text, "victims")
    assert victims == ["Hector Delgado"]


def test_a_landmark_named_to_say_how_far_is_no_target(analyzer):
    """The palace is where the bomb was measured from; the barracks it went off beside were hit."""
    text = "A car bomb exploded outside the barracks in Lima on Friday, 1,200 meters from Government Palace."
    doc = _tagged(analyzer, text, [("barracks", 1, "TARGET"), ("Government", 2, "TARGET")])
    targets = _field(doc, text, "targets")
    assert _lower(targets) == ["barracks"]


def test_victims_the_rules_find_stay_beside_the_tagged_ones(analyzer):
    """The tagger marked the leader; the rules also read the bodyguards killed with him. The rules'
    "Pizarro" is the tagger's "Carlos Pizarro", listed once."""
    text = (
        "Gunmen shot dead Carlos Pizarro in Bogota on Thursday. His bodyguards Dagoberto Rodriguez and "
        "Alfonso Lima were also killed. Pizarro was killed instantly."
    )
    doc = _tagged(analyzer, text, [("Carlos", 2, "VICTIM")])
    victims = _field(doc, text, "victims")
    assert sorted(victims) == ["Alfonso Lima", "Carlos Pizarro", "Dagoberto Rodriguez"]


def test_attackers_coordinated_with_tagged_ones_are_attackers(analyzer):
    """The tagger marked the gunmen; the suicide bombers who attacked with them are attackers too, and
    the camp they attacked is no attacker."""
    text = "Taliban gunmen and suicide bombers attacked Camp Shorabak in Helmand Province on Friday."
    doc = _tagged(analyzer, text, [("Taliban", 2, "PERPIND")])
    attackers = _field(doc, text, "attackers")
    assert attackers == ["Taliban gunmen", "suicide bombers"]


def test_a_person_named_as_the_one_who_did_it_is_no_victim(analyzer):
    """The captain is named as the perpetrator and the colonel as responsible for the murders; the
    organiser "responsible for" the party's work was a victim."""
    accused = (
        "Six Jesuit priests were murdered in San Salvador on 16 November. The FMLN demands the dismissal "
        "of Colonel Hector Hernandez, who bears responsibility for the murders, and of Captain Carlos "
        "Chavez, the direct perpetrator of these murders."
    )
    roles = [("Hector", 2, "VICTIM"), ("Carlos", 2, "VICTIM")]
    doc = _tagged(analyzer, accused, roles)
    assert _field(doc, accused, "victims") == []
    organiser = (
        "Soldiers killed three party members in Sonsonate on Monday. Among the victims is Cecilio Rivera, "
        "who was responsible for the party's activities in the east."
    )
    doc = _tagged(analyzer, organiser, [("Cecilio", 2, "VICTIM")])
    victims = _field(doc, organiser, "victims")
    assert victims == ["Cecilio Rivera"]


def test_a_person_identified_as_the_doer_or_as_the_caller_is_no_victim(analyzer):
    """The arrested terrorist and the caller who named himself are not among those harmed."""
    text = (
        "Gunmen killed Carlos Pizarro in Bogota on Thursday. A terrorist arrested by the police has been "
        "identified as Ruth Aguilar. A caller identified himself as John Arias."
    )
    roles = [("Carlos", 2, "VICTIM"), ("Ruth", 2, "VICTIM"), ("John", 2, "VICTIM")]
    doc = _tagged(analyzer, text, roles)
    victims = _field(doc, text, "victims")
    assert victims == ["Carlos Pizarro"]


def test_attackers_named_only_in_a_denial_are_nobody_s_attackers(analyzer):
    text = (
        "Bernardo Jaramillo was shot dead at the Bogota airport on Thursday. Pablo Escobar denied that the "
        "drug traffickers had killed Jaramillo."
    )
    doc = _tagged(analyzer, text, [("drug", 2, "PERPIND")])
    assert _field(doc, text, "attackers") == []


def test_a_weapon_named_in_the_word_for_the_incident_is_its_weapon(analyzer):
    """The tagger marked no weapon: "a bomb explosion" names it all the same."""
    text = "Thirteen persons died in San Salvador on Monday as a result of a bomb explosion."
    doc = _tagged(analyzer, text, [])
    weapons = _field(doc, text, "weapons")
    assert weapons == ["bomb"]


def test_attackers_named_only_as_what_others_are_are_no_second_attackers(analyzer):
    """The terrorists are the attackers; "the bombers" they claimed to be names them again."""
    text = (
        "Terrorists bombed a bus in La Paz on Wednesday. Later the terrorists left messages claiming to "
        "be the bombers."
    )
    doc = _tagged(analyzer, text, [("Terrorists", 1, "PERPIND"), ("bombers", 1, "PERPIND")])
    attackers = _field(doc, text, "attackers")
    assert attackers == ["Terrorists"]


def test_people_only_arrested_are_no_victims(analyzer):
    """Those the police arrested or detained after an attack are not among its victims, down a list of
    names and descriptions; someone captured by gunmen still is, and so is one arrested who has not been
    seen since."""
    text = (
        "A bomb killed Judge Rosa Leal at a cafe in Madrid on Friday. Leftists sympathetic to the group were "
        "arrested, including Ana Ortiz, wife of the writer Pedro Sanz, and the actress Marta Gil. Gunmen "
        "captured Luis Vega in Bilbao. Troops arrested Jaime Rey, who remains missing. Later Ana Ortiz "
        "remained in prison as she was charged with the bombing."
    )
    roles = [(name, 2, "VICTIM") for name in ("Rosa", "Ana", "Pedro", "Marta", "Luis", "Jaime")]
    doc = _tagged(analyzer, text, roles)
    again = [t.i for t in doc if t.text == "Ana"][-1]  # "Ana Ortiz remained in prison"
    doc.spans["tagged_roles"] = [*doc.spans["tagged_roles"], Span(doc, again, again + 2, label="VICTIM")]
    victims = _field(doc, text, "victims")
    assert victims == ["Rosa Leal", "Luis Vega", "Jaime Rey"]


def test_a_name_or_number_split_off_the_noun_it_modifies_is_one_filler(analyzer):
    text = "Rebels set fire to a route 30 bus and later bombed the Hotel Miramar annex in Lima."
    roles = [("route", 2, "TARGET"), ("bus", 1, "TARGET"), ("Hotel", 1, "TARGET"), ("Miramar", 2, "TARGET")]
    doc = _tagged(analyzer, text, roles)
    assert sorted(_lower(_field(doc, text, "targets"))) == ["hotel miramar annex", "route 30 bus"]


def test_a_count_or_a_title_split_off_its_noun_stays_out_of_the_filler(analyzer):
    """ "three | bombs": the count is how many, not what; "Bishop | Ana Ortiz": the name is the person's."""
    text = "Gunmen threw three bombs at the bank in Lima and killed Bishop Ana Ortiz outside her home."
    roles = [("three", 1, "WEAPON"), ("bombs", 1, "WEAPON"), ("Bishop", 1, "VICTIM"), ("Ana", 2, "VICTIM")]
    doc = _tagged(analyzer, text, roles)
    assert _field(doc, text, "weapons") == ["bombs"]
    assert _field(doc, text, "victims") == ["Ana Ortiz"]


def test_an_adjective_split_off_its_noun_stays_out_of_the_filler(analyzer):
    text = "Guerrillas detonated a powerful dynamite charge outside the bank in Lima."
    doc = _tagged(analyzer, text, [("powerful", 1, "WEAPON"), ("dynamite", 2, "WEAPON")])
    assert _field(doc, text, "weapons") == ["dynamite charge"]


def test_a_claimant_the_tagger_marks_is_no_perpetrator_in_the_authors_words(analyzer):
    """ "The Red Dawn Brigade claimed responsibility": the group's claim, which the rules read; the same
    name marked PERPORG adds no `perpetrated` statement in the author's voice beside it."""
    text = (
        "A car bomb exploded near a customs office in Ankara on Wednesday, killing 28 people. The Red Dawn "
        "Brigade claimed responsibility for the bombing on its website."
    )
    doc = _tagged(analyzer, text, [("Red", 3, "PERPORG"), ("customs", 2, "TARGET")])
    result = extract(doc, Document(id="tagged", text=text))
    assert [(s.relation, s.subject, s.source.kind) for s in result.statements] == [
        ("claimed", "new:red-dawn-brigade", "claimant")
    ]
