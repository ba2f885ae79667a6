"""Full-text search over documents: PostgreSQL tsvector, SQLite FTS5, LIKE anywhere else.

Every word of the query must occur (stemmed where the backend stems), best matches first. The query
is never passed as search syntax: words are taken out of it and quoted, so ``"`` or ``NEAR`` in a
user's query cannot break or widen it.
"""

from __future__ import annotations

import re

from sqlalchemy import and_, func, inspect, or_, select, text
from sqlalchemy.orm import Session

from claimgraph.ledger.schema import DocumentRow

_WORD = re.compile(r"\w+", re.UNICODE)
PG_VECTOR = func.to_tsvector("english", func.coalesce(DocumentRow.title, "") + " " + DocumentRow.text)


def words(query: str) -> list[str]:
    return _WORD.findall(query)


def search(session: Session, query: str, limit: int) -> list[DocumentRow]:
    """Documents holding every word of ``query``, most relevant first (ties by id)."""
    terms = words(query)
    if not terms:
        return []
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return _postgresql(session, terms, limit)
    if name == "sqlite" and inspect(session.connection()).has_table("documents_fts"):
        return _fts5(session, terms, limit)
    return _like(session, terms, limit)


def _postgresql(session: Session, terms: list[str], limit: int) -> list[DocumentRow]:
    tsquery = func.plainto_tsquery("english", " ".join(terms))
    rank = func.ts_rank(PG_VECTOR, tsquery)
    query = (
        select(DocumentRow)
        .where(PG_VECTOR.op("@@")(tsquery))
        .order_by(rank.desc(), DocumentRow.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def _fts5(session: Session, terms: list[str], limit: int) -> list[DocumentRow]:
    match = " AND ".join('"' + t.replace('"', "") + '"' for t in terms)
    hits = session.execute(
        text(
            "SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH :match ORDER BY bm25(documents_fts), d.id LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    ).scalars()
    ids = list(hits)
    rows = {r.id: r for r in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids)))}
    return [rows[i] for i in ids]


def _like(session: Session, terms: list[str], limit: int) -> list[DocumentRow]:
    def contains(term: str):  # noqa: ANN202 - a SQLAlchemy clause
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = (DocumentRow.text, DocumentRow.title)
        return or_(*(c.ilike(pattern, escape="\\") for c in columns))

    query = select(DocumentRow).where(and_(*(contains(t) for t in terms))).order_by(DocumentRow.id)
    return list(session.scalars(query.limit(limit)))
