"""Schema 9: indexes the register's queries can answer from alone, at 1,000,000 records.

A 10 KB record text fills its row's first page and its later columns sit on overflow
pages, so every row a query reads from the table is a random read of a file of many
gigabytes. These indexes carry what the queries read:

- the due reviews and their counts (the start banner): each next review with the
  record's status, id and version, each record's signed versions, and the signed
  reviews of each record, so "how many are overdue" is read from indexes alone;
- on PostgreSQL, the stream key in code-point order ("C"), so a stream filter's
  "starts with" is one range of the index whatever the server's collation (SQLite
  compares keys by their bytes already). No row is changed.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 9

_INDEXES = (
    "CREATE INDEX ix_records_due ON decision_records (next_review, status, record_id, version)",
    "CREATE INDEX ix_records_signed_versions ON decision_records (record_id, status, version)",
    "CREATE INDEX ix_records_reviewed ON decision_records (review_of, status)",
)
_POSTGRESQL = ('CREATE INDEX ix_keys_stream_c ON record_keys (stream_key COLLATE "C", id)',)


def upgrade(conn: Connection) -> None:
    for statement in _INDEXES + (_POSTGRESQL if conn.dialect.name == "postgresql" else ()):
        conn.execute(text(statement))
