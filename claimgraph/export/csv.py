"""CSV exports for pandas and R: one row per statement, and one row per incident with GTD-like columns.

Column names are stable (tests and notebooks read them). Cells hold plain values only: figures as
numbers, lists joined with "; ", whitespace in sentences collapsed so a row stays one line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from claimgraph.analysis.board import build_board
from claimgraph.model import Extraction, Figure, Incident, Statement

STATEMENT_COLUMNS = (
    "incident_id", "date", "country", "place", "type", "killed_min", "killed_max", "relation",
    "subject", "source_kind", "source_name", "certainty", "polarity", "quote", "sentence",
)  # fmt: skip
# Named after the Global Terrorism Database where a column means the same thing (iyear, nkill, ...).
INCIDENT_COLUMNS = (
    "incident_id", "date", "date_precision", "iyear", "imonth", "iday", "country", "city", "latitude",
    "longitude", "type", "killed_min", "killed_max", "killed_qualifier", "wounded_min", "wounded_max",
    "wounded_qualifier", "perpetrators", "claimed_by", "alleged_by", "denied_by", "attackers", "targets",
    "weapons", "sources", "statements",
)  # fmt: skip


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _num(value: int | float | None) -> object:
    return "" if value is None else value


def _fig(fig: Figure | None) -> tuple[object, object, str]:
    if fig is None:
        return "", "", ""
    return _num(fig.min), _num(fig.max), fig.qualifier or ""


def statements_csv(extraction: Extraction) -> str:
    """One row per statement, with the facts of the incident it is about."""
    incidents = {i.id: i for i in extraction.incidents}
    rows = []
    for st in extraction.statements:
        inc = incidents.get(st.object.get("incident") or "")
        place, killed = (inc.place, inc.killed) if inc else (None, None)
        rows.append([
            inc.id if inc else "", inc.date.isoformat() if inc and inc.date else "",
            (place.country or "") if place else "", place.name if place else "", inc.type if inc else "",
            "" if killed is None or killed.min is None else killed.min,
            "" if killed is None or killed.max is None else killed.max,
            st.relation, st.subject, st.source.kind, st.source.name or "", st.certainty, st.polarity,
            st.quote, " ".join(st.sentence.split()),
        ])  # fmt: skip
    return _table(STATEMENT_COLUMNS, rows)


def _date_parts(inc: Incident) -> tuple[object, object, object]:
    """GTD's iyear/imonth/iday, with 0 for a part the text did not give (as GTD does)."""
    if inc.date is None:
        return "", "", ""
    precision = inc.date_precision or "day"
    month = inc.date.month if precision in ("day", "month") else 0
    day = inc.date.day if precision == "day" else 0
    return inc.date.year, month, day


def incident_row(inc: Incident, statements: list[Statement], names: dict[str, str]) -> list[object]:
    """The GTD-like row of one incident; perpetrators carry claimed / alleged / denied markers."""
    board = build_board(inc, statements, {})
    label = lambda c: names.get(c.actor, c.name)  # noqa: E731
    perps = "; ".join(f"{label(c)} [{', '.join(c.markers)}]" for c in board.candidates)
    about = [s for s in statements if s.object.get("incident") == inc.id]
    docs = {m.document for m in inc.mentions} | {s.document for s in about}
    place = inc.place
    return [
        inc.id, inc.date.isoformat() if inc.date else "", inc.date_precision or "", *_date_parts(inc),
        (place.country or "") if place else "", place.name if place else "",
        _num(place.lat) if place else "", _num(place.lon) if place else "", inc.type,
        *_fig(inc.killed), *_fig(inc.wounded), perps,
        "; ".join(label(c) for c in board.candidates if c.claims),
        "; ".join(label(c) for c in board.candidates if c.allegations),
        "; ".join(label(c) for c in board.candidates if c.denials),
        "; ".join(inc.attackers), "; ".join(inc.targets), "; ".join(inc.weapons), len(docs), len(about),
    ]  # fmt: skip


def incidents_csv(extraction: Extraction) -> str:
    """One row per incident (merged across documents when the extraction comes from the ledger)."""
    names = {a.id: a.name for a in extraction.actors}
    by_incident: dict[str, list[Statement]] = {}
    for st in extraction.statements:
        by_incident.setdefault(st.object.get("incident") or "", []).append(st)
    rows = [incident_row(i, by_incident.get(i.id, []), names) for i in extraction.incidents]
    return _table(INCIDENT_COLUMNS, rows)
