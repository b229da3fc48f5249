"""Schema 9: indexes the register's queries can answer from alone, at 1,000,000 records.

A 10 KB record text fills its row's first page and its later columns sit on overflow
pages, so every row a query reads from the table is a random read of a file of many
gigabytes. These indexes carry what the queries read:

- the due reviews and their counts (the start banner): each next review with the
  record's status, id and version, each record's signed versions, and the signed
  reviews of each record, so "how many are overdue" is read from indexes alone;
- on PostgreSQL, the stream key in code-point order ("C"), so a stream filter's
  "starts with" is one range of the index whatever the server's collation (SQLite
  compares keys by their bytes already);
- ``stream_names``: each stream key once, so a search by part of a name reads a few
  thousand short rows, filled here from the search keys. No record row is changed.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 9

_INDEXES = (
    "CREATE INDEX ix_records_due ON decision_records (next_review, status, record_id, version)",
    "CREATE INDEX ix_records_signed_versions ON decision_records (record_id, status, version)",
    "CREATE INDEX ix_records_reviewed ON decision_records (review_of, status)",
    # the due list's check for rows whose next review column was moved (reviews._hidden)
    "CREATE INDEX ix_records_review_date ON decision_records"
    " (review_date, next_review, status, record_id, version)",
)
_POSTGRESQL = ('CREATE INDEX ix_keys_stream_c ON record_keys (stream_key COLLATE "C", id)',)


_NAMES = ("CREATE TABLE stream_names (stream_key TEXT PRIMARY KEY)",
          "INSERT INTO stream_names (stream_key) SELECT DISTINCT stream_key FROM record_keys")


def upgrade(conn: Connection) -> None:
    for statement in _INDEXES + (_POSTGRESQL if conn.dialect.name == "postgresql" else ()) \
            + _NAMES:
        conn.execute(text(statement))
