"""Cases on both sides of every threshold two packs set differently, for ``pack diff``.

A pack's scenarios are written for the article's cases, not for a client's
thresholds: moving ``p1_met_years`` from 3 to 5 changes every candidate with 3 or
4 years, and the scenarios have none. So for each question the two packs compare
with different values (a parameter moved, a rule's threshold or options changed),
every scenario that answers it is taken again with that answer set on, just below
and just above each moved value (for both packs' values). A derived fact ("days
from the assessment until ...") is set through the later of its two dates.
A generated case that is not a valid case (a date before the assessment) is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from leadfit.errors import InputError
from leadfit.forms.case import build_case, relevant_from
from leadfit.forms.questionnaire import Question
from leadfit.rules.model.pack import Pack
from leadfit.rules.model.parameters import compared_with
from leadfit.rules.runtime.answer_space import _compared_values as compared_values

_ORDERED = ("integer", "percent", "date")


@dataclass(frozen=True)
class Moved:
    """A question the two packs compare with different values, and the values tried."""

    question: str
    title: str
    tried: tuple
    why: str  # "p1_met_years 3 -> 5", or the rule thresholds on each side
    words: tuple = ()  # each value tried as the form says it ('“A mix of both”'), in order

    def __str__(self) -> str:
        return f"{self.title} at {', '.join(self.words)} ({self.why})"

    def said(self, value: Any) -> str:
        """One value tried, as the form says it."""
        return self.words[self.tried.index(value)]


@dataclass(frozen=True)
class Boundary:
    """One generated case: a scenario with one answer set at a moved threshold."""

    name: str
    source: str
    answers: dict
    question: str
    value: Any


@dataclass(frozen=True)
class Generated:
    """The boundary cases, and what they vary."""

    cases: list[Boundary]
    moved: list[Moved]
    bases: int  # scenarios they start from


def moved_thresholds(a: Pack, b: Pack) -> list[Moved]:
    """The questions compared with different values by the two packs, in form order."""
    old, new = compared_values(a), compared_values(b)
    questions = a.questionnaire.questions
    moved = []
    for qid, question in questions.items():
        only_a, only_b = old.get(qid, set()) - new.get(qid, set()), new.get(qid, set()) - old.get(qid, set())
        if not (only_a or only_b):
            continue
        tried = _around(question, only_a | only_b)
        if tried:
            moved.append(Moved(qid, question.title, tried, _why(a, b, qid, only_a, only_b),
                               tuple(a.questionnaire.value_words(qid, v) for v in tried)))
    return moved


def boundary_cases(a: Pack, b: Pack, bases: list[tuple[str, str, dict]]) -> Generated:
    """Each base (name, source, answers) that answers a moved question, with that answer
    set to each value tried; a case already among the bases or made twice is kept once."""
    moved = moved_thresholds(a, b)
    questionnaire = a.questionnaire
    seen = {_key(answers) for _, _, answers in bases}
    out: list[Boundary] = []
    used = set()
    for name, source, answers in bases:
        try:
            typed = build_case(answers, questionnaire).answers
        except InputError:
            continue  # pack diff names it among the scenarios
        relevant = relevant_from(typed, questionnaire)
        for m in moved:
            question = questionnaire.questions[m.question]
            if m.question not in relevant:
                continue
            for value in m.tried:
                varied = _set(question, value, dict(answers), typed)
                if varied is None or _key(varied) in seen or not _valid(varied, a):
                    continue
                seen.add(_key(varied))
                used.add(name)
                out.append(Boundary(f"{m.question} {m.said(value)}: {name}", f"generated from {source}",
                                    varied, m.question, value))
    return Generated(out, moved, len(used))


def _around(question: Question, values: set) -> tuple:
    """Each value with one below and one above it, inside the question's range."""
    if question.type not in _ORDERED:
        return _ordered(values)
    step: Any = timedelta(days=1) if question.type == "date" else 1
    near = {v + k * step for v in values for k in (-1, 0, 1)}
    low = question.min if question.min is not None else (0 if question.type in ("integer", "percent") else None)
    high = question.max if question.max is not None else (100 if question.type == "percent" else None)
    return tuple(sorted(v for v in near if (low is None or v >= low) and (high is None or v <= high)))


def _set(question: Question, value: Any, answers: dict, typed: dict) -> dict | None:
    """``answers`` with ``question`` at ``value``; a derived count of days is set through its
    later date. None where it cannot be set (another kind of derived fact)."""
    if not question.derived_from:
        answers[question.id] = value.isoformat() if isinstance(value, date) else value
        return answers
    how, sources = question.derived_from
    if how != "days_between" or sources[0] not in typed:
        return None
    answers[sources[1]] = (typed[sources[0]] + timedelta(days=value)).isoformat()
    return answers


def _valid(answers: dict, pack: Pack) -> bool:
    try:
        build_case(answers, pack.questionnaire)
    except InputError:
        return False
    return True


def _why(a: Pack, b: Pack, qid: str, only_a: set, only_b: set) -> str:
    """The moved parameters that compare with ``qid``, then the values no parameter explains."""
    x, y = a.settings.parameters, b.settings.parameters
    names = sorted(n for n in _params_comparing(a, qid) | _params_comparing(b, qid) if x.get(n) != y.get(n))
    said = [f"{n} {x.get(n, 'not set')} -> {y.get(n, 'not set')}" for n in names]
    explained = {p.get(n) for n in names for p in (x, y)}
    for values, pack in ((only_a - explained, a), (only_b - explained, b)):
        if values:
            shown = ", ".join(pack.questionnaire.value_words(qid, v) for v in _ordered(values))
            said.append(f"compared with {shown} only in {pack.label}")
    return "; ".join(said)


def _params_comparing(pack: Pack, qid: str) -> set[str]:
    """Parameter names a pack's rules compare ``qid`` with."""
    return {name for rule in pack.rules for name, compared in compared_with(rule.raw_when) if compared == qid}


def _ordered(values: set) -> tuple:
    try:
        return tuple(sorted(values))
    except TypeError:  # values of more than one type: an order all the same
        return tuple(sorted(values, key=repr))


def _key(answers: dict) -> str:
    return repr(sorted(answers.items(), key=str))
