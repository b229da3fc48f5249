"""Schema 11: what a list shows, read from one index instead of the record rows.

SQLite keeps a row's columns in order, and the 10 KB record text comes before
the summary columns a list shows (stream, candidate, outcome, hash...): reading any
of them walks the text's overflow pages, a random read of a file of many gigabytes
per row (131-271 ms a page of 100 at 1,000,000 records). This index holds every
column the audit entry seals (integrity.SEALED_COLUMNS), so a list, the due list
and the portfolio read a page from it alone (``INDEXED BY``, see integrity.listed).

PostgreSQL keeps a long text out of the row (TOAST), so its rows are already narrow;
it gets no such index (an index entry there is limited to about 2,700 bytes).
Both get a partial index for the due list (MOVED, below). No record row is changed.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 11
INDEX = "ix_records_listed"
# id first: a page of ids (a filter's) is looked up in the index itself
COLUMNS = ("id", "record_id", "version", "status", "stream", "candidate", "created_at",
           "outcome", "recommended", "serial", "pack", "review_of", "next_review", "lead",
           "mentor", "risk", "readiness", "review_date", "hash")


# The due list's look for rows whose next review column was moved (reviews._hidden): a
# genuine row with a review date has it as its next review, so only rows where the two
# differ can match, and this index holds just those (none, unless edited); the look
# walked every coached row (333,000 of 1,000,000, 0.6-1.5 s).
MOVED = "ix_records_review_moved"
_MOVED = {"sqlite": "review_date <> '' AND next_review IS NOT review_date",
          "postgresql": "review_date <> '' AND next_review IS DISTINCT FROM review_date"}


def upgrade(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"CREATE INDEX {INDEX} ON decision_records ({', '.join(COLUMNS)})"))
    conn.execute(text(f"CREATE INDEX {MOVED} ON decision_records"
                      f" (review_date, next_review, status, record_id, version)"
                      f" WHERE {_MOVED[conn.dialect.name]}"))
