"""Issue 13, the record HR files: it must stand up in a dispute. Superseded and
withdrawn paper says so first; who recorded and who signed, with their computer
account; a PDF that reads like a document; files people open elsewhere. (A plan
that is really a plan: tests/test_record_plan.py.)"""

from __future__ import annotations

import getpass
import io
import os
import re
import time

import pytest
from pypdf import PdfReader

from leadfit import ARTICLE_TITLE
from leadfit.decisions import service
from leadfit.reports import printing
from leadfit.decisions.errors import DecisionError, SignedVersionStands
from leadfit.decisions.register import open_register
from tests.decisions_support import (
    case_with, counts, decide_coach, pack, pdf_pages, signed_record, squash, tamper)
from tests.helpers import EXAMPLE_CASE


def _corrected(reg):
    old = signed_record(reg, recorded_by="Rae Recorder")
    new = service.correct(reg, old.record_id, reason="Review date agreed with the CPO",
                          review_date="2027-03-01")
    return old, new


# -- superseded and withdrawn say so first ------------------------------------------------
def test_a_superseded_pdf_says_so_first_names_its_replacement_and_is_watermarked(db):
    with open_register(db) as reg:
        old, new = _corrected(reg)
        pages = pdf_pages(printing.render_pdf(reg, old.ref).pdf)
        current = pdf_pages(printing.render_pdf(reg, new.ref).pdf)
    assert pages[0].index("SUPERSEDED") < pages[0].index("Status:")
    assert f"replaced by {new.ref}" in pages[0]
    assert all("SUPERSEDED" in page for page in pages)       # the watermark, every page
    assert not any("SUPERSEDED" in page for page in current)


def test_register_show_of_a_superseded_version_says_so_at_the_top(db, cli):
    with open_register(db) as reg:
        old, new = _corrected(reg)
    shown = cli("register", "show", old.ref, "--db", db).stdout
    assert shown.splitlines()[0].startswith(f"SUPERSEDED by {new.ref}")


def test_a_record_awaiting_signoff_can_be_withdrawn_with_a_reason_and_stays(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg)
        before = counts(reg)
    refused = cli("withdraw", record.record_id, "--name", "Rae Recorder", "--reason", "",
                  "--db", db)
    assert refused.returncode == 2 and "reason" in refused.stderr
    for token in ("x", "  -  ", "no"):      # found by a fresh-eyes HR tester: "x" was taken
        refused = cli("withdraw", record.record_id, "--name", "Rae Recorder", "--reason",
                      token, "--db", db)
        assert refused.returncode == 2, token
        assert "must say why in at least 2 words" in refused.stderr
    done = cli("withdraw", record.record_id, "--name", "Rae Recorder",
               "--reason", "The candidate declined", "--db", db)
    assert done.returncode == 0, done.stderr
    with open_register(db) as reg:
        withdrawn = service.show(reg, record.ref)
        assert counts(reg) == (before[0], before[1] + 1)    # a new audit entry, no deletion
        assert service.verify(reg).ok
        assert [r.status for r in service.list_records(reg)] == ["withdrawn"]
        with pytest.raises(DecisionError, match="withdrawn"):
            service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
        with pytest.raises(DecisionError, match="withdrawn .*cannot be corrected"):
            service.correct(reg, record.ref, reason="bring it back")  # would revive it
        assert counts(reg) == (before[0], before[1] + 1)
        pages = pdf_pages(printing.render_pdf(reg, record.ref).pdf)
    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_reason == "The candidate declined"
    assert getpass.getuser() in withdrawn.withdrawn_by
    assert pages[0].startswith("Decision rationale") and "WITHDRAWN" in pages[0][:200]
    assert "The candidate declined" in pages[0]
    assert all("WITHDRAWN" in page for page in pages)
    assert "HR not signed: withdrawn" in " ".join(pages) and "awaiting" not in " ".join(pages)
    listed = cli("register", "list", "--status", "withdrawn", "--db", db).stdout
    assert record.ref in listed


def test_a_signed_record_cannot_be_withdrawn(db):
    with open_register(db) as reg:
        record = signed_record(reg)
        with pytest.raises(DecisionError, match="correction instead"):
            service.withdraw(reg, record.ref, reason="changed mind", name="Rae Recorder")


def test_a_correction_of_a_signed_record_cannot_be_withdrawn_so_a_signed_version_stands(db, cli):
    """Withdrawing @2 (awaiting sign-off) would leave the signed @1 superseded by a version
    that never stands: one person voiding a signed decision with no sign-off. Refused, named,
    nothing written; correcting again is the way, and is offered."""
    with open_register(db) as reg:
        old, new = _corrected(reg)
        third = service.correct(reg, new.ref, reason="Second thoughts on the date",
                                review_date="2027-04-01")   # @3 corrects @2, still after @1
        before = counts(reg)
    for ref in (new.ref, third.ref, old.record_id):
        refused = cli("withdraw", ref, "--name", "Rae Recorder", "--reason", "Wrong date",
                      "--db", db)
        assert refused.returncode == 2
        if ref != new.ref:
            assert f"{old.ref}, which is signed, so it cannot be withdrawn" in refused.stderr
            assert "Correct it again instead" in refused.stderr
    with open_register(db) as reg:
        with pytest.raises(SignedVersionStands, match="no version of .* would stand"):
            service.withdraw(reg, third.ref, reason="Wrong date", name="Rae Recorder")
        assert counts(reg) == before                       # nothing written
        assert service.show(reg, third.ref).status == "awaiting_signoff"
    listed = cli("register", "list", "--status", "withdrawn", "--db", db).stdout
    assert old.record_id not in listed


def test_a_correction_of_an_unsigned_record_can_still_be_withdrawn(db):
    with open_register(db) as reg:
        first = decide_coach(reg)
        second = service.correct(reg, first.ref, reason="Mentor changed",
                                 conditions="Weekly coaching")
        done = service.withdraw(reg, second.ref, reason="The candidate declined",
                                name="Wyn Withdrawer")
    assert done.status == "withdrawn"


# -- who recorded, who signed ----------------------------------------------------------------
def test_recorder_and_signers_are_kept_with_their_computer_account(db, cli):
    with open_register(db) as reg:
        record = signed_record(reg, recorded_by="Rae Recorder")
        text = " ".join(pdf_pages(printing.render_pdf(reg, record.ref).pdf))
    account = getpass.getuser()
    assert record.recorded_by == "Rae Recorder" and record.recorded_account == account
    assert [s.account for s in record.signoffs] == [account, account]
    assert f"Rae Recorder (computer account {account})" in text
    assert "not a handwritten or cryptographic signature" in text
    shown = cli("register", "show", record.ref, "--db", db).stdout
    assert f"recorded by:     Rae Recorder (computer account {account})" in shown


def test_recording_the_same_case_again_warns_with_the_earlier_reference(db, cli):
    args = ("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--plan-later", "--db", db)
    first = cli(*args, "--conditions", "Monthly")
    assert first.returncode == 0 and "already recorded" not in first.stderr
    again = cli(*args, "--conditions", "Weekly")        # not a retry: a second decision
    assert again.returncode == 0 and again.stdout.strip() != first.stdout.strip()
    assert f"already recorded as {first.stdout.strip()}@1" in again.stderr


# -- the PDF reads like a document -------------------------------------------------------------
def test_the_pdf_carries_what_a_filed_record_needs(db, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        with open_register(db) as reg:
            hiring_impossible = case_with(org__external_hire="not_possible",
                                          candidate__digital_years=0,
                                          stream__revenue_impact="critical")
            record = decide_coach(reg, hiring_impossible, recorded_by="Rae Recorder")
            service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
            record = service.sign(reg, record.ref, name="Harper Hr", role="hr",
                                  dissent="Coaching budget not approved")
            pages = pdf_pages(printing.render_pdf(reg, record.ref).pdf)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    first, text = pages[0], " ".join(pages)
    assert "with dissent from HR" in first.split("Record LF-")[0]  # in the headline
    assert ") and " in first and "), with dissent from HR" in first  # after the signers, not before
    assert "Assessed on 2 November 2026" in first
    constraint = record.assessment.constraints
    assert constraint and first.index("Recommendation") < first.index("Hiring constraint") \
        < first.index("Decision Appoint")
    assert "(UTC+01:00)" in first and "Rae Recorder" in first     # local time, with its offset
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text.split("Appendix B")[0])   # dates in words
    assert ARTICLE_TITLE in squash(first)
    assert all("CONFIDENTIAL" in page for page in pages)
    assert "Signatures on paper" in text and "Name (printed) Signature Date" in text
    appendix = text[text.index("Appendix A"):text.index("Appendix B")]
    for section in pack().questionnaire.sections:
        assert section.title in appendix
    for qid in record.answers:
        question = pack().questionnaire.questions.get(qid)
        if question and question.section != "derived":
            assert squash(question.title) in appendix, qid
    prose, audit = text.split("Appendix B")
    rules = record.assessment.rules_fired
    assert rules and not any(rule in prose for rule in rules)     # rule ids only for audit
    assert all(rule in audit for rule in rules)


def test_a_table_row_is_never_split_from_its_id(tmp_path):
    from leadfit.pdf import Document
    doc = Document()
    doc.p("Filler. " * 300)
    doc.table(["ID", "Text"], [[f"M{i}", "A plan step explained at length. " * 25]
                               for i in range(12)], widths=[0.1, 0.9])
    pages = [squash(p.extract_text()) for p in PdfReader(io.BytesIO(doc.render())).pages]
    assert len(pages) >= 3
    for page in pages[1:]:   # every page the table runs onto starts a row with its ID
        body = page.split("ID Text", 1)[-1].strip()
        assert re.match(r"M\d+", body), body[:60]


# -- files people open elsewhere -------------------------------------------------------------
def test_the_csv_opens_in_a_spreadsheet_and_saved_files_are_group_readable(db, tmp_path):
    out, pdf = tmp_path / "register.csv", tmp_path / "r.pdf"
    old = os.umask(0o022)
    try:
        with open_register(db) as reg:
            record = signed_record(reg, case=case_with(candidate__name="Zoë Ångström"))
            service.export_csv(reg, out)
            printing.report(reg, record.ref, pdf)
    finally:
        os.umask(old)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")            # Excel reads UTF-8 only with the mark
    assert "Zoë Ångström" in raw.decode("utf-8-sig")
    for path in (out, pdf):
        assert path.stat().st_mode & 0o777 == 0o640, path


def test_a_private_umask_keeps_saved_files_private(db, tmp_path):
    out = tmp_path / "register.csv"
    old = os.umask(0o077)
    try:
        with open_register(db) as reg:
            decide_coach(reg)
            service.export_csv(reg, out)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o600


# -- one altered record hides nothing else ---------------------------------------------------
def test_the_list_marks_an_altered_record_and_lists_the_others_with_their_pack(db):
    with open_register(db) as reg:
        decide_coach(reg, case_with(candidate__name="Sam Other"), conditions="Fine")
        signed_record(reg)
    tamper(db, "Weekly coaching by the CPO", "No coaching", rehash=True)
    with open_register(db) as reg:
        rows = service.list_records(reg)
    assert [r.intact for r in rows] == [False, True]
    assert rows[0].status == "altered" and rows[1].pack == pack().label


def test_the_csv_carries_recorder_correction_and_withdrawal(db, tmp_path):
    """HR filing the export sees who recorded each version, what it corrects and why it was
    withdrawn, as the register and the PDF do."""
    import csv
    with open_register(db) as reg:
        first = signed_record(reg, recorded_by="Rae Recorder")
        service.correct(reg, first.ref, reason="Mentor changed", conditions="Weekly coaching",
                        recorded_by="Cory Corrector")
        other = decide_coach(reg, case=case_with(candidate__name="Jo Other"))
        service.withdraw(reg, other.ref, reason="The candidate declined", name="Wyn Withdrawer")
        out = tmp_path / "register.csv"
        service.export_csv(reg, out)
    rows = {r["ref"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    corrected, original, withdrawn = rows[f"{first.record_id}@2"], rows[first.ref], rows[other.ref]
    assert (corrected["recorded_by"], corrected["supersedes"], corrected["correction_reason"]) == (
        "Cory Corrector", first.ref, "Mentor changed")
    assert original["recorded_by"] == "Rae Recorder" and original["recorded_account"] == getpass.getuser()
    assert f"computer account {getpass.getuser()}" in original["signers"]
    assert withdrawn["withdrawn_reason"] == "The candidate declined"
    # codes stay for machines; HR reads the words beside them
    assert (withdrawn["status"], withdrawn["status_in_words"]) == ("withdrawn", "withdrawn")
    assert (original["status"], original["status_in_words"]) == ("superseded", "superseded")
    assert corrected["outcome"] == "coach"
    assert corrected["decision_in_words"] == corrected["recommended_in_words"] == \
        "Appoint with coaching"
    assert withdrawn["withdrawn_by"].startswith("Wyn Withdrawer") and withdrawn["withdrawn_at"]


# -- register show reads in words ---------------------------------------------------------
def test_register_show_names_findings_and_steps_in_words_codes_only_in_brackets(db, cli):
    """HR reads `register show`: each finding and plan step by its title, its catalogue code
    last in brackets (to find the same row in the PDF), the fingerprint under its own label."""
    with open_register(db) as reg:
        record = decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")})
    shown = cli("register", "show", record.ref, "--db", db).stdout.splitlines()
    listed = shown[shown.index(next(s for s in shown if s.startswith("  findings:"))) + 1:]
    for finding in record.assessment.findings:
        assert f"    {finding.title} ({finding.severity}) [{finding.id}]" in listed
    assert "    Induction: Sam Lee, by 15 January 2027 [M5]" in listed
    assert not any(re.match(r"\s+[FM]\d+ ", line) for line in shown)   # no line opens on a code
    assert f"  rule pack:       {record.pack.name} {record.pack.version}" in shown  # as the window
    assert f"  fingerprint:     {record.pack.fingerprint}" in shown
