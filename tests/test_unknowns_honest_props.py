"""Property tests of answers not known judged honestly (unknowns_version 2, default 2.7):
- what "holds whatever" an answer not known claims holds for every answer to it: the same
  outcome and the same steps before the appointment, as the engine gives them;
- an answer not known whose follow-ups are left unanswered is complete, and the
  recommendation is never milder than the engine's for any answers to it and them."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.forms.case import build_case, follow_ups
from leadfit.forms.questionnaire import NOT_KNOWN
from leadfit.rules.runtime.answer_space import reading
from leadfit.rules.runtime.assess import evaluate
from tests.test_unknowns import _value, cases
from tests.test_unknowns_honest import steps_pack

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ASSESSED = date(2026, 11, 2)


def _result(a) -> tuple:
    return a.outcome, tuple(sorted(m.id for m in a.preconditions))


def _explorable():
    p = steps_pack()
    space = reading(p)
    return [q.id for q in p.questionnaire.asked if q.may_be_unknown and q.id in space.regions]


@SETTINGS
@given(cases(max_unknown=0), st.data())
def test_what_holds_whatever_one_answer_not_known_is_holds_for_every_answer_to_it(case, data):
    p = steps_pack()
    qid = data.draw(st.sampled_from(_explorable()))
    unknown = build_case({**case.to_data(), qid: NOT_KNOWN}, p.questionnaire)
    a = evaluate(unknown, p)
    if a.missing:
        return
    results = {_result(evaluate(unknown.with_answers({qid: r.value}), p))
               for r in reading(p).regions[qid]} - {(None, ())}
    order = list(p.settings.outcomes)
    assert a.outcome == max((o for o, _ in results), key=order.index)
    if a.unknowns.verdict == "holds":
        assert results == {_result(a)}, a.unknowns.summary
    else:
        assert len(results) > 1


def _with_follow_ups_left_out(case, qid):
    """The case with ``qid`` not known and every question hanging on it left unanswered."""
    q = steps_pack().questionnaire
    raw = {**case.to_data(), qid: NOT_KNOWN}
    gated = {x.id for x in q.asked if x.ask_if is not None}
    later = follow_ups(build_case({k: v for k, v in raw.items() if k not in gated}, q), q)
    return build_case({k: v for k, v in raw.items() if k not in later}, q), later


@SETTINGS
@given(cases(max_unknown=0), st.data())
def test_follow_ups_of_an_answer_not_known_are_never_demanded_and_never_make_it_milder(case, data):
    p = steps_pack()
    q = p.questionnaire
    qid = data.draw(st.sampled_from(["candidate.former_role_share", "candidate.reduce_former_role"]))
    left_out, later = _with_follow_ups_left_out(case, qid)
    a = evaluate(left_out, p)
    assert a.missing == []
    # any answers to it and to its follow-ups: the recommendation allows for them
    answers = {k: v for k, v in left_out.to_data().items() if k != qid}
    answers[qid] = data.draw(_value(q.questions[qid]))
    for f in later:
        question = q.questions[f]
        if question.type == "date":
            low = question.min_days_after if question.not_before else -30  # v4: a date the form takes
            answers[f] = ASSESSED + timedelta(days=data.draw(st.integers(low, 400)))
        else:
            answers[f] = data.draw(_value(question))
    answers["org.assessed_on"] = ASSESSED
    known = evaluate(build_case(answers, q), p)
    if known.missing:
        return
    order = list(p.settings.outcomes)
    assert order.index(a.outcome) >= order.index(known.outcome)
    if a.unknowns.verdict == "holds":
        assert _result(known) == _result(a), a.unknowns.summary


def _inside(region, value) -> bool:
    (lo, lo_in), (hi, hi_in) = region.low, region.high
    return (value > lo or (lo_in and value == lo)) and (value < hi or (hi_in and value == hi))


@SETTINGS
@given(cases(max_unknown=0), st.data())
def test_a_wider_class_still_stands_for_every_answer_in_it(case, data):
    """Neighbouring classes taken together (answer_space.py ``coarse``) meet the same
    conditions: any answer in one fires exactly the rules its representative fires; a date
    explored as days from the assessment too."""
    p = steps_pack()
    space = reading(p)
    qid = data.draw(st.sampled_from(sorted(space.coarse)))
    question = p.questionnaire.questions[qid]
    answers = {**case.to_data(), "candidate.reduce_former_role": True}  # the plan's date is asked
    if question.type == "date":
        # a date that may not come before the assessment (not_before) is drawn from its first day
        days = data.draw(st.integers(question.min_days_after if question.not_before else -400, 800))
        region = next(r for r in space.coarse[qid] if _inside(r, days))
        one, other = ASSESSED + timedelta(days=days), ASSESSED + timedelta(days=region.value)
    else:
        one = data.draw(_value(question))
        region = next(r for r in space.coarse[qid] if _inside(r, one))
        other = region.value
    a = evaluate(build_case({**answers, qid: one}, p.questionnaire), p)
    b = evaluate(build_case({**answers, qid: other}, p.questionnaire), p)
    assert a.rules_fired == b.rules_fired and a.outcome == b.outcome


@SETTINGS
@given(cases(max_unknown=3), st.integers(-30, 400))
def test_any_answers_not_known_with_their_follow_ups_open_are_decided_by_the_engine(case, days):
    """Up to three answers not known, every follow-up of them left unanswered: complete, and
    the engine agrees with the oracle on the most cautious result (with_unknowns raises if not)."""
    p = steps_pack()
    q = p.questionnaire
    gated = {x.id for x in q.asked if x.ask_if is not None}
    raw = {"candidate.reduced_by": (ASSESSED + timedelta(days=days)).isoformat(), **case.to_data()}
    later = follow_ups(build_case({k: v for k, v in raw.items() if k not in gated or k in case.unknown}, q), q)
    a = evaluate(build_case({k: v for k, v in raw.items() if k not in later}, q), p)
    assert a.missing == []
    assert a.outcome is not None and (a.unknowns is not None) == bool(case.unknown)
