"""Schema 6: the register's search keys and the indexes its queries use.

At 1,000,000 records every list, filter and ``decide`` must answer in
milliseconds. Filters read ``record_keys`` (small rows, apart from the
record text: reading a column stored after a 10 KB body walks its overflow
pages); ``decide`` finds the next serial and a retried decision by index.
Existing rows get their keys from their own (checked) columns; bodies,
hashes and the audit chain are not touched.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from leadfit.decisions import keys

VERSION = 6
BATCH = 5_000

_TABLE = """CREATE TABLE record_keys (
    id INTEGER PRIMARY KEY, stream_key TEXT NOT NULL, candidate_key TEXT NOT NULL,
    outcome TEXT, recommended TEXT, shown VARCHAR(32) NOT NULL, search TEXT NOT NULL)"""
_INDEXES = (
    "CREATE INDEX ix_keys_stream ON record_keys (stream_key, id)",
    "CREATE INDEX ix_keys_stream_candidate ON record_keys (stream_key, candidate_key)",
    "CREATE INDEX ix_keys_outcome ON record_keys (outcome, id)",
    "CREATE INDEX ix_keys_shown ON record_keys (shown, id)",
    "CREATE INDEX ix_records_serial ON decision_records (serial)",
    "CREATE INDEX ix_records_stream_candidate ON decision_records (stream, candidate, version)",
)
_ROWS = text("""SELECT r.id, r.record_id, r.version, r.status, r.stream, r.candidate, r.outcome,
    r.recommended, r.created_at, r.pack,
    (SELECT max(n.version) FROM decision_records n WHERE n.record_id = r.record_id) AS newest
    FROM decision_records r ORDER BY r.id""")


def upgrade(conn: Connection) -> None:
    conn.execute(text(_TABLE))
    batch = []
    for row in conn.execute(_ROWS):
        shown = "superseded" if row.version < row.newest else row.status
        batch.append(keys.expected(row, shown))
        if len(batch) >= BATCH:
            keys.write(conn, batch)
            batch = []
    keys.write(conn, batch)
    for statement in _INDEXES:
        conn.execute(text(statement))
