"""Sentence starts set before the parser: line breaks that end a line short, and wrapped wire copy."""

from claimgraph.nlp.prepare import prepare
from claimgraph.nlp.sentences import hard_line_breaks

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
    assert any("blew up\na power pylon" in s and "a police\npost, the" in s for s in sentences)


def test_only_lines_well_short_of_the_usual_width_end_hard() -> None:
    breaks = hard_line_breaks(PARAGRAPHS)
    assert breaks == {PARAGRAPHS.index("\n")}
    assert hard_line_breaks("one line only") == set()


def test_a_short_line_inside_wrapped_copy_counts_only_against_the_usual_width() -> None:
    """ "A POLICE" is short: its break is hard, yet the next line begins a clause in lower case once the
    case is restored, so no sentence starts there (the test above)."""
    assert hard_line_breaks(WRAPPED) == {WRAPPED.index("A POLICE\n") + len("A POLICE")}
