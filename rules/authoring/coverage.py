"""Answers that leave a readiness mark (P1-P6) unknown.

A pack that marks P1 for some answers should mark it for all of them:
otherwise a stricter threshold (P1 met from 5 years, but 'partial' still
ending at 2) leaves 3-4 years unmarked, with no finding, and so LOWER risk.
Lint enumerates every answer the marking rules can read (respecting when a
question is asked) and reports the combinations no marking rule matches.
Questions without a small finite domain (dates, text, unbounded integers)
and domains above CAP combinations are skipped: no report, not a guess.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from leadfit.forms import conditions
from leadfit.forms.case import is_asked
from leadfit.forms.questionnaire import Questionnaire
from leadfit.rules.model.pack import Pack, Rule

CAP = 20_000
UNASKED = None  # no answer: its ask_if is false, or it is optional and left blank


@dataclass(frozen=True)
class Gap:
    readiness: str  # P1..P6
    rules: tuple[Rule, ...]  # the rules that mark it
    answers: tuple[dict, ...]  # every combination no marking rule matches
    questions: tuple[str, ...]


def gaps(pack: Pack) -> list[Gap]:
    found = []
    for pid in pack.catalogue.ids("readiness"):
        marking = tuple(r for r in pack.rules if any(
            a.word == "readiness" and pid in a.value for a in r.actions))
        if not marking:
            continue  # the pack does not assess it at all (e.g. P2 in the public sector)
        gap = _gap(pid, marking, pack.questionnaire)
        if gap is not None:
            found.append(gap)
    return found


def _gap(pid: str, marking: tuple[Rule, ...], questionnaire: Questionnaire) -> Gap | None:
    qids = _closure([q for r in marking for q in conditions.questions_in(r.condition)], questionnaire)
    maybe = [domain(questionnaire.questions[q]) for q in qids]
    domains = [d for d in maybe if d is not None]
    if len(domains) < len(maybe) or _size(domains) > CAP:
        return None
    missed, seen = [], set()
    for combo in itertools.product(*domains):
        answers = _relevant(dict(zip(qids, combo)), qids, questionnaire)
        if answers is None:
            continue  # a required question asked but left blank: the case is incomplete
        key = tuple(answers.get(q) for q in qids)
        if key in seen:
            continue
        seen.add(key)
        if not any(conditions.evaluate(r.condition, answers) for r in marking):
            missed.append({q: answers.get(q) for q in qids})
    return Gap(pid, marking, tuple(missed), tuple(qids)) if missed else None


def _closure(qids: list[str], questionnaire: Questionnaire) -> list[str]:
    """The questions read, plus those their ask_if reads, in questionnaire order."""
    todo, found = list(qids), set()
    while todo:
        q = todo.pop()
        if q in found or q not in questionnaire.questions:
            continue
        found.add(q)
        ask_if = questionnaire.questions[q].ask_if
        if ask_if is not None:
            todo += conditions.questions_in(ask_if)
    return [q for q in questionnaire.questions if q in found]


def domain(question) -> list | None:
    """Every answer the question allows, UNASKED included when it may not be asked."""
    values = _values(question)
    if values is None or getattr(question, "derived_from", None):
        return None  # derived facts depend on other answers: not enumerated
    optional = question.ask_if is not None or not question.required
    return values + [UNASKED] if optional else values


def _values(question) -> list | None:
    if question.type == "yes_no":
        return [True, False]
    if question.type == "choice":
        return list(question.options)
    lo, hi = question.bounds
    if lo is not None and hi is not None:  # percent always; whole numbers bounded both sides
        return list(range(lo, hi + 1))
    return None


def _size(domains: list[list]) -> int:
    n = 1
    for d in domains:
        n *= len(d)
        if n > CAP:
            break
    return n


def _relevant(answers: dict, qids: list[str], questionnaire: Questionnaire) -> dict | None:
    """Drop answers to questions not asked, in form order (as the engine does);
    None when a required question is asked and left blank (not a complete case)."""
    used: dict = {}
    for q in qids:
        question, value = questionnaire.questions[q], answers[q]
        if not is_asked(question, used):
            continue
        if value is UNASKED and question.required:
            return None
        if value is not UNASKED:
            used[q] = value
    return used


# --- plain words -----------------------------------------------------------

def describe_gap(gap: Gap, questionnaire: Questionnaire, examples: int = 3) -> str:
    """'Years managing digital products is 3 to 4', or up to three combinations."""
    titles = questionnaire.titles()
    ordered = next((q for q in gap.questions
                    if questionnaire.questions[q].type in ("integer", "percent")), None)
    groups: dict[tuple, list] = {}
    for combo in gap.answers:
        rest = tuple((q, combo[q]) for q in gap.questions if q != ordered)
        groups.setdefault(rest, []).append(combo.get(ordered) if ordered else None)
    words = []
    for rest, values in groups.items():
        parts = [_is(titles.get(q, q), v if v is UNASKED else questionnaire.value_words(q, v)) for q, v in rest]
        if ordered is not None:
            parts.insert(0, _ranges(titles.get(ordered, ordered), values))
        words.append(" and ".join(parts))
    shown = "; or when ".join(words[:examples])
    more = len(words) - examples
    return shown + (f"; and {more} more such combination{'s' if more != 1 else ''}" if more > 0 else "")


def _is(title: str, value) -> str:
    if value is UNASKED:
        return f"{title} is not answered"
    return f"{title} is {value}"


def _ranges(title: str, values: list) -> str:
    asked = sorted(v for v in values if v is not UNASKED)
    runs: list[list[int]] = []
    for v in asked:
        if runs and v == runs[-1][1] + 1:
            runs[-1][1] = v
        else:
            runs.append([v, v])
    words = [f"{a}" if a == b else f"{a} to {b}" for a, b in runs]
    if len(asked) < len(values):  # "is 3 to 4 or not answered"; alone, "is not answered"
        words.append("not answered")
    return f"{title} is " + " or ".join(words)
