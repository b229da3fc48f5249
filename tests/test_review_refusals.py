"""Fail-fast reviews refused (issue 12, M10): a record that is not a signed coached
appointment, a review dated before its decision or after today, bad verdicts, answers
and steps, a 'continue' against the signs of not adjusting, a review after a correction
to hire. Each is named and nothing is written (test_reviews.py: the lifecycle)."""

from __future__ import annotations

from datetime import date

import pytest

from leadfit.decisions import review_service, service
from leadfit.decisions.errors import DecisionError
from tests.decisions_support import (
    counts,
    decide_coach,
    example_case,
    pack,
    review_continue,
    sign_all,
)


@pytest.mark.parametrize("decision", ["appoint", "hire_external"])
def test_a_review_of_a_record_that_is_not_a_coached_appointment_is_refused(tmp_path, cli,
                                                                           decision):
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        record = sign_all(reg, service.decide(reg, example_case(), pack(), decision=decision,
                                              justification="The board decided").ref)
        before = counts(reg)
    result = cli("review", "--recorded-by", "Robin Hale", record.record_id, "--verdict", "continue", "--on", "2027-02-01", "--today", "2027-02-01",
                 "--db", db)
    assert result.returncode == 2
    title = pack().catalogue.title(decision)  # in words, as everywhere HR reads
    assert f"{record.ref} is not a coached appointment (its decision is '{title}')" \
        in " ".join(result.stderr.split())
    with open_register(db) as reg:
        assert counts(reg) == before


def test_a_review_dated_before_its_decision_or_of_an_unknown_record_is_refused(tmp_path, cli):
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        record = sign_all(reg, decide_coach(reg).ref)
        before = counts(reg)
    early = cli("review", "--recorded-by", "Robin Hale", record.record_id, "--verdict", "continue", "--on", "2026-10-01",
                "--db", db)
    assert early.returncode == 2
    assert "the review date (2026-10-01) is before its decision" in early.stderr
    unknown = cli("review", "--recorded-by", "Robin Hale", "LF-2026-0099", "--verdict", "continue", "--db", db)
    assert unknown.returncode == 2 and "no record 'LF-2026-0099'" in unknown.stderr
    with open_register(db) as reg:
        assert counts(reg) == before


def test_a_review_dated_after_today_is_refused_in_words(tmp_path, cli):
    """A review records what was observed: one held "on" a day still to come is refused
    (the clock is --today here; the window passes its own), and nothing is written."""
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        record = sign_all(reg, decide_coach(reg).ref)
        before = counts(reg)
    ahead = cli("review", "--recorded-by", "Robin Hale", record.record_id, "--verdict",
                "continue", "--on", "2027-02-05", "--today", "2027-02-04", "--db", db)
    assert ahead.returncode == 2
    assert "the review date (2027-02-05) is after today (2027-02-04)" in ahead.stderr
    with open_register(db) as reg:
        assert counts(reg) == before
        with pytest.raises(DecisionError, match="is after today"):   # the window's service
            review_service.preview_review(reg, record.ref, verdict="continue",
                                          held_on="2027-02-05", today=date(2027, 2, 4))
        held = review_continue(reg, record.ref, held_on="2027-02-04", today=date(2027, 2, 4))
    assert held.review.held_on == "2027-02-04"   # today itself is a day a review is held


@pytest.mark.parametrize("kwargs, words", [
    ({"verdict": "extend"}, "extending the coaching needs the new review date"),
    ({"verdict": "experienced_pd"}, "needs their name"),
    ({"verdict": "stop"}, "verdict 'stop' is not one of"),
    ({"verdict": "extend", "next_review": "2027-01-05"}, "must come after this review"),
    ({"verdict": "continue", "answers": {"candidate.owns_pnl": "none"}},
     "'candidate.owns_pnl' is not asked again at a review"),
    ({"verdict": "continue", "done": {"M5": "2027-03-01"}}, "after the review"),
    ({"verdict": "continue", "done": {"M2": "2027-01-01"}}, "'M2' is not a step of the plan"),
])
def test_bad_review_input_is_named_and_nothing_is_written(reg, kwargs, words):
    record = sign_all(reg, decide_coach(reg).ref)
    before = counts(reg)
    with pytest.raises(DecisionError, match=words) as err:
        review_service.review(reg, record.ref, held_on="2027-02-01",
                              today=date(2027, 2, 1), **kwargs)
    assert err.value.exit_code == 2
    assert counts(reg) == before


def test_an_unsigned_decision_or_a_reviewed_one_is_not_reviewed_again(reg):
    unsigned = decide_coach(reg)
    with pytest.raises(DecisionError, match="is not signed yet"):
        review_continue(reg, unsigned.ref)
    decision = sign_all(reg, unsigned.ref)
    first = review_continue(reg, decision.ref)
    with pytest.raises(DecisionError, match=f"already reviewed in {first.record_id}"):
        review_continue(reg, decision.ref)


@pytest.mark.parametrize("signs", [{"candidate.blamed_digital": True},
                                   {"candidate.prioritisation": "wants_everything"}])
def test_continuing_when_the_answers_show_the_executive_not_adjusting_needs_a_reason(reg, cli,
                                                                                      signs):
    """Found by a fresh-eyes HR tester: a 'continue' whose answers show the article's signs
    of not adjusting (F7 wants everything now, F8 blames the digital teams) was recorded
    with no word of why."""
    record = sign_all(reg, decide_coach(reg).ref)
    before = counts(reg)
    with pytest.raises(DecisionError, match="continuing needs a written justification") as err:
        review_continue(reg, record.ref, answers=signs)
    assert err.value.exit_code == 2 and counts(reg) == before
    assert "the answers show the executive not adjusting" in str(err.value.problems[0])
    with pytest.raises(DecisionError, match="at least 2 words"):
        review_continue(reg, record.ref, answers=signs, justification="ok")
    done = review_continue(reg, record.ref, answers=signs,
                           justification="Mentor reports steady change since the offsite")
    assert done.decision.justification.startswith("Mentor reports")


def test_no_review_follows_a_decision_corrected_to_hire(reg):
    """hF's fresh6 #30: corrected to Hire and signed, the coached decision's earlier review
    could still be reviewed, and, signed, put the coached executive back in the portfolio."""
    decision = sign_all(reg, decide_coach(reg).ref)
    first = sign_all(reg, review_continue(reg, decision.record_id).ref)
    hired = sign_all(reg, service.correct(reg, decision.ref, reason="The board chose to hire",
                                          decision="hire_external",
                                          justification="Not adjusting fast enough").ref)
    before = counts(reg)
    with pytest.raises(DecisionError, match=f"{decision.ref} was corrected in {hired.ref} to"
                                            " 'Hire an experienced Product Director': the"
                                            " coaching, and its reviews, ended there"):
        review_continue(reg, first.record_id, held_on="2027-05-01")
    assert counts(reg) == before
