"""Reviews are read as strictly as records (docs/integrity.md): each hand edit of a review,
or of the schema-5 columns that find due reviews, is refused on read and named by verify."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from leadfit.decisions import review_service, service
from leadfit.decisions.errors import RecordAltered
from leadfit.decisions.record import sha256_text
from leadfit.decisions.register import open_register
from leadfit.reports import printing
from tests.decisions_support import decide_coach, review_continue, sign_all

KEY = "kept outside the database"


def _register(tmp_path):
    """D: a signed coached decision; R: its signed first review (continue, next 2 May 2027)."""
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        d = sign_all(reg, decide_coach(reg).ref)
        r = sign_all(reg, review_continue(reg, d.record_id).ref)
    return db, d.record_id, r.record_id


def _body(conn, rid, old, new, rehash):
    body = conn.execute("SELECT body FROM decision_records WHERE record_id=?", (rid,)).fetchone()[0]
    changed = body.replace(old, new)
    assert changed != body
    conn.execute("UPDATE decision_records SET body=?" + (", hash=?" if rehash else "")
                 + " WHERE record_id=?", (changed, sha256_text(changed), rid) if rehash
                 else (changed, rid))


EDITS = {
    # id: (edit(conn, D, R), the record a read refuses)
    "review-verdict-edited": (lambda c, d, r: _body(c, r, '"verdict":"continue"',
                                                    '"verdict":"extend"', False), "R"),
    "review-verdict-edited-and-rehashed": (lambda c, d, r: _body(
        c, r, '"verdict":"continue"', '"verdict":"extend"', True), "R"),
    "review-findings-edited-and-rehashed": (lambda c, d, r: _body(
        c, r, '"after":"high"', '"after":"low"', True), "R"),
    "review-next-date-column-moved": (lambda c, d, r: c.execute(
        "UPDATE decision_records SET next_review='2099-01-01' WHERE record_id=?", (r,)), "R"),
    "decision-next-date-column-cleared": (lambda c, d, r: c.execute(
        "UPDATE decision_records SET next_review=NULL WHERE record_id=?", (d,)), "D"),
    "review-link-column-cleared": (lambda c, d, r: c.execute(
        "UPDATE decision_records SET review_of=NULL WHERE record_id=?", (r,)), "R"),
    "review-link-column-redirected": (lambda c, d, r: c.execute(
        "UPDATE decision_records SET review_of='LF-2026-0042' WHERE record_id=?", (r,)), "R"),
    "review-row-deleted": (lambda c, d, r: c.execute(
        "DELETE FROM decision_records WHERE record_id=?", (r,)), None),
}


@pytest.fixture(params=[False, True], ids=["no-key", "key"])
def keyed(request, monkeypatch):
    if request.param:
        monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY)
    return request.param


@pytest.mark.parametrize("kind", list(EDITS))
def test_each_edit_of_a_review_is_refused_on_read_and_named_by_verify(tmp_path, keyed, kind):
    edit, target = EDITS[kind]
    db, d, r = _register(tmp_path)
    conn = sqlite3.connect(db, isolation_level=None)
    edit(conn, d, r)
    conn.close()
    with open_register(db, create=False, readonly=True) as reg:
        if target is not None:
            for call in (service.show, printing.render_pdf, review_service.reviews_of):
                with pytest.raises(RecordAltered, match="run leadfit verify"):
                    call(reg, {"D": d, "R": r}[target])
        report = service.verify(reg)
    assert not report.ok
    assert any(r in p or d in p for p in report.problems)


def test_an_altered_review_that_is_due_is_marked_in_the_due_list_never_shown(tmp_path, cli):
    db, d, r = _register(tmp_path)
    conn = sqlite3.connect(db, isolation_level=None)
    _body(conn, r, "Trades one thing", "Refuses every thing", False)
    conn.close()
    with open_register(db, create=False, readonly=True) as reg:
        due = review_service.due_reviews(reg, date(2027, 5, 3))
    assert [(x.record_id, x.intact, x.stream) for x in due] == [(r, False, "")]
    result = cli("register", "list", "--due", "--today", "2027-05-03", "--db", db)
    assert result.returncode == 1 and "ALTERED" in result.stdout


def test_an_untouched_register_with_reviews_verifies_clean(tmp_path, cli):
    db, d, r = _register(tmp_path)
    result = cli("verify", "--db", db)
    assert result.returncode == 0, result.stdout + result.stderr
