"""The answers a pack can tell apart: what its rules read, and for each
question the classes of answers that no condition distinguishes.

A whole-number or percentage question is split at the values the pack's
conditions compare it with (``lt 3`` and ``ge 3`` split at 3), so exploring
one answer per class explores every answer, without trying every integer.
Worked out once per pack.
"""

from __future__ import annotations

import math
from dataclasses import field, replace
from typing import Any

from leadfit.frozen import frozen
from leadfit.forms import conditions
from leadfit.forms.conditions import Compare, Group, Member
from leadfit.rules.model.pack import Pack


@frozen
class Region:
    """One class of answers: ``value`` stands for all of them; ``low``/``high`` bound a number class."""

    value: Any
    words: str
    low: tuple | None = None   # (bound, inclusive)
    high: tuple | None = None


@frozen
class Reading:
    """What one pack's conditions read."""

    read: frozenset[str]                 # questions an outcome rule reads, with sources and ask_if
    rules_reading: dict[str, tuple]      # question -> the rules that can move the outcome on it
    regions: dict[str, tuple[Region, ...]]
    steering: frozenset[str] = frozenset()  # asked only sometimes, or deciding that, or derived from
    all_rules: tuple = ()
    # a date the rules read only as days from another date (the plan's date, as days from the
    # assessment): date -> (that other date, the classes of the days from it)
    dates: dict[str, tuple[str, tuple[Region, ...]]] = field(default_factory=dict)
    # the number (and date) classes with neighbours no condition tells apart taken together:
    # what follow-ups are explored with, and under unknowns_version 2 every answer not known
    coarse: dict[str, tuple[Region, ...]] = field(default_factory=dict)
    _split: dict = field(default_factory=dict, compare=False, repr=False)

    def affected(self, questions) -> set[str]:
        return {r.id for q in questions for r in self.rules_reading.get(q, ())}

    def split(self, questions: tuple) -> tuple[tuple, tuple]:
        """(rules an answer to ``questions`` can change, the rest), worked out once each."""
        found = self._split.get(questions)
        if found is None:
            ids = self.affected(questions)
            found = self._split[questions] = (tuple(r for r in self.all_rules if r.id in ids),
                                              tuple(r for r in self.all_rules if r.id not in ids))
        return found


# Actions that can move the outcome: a recommendation, an unavailable outcome, a finding
# (its severity feeds the risk, which a pack may map to a minimum outcome), and an open
# choice (it keeps the risk from raising the outcome: without it here, an unknown answer a
# `choice` rule reads was never explored and the engine disagreed with the table).
OUTCOME_WORDS = ("recommend", "unavailable", "finding", "choice")
# Under unknowns_version 2 a step due before the appointment is part of the result too: the
# rules asking for one are re-checked for every answer not known (rules/runtime/unknowns.py).
STEP_WORDS = OUTCOME_WORDS + ("precondition",)
_READINGS: dict[int, tuple[Pack, Reading]] = {}


def reading(pack: Pack) -> Reading:
    cached = _READINGS.get(id(pack))
    if cached is None or cached[0] is not pack:
        cached = _READINGS[id(pack)] = (pack, _read(pack))
    return cached[1]


def _read(pack: Pack) -> Reading:
    q = pack.questionnaire
    feeds: dict[str, set[str]] = {}  # question -> questions whose value or asking it changes
    for question in q.questions.values():
        sources = list(question.derived_from[1]) if question.derived_from else []
        if question.ask_if is not None:
            sources += conditions.questions_in(question.ask_if)
        for s in sources:
            feeds.setdefault(s, set()).add(question.id)
    rules_reading: dict[str, list] = {}
    moving = STEP_WORDS if pack.settings.unknowns_version >= 2 else OUTCOME_WORDS
    for rule in pack.rules:
        if not any(a.word in moving for a in rule.actions):
            continue  # a context signal or a plan step alone never moves the outcome
        for qid in _upstream(conditions.questions_in(rule.condition), q.questions):
            rules_reading.setdefault(qid, []).append(rule)
    values = _compared_values(pack)
    regions = {qid: tuple(regions_of(q.questions[qid], values.get(qid, ())))
               for qid in rules_reading if not q.questions[qid].derived_from}
    steering = set(feeds) | {x.id for x in q.questions.values() if x.ask_if is not None}
    regions = {k: v for k, v in regions.items() if v}
    dates = _dates(pack, rules_reading, values)
    return Reading(frozenset(rules_reading), {k: tuple(v) for k, v in rules_reading.items()},
                   regions, frozenset(steering), tuple(pack.rules), dates=dates,
                   coarse=_coarse(pack, regions, dates))


def _coarse(pack: Pack, regions: dict, dates: dict) -> dict:
    """Each number or date's classes, neighbours every condition on it treats alike merged:
    the share kept splits at 0, 10 and 50, but "1 to 9%" and "10%" meet the same conditions."""
    atoms = _atoms(pack)
    q = pack.questionnaire.questions
    out = {}
    for qid, classes in regions.items():
        if q[qid].type in ("integer", "percent"):
            lo = q[qid].min if q[qid].min is not None else 0
            hi = q[qid].max if q[qid].max is not None else (100 if q[qid].type == "percent" else math.inf)
            out[qid] = _merged(classes, atoms.get(qid, []), qid,
                               lambda low, high, x=q[qid], a=lo, b=hi: range_words(x, low, high, a, b))
    for qid, (anchor, classes) in dates.items():
        derived = next(d.id for d in q.values() if d.derived_from and d.derived_from[0] == "days_between"
                       and d.derived_from[1][1] == qid)
        out[qid] = _merged(classes, atoms.get(derived, []), derived,
                           lambda low, high, t=q[anchor].title: _days_words(Region(0, "", low, high), t))
    return out


def _merged(classes: tuple, atoms: list, qid: str, words) -> tuple[Region, ...]:
    def signature(region: Region) -> tuple:
        return tuple(conditions.evaluate(a, {qid: region.value}) for a in atoms)
    runs: list[list[Region]] = []
    for region in classes:
        if runs and signature(runs[-1][0]) == signature(region):
            runs[-1].append(region)
        else:
            runs.append([region])
    return tuple(run[0] if len(run) == 1 else Region(run[0].value, words(run[0].low, run[-1].high),
                                                     run[0].low, run[-1].high) for run in runs)


def _leaves(pack: Pack):
    """Every single comparison a rule or an ask_if makes, groups opened, in pack order."""
    todo = [rule.condition for rule in pack.rules]
    todo += [q.ask_if for q in pack.questionnaire.questions.values() if q.ask_if is not None]
    while todo:
        cond = todo.pop(0)
        if isinstance(cond, Group):
            todo[:0] = cond.parts
        else:
            yield cond


def _atoms(pack: Pack) -> dict[str, list]:
    """Question id -> every comparison a rule or an ask_if makes of it."""
    found: dict[str, list] = {}
    for cond in _leaves(pack):
        if cond not in found.setdefault(cond.question, []):
            found[cond.question].append(cond)
    return found


def _dates(pack: Pack, rules_reading: dict, values: dict) -> dict:
    """The dates read as days between two dates, with the classes of those days: a follow-up
    date not known (when the plan is not known) is explored as those days (follow_ups.py)."""
    q = pack.questionnaire.questions
    found = {}
    for derived in q.values():
        if not derived.derived_from or derived.derived_from[0] != "days_between" or derived.id not in rules_reading:
            continue
        first, last = derived.derived_from[1]
        cuts = [v for v in values.get(derived.id, ()) if isinstance(v, int) and not isinstance(v, bool)]
        days = replace(derived, type="integer", min=min(cuts + [0]) - 1, max=None)
        classes = tuple(Region(r.value, _days_words(r, q[first].title), r.low, r.high)
                        for r in regions_of(days, cuts))
        if classes:  # days before the first one compared are all alike: the class has no floor
            classes = (Region(classes[0].value, classes[0].words, (-math.inf, True), classes[0].high),
                       *classes[1:])
        found[last] = (first, classes)
    return found


def _days_words(region: Region, anchor: str) -> str:
    """'1 to 182 days after the assessment', 'before the assessment', 'on the assessment day'."""
    low, high = region.low[0], region.high[0]  # type: ignore[index]
    words = anchor.lower()
    after = "the " + words[len("date of "):].replace("this ", "") if words.startswith("date of ") else words
    if high < 0:
        return f"before {after}"
    if low < 0:
        return f"at most {high} days after {after}"
    if low == high:
        return f"on the day of {after}" if low == 0 else f"{low} days after {after}"
    if high >= 10**6:
        return f"{low} or more days after {after}"
    return f"{low} to {high} days after {after}"


def _upstream(qids, questions) -> set[str]:
    """The questions read, plus the sources of derived ones and what decides their asking."""
    todo, found = list(qids), set()
    while todo:
        qid = todo.pop()
        if qid in found or qid not in questions:
            continue
        found.add(qid)
        question = questions[qid]
        if question.derived_from:
            todo += list(question.derived_from[1])
        if question.ask_if is not None:
            todo += conditions.questions_in(question.ask_if)
    return found


def _compared_values(pack: Pack) -> dict[str, set]:
    found: dict[str, set] = {}
    for cond in _leaves(pack):
        if isinstance(cond, Compare):
            found.setdefault(cond.question, set()).add(cond.value)
        elif isinstance(cond, Member):
            found.setdefault(cond.question, set()).update(cond.values)
    return found


def regions_of(question, compared) -> list[Region]:
    """The classes of answers to ``question``; [] for dates and text (never explored)."""
    if question.type == "yes_no":
        return [Region(True, "yes"), Region(False, "no")]
    if question.type == "choice":
        return [Region(key, label) for key, label in question.options.items()]
    if question.type not in ("integer", "percent"):
        return []
    lo = question.min if question.min is not None else 0
    hi = question.max if question.max is not None else (100 if question.type == "percent" else None)
    cuts = sorted(v for v in compared if isinstance(v, (int, float)) and not isinstance(v, bool)
                  and lo <= v and (hi is None or v <= hi))
    if hi is None:  # an unbounded count: the last class is "more than the last cut"
        hi = (cuts[-1] if cuts else lo) + 1_000_000
    return [r for r in _number_regions(question, lo, hi, cuts) if r is not None]


def _number_regions(question, lo, hi, cuts) -> list:
    whole = question.type == "integer"
    bounds = [(lo, True)]
    out = []
    for cut in cuts:
        out.append(_region(question, bounds[-1], (cut, False), whole, lo, hi))
        out.append(_region(question, (cut, True), (cut, True), whole, lo, hi))
        bounds.append((cut, False))
    out.append(_region(question, bounds[-1], (hi, True), whole, lo, hi))
    return out


def _region(question, low, high, whole, lo, hi) -> Region | None:
    a = low[0] if low[1] else (math.floor(low[0]) + 1 if whole else low[0])
    b = high[0] if high[1] else (math.ceil(high[0]) - 1 if whole else high[0])
    if whole:
        a, b = math.ceil(a), math.floor(b)
        if a > b:
            return None
        return Region(int(a), range_words(question, (a, True), (b, True), lo, hi), (a, True), (b, True))
    if a > b or (a == b and not (low[1] and high[1])):
        return None
    value = a if low[1] else math.floor(a) + 1  # a whole percentage reads better
    if not low[1] and (value > b or (value == b and not high[1])):
        value = (a + b) / 2
    return Region(value, range_words(question, low, high, lo, hi), low, high)


def range_words(question, low: tuple, high: tuple, lo, hi) -> str:
    """'3 or more', 'at most 10%', '11 to 49%', 'exactly 0' for a class of numbers."""
    unit = "%" if question.type == "percent" else ""

    def n(x):
        return f"{int(x) if float(x).is_integer() else x}{unit}"
    if low == high or (low[0] == high[0]):
        return n(low[0])
    if question.type == "integer":
        a, b = (low[0] if low[1] else low[0] + 1), (high[0] if high[1] else high[0] - 1)
        if a == b:
            return n(a)
        if a <= lo:
            return f"{n(b)} or less"
        if b >= hi:
            return f"{n(a)} or more"
        return f"{n(a)} to {n(b)}"
    lower = "" if low[0] <= lo and low[1] else f"{'at least' if low[1] else 'more than'} {n(low[0])}"
    upper = "" if high[0] >= hi and high[1] else f"{'at most' if high[1] else 'less than'} {n(high[0])}"
    return " and ".join(w for w in (lower, upper) if w) or "any"


def merged_words(question, regions: list[Region]) -> str:
    """Words for adjacent classes taken together (one number range), else each joined with 'or'."""
    if question.type in ("integer", "percent") and regions and all(r.low for r in regions):
        lo = question.min if question.min is not None else 0
        hi = question.max if question.max is not None else (100 if question.type == "percent" else math.inf)
        bounded: list[Any] = list(regions)  # every one has low and high (checked above)
        ordered = sorted(bounded, key=lambda r: (r.low[0], not r.low[1]))
        runs = [[ordered[0]]]
        for r in ordered[1:]:
            last = runs[-1][-1]
            touching = last.high[0] == r.low[0] and (last.high[1] != r.low[1]) or (
                question.type == "integer" and last.high[0] + 1 == r.low[0])
            if touching:
                runs[-1].append(r)
            else:
                runs.append([r])
        return " or ".join(range_words(question, run[0].low, run[-1].high, lo, hi) for run in runs)
    return " or ".join(r.words for r in regions)
