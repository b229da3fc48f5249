"""An old register opens in a new LeadFit; where the register lives by default."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import leadfit
from leadfit.decisions import audit, making, service
from leadfit.decisions.errors import RegisterError
from leadfit.decisions.migrations import LATEST, current_version, migrate
from leadfit.decisions.record import sha256_text
from leadfit.decisions.register import Register, open_register, resolve_url
from leadfit.rules.runtime.assess import evaluate
from tests.decisions_support import example_case, pack


def _write_schema_1_register(url: str) -> str:
    """A register as LeadFit with schema 1 left it: one record, one audit entry."""
    engine = create_engine(url)
    case = example_case()
    record = making.build(record_id="LF-2025-0001", version=1, case=case, pack=pack(),
                          assessment=evaluate(case, pack()), decision="coach",
                          justification="", conditions="Monthly review", review_date=None,
                          plan=None, status="awaiting_signoff", plan_later=True)
    body = record.canonical()
    with engine.begin() as conn:
        migrate(conn, target=1)
        conn.execute(text("INSERT INTO decision_records (serial, record_id, version, status,"
                          " created_at, body, hash) VALUES (1, :r, 1, :s, :c, :b, :h)"),
                     {"r": record.record_id, "s": record.status, "c": record.created_at,
                      "b": body, "h": sha256_text(body)})
        facts = audit.entry_for("decide", record.model_dump(mode="json"), sha256_text(body))
        entry, digest = audit.seal({**facts, "at": record.created_at}, 1, audit.GENESIS)
        conn.execute(text("INSERT INTO audit_log (seq, prev_hash, hash, entry) VALUES"
                          " (1, :p, :h, :e)"), {"p": audit.GENESIS, "h": digest, "e": entry})
        assert current_version(conn) == 1
    engine.dispose()
    return record.ref


def test_a_schema_1_register_opens_migrated_and_verifies(db_url):
    ref = _write_schema_1_register(db_url)
    with open_register(db_url) as reg:
        assert reg.found_schema == 1
        with reg.read() as conn:
            assert current_version(conn) == LATEST
        listed = service.list_records(reg, stream="Home buying journey", outcome="coach")
        assert [s.ref for s in listed] == [ref]
        assert listed[0].candidate == "Alex Morgan"
        assert service.verify(reg).ok
        signed = service.sign(reg, ref, name="Dana", role="decision_maker")
        assert signed.signoffs[0].name == "Dana"
    with open_register(db_url) as again:  # opening twice migrates once
        assert again.found_schema == LATEST


def test_a_register_from_a_newer_leadfit_is_refused_untouched(tmp_path):
    db = tmp_path / "future.sqlite3"
    with open_register(db):
        pass
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE leadfit_schema SET version = 99"))
    engine.dispose()
    with pytest.raises(RegisterError, match="newer LeadFit"):
        open_register(db)


def test_default_register_is_in_the_user_data_folder_not_the_install_folder(monkeypatch):
    url = resolve_url(None)
    install = Path(leadfit.__file__).resolve().parent.parent
    path = Path(url.removeprefix("sqlite:///"))
    assert path.name == "register.sqlite3"
    assert install not in path.parents
    assert str(path).startswith(str(Path.home()))   # the isolated home from conftest
    with open_register() as reg:
        assert Path(reg.url.removeprefix("sqlite:///")).is_file()


def test_leadfit_db_and_plain_paths_select_the_register(monkeypatch, tmp_path):
    monkeypatch.setenv("LEADFIT_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(tmp_path / "usb"))
    monkeypatch.delenv("LEADFIT_DB")
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'usb' / 'register.sqlite3'}"


@pytest.mark.parametrize("url, words", [
    ("mysql://u@h/db", "unsupported database"),
    ("sqlite:////proc/no/such/place/r.db", "cannot"),
])
def test_unusable_registers_are_named(url, words):
    with pytest.raises(RegisterError, match=words):
        open_register(url)


def test_a_file_that_is_not_a_register_is_named(tmp_path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(RegisterError, match=f"{junk} is not a LeadFit register, or the register"
                       " file is damaged, so it cannot be read .* nothing was written to it"):
        open_register(junk)
    assert junk.read_bytes().startswith(b"this is not a database")


def test_a_register_locked_too_long_is_a_named_error(tmp_path, monkeypatch):
    import sqlite3

    from leadfit.decisions import register as register_module
    from tests.decisions_support import decide_coach
    db = tmp_path / "locked.sqlite3"
    with open_register(db):
        pass
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(register_module, "BUSY_TIMEOUT_MS", 200)
    try:
        with pytest.raises(RegisterError, match="cannot open the register.*locked"):
            Register(f"sqlite:///{db}")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    reg = Register(f"sqlite:///{db}")
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(RegisterError, match="nothing was saved"):
            decide_coach(reg)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert service.list_records(reg) == []
    reg.close()


def test_sqlite_guards_are_on(tmp_path):
    reg = Register(f"sqlite:///{tmp_path / 'g.db'}")
    with reg.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    reg.close()
