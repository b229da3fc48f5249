"""A SQLite register opened only to read, with the standard library's sqlite3.

`register show` and `report` read one record and start in a fresh process each time;
SQLAlchemy alone took three times as long to import as the engine LeadFit decides with
(issue 15). For a SQLite file at the latest schema they read through this instead: the
same read-only opening as decisions/register.py (``mode=ro``, ``query_only``, the
immutable fallback for a WAL file on read-only media, one transaction per read), the same
statements (decisions/reading.py) and the same integrity check. Anything else (a server
URL, an older or newer schema, a file that will not open) goes the SQLAlchemy way, which
upgrades, refuses or explains as it always has.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from leadfit.decisions.errors import RegisterError
from leadfit.decisions.reading import row_type
from leadfit.decisions.schema import LATEST

BUSY_TIMEOUT_MS = 30_000
_PREFIX = "sqlite:///"


class ReadFailed(RegisterError):
    """SQLite could not read the file (damaged, locked, not a database): the reading
    commands read it again the SQLAlchemy way, which words each failure (decisions/showing.py)."""


def _row(cursor: sqlite3.Cursor, values: tuple) -> Any:
    return row_type(tuple(d[0] for d in cursor.description))(*values)


def _fold(value):
    return value.casefold() if isinstance(value, str) else value


class SqliteReading:
    """An open read-only SQLite register: ``read()`` gives a connection that
    decisions/reading.py runs its statements on (``rows``)."""

    readonly = True
    dialect = "sqlite"

    def __init__(self, url: str, path: Path, conn: sqlite3.Connection):
        self.url, self._path, self._conn = url, path, conn

    def files(self) -> tuple[Path, ...]:
        return (self._path,)

    def rows(self, sql: str, params: dict) -> list:
        return self._conn.execute(sql, params).fetchall()

    @contextmanager
    def read(self) -> Iterator[SqliteReading]:
        try:
            self._conn.execute("BEGIN")
            try:
                yield self
            finally:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise ReadFailed(f"the register could not be read: {_short(exc)}") from None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqliteReading:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_reading(url: str) -> SqliteReading | None:
    """The register at ``url`` (resolved, existing) opened to read, or None when it is
    not a SQLite file this can read as decisions/register.py would."""
    if not url.startswith(_PREFIX) or any(c in url for c in "?%#") or ":memory:" in url:
        return None
    path = Path(url[len(_PREFIX):])
    for immutable in (False, True):
        try:
            conn = _connect(path, immutable)
        except sqlite3.Error:
            continue  # a WAL file on read-only media without its -shm: as immutable
        try:
            if _schema(conn) == LATEST:
                return SqliteReading(url, path, conn)
        except sqlite3.Error:
            pass
        conn.close()
        return None
    return None


def _connect(path: Path, immutable: bool) -> sqlite3.Connection:
    flags = "mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?{flags}", uri=True,
                           isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        conn.create_function("lf_fold", 1, _fold, deterministic=True)
        conn.row_factory = _row
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()  # opens the file
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _schema(conn: sqlite3.Connection) -> int:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND"
                        " name = 'leadfit_schema'").fetchall():
        return 0
    return int(conn.execute("SELECT max(version) FROM leadfit_schema").fetchall()[0][0] or 0)


def _short(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
