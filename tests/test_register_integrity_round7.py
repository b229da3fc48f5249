"""Fresh-eyes round 7 (HR, integrity): a blank dissent, the candidate signing with a full
stop, and writes to a register that lost audit entries or record versions (G1-G4). Each
through the real CLI on a real SQLite file; a refusal writes nothing."""

from __future__ import annotations

import sqlite3

from leadfit.decisions import witness
from leadfit.decisions.register import open_register
from tests.decisions_support import counts, decide_coach, signed_record, squash
from tests.helpers import EXAMPLE_CASE, run_cli


def _sign(db, ref, name, role, *more):
    return run_cli("sign", ref, "--name", name, "--role", role, *more, "--db", db)


def _decide_again(db):
    return run_cli("decide", str(EXAMPLE_CASE), "--decision", "coach", "--conditions",
                   "Weekly coaching", "--plan-later", "--recorded-by", "Pat Smith", "--again",
                   "--db", db)


def _sql(db, statement):
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(statement)
    conn.close()


def test_a_blank_dissent_is_refused_not_signed_as_agreement(db):
    """G2: `--dissent "   "` was recorded as plain agreement ('SIGNED by ... and Dana Boss')."""
    with open_register(db) as reg:
        record = decide_coach(reg)
        before = counts(reg)
    for blank in ("   ", "\t"):
        result = _sign(db, record.ref, "Dana Boss", "Decision maker", "--dissent", blank)
        assert result.returncode == 2, result.stdout
        assert ("a blank dissent is too short to stand as one: leave it out to sign without"
                " dissent") in squash(result.stderr)
    with open_register(db) as reg:
        assert counts(reg) == before
    agreed = _sign(db, record.ref, "Dana Boss", "Decision maker")
    assert agreed.returncode == 0, agreed.stderr


def test_the_candidate_is_refused_however_the_name_is_typed(db):
    """G3: "Alex Morgan" was refused but "alex morgan." signed as decision maker."""
    with open_register(db) as reg:
        record = decide_coach(reg)
        before = counts(reg)
    for typed in ("alex morgan.", "Alex-Morgan", "ALEX MÖRGAN", " alex , morgan "):
        result = _sign(db, record.ref, typed, "Decision maker")
        assert result.returncode == 2 and "is the candidate" in result.stderr, typed
    with open_register(db) as reg:
        assert counts(reg) == before
    other = _sign(db, record.ref, "Alexa Morgan-Lee", "Decision maker")
    assert other.returncode == 0, other.stderr


def test_the_same_person_signing_twice_is_refused_with_punctuation(db):
    with open_register(db) as reg:
        record = decide_coach(reg)
    assert _sign(db, record.ref, "Hana Fox", "HR").returncode == 0
    again = _sign(db, record.ref, "hana fox.", "Decision maker")
    assert again.returncode == 2 and "Hana Fox has already signed" in again.stderr


def test_a_write_after_audit_entries_were_deleted_is_refused_and_the_witness_stays(db):
    """G1: a decide after `delete from audit_log where seq=max` moved the witness on, and
    verify then no longer saw the removed entry."""
    with open_register(db) as reg:
        signed_record(reg)
    _sql(db, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    seen = witness.path_for(f"sqlite:///{db}").read_text()
    with open_register(db) as reg:
        before = counts(reg)
    for result in (_decide_again(db), _decide_again(db)):    # the second sees the same
        assert result.returncode == 2 and result.stdout == ""
        said = squash(result.stderr)
        assert "nothing was saved: the register holds 2 audit entries but held 3" in said
        assert "moving that witness file aside" in said           # what to do after a restore
        assert "takes no changes until it checks out again (leadfit verify" in said
    with open_register(db) as reg:
        assert counts(reg) == before
    assert witness.path_for(f"sqlite:///{db}").read_text() == seen
    verified = run_cli("verify", "--db", db)
    assert verified.returncode == 1 and "held 3" in squash(verified.stdout + verified.stderr)


def test_a_write_after_the_current_version_was_deleted_is_refused(db):
    """G4: with @2 deleted, decide recorded again silently (no 'already recorded')."""
    with open_register(db) as reg:
        first = signed_record(reg)
    corrected = run_cli("correct", first.ref, "--reason", "Conditions were incomplete",
                        "--conditions", "Weekly coaching and a review", "--recorded-by", "Pat Smith",
                        "--db", db)
    assert corrected.returncode == 0, corrected.stderr
    _sql(db, f"DELETE FROM decision_records WHERE record_id = '{first.record_id}'"
             " AND version = 2")
    with open_register(db) as reg:
        before = counts(reg)
    result = _decide_again(db)
    assert result.returncode == 2 and result.stdout == ""
    assert ("nothing was saved: 1 record named in the audit trail is missing from the"
            " register") in squash(result.stderr)
    with open_register(db) as reg:
        assert counts(reg) == before
    listed = run_cli("register", "list", "--db", db)
    assert listed.returncode == 1
    line = next(x for x in listed.stdout.splitlines() if x.startswith(f"{first.record_id}@1"))
    assert (f"record {first.record_id}@2 is missing from the register (audit entry 4 records it"
            f" was written); {first.record_id}@1 before it is as it was written") in line
    assert "was altered" not in line


def test_verify_counts_what_differs_in_the_pdf_apart_from_the_register(db, tmp_path):
    """G12: 'register FAILED (2 problems)' under 2 CHANGED and 2 PDF DIFFERS lines read as
    if the PDF's were not counted; the PDF now has its own verdict with its own count."""
    with open_register(db) as reg:
        record = signed_record(reg)
    pdf = tmp_path / "filed.pdf"
    assert run_cli("report", record.record_id, "--out", str(pdf), "--db", db).returncode == 0
    elsewhere = str(tmp_path / "other.sqlite3")   # the register replaced by another genuine one
    with open_register(elsewhere) as other:
        decide_coach(other)
    said = run_cli("verify", "--pdf", str(pdf), "--db", elsewhere)
    differs = [x for x in said.stdout.splitlines() if x.startswith("PDF DIFFERS: ")]
    assert said.returncode == 1 and differs
    last = said.stdout.splitlines()[-1]
    assert last == (f"PDF FAILED ({len(differs)} problem{'s' if len(differs) > 1 else ''}, PDF"
                    f" DIFFERS above): {pdf} is not confirmed by this register")
    good = run_cli("verify", "--pdf", str(pdf), "--db", db)
    assert good.returncode == 0 and "PDF FAILED" not in good.stdout
