"""Varied, valid answer sets generated from the questionnaire (seeded, repeatable).

Answers drawn independently almost never line up for ``appoint`` (it needs
nine of them right), so the fast path would never be measured. Given a pack,
``generate`` draws part of the cases near its scenarios instead: a scenario's
answers with up to two of them drawn again. So every outcome the scenarios
reach appears, appoint included (``outcomes`` counts them; the benchmarks print it).
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from leadfit.forms.questionnaire import Questionnaire

NEAR_SCENARIOS = 0.4  # the share of cases drawn near a scenario when a pack is given


def random_answers(questionnaire: Questionnaire, rng: random.Random, blank_rate: float = 0.0) -> dict:
    answers = {}
    for q in questionnaire.asked:
        if blank_rate and rng.random() < blank_rate:
            continue
        answers[q.id] = _value(q, rng)
    return _ordered_dates(questionnaire, answers, rng)


def near_answers(questionnaire: Questionnaire, seed: dict, rng: random.Random) -> dict:
    """A scenario's answers, every asked question filled in, up to two drawn again."""
    answers = random_answers(questionnaire, rng)
    answers.update(seed)
    asked = [q for q in questionnaire.asked]
    for q in rng.sample(asked, rng.randint(0, 2)):
        answers[q.id] = _value(q, rng)
    return _ordered_dates(questionnaire, answers, rng)


def _ordered_dates(questionnaire: Questionnaire, answers: dict, rng: random.Random) -> dict:
    for q in questionnaire.asked:  # a date may not precede the one it follows (review after assessment)
        earlier = answers.get(q.not_before) if q.not_before else None
        if earlier is not None and answers.get(q.id) is not None and answers[q.id] < earlier:
            answers[q.id] = earlier + timedelta(days=rng.randint(0, 200))
    return answers


def _value(q, rng: random.Random):
    if q.type == "yes_no":
        return rng.random() < 0.5
    if q.type == "integer":
        return rng.randint(q.min or 0, min(q.max or 20, 20))
    if q.type == "percent":
        return rng.choice([0, 5, 10, 20, 30, 40, 50, 60, 75, 90, 100])
    if q.type == "choice":
        return rng.choice(list(q.options))
    if q.type == "date":
        return date(2026, 11, 2) + timedelta(days=rng.randint(0, 200))
    return f"Name {rng.randint(1, 999)}"


def scenario_seeds(pack) -> list[dict]:
    """The answers of the pack's scenarios that expect an outcome and know every answer."""
    from leadfit.forms.case import NOT_KNOWN
    asked = {q.id for q in pack.questionnaire.asked}
    return [dict(s.answers) for s in pack.scenarios
            if getattr(s.expect, "outcome", None) and set(s.answers) <= asked
            and NOT_KNOWN not in s.answers.values()]


def generate(questionnaire: Questionnaire, count: int, seed: int = 7, blank_rate: float = 0.0,
             pack=None) -> list[dict]:
    """``count`` answer sets; with ``pack``, part of them near its scenarios."""
    rng = random.Random(seed)
    seeds = scenario_seeds(pack) if pack is not None else []
    out = []
    for _ in range(count):
        if seeds and rng.random() < NEAR_SCENARIOS:
            out.append(near_answers(questionnaire, rng.choice(seeds), rng))
        else:
            out.append(random_answers(questionnaire, rng, blank_rate))
    return out


def carried_over(answer_sets: list[dict], source: Questionnaire, questionnaire: Questionnaire,
                 seed: int = 7) -> list[dict]:
    """The same cases under another questionnaire (an archived pack's): every answer to a
    question both ask is kept where this one accepts it, and a question ``source`` left blank
    stays blank; only the questions this one alone asks (or an answer it refuses) are drawn,
    seeded. So two packs are timed on the same cases as far as their questionnaires allow."""
    rng = random.Random(seed)
    both = {q.id for q in source.asked}
    out = []
    for answers in answer_sets:
        carried = {}
        for q in questionnaire.asked:
            if q.id in answers and _accepts(q, answers[q.id]):
                carried[q.id] = answers[q.id]
            elif q.id not in both or q.id in answers:
                carried[q.id] = _value(q, rng)
        out.append(_ordered_dates(questionnaire, carried, rng))
    return out


def _accepts(q, value) -> bool:
    """Whether ``value`` is a valid answer to ``q`` as this questionnaire asks it."""
    from leadfit.forms.answers import BadAnswer, clean
    try:
        return clean(q, value) == value
    except BadAnswer:
        return False


def outcomes(assessments) -> Counter:
    """How many assessments give each outcome ("none" for no outcome)."""
    return Counter(a.outcome or "none" for a in assessments)
