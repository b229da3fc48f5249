"""Schema 7: what the portfolio of streams reads, as summary columns.

The portfolio lists every stream's current lead with readiness, risk, the next
review and mentor, and counts experienced leads against learners over thousands
of streams; opening each record's body for that took seconds. Existing rows are
filled from their stored JSON (the body and its hash are not touched), and one
index serves "the newest signed record of each stream". On SQLite it covers every
column the portfolio reads: columns added by ALTER TABLE sit after the body in each
row, so reading them from the table walks a long record's overflow pages (0.8 s for
10,000 streams, against 0.08 s from the index). PostgreSQL caps an index entry at
about 2.7 KB, and free-text stream and candidate names could pass that together,
so there it indexes (status, stream, id) only.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from leadfit.decisions.portfolio_facts import FACT_COLUMNS, stream_facts

VERSION = 7


def upgrade(conn: Connection) -> None:
    for column in FACT_COLUMNS:
        conn.execute(text(f"ALTER TABLE decision_records ADD COLUMN {column} TEXT"))
    covered = ", record_id, version, candidate, outcome, next_review, " + ", ".join(FACT_COLUMNS) \
        if conn.dialect.name == "sqlite" else ""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_records_status_stream"
                      f" ON decision_records (status, stream, id{covered})"))
    rows = conn.execute(text("SELECT id, body FROM decision_records")).all()
    for row_id, body in rows:
        try:
            data = json.loads(body)
        except ValueError:
            continue  # an unreadable body stays without a summary; verify names it
        if isinstance(data, dict):
            conn.execute(text("UPDATE decision_records SET lead=:lead, mentor=:mentor, risk=:risk,"
                              " readiness=:readiness, review_date=:review_date WHERE id=:id"),
                         {**stream_facts(data), "id": row_id})
