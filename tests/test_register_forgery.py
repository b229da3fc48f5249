"""Every kind of register edit an attacker who read the code could make, and what sees it.

Each row of EDITS is one kind (docs/integrity.md lists them with these ids). The
register holds A (decided and signed twice: entries 1-3) and B (decided: entry 4).
``read``: show/report of the target refuse it and the list marks it; ``verify``:
verify names it. Run without and with the audit key.

A list shows only columns the audit chain seals (schema 11 reads them from an index,
never the 10 KB texts), so an edit of a text alone, its stored hash left as it was
(TEXT_ONLY), leaves every listed value genuine: the list shows the row as written,
and each read of the text (show, report, history, the CSV export) and verify refuse it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from leadfit.decisions import service, witness
from leadfit.reports import printing
from leadfit.decisions.audit import mac_of, seal
from leadfit.decisions.errors import RecordAltered, RegisterError
from leadfit.decisions.record import sha256_text
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, decide_coach, signed_record

KEY = b"kept outside the database"


def _db(path):
    return sqlite3.connect(path, isolation_level=None)


def _rows(conn, sql, *args):
    return conn.execute(sql, args).fetchall()


def _reseal_from(conn, seq, change=lambda f: f, key=None):
    """Recompute entry ``seq`` and every entry after it (what a forger who knows the format does)."""
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq=?", (seq - 1,)).fetchone()
    prev = prev[0] if prev else "0" * 64
    for s, text in _rows(conn, "SELECT seq, entry FROM audit_log WHERE seq>=? ORDER BY seq", seq):
        facts = json.loads(text)
        facts.pop("seq"), facts.pop("prev")
        new_text, digest = seal(change(facts), s, prev)
        conn.execute("UPDATE audit_log SET seq=-seq, prev_hash='x'||seq, hash='y'||seq WHERE seq=?",
                     (s,))
        conn.execute("UPDATE audit_log SET seq=?, prev_hash=?, hash=?, entry=?, mac=? WHERE seq=?",
                     (s, prev, digest, new_text, mac_of(key, digest) if key else None, -s))
        prev = digest


def _forge_body(conn, rid, old, new, *, rehash=True, entry=False):
    body, digest = conn.execute("SELECT body, hash FROM decision_records WHERE record_id=? AND"
                                " version=1", (rid,)).fetchone()
    changed = body.replace(old, new)
    assert changed != body
    conn.execute("UPDATE decision_records SET body=?" + (", hash=?" if rehash else "")
                 + " WHERE record_id=? AND version=1",
                 (changed, sha256_text(changed), rid) if rehash else (changed, rid))
    if entry:  # the second SQL update: the record hash inside the newest entry's text
        conn.execute("UPDATE audit_log SET entry=replace(entry, ?, ?)",
                     (digest, sha256_text(changed)))


def _column(name, value):
    return lambda c, a, b: c.execute(f"UPDATE decision_records SET {name}=? WHERE record_id=?",
                                     (value, a))


def _delete_newest_restore_earlier(c, a, b):
    """Cut the sign-offs of A from the log and put A's unsigned text back."""
    first = json.loads(c.execute("SELECT entry FROM audit_log WHERE seq=1").fetchone()[0])
    c.execute("DELETE FROM audit_log WHERE seq>1")
    body = c.execute("SELECT body FROM decision_records WHERE record_id=?", (a,)).fetchone()[0]
    data = json.loads(body)
    data.update(signoffs=[], status="awaiting_signoff")
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert sha256_text(text) == first["record_hash"]
    c.execute("UPDATE decision_records SET body=?, hash=?, status='awaiting_signoff'"
              " WHERE record_id=?", (text, sha256_text(text), a))
    c.execute("DELETE FROM decision_records WHERE record_id=?", (b,))


def _key(name, value, which="A"):
    return lambda c, a, b: c.execute(
        f"UPDATE record_keys SET {name}=? WHERE id=(SELECT id FROM decision_records"
        " WHERE record_id=?)", (value, a if which == "A" else b))


EDITS = {
    # id: (edit(conn, A, B), target, read sees it, verify sees it)
    "body-text": (lambda c, a, b: _forge_body(c, a, "Harper", "Harpo", rehash=False), "A", True, True),
    "body-and-hash": (lambda c, a, b: _forge_body(c, a, "Harper", "Harpo"), "A", True, True),
    "forged-signoff-two-updates": (
        lambda c, a, b: _forge_body(c, a, "Harper Hr", "Mallory Hr", entry=True), "A", True, True),
    "forged-signoff-entry-resealed": (
        lambda c, a, b: (_forge_body(c, b, "Weekly coaching", "No coaching", entry=True),
                         _reseal_from(c, 4)), "B", True, True),
    "whole-chain-recomputed": (
        lambda c, a, b: (_forge_body(c, a, "Harper Hr", "Mallory Hr", entry=True),
                         _reseal_from(c, 1)), "A", True, True),
    "status-column": (_column("status", "draft"), "A", True, True),
    "stream-column": (_column("stream", "Forged stream"), "A", True, True),
    "candidate-column": (_column("candidate", "Someone Else"), "A", True, True),
    "outcome-column": (_column("outcome", "appoint"), "A", True, True),
    "recommended-column": (_column("recommended", "appoint"), "A", True, True),
    "created-at-column": (_column("created_at", "2020-01-01T00:00:00Z"), "A", True, True),
    "serial-column": (_column("serial", 77), "A", True, True),
    "rows-reordered": (lambda c, a, b: (
        c.execute("UPDATE decision_records SET id=-id"),
        c.execute("UPDATE decision_records SET id=CASE WHEN record_id=? THEN 2 ELSE 1 END", (a,))),
        "A", False, True),
    "record-row-deleted": (lambda c, a, b: c.execute(
        "DELETE FROM decision_records WHERE record_id=?", (b,)), None, False, True),
    "record-row-inserted": (lambda c, a, b: c.execute(
        "INSERT INTO decision_records (serial, record_id, version, status, created_at, body, hash,"
        " stream, candidate, outcome, recommended) SELECT serial, record_id, 2, status,"
        " created_at, body, hash, stream, candidate, outcome, recommended FROM decision_records"
        " WHERE record_id=?", (a,)), "A@2", True, True),
    "entry-text-edited": (lambda c, a, b: c.execute(
        "UPDATE audit_log SET entry=replace(entry, 'Harper', 'Harpo') WHERE seq=3"), "A", True, True),
    "entry-about-record-deleted": (lambda c, a, b: c.execute("DELETE FROM audit_log WHERE seq=3"),
                                   "A", True, True),
    "middle-entry-deleted": (lambda c, a, b: c.execute("DELETE FROM audit_log WHERE seq=2"),
                             "A", True, True),
    "entries-reordered": (lambda c, a, b: (
        c.execute("UPDATE audit_log SET seq=-1 WHERE seq=3"),
        c.execute("UPDATE audit_log SET seq=3 WHERE seq=4"),
        c.execute("UPDATE audit_log SET seq=4 WHERE seq=-1")), "A", True, True),
    "entry-reindexed": (lambda c, a, b: c.execute(
        "UPDATE audit_log SET record_ref=NULL WHERE seq=3"), "A", False, True),
    "newest-entries-deleted-earlier-text-restored": (_delete_newest_restore_earlier, "A", True, True),
    "newest-entry-deleted": (lambda c, a, b: c.execute("DELETE FROM audit_log WHERE seq=4"),
                             "A", True, True),
    # schema 6's search keys (decisions/keys.py): never shown, so a forged key can only hide a
    # row from a filter or list it under a wrong one; each listed row is checked against them
    "search-key-edited": (_key("stream_key", "forged stream"), None, True, True),
    "search-key-status-edited": (_key("shown", "signed", "B"), None, True, True),
    "search-text-edited": (_key("search", "nothing to find"), None, True, True),
    "search-key-deleted": (lambda c, a, b: c.execute(
        "DELETE FROM record_keys WHERE id=(SELECT id FROM decision_records WHERE record_id=?)",
        (b,)), None, True, True),
    "register-emptied": (lambda c, a, b: (c.execute("DELETE FROM audit_log"),
                                          c.execute("DELETE FROM decision_records")),
                         None, True, True),
}


# edits a list cannot see, as it reads no text (above); everything else it marks
TEXT_ONLY = {"body-text"}


@pytest.fixture(params=[False, True], ids=["no-key", "key"])
def keyed(request, monkeypatch):
    if request.param:
        monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY.decode())
    return request.param


def _register(tmp_path):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        a = signed_record(reg)
        b = decide_coach(reg, case=case_with(stream__name="Claims journey"))
    return db, a.record_id, b.record_id


@pytest.mark.parametrize("kind", [k for k, v in EDITS.items() if v[2]])
def test_each_kind_of_edit_is_refused_on_read_and_marked_in_the_list(tmp_path, keyed, kind):
    edit, target, _read, _verify = EDITS[kind]
    db, a, b = _register(tmp_path)
    with open_register(db, create=False, readonly=True) as reg:
        written = service.list_records(reg, limit=None)
    conn = _db(db)
    edit(conn, a, b)
    conn.close()
    with open_register(db, create=False, readonly=True) as reg:
        if target is not None:
            ref = target.replace("A", a).replace("B", b)
            for call in (service.show, printing.render_pdf, service.history):
                with pytest.raises(RecordAltered, match="run leadfit verify"):
                    call(reg, ref)
        try:
            listed = service.list_records(reg, limit=None)
        except RecordAltered as exc:  # the chain itself was cut or swapped: nothing is listed
            assert "witness" in str(exc)
            return
        altered = [r for r in listed if not r.intact]
        if kind in TEXT_ONLY:
            _shows_what_was_written(reg, listed, written, tmp_path)
            return
        assert altered and all(r.status == "altered" and r.stream == r.candidate == ""
                               for r in altered)
        assert all(r.stream for r in listed if r.intact)


def _shows_what_was_written(reg, listed, written, tmp_path):
    """A text edited alone: the list shows every row as LeadFit wrote and sealed it
    (nothing taken from the edited text), and the CSV export, which copies the texts,
    says the record was altered."""
    assert listed == written and all(r.intact for r in listed)
    service.export_csv(reg, tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "NO: record" in text and "its stored text no longer matches its hash" in text


@pytest.mark.parametrize("kind", list(EDITS))
def test_verify_names_each_kind(tmp_path, keyed, kind):
    edit, _target, _read, verify_sees = EDITS[kind]
    db, a, b = _register(tmp_path)
    conn = _db(db)
    edit(conn, a, b)
    conn.close()
    with open_register(db, create=False, readonly=True) as reg:
        assert (not service.verify(reg).ok) == verify_sees


def test_a_whole_chain_recomputed_with_the_key_still_fails_without_the_witness(tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY.decode())
    db, a, b = _register(tmp_path)
    conn = _db(db)
    _forge_body(conn, a, "Harper Hr", "Mallory Hr", entry=True)
    _reseal_from(conn, 1)              # no key: the forger cannot make MACs
    conn.close()
    shutil.rmtree(witness.folder())
    with open_register(db, create=False, readonly=True) as reg:
        with pytest.raises(RecordAltered, match="HMAC"):
            service.show(reg, a)
        assert any("HMAC" in p for p in service.verify(reg).problems)


def test_a_keyed_register_refuses_writers_without_the_right_key(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY.decode())
    db, a, b = _register(tmp_path)
    monkeypatch.delenv("LEADFIT_AUDIT_KEY")
    with open_register(db) as reg:
        with pytest.raises(RegisterError, match="protected by an audit key"):
            service.sign(reg, b, name="No Key", role="decision_maker")
        monkeypatch.setenv("LEADFIT_AUDIT_KEY", "a guess")
        with pytest.raises(RecordAltered, match="HMAC"):  # refused on reading, before writing
            service.sign(reg, b, name="Wrong Key", role="decision_maker")
        with pytest.raises(RegisterError, match="not this register's key"):
            decide_coach(reg, case=case_with(stream__name="Payments journey"))
        monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY.decode())
        assert service.verify(reg).ok   # nothing half-written by the refused writers


def test_a_register_swapped_for_another_valid_one_is_seen(tmp_path):
    db, a, _b = _register(tmp_path)
    other = tmp_path / "other" / "register.sqlite3"
    other.parent.mkdir()
    with open_register(other) as reg:  # a genuine register of its own, with one record
        decide_coach(reg)
    shutil.copy(other, db)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"register.sqlite3{suffix}").unlink(missing_ok=True)
    with open_register(db, create=False, readonly=True) as reg:
        problems = service.verify(reg).problems
        assert any("were removed, or the register was emptied or replaced" in p for p in problems)
        with pytest.raises(RecordAltered):
            service.show(reg, a)


def test_an_edited_witness_is_named_with_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY.decode())
    db, a, _b = _register(tmp_path)
    (path,) = witness.folder().glob("*.json")
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "seq": 1}))
    with open_register(db, create=False, readonly=True) as reg:
        assert any("fails its HMAC check" in p for p in service.verify(reg).problems)
