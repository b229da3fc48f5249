"""`leadfit verify` and the audit key (F26): the wrong key file is not tampering, a signed
register checked without its key is not "verified", and a forged signature still is named."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import create_engine, text

from leadfit.decisions import witness
from leadfit.decisions.register import open_register
from leadfit.decisions.texts import mac_of
from tests.decisions_support import decide_coach, signed_record, squash


@pytest.fixture
def keyed(tmp_path, monkeypatch, cli):
    """A SQLite register signed with one key (three audit entries); the key file's path."""
    key = tmp_path / "audit.key"
    key.write_text("the register's own key\n")
    key.chmod(0o600)
    monkeypatch.setenv("LEADFIT_AUDIT_KEY_FILE", str(key))
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        signed_record(reg)
    return db


def use_key(tmp_path, monkeypatch, words: str) -> None:
    other = tmp_path / "other.key"
    other.write_text(words)
    other.chmod(0o600)
    monkeypatch.setenv("LEADFIT_AUDIT_KEY_FILE", str(other))


def sql(db, statement: str, **params):
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        rows = conn.execute(text(statement), params)
        found = rows.all() if rows.returns_rows else None
    engine.dispose()
    return found


def test_the_right_key_verifies_every_signature(cli, keyed):
    result = cli("verify", "--db", keyed)
    assert result.returncode == 0
    assert "register verified" in result.stdout and "every entry authenticated by HMAC" in result.stdout


def test_the_wrong_key_file_is_named_as_the_wrong_key_not_as_tampering(cli, keyed, tmp_path,
                                                                          monkeypatch):
    use_key(tmp_path, monkeypatch, "another register's key\n")
    result = cli("verify", "--db", keyed)
    out = squash(result.stdout)
    assert result.returncode == 1
    assert "CHANGED" not in out and "fails" not in out and "rewritten" not in out
    assert ("SIGNATURES NOT CHECKED: this key does not match the register's key: none of its 3"
            " signed audit entries was signed with it") in out
    assert "register NOT VERIFIED: 1 record version, 3 audit entries" in out


def test_a_signed_register_checked_without_its_key_is_not_called_verified(cli, keyed, monkeypatch):
    monkeypatch.delenv("LEADFIT_AUDIT_KEY_FILE")
    result = cli("verify", "--db", keyed)
    out = squash(result.stdout)
    assert result.returncode == 1 and "register verified" not in out and "CHANGED" not in out
    assert ("SIGNATURES NOT CHECKED: this register is signed; give its key to check the"
            " signatures") in out


def test_an_unsigned_register_without_a_key_still_verifies(cli, tmp_path):
    db = tmp_path / "plain.sqlite3"
    with open_register(db) as reg:
        decide_coach(reg)
    result = cli("verify", "--db", db)
    assert result.returncode == 0 and "register verified" in result.stdout
    assert "SIGNATURES" not in result.stdout


def test_one_forged_signature_is_still_named_with_the_right_key(cli, keyed):
    sql(keyed, "UPDATE audit_log SET mac=:m WHERE seq=2", m="0" * 64)
    result = cli("verify", "--db", keyed)
    assert result.returncode == 1
    assert "CHANGED: audit entry 2 fails the HMAC check: rewritten without the key" in result.stdout
    assert "SIGNATURES NOT CHECKED" not in result.stdout


def test_every_entry_re_signed_with_another_key_is_tampering_where_the_witness_knows_the_key(
        cli, keyed):
    """The forger signed each entry with a key of their own: the register's key then signs
    none of them, as a wrong key would. The witness outside the database, signed with the
    register's key, tells the two apart."""
    for seq, digest in sql(keyed, "SELECT seq, hash FROM audit_log"):
        sql(keyed, "UPDATE audit_log SET mac=:m WHERE seq=:s", m=mac_of(b"forger", digest), s=seq)
    result = cli("verify", "--db", keyed)
    assert result.returncode == 1
    assert "CHANGED: audit entry 1 fails the HMAC check" in result.stdout
    assert "does not match the register's key" not in result.stdout
    shutil.rmtree(witness.folder())   # another computer, with no witness: it cannot tell
    elsewhere = cli("verify", "--db", keyed)
    assert elsewhere.returncode == 1 and "CHANGED" not in elsewhere.stdout
    assert "(if this is that key, every entry was re-signed outside LeadFit)" in squash(
        elsewhere.stdout)
