"""A row deleted from the register outside LeadFit is named by every list, not only verify.

The tester's edit: ``delete from decision_records where record_id='LF-2026-0002'``. The
audit log still names that version, so every reading path that lists many records
(list, list --due, the CSV, the portfolio) counts what the audit log says was written
against what the register holds (decisions/integrity.py) and says so in words, exit 1.
Run on SQLite and PostgreSQL (db_url)."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import create_engine, text

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, review_continue, signed_record

ONE = "1 record named in the audit trail is missing from the register: run leadfit verify"


def _delete(url: str, sql: str, **values) -> None:
    """What someone with the database (sqlite3, psql) does; nothing of LeadFit's."""
    engine = create_engine(url)
    with engine.begin() as conn:
        assert conn.execute(text(sql), values).rowcount == 1
    engine.dispose()


@pytest.fixture
def register_of_three(db_url):
    """A signed coaching decision (reviewed once), and a second decision in another stream."""
    with open_register(db_url) as reg:
        first = signed_record(reg)
        second = signed_record(reg, case=case_with(stream__name="Claims journey",
                                                   candidate__name="Jo Rivers"))
        review = review_continue(reg, first.ref)
    return db_url, first, second, review


def _every_command_notices(cli, url, tmp_path, words=ONE):
    listed = cli("register", "list", "--db", url)
    assert listed.returncode == 1 and words in listed.stderr
    due = cli("register", "list", "--due", "--today", "2027-06-01", "--db", url)
    assert due.returncode == 1 and words in due.stderr
    board = cli("portfolio", "--db", url)
    assert board.returncode == 1 and words in board.stderr
    out = tmp_path / "register.csv"
    exported = cli("register", "export", "--csv", out, "--db", url)
    assert exported.returncode == 1 and words in exported.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[-1]["status"] == "altered" and rows[-1]["intact"] == f"NO: {words}"
    return listed


def test_a_deleted_decision_row_is_named_by_every_list(register_of_three, cli, tmp_path):
    url, first, second, _review = register_of_three
    assert cli("register", "list", "--db", url).returncode == 0  # intact: nothing said
    _delete(url, "DELETE FROM decision_records WHERE record_id=:r", r=second.record_id)
    listed = _every_command_notices(cli, url, tmp_path)
    assert first.record_id in listed.stdout  # the other rows still list
    shown = cli("register", "show", first.ref, "--db", url)  # one record: its own checks
    assert shown.returncode == 0
    verified = cli("verify", "--db", url)
    assert verified.returncode == 1 and f"record {second.ref} was removed" in verified.stdout


def test_a_deleted_review_row_the_audit_names_is_named_by_every_list(register_of_three, cli,
                                                                     tmp_path):
    url, _first, _second, review = register_of_three
    _delete(url, "DELETE FROM decision_records WHERE record_id=:r AND review_of IS NOT NULL",
            r=review.record_id)
    _every_command_notices(cli, url, tmp_path)


def test_two_deleted_rows_are_counted(register_of_three, cli, tmp_path):
    url, first, second, review = register_of_three
    _delete(url, "DELETE FROM decision_records WHERE record_id=:r", r=second.record_id)
    _delete(url, "DELETE FROM decision_records WHERE record_id=:r", r=review.record_id)
    _every_command_notices(cli, url, tmp_path, words="2 records named in the audit trail are"
                           " missing from the register: run leadfit verify")
    with open_register(url) as reg:
        assert service.missing(reg).startswith("2 records")
