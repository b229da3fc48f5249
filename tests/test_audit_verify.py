"""`verify` names every record or audit entry changed by hand; untouched verifies clean."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import text

from leadfit.decisions import service, witness
from leadfit.decisions import verify as verify_module
from leadfit.decisions.audit import seal
from leadfit.decisions.record import sha256_text
from leadfit.decisions.register import open_register
from tests.decisions_support import decide_coach, signed_record
from tests.helpers import run_cli


@pytest.fixture(params=["entries kept", "entries read again"])
def walk_window(request, monkeypatch):
    """verify parses each audit entry once as it walks, keeping what the records need of
    the last few thousand; a record whose newest entry has left that window reads it
    again. The tests that read what an entry states run both ways (a window of 0 keeps
    nothing) and name the same problems."""
    if request.param == "entries read again":
        monkeypatch.setattr(verify_module, "_WINDOW", 0)


def _sql(reg, statement, **params):
    with reg.engine.begin() as conn:   # by hand: no LeadFit write path, no audit entry
        result = conn.execute(text(statement), params)
        return result.mappings().all() if result.returns_rows else None


def _scalar(reg, statement, **params):
    return next(iter(_sql(reg, statement, **params)[0].values()))


def _three(reg):
    records = [signed_record(reg), decide_coach(reg)]
    service.correct(reg, records[0].ref, reason="typo in conditions", conditions="Fixed")
    return records


@pytest.mark.usefixtures("walk_window")
def test_untouched_register_verifies_clean(reg):
    _three(reg)
    report = service.verify(reg)
    assert report.ok, report.problems
    assert (report.records, report.entries) == (3, 5)
    assert len(report.head) == 64


def test_editing_a_signed_records_text_is_named(reg):
    first, _ = _three(reg)
    body = _scalar(reg, "SELECT body FROM decision_records WHERE record_id=:r AND version=1",
                   r=first.record_id)
    _sql(reg, "UPDATE decision_records SET body=:b WHERE record_id=:r AND version=1",
         b=body.replace('"outcome":"coach"', '"outcome":"appoint"'), r=first.record_id)
    problems = service.verify(reg).problems
    assert problems == [(f"record {first.record_id}@1 was altered: its stored text no longer"
                        " matches its hash")]


@pytest.mark.usefixtures("walk_window")
def test_editing_text_and_recomputing_its_hash_is_still_named(reg):
    first, _ = _three(reg)
    body = _scalar(reg, "SELECT body FROM decision_records WHERE record_id=:r AND version=1",
                   r=first.record_id)
    forged = body.replace("Dana Decider", "Someone Else")
    _sql(reg, "UPDATE decision_records SET body=:b, hash=:h WHERE record_id=:r AND version=1",
         b=forged, h=sha256_text(forged), r=first.record_id)
    problems = service.verify(reg).problems
    assert problems == [(f"record {first.record_id}@1 was altered: it differs from what the audit"
                        " log recorded")]


@pytest.mark.usefixtures("walk_window")
def test_editing_a_summary_column_is_named(reg):
    first, _ = _three(reg)
    _sql(reg, "UPDATE decision_records SET outcome='appoint' WHERE record_id=:r AND version=1",
         r=first.record_id)
    assert service.verify(reg).problems == [
        (f"record {first.record_id}@1 was altered: its outcome reads 'appoint', its signed"
         " text says 'coach'")]


def test_deleting_a_record_row_is_named(reg):
    _, second = _three(reg)
    _sql(reg, "DELETE FROM decision_records WHERE record_id=:r", r=second.record_id)
    assert service.verify(reg).problems == [
        f"record {second.ref} was removed: the audit log has it, the register does not"]


@pytest.mark.usefixtures("walk_window")
def test_a_record_added_by_hand_is_named(reg):
    first, _ = _three(reg)
    row = _sql(reg, "SELECT * FROM decision_records WHERE record_id=:r AND version=1",
               r=first.record_id)[0]
    values = {**row, "version": 9}
    values.pop("id")
    _sql(reg, "INSERT INTO decision_records (serial, record_id, version, status, created_at, body,"
              " hash, stream, candidate, outcome, recommended) VALUES (:serial, :record_id,"
              " :version, :status, :created_at, :body, :hash, :stream, :candidate, :outcome,"
              " :recommended)", **values)
    assert service.verify(reg).problems == [
        f"record {first.record_id}@2 is listed wrongly (its search keys were changed outside"
        " LeadFit): its search key says it is listed as 'awaiting_signoff', the register's"
        " versions make it 'superseded'",  # the forged version 9 would supersede it
        f"record {first.record_id}@9 was altered: its version reads '9', its signed text says '1'",
        f"record {first.record_id}@9 is not in the audit log: added or re-keyed outside LeadFit"]


def test_editing_an_audit_entry_is_named(reg):
    _three(reg)
    entry = _scalar(reg, "SELECT entry FROM audit_log WHERE seq=2")
    _sql(reg, "UPDATE audit_log SET entry=:e WHERE seq=2", e=entry.replace("Dana", "Dina"))
    assert service.verify(reg).problems == [
        "audit entry 2 was altered: its text no longer matches its hash"]


def test_removing_an_audit_entry_is_named(reg):
    _three(reg)
    _sql(reg, "DELETE FROM audit_log WHERE seq=4")
    problems = service.verify(reg).problems
    assert "audit entries 4 to 4 were removed" in problems
    assert any("audit entry 5 does not follow entry 4" in p for p in problems)


def test_reordering_audit_entries_is_named(reg):
    _three(reg)
    _sql(reg, "UPDATE audit_log SET seq=-2 WHERE seq=2")
    _sql(reg, "UPDATE audit_log SET seq=2 WHERE seq=3")
    _sql(reg, "UPDATE audit_log SET seq=3 WHERE seq=-2")
    problems = service.verify(reg).problems
    assert "audit entry 2 was moved: its text says it is entry 3" in problems
    assert "audit entry 3 was moved: its text says it is entry 2" in problems


def _rewrite_chain(reg, change):
    """What a forger who knows the format does: change an entry, recompute every hash after it."""
    rows = _sql(reg, "SELECT seq, entry FROM audit_log ORDER BY seq")
    prev = "0" * 64
    new = []
    for seq, entry in ((r["seq"], r["entry"]) for r in rows):
        facts = json.loads(entry)
        facts.pop("seq"), facts.pop("prev")
        entry_text, digest = seal(change(facts), seq, prev)
        new.append((seq, prev, digest, entry_text))
        prev = digest
    _sql(reg, "DELETE FROM audit_log")
    for seq, p, d, e in new:
        _sql(reg, "INSERT INTO audit_log (seq, prev_hash, hash, entry) VALUES (:s, :p, :h, :e)",
             s=seq, p=p, h=d, e=e)


def test_a_recomputed_chain_is_seen_by_the_witness_and_else_only_by_filed_pdfs(reg):
    _three(reg)
    head_before = service.verify(reg).head
    _rewrite_chain(reg, lambda f: {**f, "actor": f["actor"].replace("Dana", "Dina")})
    # the forger left the entries' index column empty: each is named as re-indexed, and so
    # each record as without an entry (verify finds a record's entries through that index)
    (problem,) = [p for p in service.verify(reg).problems
                  if "re-indexed" not in p and "not in the audit log" not in p]
    assert "audit entry 5 is not the one witnessed" in problem and "witness" in problem
    shutil.rmtree(witness.folder())      # a machine that never wrote to this register
    report = service.verify(reg)
    assert not [p for p in report.problems  # the limit of a plain chain
                if "re-indexed" not in p and "not in the audit log" not in p]
    assert report.head != head_before     # ...but it no longer matches the head on filed PDFs


def test_with_an_hmac_key_a_recomputed_chain_is_named(reg, tmp_path, monkeypatch):
    key = tmp_path / "audit.key"
    key.write_text("a secret kept outside the database\n")
    monkeypatch.setenv("LEADFIT_AUDIT_KEY_FILE", str(key))
    _three(reg)
    report = service.verify(reg)
    assert report.ok and report.authenticated
    _rewrite_chain(reg, lambda f: {**f, "actor": f["actor"].replace("Dana", "Dina")})
    problems = service.verify(reg).problems
    assert "audit entry 1 has no HMAC although a key is configured" in problems


def test_a_wrong_hmac_is_named(reg, monkeypatch):
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", "right key")
    _three(reg)
    _sql(reg, "UPDATE audit_log SET mac=:m WHERE seq=1", m="0" * 64)
    problems = service.verify(reg).problems
    assert problems[0] == "audit entry 1 fails the HMAC check: rewritten without the key"


def test_a_wrong_key_is_said_to_be_the_wrong_key_not_a_rewrite(reg, monkeypatch):
    """F26: a key that signed none of the entries is another register's key (tests/test_verify_keys.py)."""
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", "right key")
    _three(reg)
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", "wrong key")
    report = service.verify(reg)
    assert report.problems == [] and report.wrong_key
    assert report.unchecked.startswith("this key does not match the register's key")


def test_cli_verify_names_the_altered_record_and_exits_1(tmp_path):
    db = tmp_path / "r.sqlite3"
    from leadfit.decisions.register import open_register
    with open_register(db) as r:
        first = signed_record(r)
        clean = run_cli("verify", "--db", str(db))
        assert clean.returncode == 0 and "register verified" in clean.stdout, clean.stderr
        _sql(r, "UPDATE decision_records SET body=replace(body, 'Harper', 'Harpo')")
    bad = run_cli("verify", "--db", str(db))
    assert bad.returncode == 1
    assert f"CHANGED: record {first.ref} was altered" in bad.stdout
    assert "FAILED" in bad.stdout


@pytest.mark.parametrize("env", [{"LEADFIT_AUDIT_KEY_FILE": "/no/such/key"}])
def test_an_unreadable_key_file_is_a_named_error(tmp_path, env):
    open_register(tmp_path / "r.db").close()
    result = run_cli("verify", "--db", str(tmp_path / "r.db"), env=env)
    assert result.returncode == 2 and "audit key file" in result.stderr


def test_verify_counts_in_plain_words(tmp_path):
    url = f"sqlite:///{tmp_path / 'one.sqlite3'}"
    with open_register(url) as reg:
        decide_coach(reg)
    result = run_cli("verify", "--db", url)
    assert result.returncode == 0
    assert "register verified: 1 record version, 1 audit entry, chain head" in result.stdout
