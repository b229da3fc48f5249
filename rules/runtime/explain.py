"""The other outcomes, in words: why each was not recommended, and what would change it.

Shown in the window's panel, by `leadfit evaluate` and in the signed PDF, so
the people who sign see why the other outcomes were rejected. Words only:
no rule ids, question ids or outcome codes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from leadfit.forms.case import Case, is_asked
from leadfit.rules.runtime.answer_space import merged_words
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.assessment import AnswerChange, Alternative, Assessment, ChangeSet
from leadfit.rules.runtime.changes import Found, is_lever, nearest, region_answers
from leadfit.rules.model.pack import Pack
from leadfit.words import (
    NOT_ASKED,
    STEPS_STILL_FIRST,
    could_lead_words,
    joined,
    not_known_reason,
    quoted,
    risk_calls_for_words,
    worse_words,
)


def evaluate_explained(case: Case, pack: Pack) -> Assessment:
    """evaluate(), with every other outcome explained (what people read and sign)."""
    return explain(case, pack, evaluate(case, pack))


def explain(case: Case, pack: Pack, assessment: Assessment) -> Assessment:
    if not assessment.decided:
        return assessment
    return assessment.model_copy(update={"alternatives": alternatives(case, pack, assessment)})


def alternatives(case: Case, pack: Pack, a: Assessment, wanted=None) -> list[Alternative]:
    """Every outcome but the recommended one, explained. ``wanted()`` turning false
    (the answers changed) stops the search: rules.runtime.changes.Superseded."""
    order: list[str] = list(pack.settings.outcomes)
    out = []
    for outcome in order:
        if outcome == a.outcome:
            continue
        title = pack.catalogue.title(outcome)
        search = nearest(case, pack, outcome, wanted=wanted)
        first = _steps_first(pack, a, outcome)
        found = list(search.found)
        # words 6 (2.8): a milder outcome reached only by taking support or the option to hire
        # away is no route to aim for (R2: "a reticence to hire" is why this fails; fresh-eyes #4)
        taken_away = [f for f in found if _takes_away_to_milder(pack, a, outcome, f)]
        if pack.settings.words_version >= 6:
            found = [f for f in found if f not in taken_away]
        sets = [_change_set(case, pack, outcome, title, f, _worse(pack, a, outcome, f), first)
                for f in found]
        levers = None
        if sets and all(f.facts for f in search.found):  # each nearest change needs a fact
            lever_search = nearest(case, pack, outcome, levers_only=True, most=1, wanted=wanted)
            if lever_search.found and not _worse(pack, a, outcome, lever_search.found[0]):
                levers = _change_set(case, pack, outcome, title, lever_search.found[0], False, first)
        out.append(Alternative.model_construct(
            outcome=outcome, title=title, why_not=why_not(pack, a, outcome), nearest=sets,
            levers_only=levers, note=_note(search, sets, outcome, title, bool(taken_away)
                                           and pack.settings.words_version >= 6,
                                           _first(case, pack, a) if search.crowded else "")))
    return out


def why_not(pack: Pack, a: Assessment, outcome: str) -> list[str]:
    """Plain reasons ``outcome`` was not recommended."""
    order: list[str] = list(pack.settings.outcomes)
    fired = [r for r in pack.rules if r.id in set(a.rules_fired)]
    if a.unknowns and a.unknowns.verdict == "depends" and outcome in a.unknowns.outcomes:
        return [could_lead_words(pack.settings.words_version)
                + not_known_reason(a.unknowns.summary, pack.settings.words_version)]
    if a.outcome is not None and order.index(outcome) < order.index(a.outcome):
        stronger = [r for r in fired if any(act.word == "recommend" and order.index(act.value)
                                            > order.index(outcome) for act in r.actions)]
        reasons = (_as_found(a, stronger) if pack.settings.words_version >= 7
                   else [r.summary for r in stronger])
        if a.constraints and not reasons:
            reasons = ["A stronger outcome is needed, but it is not possible here."]
        if not reasons and pack.settings.words_version >= 3 and _risk_calls_for(pack, a, a.outcome):
            reasons = [risk_calls_for_words(a.risk.level, a.risk.score, pack.catalogue.title(a.outcome))]
        elif not reasons and pack.settings.words_version >= 2 and _risk_calls_for(pack, a, a.outcome):
            reasons = [f"The failure modes add up to a risk that calls for"
                       f" '{pack.catalogue.title(a.outcome)}': the risk of appointing the candidate"
                       f" as proposed is {a.risk.level} (score {a.risk.score})."]
        if a.unknowns and a.unknowns.verdict == "too_many":
            reasons.append(a.unknowns.summary)
        return _unique(reasons) or ["A stronger outcome is needed."]
    blocked = [r.summary for r in fired for act in r.actions
               if act.word == "unavailable" and act.value == outcome]
    if blocked:
        return [f"Not possible here: {_lower_first(b)}" for b in _unique(blocked)]
    steps = [f.title for f in a.findings if f.id in pack.settings.compounding_leaves_out]
    if pack.settings.words_version >= 2 and steps and _risk_calls_for(pack, a, outcome):
        named = joined([_lower_first(s) for s in steps])
        if pack.settings.words_version >= 4:  # 2.6: a finding such as "title without the job" is no step
            return [f"The risk as proposed ({a.risk.level}) would call for it only because of findings"
                    f" the steps before the appointment answer: {named}."]
        return [f"The risk as proposed ({a.risk.level}) would call for it only because steps that"
                f" come before the appointment are not yet taken: {named}."]
    if pack.settings.words_version >= 2 and a.preconditions:  # the appointment stands on them
        return ["Nothing in the answers calls for it, provided the steps before the appointment are"
                f" taken first: {joined([_lower_first(p.title) for p in a.preconditions])}."]
    return ["Nothing in the answers calls for it."]


def _as_found(a: Assessment, rules: list) -> list[str]:
    """Words 7 (reader 8.6): each rule's reason as the finding it raises reads in the findings
    (a finding several rules raise once, in the words shown); a rule raising none, by its own
    words. A rule's summary that is no finding shown ("the learning curve is real" where another
    rule's words stand for that finding) is never a reason a reader cannot find."""
    shown = {f.id: f.summary for f in a.findings}
    said: list[str] = []
    for rule in rules:
        ids = [act.value["id"] for act in rule.actions if act.word == "finding"]
        said += [shown[i] for i in ids if i in shown] if ids else [rule.summary]
    return said


def _risk_calls_for(pack: Pack, a: Assessment, outcome: str | None) -> bool:
    """Whether the risk shown sets ``outcome`` (or stronger) as the least outcome."""
    order: list[str] = list(pack.settings.outcomes)
    floor = next((v for k, v in pack.settings.risk_outcomes.items() if k == a.risk.level), None)
    return bool(floor and outcome and order.index(floor) >= order.index(outcome))


TAKEN_AWAY_NOTE = "The nearest change takes support or the option to hire away to lead to"


def _takes_away_to_milder(pack: Pack, a: Assessment, outcome: str, found: Found) -> bool:
    """Whether the change moves a lever off ``lever_values`` (support or an option taken away)
    and leads to an outcome milder than the recommendation: a recipe, never advice."""
    levers = pack.settings.lever_values
    order: list[str] = list(pack.settings.outcomes)
    return (a.outcome is not None and order.index(outcome) < order.index(a.outcome)
            and any(k in levers and not is_lever(pack, k, v) for k, v in found.values.items()))


def _worse(pack: Pack, a: Assessment, outcome: str, found: Found) -> bool:
    """2.4: whether the change makes the situation worse, so it is no route to aim for: it takes
    support or an option away (a lever moved off ``lever_values``), or it leads to a more
    cautious outcome, which only worse answers do (tests/test_judgement_reader4.py holds that
    such a change never lowers the risk, and that no other raises it)."""
    if pack.settings.words_version < 2:
        return False
    levers = pack.settings.lever_values
    if any(k in levers and not is_lever(pack, k, v) for k, v in found.values.items()):
        return True
    order: list[str] = list(pack.settings.outcomes)
    return a.outcome is not None and order.index(outcome) > order.index(a.outcome)


def _steps_first(pack: Pack, a: Assessment, outcome: str) -> bool:
    """Words 3: whether a change leading to ``outcome`` (an appointment) still stands on the
    steps before the appointment this assessment names (reader 3.12)."""
    return (pack.settings.words_version >= 3 and bool(a.preconditions)
            and outcome != pack.settings.outcomes[-1])


def _change_set(case: Case, pack: Pack, outcome: str, title: str, found: Found,
                worse: bool = False, steps_first: bool = False) -> ChangeSet:
    q = pack.questionnaire.questions
    v3 = pack.settings.words_version >= 3
    after = STEPS_STILL_FIRST if steps_first else ""
    changes = []
    for qid in [x.id for x in pack.questionnaire.asked if x.id in found.values]:
        question = q[qid]
        regions = region_answers(case, pack, outcome, found.values, qid)
        if question.type == "choice":
            to = joined([quoted(r.words) for r in regions] or [_shown(question, found.values[qid])], "or")
        else:
            to = merged_words(question, regions) if regions else _shown(question, found.values[qid])
        changes.append(AnswerChange.model_construct(
            question=qid, title=question.title, lever=is_lever(pack, qid, found.values[qid]),
            now="not known" if qid in case.unknown else _now(question, case, v3),
            to=to, value=_plain(found.values[qid])))
    if worse:  # said as what it is: a worse situation, neither advice nor a route (2.4)
        changes = [c.model_copy(update={"lever": False}) for c in changes]
        words = worse_words(title, [f"{quoted(c.title)} were {c.to} (now {c.now})" for c in changes],
                            pack.settings.words_version)
        return ChangeSet.model_construct(changes=changes, words=words)  # no route: nothing to take first
    words = f"Becomes {title} if " + joined([
        f"{quoted(c.title)} is {c.to} (now {c.now}; {'a lever' if c.lever else 'a fact'})"
        for c in changes])
    return ChangeSet.model_construct(changes=changes, words=words + after)


def _now(question, case: Case, v3: bool) -> str:
    """The answer now; words 3: a question the form never put is "not asked" (reader 3.9)."""
    value = case.answers.get(question.id)
    if value is None and v3 and not is_asked(question, case.answers, case.unknown):
        return NOT_ASKED
    return _shown(question, value)


def _note(search, sets, outcome: str, title: str, taken_away: bool = False, first: str = "") -> str:
    if sets:
        return ""
    if taken_away:  # words 6: said once, as no route (leadfit/words.py no_change_words)
        return f"{TAKEN_AWAY_NOTE} {title}."
    if search.crowded:  # too many answers not known to try every change (rules/runtime/tried.py)
        return (f"With so many answers not known, not every change that could lead to {title} was"
                f" tried. Find out {first} first: they matter most.")
    if not search.complete:
        return f"No change of a few answers leading to {title} was found within the search limit."
    return f"No change of up to {_max()} answers leads to {title}."


def _first(case: Case, pack: Pack, a: Assessment) -> str:
    """The answers not known to find out first, in words."""
    from leadfit.rules.runtime.unknowns import matter_most
    return joined([quoted(pack.questionnaire.questions[q].title) for q in matter_most(case, pack, a.unknowns)])


def _max() -> int:
    from leadfit.rules.runtime.changes import MAX_CHANGES
    return MAX_CHANGES


def _shown(question, value: Any) -> str:
    if value is None:
        return "not answered"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if question.type == "choice":
        return quoted(question.options.get(value, str(value)))
    if question.type == "percent":
        return f"{value}%"
    return str(value)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
