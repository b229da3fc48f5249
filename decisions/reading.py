"""Reading a record and its audit entries: the one set of SQL both ways of reading run.

The register is read either through SQLAlchemy (any register: decisions/register.py) or,
for a SQLite file opened only to read, through the standard library's sqlite3
(decisions/sqlite_reading.py), so that `register show` and `report` start without
SQLAlchemy (issue 15). Both run exactly these statements (plain SQL with ``:name``
parameters, which SQLAlchemy's ``text()`` and sqlite3 both take), and the integrity check
(decisions/checking.py) judges the rows either returns the same way.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Sequence
from typing import Any

from leadfit.decisions.lead_facts import FACT_COLUMNS

# The columns of decision_records a checked read needs (integrity: checking.ROW_COLUMNS)
ROW_COLUMNS = ("record_id", "version", "status", "stream", "candidate", "created_at",
               "outcome", "recommended", "serial", "body", "hash", "pack", "review_of",
               "next_review", *FACT_COLUMNS)
ENTRY_COLUMNS = "seq, prev_hash, hash, entry, mac"
_ROW = ", ".join(ROW_COLUMNS)

LATEST_VERSION = "SELECT max(version) FROM decision_records WHERE record_id = :record_id"
VERSION_ROW = (f"SELECT {_ROW} FROM decision_records"
               " WHERE record_id = :record_id AND version = :version")
VERSION_ROWS = f"SELECT {_ROW} FROM decision_records WHERE record_id = :record_id ORDER BY version"
ENTRY = f"SELECT {ENTRY_COLUMNS} FROM audit_log WHERE seq = :seq"
NEWEST_ENTRY_OF = ("SELECT seq FROM audit_log WHERE record_ref = :ref"
                   " ORDER BY seq DESC LIMIT 1")
NEWEST_SEQ = "SELECT max(seq) FROM audit_log"
HEAD = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
ENTRY_HASH = "SELECT hash FROM audit_log WHERE seq = :seq"
ENTRY_COUNT = "SELECT count(*) FROM audit_log"
RECORD_ROWS = "SELECT count(*) FROM decision_records"
LOGGED_VERSIONS = "SELECT count(DISTINCT record_ref) FROM audit_log"
# The review (not withdrawn) that follows a record: the first row naming it
REVIEWED_BY = ("SELECT record_id FROM decision_records WHERE review_of = :record_id"
               " AND status != 'withdrawn' ORDER BY id LIMIT 1")


_ROW_TYPES: dict[tuple[str, ...], type] = {}


def row_type(names: tuple[str, ...]) -> type:
    """A row with attributes, ``_fields`` and ``_mapping``, as SQLAlchemy's rows have."""
    kind = _ROW_TYPES.get(names)
    if kind is None:
        base = namedtuple("Row", names, rename=True)  # type: ignore[misc]
        kind = _ROW_TYPES[names] = type("Row", (base,), {
            "__slots__": (), "_mapping": property(lambda self: self._asdict())})
    return kind


def plain(result: Any, names: Iterable[str] | None = None) -> list:
    """A SQLAlchemy result's rows as plain named tuples (:func:`row_type`). A page is
    checked and listed field by field, some forty reads a row, and a SQLAlchemy row's
    attribute costs about ten times a tuple's (issue 15). ``names``: the rows' fields
    when ``result`` is a list of rows (else ``result.keys()``)."""
    kind = row_type(tuple(names if names is not None else result.keys()))
    make = kind._make  # type: ignore[attr-defined]  # a namedtuple class
    return [make(row) for row in result]


def rows(conn: Any, sql: str, params: dict | None = None) -> list:
    """The rows of one statement, each with attributes named as its columns (and
    ``_fields``, ``_mapping``), from a SQLAlchemy connection or a sqlite3 reading."""
    run = getattr(conn, "rows", None)
    if run is not None:  # decisions/sqlite_reading.py
        return run(sql, params or {})
    from sqlalchemy import text
    return list(conn.execute(text(sql), params or {}).all())


def first(conn: Any, sql: str, params: dict | None = None):
    found = rows(conn, sql, params)
    return found[0] if found else None


def scalar(conn: Any, sql: str, params: dict | None = None):
    row = first(conn, sql, params)
    return row[0] if row is not None else None


def placeholders(name: str, values: Sequence) -> tuple[str, dict]:
    """(':name0, :name1, ...', their parameters): an IN list both drivers take."""
    marks = ", ".join(f":{name}{i}" for i in range(len(values)))
    return marks, {f"{name}{i}": v for i, v in enumerate(values)}


def newest_entries(conn: Any, refs: Sequence[str]) -> dict[str, int]:
    """{record ref: the seq of its newest audit entry} for the refs that have one."""
    marks, params = placeholders("ref", refs)
    return {r[0]: r[1] for r in rows(conn, "SELECT record_ref, max(seq) FROM audit_log"
                                     f" WHERE record_ref IN ({marks}) GROUP BY record_ref",
                                     params)}


def entries(conn: Any, seqs: Sequence[int]) -> list:
    marks, params = placeholders("seq", seqs)
    return rows(conn, f"SELECT {ENTRY_COLUMNS} FROM audit_log WHERE seq IN ({marks})", params)


def latest_version(conn: Any, record_id: str) -> int | None:
    return scalar(conn, LATEST_VERSION, {"record_id": record_id})


def version_row(conn: Any, record_id: str, version: int):
    return first(conn, VERSION_ROW, {"record_id": record_id, "version": version})


def version_rows(conn: Any, record_id: str) -> list:
    return rows(conn, VERSION_ROWS, {"record_id": record_id})


def reviewed_by(conn: Any, record_id: str) -> str | None:
    return scalar(conn, REVIEWED_BY, {"record_id": record_id})
