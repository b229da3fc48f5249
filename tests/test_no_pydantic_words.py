"""fresh-eyes (hH 2): no message a user reads carries pydantic's own wording ("Input should
be", "value_error", "type=", field paths with dots and indices): every bad answer, from a
case file, the window's form or a review, is refused through forms/case.build_case, and
every bad decision through decisions/making, each naming the field in words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leadfit.errors import InputError
from leadfit.forms.case import build_case
from tests.decisions_support import example_case, pack

PYDANTIC = re.compile(r"Input should be|value_error|type_error|\[type=|pydantic|validation error"
                      r"|errors\.pydantic|For further information|\w+\.\d+\.\w+")

_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                    st.lists(st.integers(), max_size=3),
                    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
                    st.dates(), st.sampled_from(["yes", "2027-13-01", "1e400", ".nan", ""]))


def _said(problems) -> str:
    return "\n".join(str(p) for p in problems)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_bad_answer_is_said_in_words_never_in_pydantic_words(data):
    questionnaire = pack().questionnaire
    raw = dict(example_case().to_data())
    for qid in data.draw(st.lists(st.sampled_from(sorted(raw)), min_size=1, max_size=4)):
        raw[qid] = data.draw(_values)
    try:
        build_case(raw, questionnaire)
    except InputError as exc:
        said = _said(exc.problems)
        assert said and not PYDANTIC.search(said), said


@settings(max_examples=60, deadline=None)
@given(decision=st.text(max_size=12), review=_values, plan_later=st.one_of(st.booleans(), _values),
       owner=st.text(max_size=8), due=_values)
def test_a_bad_decision_is_said_in_words_never_in_pydantic_words(decision, review, plan_later,
                                                                  owner, due):
    from leadfit.decisions import making
    from leadfit.decisions.errors import DecisionError
    from leadfit.rules.runtime.explain import evaluate_explained
    case = example_case()
    try:
        making.build(record_id="LF-2026-0001", version=1, case=case, pack=pack(),
                     assessment=evaluate_explained(case, pack()), decision=decision,
                     justification="", conditions="Weekly", review_date=review,
                     plan={"M5": (owner, due)}, plan_later=plan_later, status="awaiting_signoff")
    except DecisionError as exc:
        said = _said(exc.problems)
        assert said and not PYDANTIC.search(said), said


def test_the_check_knows_pydantic_words_when_it_sees_them():
    from pydantic import BaseModel, ValidationError

    class Answer(BaseModel):
        years: int
    try:
        Answer.model_validate({"years": "lots"})
    except ValidationError as exc:
        assert PYDANTIC.search(str(exc))
