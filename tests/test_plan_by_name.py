"""--plan takes a step as the refusals name it ("not given: Induction; ..."), any case, as well
as its id, and the refusals say both; a review date that is no date is the only error, not
the deferral it would have dated (fresh-eyes round 6, items 3 and 4)."""

from __future__ import annotations

from leadfit.decisions.record import DecisionRecord
from tests.helpers import EXAMPLE_CASE

COACH = ("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach",
         "--conditions", "Weekly mentoring by the CPO")


def _shown(cli, db, ref: str) -> DecisionRecord:
    return DecisionRecord.from_text(cli("register", "show", ref, "--db", db, "--json").stdout)


def test_a_step_is_given_by_its_name_in_any_case(db, cli):
    done = cli(*COACH, "--plan", "induction", "Sam Lee", "2027-01-15",
               "--plan", "  Coaching AND mentoring ", "Ana Ruiz", "2027-01-20",
               "--plan", "M6", "Kim Wu", "2027-01-25", "--plan-later", "--db", db)
    assert done.returncode == 0, done.stderr
    given = {p.id: (p.owner, p.due) for p in _shown(cli, db, done.stdout.strip()).decision.plan
             if p.given}
    assert given == {"M5": ("Sam Lee", "2027-01-15"), "M7": ("Ana Ruiz", "2027-01-20"),
                     "M6": ("Kim Wu", "2027-01-25")}


def test_refusals_name_each_step_by_name_and_id(db, cli):
    refused = cli(*COACH, "--plan", "Inducton", "Sam Lee", "2027-01-15", "--db", db)
    assert refused.returncode == 2
    said = " ".join(refused.stderr.split())
    assert ("plan names 'Inducton', which is not a required mitigation here; required: 'Induction'"
            " or M5, 'Peer exposure' or M6") in said
    assert ("not given: Induction; Peer exposure; Coaching and mentoring; Lighten the load; Open"
            " trade-offs; Fail fast (--plan takes a step by its name or its id: 'Induction' or M5,"
            " 'Peer exposure' or M6,") in said


def test_the_window_reads_the_refusal_without_the_terminal_hint():
    from leadfit.desktop.problems_dialog import plain
    said = ("a coached appointment needs each step ... (--plan), or deferred ... (--plan-later);"
            " not given: Induction; Fail fast (--plan takes a step by its name or its id:"
            " 'Induction' or M5, 'Fail fast' or M10)")
    assert plain(said) == ("a coached appointment needs each step ..., or deferred ...;"
                           " not given: Induction; Fail fast")


def test_an_impossible_review_date_is_the_only_error(db, cli):
    refused = cli(*COACH, "--review-date", "2027-02-30", "--plan-later", "--db", db)
    assert refused.returncode == 2
    problems = [line for line in refused.stderr.splitlines() if line.startswith("  - ")]
    assert problems == ["  - review date '2027-02-30' is not a date (YYYY-MM-DD)"]
    # without --plan-later the steps were not deferred at all: that stays a real second error
    undeferred = cli(*COACH, "--review-date", "2027-02-30", "--db", db)
    assert "not given: Induction" in undeferred.stderr
