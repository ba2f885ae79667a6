"""Attack arguments (attacker, target, place, weapon) against WikiEvents, by head-word match.

Gold: the arguments of every `Conflict.Attack.*` event mention, pooled per document (a
document-level union, deduplicated by head word): Attacker; Target, with Victim folded in (and also
reported on its own); Place; Instrument and ExplosiveDevice as weapon. Pronoun arguments ("they",
"it") are left out: the corpus gives no antecedent to match them with, and they are counted apart.

Predictions come from the real command line, `claimgraph extract --jsonl`, in one subprocess, on
the corpus's sentences one per line (see `article_text`):
attacker = incident `attackers` plus the actors that are subjects of positive `perpetrated` or
`claimed` statements (an actor is one prediction that matches by its name or any alias); target =
incident `targets` and `victims`; place = incident `place.name`; weapon = incident `weapons`.

Matching is one-to-one per document and role, on head words (see `head_word`). Prints P/R/F1 per
role and micro over attacker, target, place and weapon, figures last. Runs with the span tagger
(``--tagger``) by default, the rules alone with --rules.

    .venv/bin/python bench/wikievents.py [DATA.jsonl] [--errors N] [--limit N] [--rules]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from common import extract_jsonl, max_matching  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "wikievents" / "dev.jsonl"

ROLES = ("attacker", "target", "victim", "place", "weapon")
MICRO_ROLES = ("attacker", "target", "place", "weapon")  # victim is inside target: counted once
GOLD_ROLES = {
    "Attacker": ("attacker",),
    "Target": ("target",),
    "Victim": ("target", "victim"),
    "Place": ("place",),
    "Instrument": ("weapon",),
    "ExplosiveDevice": ("weapon",),
}
CLAIM_RELATIONS = {"perpetrated", "claimed"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A head ends before the first of these (after the first token): "office of the governor" -> office.
PREPOSITIONS = _words(
    "of in at on with from by for near inside outside into onto to against during after before under "
    "over between among via across behind within along around through that which who whose"
)
PRONOUNS = _words("it its they them their those these this that he him his she her we us you i")
PUNCTUATION = "\"'`.,;:!?()[]{}<>*=“”‘’«»—–-"


def _fold(text: str) -> str:
    """Lower case without accents, so "Kandahār" meets "Kandahar"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _tokens(text: str) -> list[str]:
    """Whitespace tokens, folded, stripped of outer punctuation and of a possessive "'s"."""
    out = []
    for raw in _fold(text).replace(",", " , ").split():
        if raw == ",":
            out.append(raw)
            continue
        token = raw.strip(PUNCTUATION)
        for suffix in ("'s", "’s"):
            token = token.removesuffix(suffix)
        token = token.strip(PUNCTUATION)
        if token:
            out.append(token)
    return out


def head_word(text: str) -> str:
    """The head of a noun phrase, simply: the last token before a preposition, relative or comma.

    Cutting happens only after the first token. A participle just before the cut is dropped too, so a
    reduced relative clause does not become the head ("nitrate laced with fuel" -> nitrate). The same
    rule serves gold and predicted strings; most WikiEvents arguments are a head word already.
    """
    tokens = _tokens(text)
    for i, token in enumerate(tokens[1:], start=1):
        if token in PREPOSITIONS or token == ",":
            tokens = tokens[:i]
            if len(tokens) > 1 and tokens[-1].endswith("ed"):
                tokens = tokens[:-1]
            break
    tokens = [t for t in tokens if t != ","]
    return tokens[-1] if tokens else ""


def is_pronoun(text: str) -> bool:
    """A bare pronoun argument; "US" in capitals is a country, not "us"."""
    return text.strip().lower() in PRONOUNS and not text.strip().isupper()


@dataclass(frozen=True)
class Item:
    """One predicted filler: its text as shown, and the heads it may match by (name and aliases)."""

    text: str
    heads: frozenset[str]


def item(text: str, *aliases: str) -> Item:
    heads = frozenset(h for h in (head_word(t) for t in (text, *aliases)) if h)
    return Item(text, heads)


def dedupe(items: Iterable[Item]) -> list[Item]:
    """Drop items whose heads an earlier item already covers ("bombs" after "car bombs")."""
    out: list[Item] = []
    for it in items:
        if it.heads and not any(it.heads <= seen.heads for seen in out):
            out.append(it)
    return out


def gold_roles(doc: dict) -> tuple[dict[str, dict[str, str]], int]:
    """Per role, head word -> first text seen, over all attack events; plus the pronouns skipped."""
    roles: dict[str, dict[str, str]] = {role: {} for role in ROLES}
    pronouns = 0
    for event in doc.get("event_mentions", []):
        if not event["event_type"].startswith("Conflict.Attack"):
            continue
        for arg in event["arguments"]:
            if arg["role"] not in GOLD_ROLES:
                continue
            if is_pronoun(arg["text"]):
                pronouns += 1
                continue
            head = head_word(arg["text"])
            for role in GOLD_ROLES[arg["role"]]:
                if head:
                    roles[role].setdefault(head, arg["text"])
    return roles, pronouns


def predicted_roles(result: dict) -> dict[str, list[Item]]:
    """The fillers one `claimgraph extract` result offers for each role."""
    roles: dict[str, list[Item]] = {role: [] for role in ROLES}
    for inc in result.get("incidents", []):
        roles["attacker"] += [item(t) for t in inc.get("attackers") or []]
        roles["target"] += [item(t) for t in (inc.get("targets") or []) + (inc.get("victims") or [])]
        roles["victim"] += [item(t) for t in inc.get("victims") or []]
        if (inc.get("place") or {}).get("name"):
            roles["place"].append(item(inc["place"]["name"]))
        roles["weapon"] += [item(t) for t in inc.get("weapons") or []]
    actors = {a["id"]: a for a in result.get("actors", [])}
    for st in result.get("statements", []):
        if st.get("relation") in CLAIM_RELATIONS and st.get("polarity") == "positive" and st.get("subject"):
            actor = actors.get(st["subject"]) or {"name": st["subject"].replace("_", " "), "aliases": []}
            roles["attacker"].append(item(actor["name"], *actor.get("aliases", [])))
    return {role: dedupe(items) for role, items in roles.items()}


def match(gold: Iterable[str], predicted: list[Item]) -> list[tuple[str, Item]]:
    """A largest one-to-one matching of gold heads to predicted items (augmenting paths)."""
    gold = list(gold)
    pairs = max_matching(len(gold), len(predicted), lambda g, p: gold[g] in predicted[p].heads)
    return [(gold[g], predicted[p]) for g, p in sorted(pairs.items())]


@dataclass
class Counts:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_document(gold: dict[str, dict[str, str]], predicted: dict[str, list[Item]]) -> dict[str, Counts]:
    return {
        role: Counts(len(match(gold[role], predicted[role])), len(predicted[role]), len(gold[role]))
        for role in ROLES
    }


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Counts]:
    """Totals per role and "micro" over MICRO_ROLES, from (gold, predicted) pairs of documents."""
    totals = {role: Counts() for role in (*ROLES, "micro")}
    for gold, predicted in pairs:
        for role, counts in score_document(gold, predicted).items():
            totals[role].add(counts)
            if role in MICRO_ROLES:
                totals["micro"].add(counts)
    return totals


def article_text(doc: dict) -> str:
    """The article as claimgraph reads it: the corpus's sentences, one per line.

    The corpus's ``text`` field runs its sentences together with nothing between them ("members.Six
    American", "e-mail.==Attack==A suicide bomber"), while the sentences' own offsets leave one
    character between each. Fed as it is, a name at a sentence end merges with the next word ("ETA.=="),
    so the sentences are rejoined with a line break, which also keeps wiki headings and list items
    apart from the prose around them.
    """
    sentences = [text.strip() for _, text in doc.get("sentences") or []]
    return "\n".join(s for s in sentences if s) or doc["text"]


def run_claimgraph(docs: list[dict], tagger: bool = True) -> dict[str, dict]:
    """One `claimgraph extract --jsonl` run over the documents (with the span tagger unless told not
    to): result per doc_id."""
    return extract_jsonl(({"id": doc["doc_id"], "text": article_text(doc)} for doc in docs), tagger=tagger)[0]


def _errors(role: str, rows: list[tuple[str, dict, dict]]) -> Iterable[str]:
    """Gold and predicted fillers of one role per document; matched ones marked with '='."""
    yield f"--- {role}"
    for doc_id, gold, predicted in rows:
        if not gold[role] and not predicted[role]:
            continue
        pairs = match(gold[role], predicted[role])
        hit_gold = {g for g, _ in pairs}
        hit_pred = {id(p) for _, p in pairs}
        golds = [("=" if h in hit_gold else "-") + gold[role][h] for h in gold[role]]
        preds = [("=" if id(p) in hit_pred else "+") + p.text for p in predicted[role]]
        yield f"{doc_id}\n  gold: {', '.join(golds) or '(none)'}\n  pred: {', '.join(preds) or '(none)'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA, help="WikiEvents JSONL")
    parser.add_argument("--errors", type=int, default=0, help="show gold vs predicted for the N worst roles")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--rules", action="store_true", help="run without the span tagger (rules only)")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    docs = docs[: args.limit] if args.limit else docs
    results = run_claimgraph(docs, tagger=not args.rules)

    rows, pronouns = [], 0
    for doc in docs:
        gold, skipped = gold_roles(doc)
        pronouns += skipped
        rows.append((doc["doc_id"], gold, predicted_roles(results.get(doc["doc_id"], {}))))
    totals = score((gold, predicted) for _, gold, predicted in rows)

    if args.errors:
        worst = sorted((r for r in ROLES if totals[r].gold), key=lambda r: totals[r].f1)
        for role in worst[: args.errors]:
            print("\n".join(_errors(role, rows)))
        print()
    missing = sum(doc["doc_id"] not in results for doc in docs)
    mode = "rules only (--rules)" if args.rules else "with the span tagger"
    print(
        f"documents {len(docs)} (no result: {missing}); pronoun arguments left out: {pronouns}; mode: {mode}"
    )
    print(f"{'role':<10}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for role in (*ROLES, "micro"):
        c = totals[role]
        print(
            f"{role:<10}{c.gold:>6}{c.predicted:>6}{c.matched:>7}"
            f"{100 * c.precision:>8.1f}{100 * c.recall:>8.1f}{100 * c.f1:>8.1f}"
        )


if __name__ == "__main__":
    main()
