"""Can a condition ever hold? Interval and value-set analysis over answers.

A condition is expanded into alternatives (disjunctive normal form); each
alternative is a list of constraints per question, checked against what the
question can take: yes/no, its options, its min/max, 0-100 for a percent.
A comparison also needs its question answered, and so asked: the question's
own ask_if (as the pack resolves it) is added. Alternatives that cannot hold
are dropped as they are built, so the expansion stays small; past
``MAX_TERMS`` (or ``MAX_SEARCH`` steps) the analysis gives up and says "unknown" rather than guess.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from leadfit.forms.conditions import Answered, Compare, Group, Member, Unanswered, negate
from leadfit.forms.questionnaire import Questionnaire

MAX_TERMS = 4000
MAX_SEARCH = 200_000
MAX_WORK = 3_000_000     # atoms solved in one search (each step re-solves its questions)
_MAX_ASK_DEPTH = 4


__all__ = ["Analysis", "TooComplex", "Unanswered"]  # Unanswered: the pack language's own (2.9)


class TooComplex(Exception):
    """The expansion passed MAX_TERMS; no verdict."""


class Analysis:
    """Satisfiability of conditions over one questionnaire's answer space."""

    def __init__(self, questionnaire: Questionnaire):
        self.questionnaire = questionnaire
        self.questions = questionnaire.questions

    def witness(self, cond) -> dict | None:
        """Answers meeting ``cond`` (some question values), or None if none can.

        A top-level 'all' is searched depth-first, one part at a time, instead
        of multiplied out: a part that cannot join the answers so far fails early.
        """
        parts = sorted((self.terms(c) for c in _conjuncts(cond)), key=len)
        return self._search(parts, [MAX_SEARCH, MAX_WORK])

    def _search(self, parts: list[list], budget: list) -> dict | None:
        """Depth-first over the parts with an explicit stack, never recursion (an 'all' of
        5,000 parts was a RecursionError). Each level keeps its atoms per question, so a
        term re-solves only the questions it touches: linear in the parts, not quadratic."""
        levels: list[tuple[dict, dict]] = [({}, {})]
        pending = [iter(parts[0])] if parts else []
        while pending:
            term = next(pending[-1], None)
            if term is None:
                pending.pop()
                levels.pop()
                continue
            budget[0] -= 1
            if budget[0] < 0:
                raise TooComplex()
            state = self._joined(*levels[-1], term, budget)
            if state is None:
                continue
            if len(pending) == len(parts):
                return state[1]
            levels.append(state)
            pending.append(iter(parts[len(pending)]))
        return levels[0][1] if not parts else None

    def _joined(self, atoms: dict, answers: dict, term: list, budget: list):
        """(atoms per question, answers) with ``term`` added, or None if it cannot join.
        An atom already there adds nothing; ``budget[1]`` counts the atoms solved."""
        touched: dict[str, dict] = {}
        for atom in term:
            have = touched.get(atom.question)
            if have is None:
                have = atoms.get(atom.question, {})
            if atom not in have:
                touched[atom.question] = {**have, atom: None}
        if not touched:
            return atoms, answers
        answers = dict(answers)
        for qid, these in touched.items():
            budget[1] -= len(these)
            if budget[1] < 0:
                raise TooComplex()
            value = _solve_one(self.questions.get(qid), list(these))
            if value is None:
                return None
            if value is _UNANSWERED:
                answers.pop(qid, None)
            else:
                answers[qid] = value
        return {**atoms, **touched}, answers

    def conflict(self, cond) -> str | None:
        """For a condition with no witness: the question whose constraints clash first."""
        try:
            terms = self._dnf(cond, 0, prune=False)
        except TooComplex:
            return None
        for term in terms[:1]:
            for qid, atoms in _by_question(term).items():
                if _solve_one(self.questions.get(qid), atoms) is None:
                    return qid
        return None

    def terms(self, cond) -> list[list]:
        return self._dnf(cond, 0, prune=True)

    def negation(self, cond):
        """Not ``cond``, counting an unanswered question as meeting no comparison."""
        if isinstance(cond, Group):
            return Group("any" if cond.op == "all" else "all",
                         tuple(self.negation(p) for p in cond.parts))
        if isinstance(cond, Answered):
            return Unanswered(cond.question)
        if isinstance(cond, Unanswered):
            return Answered(cond.question)
        return Group("any", (negate(cond), Unanswered(cond.question)))

    def _dnf(self, cond, depth: int, prune: bool) -> list[list]:
        if isinstance(cond, Group):
            parts = [self._dnf(p, depth, prune) for p in cond.parts]
            if cond.op == "any":
                out = [t for p in parts for t in p]
            else:
                out = [[]]
                for p in parts:
                    out = [a + b for a in out for b in p]
                    if prune:
                        out = [t for t in out if self.solve(t) is not None]
                    if len(out) > MAX_TERMS:
                        raise TooComplex()
            if len(out) > MAX_TERMS:
                raise TooComplex()
            return out
        question = self.questions.get(getattr(cond, "question", ""))
        ask_if = getattr(question, "ask_if", None)
        if isinstance(cond, Unanswered) or ask_if is None or depth >= _MAX_ASK_DEPTH:
            return [[cond]]
        # answered only if asked: the question's ask_if must hold as well
        return [[cond] + t for t in self._dnf(ask_if, depth + 1, prune)]

    def solve(self, term: list) -> dict | None:
        answers: dict[str, Any] = {}
        for qid, atoms in _by_question(term).items():
            value = _solve_one(self.questions.get(qid), atoms)
            if value is None:
                return None
            if value is not _UNANSWERED:
                answers[qid] = value
        return answers


_UNANSWERED = object()


def _conjuncts(cond) -> list:
    if isinstance(cond, Group) and cond.op == "all":
        return [c for p in cond.parts for c in _conjuncts(p)]
    return [cond]


def _by_question(term: list) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for atom in term:
        grouped.setdefault(atom.question, []).append(atom)
    return grouped


def _solve_one(question, atoms: list) -> Any:
    """A value for one question meeting every atom; _UNANSWERED; or None if impossible."""
    unanswered = any(isinstance(a, Unanswered) for a in atoms)
    answered = [a for a in atoms if not isinstance(a, Unanswered)]
    if unanswered:
        return None if answered else _UNANSWERED
    kind = getattr(question, "type", "text")
    if kind in ("yes_no", "choice"):
        universe = [True, False] if kind == "yes_no" else list(question.options)
        return next((v for v in universe if all(_meets(a, v) for a in answered)), None)
    if kind == "text":
        return _solve_text(answered)
    return _solve_number(question, answered)


def _meets(atom, value) -> bool:
    if isinstance(atom, Answered):
        return True
    if isinstance(atom, Member):
        return (value in atom.values) == (atom.op == "in")
    if atom.op == "eq":
        return value == atom.value
    if atom.op == "ne":
        return value != atom.value
    return _order(atom.op, value, atom.value)


def _order(op: str, a, b) -> bool:
    return {"lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[op]


def _solve_text(atoms: list) -> Any:
    allowed, excluded = None, set()
    for a in atoms:
        if isinstance(a, Member):
            if a.op == "in":
                allowed = set(a.values) if allowed is None else allowed & set(a.values)
            else:
                excluded |= set(a.values)
        elif isinstance(a, Compare):
            if a.op == "eq":
                allowed = {a.value} if allowed is None else allowed & {a.value}
            else:
                excluded.add(a.value)
    if allowed is None:
        return next(f"text {i}" for i in range(len(excluded) + 1) if f"text {i}" not in excluded)
    left = sorted(allowed - excluded)
    return left[0] if left else None


def _solve_number(question, atoms: list) -> Any:
    """Interval [lo, hi] with points allowed/excluded; integers for whole-number questions."""
    is_date = getattr(question, "type", "") == "date"
    whole = getattr(question, "type", "integer") in ("integer", "date")
    lo, hi = _bounds(question)
    allowed, excluded = None, set()
    for a in atoms:
        if isinstance(a, Answered):
            continue
        if isinstance(a, Member):
            vals = {_num(v) for v in a.values}
            if a.op == "in":
                allowed = vals if allowed is None else allowed & vals
            else:
                excluded |= vals
            continue
        v = _num(a.value)
        if a.op == "eq":
            allowed = {v} if allowed is None else allowed & {v}
        elif a.op == "ne":
            excluded.add(v)
        elif a.op in ("lt", "le"):
            hi = min(hi, (v, a.op == "le"), key=_upper_key)
        else:
            lo = max(lo, (v, a.op == "ge"), key=_lower_key)
    value = _pick(lo, hi, allowed, excluded, whole)
    if value is None or not is_date:
        return value
    return date.fromordinal(int(value))


def _bounds(question) -> tuple:
    kind = getattr(question, "type", "integer")
    lo = (-math.inf, True) if getattr(question, "min", None) is None else (question.min, True)
    hi = (math.inf, True) if getattr(question, "max", None) is None else (question.max, True)
    if kind == "percent":
        lo, hi = max(lo, (0, True), key=_lower_key), min(hi, (100, True), key=_upper_key)
    if kind == "date":  # day numbers start at 1 (0001-01-01)
        lo = max(lo, (1, True), key=_lower_key)
    return lo, hi


def _num(value) -> float:
    return value.toordinal() if isinstance(value, date) else value


def _lower_key(bound: tuple) -> tuple:  # a higher, stricter lower bound sorts last
    return (bound[0], not bound[1])


def _upper_key(bound: tuple) -> tuple:  # a lower, stricter upper bound sorts first
    return (bound[0], bound[1])


def _inside(v, lo, hi) -> bool:
    above = v > lo[0] or (v == lo[0] and lo[1])
    below = v < hi[0] or (v == hi[0] and hi[1])
    return above and below


def _pick(lo, hi, allowed, excluded, whole):
    if allowed is not None:
        ok = sorted(v for v in allowed if v not in excluded and _inside(v, lo, hi)
                    and (not whole or float(v).is_integer()))
        return ok[0] if ok else None
    if whole:  # walk in from the finite end; past len(excluded)+2 steps one is free
        if lo[0] != -math.inf:
            start, step = math.ceil(lo[0]), 1
        elif hi[0] != math.inf:
            start, step = math.floor(hi[0]), -1
        else:
            start, step = 0, 1
        for v in range(int(start), int(start) + step * (len(excluded) + 2), step):
            if _inside(v, lo, hi) and v not in excluded:
                return v
        return None
    candidates = [lo[0], hi[0], (lo[0] + hi[0]) / 2] if math.isfinite(lo[0] + hi[0]) else [0, lo[0] + 1, hi[0] - 1]
    for v in candidates + [c + 0.5 for c in candidates]:
        if math.isfinite(v) and _inside(v, lo, hi) and v not in excluded:
            return v
    return None


# --- for searches that build their own terms (rules/runtime/changes.py) -------------

def value_for(question, atoms: list) -> Any:
    """A value of ``question`` meeting every atom; UNANSWERED_VALUE; or None if none can."""
    return _solve_one(question, atoms)


def meets(atom, value) -> bool:
    """Whether an answered ``value`` meets one comparison atom."""
    if isinstance(atom, Unanswered):
        return False
    return _meets(atom, value)


UNANSWERED_VALUE = _UNANSWERED
