"""Varied, valid answer sets generated from the questionnaire (seeded, repeatable)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from leadfit.forms.questionnaire import Questionnaire


def random_answers(questionnaire: Questionnaire, rng: random.Random, blank_rate: float = 0.0) -> dict:
    answers = {}
    for q in questionnaire.asked:
        if blank_rate and rng.random() < blank_rate:
            continue
        answers[q.id] = _value(q, rng)
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


def generate(questionnaire: Questionnaire, count: int, seed: int = 7, blank_rate: float = 0.0) -> list[dict]:
    rng = random.Random(seed)
    return [random_answers(questionnaire, rng, blank_rate) for _ in range(count)]
