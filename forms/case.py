"""A validated Case: typed answers to the questionnaire, and what is missing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from leadfit.errors import InputError, PackError, Problem
from leadfit.forms import conditions
from leadfit.forms.answers import UNKNOWN, BadAnswer, clean
from leadfit.forms.migrate import guess_version, migrate_answers
from leadfit.forms.questionnaire import NOT_KNOWN, Questionnaire, known_versions
from leadfit.plain import Plain
from leadfit.suggest import did_you_mean
from leadfit.yamlsafe import load_file

AnswerValue = bool | int | float | date | str


class Case(Plain):
    """Answers that passed validation. Unanswered questions are absent; questions
    answered "Not known" are in ``unknown`` (answered, so not missing, but no value).
    A plain model (leadfit/plain.py): ``Case(...)`` validates through pydantic, the
    questionnaire's cleaning (build_case) without it."""

    answers: dict[str, AnswerValue]
    unknown: tuple[str, ...] = ()

    def answer(self, question_id: str) -> AnswerValue | None:
        return self.answers.get(question_id)

    def to_data(self) -> dict[str, Any]:
        """Plain, ordered data (dates as ISO text, "not known" as its words) for files,
        records and hashes. A case without unknowns gives exactly what it always did."""
        data = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.answers.items()}
        data.update({k: NOT_KNOWN for k in self.unknown})
        return dict(sorted(data.items()))

    def with_answers(self, changes: Mapping[str, Any]) -> Case:
        """A copy with some answers set (None: cleared); each changed one is known now."""
        answers = {**self.answers, **changes}
        return checked_case({k: v for k, v in answers.items() if v is not None},
                            tuple(q for q in self.unknown if q not in changes))


def checked_case(answers: dict[str, AnswerValue], unknown: tuple[str, ...] = ()) -> Case:
    """The Case of answers the questionnaire's cleaning has typed already (build_case): that
    cleaning is the one validator, so pydantic's is not run again (and never imported:
    `leadfit evaluate` starts without it). Equal to ``Case(answers=..., unknown=...)``;
    tests/test_evaluate_fast.py holds it so over generated cases."""
    return Case.model_construct(answers=answers, unknown=unknown)


def build_case(raw: Mapping[str, Any], questionnaire: Questionnaire, source: str = "answers",
               line_of=lambda key: None) -> Case:
    """Validate raw answers; raise InputError naming every bad field at once
    (``line_of(key)``: where the answer is in ``source``, for a file)."""
    if not isinstance(raw, Mapping):
        raise InputError([Problem("answers must be a mapping of question id to answer", source)])
    problems: list[Problem] = []
    answers: dict[str, AnswerValue] = {}
    unknown: list[str] = []
    for key, value in raw.items():
        question = questionnaire.questions.get(key)
        if question is None or question.derived_from:
            problems.append(Problem(
                f"unknown question '{key}'{did_you_mean(key, _asked_ids(questionnaire))}", source,
                line_of(key)))
            continue
        try:
            typed = clean(question, value)
        except BadAnswer as exc:
            problems.append(Problem(f"{question.label}: {exc}", source, line_of(key)))
            continue
        if typed is UNKNOWN:
            unknown.append(key)
        elif typed is not None:
            answers[key] = typed
    problems += [Problem(f"{questionnaire.questions[qid].label}: {message}", source, line_of(qid))
                 for qid, message in order_errors(answers, questionnaire).items()]
    if problems:
        raise InputError(problems)
    return checked_case(answers, tuple(sorted(unknown)))


def order_errors(answers: Mapping[str, Any], questionnaire: Questionnaire) -> dict[str, str]:
    """Typed answers that may not come before another (a review before the assessment).

    Returns question id -> message, so a form can mark the field itself.
    """
    errors = {}
    for q in questionnaire.asked:
        if q.not_before is None:
            continue
        earlier = answers.get(q.not_before)
        if earlier is None or answers.get(q.id) is None:
            continue
        title = questionnaire.questions[q.not_before].title.lower()
        if (answers[q.id] - earlier).days < q.min_days_after:
            when = (f"on or after {title}" if q.min_days_after == 0 else f"after {title}"
                    if q.min_days_after == 1 else f"at least {q.min_days_after} days after {title}")
            errors[q.id] = f"must be {when} ({earlier.isoformat()}), got {answers[q.id].isoformat()}"
    return errors


def _asked_ids(questionnaire: Questionnaire) -> list[str]:
    return [q.id for q in questionnaire.asked]


def relevant_answers(case: Case, questionnaire: Questionnaire) -> dict[str, Any]:
    """Answers to questions that are asked, plus derived facts, by id.

    An answer to a question whose ask_if is false is kept in the case but
    not used: the person was not asked it.
    """
    return relevant_from(case.answers, questionnaire)


def relevant_from(answers: Mapping[str, Any], questionnaire: Questionnaire) -> dict[str, Any]:
    """relevant_answers over plain answers (id -> typed value), e.g. one explored assignment."""
    asked, gated = questionnaire.asked_if  # is_asked(q, answers), inlined: every evaluation runs this
    used = {qid: answers[qid] for qid in asked if qid in answers}
    for qid, ask_if in gated:  # form order: a follow-up of a question not asked is not asked
        if qid in used and not ask_if(used):
            del used[qid]
    for q in questionnaire.derived_facts:
        value = derive(q, used)
        if value is not None:
            used[q.id] = value
    return used


def is_asked(question, answers: Mapping[str, Any], unknown=()) -> bool:
    """Whether the question is asked. With ``unknown`` question ids: whether it
    may be, for some answer to them (so it is asked, and explored, in case)."""
    if question.ask_if is None or conditions.evaluate(question.ask_if, answers):
        return True
    return any(q in unknown for q in conditions.questions_in(question.ask_if))


def missing(case: Case, questionnaire: Questionnaire) -> list[str]:
    """Ids of required, possibly asked questions without an answer, in form order.
    "Not known" is an answer: those questions are never missing, nor are their follow-ups."""
    answers, unknown = case.answers, case.unknown
    if questionnaire.required_ids <= answers.keys():  # the usual case: every one answered
        return []
    later = follow_ups(case, questionnaire) if unknown else ()
    relevant: Mapping[str, Any] | None = None  # what is asked, once needed: a follow-up of a
    found = []                                 # question no longer asked is not asked either
    for q in questionnaire.required:
        if q.id in answers or q.id in unknown or q.id in later:
            continue
        if q.ask_if is not None:
            relevant = relevant_from(answers, questionnaire) if relevant is None else relevant
            if not is_asked(q, relevant, unknown):
                continue
        found.append(q.id)
    return found


def follow_ups(case: Case, questionnaire: Questionnaire) -> tuple[str, ...]:
    """Required questions left unanswered that are asked only for some answers to one not known
    (the plan to reduce the former role, when the share kept is not known), or to another such
    question (the plan's target share, when the plan is not known), in form order.

    They are not missing: nobody can say what a plan that may not exist aims at, so demanding
    it would make them invent one. Exploring the answers not known takes them as not known
    wherever they would be asked (rules/runtime/follow_ups.py)."""
    if not case.unknown:
        return ()
    hanging, found = set(case.unknown), []
    for q in questionnaire.required:
        if q.ask_if is None or q.id in case.answers or q.id in hanging:
            continue
        if any(source in hanging for source in conditions.questions_in(q.ask_if)):
            hanging.add(q.id)
            found.append(q.id)
    return tuple(found)


def derive(question, answers: Mapping[str, Any]) -> Any:
    how, sources = question.derived_from
    values = [answers.get(s) for s in sources]
    if how == "days_between":
        first, last = values
        return (last - first).days if first is not None and last is not None else None
    if how == "any_true":
        known = [v for v in values if v is not None]
        if True in known:
            return True
        return False if known else None
    raise ValueError(f"unknown derivation {how}")


def load_case_file(path: Path, questionnaire: Questionnaire) -> Case:
    """Read CASE.yaml (``answers:`` mapping); every problem names the file."""
    try:
        located = load_file(path)
    except PackError as exc:
        raise InputError(exc.problems) from None
    data = located.data
    if not isinstance(data, dict) or set(data) - {"answers", "questionnaire"} or "answers" not in data:
        raise InputError([Problem(
            "a case file is a mapping with the key 'answers' (and optionally 'questionnaire',"
            f" its version); found: {_what(data)}", str(path))])
    raw = data["answers"] or {}
    raw = _migrated(raw, data.get("questionnaire"), questionnaire.version, str(path))
    return build_case(raw, questionnaire, source=str(path),
                      line_of=lambda key: located.line_of(("answers", key)))


def _migrated(raw: Any, version: Any, target: int, source: str) -> Any:
    """Answers written for an earlier questionnaire, as ``target`` asks them (forms/migrate.py)."""
    if not isinstance(raw, Mapping):
        return raw
    if version is None:
        version = min(guess_version(raw), target)
    if isinstance(version, bool) or not isinstance(version, int) or version not in known_versions():
        raise InputError([Problem(f"questionnaire: must be one of the versions "
                                  f"{', '.join(map(str, known_versions()))}, got {version!r}", source)])
    try:
        return migrate_answers(raw, version, target)
    except ValueError as exc:
        raise InputError([Problem(str(exc), source)]) from None


def _what(data: Any) -> str:
    if isinstance(data, dict):
        return ", ".join(map(str, data)) or "an empty mapping"
    return {type(None): "nothing", list: "a list", str: "plain text"}.get(type(data), "a single value")

