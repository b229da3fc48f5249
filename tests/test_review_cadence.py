"""A coached appointment is reviewed early and often (M10, "make the decision early"): a
review set further out than the pack's fail-fast horizon from the one before needs a
written reason (F42), and continuing on "not known" to the very signs a review observes
needs one too (F46). Every refusal is named and nothing is written."""

from __future__ import annotations

import pytest

from leadfit.decisions.register import open_register
from leadfit.rules.model.library import default_pack
from tests.decisions_support import counts, squash
from tests.helpers import EXAMPLE_CASE

# the default pack's review_horizon_days (183 in 2.8): the first review about six months out
HORIZON = default_pack().settings.parameters["review_horizon_days"]


def decide(cli, db, *more):
    return cli("decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Weekly coaching",
               "--plan-later", "--recorded-by", "Pat Smith", "--again", *more, "--db", db)


@pytest.fixture
def signed(cli, db) -> str:
    made = decide(cli, db)
    ref = made.stdout.split()[0]
    for name, role in (("Dana Chief", "decision_maker"), ("Hana Rees", "hr")):
        assert cli("sign", ref, "--name", name, "--role", role, "--db", db).returncode == 0
    return ref


def review(cli, db, ref, verdict, *more):
    return cli("review", ref, "--verdict", verdict, "--recorded-by", "Pat Smith",
               "--on", "2027-02-01", "--today", "2027-02-01", *more, "--db", db)


def written(db) -> tuple[int, int]:
    with open_register(db) as reg:
        return counts(reg)


def test_a_decisive_review_years_out_is_refused_without_a_reason(cli, db):
    refused = decide(cli, db, "--decisive-review-date", "2035-01-01")
    assert refused.returncode == 2
    assert ("the decisive review (1 January 2035) is 2891 days after the first review (1 February"
            f" 2027); the rule pack holds each review of a coached appointment within {HORIZON}"
            " days of the one before") in squash(refused.stderr)
    assert "say why in the justification" in refused.stderr
    assert written(db) == (0, 0)
    given = decide(cli, db, "--decisive-review-date", "2035-01-01",
                   "--justify", "The board asked for a long horizon")
    assert given.returncode == 0, given.stderr


def test_a_decisive_review_within_the_horizon_needs_no_reason(cli, db):
    assert decide(cli, db, "--decisive-review-date", "2027-08-01").returncode == 0  # 181 days


def test_extending_the_coaching_years_out_is_refused_without_a_reason(cli, db, signed):
    before = written(db)
    refused = review(cli, db, signed, "extend", "--next-review", "2031-01-01")
    assert refused.returncode == 2
    assert ("the next review (1 January 2031) is 1430 days after this review (1 February 2027)"
            in squash(refused.stderr))
    assert written(db) == before
    near = review(cli, db, signed, "extend", "--next-review", "2027-06-01")
    assert near.returncode == 0, near.stderr


def test_extending_years_out_with_a_reason_is_recorded(cli, db, signed):
    given = review(cli, db, signed, "extend", "--next-review", "2031-01-01",
                   "--justify", "Parental leave for most of the period")
    assert given.returncode == 0, given.stderr


NOT_KNOWN = ("--answer", "candidate.prioritisation", "not known",
             "--answer", "candidate.blamed_digital", "not known")


def test_continuing_on_not_known_to_the_signs_observed_needs_a_reason(cli, db, signed):
    before = written(db)
    refused = review(cli, db, signed, "continue", *NOT_KNOWN)
    assert refused.returncode == 2
    said = squash(refused.stderr)
    assert ("continuing needs a written justification (at least 2 words): the review answers"
            " \u201cnot known\u201d to what it is held to observe (How do they prioritise?; Have"
            " they blamed digital teams for slow delivery before?), so it cannot tell whether the"
            " executive is adjusting") in said
    assert "candidate.prioritisation" not in said     # named by its question, never its id
    assert written(db) == before
    given = review(cli, db, signed, "continue", *NOT_KNOWN,
                   "--justify", "The CPO observed them weekly and saw trade-offs made")
    assert given.returncode == 0, given.stderr


def test_extending_on_not_known_is_the_cautious_call_and_needs_no_reason(cli, db, signed):
    result = review(cli, db, signed, "extend", "--next-review", "2027-05-01", *NOT_KNOWN)
    assert result.returncode == 0, result.stderr
