"""Attribution relations (source, cue, content) of `claimgraph extract --jsonl` scored against PolNeAR.

Runs the real command line once over the articles (one annotator per article: the first line of each
filename), then scores each role separately, as attribution-extraction papers do (PARC, PolNeAR,
Citron's metrics): precision, recall and F1 over spans, one span per attribution and role,

- exact: the same span once punctuation and whitespace are trimmed at both ends;
- overlap: any character overlap;

both with one-to-one matching, greedy by largest overlap. A discontinuous gold span (a content split
by ``he said``) counts as the span from its first start to its last end. Implicit gold sources (empty)
are not gold sources; predicted null sources are not predictions. A relation matches when both its
cue and its content overlap (same one-to-one matching). Reference figures are printed last.

The command runs with the span tagger (``claimgraph extract --tagger``) unless ``--rules`` is given.
The tagger was trained on the "train" fold only (``polnear_fold`` in bench/common.py), so the headline
figure is on ``--fold heldout`` (the default); figures on ``--fold train`` are on seen data.

    .venv/bin/python bench/polnear.py [--fold heldout|train|all] [--rules] [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from common import extract_jsonl, polnear_fold  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
ROLES = ("source", "cue", "content")
REFERENCE = (
    "Citron (PARC 3.0 test) exact F1: cue 82.3, source 82.0, content 59.3; "
    "overlap F1: cue 76.8, source 85.3, content 83.3"
)

Span = tuple[int, int]


# --- scoring (pure; tests/test_bench_polnear.py) ------------------------------------------------------


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(text: str, span: Span) -> Span:
    """``span`` without punctuation and whitespace at either end, so ``“Yes.”`` equals ``Yes``.

    A span that is nothing but punctuation (a colon used as a cue) is kept as it is.
    """
    start, end = span
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return (start, end) if start < end else span


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def assign(candidates: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs from ``(weight, gold, pred)`` candidates, heaviest first."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def match_spans(gold: list[Span], pred: list[Span], *, exact: bool) -> list[tuple[int, int]]:
    """Matched (gold index, pred index) pairs: equal spans if ``exact``, else any overlap.

    Spans are expected trimmed already (see ``trim``).
    """
    candidates = []
    for g, gs in enumerate(gold):
        for p, ps in enumerate(pred):
            shared = overlap(gs, ps)
            if shared and (not exact or gs == ps):
                candidates.append((shared, g, p))
    return assign(candidates)


def match_relations(gold: list[tuple[Span, Span]], pred: list[tuple[Span, Span]]) -> list[tuple[int, int]]:
    """Matched (gold, pred) relations: cue overlaps AND content overlaps, greedy by total overlap."""
    candidates = []
    for g, (g_cue, g_content) in enumerate(gold):
        for p, (p_cue, p_content) in enumerate(pred):
            cue, content = overlap(g_cue, p_cue), overlap(g_content, p_content)
            if cue and content:
                candidates.append((cue + content, g, p))
    return assign(candidates)


@dataclass
class Score:
    """True positives against the number of predicted and gold items."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Relation:
    """One attribution reduced to a span per role (None: implicit or absent)."""

    source: Span | None
    cue: Span | None
    content: Span | None
    split_content: bool = False

    def role(self, name: str) -> Span | None:
        return getattr(self, name)


def gold_span(parts: list[dict]) -> Span | None:
    """A PolNeAR role (a list of parts) as one span, first start to last end; None if empty."""
    if not parts:
        return None
    return min(p["start"] for p in parts), max(p["end"] for p in parts)


@dataclass
class DocResult:
    """What one document contributes: per-role matches, for the totals and the error report."""

    doc: str
    text: str
    gold: dict[str, list[Span]] = field(default_factory=dict)
    pred: dict[str, list[Span]] = field(default_factory=dict)
    exact: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    loose: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    relations: tuple[int, int, int] = (0, 0, 0)
    pairs: list[tuple[Relation, Relation]] = field(default_factory=list)
    split: set[Span] = field(default_factory=set)


def score_document(doc: str, text: str, gold: list[Relation], pred: list[Relation]) -> DocResult:
    """Match one document's predicted relations against its gold ones, role by role."""
    result = DocResult(doc, text)
    for role in ROLES:
        g = [trim(text, s) for r in gold if (s := r.role(role)) is not None]
        p = [trim(text, s) for r in pred if (s := r.role(role)) is not None]
        result.gold[role], result.pred[role] = g, p
        result.exact[role] = match_spans(g, p, exact=True)
        result.loose[role] = match_spans(g, p, exact=False)
    result.split = {trim(text, r.content) for r in gold if r.split_content and r.content}
    g_rel = [r for r in gold if r.cue and r.content]
    p_rel = [r for r in pred if r.cue and r.content]
    pairs = match_relations([(r.cue, r.content) for r in g_rel], [(r.cue, r.content) for r in p_rel])
    result.relations = (len(pairs), len(p_rel), len(g_rel))
    result.pairs = [(g_rel[g], p_rel[p]) for g, p in pairs]
    return result


def totals(results: list[DocResult]) -> dict[str, Score]:
    """Micro-averaged scores: ``<role>/exact``, ``<role>/overlap`` and ``relation``."""
    scores: dict[str, Score] = {}
    for role in ROLES:
        for mode, matches in (("exact", "exact"), ("overlap", "loose")):
            score = scores.setdefault(f"{role}/{mode}", Score())
            for r in results:
                score.add(len(getattr(r, matches)[role]), len(r.pred[role]), len(r.gold[role]))
    rel = scores.setdefault("relation", Score())
    for r in results:
        rel.add(*r.relations)
    return scores


# --- corpus and command line ---------------------------------------------------------------------------


def load_articles(path: Path, limit: int | None, compartment: str | None, fold: str = "all") -> list[dict]:
    """The first annotation of each article with text, in file order, from ``fold`` (or all folds)."""
    seen: set[str] = set()
    rows: list[dict] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["filename"] in seen or not row.get("text"):
                continue
            seen.add(row["filename"])
            if compartment and row["compartment"] != compartment:
                continue
            if fold != "all" and polnear_fold(row["filename"]) != fold:
                continue
            rows.append(row)
            if limit and len(rows) == limit:
                break
    return rows


def offset_map(original: str) -> tuple[str, list[int]]:
    """The text the readers analyse (``\\r\\n`` made ``\\n``) and, per index, its index in ``original``."""
    analysed: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(original):
        if original.startswith("\r\n", i):
            i += 1
        analysed.append(original[i])
        where.append(i)
        i += 1
    where.append(len(original))
    return "".join(analysed), where


def run_claimgraph(rows: list[dict], tagger: bool) -> tuple[dict[str, dict], str, float]:
    """One ``claimgraph extract --jsonl`` run (``--tagger`` if asked): results by id, stderr, seconds."""
    return extract_jsonl(
        ({"id": row["filename"], "text": row["text"], "published": row["publication_date"]} for row in rows),
        tagger=tagger,
    )


def predicted(result: dict | None, original: str, counts: Counter) -> list[Relation]:
    """Predicted relations with offsets into ``original``; spans whose text does not line up are dropped."""
    if result is None:
        return []
    analysed, where = offset_map(original)
    relations = []
    for attribution in result.get("attributions", []):
        spans: dict[str, Span | None] = {}
        for role in ROLES:
            part = attribution.get(role)
            if part is None:
                spans[role] = None
                continue
            counts["spans"] += 1
            if analysed[part["start"] : part["end"]] != part["text"]:
                counts["misaligned"] += 1
                spans[role] = None
                continue
            spans[role] = (where[part["start"]], where[part["end"]])
        relations.append(Relation(**spans))
    return relations


def gold_relations(row: dict) -> list[Relation]:
    return [
        Relation(*(gold_span(a[role]) for role in ROLES), split_content=len(a["content"]) > 1)
        for a in row["attributions"]
    ]


# --- report --------------------------------------------------------------------------------------------


def print_table(scores: dict[str, Score]) -> None:
    print(f"{'role':<9}{'mode':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>8}{'pred':>8}{'gold':>8}")
    for key, s in scores.items():
        role, _, mode = key.partition("/")
        mode = mode or "overlap"
        row = f"{role:<9}{mode:<9}{100 * s.precision:7.1f}{100 * s.recall:7.1f}{100 * s.f1:7.1f}"
        print(f"{row}{s.tp:8d}{s.pred:8d}{s.gold:8d}")
    print("relation: a gold and a predicted attribution whose cues overlap and whose contents overlap")


def _context(text: str, span: Span, width: int = 60) -> str:
    start, end = span
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"…{left}[[{text[start:end]}]]{right}…".split())


def _words(text: str, span: Span) -> str:
    return " ".join(text[span[0] : span[1]].lower().split())


def _unmatched(results: list[DocResult], role: str) -> Iterator[tuple[DocResult, str, int]]:
    """(document, 'missed'|'spurious', index) for every gold or predicted span without an exact match."""
    for r in results:
        gold_hit = {g for g, _ in r.exact[role]}
        pred_hit = {p for _, p in r.exact[role]}
        for g in range(len(r.gold[role])):
            if g not in gold_hit:
                yield r, "missed", g
        for p in range(len(r.pred[role])):
            if p not in pred_hit:
                yield r, "spurious", p


def boundary_breakdown(results: list[DocResult], role: str) -> Counter:
    """Gold spans by outcome: exact, overlap only (prediction longer/shorter/shifted), or no overlap."""
    counts: Counter = Counter()
    for r in results:
        exact = {g for g, _ in r.exact[role]}
        loose = dict(r.loose[role])
        for g, gs in enumerate(r.gold[role]):
            if g in exact:
                counts["exact"] += 1
            elif g not in loose:
                counts["no overlap (missed)"] += 1
            else:
                ps = r.pred[role][loose[g]]
                if ps[0] <= gs[0] and ps[1] >= gs[1]:
                    counts["predicted too long"] += 1
                elif ps[0] >= gs[0] and ps[1] <= gs[1]:
                    counts["predicted too short"] += 1
                else:
                    counts["shifted (crossing)"] += 1
        counts["predicted, no overlap (spurious)"] += len(r.pred[role]) - len(loose)
    return counts


def source_in_relations(results: list[DocResult]) -> Counter:
    """Within relations matched on cue and content: how the predicted source compares with gold."""
    counts: Counter = Counter()
    for r in results:
        for gold, pred in r.pairs:
            g = trim(r.text, gold.source) if gold.source else None
            p = trim(r.text, pred.source) if pred.source else None
            if g is None and p is None:
                counts["both implicit/null"] += 1
            elif g is None:
                counts["gold implicit, predicted a source"] += 1
            elif p is None:
                counts["gold source, predicted null"] += 1
            elif g == p:
                counts["exact"] += 1
            elif overlap(g, p):
                counts["overlap only"] += 1
            else:
                counts["different source"] += 1
    return counts


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(s[0] <= span[0] and span[1] <= s[1] for s in spans)


def _top(counter: Counter, n: int = 20) -> str:
    return ", ".join(f"{k!r} {v}" for k, v in counter.most_common(n)) or "none"


def cue_errors(results: list[DocResult]) -> dict[str, Counter]:
    """Cue words missed or spurious (no overlap at all), split by where they sit, and cue boundary pairs.

    PolNeAR is univocal (a token has one role in one attribution), so an attribution nested inside
    another's content is never annotated: a predicted cue inside a gold content is such a case.
    """
    kinds = (
        "missed, inside a predicted content",
        "missed, elsewhere",
        "spurious, the cue span of another prediction (one quote split in two)",
        "spurious, inside a gold content",
        "spurious, elsewhere",
        "boundary (gold -> predicted)",
    )
    out: dict[str, Counter] = {kind: Counter() for kind in kinds}
    for r in results:
        pairs = r.loose["cue"]
        exact = set(r.exact["cue"])
        gold_hit, pred_hit = {g for g, _ in pairs}, {p for _, p in pairs}
        for g, span in enumerate(r.gold["cue"]):
            if g not in gold_hit:
                where = "inside a predicted content" if _inside(span, r.pred["content"]) else "elsewhere"
                out[f"missed, {where}"][_words(r.text, span)] += 1
        shared = Counter(r.pred["cue"])
        for p, span in enumerate(r.pred["cue"]):
            if p in pred_hit:
                continue
            if shared[span] > 1:
                where = "the cue span of another prediction (one quote split in two)"
            elif _inside(span, r.gold["content"]):
                where = "inside a gold content"
            else:
                where = "elsewhere"
            out[f"spurious, {where}"][_words(r.text, span)] += 1
        for g, p in pairs:
            if (g, p) not in exact:
                pair = f"{_words(r.text, r.gold['cue'][g])} -> {_words(r.text, r.pred['cue'][p])}"
                out["boundary (gold -> predicted)"][pair] += 1
    return out


def content_errors(results: list[DocResult]) -> Counter:
    """Why overlapping contents are not exact: which end is off, and whether gold was discontinuous."""
    counts: Counter = Counter()
    for r in results:
        exact = set(r.exact["content"])
        for g, p in r.loose["content"]:
            if (g, p) in exact:
                continue
            gs, ps = r.gold["content"][g], r.pred["content"][p]
            if gs in r.split:
                counts["gold discontinuous (first start to last end)"] += 1
                continue
            counts[
                "starts too late" if ps[0] > gs[0] else "starts too early" if ps[0] < gs[0] else "start ok"
            ] += 1
            counts["ends too early" if ps[1] < gs[1] else "ends too late" if ps[1] > gs[1] else "end ok"] += 1
    return counts


def print_examples(results: list[DocResult], n: int) -> None:
    """``n`` missed and ``n`` spurious spans per role (no exact match), with context and the near miss."""
    rng = random.Random(0)
    for role in ROLES:
        errors = list(_unmatched(results, role))
        for kind in ("missed", "spurious"):
            every = [e for e in errors if e[1] == kind]
            chosen = rng.sample(every, min(n, len(every)))
            print(f"\n{role} {kind} (no exact match), {len(chosen)} of {len(every)}:")
            for r, _, i in chosen:
                span = (r.gold if kind == "missed" else r.pred)[role][i]
                other = (r.pred if kind == "missed" else r.gold)[role]
                print(f"  {r.doc[:40]}: {_context(r.text, span)}")
                near = [s for s in other if overlap(s, span)]
                if near:
                    label = "predicted" if kind == "missed" else "gold"
                    print(f"    ~ {label}: " + " ".join(r.text[near[0][0] : near[0][1]].split())[:240])


def print_errors(results: list[DocResult], n: int) -> None:
    """Error types with counts, then examples per role."""
    print("\nerror types (gold spans by outcome; spurious = predicted spans overlapping no gold):")
    for role in ROLES:
        print(
            f"  {role}: " + ", ".join(f"{k} {v}" for k, v in boundary_breakdown(results, role).most_common())
        )
    print("  source within relations matched on cue+content: " + _top(source_in_relations(results)))
    print("  content not exact but overlapping: " + _top(content_errors(results)))
    for kind, counter in cue_errors(results).items():
        print(f"  cue {kind} ({sum(counter.values())}): {_top(counter)}")
    print_examples(results, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=POLNEAR, help="PolNeAR JSONL (train.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--compartment", default="train", help="compartment to use ('' for all)")
    parser.add_argument("--errors", type=int, default=0, help="print error types and N examples per role")
    parser.add_argument(
        "--fold",
        choices=("heldout", "train", "all"),
        default="heldout",
        help="articles the tagger never saw (heldout, the default), those it was trained on, or all",
    )
    parser.add_argument("--rules", action="store_true", help="rules only: run without the span tagger")
    args = parser.parse_args()

    rows = load_articles(args.data, args.limit, args.compartment or None, args.fold)
    if not rows:
        sys.exit(f"no articles in {args.data} (compartment {args.compartment!r}, fold {args.fold})")
    results, stderr, seconds = run_claimgraph(rows, tagger=not args.rules)
    counts: Counter = Counter()
    scored = [
        score_document(
            row["filename"],
            row["text"],
            gold_relations(row),
            predicted(results.get(row["filename"]), row["text"], counts),
        )
        for row in rows
    ]
    skipped = [row["filename"] for row in rows if row["filename"] not in results]
    words = sum(len(row["text"].split()) for row in rows)
    mode = "rules only" if args.rules else "span tagger (--tagger)"
    seen = (
        " (seen in training: not a fair test of the tagger)"
        if args.fold != "heldout" and not args.rules
        else ""
    )
    print(f"fold {args.fold}, {mode}{seen}")
    print(f"{len(rows)} articles, {words} words, claimgraph extract --jsonl in {seconds:.1f} s")
    if skipped:
        print(f"{len(skipped)} articles got no result (scored as all missed); claimgraph said:")
        for line in stderr.strip().splitlines()[:5]:
            print(f"  {line}")
    if counts["misaligned"]:
        print(
            f"WARNING: {counts['misaligned']} of {counts['spans']} predicted spans do not line up (dropped)"
        )
    print(
        "discontinuous gold spans count from first start to last end; implicit gold sources are not scored\n"
    )
    print(f"fold {args.fold}, {mode}")
    print_table(totals(scored))
    if args.errors:
        print_errors(scored, args.errors)
    print(f"\nreference: {REFERENCE}")


if __name__ == "__main__":
    main()
