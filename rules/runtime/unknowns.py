"""Answers "Not known": the outcome under every answer the rules could read.

Every unknown answer that an outcome rule reads is explored, one answer per
class the pack's conditions tell apart (rules/runtime/answer_space.py). Either the
outcome is the same for all of them (it *holds*), or it *depends*; the
recommendation is then the pack's most cautious outcome among them, so appoint
is never recommended while an unknown answer could change it.

Each combination is matched by the exact matcher (rules/runtime/matching.py, the
engine's oracle), re-checking only the rules that read an unknown. The outcome
itself is decided by the engine of record (or the matcher evaluate() was given)
on the known answers plus the combination that gives the most cautious outcome;
if it disagrees with the oracle, that is an error.
Past LIMIT combinations nothing is guessed: the pack's most cautious outcome
is taken (its fallback where that is not possible here), and the summary says so.
"""

from __future__ import annotations

import itertools

from leadfit.errors import EngineError
from leadfit.forms.case import Case, relevant_from
from leadfit.forms.case import missing as missing_ids
from leadfit.rules.runtime.answer_space import Region, merged_words, reading
from leadfit.rules.runtime.assess import decision_of, evaluate_known, outcome_of
from leadfit.rules.runtime.merged import SEVERITY_ORDER
from leadfit.rules.model.assessment import (
    AnswerOutcomes,
    Assessment,
    Cause,
    Dependence,
    Finding,
    Mitigation,
    UnknownAnswers,
)
from leadfit.rules.runtime.matching import EXACT, Matcher
from leadfit.rules.runtime.summary import riskiest
from leadfit.rules.model.pack import Pack
from leadfit.words import (
    decided_by_words,
    depends_note_words,
    depends_words,
    joined,
    not_known_reason,
    quoted,
)

LIMIT = 4096
FIND_OUT = "M3"  # interview as an external candidate would be: how a reader finds out


def explore(case: Case, pack: Pack, matcher: Matcher = EXACT, firings: list | None = None
            ) -> tuple[list, list[tuple]]:
    """(explored question ids, [(combination of Regions, outcome)]), or (ids, []) past LIMIT.
    ``firings``, when given, receives each combination's matching rule ids."""
    space = reading(pack)
    explored = [q.id for q in pack.questionnaire.asked if q.id in case.unknown and q.id in space.regions]
    domains = [space.regions[q] for q in explored]
    if _size(domains) > LIMIT:
        return explored, []
    affected, unaffected = space.split(tuple(explored))
    base = relevant_from(case.answers, pack.questionnaire)
    steady = _fired(matcher, pack, base, unaffected)
    plain = not (set(explored) & space.steering)  # nothing asked or derived depends on them
    table = []
    for combo in itertools.product(*domains):
        values = {q: r.value for q, r in zip(explored, combo)}
        answers = {**base, **values} if plain else relevant_from({**case.answers, **values},
                                                                 pack.questionnaire)
        fired = steady | _fired(matcher, pack, answers, affected)
        table.append((combo, outcome_of(pack, answers, fired)))
        if firings is not None:
            firings.append(fired)
    return explored, table


def _fired(matcher: Matcher, pack: Pack, answers: dict, rules: tuple) -> set[str]:
    """The ids of ``rules`` (some of the pack's) that ``answers`` meet."""
    key = f"{pack.fingerprint}:{len(rules)}:{hash(tuple(r.id for r in rules)) & 0xFFFFFFFF:x}"
    return set(matcher.evaluate(key, ((r.id, r.condition) for r in rules), answers))


def with_unknowns(case: Case, pack: Pack, known: Assessment, matcher: Matcher = EXACT,
                  decider: Matcher | None = None) -> Assessment:
    """``known`` (``decider``, default the engine of record, on the known answers) with the
    unknowns explored by ``matcher`` and the outcome decided by ``decider`` on the most
    cautious combination."""
    firings: list[set] = []
    explored, table = explore(case, pack, matcher, firings)
    order: list[str] = list(pack.settings.outcomes)
    outcomes = sorted({o for _, o in table if o}, key=order.index)
    combos = _size([reading(pack).regions[q] for q in explored])
    worst_case = pack.settings.unknowns_risk == "worst_allowed_for"
    if explored and not table:
        decided, worst_words = _beyond_limit(case, pack, known, decider), ""
    elif outcomes:
        at = [i for i, (_, o) in enumerate(table) if o == outcomes[-1]]
        if worst_case and len(at) > 1:  # 2.6: of the answers that give it, the riskiest, not the first
            at = [at[riskiest(pack, [firings[i] for i in at])]]
        worst = table[at[0]][0]
        extra = {q: r.value for q, r in zip(explored, worst)}
        decided = evaluate_known(case, pack, extra, matcher=decider)
        if decided.outcome != outcomes[-1]:
            raise EngineError(f"the engine gave {decided.outcome} where the condition evaluator gave"
                              f" {outcomes[-1]} for the same answers; please report this")
        worst_words = _and([f"{_quoted(pack, q)} answered {_answer(pack, q, r)}"
                            for q, r in zip(explored, worst)])
    else:
        decided, worst_words = known, ""
    deps = _dependences(pack, explored, table)
    info = UnknownAnswers.model_construct(
        questions=[q.id for q in pack.questionnaire.asked if q.id in case.unknown],
        explored=explored, verdict=_verdict(explored, table, outcomes),
        summary=_summary(pack, case, explored, table, outcomes, deps, combos),
        outcomes=outcomes, depends_on=deps, combinations=combos, limit=LIMIT,
        decided_by=_decided_by(pack, case, worst_words, explored, table, outcomes, worst_case))
    return _combine(pack, case, known, decided, info, _certain(pack, firings), decider)


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
        said = (f"{cat.title(cautious)} would be advised, but it is not possible here."
                f" {cat.title(fallback)} is advised instead, at higher risk.")
        return evaluate_known(case, pack, decided=(fallback, [said], True), fired_ids=known.rules_fired,
                              matcher=decider)
    return evaluate_known(case, pack, decided=(cautious, [], False), fired_ids=known.rules_fired,
                          matcher=decider)


def _unavailable(pack: Pack, known: Assessment) -> list[str]:
    fired = set(known.rules_fired)
    return [a.value for r in pack.rules if r.id in fired for a in r.actions if a.word == "unavailable"]


def _combine(pack: Pack, case: Case, known: Assessment, decided: Assessment,
             info: UnknownAnswers, certain: dict[str, str], decider: Matcher | None) -> Assessment:
    """The known answers' findings and plan, findings raised whatever the unknowns are,
    the decided outcome, and what is unverified."""
    have = {f.id for f in known.findings}
    sure = [_as_certain(f, certain[f.id], case) for f in decided.findings
            if f.id in certain and f.id not in have]
    sure = list({f.id: f for f in sure}.values())
    with_outcome = evaluate_known(case, pack, decided=decision_of(decided), certain=sure,
                                  fired_ids=known.rules_fired, matcher=decider)
    unverified = _unverified(pack, case, info)
    findings = list(with_outcome.findings) + unverified
    mitigations = _with_find_out(pack, with_outcome.mitigations, unverified)
    why_not = dict(decided.why_not)
    for outcome in info.outcomes[:-1]:  # possible, but only if the unknowns turn out well
        why_not[outcome] = ["Possible, but not while answers are not known: "
                            + not_known_reason(info.summary, pack.settings.words_version)]
    allowed_for = pack.settings.unknowns_risk != "known" and info.verdict == "depends"
    notes = list(with_outcome.notes) + (_allowed_for(with_outcome, decided, unverified) if allowed_for
                                        else _unscored(pack, with_outcome, decided, unverified))
    risk = decided.risk if allowed_for else with_outcome.risk
    title = with_outcome.outcome_title
    if (pack.settings.words_version >= 3 and info.verdict == "depends"
            and with_outcome.outcome in pack.settings.outcome_notes and notes):
        notes[0] = depends_note_words(notes[0])  # its outcome's note: nothing is decided yet (3.4)
    if pack.settings.title_if_depends and info.verdict == "depends" and title:
        # 2.4: finding out leads the headline; the cautious outcome stays beneath it
        title = pack.settings.title_if_depends.replace("{outcome}", title)
    return with_outcome.model_copy(update={"findings": findings, "mitigations": mitigations,
                                           "why_not": why_not, "unknowns": info, "notes": notes,
                                           "risk": risk, "outcome_title": title})


def _allowed_for(shown: Assessment, worst: Assessment, unverified: list[Finding]) -> list[str]:
    """The pack shows the risk of the case its cautious recommendation allows for (2.3): a
    hire beside a medium risk reads as if the hire were for what is known. Said in words,
    with what the known answers alone score."""
    asked = joined([quoted(f.because[0].title) for f in unverified if f.severity == "high"])
    said = (f"The risk is that of the case the recommendation allows for: the answers not known"
            f" ({asked}) turning out badly.")
    if (worst.risk.level, worst.risk.score) != (shown.risk.level, shown.risk.score):
        said += (f" Counting only what is known, it is {shown.risk.level} (score"
                 f" {shown.risk.score}); find out before deciding.")
    return [said]


def _unscored(pack: Pack, shown: Assessment, worst: Assessment, unverified: list[Finding]) -> list[str]:
    """The risk scores what is known; the article gives no weight to what nobody has checked,
    so the unverified findings are not scored, and the reader is told so, with the risk if
    the answers not known turn out as the recommendation allows for."""
    if not unverified:
        return []
    asked = joined([quoted(f.because[0].title) for f in unverified])
    said = (f"The risk counts only what is known: the answers not known ({asked}) are not"
            " scored.")
    if (worst.risk.level, worst.risk.score) != (shown.risk.level, shown.risk.score):
        said += (f" If they turn out badly (the case the recommendation allows for), the risk is"
                 f" {worst.risk.level} (score {worst.risk.score}).")
    return [said]


def _as_certain(finding: Finding, severity: str, case: Case) -> Finding:
    causes = [c if c.question not in case.unknown else c.model_copy(update={"answer": "not known"})
              for c in finding.because]
    return finding.model_copy(update={"severity": severity, "because": causes})


def _unverified(pack: Pack, case: Case, info: UnknownAnswers) -> list[Finding]:
    moves = {d.question for d in info.depends_on}
    out: list[Finding] = []
    for index, qid in enumerate(info.questions, 1):
        question = pack.questionnaire.questions[qid]
        if qid not in info.explored:
            continue  # no rule that moves the outcome reads it
        if pack.settings.words_version >= 3:  # U1, U2, U3 as a person reads them (3.11)
            index = len(out) + 1
        changes = qid in moves
        summary = ("Not known, and the outcome depends on it: find out before deciding."
                   if changes else "Not known; the outcome holds either way, but find out.")
        out.append(Finding.model_construct(
            id=f"U{index}", title=f"Unverified: {question.title}",
            severity="high" if changes else "low", rule="not-known-answers", layer=pack.label,
            summary=summary, because=[Cause.model_construct(question=qid, title=question.title,
                                                            answer="not known")]))
    return out


def _with_find_out(pack: Pack, mitigations: list[Mitigation], unverified: list[Finding]) -> list:
    if not unverified:
        return list(mitigations)
    because = [f"Find out: {f.because[0].title}" for f in unverified]
    out = [m for m in mitigations if m.id != FIND_OUT]
    old = next((m for m in mitigations if m.id == FIND_OUT), None)
    entry = pack.catalogue.entries[FIND_OUT]
    out.append(Mitigation.model_construct(
        id=FIND_OUT, title=pack.catalogue.title(FIND_OUT), meaning=entry.meaning,
        rules=(old.rules if old else []) + ["not-known-answers"],
        layers=sorted(set((old.layers if old else []) + [pack.label])),
        because=(old.because if old else []) + because))
    return sorted(out, key=lambda m: (m.id[0], int(m.id[1:]) if m.id[1:].isdigit() else 0))


def _dependences(pack: Pack, explored: list[str], table: list[tuple]) -> list[Dependence]:
    """For each explored unknown whose answer alone can move the outcome: outcomes per answer."""
    out = []
    for i, qid in enumerate(explored):
        contexts: dict[tuple, set] = {}
        for combo, outcome in table:
            contexts.setdefault(combo[:i] + combo[i + 1:], set()).add(outcome)
        if all(len(seen) == 1 for seen in contexts.values()):
            continue
        per_region: dict[Region, set] = {}
        for combo, outcome in table:
            per_region.setdefault(combo[i], set()).add(outcome)
        out.append(Dependence.model_construct(question=qid, title=_title(pack, qid),
                                              by_answer=_grouped(pack, qid, per_region)))
    return out


def _grouped(pack: Pack, qid: str, per_region: dict) -> list[AnswerOutcomes]:
    """Answers with the same outcomes said once ('if 3 or more: ...'), most cautious first."""
    order: list[str] = list(pack.settings.outcomes)
    groups: dict[tuple, list[Region]] = {}
    for region, outcomes in per_region.items():
        key = tuple(sorted((o for o in outcomes if o), key=order.index))
        groups.setdefault(key, []).append(region)
    question = pack.questionnaire.questions[qid]
    rows = [AnswerOutcomes.model_construct(answer=_answers(pack, qid, regions), outcomes=list(key))
            for key, regions in groups.items()]
    return sorted(rows, key=lambda r: [-order.index(o) for o in r.outcomes])


def _answers(pack: Pack, qid: str, regions: list[Region]) -> str:
    question = pack.questionnaire.questions[qid]
    if question.type == "choice":
        return _or([quoted(r.words) for r in regions])
    return merged_words(question, regions)


def _verdict(explored, table, outcomes) -> str:
    if explored and not table:
        return "too_many"
    return "depends" if len(outcomes) > 1 else "holds"


def _summary(pack: Pack, case: Case, explored, table, outcomes, deps, combos) -> str:
    cat = pack.catalogue
    names = [_quoted(pack, q) for q in pack.questionnaire.questions if q in case.unknown]
    if explored and not table:
        return (f"{combos} combinations of the answers not known is more than the {LIMIT} LeadFit"
                " explores, so it takes the pack's most cautious outcome.")
    if len(outcomes) <= 1:
        return f"The recommendation holds whatever the answers to {_and(names)} are."
    if deps and pack.settings.words_version >= 3:  # reader 3.4: a third shorter, said once
        return depends_words([cat.title(o) for o in outcomes], [
            (_quoted(pack, d.question), [(r.answer, [cat.title(o) for o in r.outcomes])
                                         for r in d.by_answer]) for d in deps])
    parts = []
    for d in deps:
        cases = "; ".join(f"if {r.answer}, {_or([cat.title(o) for o in r.outcomes])}"
                          + (", depending on the other answers not known" if len(r.outcomes) > 1 else "")
                          for r in d.by_answer)
        parts.append(f"{_quoted(pack, d.question)}: {cases}")
    if not parts:  # only a combination moves it
        said = (f"It depends on {_and([_quoted(pack, q) for q in explored])} together: they can lead"
                f" to {_or([cat.title(o) for o in outcomes])}.")
    else:
        said = "It depends on " + ". It also depends on ".join(parts) + "."
    moving = {d.question for d in deps} if parts else set(explored)
    still = [_quoted(pack, q) for q in pack.questionnaire.questions if q in case.unknown and q not in moving]
    return said + (f" It does not depend on {_and(still)}." if still else "")


def _decided_by(pack: Pack, case: Case, worst_words: str, explored, table, outcomes,
                riskiest: bool = False) -> str:
    if worst_words and pack.settings.words_version >= 3:  # reader 3.11
        unread = [_quoted(pack, q.id) for q in pack.questionnaire.asked
                  if q.id in case.unknown and q.id not in explored]
        return decided_by_words(worst_words, len(outcomes) > 1, unread, riskiest)
    if explored and not table:
        return "The engine evaluated the known answers; the outcome is the pack's most cautious."
    if not worst_words:
        return "The engine evaluated the known answers; no rule that moves the outcome reads the rest."
    return (f"The engine evaluated the known answers with {worst_words}: the answers not known"
            " that give the most cautious outcome.")


def _answer(pack: Pack, qid: str, region: Region) -> str:
    return quoted(region.words) if pack.questionnaire.questions[qid].type == "choice" else region.words


def _title(pack: Pack, qid: str) -> str:
    return pack.questionnaire.questions[qid].title


def _quoted(pack: Pack, qid: str) -> str:
    return quoted(_title(pack, qid))


def _and(items: list[str]) -> str:
    return joined(items, "and")


def _or(items: list[str]) -> str:
    return joined(items, "or")


def _size(domains) -> int:
    n = 1
    for d in domains:
        n *= len(d)
    return n


def cautious_outcome(case: Case, pack: Pack, matcher: Matcher = EXACT) -> str | None:
    """The outcome evaluate() recommends, worked out by ``matcher`` alone: searches that
    try many answers (what would change it) check each with this."""
    if missing_ids(case, pack.questionnaire):
        return None
    explored, table = explore(case, pack, matcher) if case.unknown else ([], [])
    if not explored:
        answers = relevant_from(case.answers, pack.questionnaire)
        return outcome_of(pack, answers, _fired(matcher, pack, answers, pack.rules))
    if not table:
        return _beyond_limit_outcome(pack, relevant_from(case.answers, pack.questionnaire), matcher)
    order: list[str] = list(pack.settings.outcomes)
    return max((o for _, o in table if o), key=order.index, default=None)


def _beyond_limit_outcome(pack: Pack, answers: dict, matcher: Matcher) -> str:
    fired = _fired(matcher, pack, answers, pack.rules)
    cautious = pack.settings.outcomes[-1]
    blocked = any(a.word == "unavailable" and a.value == cautious
                  for r in pack.rules if r.id in fired for a in r.actions)
    return pack.settings.fallback if blocked else cautious
