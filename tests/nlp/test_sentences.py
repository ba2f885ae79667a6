"""Line breaks: a short line ends its sentence; wrapped wire copy reads across its lines (layout.py)."""

from claimgraph.model import Document
from claimgraph.nlp.layout import line_breaks, unwrap
from claimgraph.nlp.prepare import prepare

PARAGRAPHS = (
    "See also: Why border guards keep committing suicide\n"
    "Soldiers sealed off the district after gunmen fired on a bus station in the north of the city late on "
    "Monday, a provincial spokesman said.\n"
    "The gunmen escaped on motorbikes and no group has yet said it carried out the attack, he added."
)
WRAPPED = (
    "   QUITO, 4 MAY 90 (EFE) -- GUERRILLAS OF THE PEOPLE'S FRONT BLEW UP\n"
    "A POWER PYLON NEAR THE TOWN OF ESMERALDAS LAST NIGHT AND THEN ATTACKED\n"
    "A POLICE\n"
    "POST, THE NATIONAL POLICE REPORTED TODAY.\n"
)


def _sentences(analyzer, text: str) -> list[str]:
    return [s.text.strip() for s in analyzer.nlp(prepare(text)).sents]


def test_a_headline_line_without_a_full_stop_is_a_sentence_of_its_own(analyzer) -> None:
    sentences = _sentences(analyzer, PARAGRAPHS)
    assert sentences[0] == "See also: Why border guards keep committing suicide"
    assert sentences[1].startswith("Soldiers sealed off the district")


def test_wrapped_wire_copy_keeps_its_sentence_across_lines(analyzer) -> None:
    sentences = _sentences(analyzer, WRAPPED)
    assert any("blew up a power pylon" in s and "a police\npost, the" in s for s in sentences)


def test_only_lines_well_short_of_the_usual_width_end_hard() -> None:
    hard, soft = line_breaks(PARAGRAPHS)
    assert hard == {PARAGRAPHS.index("\n")}
    assert soft == set()  # one paragraph per line: no line break is a wrapper's
    assert line_breaks("one line only") == (set(), set())


def test_wrapped_copy_has_soft_breaks_and_keeps_short_lines_hard() -> None:
    hard, soft = line_breaks(WRAPPED)
    assert hard == {WRAPPED.index("A POLICE\n") + len("A POLICE")}
    assert soft == {
        WRAPPED.index("BLEW UP\n") + len("BLEW UP"),
        WRAPPED.index("ATTACKED\n") + len("ATTACKED"),
    }


def test_unwrap_keeps_length_and_paragraph_breaks() -> None:
    text = WRAPPED + "\n" + WRAPPED
    flat = unwrap(text)
    assert len(flat) == len(text)
    assert "BLEW UP A POWER PYLON" in flat
    assert "TODAY.\n\n   QUITO" in flat


def test_a_name_broken_across_lines_is_one_actor(analyzer) -> None:
    text = (
        "   LIMA, 2 JUN 90 (EFE) -- POLICE SAID THAT GUERRILLAS OF THE TUPAC AMARU\n"
        "REVOLUTIONARY MOVEMENT BLEW UP TWO ELECTRICITY PYLONS NEAR HUANCAYO LAST\n"
        "NIGHT, LEAVING THE TOWN WITHOUT POWER FOR SEVERAL HOURS THIS MORNING.\n"
    )
    result = analyzer.extract(Document(id="wrapped", text=text))
    assert "mrta" in {a.id for a in result.actors}


def test_a_dateline_ended_by_a_spaced_hyphen_is_a_sentence_of_its_own(analyzer) -> None:
    """ "PORTO AMELIA, Mozambique - Between 10 and 12 people were killed": the parser otherwise reads the
    place as the subject and loses the count; a hyphen inside a name ("Al-Shabaab") ends nothing."""
    text = (
        "PORTO AMELIA, Mozambique - Between 10 and 12 people were killed on Thursday when gunmen raided "
        "a market.\n\nAl-Shabaab fighters attacked a checkpoint on Friday."
    )
    sentences = _sentences(analyzer, text)
    assert sentences[:2] == [
        "PORTO AMELIA, Mozambique -",
        "Between 10 and 12 people were killed on Thursday when gunmen raided a market.",
    ]
    assert sentences[2] == "Al-Shabaab fighters attacked a checkpoint on Friday."
    [incident, *_] = analyzer.extract(Document(id="dateline", text=text)).incidents
    assert (incident.killed.min, incident.killed.max, incident.killed.qualifier) == (10, 12, "between")


def test_a_name_after_a_blank_line_is_not_split_from_its_sentence(analyzer) -> None:
    """The parser once ended a sentence inside "Kata'ib Hezbollah": a word after a word and a space goes
    on with its sentence."""
    text = (
        "The governor said Kata'ib Hezbollah was behind the attack.\n\n"
        "Kata'ib Hezbollah denied any involvement in a short statement on Friday."
    )
    assert _sentences(analyzer, text) == [
        "The governor said Kata'ib Hezbollah was behind the attack.",
        "Kata'ib Hezbollah denied any involvement in a short statement on Friday.",
    ]


def test_a_dateline_may_hold_small_words_of_a_place_name(analyzer):
    doc = analyzer.nlp(prepare("GOMA, Democratic Republic of Congo — Rebels shelled the airport on Friday."))
    assert [s.text.strip() for s in doc.sents][1].startswith("Rebels")
