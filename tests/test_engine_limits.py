"""The engine's limits, as measured by bisection (rules/model/engine_limits.py), pinned: at each
limit the engine takes and runs the rule; one past it the rule is refused in words before
the engine sees it (past them the engine answered "error code: 113", or never returned)."""

from __future__ import annotations

import pytest

from leadfit.forms.conditions import Compare, Group, Member
from leadfit.rules.runtime.engine import get_engine
from leadfit.rules.model.engine_limits import MAX_ALTERNATIVES, MAX_DEPTH, MAX_SUBGROUPS, limit_problem

Q = "candidate.digital_years"


def _in_list(n):
    return Member("in", Q, tuple(range(n)))


def _nested(n):
    cond = Compare("eq", Q, 3)
    for i in range(n):
        cond = Group("all" if i % 2 else "any", (cond, Compare("ne", Q, 100 + i)))
    return cond


def _and_of_ors(n):
    return Group("all", tuple(Group("any", (Compare("eq", Q, i), Compare("ne", Q, i)))
                              for i in range(n)))


def _or_of_ands(n):
    return Group("any", tuple(Group("all", (Compare("ne", Q, i), Compare("ne", Q, i + 1)))
                              for i in range(n)))


SHAPES = [(_in_list, MAX_ALTERNATIVES, "at most 510"), (_nested, MAX_DEPTH, "at most 15"),
          (_and_of_ors, MAX_SUBGROUPS, "at most 14"), (_or_of_ands, MAX_SUBGROUPS, "at most 14")]


@pytest.mark.parametrize(("shape", "limit", "words"), SHAPES,
                         ids=["in-list", "nesting", "any-groups-in-all", "all-groups-in-any"])
def test_at_the_limit_the_engine_runs_and_past_it_the_rule_is_refused(shape, limit, words):
    engine = get_engine()
    assert engine.refusal(shape(limit)) is None
    assert engine.evaluate(f"limit-{shape.__name__}", [("at-limit", shape(limit))], {Q: 3}) \
        in ([], ["at-limit"])
    problem = limit_problem(shape(limit + 1))
    assert problem is not None and words in problem[0]
