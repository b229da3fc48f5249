"""Answers "Not known": the outcome under every answer the rules could read.

Every unknown answer that an outcome rule reads is explored, one answer per
class the pack's conditions tell apart (rules/runtime/answer_space.py), with its
follow-ups where they would be asked (rules/runtime/follow_ups.py). Either the
result is the same for all of them (it *holds*), or it *depends*; the
recommendation is then the pack's most cautious outcome among them, so appoint
is never recommended while an unknown answer could change it. A result is the
outcome and, under ``unknowns_version: 2``, the steps due before the appointment:
an appointment that stands on lightening the role first does not hold "whatever
the share".

Each combination is matched by the exact matcher (rules/runtime/matching.py, the
engine's oracle), re-checking only the rules that read an unknown. The outcome
itself is decided by the engine of record (or the matcher evaluate() was given)
on the known answers plus the combination that gives the most cautious result;
if it disagrees with the oracle, that is an error.
Past LIMIT combinations nothing is guessed: the pack's most cautious outcome
is taken (its fallback where that is not possible here), and the summary says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from leadfit.errors import EngineError
from leadfit.forms import conditions
from leadfit.forms.case import Case, follow_ups, relevant_from
from leadfit.forms.case import missing as missing_ids
from leadfit.rules.runtime import unknowns_words as said
from leadfit.rules.runtime.answer_space import Region, reading
from leadfit.rules.runtime.assess import decision_of, evaluate_known, outcome_of
from leadfit.rules.runtime.follow_ups import NOT_ASKED, Exploring, also_needed, combinations, exploring
from leadfit.rules.runtime.follow_ups import values as values_of
from leadfit.rules.runtime.merged import SEVERITY_ORDER
from leadfit.rules.model.assessment import (
    AnswerOutcomes,
    Assessment,
    Dependence,
    Finding,
    UnknownAnswers,
)
from leadfit.rules.runtime.matching import EXACT, Matcher
from leadfit.rules.runtime.plan_steps import _APPOINTING
from leadfit.rules.runtime.summary import riskiest
from leadfit.rules.model.pack import Pack
from leadfit.words import depends_note_words, due_if_badly_words, not_known_reason

LIMIT = 4096
FIND_OUT = said.FIND_OUT


@dataclass
class Table:
    """The combinations explored: ``rows`` of (combination of Regions, outcome, steps due
    before the appointment), [] past LIMIT; ``size`` how many combinations there are."""

    plan: Exploring
    rows: list[tuple]
    size: int

    @property
    def explored(self) -> list[str]:  # the case's own unknowns (follow-ups are said with them)
        return list(self.plan.questions[:self.plan.own])


def explore(case: Case, pack: Pack, matcher: Matcher = EXACT, firings: list | None = None,
            outcome_only: bool = False) -> Table:
    """Every combination's outcome (and, under ``unknowns_version: 2`` unless ``outcome_only``,
    the steps due before the appointment). ``firings``, when given, receives each
    combination's matching rule ids."""
    space = reading(pack)
    plan = exploring(case, pack, space)
    combos, size = combinations(case, plan, LIMIT)
    affected, unaffected = space.split(plan.questions)
    base = relevant_from(case.answers, pack.questionnaire)
    steady = _fired(matcher, _rules(pack, unaffected), base)
    plain = not plan.later and not (set(plan.questions) & space.steering)  # nothing asked or derived depends on them
    steps = pack.settings.unknowns_version >= 2 and not outcome_only
    groups = _by_reads(pack, affected) if matcher is EXACT else None
    changing = _rules(pack, affected)
    rows: list[tuple] = []
    decided: dict[frozenset, tuple] = {}  # the rules matched -> (outcome, steps before)
    for combo in combos:
        values = values_of(case, plan, combo)
        answers = {**base, **values} if plain else relevant_from({**case.answers, **values},
                                                                 pack.questionnaire)
        fired = steady | (_fired_by_reads(groups, answers) if groups is not None
                          else _fired(matcher, changing, answers))
        key = frozenset(fired)  # the outcome and its steps follow from the rules matched alone
        result = decided.get(key)
        if result is None:
            outcome = outcome_of(pack, answers, fired)
            result = decided[key] = (outcome, _before(pack, fired, outcome) if steps else ())
        rows.append((combo, *result))
        if firings is not None:
            firings.append(fired)
    return Table(plan, rows, size)


def _before(pack: Pack, fired: set, outcome: str | None) -> tuple[str, ...]:
    """The steps due before the appointment the plan would hold (rules/runtime/plan_steps.py):
    asked for first by a fired rule, possible here, and only where someone is appointed."""
    if outcome not in _APPOINTING:
        return ()
    cannot = {a.value for r in pack.rules if r.id in fired for a in r.actions if a.word == "unavailable"}
    due = {a.value for r in pack.rules if r.id in fired for a in r.actions if a.word == "precondition"}
    return tuple(sorted(due - cannot))


@dataclass(frozen=True)
class _Rules:
    """Some of a pack's rules as a matcher takes them: ``key`` names exactly this set, so
    the matcher compiles (the exact one) or registers (the engine) each set once, and
    exploring matches it once per combination."""

    key: str
    conditions: tuple  # (rule id, condition), in the pack's order


def _rules(pack: Pack, rules=None) -> _Rules:
    """``rules`` (default all) of ``pack``. The whole pack is keyed by its fingerprint, as
    assess.py keys it; a part by a digest of the fingerprint and its ids (the engine names a
    ruleset by the key's first 40 characters, so a part's key never starts with the pack's)."""
    if rules is None:
        return _Rules(pack.fingerprint, tuple((r.id, r.condition) for r in pack.rules))
    pairs = tuple((r.id, r.condition) for r in rules)
    named = f"{pack.fingerprint}:" + ",".join(rule_id for rule_id, _ in pairs)
    return _Rules("part_" + hashlib.sha256(named.encode()).hexdigest()[:32], pairs)


def _fired(matcher: Matcher, rules: _Rules, answers: dict) -> set[str]:
    """The ids of ``rules`` that ``answers`` meet."""
    return set(matcher.evaluate(rules.key, rules.conditions, answers))


def _by_reads(pack: Pack, rules: tuple) -> list[tuple]:
    """``rules`` grouped by the answers they read: [(question ids, rules, {answers: fired})].
    Across the combinations a rule that reads one answer not known meets a few inputs, so
    each group is matched once per distinct input (the oracle's matching, remembered)."""
    groups: dict[tuple, list] = {}
    for rule in rules:
        groups.setdefault(tuple(sorted(set(conditions.questions_in(rule.condition)))), []).append(rule)
    return [(reads, _rules(pack, group), {}) for reads, group in groups.items()]


def _fired_by_reads(groups: list[tuple], answers: dict) -> set[str]:
    fired: set[str] = set()
    for reads, rules, seen in groups:
        key = tuple(answers.get(q) for q in reads)
        found = seen.get(key)
        if found is None:
            found = seen[key] = _fired(EXACT, rules, answers)
        fired |= found
    return fired


def _caution(pack: Pack):
    order: list[str] = list(pack.settings.outcomes)
    return lambda result: (order.index(result[0]), len(result[1]), result[1])


def with_unknowns(case: Case, pack: Pack, known: Assessment, matcher: Matcher = EXACT,
                  decider: Matcher | None = None) -> Assessment:
    """``known`` (``decider``, default the engine of record, on the known answers) with the
    unknowns explored by ``matcher`` and the outcome decided by ``decider`` on the most
    cautious combination."""
    firings: list[set] = []
    table = explore(case, pack, matcher, firings)
    explored, rows, plan = table.explored, table.rows, table.plan
    order: list[str] = list(pack.settings.outcomes)
    outcomes = sorted({o for _, o, _ in rows if o}, key=order.index)
    results = sorted({(o, b) for _, o, b in rows if o}, key=_caution(pack))
    worst_case = pack.settings.unknowns_risk == "worst_allowed_for"
    steps = pack.settings.unknowns_version >= 2
    too_many = bool(plan.questions) and not rows
    if too_many:
        decided, worst_words = _beyond_limit(case, pack, known, decider), ""
    elif results:
        at = [i for i, (_, o, b) in enumerate(rows) if (o, b) == results[-1]]
        if worst_case and len(at) > 1:  # 2.6: of the answers that give it, the riskiest, not the first
            at = [at[riskiest(pack, [firings[i] for i in at])]]
        worst = rows[at[0]][0]
        decided = evaluate_known(case, pack, values_of(case, plan, worst), matcher=decider)
        before = tuple(sorted(m.id for m in decided.preconditions)) if steps else ()
        if (decided.outcome, before) != results[-1]:
            raise EngineError(f"the engine gave {decided.outcome} {list(before)} where the condition"
                              f" evaluator gave {results[-1][0]} {list(results[-1][1])} for the same"
                              " answers; please report this")
        worst_words = said._and([f"{_quoted(pack, q)} answered {said.answer_words(pack, q, r)}"
                                 for q, r in zip(plan.questions, worst) if r is not NOT_ASKED])
    else:
        decided, worst_words = known, ""
    deps = _dependences(pack, plan, rows)
    later = follow_ups(case, pack.questionnaire)  # the text ones too: needed, if not explored
    also = {q: also_needed(pack, case, reading(pack), q, later) for q in explored} if later else {}
    info = UnknownAnswers.model_construct(
        questions=[q.id for q in pack.questionnaire.asked if q.id in case.unknown],
        explored=explored, verdict="too_many" if too_many else ("depends" if len(results) > 1 else "holds"),
        summary=said.summary(pack, case.unknown, explored, too_many, results, deps, table.size, LIMIT),
        outcomes=outcomes, depends_on=[_dependence(pack, q, rows_) for q, rows_ in deps],
        combinations=table.size, limit=LIMIT,
        decided_by=said.decided_by(pack, case.unknown, worst_words, explored, too_many, len(results) > 1,
                                   worst_case))
    always = set.intersection(*(set(b) for _, _, b in rows)) if rows else set()
    return _combine(pack, case, known, decided, info, _certain(pack, firings), decider, also, always)


def _certain(pack: Pack, firings: list[set]) -> dict[str, str]:
    """Finding id -> mildest severity, for findings raised whatever the unknown answers are."""
    common: dict[str, str] | None = None
    for fired in firings:
        here: dict[str, str] = {}
        for rule in pack.rules:
            if rule.id in fired:
                for act in rule.actions:
                    if act.word == "finding":
                        old = here.get(act.value["id"])
                        here[act.value["id"]] = _worse(old, act.value["severity"])
        if common is None:
            common = here
        else:
            common = {k: _milder(v, here[k]) for k, v in common.items() if k in here}
    return common or {}


def _worse(a: str | None, b: str) -> str:
    return b if a is None or SEVERITY_ORDER.index(b) > SEVERITY_ORDER.index(a) else a


def _milder(a: str, b: str) -> str:
    return a if SEVERITY_ORDER.index(a) <= SEVERITY_ORDER.index(b) else b


def _beyond_limit(case: Case, pack: Pack, known: Assessment, decider: Matcher | None) -> Assessment:
    """Too many combinations: the pack's most cautious outcome, or its fallback if not possible."""
    cat, cautious, fallback = pack.catalogue, pack.settings.outcomes[-1], pack.settings.fallback
    if cautious in _unavailable(pack, known):
        words = (f"{cat.title(cautious)} would be advised, but it is not possible here."
                 f" {cat.title(fallback)} is advised instead, at higher risk.")
        return evaluate_known(case, pack, decided=(fallback, [words], True), fired_ids=known.rules_fired,
                              matcher=decider)
    return evaluate_known(case, pack, decided=(cautious, [], False), fired_ids=known.rules_fired,
                          matcher=decider)


def _unavailable(pack: Pack, known: Assessment) -> list[str]:
    fired = set(known.rules_fired)
    return [a.value for r in pack.rules if r.id in fired for a in r.actions if a.word == "unavailable"]


def _combine(pack: Pack, case: Case, known: Assessment, decided: Assessment, info: UnknownAnswers,
             certain: dict[str, str], decider: Matcher | None, also: dict, always: set) -> Assessment:
    """The known answers' findings and plan, findings raised (``certain``) and steps due before
    the appointment (``always``) whatever the unknowns are, the decided outcome, and what is
    unverified."""
    have = {f.id for f in known.findings}
    hidden = _not_known_yet(pack, case)
    sure = [_as_certain(f, certain[f.id], case, hidden) for f in decided.findings
            if f.id in certain and f.id not in have]
    sure = list({f.id: f for f in sure}.values())
    with_outcome = evaluate_known(case, pack, decided=decision_of(decided), certain=sure,
                                  fired_ids=known.rules_fired, matcher=decider)
    unverified = said.unverified(pack, info.questions, info.explored,
                                 {d.question for d in info.depends_on}, also)
    findings = list(with_outcome.findings) + unverified
    # 3 (2.8): a hire whatever the answers not known are needs nothing found out from the candidate
    settled_hire = (pack.settings.unknowns_version >= 3 and info.verdict == "holds"
                    and with_outcome.outcome is not None and with_outcome.outcome not in _APPOINTING)
    mitigations = (list(with_outcome.mitigations) if settled_hire
                   else said.with_find_out(pack, with_outcome.mitigations, unverified, also))
    why_not = dict(decided.why_not)
    for outcome in info.outcomes[:-1]:  # possible, but only if the unknowns turn out well
        why_not[outcome] = ["Possible, but not while answers are not known: "
                            + not_known_reason(info.summary, pack.settings.words_version)]
    allowed_for = pack.settings.unknowns_risk != "known" and info.verdict == "depends"
    words = pack.settings.words_version
    notes = list(with_outcome.notes) + (said.allowed_for(with_outcome, decided, unverified,
                                                         pack.settings.unknowns_version, words)
                                        if allowed_for else
                                        said.unscored(with_outcome, decided, unverified, words))
    risk = decided.risk if allowed_for else with_outcome.risk
    title, before = with_outcome.outcome_title, list(with_outcome.preconditions)
    if pack.settings.unknowns_version >= 2:  # the steps the answers not known make due come first
        have_before = {m.id for m in before}
        due = [m if m.id in always else _if_badly(m, pack) for m in decided.preconditions
               if m.id not in have_before]
        if due:  # as in the case the recommendation allows for, which names them in its title
            before, title = before + due, decided.outcome_title
    if (pack.settings.words_version >= 3 and info.verdict == "depends"
            and with_outcome.outcome in pack.settings.outcome_notes and notes):
        # its outcome's note: nothing is decided yet (3.4)
        notes[0] = depends_note_words(notes[0], pack.settings.words_version)
    if pack.settings.title_if_depends and info.verdict == "depends" and title:
        # 2.4: finding out leads the headline; the cautious outcome stays beneath it
        title = pack.settings.title_if_depends.replace("{outcome}", title)
    return with_outcome.model_copy(update={"findings": findings, "mitigations": mitigations,
                                           "preconditions": before, "why_not": why_not,
                                           "unknowns": info, "notes": notes, "risk": risk,
                                           "outcome_title": title})


def _if_badly(step, pack: Pack):
    """A step due only if the answers not known turn out badly says so first."""
    return step.model_copy(update={"because": [due_if_badly_words(pack.settings.words_version)]
                                   + list(step.because)})


def _as_certain(finding: Finding, severity: str, case: Case, hidden: set) -> Finding:
    """A finding raised whatever the answers not known are: those answers say "not known", and
    their follow-ups (and what is worked out from them) are left out, never shown as one guess."""
    causes = [c if c.question not in case.unknown else c.model_copy(update={"answer": "not known"})
              for c in finding.because if c.question not in hidden]
    return finding.model_copy(update={"severity": severity, "because": causes})


def _not_known_yet(pack: Pack, case: Case) -> set:
    """The follow-ups of the answers not known, and the facts derived from them or from those."""
    hidden = set(follow_ups(case, pack.questionnaire))
    if not hidden:
        return hidden
    open_ = hidden | set(case.unknown)
    return hidden | {d.id for d in pack.questionnaire.derived_facts
                     if d.derived_from and open_ & set(d.derived_from[1])}


def _dependences(pack: Pack, plan: Exploring, rows: list[tuple]) -> list[tuple]:
    """For each of the case's own unknowns whose answer alone can move the result:
    [(question id, [(answer words, [result, ...]), ...])]. Follow-ups are part of the answer
    that asks them: the share 'more than 10%' covers every plan there could be."""
    v2 = pack.settings.unknowns_version >= 2
    key = (lambda o, b: (o, b)) if v2 else (lambda o, b: (o, ()))
    out = []
    for i in range(plan.own):
        qid = plan.questions[i]
        contexts: dict[tuple, set] = {}
        for combo, o, b in rows:
            contexts.setdefault(combo[:i] + combo[i + 1:plan.own], set()).add(key(o, b))
        if all(len(seen) == 1 for seen in contexts.values()):
            continue
        per_region: dict[Region, set] = {}
        for combo, o, b in rows:
            per_region.setdefault(combo[i], set()).add(key(o, b))
        out.append((qid, _grouped(pack, qid, per_region)))
    return out


def _grouped(pack: Pack, qid: str, per_region: dict) -> list[tuple]:
    """Answers with the same results said once ('if 3 or more: ...'), most cautious first."""
    caution = _caution(pack)
    groups: dict[tuple, list[Region]] = {}
    for region, results in per_region.items():
        groups.setdefault(tuple(sorted((r for r in results if r[0]), key=caution)), []).append(region)
    rows = [(said.answers_words(pack, qid, regions), list(key)) for key, regions in groups.items()]
    return sorted(rows, key=lambda row: [tuple(-x for x in caution(r)[:2]) for r in row[1]])


def _dependence(pack: Pack, qid: str, rows: list[tuple]) -> Dependence:
    return Dependence.model_construct(question=qid, title=_title(pack, qid), by_answer=[
        AnswerOutcomes.model_construct(answer=a, outcomes=list(dict.fromkeys(o for o, _ in results)))
        for a, results in rows])


def _title(pack: Pack, qid: str) -> str:
    return pack.questionnaire.questions[qid].title


def _quoted(pack: Pack, qid: str) -> str:
    return said._quoted(pack, qid)


def cautious_outcome(case: Case, pack: Pack, matcher: Matcher = EXACT) -> str | None:
    """The outcome evaluate() recommends, worked out by ``matcher`` alone: searches that
    try many answers (what would change it) check each with this."""
    if missing_ids(case, pack.questionnaire):
        return None
    table = explore(case, pack, matcher, outcome_only=True) if case.unknown else None
    if table is None or not table.plan.questions:
        answers = relevant_from(case.answers, pack.questionnaire)
        return outcome_of(pack, answers, _fired(matcher, _rules(pack), answers))
    if not table.rows:
        return _beyond_limit_outcome(pack, relevant_from(case.answers, pack.questionnaire), matcher)
    order: list[str] = list(pack.settings.outcomes)
    return max((o for _, o, _ in table.rows if o), key=order.index, default=None)


def _beyond_limit_outcome(pack: Pack, answers: dict, matcher: Matcher) -> str:
    fired = _fired(matcher, _rules(pack), answers)
    cautious = pack.settings.outcomes[-1]
    blocked = any(a.word == "unavailable" and a.value == cautious
                  for r in pack.rules if r.id in fired for a in r.actions)
    return pack.settings.fallback if blocked else cautious
