"""MUC-4 document-level role-filler extraction, scored as the GRIT / GTT / TempGen papers score it.

Runs the real command line (`claimgraph extract --jsonl`, one subprocess) over MUC-4 wire copy and maps
its output to the five MUC roles, per document (union over the document's incidents):
PerpInd = incident attackers; PerpOrg = subjects of positive perpetrated/claimed statements, and of
facilitated ones about an incident (an actor matches by name or any alias; MUC-4 codes who is behind an
incident, and a facilitation about none, "the U.S. keeps supplying weapons to UNITA", names a sponsor
of a group: on MUC-4 DEV with the rules, 29 of 30 such statements named no gold perpetrator), except
that a subject named by what it is, not by a name (actor kind unknown-group: "drug traffickers"), is
PerpInd, as MUC-4 keys such descriptions (PERP: INDIVIDUAL ID);
Target = incident targets; Victim = incident victims; Weapon = incident weapons.

Gold follows GRIT's preprocessing (xinyadu/grit_doc_event_entity, data/muc/scripts/preprocess.py):
entities are merged over a document's templates (a new entity whose strings are a subset or superset of
one already kept is dropped), a string counts only if it occurs in the document, and Victim is the
victim's *name* (hum_tgt_name), not its description. Two scores:

- strict: GRIT's eval.py (CEAF-REE with phi_strict): normalised strings (lower case, no punctuation,
  no articles, single spaces), predictions deduplicated, one-to-one matching of predictions to gold
  entities where a prediction matches an entity when it equals one of its strings. This is the metric
  behind the published figures.
- head: the head-noun rule of Du & Cardie (2020), made one-to-one: same string, or a shared head noun.
  Their head nouns are spaCy noun-chunk roots; here the last word of each segment between "of", "and",
  "in", ... (what those roots are on short noun phrases), so the scorer needs no model.

Documents without gold templates count their predictions as false positives. Prints example misses
(--errors N), then per-role and micro P/R/F1 for both scores. Runs with the span tagger (``--tagger``)
by default, the rules alone with --rules. The tagger's role head was trained on DEV with TST1+TST2 as
its development set: TST1+TST2 is the headline, DEV is its training data.

    .venv/bin/python bench/muc4.py ../shared/data/muc4/dev.jsonl [--split TST1,TST2|DEV|all]
        [--limit N] [--errors N] [--rules]
"""

from __future__ import annotations

import argparse
import json
import re
import string
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from common import extract_jsonl, max_matching  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "muc4" / "dev.jsonl"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
INCIDENT_FIELD = {"PerpInd": "attackers", "Target": "targets", "Victim": "victims", "Weapon": "weapons"}
PERP_RELATIONS = {"perpetrated", "claimed", "facilitated"}
REFERENCE = "GRIT 54.50 F1 (TST3+TST4), TempGen 57.76"

_PUNCT = set(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")
# Words that end one noun chunk and start another ("members OF the fmln", "dynamite AND grenades").
_CHUNK_BREAK = re.compile(r"\b(?:of|and|or|in|at|from|for|with|on|near|to|by)\b")

Alternatives = tuple[str, ...]  # one entity: its acceptable strings, normalised
Entities = Sequence[Alternatives]
Matcher = Callable[[Alternatives, Alternatives], bool]


def normalize(text: str) -> str:
    """GRIT's normalize_string: lower case, drop punctuation, then articles, then extra spaces."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


def head_nouns(norm: str) -> frozenset[str]:
    """Heads of the noun chunks of a normalised phrase: the last word of each segment."""
    return frozenset(part.split()[-1] for part in _CHUNK_BREAK.split(norm) if part.split())


def match_strict(pred: Alternatives, gold: Alternatives) -> bool:
    """GRIT's phi_strict for a one-string prediction; an actor matches by name or any alias."""
    return any(p in gold for p in pred)


def match_head(pred: Alternatives, gold: Alternatives) -> bool:
    """Du & Cardie's head-noun rule: the same string, or a shared head noun."""
    if match_strict(pred, gold):
        return True
    gold_heads = frozenset().union(*(head_nouns(g) for g in gold))
    return any(head_nouns(p) & gold_heads for p in pred)


def dedupe(preds: Iterable[Sequence[str]], by_head: bool = False) -> list[Alternatives]:
    """Normalise and drop repeats: same strings (strict), or same heads for one-string ones (head)."""
    kept: list[Alternatives] = []
    seen: set[object] = set()
    for pred in preds:
        alts = tuple(dict.fromkeys(n for n in (normalize(p) for p in pred) if n))
        if not alts:
            continue
        key: object = alts
        if by_head and len(alts) == 1 and head_nouns(alts[0]):
            key = head_nouns(alts[0])
        if key not in seen:
            seen.add(key)
            kept.append(alts)
    return kept


def one_to_one(
    preds: Sequence[Alternatives], golds: Sequence[Alternatives], match: Matcher
) -> dict[int, int]:
    """Largest one-to-one matching (gold index -> pred index), as linear_sum_assignment on 0/1 scores."""
    return max_matching(len(golds), len(preds), lambda g, p: match(preds[p], golds[g]))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_role(preds: Entities, golds: Entities, match: Matcher) -> Counts:
    tp = len(one_to_one(preds, golds, match))
    return Counts(tp, len(preds) - tp, len(golds) - tp)


def gold_entities(row: dict) -> dict[str, list[Alternatives]]:
    """Document-level gold per role, built the way GRIT's preprocess.py builds it."""
    text = normalize(row["text"])
    gold: dict[str, list[Alternatives]] = {}
    for role in ROLES:
        raw: list[set[str]] = []
        for template in row.get("gold_roles") or []:
            for entity in template.get(role) or []:
                candidate = {s.strip().lower() for s in entity}
                if not any(candidate <= kept or kept <= candidate for kept in raw):
                    raw.append(candidate)
        entities = []
        for candidate in raw:
            # GRIT keeps a string only if it is a substring of the (lower-cased) text
            alts = tuple(sorted({n for n in map(normalize, candidate) if n and n in text}))
            if alts:
                entities.append(alts)
        gold[role] = entities
    return gold


def predicted_strings(result: dict) -> dict[str, list[tuple[str, ...]]]:
    """Role fillers from one `claimgraph extract` JSON result, before normalisation."""
    preds: dict[str, list[tuple[str, ...]]] = {role: [] for role in ROLES}
    for incident in result.get("incidents") or []:
        for role, field in INCIDENT_FIELD.items():
            preds[role] += [(s,) for s in incident.get(field) or [] if s]
    actors = {a["id"]: a for a in result.get("actors") or []}
    for statement in result.get("statements") or []:
        subject = statement.get("subject")
        about_an_incident = (statement.get("object") or {}).get("incident")
        if (
            statement.get("relation") in PERP_RELATIONS
            and statement.get("polarity") == "positive"
            and subject
            and (statement["relation"] != "facilitated" or about_an_incident)
        ):
            actor = actors.get(subject, {"name": subject, "aliases": []})
            # a group named by what it is ("drug traffickers"), not by a name: MUC-4 keys such
            # descriptions as PERP: INDIVIDUAL ID
            role = "PerpInd" if actor.get("kind") == "unknown-group" else "PerpOrg"
            preds[role].append((actor["name"], *(actor.get("aliases") or [])))
    return preds


def run_claimgraph(rows: Sequence[dict], tagger: bool = True) -> dict[str, dict]:
    """One `claimgraph extract --jsonl` subprocess over the rows (with the span tagger unless told not
    to); results by document id."""
    return extract_jsonl(({"id": row["docid"], "text": row["text"]} for row in rows), tagger=tagger)[0]


def select(path: Path, split: str, limit: int | None) -> list[dict]:
    wanted = None if split.lower() == "all" else {s.strip().upper() for s in split.split(",")}
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if wanted is None or row["split"] in wanted:
                rows.append(row)
    return rows[:limit] if limit else rows


def evaluate(
    docs: Sequence[tuple[dict[str, list[Alternatives]], dict[str, list[tuple[str, ...]]]]], by_head: bool
) -> dict[str, Counts]:
    """Counts per role and "micro" over (gold, raw predictions) pairs."""
    match = match_head if by_head else match_strict
    totals = {role: Counts() for role in (*ROLES, "micro")}
    for gold, raw in docs:
        for role in ROLES:
            counts = score_role(dedupe(raw[role], by_head), gold[role], match)
            totals[role].add(counts)
            totals["micro"].add(counts)
    return totals


def show_errors(docids: Sequence[str], docs: Sequence, limit: int) -> None:
    """Up to ``limit`` documents per role with a strict miss, gold beside predictions."""
    for role in ROLES:
        print(f"== {role}: gold + strict match, ~ head-noun match only, - missed; pred ! false positive")
        shown = 0
        for docid, (gold, raw) in zip(docids, docs, strict=True):
            preds, golds = dedupe(raw[role]), gold[role]
            strict, head = one_to_one(preds, golds, match_strict), one_to_one(preds, golds, match_head)
            if len(strict) == len(preds) == len(golds):
                continue
            marks = ["+" if g in strict else "~" if g in head else "-" for g in range(len(golds))]
            gold_txt = "; ".join(f"{m}{'|'.join(alts)}" for m, alts in zip(marks, golds, strict=True))
            wrong = set(range(len(preds))) - set(strict.values())
            pred_txt = "; ".join(f"{'' if j not in wrong else '!'}{preds[j][0]}" for j in range(len(preds)))
            print(f"  {docid}  gold: {gold_txt or '(none)'}")
            print(f"  {' ' * len(docid)}  pred: {pred_txt or '(none)'}")
            shown += 1
            if shown >= limit:
                break


def print_table(title: str, totals: dict[str, Counts]) -> None:
    print(f"{title:<34}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    for key, c in totals.items():
        name = "micro (5 roles)" if key == "micro" else key
        print(
            f"  {name:<32}{100 * c.precision:7.2f}{100 * c.recall:7.2f}{100 * c.f1:7.2f}"
            f"{c.tp:6d}{c.fp:6d}{c.fn:6d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="MUC-4 JSONL")
    parser.add_argument("--split", default="TST1,TST2", help="comma-separated splits, or 'all'")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--errors", type=int, default=0, help="print N documents with misses per role")
    parser.add_argument("--rules", action="store_true", help="run without the span tagger (rules only)")
    args = parser.parse_args()

    rows = select(args.data, args.split, args.limit)
    if not rows:
        sys.exit(f"no documents of split {args.split} in {args.data}")
    results = run_claimgraph(rows, tagger=not args.rules)
    missing = [row["docid"] for row in rows if row["docid"] not in results]
    docids = [row["docid"] for row in rows]
    docs = [(gold_entities(row), predicted_strings(results.get(row["docid"], {}))) for row in rows]

    if args.errors:
        show_errors(docids, docs, args.errors)
        print()
    with_gold = sum(any(gold.values()) for gold, _ in docs)
    mode = "rules only (--rules)" if args.rules else "with the span tagger"
    print(f"split {args.split}: {len(rows)} documents, {with_gold} with gold role fillers; mode: {mode}")
    if not args.rules and any(row["split"] == "DEV" for row in rows):
        print("note: the tagger's role head was trained on DEV: DEV figures are on its training data")
    if missing:
        print(f"no result for {len(missing)} documents (scored as empty): {', '.join(missing[:5])}")
    print_table("strict (GRIT eval.py, exact)", evaluate(docs, by_head=False))
    print_table("head noun (Du & Cardie 2020)", evaluate(docs, by_head=True))
    print(f"published, for context: {REFERENCE}, strict; this run is {args.split}, not TST3+TST4")


if __name__ == "__main__":
    main()
