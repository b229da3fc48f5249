"""Retrying is safe, readers never write, outputs never clobber, a full disk is named,
and a filed PDF can be checked against the register."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import subprocess

import pytest

from leadfit.decisions.register import open_register
from tests.decisions_support import counts, decide_coach, signed_record
from tests.helpers import EXAMPLE_CASE, mounted


@pytest.fixture
def db(tmp_path):
    return tmp_path / "register.sqlite3"


DECIDE = ("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--plan-later", "--conditions",
          "Weekly coaching")


def test_a_retried_decide_answers_with_the_record_already_committed(db, cli):
    first = cli(*DECIDE, "--db", db)
    again = cli(*DECIDE, "--db", db)        # e.g. after the first was killed past its commit
    assert first.returncode == again.returncode == 0
    assert again.stdout == first.stdout
    assert "already records this decision" in again.stderr and "--again" in again.stderr
    with open_register(db) as reg:
        assert counts(reg) == (1, 1)
    second = cli(*DECIDE, "--again", "--db", db)
    assert second.returncode == 0 and second.stdout != first.stdout
    other = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--plan-later", "--conditions",
                "Monthly", "--db", db)
    assert other.stdout not in (first.stdout, second.stdout)   # a different decision is new
    with open_register(db) as reg:
        assert counts(reg) == (3, 3)


def test_reading_commands_never_write_the_register(db, cli, tmp_path):
    with open_register(db) as reg:
        record = signed_record(reg)
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = db.read_bytes(), db.stat().st_mtime_ns
    for args in (["verify"], ["register", "list"], ["register", "show", record.record_id],
                 ["replay", record.record_id], ["report", record.record_id, "--out",
                                                tmp_path / "r.pdf"],
                 ["register", "export", "--csv", tmp_path / "r.csv"]):
        assert cli(*args, "--db", db).returncode == 0, args
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


def test_reading_works_on_read_only_media(tmp_path, cli):
    with mounted(tmp_path / "media", "4m") as media:
        db = media / "register.sqlite3"
        with open_register(db) as reg:
            record = signed_record(reg)
        subprocess.run(["mount", "-o", "remount,ro", media], check=True)
        for args in (["verify"], ["register", "list"], ["register", "show", record.record_id],
                     ["report", record.record_id, "--out", tmp_path / "r.pdf"]):
            result = cli(*args, "--db", db)
            assert result.returncode == 0, (args, result.stderr)
        refused = cli("sign", record.record_id, "--name", "X", "--role", "hr", "--db", db)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr


def test_a_full_disk_is_a_named_error_and_leaves_nothing_behind(tmp_path, cli):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        record = signed_record(reg)
    with mounted(tmp_path / "full", "8k") as full:
        fd = os.open(full / "filler", os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            for _ in range(64):             # fill it to the last byte
                os.write(fd, b"x" * 1024)
        os.close(fd)
        result = cli("report", record.record_id, "--out", full / "r.pdf", "--db", db)
        assert result.returncode == 2, result.stderr
        assert "the disk is full" in result.stderr and "nothing was left behind" in result.stderr
        assert sorted(p.name for p in full.iterdir()) == ["filler"]
        csv = cli("register", "export", "--csv", full / "r.csv", "--db", db)
        assert csv.returncode == 2 and "the disk is full" in csv.stderr
        assert sorted(p.name for p in full.iterdir()) == ["filler"]


def test_outputs_never_overwrite_the_register_or_an_existing_file_unasked(db, cli, tmp_path):
    with open_register(db) as reg:
        record = signed_record(reg)
    before = db.read_bytes()
    for target in (db, tmp_path / "register.sqlite3-wal"):
        for args in (["report", record.record_id, "--out", target],
                     ["register", "export", "--csv", target]):
            result = cli(*args, "--force", "--db", db)
            assert result.returncode == 2 and "is the open register" in result.stderr, args
    assert db.read_bytes() == before
    existing = tmp_path / "kept.pdf"
    existing.write_text("someone's file")
    for args in (["report", record.record_id, "--out", existing],
                 ["register", "export", "--csv", existing]):
        result = cli(*args, "--db", db)
        assert result.returncode == 2 and "already exists" in result.stderr and "--force" in result.stderr
        assert existing.read_text() == "someone's file"
    assert cli("report", record.record_id, "--out", existing, "--force", "--db", db).returncode == 0
    assert existing.read_bytes().startswith(b"%PDF")


def test_temp_files_are_never_at_a_predictable_name(tmp_path):
    """pack docs used to write through OUT.part: a planted symlink there redirected it."""
    from leadfit.files import write_bytes
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "docs.pdf"
    for planted in (tmp_path / ".docs.pdf.part", tmp_path / ".docs.pdf.tmp"):
        planted.symlink_to(victim)
    write_bytes(out, b"%PDF-1.4 test")
    assert victim.read_text() == "precious" and out.read_bytes() == b"%PDF-1.4 test"


def test_a_loose_key_file_and_register_are_warned_about(db, tmp_path, cli, monkeypatch):
    key = tmp_path / "audit.key"
    key.write_text("secret")
    key.chmod(0o644)
    monkeypatch.setenv("LEADFIT_AUDIT_KEY_FILE", str(key))
    made = cli(*DECIDE, "--db", db)
    assert made.returncode == 0
    assert f"the audit key file {key} can be read or changed by other users" in made.stderr
    db.chmod(0o644)
    listed = cli("register", "list", "--db", db)
    assert f"the register {db} can be read or changed by other users" in listed.stderr


def test_the_draft_folder_is_owner_only(tmp_path):
    from leadfit.desktop.drafts import DraftStore
    folder = tmp_path / "drafts"
    DraftStore(folder).save({"stream.name": "x"}, None)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_filed_pdf_is_checked_against_the_register(db, cli, tmp_path):
    with open_register(db) as reg:
        record = signed_record(reg)
    pdf = tmp_path / "filed.pdf"
    assert cli("report", record.record_id, "--out", pdf, "--db", db).returncode == 0
    good = cli("verify", "--pdf", pdf, "--db", db)
    assert good.returncode == 0 and "chain head and record hash are in this register" in good.stdout
    elsewhere = tmp_path / "other.sqlite3"   # the register replaced by another genuine one
    with open_register(elsewhere) as other:
        decide_coach(other)
    bad = cli("verify", "--pdf", pdf, "--db", elsewhere)
    assert bad.returncode == 1 and "PDF DIFFERS" in bad.stdout
    not_ours = tmp_path / "x.pdf"
    not_ours.write_bytes(b"%PDF-1.4 nothing")
    assert cli("verify", "--pdf", not_ours, "--db", db).returncode == 2


def test_a_filed_pdf_is_not_confirmed_by_a_register_edited_outside_leadfit(db, cli, tmp_path):
    """The PDF's line came first and read as a pass though the register had been edited."""
    with open_register(db) as reg:
        record = signed_record(reg)
    pdf = tmp_path / "filed.pdf"
    assert cli("report", record.record_id, "--out", pdf, "--db", db).returncode == 0
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE decision_records SET body = body || ' '")
    said = cli("verify", "--pdf", pdf, "--db", db)
    lines = said.stdout.splitlines()
    assert said.returncode == 1 and lines[0].startswith("CHANGED: ")
    assert any(line.endswith("so this does not confirm the PDF") for line in lines)


def test_outputs_never_replace_the_audit_key_or_a_witness_even_with_force(db, cli, tmp_path,
                                                                          monkeypatch):
    """fresh-eyes F43: `register export --csv KEYFILE --force` made the HMAC key a CSV, and
    the keyed register was locked and unverifiable for good; the same over its witness."""
    from leadfit.decisions import witness
    key = tmp_path / "audit.key"
    key.write_text("a long secret key for this register\n")
    key.chmod(0o600)
    monkeypatch.setenv("LEADFIT_AUDIT_KEY_FILE", str(key))
    with open_register(db) as reg:
        record = signed_record(reg)
        kept = witness.path_for(reg.url)
    before = {path: path.read_bytes() for path in (key, kept)}
    in_witness_folder = kept.parent / "board.pdf"
    for target, words in ((key, "audit key file"), (kept, "witness folder"),
                          (in_witness_folder, "witness folder")):
        for args in (["register", "export", "--csv", target],
                     ["report", record.record_id, "--out", target],
                     ["portfolio", "--out", target]):
            result = cli(*args, "--force", "--db", db)
            assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
            assert "even with --force" in result.stderr and "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in before} == before
    assert not in_witness_folder.exists()
    checked = cli("verify", "--db", db)
    assert checked.returncode == 0, checked.stderr
