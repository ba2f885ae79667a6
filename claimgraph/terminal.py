"""Terminal views of the ledger: Rich tables and trees for `incidents`, `show` and `ach`.

They build renderables and return them; printing stays in ``cli.py``.
"""

from __future__ import annotations

import csv
import io
import re

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from claimgraph.analysis.ach import Matrix
from claimgraph.analysis.board import Board, Entry, build_board, by_source_kind
from claimgraph.ledger import Ledger
from claimgraph.model import Actor, Document, Figure, Incident, Span, Statement
from claimgraph.resolve import MergedIncident


def document_label(doc: Document) -> str:
    return doc.path or doc.title or doc.id[:12]


def figure_text(fig: Figure | None) -> str:
    if fig is None:
        return ""
    if fig.min is None and fig.max is None:
        return fig.qualifier or "?"
    number = f"{fig.min}–{fig.max}" if fig.min is not None and fig.max not in (None, fig.min) else None
    number = number or str(fig.min if fig.min is not None else fig.max)
    return f"{fig.qualifier} {number}" if fig.qualifier else number


def incident_boards(ledger: Ledger, incidents: list[Incident]) -> list[Board]:
    actors: dict[str, Actor] = {a.id: a for a in ledger.actors()}
    by_incident: dict[str, list[Statement]] = {}
    for st in ledger.statements():
        by_incident.setdefault(st.object.get("incident") or "", []).append(st)
    return [build_board(i, by_incident.get(i.id, []), actors) for i in incidents]


def incident_table(boards: list[Board]) -> Table:
    table = Table(title="Incidents", show_lines=False)
    for name in ("id", "date", "place", "country", "type", "killed", "wounded"):
        table.add_column(name, no_wrap=name in ("id", "date", "country"))
    table.add_column("candidate perpetrators")
    for board in boards:
        inc = board.incident
        cands = "; ".join(f"{c.name} ({', '.join(c.markers)})" for c in board.candidates)
        table.add_row(
            inc.id[:8],
            when_text(inc),
            inc.place.name if inc.place else "",
            (inc.place.country or "") if inc.place else "",
            inc.type,
            figure_text(inc.killed),
            figure_text(inc.wounded),
            cands,
        )
    return table


def in_context(doc: Document | None, span: Span, width: int = 40) -> tuple[tuple[str, str], ...]:
    """The mention in bold with a little text either side, so "attack" says which attack."""
    if doc is None:
        return (("(document not in the ledger)", "dim"),)
    flat = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    before = flat(doc.text[max(0, span.start - width) : span.start])
    after = flat(doc.text[span.end : span.end + width])
    mention = flat(doc.text[span.start : span.end])
    return (("…" + before, "dim"), (mention, "bold"), (after + "…", "dim"))


def when_text(inc: Incident) -> str:
    """The date only as precise as the text was: a month is 2021-08, not 2021-08-01."""
    if inc.date is None:
        return ""
    cut = {"year": 4, "month": 7}.get(inc.date_precision or "day", 10)
    return inc.date.isoformat()[:cut]


def facts_tree(inc: Incident, ledger: Ledger) -> Tree:
    tree = Tree(Text(f"{inc.type} · incident {inc.id}", style="bold"))
    when = f"{when_text(inc)} ({inc.date_precision or 'day'})" if inc.date else "unknown"
    place = "unknown"
    if inc.place:
        place = inc.place.name + (f", {inc.place.country}" if inc.place.country else "")
        if inc.place.lat is not None and inc.place.lon is not None:
            place += f" ({inc.place.lat:.3f}, {inc.place.lon:.3f})"
    rows = [("date", when), ("place", place), ("killed", figure_text(inc.killed) or "not reported"),
            ("wounded", figure_text(inc.wounded) or "not reported")]  # fmt: skip
    for name in ("attackers", "targets", "victims", "weapons"):
        if getattr(inc, name):
            rows.append((name, ", ".join(getattr(inc, name))))
    for name, value in rows:
        tree.add(Text.assemble((f"{name}: ", "bold"), value))
    sources = tree.add(Text("reported in", style="bold"))
    by_doc: dict[str, list[Span]] = {}
    for span in inc.mentions:
        by_doc.setdefault(span.document, []).append(span)
    for doc_id, spans in by_doc.items():
        doc = ledger.document(doc_id)
        head = Text(document_label(doc) if doc else doc_id[:12])
        if doc and doc.published:
            head.append(f" ({doc.published.isoformat()})")
        node = sources.add(head)
        for span in spans:
            node.add(Text.assemble(f"[{span.start}:{span.end}] ", *in_context(doc, span)))
    return tree


def entry_text(e: Entry) -> Text:
    who = e.source_name or ("the author" if e.source_kind == "author" else "(unnamed)")
    if e.source_title:
        who += f", {e.source_title}"
    head = f"[{e.certainty}] {who}"
    if e.cue:
        head += f" — {e.cue!r}"
    head += f" — {e.quote} quote" if e.quote != "none" else ""
    if e.polarity == "negative":
        head += f" — negative {e.relation}"
    return Text.assemble((head, "bold"), "\n", (e.sentence.strip(), "dim"))


def board_tree(board: Board) -> Tree:
    tree = Tree(Text("attribution board", style="bold"))
    flags = tree.add(Text("flags", style="bold"))
    for flag in board.flags or ["none"]:
        flags.add(Text(flag, style="yellow" if board.flags else "dim"))
    if not board.candidates:
        tree.add(Text("no one is said to have claimed, done or denied it", style="dim"))
    for cand in board.candidates:
        label = Text.assemble((cand.name, "bold cyan"), f" [{cand.actor}] ", ", ".join(cand.markers))
        if cand.flags:
            label.append(f"  ⚑ {'; '.join(cand.flags)}", style="yellow")
        node = tree.add(label)
        for section, entries in (("claims", cand.claims), ("allegations", cand.allegations),
                                 ("denials", cand.denials)):  # fmt: skip
            if not entries:
                continue
            sec = node.add(Text(section, style="bold"))
            for kind, group in by_source_kind(entries).items():
                kind_node = sec.add(Text(f"by {kind}", style="magenta"))
                for e in group:
                    kind_node.add(entry_text(e))
    return tree


def timeline_tree(merged: MergedIncident, ledger: Ledger) -> Tree:
    """The toll as it was reported, day by day and outlet by outlet, and which reports gave each fact."""
    tree = Tree(Text("casualty timeline", style="bold"))
    if not merged.timeline:
        tree.add(Text("no figures reported", style="dim"))
    for t in merged.timeline:
        doc = ledger.document(t.document)
        who = t.outlet or (document_label(doc) if doc else t.document[:12])
        day = t.published.isoformat() if t.published else "undated"
        tree.add(Text.assemble((f"{day} ", "bold"), f"{t.field} {figure_text(t.figure)} — {who}"))
    if len(merged.members) > 1:
        prov = tree.add(Text(f"merged from {len(merged.members)} reports", style="bold"))
        for name, docs in merged.provenance.items():
            prov.add(f"{name}: " + ", ".join(d[:8] for d in docs))
    return tree


def ach_csv(matrix: Matrix) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    head = ["statement", "document", "source_kind", "source_name", "relation", "subject", "polarity",
            "certainty", "reliability", "credibility", "weight"]  # fmt: skip
    writer.writerow(head + matrix.hypotheses)
    for r in matrix.rows:
        st = r.statement
        writer.writerow([st.id, st.document, st.source.kind, st.source.name or "", st.relation, st.subject,
                         st.polarity, st.certainty, r.grade.reliability, r.grade.credibility,
                         f"{r.weight:.4f}", *(r.cells[h] for h in matrix.hypotheses)])  # fmt: skip
    scores = matrix.inconsistency()
    writer.writerow(
        ["inconsistency", *[""] * (len(head) - 1), *(f"{scores[h]:.4f}" for h in matrix.hypotheses)]
    )
    return buf.getvalue()


def ach_table(matrix: Matrix) -> Table:
    mark = {"consistent": "C", "inconsistent": "I", "neutral": "-"}
    table = Table(
        title=f"ACH · incident {matrix.incident.id}  (C consistent, I inconsistent, * set by analyst)"
    )
    for name in ("statement", "source", "says", "grade", "weight"):
        table.add_column(name, no_wrap=name in ("statement", "grade"))
    for h in matrix.hypotheses:
        table.add_column(matrix.names.get(h, h), justify="center")
    for r in matrix.rows:
        st = r.statement
        who = st.source.name or st.source.kind
        says = f"{st.relation} {st.subject}" + (" (negated)" if st.polarity == "negative" else "")
        cells = [mark[r.cells[h]] + ("*" if h in r.edited else "") for h in matrix.hypotheses]
        table.add_row(st.id, who, f"{says} [{st.certainty}]", r.grade.code, f"{r.weight:.2f}", *cells)
    scores = matrix.inconsistency()
    table.add_row("", "", Text("weighted inconsistency", style="bold"), "", "",
                  *(f"{scores[h]:.2f}" for h in matrix.hypotheses))  # fmt: skip
    return table
