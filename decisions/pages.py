"""What a page of record rows reads in one query: each row's newest audit entry and its
links (one query for a page instead of three: issue 15), and, since schema 11, the
sealed columns from one index without the 10 KB texts (see integrity.Checker)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from sqlalchemy import String, cast, func, select

from leadfit.decisions.integrity import ROW_COLUMNS, Checker
from leadfit.decisions.tables import audit_log, records

# schema 11 (migrations/m011_listed_index.py): every sealed column of a row, in one
# SQLite index, so a page is read without walking each 10 KB text's overflow pages
LISTED_INDEX = "ix_records_listed"


@cache   # expressions, built once: a list builds its query per page (issue 15)
def listed_columns():
    """A row's sealed columns without its text: what a list shows and checks."""
    return tuple(records.c[name] for name in ROW_COLUMNS if name != "body")


def listed(query):
    """``query`` reading the records table from schema 11's index alone (SQLite; the
    register's engine renders the hint, see register._SQLiteCompiler). It may read only
    :func:`listed_columns` of the records table."""
    return query.with_hint(records, f"INDEXED BY {LISTED_INDEX}", "sqlite")


def listed_verdicts(rows: Sequence, checker: Checker,
                    with_texts: Callable[[list[int]], Sequence]) -> list[tuple]:
    """(row, verdict) for each row read without its text: checked against the audit entry
    that seals its columns (Checker.check_listed), or, where none does, read again with
    its text (``with_texts``: those rows by id, with the same fields and the body) and
    checked against that."""
    verdicts = [checker.check_listed(row) for row in rows]
    unsealed = [row.id for row, verdict in zip(rows, verdicts) if verdict is None]
    if not unsealed:
        return list(zip(rows, verdicts))
    full = {row.id: row for row in with_texts(unsealed)}
    checker.prefetch(list(full.values()))
    return [(row, verdict) if verdict is not None else (full[row.id], checker.check(full[row.id]))
            for row, verdict in zip(rows, verdicts)]


# What a list reads of each row's newest audit entry in its own query (see entry_columns)
_E = audit_log.alias("e")
_BEFORE, _AFTER = audit_log.alias("e_before"), audit_log.alias("e_after")
ENTRY_FIELDS = ("e_seq", "e_prev_hash", "e_hash", "e_entry", "e_mac", "e_before", "e_after")


@cache
def entry_columns():
    """The newest audit entry of each row, and the links on either side of it, as columns
    of the row's own query (one query for a page instead of three: issue 15). Join with
    :func:`entry_join`."""
    before = select(_BEFORE.c.hash).where(_BEFORE.c.seq == _E.c.seq - 1).scalar_subquery()
    after = select(_AFTER.c.prev_hash).where(_AFTER.c.seq == _E.c.seq + 1).scalar_subquery()
    return (_E.c.seq.label("e_seq"), _E.c.prev_hash.label("e_prev_hash"),
            _E.c.hash.label("e_hash"), _E.c.entry.label("e_entry"), _E.c.mac.label("e_mac"),
            before.label("e_before"), after.label("e_after"))


def entry_join(joined):
    """``joined`` (a FROM with the records table) outer-joined to each row's newest entry."""
    return joined.outerjoin(_E, _newest_entry())


@cache
def _newest_entry():
    ref = records.c.record_id + "@" + cast(records.c.version, String)
    newest = select(func.max(audit_log.c.seq)).where(audit_log.c.record_ref == ref)
    return _E.c.seq == newest.scalar_subquery()
