"""What would change it: for each outcome not recommended, the nearest answer changes
that lead to it, worked out from the pack's own conditions.

The pack's outcome is a condition over the answers: some rule recommending it
matches and no rule recommending a stronger one does (or a stronger one is not
possible here and it is the fallback). For sets of questions S, smallest first,
the answers outside S are fixed at today's, what is left of that condition is
handed to the condition-space search lint uses (rules/runtime/satisfy.py) and, where it
has a witness, the changed case is evaluated again: only a change that really
gives the outcome is reported. So the nearest change is exact, not sampled:
no set of fewer answers can lead there. Ties prefer the organisation's levers
over facts. Candidate sets must touch every rule that stands in the way, which
keeps the search small; past MAX_CHANGES answers or MAX_SETS sets it says so, and past
the combinations of answers not known it may explore (rules/runtime/tried.py) it stops
and says which of them to find out first (``crowded``).
"""

from __future__ import annotations

import itertools
import threading
import time
from datetime import timedelta

from leadfit.frozen import frozen
from leadfit.forms import conditions
from leadfit.forms.case import Case, relevant_from
from leadfit.forms.conditions import Answered, Compare, Group, Member
from leadfit.rules.runtime.answer_space import reading
from leadfit.rules.model.pack import Pack
from leadfit.rules.runtime.satisfy import Analysis, TooComplex, Unanswered
from leadfit.rules.runtime.tried import Budget, OutOfWork, outcome_with

MAX_CHANGES = 4
MAX_SETS = 3000
_NEVER = Group("any", (Member("in", "", ()),))  # a condition no answers meet


class Superseded(Exception):
    """The answers changed while searching: the result would be for answers no longer shown."""


@frozen
class Found:
    values: dict        # question id -> the new answer
    facts: int          # how many of them are facts, not levers


@frozen
class Search:
    found: list[Found]  # the nearest changes (same size), levers first
    complete: bool      # False: the limits stopped the search before an answer
    crowded: bool = False  # stopped by the work it may do: too many answers not known


def nearest(case: Case, pack: Pack, target: str, levers_only: bool = False,
            most: int = 3, wanted=None) -> Search:
    """The nearest answer changes after which ``pack`` recommends ``target``.
    ``wanted()`` turning false stops the search (raises Superseded)."""
    q = pack.questionnaire
    current = relevant_from(case.answers, q)
    condition = _expand(_target_condition(pack, target), q, current)
    if condition is None:
        return Search([], True)
    routes = _obstacles(pack, target, current, case)
    # A pack may raise the outcome to a minimum for a risk band: the risk adds up from
    # every finding, so no condition says when; such a target is checked answer by answer.
    by_risk = target in set((getattr(pack.settings, "risk_outcomes", None) or {}).values())
    pool = _changeable(pack, case, condition, levers_only)
    analysis = Analysis(q)
    memo: dict = {}  # answers to the unknowns -> relevant answers, for this search
    budget, found = Budget(case, pack), list[Found]()
    try:
        single = _one_answer_changes(case, pack, target, current, levers_only, budget, found)
        if single:
            return Search(_ranked(single, pack)[:most], True)
        return _search(case, pack, target, (current, condition, routes, pool, analysis, memo),
                       by_risk, levers_only, most, wanted, budget, found)
    except OutOfWork:  # each change found so far was checked: it leads there
        return Search(_ranked(found, pack)[:most], False, crowded=True)


def _search(case: Case, pack: Pack, target: str, searching: tuple, by_risk: bool, levers_only: bool,
            most: int, wanted, budget: Budget, found: list) -> Search:
    """Sets of questions, smallest first, that can change what stands in the way."""
    current, condition, routes, pool, analysis, memo = searching
    tried = 0
    for size in range(1, MAX_CHANGES + 1):
        found.clear()
        for subset in itertools.combinations(pool, size):
            if not by_risk and not any(all(set(subset) & need for need in route) for route in routes):
                continue  # leaves a rule standing that keeps the outcome away
            tried += 1
            _share_the_interpreter()
            if wanted is not None and not wanted():
                raise Superseded()
            if tried > MAX_SETS:
                return Search(_ranked(found, pack)[:most], False)
            values = _values_for(case, pack, condition, set(subset), current, analysis, target, memo,
                                 by_risk, levers_only, budget)
            if values is not None:
                found.append(values)
        if found:
            return Search(_ranked(found, pack)[:most], True)
    return Search([], True)


def _one_answer_changes(case: Case, pack: Pack, target: str, current: dict, levers_only: bool,
                        budget: Budget | None = None, found: list | None = None) -> list[Found]:
    """Every one-answer change (by the classes the pack's conditions draw) that leads to
    ``target``, tried outright. The outcome condition below knows the recommending rules
    but not the risk that sets a least outcome (semantics 2), so a single answer that
    tips the risk would be missed by it; this keeps one-answer changes exact. ``found`` receives them as they are found."""
    q = pack.questionnaire.questions
    found = [] if found is None else found
    for qid, regions in reading(pack).regions.items():
        question = q.get(qid)
        if question is None or question.derived_from or question.type == "text" or (
                levers_only and not question.lever) or qid not in current and qid not in case.unknown:
            continue
        for region in regions:
            if region.value == current.get(qid) or levers_only and not is_lever(pack, qid, region.value):
                continue
            _share_the_interpreter()
            if outcome_with(case, pack, {qid: region.value}, budget, target) == target:
                found.append(Found({qid: region.value}, 0 if is_lever(pack, qid, region.value) else 1))
                break
    return found


def is_lever(pack: Pack, qid: str, value) -> bool:
    """Whether changing ``qid`` to ``value`` is advice: the organisation can make the change,
    and it does not take support or an option away (the pack's ``lever_values``). Making
    hiring impossible, or a coach unavailable, is a circumstance (a fact), never a lever."""
    question = pack.questionnaire.questions.get(qid)
    if question is None or not question.lever:
        return False
    allowed = pack.settings.lever_values.get(qid)
    return allowed is None or any(value == a and type(value) is type(a) for a in allowed)


def _share_the_interpreter() -> None:
    """Off the main thread (the window's worker), let a waiting GUI thread run now."""
    if threading.current_thread() is not threading.main_thread():
        time.sleep(0)


def region_answers(case: Case, pack: Pack, target: str, values: dict, qid: str) -> list:
    """The classes of answers to ``qid`` that, with the rest of ``values``, still lead to ``target``."""
    regions = reading(pack).regions.get(qid, ())
    return [r for r in regions
            if outcome_with(case, pack, {**values, qid: r.value}, target=target) == target]


# --- the condition for an outcome -------------------------------------------

def _target_condition(pack: Pack, target: str):
    """Answers meet it when the pack's outcome (before unknowns) is ``target``."""
    order: list[str] = list(pack.settings.outcomes)
    rec: dict[str, list] = {o: [r.condition for r in pack.rules for a in r.actions
               if a.word == "recommend" and a.value == o] for o in order}
    unav: dict[str, list] = {o: [r.condition for r in pack.rules for a in r.actions
                if a.word == "unavailable" and a.value == o] for o in order}
    analysis = Analysis(pack.questionnaire)

    def none_of(conds):
        return [analysis.negation(c) for c in conds]

    def stronger(o):
        return [c for s in order[order.index(o) + 1:] for c in rec[s]]
    routes = []
    if rec[target]:
        blocked = [] if target == pack.settings.fallback else none_of(unav[target])
        routes.append(Group("all", (Group("any", tuple(rec[target])), *none_of(stronger(target)),
                                    *blocked)))
    if target == pack.settings.fallback:
        for s in order:
            if s != target and rec[s] and unav[s]:
                routes.append(Group("all", (Group("any", tuple(rec[s])), Group("any", tuple(unav[s])),
                                            *none_of(stronger(s)))))
    return Group("any", tuple(routes)) if routes else None


def _obstacles(pack: Pack, target: str, current: dict, case: Case) -> list[list[set]]:
    """Per route to ``target``: sets of questions a change must touch (one from each)."""
    order: list[str] = list(pack.settings.outcomes)
    questions = pack.questionnaire.questions

    def reads(rule) -> set:
        from leadfit.rules.runtime.answer_space import _upstream
        return _upstream(conditions.questions_in(rule.condition), questions)

    def firm(rule) -> bool:  # matches today whatever the unknown answers are
        return conditions.evaluate(rule.condition, current) and not (reads(rule) & set(case.unknown))

    def rules(word, outcome):
        return [r for r in pack.rules for a in r.actions if a.word == word and a.value == outcome]

    def route(make: str, extra_break: list, need_unavailable: bool) -> list[set]:
        needs = [reads(r) for s in order[order.index(make) + 1:] for r in rules("recommend", s) if firm(r)]
        needs += [reads(r) for r in extra_break if firm(r)]
        for word, wanted in (("recommend", True), ("unavailable", need_unavailable)):
            group = rules(word, make) if wanted else []
            if group and not any(firm(r) for r in group):
                needs.append(set().union(*(reads(r) for r in group)) | set(case.unknown))
        return needs
    routes = []
    blockers = [] if target == pack.settings.fallback else rules("unavailable", target)
    routes.append(route(target, blockers, False))
    if target == pack.settings.fallback:
        routes += [route(s, [], True) for s in order if s != target]
    return routes


def _expand(cond, questionnaire, current: dict):
    """Derived facts replaced by the answers they come from (so a change names a real answer)."""
    if cond is None:
        return None
    if isinstance(cond, Group):
        return Group(cond.op, tuple(_expand(p, questionnaire, current) for p in cond.parts))
    question = questionnaire.questions.get(getattr(cond, "question", ""))
    if question is None or not question.derived_from:
        return cond
    how, sources = question.derived_from
    if how == "any_true":
        return _any_true(cond, sources)
    return _days_between(cond, sources, current)


def _any_true(cond, sources):
    some_true = Group("any", tuple(Compare("eq", s, True) for s in sources))
    known = Group("any", tuple(Answered(s) for s in sources))
    none_true = Group("all", (*(Group("any", (Compare("ne", s, True), Unanswered(s))) for s in sources),
                              known))
    if isinstance(cond, Answered):
        return known
    if isinstance(cond, Unanswered):
        return Group("all", tuple(Unanswered(s) for s in sources))
    wants_true = (cond.op == "eq") == (cond.value is True) if isinstance(cond, Compare) else (
        (True in cond.values) == (cond.op == "in"))
    return some_true if wants_true else none_true


def _days_between(cond, sources, current: dict):
    start, end = sources
    if current.get(start) is None:
        return Unanswered(end) if isinstance(cond, Unanswered) else _NEVER
    if isinstance(cond, (Answered, Unanswered)):
        return type(cond)(end)
    day = current[start]
    if isinstance(cond, Member):
        return Member(cond.op, end, tuple(day + timedelta(days=v) for v in cond.values))
    return Compare(cond.op, end, day + timedelta(days=cond.value))


# --- one set of questions ---------------------------------------------------

def _changeable(pack: Pack, case: Case, condition, levers_only: bool) -> list[str]:
    """Questions a change may touch: read by the outcome's condition, not names or the
    assessment date; with ``levers_only``, only what the organisation can change."""
    q = pack.questionnaire
    fixed_dates = {d.derived_from[1][0] for d in q.derived if d.derived_from and d.derived_from[0] == "days_between"}
    read = set(_questions(condition)) | {a for qid in _questions(condition)
                                         for a in _ask_sources(q.questions.get(qid))}
    return [x.id for x in q.asked if x.id in read and x.type != "text" and x.id not in fixed_dates
            and (x.lever or not levers_only)]


def _ask_sources(question) -> list[str]:
    return conditions.questions_in(question.ask_if) if question is not None and question.ask_if else []


def _questions(cond) -> list[str]:
    if isinstance(cond, Group):
        return [q for p in cond.parts for q in _questions(p)]
    return [cond.question] if cond.question else []


def _values_for(case: Case, pack: Pack, condition, free: set, current: dict, analysis: Analysis,
                target: str, memo: dict, by_risk: bool = False, levers_only: bool = False,
                budget: Budget | None = None) -> Found | None:
    """Answers to ``free`` (every one changed) after which the outcome is ``target``, or None.
    ``by_risk``: the risk can force it, so the rules' conditions alone rule nothing out;
    ``levers_only``: every change must be advice (``is_lever``)."""
    rest = _left(case, pack, condition, free, current, memo)
    if rest is False and not by_risk:
        return None
    tries = []
    if rest is not True and rest is not False:
        try:
            witness = analysis.witness(rest)
        except TooComplex:
            witness = None
        if witness is None and not by_risk:
            return None
        if witness is not None:
            tries.append({k: witness[k] for k in free if k in witness})
    tries += _region_products(pack, free)
    for values in tries:
        if set(values) != free or any(values[k] == current.get(k) for k in values):
            continue  # a smaller change, tried already
        if levers_only and not all(is_lever(pack, k, v) for k, v in values.items()):
            continue
        if outcome_with(case, pack, values, budget, target) == target:
            facts = sum(1 for k, v in values.items() if not is_lever(pack, k, v))
            return Found(values, facts)
    return None


_FOR_ALL_LIMIT = 64


def _left(case: Case, pack: Pack, condition, free: set, current: dict, memo: dict):
    """What of ``condition`` is left to meet by answering ``free``: it must hold whatever
    the answers still not known are (each of their classes), as the recommendation does.
    The follow-ups of ``free`` and of those answers are left open too: changing whether
    a follow-up is asked drops or needs its answer, and the recommendation explores the
    follow-ups of an answer not known, so none of them is fixed at today's answer."""
    regions = reading(pack).regions
    still = [u for u in case.unknown if u not in free and u in regions]
    combos = 1
    for u in still:
        combos *= len(regions[u])
    open_ = free | _follow_ups_of(pack.questionnaire, free | set(still))
    if not still or combos > _FOR_ALL_LIMIT:
        return _fix(condition, current, open_ | set(still))  # some answer to them; checked after
    parts = []
    for combo in itertools.product(*(regions[u] for u in still)):
        values = tuple((u, r.value) for u, r in zip(still, combo))
        answers = memo.get(values)
        if answers is None:
            answers = memo[values] = relevant_from({**case.answers, **dict(values)}, pack.questionnaire)
        fixed = _fix(condition, answers, open_)
        if fixed is False:
            return False
        if fixed is not True:
            parts.append(fixed)
    return Group("all", tuple(parts)) if parts else True


def _follow_ups_of(questionnaire, moved: set) -> set[str]:
    """The questions whose asking depends on ``moved``: their follow-ups, and theirs."""
    asking = [(q.id, set(_ask_sources(q))) for q in questionnaire.in_form_order if q.ask_if is not None]
    found: set[str] = set()
    grown = True
    while grown:
        grown = False
        for qid, sources in asking:
            if qid not in found and sources & (moved | found):
                found.add(qid)
                grown = True
    return found


def _region_products(pack: Pack, free: set) -> list[dict]:
    regions = reading(pack).regions
    ordered = sorted(free)
    if any(k not in regions for k in ordered):
        return []
    return [dict(zip(ordered, (r.value for r in combo)))
            for combo in itertools.product(*(regions[k] for k in ordered))]


def _fix(cond, current: dict, free: set):
    """``cond`` with every answer outside ``free`` fixed at today's: True, False or what is left."""
    if isinstance(cond, Group):
        parts = []
        for part in cond.parts:
            fixed = _fix(part, current, free)
            if fixed is (cond.op == "any"):
                return fixed
            if fixed is not (cond.op == "all"):
                parts.append(fixed)
        if not parts:
            return cond.op == "all"
        return parts[0] if len(parts) == 1 else Group(cond.op, tuple(parts))
    if not cond.question or cond.question in free:
        return cond if cond.question else False
    value = current.get(cond.question)
    if isinstance(cond, Unanswered):
        return value is None
    return conditions.evaluate(cond, current) if value is not None or isinstance(cond, Answered) else False


def _ranked(found: list[Found], pack: Pack) -> list[Found]:
    order = [q.id for q in pack.questionnaire.asked]
    return sorted(found, key=lambda f: (len(f.values), f.facts, sorted(order.index(k) for k in f.values)))
