"""People's names as the text writes them in full: the surnames the recogniser left off, and the
longest form the document uses for the same person."""

from __future__ import annotations

from spacy.tokens import Span, Token

# Lower-case particles inside Spanish and Portuguese personal names ("Arturo Rivera y Damas").
NAME_PARTICLES = {"de", "del", "y", "da", "dos", "la"}


def full_name(ent: Span, people: list[str]) -> str:
    """The longest way the text names this person ("Romero" -> "Oscar Arnulfo Romero"), with the
    surnames the recogniser left off ("Jaime Pardo | Leal", "Arturo Rivera y Damas"); never another
    person of the same surname ("Mario Vargas Llosa" is not "Alvaro Vargas Llosa"). Given names alone
    ("Gilda" after "Gilda Flores") take the full name only when one person in the text has them."""
    ent = with_surnames(ent)
    words = ent.text.lower().split()
    last = words[-1]
    longer = [
        p
        for p in people
        if len(p) > len(ent.text) and p.lower().split()[-1] == last and _holds(p.lower().split(), words)
    ]
    if longer:
        return max(longer, key=len)
    holders = {p for p in people if len(p) > len(ent.text) and _holds(p.lower().split(), words)}
    return holders.pop() if len(holders) == 1 else ent.text


def _holds(name: list[str], words: list[str]) -> bool:
    """``words`` run together inside ``name`` ("oscar arnulfo" in "oscar arnulfo romero")."""
    n = len(words)
    return any(name[i : i + n] == words for i in range(len(name) - n + 1))


def with_surnames(ent: Span) -> Span:
    """The name run on over capitalised proper nouns that belong to no other entity, and over the
    particles of Spanish and Portuguese names between them ("de", "y")."""
    doc, end = ent.doc, ent.end
    while end < len(doc):
        token = doc[end]
        if token.lower_ in NAME_PARTICLES and end + 1 < len(doc) and _surname(doc[end + 1]):
            end += 2
        elif _surname(token):
            end += 1
        else:
            break
    return doc[ent.start : end]


def _surname(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ in {"", "PERSON"}
        and not token.is_sent_start
    )
