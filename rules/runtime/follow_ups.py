"""What is explored when answers are not known, follow-ups included.

A follow-up is a question asked only for some answers to one not known (the plan to reduce
the former role, when the share kept is not known; the plan's target, date and successor,
when the plan is not known). Nobody is asked to invent it (forms/case.py ``follow_ups``):
it is taken as not known wherever it would be asked, and only there. So the combinations
are a tree, not a product: with the plan "no" its target is never tried, which keeps a
share and a plan not known at a few dozen combinations rather than thousands.

A date the rules read only as days from another (the plan's date, as days from the
assessment) is explored as those days (rules/runtime/answer_space.py ``dates``).
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

from leadfit.frozen import frozen
from leadfit.forms import conditions
from leadfit.forms.case import Case, follow_ups
from leadfit.rules.model.pack import Pack
from leadfit.rules.runtime.answer_space import Reading, Region, merged_words
from leadfit.words import follow_ups_count_words, joined, quoted

NOT_ASKED = Region(None, "not asked")  # a follow-up where its answer would not be asked


@frozen
class Exploring:
    """The questions explored: the case's own unknowns first, then their follow-ups."""

    questions: tuple[str, ...]
    own: int                                # how many lead: the case's own unknowns
    domains: tuple[tuple[Region, ...], ...]
    asks: tuple[Any, ...]                   # a follow-up's compiled ask_if, else None
    anchors: dict[str, str]                 # a date explored as days -> the date they count from

    @property
    def later(self) -> tuple[str, ...]:
        return self.questions[self.own:]


def exploring(case: Case, pack: Pack, space: Reading) -> Exploring:
    q = pack.questionnaire
    own = [x.id for x in q.asked if x.id in case.unknown and x.id in space.regions]
    later = [f for f in follow_ups(case, q) if f in space.regions or f in space.dates]
    # classes no condition tells apart taken together: always for follow-ups (new in 2.7), and
    # for the case's own unknowns under unknowns_version 2 (1 keeps older records' counts)
    coarse = space.coarse if pack.settings.unknowns_version >= 2 else {}
    domains = [coarse.get(x, space.regions[x]) for x in own]
    domains += [space.coarse.get(f) or space.regions.get(f) or space.dates[f][1] for f in later]
    asks = [None] * len(own) + [conditions.compiled(q.questions[f].ask_if) for f in later]
    anchors = {f: space.dates[f][0] for f in later if f not in space.regions}
    return Exploring(tuple(own + later), len(own), tuple(domains), tuple(asks), anchors)


def combinations(case: Case, plan: Exploring, limit: int) -> tuple[list[tuple], int]:
    """(every combination of classes, how many there are); [] past ``limit``. A follow-up
    takes NOT_ASKED where the answers before it do not ask it."""
    if not plan.later:
        size = 1
        for d in plan.domains:
            size *= len(d)
        return ([] if size > limit else list(itertools.product(*plan.domains))), size
    found: list[tuple] = []
    count = [0]

    def walk(i: int, values: dict, combo: tuple) -> None:
        if count[0] > limit:
            return
        if i == len(plan.questions):
            count[0] += 1
            found.append(combo)
            return
        ask = plan.asks[i]
        if ask is not None and not ask({**case.answers, **values}):
            walk(i + 1, values, combo + (NOT_ASKED,))
            return
        qid = plan.questions[i]
        for region in plan.domains[i]:
            walk(i + 1, {**values, qid: value_of(case, plan, qid, region)}, combo + (region,))
    walk(0, {}, ())
    return ([] if count[0] > limit else found), count[0]


def value_of(case: Case, plan: Exploring, qid: str, region: Region) -> Any:
    """The answer a class stands for: a date explored as days is that many days from its anchor."""
    anchor = plan.anchors.get(qid)
    if anchor is None:
        return region.value
    start: Any = case.answers[anchor]  # a date: dates are never "not known" (forms/questionnaire.py)
    return start + timedelta(days=region.value)


def values(case: Case, plan: Exploring, combo: tuple) -> dict:
    """The answers one combination gives (follow-ups not asked are left out)."""
    return {q: value_of(case, plan, q, r) for q, r in zip(plan.questions, combo) if r is not NOT_ASKED}


def also_needed(pack: Pack, case: Case, space: Reading, qid: str, later: tuple[str, ...]) -> str:
    """'If it turns out yes, you will also need to know “A” and “B”; if “B” is yes, also “C”.'
    The follow-ups of a question not known, said as what they are: needed only then."""
    said = _needs(pack, case, space, qid, later)
    if not said:
        return ""
    if pack.settings.words_version >= 7:  # reader 8.4 (p16): counted, not four questions chained
        return " ".join(follow_ups_count_words(w, pack.questionnaire.questions[c[0]].title,
                                               len(_all_below(pack, case, space, c, later)))
                        for w, c in said)
    (words, children), *rest = said
    text = f"If it turns out {words}, you will also need to know {_titles(pack, children)}"
    text += "".join(f"; if it turns out {w}, {_titles(pack, c)}" for w, c in rest)
    return text + _nested(pack, case, space, [c for _, cs in said for c in cs], later) + "."


def _nested(pack: Pack, case: Case, space: Reading, parents: list[str], later: tuple[str, ...]) -> str:
    text = ""
    for parent in parents:
        for words, children in _needs(pack, case, space, parent, later):
            text += f"; if {quoted(pack.questionnaire.questions[parent].title)} is {words}, also"
            text += f" {_titles(pack, children)}"
        text += _nested(pack, case, space, [c for _, cs in _needs(pack, case, space, parent, later)
                                            for c in cs], later)
    return text


def _all_below(pack: Pack, case: Case, space: Reading, children: list[str], later: tuple[str, ...]
               ) -> list[str]:
    """``children`` and every follow-up any of them would ask in turn."""
    below = list(children)
    for child in children:
        below += [c for c in _all_below(pack, case, space, [g for _, gs in _needs(
            pack, case, space, child, later) for g in gs], later) if c not in below]
    return below


def _needs(pack: Pack, case: Case, space: Reading, parent: str, later: tuple[str, ...]) -> list:
    """[(the answers to ``parent`` that ask them, [follow-ups])], in form order."""
    q = pack.questionnaire.questions
    groups: dict[str, list[str]] = {}
    for child in later:
        ask_if = q[child].ask_if
        if parent not in conditions.questions_in(ask_if):
            continue
        classes = space.regions.get(parent) or (space.dates[parent][1] if parent in space.dates else ())
        asking = [r for r in classes if conditions.evaluate(ask_if, {**case.answers, parent: r.value})]
        groups.setdefault(_answers_words(q[parent], asking), []).append(child)
    return list(groups.items())


def _answers_words(question, regions: list[Region]) -> str:
    if question.type == "choice":
        return joined([quoted(r.words) for r in regions], "or")
    return merged_words(question, regions) if regions else "so"


def _titles(pack: Pack, ids: list[str]) -> str:
    return joined([quoted(pack.questionnaire.questions[i].title) for i in ids])
