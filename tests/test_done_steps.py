"""A step the answers show is done ("In place: there is an induction programme", "Done: the
trade-offs have been stated") has nobody to agree an owner or a date for: the PDF, `register
show` and `review --questions` say it is done, never "to be agreed" (fresh-eyes round 6, item 7)."""

from __future__ import annotations

from leadfit.decisions.register import open_register
from leadfit.reports import printing
from tests.decisions_support import case_with, decide_coach, pdf_pages, squash
from tests.helpers import run_cli

DONE = {"org.induction": True, "org.tradeoffs_stated": True}


def _record(db: str):
    with open_register(db) as reg:
        record = decide_coach(reg, case_with(**DONE))
        pdf = printing.render_pdf(reg, record.ref).pdf
    meaning = {m.id: m.meaning for m in record.assessment.mitigations}
    assert meaning["M5"].startswith("In place:") and meaning["M9"].startswith("Done:")
    return record, squash(" ".join(pdf_pages(pdf)))


def test_the_pdf_says_a_done_step_needs_no_owner_or_date(db):
    _, text = _record(db)
    assert "proper induction program" not in text  # the words of a step still to do
    assert ("see that this executive goes through it from the start. already in place not needed"
            in text)
    assert "come back to them at each review. already done not needed" in text
    # the steps still to do keep their deferral
    assert "Peer exposure" in text and "to be agreed to be agreed by 1 February 2027" in text


def test_register_show_and_the_review_questions_say_done(db):
    record, _ = _record(db)
    shown = run_cli("register", "show", record.ref, "--db", db).stdout
    assert "    Induction: already in place [M5]\n" in shown
    assert "    Open trade-offs: already done [M9]\n" in shown
    asked = run_cli("review", record.ref, "--questions", "--db", db).stdout
    assert "  M5 Induction: already in place\n" in asked
    assert "  M9 Open trade-offs: already done\n" in asked
    assert "  M6 Peer exposure: owner and date to be agreed by 1 February 2027\n" in asked
    assert "due to be agreed" not in asked


def test_a_done_step_given_an_owner_keeps_what_was_given(db):
    with open_register(db) as reg:
        record = decide_coach(reg, case_with(**DONE), plan={"M5": ("Sam Lee", "2027-01-15")})
    shown = run_cli("register", "show", record.ref, "--db", db).stdout
    assert "    Induction: Sam Lee, by 15 January 2027 [M5]\n" in shown
