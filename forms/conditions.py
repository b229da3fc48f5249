"""The small, fixed condition vocabulary used by questions and rule packs.

    all: [c, ...]      any: [c, ...]      not: c
    eq | ne | lt | le | gt | ge: {question.id: value}
    in | not_in: {question.id: [value, ...]}
    answered: question.id      unanswered: question.id  (also written ``not: {answered: ...}``)

A comparison on an unanswered question is false, and so is its negation:
``not`` is pushed down to the comparisons (``not lt`` is ``ge``), so the
Python evaluator here and the compiled engine conditions agree exactly. Whether a
question is answered at all is said by ``answered`` and ``unanswered`` (2.9: a review
date left empty is a fact a rule may weigh), each the other's negation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from leadfit.frozen import frozen
from leadfit.suggest import did_you_mean  # also imported from here by older code

COMPARISONS = ("eq", "ne", "lt", "le", "gt", "ge")
MEMBERSHIP = ("in", "not_in")
GROUPS = ("all", "any")
CONDITION_WORDS = GROUPS + ("not",) + COMPARISONS + MEMBERSHIP + ("answered", "unanswered")
_NEGATED = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "gt": "le", "le": "gt",
            "in": "not_in", "not_in": "in"}
_ORDERED_TYPES = ("integer", "percent", "date")
_OPS_BY_TYPE = {
    "yes_no": ("eq", "ne"),
    "choice": ("eq", "ne", "in", "not_in"),
    "text": ("eq", "ne", "in", "not_in"),
    "integer": COMPARISONS + MEMBERSHIP,
    "percent": COMPARISONS,
    "date": COMPARISONS,
}


@frozen
class Compare:
    op: str
    question: str
    value: Any


@frozen
class Member:
    op: str  # "in" or "not_in"
    question: str
    values: tuple


@frozen
class Never(Member):
    """'Never asked': a pack makes the question irrelevant; false whatever the answer.

    An empty 'in' underneath, so everything that reads conditions handles it and
    pack fingerprints stay what they were; say ``isinstance(c, Never)`` to ask.
    """


def never(question: str) -> Never:
    return Never("in", question, ())


@frozen
class Answered:
    question: str


@frozen
class Unanswered:
    """The question has no answer (not given, or not asked): true where ``Answered`` is false."""
    question: str


@frozen
class Group:
    op: str  # "all" or "any"
    parts: tuple


Condition = Compare | Member | Answered | Unanswered | Group


class ConditionProblem(Exception):
    """A condition that cannot be used; ``path`` locates it in its file."""

    def __init__(self, message: str, path: tuple, others: tuple = ()):
        super().__init__(message)
        self.message = message
        self.path = path
        self.others = others  # the rest found in the same condition: all reported in one run

    def each(self) -> list[ConditionProblem]:
        """This problem and every other one found in the same condition."""
        return [self, *self.others]


def _all_of(parse_one: Callable[[int, Any], Any], items: list) -> tuple:
    """Each item parsed; every problem among them raised together, not just the first."""
    parsed, found = [], []
    for i, item in enumerate(items):
        try:
            parsed.append(parse_one(i, item))
        except ConditionProblem as exc:
            found += exc.each()
    if found:
        raise ConditionProblem(found[0].message, found[0].path, tuple(found[1:]))
    return tuple(parsed)


def parse(raw: Any, questions: dict, path: tuple = ()) -> Condition:
    """Build a checked condition from YAML data; ``questions`` maps id -> question.

    Raises ConditionProblem naming what is allowed; ``not`` is pushed down.
    """
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ConditionProblem(
            "a condition is a mapping with exactly one of: " + ", ".join(CONDITION_WORDS), path)
    (word, body), = raw.items()
    here = path + (word,)
    if word in GROUPS:
        if not isinstance(body, list) or not body:
            raise ConditionProblem(f"'{word}' takes a non-empty list of conditions", here)
        return Group(word, _all_of(lambda i, p: parse(p, questions, here + (i,)), body))
    if word == "not":
        return negate(parse(body, questions, here), here)
    if word in ("answered", "unanswered"):
        _question(body, questions, here)
        return Answered(body) if word == "answered" else Unanswered(body)
    if word in COMPARISONS or word in MEMBERSHIP:
        return _parse_comparison(word, body, questions, here)
    raise ConditionProblem(
        f"unknown condition word '{word}'{did_you_mean(word, CONDITION_WORDS)};"
        " allowed: " + ", ".join(CONDITION_WORDS), here)


def negate(cond: Condition, path: tuple = ()) -> Condition:
    """The condition's opposite over answered questions (De Morgan)."""
    if isinstance(cond, Group):
        return Group("any" if cond.op == "all" else "all", tuple(negate(p, path) for p in cond.parts))
    if isinstance(cond, Compare):
        return Compare(_NEGATED[cond.op], cond.question, cond.value)
    if isinstance(cond, Member):
        return Member(_NEGATED[cond.op], cond.question, cond.values)
    if isinstance(cond, Answered):
        return Unanswered(cond.question)
    if isinstance(cond, Unanswered):
        return Answered(cond.question)
    raise ConditionProblem(f"cannot negate {cond!r}", path)


def _parse_comparison(word: str, body: Any, questions: dict, path: tuple) -> Condition:
    if not isinstance(body, dict) or len(body) != 1:
        raise ConditionProblem(f"'{word}' takes one 'question.id: value' pair", path)
    (qid, value), = body.items()
    question = _question(qid, questions, path + (qid,))
    allowed = _OPS_BY_TYPE[question.type]
    if word not in allowed:
        raise ConditionProblem(
            f"'{word}' cannot be used on {question.type} question '{qid}'; allowed: "
            + ", ".join(allowed), path)
    if word in MEMBERSHIP:
        if not isinstance(value, list) or not value:
            raise ConditionProblem(f"'{word}' takes a non-empty list of values", path + (qid,))
        checked = _all_of(lambda i, v: _check_value(v, question, path + (qid, i)), value)
        return Member(word, qid, checked)
    return Compare(word, qid, _check_value(value, question, path + (qid,)))


def _question(qid: Any, questions: dict, path: tuple):
    if not isinstance(qid, str) or qid not in questions:
        raise ConditionProblem(
            f"unknown question id '{qid}'{did_you_mean(qid, questions)}", path)
    return questions[qid]


def _check_value(value: Any, question, path: tuple) -> Any:
    kind = question.type
    ok = {
        "yes_no": lambda v: isinstance(v, bool),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "percent": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 100,
        "date": lambda v: isinstance(v, date),
        "text": lambda v: isinstance(v, str),
        "choice": lambda v: isinstance(v, str) and v in question.options,
    }[kind](value)
    if ok:
        return value
    expected = {
        "yes_no": "true or false",
        "integer": "a whole number",
        "percent": "a number from 0 to 100",
        "date": "a date written YYYY-MM-DD",
        "text": "text",
        "choice": "one of: " + ", ".join(getattr(question, "options", {}) or {}),
    }[kind]
    hint = did_you_mean(value, question.options) if kind == "choice" else ""
    if isinstance(value, bool) and kind != "yes_no":
        hint = " (YAML reads yes/no/on/off as true/false; quote text, or write a number)"
    article = "an" if kind[0] in "aeiou" else "a"
    raise ConditionProblem(
        f"'{question.id}' is {article} {kind.replace('_', '/')} question, so its value must be"
        f" {expected}; got {_yaml_word(value)}{hint}", path)


def _yaml_word(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def evaluate(cond: Condition, answers: Mapping[str, Any]) -> bool:
    """True when ``answers`` (id -> value, unanswered absent) meet ``cond``."""
    if isinstance(cond, Group):
        results = (evaluate(p, answers) for p in cond.parts)
        return all(results) if cond.op == "all" else any(results)
    if isinstance(cond, Answered):
        return answers.get(cond.question) is not None
    if isinstance(cond, Unanswered):
        return answers.get(cond.question) is None
    value = answers.get(cond.question)
    if value is None:
        return False
    if isinstance(cond, Member):
        return (value in cond.values) == (cond.op == "in")
    return _COMPARE[cond.op](value, cond.value)


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b, "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b,
}


def compiled(cond: Condition) -> Callable[[Mapping[str, Any]], bool]:
    """``cond`` as one function of the answers, giving what ``evaluate`` gives (for a
    condition read on every evaluation, such as a question's ask_if: no tree walked)."""
    if isinstance(cond, Group):
        parts = tuple(compiled(p) for p in cond.parts)
        if cond.op == "all":
            return lambda answers: all(p(answers) for p in parts)
        return lambda answers: any(p(answers) for p in parts)
    question = cond.question
    if isinstance(cond, Answered):
        return lambda answers: answers.get(question) is not None
    if isinstance(cond, Unanswered):
        return lambda answers: answers.get(question) is None
    if isinstance(cond, Member):
        values, inside = cond.values, cond.op == "in"
        return lambda answers: (v := answers.get(question)) is not None and (v in values) == inside
    compare, wanted = _COMPARE[cond.op], cond.value
    return lambda answers: (v := answers.get(question)) is not None and compare(v, wanted)


def questions_in(cond: Condition) -> list[str]:
    """Question ids a condition reads, in order of first use."""
    if isinstance(cond, Group):
        seen: list[str] = []
        for part in cond.parts:
            seen += [q for q in questions_in(part) if q not in seen]
        return seen
    return [cond.question]


def describe(cond: Condition, titles: dict[str, str],
             shown: Callable[[str, Any], str] | None = None) -> str:
    """Plain words for a condition, e.g. 'Years managing ... is less than 3'; ``shown`` says
    a question's value (Questionnaire.describe: a choice by its option's label)."""
    words = {"eq": "is", "ne": "is not", "lt": "is less than", "le": "is at most",
             "gt": "is more than", "ge": "is at least", "in": "is one of", "not_in": "is none of"}
    if isinstance(cond, Group):
        joiner = " and " if cond.op == "all" else " or "
        inner = joiner.join(describe(p, titles, shown) for p in cond.parts)
        return f"({inner})" if len(cond.parts) > 1 else inner
    title = titles.get(cond.question, cond.question)
    if isinstance(cond, Never):
        return f"never ({title} is not asked)"
    if isinstance(cond, Answered):
        return f"{title} is answered"
    if isinstance(cond, Unanswered):
        return f"{title} is not answered"
    say = (lambda v: shown(cond.question, v)) if shown is not None else _show
    if isinstance(cond, Member):
        return f"{title} {words[cond.op]} " + ", ".join(say(v) for v in cond.values)
    return f"{title} {words[cond.op]} {say(cond.value)}"


def value_words(value: Any) -> str:
    """A value in a condition as a person reads it: yes/no for true/false."""
    return _show(value)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def to_data(cond: Condition) -> Any:
    """Back to YAML-shaped data (canonical: used for fingerprints and diffs)."""
    if isinstance(cond, Group):
        return {cond.op: [to_data(p) for p in cond.parts]}
    if isinstance(cond, Answered):
        return {"answered": cond.question}
    if isinstance(cond, Unanswered):
        return {"unanswered": cond.question}
    if isinstance(cond, Member):
        return {cond.op: {cond.question: [_plain(v) for v in cond.values]}}
    return {cond.op: {cond.question: _plain(cond.value)}}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
