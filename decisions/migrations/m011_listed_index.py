"""Schema 11: what a list shows, read from one index instead of the record rows.

SQLite keeps a row's columns in order, and the 10 KB record text comes before
the summary columns a list shows (stream, candidate, outcome, hash...): reading any
of them walks the text's overflow pages, a random read of a file of many gigabytes
per row (131-271 ms a page of 100 at 1,000,000 records). This index holds every
column the audit entry seals (integrity.SEALED_COLUMNS), so a list, the due list
and the portfolio read a page from it alone (``INDEXED BY``, see integrity.listed).

PostgreSQL keeps a long text out of the row (TOAST), so its rows are already narrow;
it gets no such index (an index entry there is limited to about 2,700 bytes).
No record row is changed.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 11
INDEX = "ix_records_listed"
# id first: a page of ids (a filter's) is looked up in the index itself
COLUMNS = ("id", "record_id", "version", "status", "stream", "candidate", "created_at",
           "outcome", "recommended", "serial", "pack", "review_of", "next_review", "lead",
           "mentor", "risk", "readiness", "review_date", "hash")


def upgrade(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"CREATE INDEX {INDEX} ON decision_records ({', '.join(COLUMNS)})"))
