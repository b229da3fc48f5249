"""Answers not known explored part by part: six of them cost what their parts cost.

The combinations of the answers not known are a product; matching every rule on each
(the way it was done until 2026-12) took 2 minutes for six of them once the search for
what would change it tried its hundreds of changed cases. But a rule reads only a few
answers: the answers not known fall into *parts*, two in one part when a rule (or a
follow-up's asking, or a fact worked out from both) reads them together. Each part's own
combinations are matched once, and merged into the few *classes* of rules they match;
a whole combination then matches the union of its parts' classes. So exploring costs the
sum of the parts' combinations plus one decision per class found together, not a matching
per combination, and a count past the limit is known without walking it.

Exact, not sampled: every combination's rules are the ones matching its answers would
find (tests/test_unknowns_parts.py holds it against matching each combination).
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field

from leadfit.forms import conditions
from leadfit.forms.case import Case, relevant_from
from leadfit.rules.model.pack import Pack
from leadfit.rules.runtime.answer_space import Reading, _upstream
from leadfit.rules.runtime.follow_ups import NOT_ASKED, Exploring, value_of
from leadfit.rules.runtime.matching import EXACT, Matcher


@dataclass(frozen=True)
class Rules:
    """Some of a pack's rules as a matcher takes them: ``key`` names exactly this set, so
    the matcher compiles (the exact one) or registers (the engine) each set once."""

    key: str
    conditions: tuple  # (rule id, condition), in the pack's order


def rules_of(pack: Pack, rules=None) -> Rules:
    """``rules`` (default all) of ``pack``. The whole pack is keyed by its fingerprint, as
    assess.py keys it; a part by a digest of the fingerprint and its ids (the engine names a
    ruleset by the key's first 40 characters, so a part's key never starts with the pack's)."""
    if rules is None:
        return Rules(pack.fingerprint, tuple((r.id, r.condition) for r in pack.rules))
    return rules_of_pairs(pack, [(r.id, r.condition) for r in rules])


def fired(matcher: Matcher, rules: Rules, answers: dict) -> set[str]:
    """The ids of ``rules`` that ``answers`` meet."""
    return set(matcher.evaluate(rules.key, rules.conditions, answers))


@dataclass
class Part:
    """Questions explored together (positions in the plan, in its order) and their rules.
    ``walked``: (regions at those positions, their answers); ``leaves``: (regions, class
    index), once matched; ``classes``: the rules matched."""

    positions: tuple[int, ...]
    rules: Rules
    walked: list[tuple[tuple, dict]] = field(default_factory=list)
    leaves: list[tuple[tuple, int]] = field(default_factory=list)
    classes: list[frozenset] = field(default_factory=list)
    values: list[dict] = field(default_factory=list)  # a class's answers, the first found


def parts(case: Case, pack: Pack, plan: Exploring, space: Reading, affected: tuple) -> list[Part]:
    """``plan``'s questions split where no rule, asking or derived fact joins them."""
    n = len(plan.questions)
    at = {q: i for i, q in enumerate(plan.questions)}
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def join(ids) -> None:
        ids = [at[q] for q in ids if q in at]
        for i in ids[1:]:
            root[find(i)] = find(ids[0])
    questions = pack.questionnaire.questions
    reads = _reads(pack)
    for rule in affected:
        join(reads[rule.id])
    for qid in plan.later:  # a follow-up goes with what decides its asking
        join([qid, *sorted(_upstream(conditions.questions_in(questions[qid].ask_if), questions))])
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    by_part: dict[int, list] = {g: [] for g in groups}
    for rule in affected:
        touched = [at[q] for q in reads[rule.id] if q in at]
        if touched:
            by_part[find(touched[0])].append(rule)
    return [Part(tuple(pos), rules_of(pack, by_part[g])) for g, pos in groups.items()]


_READS: dict[int, tuple[Pack, dict]] = {}
_GROUPS: dict[str, list] = {}  # a part's rules key -> its rules grouped by the answers they read


def _reads(pack: Pack) -> dict[str, list[str]]:
    """Rule id -> the questions it reads, with their sources and what decides their asking."""
    cached = _READS.get(id(pack))
    if cached is None or cached[0] is not pack:
        questions = pack.questionnaire.questions
        cached = _READS[id(pack)] = (pack, {r.id: sorted(_upstream(conditions.questions_in(r.condition),
                                                                   questions)) for r in pack.rules})
    return cached[1]


_DECIDED: dict[tuple, tuple[Pack, dict]] = {}


def decisions(pack: Pack, steps: bool) -> dict:
    """Rules matched -> (outcome, steps before), for ``pack``: the decision follows from the
    rules matched alone, and a search's cases meet the same sets again and again."""
    cached = _DECIDED.get((id(pack), steps))
    if cached is None or cached[0] is not pack or len(cached[1]) > 20_000:
        cached = _DECIDED[(id(pack), steps)] = (pack, {})
    return cached[1]


def walk(case: Case, plan: Exploring, part: Part, limit: int) -> int:
    """``part``'s combinations (a follow-up NOT_ASKED where its answers do not ask it), in
    the plan's order; how many, stopping past ``limit``."""
    if not any(plan.asks[i] for i in part.positions):  # a product: counted, walked only within
        size = 1
        for i in part.positions:
            size *= len(plan.domains[i])
        if size > limit:
            return size
    found: list[tuple[tuple, dict]] = []

    def step(k: int, values: dict, combo: tuple) -> None:
        if len(found) > limit:
            return
        if k == len(part.positions):
            found.append((combo, values))
            return
        i = part.positions[k]
        ask = plan.asks[i]
        if ask is not None and not ask({**case.answers, **values}):
            step(k + 1, values, combo + (NOT_ASKED,))
            return
        qid = plan.questions[i]
        for region in plan.domains[i]:
            step(k + 1, {**values, qid: value_of(case, plan, qid, region)}, combo + (region,))
    step(0, {}, ())
    part.walked = found
    return len(found)


def classify(case: Case, pack: Pack, part: Part, matcher: Matcher) -> None:
    """Each of ``part``'s combinations matched once, and named by its class of rules."""
    part.leaves = list(classified(case, pack, part, matcher))


def classified(case: Case, pack: Pack, part: Part, matcher: Matcher):
    """``part``'s combinations one by one as (regions, class index), a new class added to
    ``part.classes`` as it is first met. With the exact matcher, rules that read the same
    answers are matched once per distinct input (a part's combinations repeat them)."""
    index: dict[frozenset, int] = {}
    groups = _by_reads(pack, part.rules) if matcher is EXACT else None
    for combo, values in part.walked:
        answers = relevant_from({**case.answers, **values}, pack.questionnaire)
        key = frozenset(_grouped(groups, answers) if groups is not None
                        else fired(matcher, part.rules, answers))
        k = index.get(key)
        if k is None:
            k = index[key] = len(part.classes)
            part.classes.append(key)
            part.values.append(values)
        yield combo, k


def _by_reads(pack: Pack, rules: Rules) -> list[tuple]:
    """``rules`` grouped by the answers they read: [(question ids, rules, {answers: fired})],
    once per set (its key names the pack too). What a group matches follows from the answers
    it reads alone, so each group remembers them across explorations: a search for what
    would change it explores hundreds of cases that differ in one answer."""
    found = _GROUPS.get(rules.key)
    if found is None:
        groups: dict[tuple, list] = {}
        for rule_id, cond in rules.conditions:
            groups.setdefault(tuple(sorted(set(conditions.questions_in(cond)))), []).append((rule_id, cond))
        if len(_GROUPS) > 1024:
            _GROUPS.clear()
        found = _GROUPS[rules.key] = [(reads, rules_of_pairs(pack, pairs), {})
                                      for reads, pairs in groups.items()]
    return found


def rules_of_pairs(pack: Pack, pairs: list) -> Rules:
    named = f"{pack.fingerprint}:" + ",".join(rule_id for rule_id, _ in pairs)
    return Rules("part_" + hashlib.sha256(named.encode()).hexdigest()[:32], tuple(pairs))


def _grouped(groups: list[tuple], answers: dict) -> set[str]:
    found: set[str] = set()
    for reads, rules, seen in groups:
        key = tuple(map(answers.get, reads))
        hit = seen.get(key)
        if hit is None:
            if len(seen) > 4096:
                seen.clear()
            hit = seen[key] = fired(EXACT, rules, answers)
        found |= hit
    return found


def rows_of(plan: Exploring, found: list[Part]) -> list[tuple[tuple, tuple]]:
    """Every whole combination with its parts' classes, in the order the plan walks them."""
    n = len(plan.questions)
    rank = [{r: j for j, r in enumerate(d)} for d in plan.domains]
    out = []
    for choice in itertools.product(*(p.leaves for p in found)):
        combo: list = [None] * n
        for part, (sub, _) in zip(found, choice):
            for i, region in zip(part.positions, sub):
                combo[i] = region
        out.append((tuple(combo), tuple(k for _, k in choice)))
    out.sort(key=lambda row: tuple(-1 if r is NOT_ASKED else rank[i][r] for i, r in enumerate(row[0])))
    return out


def class_tuples(found: list[Part]):
    """Every choice of one class per part: what the combinations can match, each once."""
    return itertools.product(*(range(len(p.classes)) for p in found))


def union(found: list[Part], key: tuple, steady: set) -> frozenset:
    return frozenset(steady.union(*(p.classes[k] for p, k in zip(found, key))))


def values_for(found: list[Part], key: tuple) -> dict:
    """Answers that give the classes ``key``: each part's first combination in its class."""
    out: dict = {}
    for part, k in zip(found, key):
        out.update(part.values[k])
    return out


def results(pack: Pack, case: Case, found: list, matcher: Matcher, steady: set, result,
            beyond: str | None = None) -> set:
    """The results the combinations can give, the largest part's combinations matched one by
    one: once the pack's most cautious outcome is among them (or one more cautious than
    ``beyond``, which a search asks for), nothing found later changes the answer, so the
    rest are never matched (most changes a search tries stop early)."""
    if not found:
        return {result(frozenset(steady), dict)}
    found = sorted(found, key=lambda p: len(p.walked))
    *rest, largest = found
    for part in rest:
        classify(case, pack, part, matcher)
    order: list[str] = list(pack.settings.outcomes)
    stop = {order[-1], *(order[order.index(beyond) + 1:] if beyond in order else ())}
    seen: set = set()
    for _, k in classified(case, pack, largest, matcher):
        if k < len(largest.classes) - 1:
            continue  # a class met before: its results are in already
        for key in itertools.product(*(range(len(p.classes)) for p in rest)):
            whole = (*key, k)
            seen.add(result(union(found, whole, steady), lambda: values_for(found, whole)))
        if any(o in stop for o, _ in seen):
            break
    return seen
