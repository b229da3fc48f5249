"""What HR found left in the register: a due review hidden by an edited column, a corrected
review that stopped being a review, a full disk in codes, an empty register file left by a
failed decide, and records naming the computer's account instead of the person."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import date

import pytest

from leadfit.decisions import review_service, service
from leadfit.decisions.register import open_register
from tests.decisions_support import decide_coach, review_continue, sign_all
from tests.helpers import EXAMPLE_CASE


def test_a_corrected_review_stays_a_review_in_its_chain(reg):
    decision = sign_all(reg, decide_coach(reg).ref)
    first = sign_all(reg, review_continue(reg, decision.record_id).ref)
    corrected = service.correct(reg, first.record_id, reason="the former role share was misread",
                                review_date="2027-04-20", recorded_by="Harper Hr")
    assert corrected.review is not None
    assert (corrected.review.of, corrected.review.decision) == (decision.ref, decision.ref)
    assert corrected.review.verdict == "continue" and corrected.review.next_review == "2027-04-20"
    assert corrected.review.behaviours == first.review.behaviours
    sign_all(reg, corrected.ref)
    assert [r.ref for r in review_service.reviews_of(reg, decision.record_id)] == [corrected.ref]
    due = review_service.due_reviews(reg, date(2027, 4, 1))
    assert [(d.ref, d.due, d.kind) for d in due] == [(corrected.ref, "2027-04-20", "decisive")]
    assert service.verify(reg).ok


@pytest.mark.parametrize("edited", ["NULL", "'2099-01-01'"])
def test_a_due_review_whose_date_column_was_edited_is_reported_not_dropped(tmp_path, cli, edited):
    db = str(tmp_path / "register.sqlite3")
    with open_register(db) as reg:
        decision = sign_all(reg, decide_coach(reg).ref)   # first review 1 February 2027
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(f"UPDATE decision_records SET next_review = {edited}")
    conn.close()
    with open_register(db, create=False, readonly=True) as reg:
        due = review_service.due_reviews(reg, date(2027, 2, 2))
    assert [(d.ref, d.intact) for d in due] == [(decision.ref, False)]
    assert "next review date" in due[0].problem
    result = cli("register", "list", "--due", "--today", "2027-02-02", "--db", db)
    assert result.returncode == 1
    assert decision.ref in result.stdout and "ALTERED" in result.stdout
    assert "was altered since it was written: its next review date reads" in result.stdout


def test_an_untouched_register_lists_no_alteration_among_the_reviews_not_yet_due(reg):
    sign_all(reg, decide_coach(reg).ref)
    assert review_service.due_reviews(reg, date(2026, 12, 1)) == []


def test_a_decide_that_fails_leaves_no_register_file(tmp_path, cli):
    db = tmp_path / "register.sqlite3"
    result = cli("decide", EXAMPLE_CASE, "--decision", "coach", "--recorded-by", "Robin Hale",
                 "--db", db)                               # coach without conditions: refused
    assert result.returncode == 2 and "needs its conditions written down" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_decide_that_fails_on_an_existing_register_keeps_it(tmp_path, cli):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        decide_coach(reg)
    result = cli("decide", EXAMPLE_CASE, "--decision", "nonsense", "--recorded-by", "Robin Hale",
                 "--db", db)
    assert result.returncode == 2 and db.exists()
    with open_register(db) as reg:
        assert len(service.list_records(reg)) == 1


@pytest.mark.parametrize("command", ["decide", "correct", "review"])
def test_without_a_name_nothing_is_recorded_and_the_person_is_asked_for_it(tmp_path, cli, command):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        record = sign_all(reg, decide_coach(reg, recorded_by="Robin Hale").ref)
    args = {"decide": ["decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Coached",
                       "--plan-later", "--again"],
            "correct": ["correct", record.record_id, "--reason", "the conditions were wrong",
                        "--conditions", "Coached weekly"],
            "review": ["review", record.record_id, "--verdict", "continue", "--on", "2027-02-01", "--today", "2027-02-01",
                       "--behaviours", "Trades one thing for another"]}[command]
    result = cli(*args, "--db", db)
    assert result.returncode == 2
    assert "who is recording this: give your full name (--recorded-by NAME)" in result.stderr
    with open_register(db) as reg:
        assert [r.ref for r in service.list_records(reg)] == [record.ref]
    named = cli(*args, "--recorded-by", "  Robin   Hale ", "--db", db)
    assert named.returncode == 0, named.stderr
    with open_register(db) as reg:
        assert service.list_records(reg)[0].ref != record.ref


def _small_disk(tmp_path):
    """A real 1 MB filesystem (tmpfs, root only), unmounted after the test."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        pytest.fail(f"cannot mount a small tmpfs (run as root): {done.stderr}")
    return mount


def test_a_full_disk_is_said_in_words_and_nothing_is_written(tmp_path, cli):
    mount = _small_disk(tmp_path)
    try:
        db = mount / "register.sqlite3"
        with open_register(db) as reg:
            decide_coach(reg, recorded_by="Robin Hale")
        filler = mount / "filler"                   # the rest of the disk taken by another file
        out = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(out, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(out)
        result = cli("decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Coached",
                     "--plan-later", "--again", "--recorded-by", "Robin Hale", "--db", db)
        assert result.returncode == 2
        assert "the disk holding the register is full, so nothing was written" in result.stderr
        assert "disk I/O error" not in result.stderr and "database or disk" not in result.stderr
        filler.unlink()
        with open_register(db) as reg:
            assert len(service.list_records(reg)) == 1 and service.verify(reg).ok
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_register_that_cannot_grow_says_the_disk_is_full_and_keeps_what_it_had(tmp_path):
    """The write path: SQLite's own page limit stands in for the disk filling mid-write."""
    from sqlalchemy import event

    from leadfit.decisions.errors import RegisterError
    with open_register(tmp_path / "register.sqlite3") as reg:
        decide_coach(reg, recorded_by="Robin Hale")
        event.listen(reg.engine, "connect", lambda dbapi, _r: dbapi.execute(
            "PRAGMA max_page_count = " + str(dbapi.execute("PRAGMA page_count").fetchone()[0])))
        reg.engine.dispose()   # the pooled connection goes: the next one gets the limit
        with pytest.raises(RegisterError) as refused:
            decide_coach(reg, recorded_by="Robin Hale", again=True)
        assert str(refused.value).startswith("the disk holding the register is full, so nothing"
                                             " was written")
    with open_register(tmp_path / "register.sqlite3") as reg:
        assert len(service.list_records(reg)) == 1 and service.verify(reg).ok
