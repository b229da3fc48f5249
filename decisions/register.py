"""The register: a SQLAlchemy engine with the guards each database needs.

SQLite (the default, one file in the user's data folder): WAL, a busy
timeout, foreign keys on, and every write transaction opened with
``BEGIN IMMEDIATE`` so two processes never both read the chain head and
then append (which would fork it). PostgreSQL: every write transaction
first takes one advisory transaction lock.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self
from urllib.parse import quote

from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from leadfit.decisions import audit, witness
from leadfit.decisions.errors import NoRegister, RegisterError, damaged_register
from leadfit.decisions.locating import (  # noqa: F401  (default_url, warn_if_loose: long here)
    absent,
    default_url,
    refuse_undecodable,
    resolve_url,
    warn_if_loose,
)
from leadfit.decisions.migrations import LATEST, current_version, migrate

_WRITE = "leadfit_write"
_PG_LOCK_KEY = 0x4C46_0001  # one advisory lock for all register writes
BUSY_TIMEOUT_MS = 30_000


class Register:
    """An open register. Use :meth:`write` for changes and :meth:`read` for queries.

    ``readonly``: opened for reading only (SQLite ``mode=ro``, PostgreSQL read-only
    transactions), so reading never writes and works on read-only media. A register
    at an older schema is upgraded first when its medium allows it.
    """

    def __init__(self, url: str, *, readonly: bool = False):
        self.url, self.readonly = url, readonly
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise RegisterError(f"not a database URL or file path: {url!r}") from None
        self.dialect = parsed.get_backend_name()
        if self.dialect not in ("sqlite", "postgresql"):
            raise RegisterError(f"unsupported database '{self.dialect}': use SQLite or PostgreSQL")
        self._shown = parsed.render_as_string()
        try:
            if readonly:
                self._open_readonly(parsed)
            else:
                self.engine = _make_engine(parsed, self.dialect)
                with self._begin() as conn:
                    self.found_schema = migrate(conn)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise RegisterError(_said(f"cannot open the register at {self._shown}", exc,
                                      self.files())) from None

    def _open_readonly(self, parsed) -> None:
        self.engine = _make_engine(parsed, self.dialect, readonly=True)
        try:
            with self.engine.connect() as conn:
                self.found_schema = current_version(conn)
        except OperationalError:
            # A WAL register on read-only media without its -shm file: nobody can be
            # writing it, so SQLite may read it as immutable.
            if self.dialect != "sqlite":
                raise
            self.engine.dispose()
            self.engine = _make_engine(parsed, self.dialect, readonly=True, immutable=True)
            with self.engine.connect() as conn:
                self.found_schema = current_version(conn)
        if self.found_schema < LATEST:
            self.engine.dispose()
            self.engine = _make_engine(parsed, self.dialect)
            try:
                with self._begin() as conn:
                    migrate(conn)
            except SQLAlchemyError as exc:
                raise RegisterError(_said(f"this register (schema {self.found_schema}) must be"
                                          " upgraded before it can be read, and it cannot be"
                                          " written here", exc, self.files())) from None
            finally:
                self.engine.dispose()
            self.engine = _make_engine(parsed, self.dialect, readonly=True)
        elif self.found_schema > LATEST:
            raise RegisterError(f"this register was written by a newer LeadFit (schema"
                                f" {self.found_schema}); this version reads up to schema"
                                f" {LATEST}. Update LeadFit.")

    @property
    def _writer(self):
        return self.engine.execution_options(**{_WRITE: True})

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        with self._writer.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One serialised write transaction: committed whole, or not at all; then the
        witness records the new chain head (see witness.py)."""
        if self.readonly:
            raise RegisterError("this register was opened for reading only")
        try:
            with self._begin() as conn:
                conn.info.pop(audit.APPENDED, None)  # a pooled connection's earlier write
                _refuse_unsound(conn, self.url)
                yield conn
                appended = conn.info.pop(audit.APPENDED, None)
        except SQLAlchemyError as exc:
            raise RegisterError(_said("the register could not be written, nothing was saved",
                                      exc, self.files())) from None
        if appended:
            witness.advance(self.url, *appended)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise RegisterError(_said("the register could not be read", exc, self.files())
                                ) from None

    def files(self) -> tuple[Path, ...]:
        """The files this register lives in (none for a server database)."""
        if self.dialect != "sqlite":
            return ()
        name = make_url(self.url).database or ""
        return (Path(name),) if name and name != ":memory:" else ()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _refuse_unsound(conn: Connection, url: str) -> None:
    """A register that lost entries or versions takes no write (fresh-eyes G1, G4): the
    new entry would move the witness on and hide what verify still sees. Only cheap
    checks: the witnessed entry, and the newest entry's count of versions against the rows."""
    from leadfit.decisions.checking import Checker
    checker = Checker(conn, None, url)
    problem = checker.chain_problem() or checker.missing_problem()
    if problem:
        raise RegisterError(f"nothing was saved: {problem}. A new entry now would hide this,"
                            " so this register takes no changes until it checks out again"
                            " (leadfit verify names each problem)")


def open_register(url: str | os.PathLike | None = None, *, create: bool = True,
                  readonly: bool = False) -> Register:
    """Open (``create=True``: or make) the register. Reading commands pass
    ``create=False`` so a mistyped path is refused instead of becoming an empty register,
    and ``readonly=True`` so reading never writes."""
    given = url or os.environ.get("LEADFIT_DB")
    url = resolve_url(url)
    refuse_undecodable(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(make_url(url).database or "")
        if not path.exists():
            if not create:
                raise NoRegister(absent(path, given))
            _create_private(path)
        warn_if_loose(path, "register")
    return Register(url, readonly=readonly)


@contextmanager
def opened_for_a_first_record(url: str | os.PathLike | None) -> Iterator[Register]:
    """Open (or make) the register to write into; when it did not exist and the write
    fails (a refusal, a full disk, an interrupt), the files made for it are removed:
    nothing written means no register file."""
    resolved = resolve_url(url)
    path = Path(make_url(resolved).database or "") if resolved.startswith("sqlite:///") else None
    made = path is not None and str(path) not in ("", ":memory:") and not path.exists()
    try:
        with open_register(url, create=True) as reg:
            yield reg
    except BaseException:
        if made and path is not None:
            for name in (path, *(Path(f"{path}{end}") for end in ("-wal", "-shm", "-journal"))):
                name.unlink(missing_ok=True)
        raise


def _create_private(path: Path) -> None:
    """Make the folder (0700) and an empty database file (0600) before SQLite opens it:
    SQLite gives its -wal and -shm files the same permissions as the database."""
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # another process made it first
    except OSError as exc:
        raise RegisterError(f"cannot create the register {path}: {exc.strerror}") from None


def _make_engine(parsed, dialect: str, *, readonly: bool = False, immutable: bool = False):
    if dialect == "postgresql":
        try:
            engine = create_engine(parsed, pool_pre_ping=True)
        except (ImportError, SQLAlchemyError) as exc:
            raise RegisterError(f"cannot use PostgreSQL here: {_short(exc)}"
                                " (install leadfit[postgres])") from None
        return engine.execution_options(postgresql_readonly=True) if readonly else engine
    if readonly and parsed.database and parsed.database != ":memory:":
        flags = "mode=ro" + ("&immutable=1" if immutable else "")
        location = quote(str(Path(parsed.database).resolve()))
        parsed = make_url(f"sqlite:///file:{location}?{flags}&uri=true")
    # connections kept open between reads and writes (SQLAlchemy's pool for a file): a new
    # one per read cost ~9 ms (the schema parsed again), and closing the last one after each
    # write checkpointed the WAL into the file (dispose() closes them: Register.close)
    engine = create_engine(parsed)
    engine.dialect.statement_compiler = _SQLiteCompiler
    event.listen(engine, "connect", _sqlite_reader_connect if readonly else _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


class _SQLiteCompiler(SQLiteCompiler):
    """SQLAlchemy's SQLite compiler with table hints: the lists name the index they read
    (``INDEXED BY``, see integrity.listed), which SQLAlchemy otherwise leaves out."""

    def get_from_hint_text(self, table, text):
        return text


def _sqlite_connect(dbapi_conn, _record) -> None:
    # Let us issue BEGIN ourselves (pysqlite's implicit BEGIN is deferred).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()
    # SQLite's lower() folds ASCII only; filters need Unicode case folding.
    dbapi_conn.create_function("lf_fold", 1, _fold, deterministic=True)


def _sqlite_reader_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only = ON")
    cur.close()
    dbapi_conn.create_function("lf_fold", 1, _fold, deterministic=True)


def _fold(value):
    return value.casefold() if isinstance(value, str) else value


def _sqlite_begin(conn) -> None:
    # A write must hold the lock from its first read of the chain head.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


DISK_FULL = ("the disk holding the register is full, so nothing was written; free some space"
             " on it and try again")
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 10, 11, 13, 26
_PG_DISK_FULL = "53100"


def _said(doing: str, exc: Exception, files: tuple[Path, ...] = ()) -> str:
    """``doing: why``; or, when the user must act on the cause itself, only that: a full
    disk, or a damaged file (what is wrong and how to restore it)."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return damaged_register(files[0] if files else "", _short(exc),
                                maybe_not_one=code & 0xFF == _SQLITE_NOTADB)
    if files and _part_missing(orig):  # a table dropped outside LeadFit: as damaged as a bad page
        return damaged_register(files[0], _short(exc), maybe_not_one=True)
    why = _short(exc, files)
    return why if why == DISK_FULL else f"{doing}: {why}"


def _part_missing(orig: object) -> bool:
    """SQLite found no table or column LeadFit made: the file was changed outside LeadFit
    (a table dropped), or is some other SQLite database."""
    said = str(orig)
    return said.startswith(("no such table", "no such column"))


def _short(exc: Exception, files: tuple[Path, ...] = ()) -> str:
    """The database's error in words: a full disk said as such (SQLite reports one as
    'database or disk is full', or as 'disk I/O error' when its WAL index cannot grow)."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF == _SQLITE_FULL or (
            code & 0xFF == _SQLITE_IOERR and any(_nearly_full(f.parent) for f in files))):
        return DISK_FULL
    if getattr(orig, "sqlstate", None) == _PG_DISK_FULL:
        return DISK_FULL
    return str(orig or exc).strip().splitlines()[0]


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False
