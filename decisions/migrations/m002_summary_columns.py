"""Schema 2: stream, candidate, outcome and recommendation as indexed columns.

Lets the register list and filter 100,000 records without parsing bodies.
Existing rows are filled in from their stored JSON; the body and its hash
are not touched.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

VERSION = 2

_COLUMNS = ("stream", "candidate", "outcome", "recommended")


def upgrade(conn: Connection) -> None:
    for name in _COLUMNS:
        conn.execute(text(f"ALTER TABLE decision_records ADD COLUMN {name} TEXT"))
    rows = conn.execute(text("SELECT id, body FROM decision_records")).all()
    for row_id, body in rows:
        data = json.loads(body)
        conn.execute(text("UPDATE decision_records SET stream=:s, candidate=:c, outcome=:o,"
                          " recommended=:r WHERE id=:id"),
                     {"s": data["stream"], "c": data["candidate"],
                      "o": data["decision"]["outcome"], "r": data["decision"]["recommended"],
                      "id": row_id})
    for name in ("stream", "outcome", "status"):
        conn.execute(text(f"CREATE INDEX ix_records_{name} ON decision_records ({name}, id)"))
