"""Exploring answers not known part by part (rules/runtime/parts.py) is exact: every
combination gets the rules, outcome and steps that matching it whole gives, in the same
order; and a bounded exploration never says the recommendation holds where the full one
would not."""

from __future__ import annotations

from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.forms.case import build_case, follow_ups, relevant_from
from leadfit.rules.runtime import unknowns
from leadfit.rules.runtime.answer_space import reading
from leadfit.rules.runtime.assess import evaluate, outcome_of
from leadfit.rules.runtime.follow_ups import combinations, exploring, values
from leadfit.rules.runtime.matching import EXACT
from leadfit.rules.runtime.parts import rules_of
from tests.test_unknowns import PACK, cases

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
Q = PACK.questionnaire


def _open(case):
    """``case`` with the follow-ups of its answers not known left unanswered."""
    gated = {x.id for x in Q.asked if x.ask_if is not None}
    raw = case.to_data()
    later = follow_ups(build_case({k: v for k, v in raw.items() if k not in gated or k in case.unknown}, Q), Q)
    return build_case({k: v for k, v in raw.items() if k not in later}, Q)


def _whole(case) -> tuple[list, list]:
    """Each combination matched whole, the way exploring was done before parts: rows and firings."""
    space = reading(PACK)
    plan = exploring(case, PACK, space)
    affected, unaffected = space.split(plan.questions)
    combos, _ = combinations(case, plan, 10**6)
    base = relevant_from(case.answers, Q)
    steady, moving = rules_of(PACK, unaffected), rules_of(PACK, affected)  # keyed by their rules
    steady_ids = set(EXACT.evaluate(steady.key, steady.conditions, base))
    rows, firings = [], []
    for combo in combos:
        answers = relevant_from({**case.answers, **values(case, plan, combo)}, Q)
        fired = steady_ids | set(EXACT.evaluate(moving.key, moving.conditions, answers))
        outcome = outcome_of(PACK, answers, fired)
        rows.append((combo, outcome, unknowns._before(PACK, fired, outcome)))
        firings.append(fired)
    return rows, firings


@SETTINGS
@given(cases(max_unknown=4), st.booleans())
def test_each_combination_gets_what_matching_it_whole_gives_in_the_same_order(case, left_open):
    case = _open(case) if left_open else case
    firings: list = []
    table = unknowns.explore(case, PACK, firings=firings)
    rows, whole = _whole(case)
    assert table.size == len(rows)
    if table.too_many:
        return
    assert table.rows == rows
    assert [set(f) for f in firings] == whole
    order = list(PACK.settings.outcomes)
    if rows and not evaluate(case, PACK).missing:
        assert unknowns.cautious_outcome(case, PACK) == max((o for _, o, _ in rows if o), key=order.index)


@SETTINGS
@given(cases(max_unknown=4), st.booleans(), st.integers(1, 64))
def test_a_bounded_exploration_never_says_it_holds_where_the_full_one_would_not(case, left_open, bound):
    case = _open(case) if left_open else case
    full = evaluate(case, PACK)
    with mock.patch.object(unknowns, "LIMIT", bound):
        bounded = evaluate(case, PACK)
    if full.missing or not full.unknowns:
        return
    if bounded.unknowns.verdict == "holds":
        assert full.unknowns.verdict == "holds" and bounded.outcome == full.outcome
    order = list(PACK.settings.outcomes)
    assert order.index(bounded.outcome) >= order.index(full.outcome)  # never milder than the truth
