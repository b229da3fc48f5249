"""Schema 8: each stream's current lead as a summary sealed by the audit chain, and the
one stream key.

The portfolio and the F10 reading read ``stream_leads`` (one small line per stream,
in 256 buckets, see leads.py) instead of checking 10,000 rows against their 10 KB bodies. The table
starts empty: the register's next write builds them from the records, each checked,
and seals them; until then every read checks each stream's row as before.

The stream key now also collapses runs of spacing ('Retail  banking' and 'retail
banking' are one stream), as the F10 reading always did, so the search keys of schema
6 are folded again where that changes them (from the keys themselves: no body or
record column is read).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from leadfit.decisions.keys import SEPARATOR, fold

VERSION = 8
BATCH = 5_000

_TABLES = (
    "CREATE TABLE stream_leads (bucket INTEGER PRIMARY KEY, lines TEXT NOT NULL)",
)


def _refolded(search: str) -> str:
    return SEPARATOR.join(fold(part) for part in search.split(SEPARATOR))


def upgrade(conn: Connection) -> None:
    for statement in _TABLES:
        conn.execute(text(statement))
    changed = []
    rows = text("SELECT id, stream_key, candidate_key, search FROM record_keys")
    for row_id, stream_key, candidate_key, search in conn.execute(
            rows.execution_options(yield_per=BATCH)):
        new = (fold(stream_key), fold(candidate_key), _refolded(search))
        if new != (stream_key, candidate_key, search):
            changed.append({"id": row_id, "s": new[0], "c": new[1], "t": new[2]})
    for start in range(0, len(changed), BATCH):
        conn.execute(text("UPDATE record_keys SET stream_key=:s, candidate_key=:c, search=:t"
                          " WHERE id=:id"), changed[start:start + BATCH])
