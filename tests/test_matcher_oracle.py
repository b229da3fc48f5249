"""The engine of record and its oracle fire the same rules, over generated cases.

durable-rules decides every assessment; the Python evaluator in
forms/conditions.py drives relevance, coverage and exploration. If they ever
disagreed, what the window explores would not be what the record decides.
Cases are drawn near every threshold a pack's conditions name (one below, on,
one above), with any question possibly unanswered.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.forms import conditions
from leadfit.forms.case import build_case
from leadfit.forms.questionnaire import Question
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.library import bundled_pack_names, resolve_pack
from leadfit.rules.runtime.matching import EXACT, engine_of_record
from leadfit.rules.model.pack import Pack

PACKS = bundled_pack_names()
CASES_PER_EXAMPLE = 25
EXAMPLES = 420  # over the bundled packs: at least 10,000 generated cases in all
FAST = settings(max_examples=EXAMPLES // len(PACKS), deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def _pack(name: str) -> Pack:
    return resolve_pack(name)


def _thresholds(pack: Pack) -> dict[str, set]:
    """Every value a pack's conditions (rules and ask_if) compare each question with."""
    found: dict[str, set] = {}

    def walk(cond) -> None:
        if isinstance(cond, conditions.Group):
            for part in cond.parts:
                walk(part)
        elif isinstance(cond, conditions.Compare):
            found.setdefault(cond.question, set()).add(cond.value)
        elif isinstance(cond, conditions.Member):
            found.setdefault(cond.question, set()).update(cond.values)

    for rule in pack.rules:
        walk(rule.condition)
    for q in pack.questionnaire.questions.values():
        if q.ask_if is not None:
            walk(q.ask_if)
    return found


def _candidates(q: Question, named: set) -> list:
    """Values on, just below and just above each threshold, within the question's domain."""
    if q.type == "yes_no":
        return [True, False]
    if q.type == "choice":
        return list(q.options)
    if q.type == "text":
        return sorted(named | {"", "x", "Ünïcode 名前", "a'b\"c"})
    if q.type == "date":
        around = named or {date(2026, 11, 2)}
        return sorted({d + timedelta(days=k) for d in around for k in (-1, 0, 1)})
    low = 0 if q.type == "percent" else (q.min if q.min is not None else -2)
    high = 100 if q.type == "percent" else (q.max if q.max is not None else 40)
    near = {v + k for v in named | {low, high} for k in (-1, 0, 1)}
    values = sorted(v for v in near if low <= v <= high)
    return values + ([12.5, 99.5] if q.type == "percent" else [])


def _cases(pack: Pack, count: int) -> st.SearchStrategy[list[dict[str, Any]]]:
    """``count`` cases from one draw: a byte per question picks unanswered or a value.

    One draw per example keeps 10,000 cases to seconds; shrinking a failure
    moves bytes towards 0, so towards fewer answers.
    """
    named = _thresholds(pack)
    choices = [(q.id, _candidates(q, named.get(q.id, set())))
               for q in pack.questionnaire.questions.values()]
    width = len(choices)

    def case(picks: bytes) -> dict[str, Any]:
        return {qid: values[(b - 1) % len(values)]
                for (qid, values), b in zip(choices, picks) if b % 3}  # a third unanswered

    def build(blob: bytes) -> list[dict[str, Any]]:
        return [case(blob[i:i + width]) for i in range(0, len(blob), width)]
    return st.binary(min_size=width * count, max_size=width * count).map(build)


def _fired(matcher, key: str, rules, answers: dict) -> list[str]:
    return sorted(matcher.evaluate(key, rules, answers))


@pytest.mark.parametrize("name", PACKS)
def test_engine_and_oracle_fire_the_same_rules_of_every_bundled_pack(name):
    pack = _pack(name)
    rules = [(r.id, r.condition) for r in pack.rules]
    engine = engine_of_record()
    seen = []

    @FAST
    @given(_cases(pack, CASES_PER_EXAMPLE))
    def check(cases):
        for answers in cases:
            assert _fired(engine, pack.fingerprint, rules, answers) == \
                _fired(EXACT, pack.fingerprint, rules, answers), answers
        seen.extend(cases)

    check()
    assert len(seen) * len(PACKS) >= 10_000
    assert any(_fired(EXACT, pack.fingerprint, rules, a) for a in seen)  # not all vacuous


def _condition_data(pack: Pack) -> st.SearchStrategy:
    """Condition trees (as a pack author writes them) over the pack's questions."""
    named = _thresholds(pack)
    questions = list(pack.questionnaire.questions.values())

    def leaf(q: Question) -> st.SearchStrategy:
        values = _candidates(q, named.get(q.id, set()))
        ops = conditions._OPS_BY_TYPE[q.type]
        compare = st.sampled_from([o for o in ops if o in conditions.COMPARISONS])
        one = st.sampled_from(values)
        parts = [st.builds(lambda op, v: {op: {q.id: v}}, compare, one), st.just({"answered": q.id}),
                 st.just({"unanswered": q.id})]  # 2.9: the pack language's own atom
        if any(o in conditions.MEMBERSHIP for o in ops):
            parts.append(st.builds(lambda op, vs: {op: {q.id: vs}},
                                   st.sampled_from(conditions.MEMBERSHIP),
                                   st.lists(one, min_size=1, max_size=3)))
        return st.one_of(parts)

    leaves = st.sampled_from(questions).flatmap(leaf)
    return st.recursive(leaves, lambda inner: st.one_of(
        st.builds(lambda parts: {"all": parts}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda parts: {"any": parts}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda c: {"not": c}, inner),
    ), max_leaves=6)


def _parsed(raw, pack: Pack):
    try:
        return conditions.parse(raw, pack.questionnaire.questions)
    except conditions.ConditionProblem:  # a generated value the question cannot take
        return None


@pytest.mark.parametrize("name", PACKS)
def test_engine_and_oracle_agree_on_generated_conditions(name):
    pack = _pack(name)
    engine = engine_of_record()

    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.lists(_condition_data(pack), min_size=1, max_size=6),
           _cases(pack, 20))
    def check(raws, cases):
        rules = [(f"g{i}", c) for i, raw in enumerate(raws) if (c := _parsed(raw, pack)) is not None]
        key = f"generated-{hash(repr(rules)) & 0xFFFFFFFF:x}"
        for answers in cases:
            assert _fired(engine, key, rules, answers) == _fired(EXACT, key, rules, answers), \
                (conditions.to_data(conditions.Group("all", tuple(c for _, c in rules))) if rules else [],
                 answers)

    check()


@pytest.mark.parametrize("name", PACKS)
def test_an_assessment_decided_by_the_oracle_differs_from_the_engines_only_in_its_name(name):
    """Exploration may use the oracle: everything but the deciding engine's name is equal."""
    pack = _pack(name)
    for scenario in pack.scenarios:
        case = build_case(scenario.answers, pack.questionnaire)
        by_engine = evaluate(case, pack).model_dump(mode="json")
        by_oracle = evaluate(case, pack, EXACT).model_dump(mode="json")
        assert by_engine.pop("engine")["name"] == "durable-rules"
        assert by_oracle.pop("engine")["name"] == EXACT.name
        assert by_engine == by_oracle, scenario.name
