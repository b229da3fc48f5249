"""Schema 3: each audit entry names its record version in an indexed column.

Every read of a record checks its hash against the newest audit entry for it;
without an index that is a scan of the whole log. The column is only a way to
find entries: the check compares what the entry's own (hashed) text says.
Existing entries are filled in from their text; the chain is not touched.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

VERSION = 3


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE audit_log ADD COLUMN record_ref VARCHAR(48)"))
    rows = conn.execute(text("SELECT seq, entry FROM audit_log")).all()
    for seq, entry in rows:
        try:
            facts = json.loads(entry)
        except ValueError:
            continue  # an unreadable entry stays unfindable; verify names it
        if isinstance(facts, dict) and "record" in facts:
            conn.execute(text("UPDATE audit_log SET record_ref=:r WHERE seq=:s"),
                         {"r": f"{facts['record']}@{facts.get('version')}", "s": seq})
    conn.execute(text("CREATE INDEX ix_audit_record_ref ON audit_log (record_ref, seq)"))
