"""Incident merging at scale: seconds to resolve 1k, 10k and 100k synthetic incident mentions.

Synthetic, so the truth is known: each true incident (a city, a day, a type, a toll) is reported by one
to five documents, on the day or up to two days later, with the toll rising and the type sometimes
coarser ("attack") or the date only to the month. The goal of the issue: 10k mentions in under 10 s
on one core, and growth no faster than n log n (blocking by country and week, not all pairs).

    .venv/bin/python bench/merge.py [--sizes 1000 10000 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections import Counter
from datetime import date, timedelta

from claimgraph.model import Figure, Incident, Place, Span, stable_id
from claimgraph.resolve import Report, merge_incidents

TYPES = ("bombing", "suicide bombing", "armed assault", "kidnapping", "rocket attack", "arson")


def cities(rng: random.Random, countries: int = 60, per_country: int = 25) -> list[Place]:
    """Towns well apart (about 1 degree) so that distance never joins two of them."""
    out = []
    for c in range(countries):
        code = f"{chr(65 + c // 26)}{chr(65 + c % 26)}"
        for k in range(per_country):
            out.append(Place(f"Town {code}-{k}", code, float(c % 30) * 2.0, float(k) * 1.5 - 40.0))
    rng.shuffle(out)
    return out


def synthetic(n: int, seed: int = 7) -> tuple[list[Report], dict[str, int]]:
    """About ``n`` reports of n/3 true incidents over ten years; returns reports and local id -> truth."""
    rng = random.Random(seed)
    towns = cities(rng)
    start = date(2015, 1, 1)
    reports: list[Report] = []
    truth: dict[str, int] = {}
    incident = 0
    while len(reports) < n:
        incident += 1
        town = rng.choice(towns)
        day = start + timedelta(days=rng.randrange(3650))
        kind = rng.choice(TYPES)
        toll = rng.randint(1, 60)
        for r in range(rng.randint(1, 5)):
            if len(reports) >= n:
                break
            doc = stable_id("doc", seed, incident, r, length=64)
            local = stable_id("inc", doc)
            published = day + timedelta(days=r + rng.randint(0, 1))
            month = rng.random() < 0.1
            inc = Incident(
                id=local,
                type="attack" if rng.random() < 0.15 else kind,
                date=day.replace(day=1) if month else day,
                date_precision="month" if month else "day",
                place=town,
                killed=Figure(toll + 4 * r, None, "at least" if r else None),
                mentions=[Span(doc, 0, 6)],
            )
            reports.append(Report(inc, doc, published, f"Outlet {r}"))
            truth[local] = incident
    rng.shuffle(reports)
    return reports, truth


def pair_scores(links: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the merge against the true incidents."""

    def pairs(groups: Counter) -> int:
        return sum(k * (k - 1) // 2 for k in groups.values())

    predicted = pairs(Counter(links.values()))
    true = pairs(Counter(truth.values()))
    both = pairs(Counter((links[k], truth[k]) for k in truth))
    return (both / predicted if predicted else 1.0), (both / true if true else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    head = ("mentions", "incidents", "seconds", "us/(n log2 n)", "precision", "recall")
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, (9, 9, 8, 14, 9, 7), strict=True)))
    rows = []
    for n in args.sizes:
        reports, truth = synthetic(n, args.seed)
        began = time.perf_counter()
        result = merge_incidents(reports)
        seconds = time.perf_counter() - began
        precision, recall = pair_scores(result.links, truth)
        per = seconds / (n * math.log2(n)) * 1e6
        rows.append((n, seconds, per))
        line = f"{n:>9} {len(result.incidents):>9} {seconds:>8.2f} {per:>14.3f}"
        print(f"{line} {precision:>9.3f} {recall:>7.3f}")
        again = merge_incidents(list(reversed(reports)))
        assert again.links == result.links, "merging depends on input order"
    if len(rows) > 1:
        (n0, _, p0), (n1, _, p1) = rows[0], rows[-1]
        verdict = "no worse than n log n" if p1 <= 1.5 * p0 else "WORSE than n log n"
        print(f"time/(n log n) from {n0} to {n1}: x{p1 / p0:.2f} ({verdict})")
    ten_k = [s for n, s, _ in rows if n == 10000]
    if ten_k:
        print(f"10k mentions: {ten_k[0]:.2f} s (goal < 10 s: {'met' if ten_k[0] < 10 else 'MISSED'})")


if __name__ == "__main__":
    main()
