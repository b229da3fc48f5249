"""Schema 5: fail-fast reviews (issue 12).

Two summary columns, both indexed and both checked against the signed body on every
read (decisions/integrity.py): ``review_of``, the record id a review record reviews
(NULL for a decision), and ``next_review``, the ISO date the next review falls due
from this record (NULL when none). The due-reviews list is then one index range scan
instead of opening every body. Existing rows are filled in from their stored JSON;
bodies and hashes are not touched.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

VERSION = 5


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE decision_records ADD COLUMN review_of TEXT"))
    conn.execute(text("ALTER TABLE decision_records ADD COLUMN next_review TEXT"))
    rows = conn.execute(text("SELECT id, body FROM decision_records")).all()
    for row_id, body in rows:
        try:
            due = next_review_in(json.loads(body))
        except (ValueError, AttributeError):
            continue  # an unreadable body stays without a summary; verify names it
        if due:  # records written before reviews existed review nothing
            conn.execute(text("UPDATE decision_records SET next_review=:d WHERE id=:id"),
                         {"d": due, "id": row_id})
    conn.execute(text("CREATE INDEX ix_records_next_review ON decision_records (next_review)"))
    conn.execute(text("CREATE INDEX ix_records_review_of ON decision_records (review_of)"))


def next_review_in(body: dict) -> str | None:
    """Frozen copy of DecisionRecord.next_review for bodies written before schema 5."""
    decision = body.get("decision") or {}
    return decision.get("review_date") if decision.get("outcome") == "coach" else None
