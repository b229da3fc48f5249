"""Schema 1: records (canonical JSON text + its hash) and the chained audit log."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

VERSION = 1

_meta = MetaData()
Table("leadfit_schema", _meta, Column("version", Integer, nullable=False))
Table("decision_records", _meta,
      Column("id", Integer, primary_key=True, autoincrement=True),
      Column("serial", Integer, nullable=False),
      Column("record_id", String(32), nullable=False),
      Column("version", Integer, nullable=False),
      Column("status", String(32), nullable=False),
      Column("created_at", String(40), nullable=False),
      Column("body", Text, nullable=False),
      Column("hash", String(64), nullable=False),
      UniqueConstraint("record_id", "version", name="uq_record_version"))
Table("audit_log", _meta,
      Column("seq", Integer, primary_key=True, autoincrement=False),
      Column("prev_hash", String(64), nullable=False, unique=True),  # a fork cannot be stored
      Column("hash", String(64), nullable=False, unique=True),
      Column("entry", Text, nullable=False),
      Column("mac", String(64), nullable=True))


def upgrade(conn: Connection) -> None:
    _meta.create_all(conn)
