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

from dataclasses import dataclass, field

from leadfit.errors import EngineError
from leadfit.forms import conditions
from leadfit.forms.case import Case, follow_ups, relevant_from
from leadfit.forms.case import missing as missing_ids
from leadfit.rules.runtime import unknowns_words as said
from leadfit.rules.runtime.answer_space import Region, reading
from leadfit.rules.runtime.assess import decision_of, evaluate_known, outcome_of
from leadfit.rules.runtime import parts as by_parts
from leadfit.rules.runtime.follow_ups import NOT_ASKED, Exploring, also_needed, exploring
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
    before the appointment), [] past LIMIT or when only the outcomes were asked for
    (``results``: each (outcome, steps before) found); ``size`` how many combinations there are."""

    plan: Exploring
    rows: list[tuple]
    size: int
    results: set = field(default_factory=set)

    @property
    def explored(self) -> list[str]:  # the case's own unknowns (follow-ups are said with them)
        return list(self.plan.questions[:self.plan.own])

    @property
    def too_many(self) -> bool:
        return bool(self.plan.questions) and self.size > LIMIT


def explore(case: Case, pack: Pack, matcher: Matcher = EXACT, firings: list | None = None,
            outcome_only: bool = False, beyond: str | None = None) -> Table:
    """Every combination's outcome (and, under ``unknowns_version: 2`` unless ``outcome_only``,
    the steps due before the appointment), part by part (rules/runtime/parts.py).
    ``firings``, when given, receives each combination's matching rule ids.
    ``outcome_only``: no rows, only the results found (each class of rules decided once),
    stopping at the first more cautious than ``beyond`` (a search asking for it)."""
    plan, found, size, unaffected = _walked(case, pack)
    if size > LIMIT:
        return Table(plan, [], size)
    base = relevant_from(case.answers, pack.questionnaire)
    steady = by_parts.fired(matcher, _rules(pack, unaffected), base)
    steps = pack.settings.unknowns_version >= 2 and not outcome_only
    decided = by_parts.decisions(pack, steps)  # the rules matched -> (outcome, steps before)

    def result(rules: frozenset, values) -> tuple:  # ``values()``: answers that match them
        known = decided.get(rules)
        if known is None:  # the outcome and its steps follow from the rules matched alone
            answers = relevant_from({**case.answers, **values()}, pack.questionnaire)
            outcome = outcome_of(pack, answers, rules)
            known = decided[rules] = (outcome, _before(pack, rules, outcome) if steps else ())
        return known
    if outcome_only:
        return Table(plan, [], size, by_parts.results(pack, case, found, matcher, steady, result, beyond))
    for part in found:
        by_parts.classify(case, pack, part, matcher)
    rows: list[tuple] = []
    union: dict[tuple, frozenset] = {}
    for combo, key in by_parts.rows_of(plan, found):
        rules = union.get(key)
        if rules is None:
            rules = union[key] = by_parts.union(found, key, steady)
        rows.append((combo, *result(rules, lambda: values_of(case, plan, combo))))
        if firings is not None:
            firings.append(rules)
    return Table(plan, rows, size)


def _walked(case: Case, pack: Pack) -> tuple[Exploring, list, int, tuple]:
    """The plan, its parts walked (each at most past LIMIT: a count past it is known without
    walking it), how many combinations they make, and the rules no answer not known moves."""
    space = reading(pack)
    plan = exploring(case, pack, space)
    affected, unaffected = space.split(plan.questions)
    found = by_parts.parts(case, pack, plan, space, affected)
    size = 1
    for part in found:
        size *= by_parts.walk(case, plan, part, LIMIT)
    return plan, found, size, unaffected


def size_of(case: Case, pack: Pack) -> int:
    """How many combinations of the answers not known exploring ``case`` would meet."""
    return _walked(case, pack)[2] if case.unknown else 1


def matter_most(case: Case, pack: Pack, info: UnknownAnswers | None, most: int = 3) -> list[str]:
    """The answers not known worth finding out first: those the result depends on; where that
    is not known (too many combinations), those the most rules that move the outcome read."""
    if info is not None and info.depends_on:
        return [d.question for d in info.depends_on][:most]
    space = reading(pack)
    explored = [q for q in exploring(case, pack, space).questions if q in case.unknown]
    return sorted(explored, key=lambda q: -len(space.rules_reading.get(q, ())))[:most]


def _before(pack: Pack, fired: set | frozenset, outcome: str | None) -> tuple[str, ...]:
    """The steps due before the appointment the plan would hold (rules/runtime/plan_steps.py):
    asked for first by a fired rule, possible here, and only where someone is appointed."""
    if outcome not in _APPOINTING:
        return ()
    cannot = {a.value for r in pack.rules if r.id in fired for a in r.actions if a.word == "unavailable"}
    due = {a.value for r in pack.rules if r.id in fired for a in r.actions if a.word == "precondition"}
    return tuple(sorted(due - cannot))


_rules, _fired = by_parts.rules_of, by_parts.fired


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
    too_many = table.too_many
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
        summary=said.summary(pack, case.unknown, explored, too_many, results, deps, table.size, LIMIT,
                             matter_most(case, pack, None) if too_many else []),
        outcomes=outcomes, depends_on=[_dependence(pack, q, rows_) for q, rows_ in deps],
        combinations=table.size, limit=LIMIT,
        decided_by=said.decided_by(pack, case.unknown, worst_words, explored, too_many, len(results) > 1,
                                   worst_case))
    always = set.intersection(*(set(b) for _, _, b in rows)) if rows else set()
    return _combine(pack, case, known, decided, info, _certain(pack, list(set(firings))), decider, also, always)


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
                                 {d.question for d in info.depends_on}, also, info.verdict == "too_many")
    findings = list(with_outcome.findings) + unverified
    # 3 (2.8): a hire whatever the answers not known are needs nothing found out from the candidate
    settled_hire = (pack.settings.unknowns_version >= 3 and info.verdict == "holds"
                    and with_outcome.outcome is not None and with_outcome.outcome not in _APPOINTING)
    mitigations = (list(with_outcome.mitigations) if settled_hire
                   else said.with_find_out(pack, with_outcome.mitigations, unverified, also,
                                           case.answers.get("org.interviewed_as_external") is True))
    why_not = dict(decided.why_not)
    for outcome in info.outcomes[:-1]:  # possible, but only if the unknowns turn out well
        why_not[outcome] = ["Possible, but not while answers are not known: "
                            + not_known_reason(info.summary, pack.settings.words_version)]
    allowed_for = pack.settings.unknowns_risk != "known" and info.verdict == "depends"
    notes = list(with_outcome.notes) + (said.allowed_for(pack, with_outcome, decided, unverified)
                                        if allowed_for else
                                        said.unscored(pack, with_outcome, decided, unverified))
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
    codes = [tuple(map(id, combo[:plan.own])) for combo, _, _ in rows]  # a class is its domain's
    results = [key(o, b) for _, o, b in rows]
    for i in range(plan.own):
        qid = plan.questions[i]
        contexts: dict[tuple, set] = {}
        for code, result in zip(codes, results):
            contexts.setdefault(code[:i] + code[i + 1:], set()).add(result)
        if all(len(seen) == 1 for seen in contexts.values()):
            continue
        by_id: dict[int, set] = {}
        for code, result in zip(codes, results):
            by_id.setdefault(code[i], set()).add(result)
        region = {id(r): r for r in plan.domains[i]}
        per_region: dict[Region, set] = {region[k]: v for k, v in by_id.items()}
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


def cautious_outcome(case: Case, pack: Pack, matcher: Matcher = EXACT, beyond: str | None = None) -> str | None:
    """The outcome evaluate() recommends, worked out by ``matcher`` alone: searches that
    try many answers (what would change it) check each with this. With ``beyond``, an outcome
    more cautious than it may be given as soon as one is found (it is not ``beyond``, and
    the recommendation is at least that cautious)."""
    if missing_ids(case, pack.questionnaire):
        return None
    table = explore(case, pack, matcher, outcome_only=True, beyond=beyond) if case.unknown else None
    if table is None or not table.plan.questions:
        answers = relevant_from(case.answers, pack.questionnaire)
        return outcome_of(pack, answers, _fired(matcher, _rules(pack), answers))
    if table.too_many:
        return _beyond_limit_outcome(pack, relevant_from(case.answers, pack.questionnaire), matcher)
    order: list[str] = list(pack.settings.outcomes)
    return max((o for o, _ in table.results if o), key=order.index, default=None)


def _beyond_limit_outcome(pack: Pack, answers: dict, matcher: Matcher) -> str:
    fired = _fired(matcher, _rules(pack), answers)
    cautious = pack.settings.outcomes[-1]
    blocked = any(a.word == "unavailable" and a.value == cautious
                  for r in pack.rules if r.id in fired for a in r.actions)
    return pack.settings.fallback if blocked else cautious
