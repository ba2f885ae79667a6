"""Baseline: the ledger tables as ``Base.metadata.create_all`` made them before migrations.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 08:12:01.790631
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ach_cells",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("statement_id", sa.String(), nullable=False),
        sa.Column("hypothesis", sa.String(), nullable=False),
        sa.Column("value", sa.String(length=16), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ach_cells", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ach_cells_statement_id"), ["statement_id"], unique=False)

    op.create_table(
        "actor_merges",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("target_id", sa.String(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("undone_by", sa.Text(), nullable=True),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actor_merges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_merges_source_id"), ["source_id"], unique=False)

    op.create_table(
        "actors",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("wikidata", sa.String(length=32), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_published"), ["published"], unique=False)

    op.create_table(
        "incident_links",
        sa.Column("local_id", sa.String(), nullable=False),
        sa.Column("merged_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("local_id"),
    )
    with op.batch_alter_table("incident_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_links_merged_id"), ["merged_id"], unique=False)

    op.create_table(
        "ledger_meta",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "merged_incidents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_country", sa.String(length=8), nullable=True),
        sa.Column("place_lat", sa.Float(), nullable=True),
        sa.Column("place_lon", sa.Float(), nullable=True),
        sa.Column("attackers", sa.JSON(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("victims", sa.JSON(), nullable=False),
        sa.Column("weapons", sa.JSON(), nullable=False),
        sa.Column("killed", sa.JSON(), nullable=True),
        sa.Column("wounded", sa.JSON(), nullable=True),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("provenance", sa.JSON(), nullable=False),
        sa.Column("timeline", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("merged_incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merged_incidents_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_merged_incidents_place_country"), ["place_country"], unique=False
        )

    op.create_table(
        "source_grades",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_key", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(length=1), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("source_grades", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_grades_source_key"), ["source_key"], unique=False)

    op.create_table(
        "statement_grades",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("statement_id", sa.String(), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statement_grades", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_grades_statement_id"), ["statement_id"], unique=False)

    op.create_table(
        "abbreviations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("short", sa.String(length=32), nullable=False),
        sa.Column("long", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "short"),
    )
    with op.batch_alter_table("abbreviations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_abbreviations_document_id"), ["document_id"], unique=False)

    op.create_table(
        "attributions",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=False),
        sa.Column("cue_end", sa.Integer(), nullable=False),
        sa.Column("cue_text", sa.Text(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attributions_document_id"), ["document_id"], unique=False)

    op.create_table(
        "incidents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=True),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_country", sa.String(length=8), nullable=True),
        sa.Column("place_lat", sa.Float(), nullable=True),
        sa.Column("place_lon", sa.Float(), nullable=True),
        sa.Column("attackers", sa.JSON(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("victims", sa.JSON(), nullable=False),
        sa.Column("weapons", sa.JSON(), nullable=False),
        sa.Column("killed", sa.JSON(), nullable=True),
        sa.Column("wounded", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_place_country"), ["place_country"], unique=False)

    op.create_table(
        "statements",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("attribution_id", sa.String(), nullable=True),
        sa.Column("source_kind", sa.String(length=32), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("source_actor", sa.String(), nullable=True),
        sa.Column("source_title", sa.Text(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("relation", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("object_kind", sa.String(length=16), nullable=False),
        sa.Column("object_incident", sa.String(), nullable=True),
        sa.Column("object_actor", sa.String(), nullable=True),
        sa.Column("polarity", sa.String(length=16), nullable=False),
        sa.Column("certainty", sa.String(length=32), nullable=False),
        sa.Column("quote", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statements_attribution_id"), ["attribution_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_object_incident"), ["object_incident"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_relation"), ["relation"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_subject"), ["subject"], unique=False)

    op.create_table(
        "surface_forms",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("actor_id", sa.String(), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("actor_id", "form", "document_id"),
    )
    with op.batch_alter_table("surface_forms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_surface_forms_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_surface_forms_document_id"), ["document_id"], unique=False)

    op.create_table(
        "incident_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("ord", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("incident_id", "document_id", "start", "end"),
    )
    with op.batch_alter_table("incident_mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_mentions_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_incident_mentions_incident_id"), ["incident_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_mentions_incident_id"))
        batch_op.drop_index(batch_op.f("ix_incident_mentions_document_id"))

    op.drop_table("incident_mentions")
    with op.batch_alter_table("surface_forms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_surface_forms_document_id"))
        batch_op.drop_index(batch_op.f("ix_surface_forms_actor_id"))

    op.drop_table("surface_forms")
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statements_subject"))
        batch_op.drop_index(batch_op.f("ix_statements_relation"))
        batch_op.drop_index(batch_op.f("ix_statements_object_incident"))
        batch_op.drop_index(batch_op.f("ix_statements_document_id"))
        batch_op.drop_index(batch_op.f("ix_statements_attribution_id"))

    op.drop_table("statements")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_place_country"))
        batch_op.drop_index(batch_op.f("ix_incidents_document_id"))
        batch_op.drop_index(batch_op.f("ix_incidents_date"))

    op.drop_table("incidents")
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attributions_document_id"))

    op.drop_table("attributions")
    with op.batch_alter_table("abbreviations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_abbreviations_document_id"))

    op.drop_table("abbreviations")
    with op.batch_alter_table("statement_grades", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_grades_statement_id"))

    op.drop_table("statement_grades")
    with op.batch_alter_table("source_grades", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_grades_source_key"))

    op.drop_table("source_grades")
    with op.batch_alter_table("merged_incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merged_incidents_place_country"))
        batch_op.drop_index(batch_op.f("ix_merged_incidents_date"))

    op.drop_table("merged_incidents")
    op.drop_table("ledger_meta")
    with op.batch_alter_table("incident_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_links_merged_id"))

    op.drop_table("incident_links")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_published"))

    op.drop_table("documents")
    op.drop_table("actors")
    with op.batch_alter_table("actor_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_merges_source_id"))

    op.drop_table("actor_merges")
    with op.batch_alter_table("ach_cells", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ach_cells_statement_id"))

    op.drop_table("ach_cells")
