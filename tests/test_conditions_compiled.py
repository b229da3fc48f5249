"""A condition compiled to one function (``conditions.compiled``, what the relevant answers are
read with on every evaluation) says what the condition evaluator says, on every generated
condition and case, and the relevant answers it gives are those of each question's ask_if."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.forms import conditions
from leadfit.forms.case import derive, relevant_from
from tests.test_matcher_oracle import PACKS, _cases, _condition_data, _pack, _parsed

SETTINGS = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("name", PACKS)
def test_a_compiled_condition_gives_what_the_evaluator_gives(name):
    pack = _pack(name)

    @SETTINGS
    @given(st.lists(_condition_data(pack), min_size=1, max_size=4), _cases(pack, 20))
    def check(raws, cases):
        for cond in (c for raw in raws if (c := _parsed(raw, pack)) is not None):
            test = conditions.compiled(cond)
            for answers in cases:
                assert test(answers) == conditions.evaluate(cond, answers), (cond, answers)

    check()


@pytest.mark.parametrize("name", PACKS)
def test_the_relevant_answers_are_the_asked_questions_answers_in_form_order(name):
    pack = _pack(name)
    questionnaire = pack.questionnaire

    @SETTINGS
    @given(_cases(pack, 20))
    def check(cases):
        for answers in cases:
            # in form order, each ask_if over the answers asked before it: a follow-up of a
            # question no longer asked is not asked either (session 8, hW's find)
            asked: dict = {}
            for q in questionnaire.in_form_order:
                if q.id in answers and (q.ask_if is None or conditions.evaluate(q.ask_if, asked)):
                    asked[q.id] = answers[q.id]
            for q in questionnaire.derived_facts:
                if (value := derive(q, asked)) is not None:
                    asked[q.id] = value
            assert list(relevant_from(answers, questionnaire).items()) == list(asked.items())

    check()
