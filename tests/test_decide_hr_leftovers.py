"""What HR noticed at decide and submit: a plan whose dates have all gone by (F35), a
recorder who is the candidate, a draft whose plan only `decide` could complete."""

from __future__ import annotations

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.decisions_support import counts, squash
from tests.helpers import EXAMPLE_CASE


def decide(cli, db, *more, recorder="Pat Smith"):
    return cli("decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Weekly coaching",
               "--recorded-by", recorder, "--today", "2026-12-04", *more, "--db", db)


def test_a_plan_whose_dates_have_all_gone_by_is_refused_and_nothing_written(cli, db):
    result = decide(cli, db, "--plan", "M5", "Sam Lee", "2026-11-10", "--plan-later", "2026-11-20")
    assert result.returncode == 2
    assert ("every date of this plan has gone by (10 November 2026, 20 November 2026; today is"
            " 4 December 2026): give the dates from today on") in squash(result.stderr)
    with open_register(db) as reg:
        assert counts(reg) == (0, 0)


def test_one_step_already_due_beside_later_dates_is_taken(cli, db):
    result = decide(cli, db, "--plan", "M5", "Sam Lee", "2026-11-10", "--plan-later")
    assert result.returncode == 0, result.stderr      # the rest is agreed by 1 February 2027


def test_a_recorder_who_is_the_candidate_is_warned(cli, db):
    result = decide(cli, db, "--plan-later", recorder="alex  MORGAN")
    assert result.returncode == 0
    assert ("warning: alex MORGAN, who records this decision, is the candidate it is about"
            in result.stderr)
    other = decide(cli, db, "--plan-later", "--again")
    assert "who records this decision" not in other.stderr


def test_submit_completes_a_drafts_plan_as_decide_would(cli, db):
    draft = decide(cli, db, "--draft")
    ref = draft.stdout.split()[0]
    refused = cli("submit", ref, "--db", db)
    assert refused.returncode == 2 and "(--plan-later)" in refused.stderr
    done = cli("submit", ref, "--plan", "Induction", "Sam Lee", "2027-01-10", "--plan-later",
               "--db", db)
    assert done.returncode == 0, done.stderr
    assert "awaiting sign-off" in done.stdout
    with open_register(db) as reg:
        record = service.show(reg, ref)
    plan = {p.id: p for p in record.decision.plan}
    assert (plan["M5"].owner, plan["M5"].due) == ("Sam Lee", "2027-01-10")
    assert plan["M6"].agree_by == "2027-02-01" and not plan["M6"].owner
    assert "Induction not done by 10 January 2027" in record.decision.review_criteria
    assert cli("verify", "--db", db).returncode == 0


def test_submit_names_a_step_that_is_not_in_the_plan_and_writes_nothing(cli, db):
    ref = decide(cli, db, "--draft").stdout.split()[0]
    with open_register(db) as reg:
        before = counts(reg)
    refused = cli("submit", ref, "--plan", "Yoga", "Sam Lee", "2027-01-10", "--plan-later",
                  "--db", db)
    assert refused.returncode == 2 and "plan names 'Yoga'" in refused.stderr
    with open_register(db) as reg:
        assert counts(reg) == before and service.show(reg, ref).status == "draft"


def test_a_correction_names_every_mistake_in_one_run_and_writes_nothing(cli, db):
    """F19: the recorder, the reason, the decision, the date and the plan, all at once."""
    ref = decide(cli, db, "--plan-later").stdout.split()[0]
    with open_register(db) as reg:
        before = counts(reg)
    result = cli("correct", ref, "--reason", " ", "--decision", "maybe", "--review-date",
                 "2027-13-01", "--recorded-by", "", "--plan", "M99", "", "2027-01-01", "--db", db)
    assert result.returncode == 2
    said = squash(result.stderr)
    for words in ("the owner of plan step M99 is empty", "say who is recording this",
                  "a correction needs a reason", "decision 'maybe' is not one of",
                  "review date '2027-13-01' is not a date", "plan names 'M99'"):
        assert words in said, words
    with open_register(db) as reg:
        assert counts(reg) == before


def test_an_impossible_next_review_date_is_named_once(cli, db):
    ref = decide(cli, db, "--plan-later").stdout.split()[0]
    for name, role in (("Dana Chief", "decision_maker"), ("Hana Rees", "hr")):
        assert cli("sign", ref, "--name", name, "--role", role, "--db", db).returncode == 0
    result = cli("review", ref, "--verdict", "extend", "--next-review", "2027-02-30",
                 "--recorded-by", "Pat Smith", "--on", "2027-02-01", "--today", "2027-02-01",
                 "--db", db)
    assert result.returncode == 2
    assert "next review date '2027-02-30' is not a date (YYYY-MM-DD)" in result.stderr
    assert "needs the new review date" not in result.stderr     # it was given, just not a date
