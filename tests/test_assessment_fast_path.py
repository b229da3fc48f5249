"""The assessment's fast paths say what the full paths say, over generated cases.

An evaluation reads its parts off the fired rules as bits, and remembers per pack what the
fired rules alone fix (rules/runtime/shared_parts.py). Each fast path is held to the full
one it stands for: the plan read step by step to the plan from who asks as dicts; 'why not'
read off the bits to the fired rules' own actions; and every assessment made with the memos
of many earlier cases to the same case assessed by a pack that has seen nothing yet.
"""

from __future__ import annotations

import copy
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from leadfit.errors import InputError
from leadfit.forms.case import build_case
from leadfit.rules.model.library import bundled_pack_names
from leadfit.rules.runtime.assess import builder, evaluate
from leadfit.rules.runtime.judgement import Judgement
from tests.helpers import pack_named
from tests.test_matcher_oracle import _candidates, _thresholds

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from cases import near_answers, random_answers  # noqa: E402  the benchmark's own case generator

PACKS = [*bundled_pack_names(), "archive/default-1.0", "archive/default-2.3", "archive/default-2.4"]
SETTINGS = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


_pack = cache(pack_named)


def _cases(pack):
    """Cases near every threshold of the pack, nearly every question answered, or drawn as
    the benchmark draws them (answers at random, or a scenario's with two drawn again): so
    every outcome is reached, at every risk, and most rules fire in some case."""
    named = _thresholds(pack)
    questions = [(q.id, _candidates(q, named.get(q.id, set()))) for q in pack.questionnaire.asked]
    scenarios = [s.answers for s in pack.scenarios]

    def case_of(answers: dict):
        try:
            return build_case(answers, pack.questionnaire)
        except InputError:  # e.g. a review before the assessment: no case to assess
            assume(False)

    def near_thresholds(picks: bytes) -> dict:
        return {qid: values[b % len(values)] for (qid, values), b in zip(questions, picks) if b != 255}

    def drawn(rng) -> dict:
        if scenarios and rng.random() < 0.5:
            return near_answers(pack.questionnaire, rng.choice(scenarios), rng)
        return random_answers(pack.questionnaire, rng, blank_rate=0.01)

    return st.one_of(st.binary(min_size=len(questions), max_size=len(questions)).map(near_thresholds),
                     st.randoms(use_true_random=False).map(drawn)).map(case_of)


@pytest.mark.parametrize("name", [n for n in PACKS if _pack(n).settings.semantics >= 2])
def test_the_plan_read_step_by_step_is_the_plan_from_who_asks(name):
    pack = _pack(name)
    outcomes = [*pack.settings.outcomes, None]

    @SETTINGS
    @given(_cases(pack))
    def check(case):
        b = builder(case, pack)
        for outcome in outcomes:  # every outcome, not only the one decided: the plan is a function of it
            fast, full = Judgement(b), Judgement(b)
            assert fast.plan(outcome) == full.plan_by_needs(outcome), outcome
            assert fast.constraints == full.constraints, outcome

    check()


@pytest.mark.parametrize("name", PACKS)
def test_why_not_read_off_the_bits_is_what_the_fired_rules_say(name):
    pack = _pack(name)
    order = list(pack.settings.outcomes)

    @SETTINGS
    @given(_cases(pack))
    def check(case):
        b = builder(case, pack)
        for o in order:
            outranking = [b.shared.outranks(r) for r, v in b.actions("recommend")
                          if order.index(v) > order.index(o)]
            assert b._outranked(o) == (outranking or ["A stronger outcome is required by the pack's constraints."])
            blocked = [f"Not possible here: {r.summary} ({r.id})" for r, v in b.actions("unavailable") if v == o]
            needs = pack.recommending.get(o)
            assert b._not_needed(o) == (blocked or [
                f"No rule recommending it matched. It would need one of: {'; '.join(needs)}"
                if needs else "No rule in the pack recommends it."])
        recommended = {v for _, v in b.actions("recommend")}
        assert b.shared.strongest(b.mask) == (max(recommended, key=order.index) if recommended else None)

    check()


@pytest.mark.parametrize("name", PACKS)
def test_an_assessment_made_with_earlier_cases_memos_is_the_one_made_afresh(name):
    """What a pack remembers from the cases before (findings, outcome, plan steps, readiness...)
    never changes a later case: the same case assessed under a copy of the pack that has
    remembered nothing gives the same JSON, byte for byte."""
    pack = _pack(name)
    fired_sets = set()

    @settings(SETTINGS, max_examples=60)
    @given(_cases(pack))
    def check(case):
        warm = evaluate(case, pack)  # after every case hypothesis tried before it
        cold = evaluate(case, copy.copy(pack))  # a new pack object: its own, empty memos
        assert warm.to_json() == cold.to_json()
        fired_sets.add(tuple(warm.rules_fired))

    check()
    assert len(fired_sets) > 10  # the memos were filled by many different sets of fired rules
