"""CSV exports on records written by hand: one row per statement, one GTD-like row per incident."""

from __future__ import annotations

import csv
import io
from datetime import date

from claimgraph.export.csv import INCIDENT_COLUMNS, STATEMENT_COLUMNS, incidents_csv, statements_csv
from claimgraph.model import Actor, Document, Extraction, Figure, Incident, Place, Source, Span, Statement


def sample() -> Extraction:
    doc = Document(text="Made-up report about an attack on a depot.", published=date(2024, 2, 3))
    place = Place("Kandahar", "AF", 31.6, 65.7)
    inc = Incident("inc1", "bombing", date(2024, 2, 1), "month", place, attackers=["gunmen"],
                   killed=Figure(5, 7, "between"), mentions=[Span(doc.id, 0, 4)])  # fmt: skip

    def st(sid: str, relation: str, subject: str, kind: str, polarity: str = "positive") -> Statement:
        source = Source(kind, f"{kind} name")
        about = {"incident": "inc1"}
        return Statement(sid, doc.id, 0, 4, "A line,\n  with spaces.", None, source, "said", relation,
                         subject, about, polarity)  # fmt: skip

    return Extraction(
        documents=[doc],
        actors=[Actor("nf", "Northern Front", "organization"), Actor("ef", "Eastern Front", "organization")],
        incidents=[inc],
        statements=[
            st("s1", "claimed", "nf", "claimant"),
            st("s2", "perpetrated", "ef", "person"),
            st("s3", "denied", "ef", "organization"),
        ],  # fmt: skip
    )


def test_incident_rows_have_gtd_like_columns():
    rows = list(csv.DictReader(io.StringIO(incidents_csv(sample()))))
    assert list(rows[0]) == list(INCIDENT_COLUMNS)
    row = rows[0]
    assert (row["iyear"], row["imonth"], row["iday"]) == ("2024", "2", "0")  # month precision: no day
    assert (row["country"], row["city"], row["killed_min"], row["killed_max"]) == ("AF", "Kandahar", "5", "7")
    assert row["perpetrators"] == "Northern Front [claimed]; Eastern Front [alleged, denied]"
    assert (row["claimed_by"], row["alleged_by"], row["denied_by"]) == ("Northern Front", "Eastern Front",
                                                                        "Eastern Front")  # fmt: skip
    assert (row["sources"], row["statements"]) == ("1", "3")


def test_statement_rows_are_one_line_each():
    text = statements_csv(sample())
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == STATEMENT_COLUMNS and len(rows) == 4
    assert rows[1][STATEMENT_COLUMNS.index("sentence")] == "A line, with spaces."
    assert len(text.splitlines()) == 4


def test_empty_extraction_gives_headers_only():
    assert incidents_csv(Extraction()).splitlines() == [",".join(INCIDENT_COLUMNS)]
