"""How much of the bundled corpus's expected facts (examples/expected.yaml) the extractor finds.

Incident facts (type, date, place, country, killed, wounded) are scored per field against the
extracted incident at the expected place; statements are found when an extracted statement has the
same relation, subject, object kind (incident or the same actor) and source kind; certainty is
scored on the found ones. Precision: every extracted statement must be one of the expected ones or of
the file's ``also`` list (statements the text makes beside the key facts, such as a group's record of
attacks in general); any other is reported as unexpected. Prints per-file misses and the totals last.

    .venv/bin/python bench/examples.py [--quiet]
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claimgraph import kb
from claimgraph.model import Extraction

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def actor_id(name: str, extraction: Extraction) -> str | None:
    """The id the extractor would give a name: the KB's, or a new actor with that name or alias."""
    found = kb.resolve_alias(name)
    if found:
        return found
    for actor in extraction.actors:
        if fold(name) in {fold(actor.name), *(fold(a) for a in actor.aliases)}:
            return actor.id
    return None


@dataclass
class Score:
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [hits, total]
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, hit: bool, miss: str = "") -> None:
        pair = self.fields.setdefault(name, [0, 0])
        pair[0] += int(hit)
        pair[1] += 1
        if not hit and miss:
            self.misses.append(miss)

    def share(self, name: str) -> float:
        hits, total = self.fields.get(name, [0, 0])
        return hits / total if total else 1.0


def expected_facts() -> dict[str, dict]:
    return yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def _figure(value: dict | None) -> tuple | None:
    return None if value is None else (value.get("min"), value.get("max"), value.get("qualifier"))


def _best_incident(inc: dict, incidents: list):
    """The extracted incident that agrees most with an expected one (place, then type and date)."""

    def agreement(i) -> int:
        place = i.place is not None and fold(i.place.name) == fold(inc.get("place"))
        country = i.place is not None and i.place.country == inc["country"]
        date = (
            i.date is not None
            and str(inc.get("date"))
            and i.date.isoformat().startswith(str(inc.get("date")))
        )
        return 4 * place + 2 * country + 2 * (i.type == inc["type"]) + 2 * bool(date)

    ranked = sorted(incidents, key=agreement, reverse=True)
    return ranked[0] if ranked and agreement(ranked[0]) >= 2 else None


def score_document(key: str, expected: dict, extraction: Extraction, score: Score) -> None:
    chosen: list[str | None] = []
    for inc in expected.get("incidents", []):
        got = _best_incident(inc, [i for i in extraction.incidents if i.id not in chosen])
        chosen.append(got.id if got else None)
        score.add("incident.place", got is not None, f"{key}: no incident at {inc.get('place')}")
        if got is None:
            continue
        score.add("incident.type", got.type == inc["type"], f"{key}: type {got.type} != {inc['type']}")
        want_date = str(inc.get("date")) if inc.get("date") else None
        have_date = got.date.isoformat()[: len(want_date)] if got.date and want_date else None
        score.add("incident.date", have_date == want_date, f"{key}: date {got.date} != {want_date}")
        country = got.place.country if got.place else None
        score.add("incident.country", country == inc["country"], f"{key}: country {country}")
        for name in ("killed", "wounded"):
            have = getattr(got, name)
            have_t = (have.min, have.max, have.qualifier) if have else None
            score.add(
                f"incident.{name}",
                have_t == _figure(inc.get(name)),
                f"{key}: {name} {have_t} != {_figure(inc.get(name))}",
            )
    for st in expected.get("statements", []):
        matches = [have for have in extraction.statements if _same_statement(st, have, extraction, chosen)]
        label = _label(st)
        score.add("statement", bool(matches), f"{key}: missing {label}")
        if matches:
            certain = any(m.certainty == st.get("certainty", "asserted") for m in matches)
            score.add(
                "statement.certainty",
                certain,
                f"{key}: certainty of {label}: {[m.certainty for m in matches]} != {st.get('certainty')}",
            )
    allowed = [*expected.get("statements", []), *expected.get("also", [])]
    names = {a.id: a.name for a in extraction.actors}
    for have in extraction.statements:
        known = any(_same_statement(st, have, extraction, chosen) for st in allowed)
        obj = have.object.get("actor") or ("incident" if have.object.get("incident") else "no incident")
        said = f"{have.relation}({names.get(have.subject, have.subject)} -> {names.get(obj, obj)})"
        score.add("statement.precision", known, f"{key}: unexpected {said} by {have.source.kind}")


def _label(st: dict) -> str:
    source = f"{st['source_kind']} {st.get('source') or ''}".strip()
    return f"{st['relation']}({st['subject']} -> {st['object']}) by {source}"


def _same_statement(st: dict, have, extraction: Extraction, chosen: list[str | None]) -> bool:
    """Whether an extracted statement is the expected one: relation, subject, polarity, source kind and
    object (``incident`` the article's incident, ``no incident`` a statement about conduct in general,
    else an actor's name)."""
    if have.relation != st["relation"] or have.subject != actor_id(st["subject"], extraction):
        return False
    if have.source.kind != st["source_kind"] or have.polarity != st.get("polarity", "positive"):
        return False
    wanted = st["object"]
    if wanted == "no incident":
        return "incident" in have.object and have.object["incident"] is None
    if wanted == "incident":
        index = st.get("incident", 0)
        target = chosen[index] if index < len(chosen) else None
        return have.object.get("incident") is not None and not (target and have.object["incident"] != target)
    return have.object.get("actor") == actor_id(wanted, extraction)


def run() -> Score:
    from claimgraph.pipeline import Analyzer
    from claimgraph.sources import read_paths

    facts = expected_facts()
    analyzer = Analyzer()
    score = Score()
    for document in read_paths([EXAMPLES / "corpus"]):
        if isinstance(document, Exception):
            score.misses.append(str(document))
            continue
        name = Path(document.path or "").name
        key = name if name in facts else name.replace(".jsonl", ".jsonl")
        if key not in facts:
            continue
        score_document(key, facts[key], analyzer.extract(document), score)
    return score


def main() -> None:
    score = run()
    if "--quiet" not in sys.argv:
        for miss in score.misses:
            print("  " + miss)
    for name, (hits, total) in sorted(score.fields.items()):
        print(f"{name:22} {hits:3}/{total:<3} {100 * hits / total:5.1f}%")


if __name__ == "__main__":
    main()
