"""The register commands end to end: named errors, exit codes, nothing written on failure."""

from __future__ import annotations

import csv
import shutil

import pytest
import yaml
from sqlalchemy import create_engine, text

from leadfit.rules.model.library import default_pack

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.decisions_support import decide_coach, signed_record
from tests.helpers import DEFAULT_PACK, EXAMPLE_CASE, run_cli


def _counts(db: str) -> tuple[int, int]:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        result = (conn.execute(text("SELECT count(*) FROM decision_records")).scalar(),
                  conn.execute(text("SELECT count(*) FROM audit_log")).scalar())
    engine.dispose()
    return result


def _incomplete_case(tmp_path):
    path = tmp_path / "half.yaml"
    path.write_text(yaml.safe_dump({"answers": {"stream.name": "Half done"}}))
    return path


@pytest.mark.parametrize("args, exit_code, words", [
    (["--decision", "appoint"], 2, "justification is required"),
    (["--decision", "fire"], 2, "not one of"),
    (["--decision", "coach"], 2, "conditions"),
    (["--decision", "coach", "--plan-later", "--conditions", "x", "--review-date", "tomorrow"], 2, "not a date"),
    (["--decision", "coach", "--plan-later", "--conditions", "x", "--plan", "M42", "Sam", "2027-01-01"], 2, "M42"),
    (["--decision", "coach", "--plan-later", "--conditions", "x", "--pack", "no-such-pack"], 2, "no rule pack"),
])
def test_decide_refusals_are_named_and_write_nothing(db, args, exit_code, words):
    with open_register(db):
        pass
    result = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--db", db, *args)
    assert result.returncode == exit_code, result.stderr
    assert words in result.stderr and "cannot continue" in result.stderr
    assert result.stdout == ""
    assert _counts(db) == (0, 0)


def test_an_incomplete_case_is_refused_with_exit_3(db, tmp_path):
    with open_register(db):
        pass
    result = run_cli("decide", "--recorded-by", "Robin Hale", str(_incomplete_case(tmp_path)), "--decision", "coach", "--plan-later",
                     "--conditions", "x", "--db", db)
    assert result.returncode == 3 and "incomplete" in result.stderr
    assert _counts(db) == (0, 0)


def test_sign_refusals_are_named_and_write_nothing(db):
    with open_register(db) as reg:
        record = signed_record(reg)
    before = _counts(db)
    for args, words in ((["--name", "X", "--role", "hr"], "already signed"),
                        (["--name", "X", "--role", "ceo"], "already signed"),
                        (["--name", " ", "--role", "hr"], "name")):
        result = run_cli("sign", record.record_id, "--db", db, *args)
        assert result.returncode == 2 and words in result.stderr, result.stderr
    missing = run_cli("sign", "LF-1999-0042", "--name", "X", "--role", "hr", "--db", db)
    assert missing.returncode == 2 and "no record 'LF-1999-0042'" in missing.stderr
    assert _counts(db) == before


def test_a_dissent_of_one_word_is_refused_not_signed_as_dissent(db):
    """fresh-eyes F31: `--dissent no` / `--dissent none` was recorded, and the PDF said
    'SIGNED ... with dissent'; a person typing 'no' means no dissent."""
    with open_register(db) as reg:
        record = decide_coach(reg)
    before = _counts(db)
    for typed in ("no", "none", " N/A "):
        result = run_cli("sign", record.record_id, "--name", "Hana Reyes", "--role", "hr",
                         "--dissent", typed, "--db", db)
        assert result.returncode == 2 and "leave it out to sign without dissent" in result.stderr
    assert _counts(db) == before
    signed = run_cli("sign", record.record_id, "--name", "Hana Reyes", "--role", "hr",
                     "--dissent", "The budget for coaching is not agreed", "--db", db)
    assert signed.returncode == 0, signed.stderr
    assert "The budget for coaching is not agreed" in run_cli(
        "register", "show", record.record_id, "--db", db).stdout


def test_the_candidate_cannot_sign_their_own_appointment(db):
    """fresh-eyes F41: Alex Morgan, the example's candidate, signed as decision maker."""
    with open_register(db) as reg:
        record = decide_coach(reg)
    before = _counts(db)
    result = run_cli("sign", record.record_id, "--name", " alex  MORGAN", "--role",
                     "decision_maker", "--db", db)
    assert result.returncode == 2 and "is the candidate" in result.stderr
    assert _counts(db) == before


def test_register_list_show_and_export(db, tmp_path):
    with open_register(db) as reg:
        first = signed_record(reg)
        decide_coach(reg)
        service.correct(reg, first.ref, reason="Conditions were incomplete",
                        conditions="Weekly coaching and a monthly review")
    listed = run_cli("register", "list", "--db", db)
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert lines[0].startswith(f"{first.record_id}@2") and "awaiting sign-off" in lines[0]
    assert lines[2].startswith(f"{first.record_id}@1") and "superseded" in lines[2]
    only = run_cli("register", "list", "--status", "superseded", "--db", db)
    assert only.stdout.splitlines() == [lines[2]]
    none = run_cli("register", "list", "--stream", "Nowhere", "--db", db)
    assert none.stdout.strip() == "no records"
    bad = run_cli("register", "list", "--status", "lost", "--db", db)
    assert bad.returncode == 2 and "not one of" in bad.stderr
    old = run_cli("register", "show", f"{first.record_id}@1", "--db", db)
    assert "(superseded; version 1 of 2)" in old.stdout and "Dana Decider" in old.stdout
    new = run_cli("register", "show", first.record_id, "--db", db)
    assert f"supersedes:      {first.ref} (Conditions were incomplete)" in new.stdout
    raw = run_cli("register", "show", first.record_id, "--json", "--db", db)
    assert raw.stdout.startswith("{") and '"version":2' in raw.stdout
    out = tmp_path / "export.csv"
    exported = run_cli("register", "export", "--csv", str(out), "--db", db)
    assert exported.returncode == 0 and "3 record versions" in exported.stdout
    assert len(list(csv.DictReader(out.open()))) == 3


def test_replay_says_identical_under_the_stored_pack(db):
    with open_register(db) as reg:
        record = decide_coach(reg)
    result = run_cli("replay", record.record_id, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "identical assessment under default@2.9" in result.stdout


def test_replay_refuses_when_the_pack_is_not_available(db, tmp_path):
    edited = tmp_path / "edited-pack"
    shutil.copytree(DEFAULT_PACK, edited)
    rules = edited / "rules.yaml"   # a changed rule: a different fingerprint
    rules.write_text(rules.read_text().replace("{id: F6, severity: low}",
                                               "{id: F6, severity: medium}", 1))
    made = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "coach", "--plan-later", "--conditions", "x",
                   "--pack", str(edited), "--db", db)
    assert made.returncode == 0, made.stderr
    record_id = made.stdout.strip()
    refused = run_cli("replay", record_id, "--db", db)
    assert refused.returncode == 2
    assert "is not available here" in refused.stderr and "--pack" in refused.stderr
    found = run_cli("replay", record_id, "--pack", str(edited), "--db", db)
    assert found.returncode == 0 and "identical" in found.stdout


def test_replay_prefers_the_pack_with_the_same_name_and_version(db, tmp_path):
    relabelled = tmp_path / "relabelled"
    shutil.copytree(DEFAULT_PACK, relabelled)
    pack_yaml = relabelled / "pack.yaml"  # same meaning, so the same fingerprint
    pack_yaml.write_text(pack_yaml.read_text().replace(f'version: "{default_pack().version}"', 'version: "1.1.7"'))
    made = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "coach", "--plan-later", "--conditions", "x",
                   "--pack", str(relabelled), "--db", db)
    assert made.returncode == 0, made.stderr
    result = run_cli("replay", made.stdout.strip(), "--pack", str(relabelled), "--db", db)
    assert result.returncode == 0 and "identical assessment under default@1.1.7" in result.stdout


def _record_changed(db, record, old: str, new: str) -> str:
    """Store ``record`` with its text changed as a new record, written through LeadFit, so
    record, hash, audit entry, chain and witness all agree (as if decided by an older
    LeadFit); returns its id. An edit made behind LeadFit's back is refused on reading."""
    from leadfit.decisions import store
    from leadfit.decisions.record import DecisionRecord
    assert old in record.canonical()
    changed = DecisionRecord.from_text(record.canonical().replace(old, new))
    changed = changed.model_copy(update={"record_id": record.record_id[:-4] + "0099"})
    with open_register(db) as reg, reg.write() as conn:
        store.add(conn, changed, 99, "decide", "", None)
    return changed.record_id


def test_replay_reports_a_different_assessment(db):
    with open_register(db) as reg:
        record = decide_coach(reg)
    changed = _record_changed(db, record, '"level":"high"', '"level":"low"')  # assessed otherwise
    result = run_cli("replay", changed, "--db", db)
    assert result.returncode == 1 and "DIFFERS" in result.stdout and "risk" in result.stdout


def test_replay_under_another_engine_version_is_identical_with_a_note(db):
    """Upgrading the engine must not make every stored record 'differ'."""
    with open_register(db) as reg:
        record = decide_coach(reg)
    changed = _record_changed(db, record, '"name":"durable-rules","version":"',
                              '"name":"durable-rules","version":"0.9-')
    result = run_cli("replay", changed, "--db", db)
    assert result.returncode == 0, result.stdout
    assert "identical assessment under default@2.9" in result.stdout
    assert "note: decided by durable-rules 0.9-" in result.stdout and "replayed with durable-rules" in result.stdout


def test_correct_command_supersedes(db):
    with open_register(db) as reg:
        record = signed_record(reg)
    result = run_cli("correct", "--recorded-by", "Robin Hale", record.record_id, "--reason", "Review date moved",
                     "--review-date", "2027-04-01", "--db", db)
    assert result.returncode == 0, result.stderr
    assert f"{record.record_id}@2 supersedes {record.ref}" in result.stdout
    refused = run_cli("correct", "--recorded-by", "Robin Hale", record.ref, "--reason", "again", "--db", db)
    assert refused.returncode == 2 and "superseded" in refused.stderr


def test_a_correction_with_another_persons_answers_is_refused(db, tmp_path):
    """fresh-eyes F40: `correct --case other.yaml` superseded Alex Morgan's decision with a
    record about Priya Nair in another stream; a misspelt name is put right on purpose."""
    with open_register(db) as reg:
        record = signed_record(reg)
    data = yaml.safe_load(EXAMPLE_CASE.read_text())
    before = _counts(db)
    for name, stream in (("Priya Nair", "Home buying journey"), ("Alex Morgan", "Small business lending")):
        other = tmp_path / "other.yaml"
        other.write_text(yaml.safe_dump({**data, "answers": {
            **data["answers"], "candidate.name": name, "stream.name": stream}}))
        refused = run_cli("correct", "--recorded-by", "Robin Hale", record.record_id, "--reason",
                          "Use the other answers", "--case", other, "--db", db)
        assert refused.returncode == 2, refused.stderr
        assert f"is about Alex Morgan for Home buying journey; these answers are about {name}" \
               f" for {stream}" in refused.stderr
    assert _counts(db) == before
    renamed = run_cli("correct", "--recorded-by", "Robin Hale", record.record_id, "--reason",
                      "The candidate's name was misspelt", "--case", other, "--rename", "--db", db)
    assert renamed.returncode == 0, renamed.stderr


def test_report_refusals_write_no_file(db, tmp_path):
    with open_register(db) as reg:
        record = decide_coach(reg)
    missing_dir = tmp_path / "nowhere" / "r.pdf"
    result = run_cli("report", record.record_id, "--out", str(missing_dir), "--db", db)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert not missing_dir.parent.exists()


def test_leadfit_db_environment_selects_the_register(tmp_path):
    db = tmp_path / "env.sqlite3"
    made = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "coach", "--plan-later", "--conditions", "x",
                   env={"LEADFIT_DB": str(db)})
    assert made.returncode == 0, made.stderr
    with open_register(db) as reg:
        assert [r.record_id for r in service.list_records(reg)] == [made.stdout.strip()]


def test_a_review_date_before_the_assessment_is_refused_and_nothing_is_written(tmp_path):
    """The case file refuses it at the question; the command line must too (a PDF printed two dates)."""
    db = str(tmp_path / "register.sqlite3")
    done = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "coach", "--conditions", "x",
                   "--plan-later", "--review-date", "2026-10-01", "--db", db)
    assert done.returncode == 2
    assert "the fail-fast review date, 1 October 2026, is before the assessment, made on 2 November 2026" in done.stderr
    assert not (tmp_path / "register.sqlite3").exists() or "LF-" not in run_cli(
        "register", "list", "--db", db).stdout


def test_a_correction_is_credited_to_who_records_it_not_the_first_recorder(tmp_path):
    db = str(tmp_path / "register.sqlite3")
    made = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "coach", "--conditions", "x",
                   "--plan-later", "--recorded-by", "Hana HR", "--db", db)
    assert made.returncode == 0, made.stderr
    ref = made.stdout.strip()
    done = run_cli("correct", "--recorded-by", "Robin Hale", ref, "--reason", "typo in the conditions", "--conditions", "y",
                   "--recorded-by", "Rae Recorder", "--db", db)
    assert done.returncode == 0, done.stderr
    shown = run_cli("register", "show", f"{ref}@2", "--db", db).stdout
    assert "Rae Recorder" in shown and "Hana HR" not in shown
    again = run_cli("correct", "--recorded-by", "Robin Hale", ref, "--reason", "second thoughts", "--conditions", "z", "--db", db)
    assert again.returncode == 0, again.stderr
    assert "Rae Recorder" not in run_cli("register", "show", f"{ref}@3", "--db", db).stdout


def test_register_show_of_a_withdrawn_record_awaits_no_signature(tmp_path):
    db = str(tmp_path / "register.sqlite3")
    ref = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "coach", "--conditions", "x",
                  "--plan-later", "--db", db).stdout.strip()
    assert run_cli("withdraw", ref, "--reason", "Candidate left", "--name", "Hana HR",
                   "--db", db).returncode == 0
    shown = run_cli("register", "show", ref, "--db", db).stdout
    assert "awaiting" not in shown and "Candidate left" in shown


def test_register_list_and_show_print_words_not_codes(tmp_path):
    """HR reads 'awaiting sign-off' and 'Hire an experienced Product Director', never the stored keys."""
    db = str(tmp_path / "register.sqlite3")
    made = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "hire_external", "--justify",
                   "No time to coach this year", "--db", db)
    assert made.returncode == 0, made.stderr
    listed = run_cli("register", "list", "--db", db).stdout
    shown = run_cli("register", "show", made.stdout.strip(), "--db", db).stdout
    assert "awaiting sign-off" in listed and "Hire an experienced Product Director" in listed
    assert "recommendation:  Appoint with coaching" in shown
    assert "decision:        Hire an experienced Product Director" in shown
    for code in ("awaiting_signoff", "hire_external"):
        assert code not in listed and code not in shown


def test_a_correction_that_changes_nothing_is_refused_and_writes_nothing(db):
    """It would supersede a signed version and ask everyone to sign again, for nothing."""
    with open_register(db) as reg:
        record = signed_record(reg)
    before = _counts(db)
    same = run_cli("correct", "--recorded-by", "Robin Hale", record.record_id, "--reason", "checking", "--db", db)
    assert same.returncode == 2
    assert f"this correction changes nothing in {record.ref}" in same.stderr
    assert _counts(db) == before
    with open_register(db) as reg:
        assert service.show(reg, record.record_id).status == "signed"


def test_a_role_typed_as_people_say_it_signs_as_that_role(db):
    """`--role HR` was refused with "roles: decision_maker, hr" though everything else says HR."""
    with open_register(db) as reg:
        record = decide_coach(reg)
    for name, typed in (("Hana Reyes", "HR"), ("Dana Decider", "Decision maker")):
        result = run_cli("sign", record.record_id, "--name", name, "--role", typed, "--db", db)
        assert result.returncode == 0, result.stderr
    shown = run_cli("register", "show", record.record_id, "--db", db).stdout
    assert "Hana Reyes" in shown and "Dana Decider" in shown and "awaiting sign-off" not in shown


@pytest.mark.parametrize("command", [
    lambda ref, out, db: ("report", ref, "--out", out, "--db", db),
    lambda ref, out, db: ("portfolio", "--out", out, "--db", db),
    lambda ref, out, db: ("compare", str(EXAMPLE_CASE), str(EXAMPLE_CASE), "--out", out),
])
def test_a_pdf_named_as_another_kind_of_file_is_refused_and_not_written(db, tmp_path, command):
    # fresh-eyes check: `report --out r1.txt` wrote a PDF named .txt and said "wrote"
    with open_register(db) as reg:
        record = decide_coach(reg)
    out = tmp_path / "r1.txt"
    result = run_cli(*command(record.record_id, str(out), db))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "must end in .pdf" in result.stderr and str(out) in result.stderr
    assert not out.exists()


def test_a_name_typed_in_the_windows_save_dialog_without_a_kind_is_saved_as_a_pdf():
    # the window's save dialogs add .pdf to a bare name, so the refusal above never meets them
    from pathlib import Path
    from leadfit.files import named_as
    assert named_as(Path("/tmp/board"), ".pdf") == Path("/tmp/board.pdf")
    assert named_as(Path("/tmp/board.PDF"), ".pdf") == Path("/tmp/board.PDF")
