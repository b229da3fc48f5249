"""`leadfit decide` names every mistake in one run and nothing is written (fresh-eyes item 5).

HR fixing a refused decide one error per run is three runs for three typos; and an
error about a justification for a decision that is not an outcome at all is false.
"""

from __future__ import annotations

import pytest

from tests.decisions_support import cli  # noqa: F401 (fixture)
from tests.helpers import EXAMPLE_CASE

NO_NAME = "say who is recording this: give your full name (--recorded-by NAME)"


def _decide(cli, db, *args):
    result = cli("decide", EXAMPLE_CASE, *args, "--db", db)
    assert result.returncode == 2
    assert not db.exists()   # a refused first decide leaves no register behind
    return result.stderr


def test_a_missing_name_and_a_bad_decision_are_named_together(tmp_path, cli):
    said = _decide(cli, tmp_path / "r.sqlite3", "--decision", "banana")
    assert NO_NAME in said and "decision 'banana' is not one of: appoint, coach" in said
    assert "justification" not in said


def test_a_decision_that_is_no_outcome_asks_for_no_justification(tmp_path, cli):
    said = _decide(cli, tmp_path / "r.sqlite3", "--decision", "banana",
                   "--recorded-by", "Robin Hale")
    assert "decision 'banana' is not one of" in said
    assert "differs from the recommendation" not in said and "justification" not in said


@pytest.mark.parametrize("step", ["M5", "M99"])
def test_an_empty_owner_a_bad_date_and_an_unknown_step_are_named_together(tmp_path, cli, step):
    said = _decide(cli, tmp_path / "r.sqlite3", "--decision", "coach", "--conditions",
                   "Coached weekly", "--plan", step, "", "notadate")
    assert f"the owner of plan step {step} is empty" in said
    assert f"due date for {step} 'notadate' is not a date" in said
    assert NO_NAME in said
    assert ("plan names 'M99', which is not a required mitigation" in said) == (step == "M99")


def test_once_everything_is_right_it_is_recorded(tmp_path, cli):
    db = tmp_path / "r.sqlite3"
    done = cli("decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Coached weekly",
               "--plan", "M5", "Sam Lee", "2027-01-15", "--plan-later", "2027-01-20",
               "--recorded-by", "Robin Hale", "--db", db)
    assert done.returncode == 0, done.stderr
    assert db.exists()
