"""Schema 4: the pack (name@version) a record was decided under, as a summary column.

The register window lists the pack of every record; reading it from each body
meant opening (and hash-checking) every record: minutes at 100,000. Existing
rows are filled in from their stored JSON; the body and its hash are not touched.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

VERSION = 4


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE decision_records ADD COLUMN pack TEXT"))
    rows = conn.execute(text("SELECT id, body FROM decision_records")).all()
    for row_id, body in rows:
        try:
            pack = json.loads(body).get("pack") or {}
        except (ValueError, AttributeError):
            continue  # an unreadable body stays without a summary; verify names it
        conn.execute(text("UPDATE decision_records SET pack=:p WHERE id=:id"),
                     {"p": f"{pack.get('name', '')}@{pack.get('version', '')}", "id": row_id})
