"""Checks for the judgement settings of a pack (semantics 2, docs/judgement.md), the
answers of scenarios written ``like`` another, and which settings a fingerprint covers."""

from __future__ import annotations

from typing import Any

from leadfit.errors import Problem
from leadfit.suggest import did_you_mean
from leadfit.rules.model import parameters
from leadfit.rules.model.schema import LATER_SETTINGS, PackSpec
from leadfit.yamlsafe import LocatedData

_NOT_MEANING = {"name", "version", "title", "description", "extends", "disable", "override",
                "wording", "relevance", "questionnaire", "questions"}


def settings_meaning(settings: PackSpec) -> dict:
    """The settings that change what a pack concludes; later settings only when set."""
    data = settings.model_dump(mode="json", exclude=_NOT_MEANING)
    for key in LATER_SETTINGS:
        if key in data and data[key] == PackSpec.plain_defaults[key]:
            del data[key]
    return data


def check_judgement_settings(settings: PackSpec, located: LocatedData, catalogue,
                             questionnaire) -> list[Problem]:
    file, line_of = located.file, located.line_of
    problems = parameters.check_values(settings.parameters, file, line_of)
    mitigations = catalogue.ids("mitigations")

    def mitigation(mid: str, path: tuple, what: str) -> None:
        if mid not in mitigations:
            problems.append(Problem(f"{what}: '{mid}' is not a mitigation{did_you_mean(mid, mitigations)};"
                                    " allowed: " + ", ".join(mitigations), file, line_of(path)))

    def catalogued(fid: str, path: tuple, what: str) -> None:
        known = catalogue.citable
        if fid not in known:
            problems.append(Problem(f"{what}: '{fid}' is not a catalogue ID{did_you_mean(fid, known)}",
                                    file, line_of(path)))

    for outcome, ids in settings.outcome_allows.items():
        for i, mid in enumerate(ids):
            mitigation(mid, ("outcome_allows", outcome, i), f"outcome_allows.{outcome}")
    for outcome, steps in settings.if_unavailable.items():
        for mid in steps:
            mitigation(mid, ("if_unavailable", outcome, mid), f"if_unavailable.{outcome}")
    for outcome, steps in settings.titles_if_unavailable.items():
        for mid in steps:
            mitigation(mid, ("titles_if_unavailable", outcome, mid), f"titles_if_unavailable.{outcome}")
    for i, fid in enumerate(settings.compounding_leaves_out):
        catalogued(fid, ("compounding_leaves_out", i), "compounding_leaves_out")
    for fid in settings.finding_titles:
        catalogued(fid, ("finding_titles", fid), "finding_titles")
    if settings.title_if_depends and settings.title_if_depends.replace("{outcome}", "").count("{") != 0:
        problems.append(Problem("title_if_depends: the only name it may use is {outcome} (the cautious"
                                " outcome's title)", file, line_of(("title_if_depends",))))
    for outcome, headline in settings.titles_if_fallback.items():
        if headline.replace("{outcome}", "").count("{") != 0:
            problems.append(Problem(f"titles_if_fallback.{outcome}: the only name it may use is {{outcome}}"
                                    " (the fallback's title)", file, line_of(("titles_if_fallback", outcome))))
    for qid, words in settings.questions.items():
        problems += _question_words(qid, words, questionnaire, file, line_of(("questions", qid)))
        problems += _blank_words(qid, words, file, line_of)
    for qid, values in settings.lever_values.items():
        problems += _lever_values(qid, values, questionnaire, file, line_of(("lever_values", qid)))
    return problems


def _lever_values(qid: str, values: list, questionnaire, file: str, line: int | None) -> list[Problem]:
    """Each entry names a lever and answers it can take (docs/judgement.md)."""
    question = questionnaire.questions.get(qid)
    if question is None or not question.lever:
        levers = [q.id for q in questionnaire.asked if q.lever]
        return [Problem(f"lever_values.{qid}: not a question the organisation can change"
                        f"{did_you_mean(qid, levers)}; allowed: the questionnaire's levers", file, line)]
    if question.type == "choice":
        allowed, words = list(question.options), ", ".join(question.options)
    elif question.type == "yes_no":
        allowed, words = [True, False], "true, false"
    else:
        return [Problem(f"lever_values.{qid}: only yes/no and choice questions name the answers a"
                        f" lever moves to ('{qid}' is a {question.type.replace('_', ' ')} question)",
                        file, line)]
    return [Problem(f"lever_values.{qid}: '{v}' is not an answer of '{qid}'"
                    f"{did_you_mean(str(v), [str(a) for a in allowed])}; allowed: {words}", file, line)
            for v in values if isinstance(v, bool) != (question.type == "yes_no") or v not in allowed]


def _question_words(qid: str, words, questionnaire, file: str, line: int | None) -> list[Problem]:
    question = questionnaire.questions.get(qid)
    if question is None or question.derived_from:
        asked = [q.id for q in questionnaire.asked]
        return [Problem(f"questions.{qid}: unknown question{did_you_mean(qid, asked)}", file, line)]
    problems = []
    allowed = "a pack may change a question's title, help and option labels"
    if words.type is not None and words.type != question.type:
        kind = question.type.replace("_", "/")
        problems.append(Problem(f"questions.{qid}: {allowed}, not its type ('{qid}' is a"
                                f"{'n' if kind[0] in 'aeiou' else ''} {kind} question; got type"
                                f" '{words.type}')", file, line))
    if words.id is not None and words.id != qid:
        problems.append(Problem(f"questions.{qid}: {allowed}, not its id (got id '{words.id}')",
                                file, line))
    for option in words.options or {}:
        if option not in question.options:
            problems.append(Problem(
                f"questions.{qid}.options: '{option}' is not an option of '{qid}'"
                f"{did_you_mean(option, question.options)}; {allowed}, not its options: "
                + (", ".join(question.options) or "it has none"), file, line))
    return problems


def _blank_words(qid: str, words, file: str, line_of) -> list[Problem]:
    """A title or option label the form would show as nothing: the person filling it in
    could not tell what is asked or which answer they pick."""
    said = [("title", words.title, "the question as the form asks it")]
    said += [(f"options.{o}", label, f"the label the form shows for '{o}'")
             for o, label in (words.options or {}).items()]
    return [Problem(f"questions.{qid}.{key}: it is blank; write {what}, or leave '{key.split('.')[-1]}'"
                    " out to keep the questionnaire's own", file,
                    line_of(("questions", qid) + tuple(key.split(".")))
                    or line_of(("questions", qid)))
            for key, text, what in said if isinstance(text, str) and not text.strip()]


def scenario_answers(specs, located: LocatedData, problems: list[Problem],
                     earlier: tuple = ()) -> list[dict[str, Any]]:
    """Each scenario's whole answers: ``like`` an earlier one, with its own answers on top
    (an answer of null removes one). ``earlier`` are scenarios of the pack it extends."""
    by_name = {s.name: s.answers for s in earlier}
    out = []
    for i, spec in enumerate(specs):
        answers = dict(spec.answers)
        if spec.like is not None:
            if spec.like not in by_name:
                problems.append(Problem(
                    f"scenario '{spec.name}': like '{spec.like}' names no earlier scenario"
                    f"{did_you_mean(spec.like, by_name)}", located.file,
                    located.line_of(("scenarios", i, "like"))))
            answers = {**by_name.get(spec.like, {}), **answers}
        answers = {k: v for k, v in answers.items() if v is not None}
        by_name[spec.name] = answers
        out.append(answers)
    return out
