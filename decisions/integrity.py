"""The integrity check's SQLAlchemy side: the columns a checked read selects, each row's
newest audit entry as columns of a list's own query, and what a write's entry states.

The check itself (decisions/checking.py, standard library only) is re-exported here:
every read of a record goes through its Checker (show, report, replay, list, CSV,
window).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, LargeBinary, String, cast, func, select, type_coerce

from leadfit.decisions.checking import (  # noqa: F401  (the one check, re-exported)
    ADVICE,
    COLUMN_PATHS,
    COLUMNS_FACT,
    INTACT,
    ROW_COLUMNS,
    SEALED_COLUMNS,
    VERSIONS_FACT,
    Checker,
    Integrity,
    column_problem,
    columns_digest,
    logged_versions,
    missing_count,
    missing_words,
)
from leadfit.decisions.tables import audit_log, records
from leadfit.decisions.texts import sha256_text


def row_columns():
    return [records.c[name] for name in ROW_COLUMNS]


def utf8(conn: Connection | None, column):
    """The column's text as its UTF-8 bytes, as the database holds them: hashed as they
    come, never decoded into a Python string and encoded back (10 KB a record)."""
    if conn is not None and conn.dialect.name == "postgresql":
        return type_coerce(func.convert_to(column, "UTF8"), LargeBinary)
    return cast(column, LargeBinary)   # SQLite: CAST(... AS BLOB), the stored bytes


# What a list reads of each row's newest audit entry in its own query (see entry_columns)
_E = audit_log.alias("e")
_BEFORE, _AFTER = audit_log.alias("e_before"), audit_log.alias("e_after")
ENTRY_FIELDS = ("e_seq", "e_prev_hash", "e_hash", "e_entry", "e_mac", "e_before", "e_after")


def entry_columns():
    """The newest audit entry of each row, and the links on either side of it, as columns
    of the row's own query (one query for a page instead of three: issue 15). Join with
    :func:`entry_join`."""
    before = select(_BEFORE.c.hash).where(_BEFORE.c.seq == _E.c.seq - 1).scalar_subquery()
    after = select(_AFTER.c.prev_hash).where(_AFTER.c.seq == _E.c.seq + 1).scalar_subquery()
    return [_E.c.seq.label("e_seq"), _E.c.prev_hash.label("e_prev_hash"),
            _E.c.hash.label("e_hash"), _E.c.entry.label("e_entry"), _E.c.mac.label("e_mac"),
            before.label("e_before"), after.label("e_after")]


def entry_join(joined):
    """``joined`` (a FROM with the records table) outer-joined to each row's newest entry."""
    ref = records.c.record_id + "@" + cast(records.c.version, String)
    newest = select(func.max(audit_log.c.seq)).where(audit_log.c.record_ref == ref)
    return joined.outerjoin(_E, _E.c.seq == newest.scalar_subquery())


def versions_after(conn: Connection, added: bool) -> int:
    """What a write's entry states: the versions the newest entry stated (counted from
    the log when it states none or its text was edited), one more if this write adds one."""
    head = conn.execute(select(audit_log.c.hash, audit_log.c.entry)
                        .order_by(audit_log.c.seq.desc()).limit(1)).first()
    stated = None
    if head is not None and sha256_text(head.entry) == head.hash:
        try:
            stated = json.loads(head.entry).get(VERSIONS_FACT)
        except (ValueError, AttributeError):
            stated = None
    if not isinstance(stated, int) or isinstance(stated, bool):
        stated = logged_versions(conn)
    return stated + (1 if added else 0)


