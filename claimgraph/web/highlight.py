"""The article cut into runs of text, each with the marks over it (statements, attributions, mentions).

Spans overlap (a statement's evidence sits inside an attribution's content), so the text is cut at every
span boundary and each run carries all the marks that cover it; the template writes one <span> per run.
Pure: text and marks in, runs out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import Attribution, Span, Statement


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    classes: tuple[str, ...]
    statement: str | None = None
    title: str = ""


@dataclass
class Run:
    text: str
    start: int
    classes: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    target: bool = False


def statement_mark(st: Statement, subject: str) -> Mark:
    who = st.source.name or ("the author" if st.source.kind == "author" else st.source.kind)
    neg = " (negated)" if st.polarity == "negative" else ""
    title = f"{who} [{st.source.kind}]: {st.relation}{neg} — {subject} — {st.certainty}"
    classes = ("st", f"k-{st.source.kind}", f"r-{st.relation}") + (("neg",) if neg else ())
    return Mark(st.start, st.end, classes, st.id, title)


def attribution_marks(a: Attribution) -> list[Mark]:
    marks = [Mark(a.content.start, a.content.end, ("a-content",)),
             Mark(a.cue.start, a.cue.end, ("a-cue",), title=f"cue: {a.cue.text}")]  # fmt: skip
    if a.source is not None:
        marks.append(Mark(a.source.start, a.source.end, ("a-source",), title=f"source: {a.source.text}"))
    return marks


def mention_marks(spans: list[Span], incident: str) -> list[Mark]:
    return [Mark(s.start, s.end, ("mention",), title=f"incident {incident[:8]}") for s in spans]


def runs(text: str, marks: list[Mark], target: tuple[int, int] | None = None) -> list[Run]:
    """``text`` cut at every mark boundary; ``target`` (a linked sentence) is flagged on its runs."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = {0, n} | {m.start for m in marks} | {m.end for m in marks}
    if target and 0 <= target[0] < target[1] <= n:
        cuts |= set(target)
    else:
        target = None
    edges = sorted(cuts)
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        run = Run(text[a:b], a, target=bool(target and target[0] <= a and b <= target[1]))
        for m in marks:
            if m.start <= a and b <= m.end:
                run.classes += [c for c in m.classes if c not in run.classes]
                if m.statement and m.statement not in run.statements:
                    run.statements.append(m.statement)
                if m.title and m.title not in run.titles:
                    run.titles.append(m.title)
        out.append(run)
    return out
