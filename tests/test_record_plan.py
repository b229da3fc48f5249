"""Issue 13, the record HR files: a coached appointment signs only a real plan. Each
required step is given (owner and due date) or deferred with --plan-later to a date by
which it will be agreed; an outcome without coaching keeps no coaching plan and says
what it dropped. (The rest of the record HR files: tests/test_record_for_hr.py.)"""

from __future__ import annotations

import pytest

from leadfit.decisions import service
from leadfit.decisions.errors import DecisionError
from leadfit.decisions.register import open_register
from leadfit.reports import printing
from tests.decisions_support import case_with, counts, decide_coach, pack, pdf_pages
from tests.helpers import EXAMPLE_CASE


# -- a plan that is a plan ----------------------------------------------------------------------
def test_a_coach_decision_with_every_step_to_be_agreed_needs_an_explicit_choice(db, cli):
    with open_register(db) as reg:
        with pytest.raises(DecisionError, match="each step of its mitigation plan given"):
            service.decide(reg, case_with(), pack(), decision="coach", conditions="Weekly")
        draft = service.decide(reg, case_with(), pack(), decision="coach", conditions="Weekly",
                               draft=True)
        with pytest.raises(DecisionError, match="not given: Induction; Peer exposure"):
            service.submit(reg, draft.ref)
        later = service.decide(reg, case_with(), pack(), decision="coach", conditions="Weekly",
                               plan_later=True)
        text = " ".join(pdf_pages(printing.render_pdf(reg, later.ref).pdf))
    assert later.status == "awaiting_signoff" and later.decision.plan_later
    assert {p.agree_by for p in later.decision.plan} == {"2027-02-01"}  # the fail-fast review
    assert "to be agreed to be agreed by 1 February 2027" in text
    refused = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--conditions", "x", "--db", db)
    assert refused.returncode == 2 and "--plan-later" in refused.stderr


# fresh-eyes (hH 1): naming one step with --plan signed a plan whose other five steps had
# nobody and no date; the article's coach is "appoint on conditions: a mitigation plan".
def test_one_step_named_is_not_a_plan_for_the_other_five(db, cli):
    args = ("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach",
            "--conditions", "Weekly coaching", "--plan", "M5", "Sam Lee", "2027-01-15", "--db", db)
    refused = cli(*args)
    assert refused.returncode == 2
    assert "not given: Peer exposure; Coaching and mentoring; Lighten the load" in refused.stderr
    with open_register(db) as reg:
        assert counts(reg) == (0, 0)
    done = cli(*args, "--plan-later", "2027-01-20")
    assert done.returncode == 0, done.stderr
    shown = cli("register", "show", done.stdout.strip(), "--db", db).stdout
    assert "Induction: Sam Lee, by 15 January 2027 [M5]" in shown
    assert "Peer exposure: owner and date to be agreed by 20 January 2027 [M6]" in shown
    with open_register(db) as reg:
        text = " ".join(pdf_pages(printing.render_pdf(reg, done.stdout.strip()).pdf))
    assert "Sam Lee 15 January 2027" in text and "to be agreed by 20 January 2027" in text


def test_an_owner_without_a_date_is_not_a_given_step(db, cli):
    refused = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach",
                  "--conditions", "Weekly", "--plan", "M5", "Sam Lee", "", "--db", db)
    assert refused.returncode == 2 and "Induction (no due date)" in refused.stderr


@pytest.mark.parametrize("by, said", [
    ("2027-03-01", "1 March 2027, is after the fail-fast review on 1 February 2027"),
    ("2026-10-01", "1 October 2026, is before the assessment, made on 2 November 2026"),
    ("soon", "'soon' is not a date")])
def test_the_date_a_plan_is_agreed_by_falls_between_assessment_and_review(db, cli, by, said):
    refused = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach",
                  "--conditions", "Weekly", "--plan-later", by, "--db", db)
    assert refused.returncode == 2 and said in refused.stderr


def test_the_help_says_what_plan_later_does():
    from tests.helpers import run_cli
    shown = " ".join(run_cli("decide", "--help").stdout.split())
    assert "defer every required step not given with --plan" in shown
    assert "to be agreed by this date" in shown and "the fail-fast review date" in shown


def test_a_record_written_before_deferral_dates_reads_honestly():
    from leadfit.decisions.record import PlanItem
    old = PlanItem(id="M6", title="Peer exposure", owner="")
    assert old.words() == "owner and date to be agreed (no date set)"
    assert "agree_by" not in PlanItem(id="M6", title="P", owner="").model_dump(exclude_defaults=True)


def test_a_correction_to_hiring_externally_drops_the_coaching_plan_and_says_so(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")})
    done = cli("correct", "--recorded-by", "Robin Hale", record.record_id, "--reason", "Budget for an external hire approved",
               "--decision", "hire_external", "--justify", "Budget approved", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Hiring externally has no coaching: the coaching plan (M5 Induction" in done.stdout
    assert "the fail-fast review date and the coaching conditions of the earlier version were" \
        " dropped" in done.stdout
    with open_register(db) as reg:
        new = service.show(reg, record.record_id)
        text = " ".join(pdf_pages(printing.render_pdf(reg, new.ref).pdf))
    d = new.decision
    assert (d.outcome, d.plan, d.review_date, d.conditions) == ("hire_external", [], None, "")
    assert "Sam Lee" not in text and "Fail-fast review" not in text
    assert "No coaching plan: hiring from outside, this candidate does not lead the stream" in text




def test_appointing_against_a_coaching_recommendation_keeps_no_coaching_plan(db, cli):
    """'appoint: the candidate is ready; appoint with standard onboarding' (catalogue): the
    coaching plan, its fail-fast review and conditions never survive into the record."""
    made = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "appoint", "--justify", "Ready enough",
               "--review-date", "2027-03-01", "--plan", "M7", "Sam Lee", "2027-01-15", "--db", db)
    assert made.returncode == 0, made.stderr
    assert "Appointing without conditions has no coaching: the coaching plan the recommendation" \
        " carried (M5 Induction" in made.stderr and "M10 Fail fast" in made.stderr
    with open_register(db) as reg:
        record = service.show(reg, made.stdout.strip())
        text = " ".join(pdf_pages(printing.render_pdf(reg, record.ref).pdf))
    d = record.decision
    assert (d.outcome, d.plan, d.review_date, d.conditions) == ("appoint", [], None, "")
    assert "Sam Lee" not in text and "Fail-fast review" not in text


def test_a_correction_from_coach_to_appoint_says_what_it_dropped(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")})
    done = cli("correct", "--recorded-by", "Robin Hale", record.record_id, "--reason", "The board judged them ready",
               "--decision", "appoint", "--justify", "Ready", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "Appointing without conditions has no coaching: the coaching plan (M5 Induction" \
        in done.stdout and "the fail-fast review date" in done.stdout
    with open_register(db) as reg:
        d = service.show(reg, record.record_id).decision
    assert (d.plan, d.review_date, d.conditions) == ([], None, "")
