"""A rule pack's model and the checks that build it from its files.

rules/model/library.py is the one loader (it reads the folder, finds a base);
rules/model/layers.py applies a client pack's changes to its base. A pack is data: ``pack.yaml`` (settings), ``rules.yaml`` (rules) and an
optional ``scenarios.yaml``. Nothing in it can run code, import, or read a
file outside its own folder. Every problem names file, line and what is
allowed; all problems are reported at once.
"""

from __future__ import annotations

import json
from dataclasses import field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadfit.frozen import frozen
from leadfit.errors import PackError, Problem
from leadfit.forms import conditions
from leadfit.forms.questionnaire import Questionnaire, default_questionnaire, questionnaire_version
from leadfit.rules.model import parameters
from leadfit.rules.model.assessment import pack_label
from leadfit.rules.model.catalogue import Catalogue, default_catalogue
# Building a pack from its files needs the checks below; a compiled pack (what a fresh
# `leadfit evaluate` reads, rules/model/compiled.py) needs none, so they load when used.
if TYPE_CHECKING:
    from leadfit.rules.model.salvage import RuleDraft
from leadfit.rules.model.schema import ActionSpec, PackSpec
from leadfit.suggest import did_you_mean
from leadfit.yamlsafe import LocatedData

PACK_FILES = ("pack.yaml", "rules.yaml", "scenarios.yaml")
_ACTION_KINDS = {"finding": ("failures", "readiness", "mitigations"), "mitigation": ("mitigations",),
                 "signal": ("signals",), "precondition": ("mitigations",),
                 "unavailable": ("mitigations", "outcomes"), "unverified": ("readiness",)}


@frozen
class Action:
    word: str  # finding | mitigation | readiness | signal | recommend | unavailable
    value: Any  # id, outcome, {P: status} or {"id", "severity", "because"}


@frozen
class Rule:
    id: str
    summary: str
    condition: Any
    actions: tuple[Action, ...]
    layer: str
    file: str = ""
    line: int | None = None
    raw_when: Any = None  # as written, parameter references kept (rules/model/parameters.py)

    def cites(self) -> list[str]:
        ids: list[str] = []
        for a in self.actions:
            if a.word == "finding":
                ids.append(a.value["id"])
            elif a.word in ("mitigation", "signal", "precondition"):
                ids.append(a.value)
            elif a.word == "readiness":
                ids += list(a.value)
        return ids

    def to_data(self) -> dict:
        return {"id": self.id, "summary": self.summary, "when": conditions.to_data(self.condition),
                "then": [{a.word: a.value} for a in self.actions]}


@frozen
class Scenario:
    name: str
    answers: dict
    expect: Any
    file: str
    line: int | None
    layer: str = ""
    description: str = ""


@frozen
class Pack:
    name: str
    version: str
    title: str
    description: str
    folder: Path
    settings: PackSpec
    rules: tuple[Rule, ...]
    scenarios: tuple[Scenario, ...]
    questionnaire: Questionnaire
    catalogue: Catalogue
    fingerprint: str
    layers: tuple[str, ...] = field(default=())
    base: Pack | None = field(default=None, compare=False, repr=False)  # the pack it extends
    sources: dict[str, LocatedData] = field(default_factory=dict, compare=False, repr=False)
    # ^ this folder's own files as read (pack.yaml, rules.yaml, scenarios.yaml), with lines

    @property
    def label(self) -> str:
        return pack_label(self.name, self.version)

    @cached_property
    def recommending(self) -> dict[str, list[str]]:
        """Outcome -> 'rule-id: its condition in words' for each rule recommending it.

        Worked out once per pack: every assessment's 'why not' quotes it.
        """
        titles = self.questionnaire.titles()
        out: dict[str, list[str]] = {}
        for r in self.rules:
            for a in r.actions:
                if a.word == "recommend":
                    out.setdefault(a.value, []).append(
                        f"{r.id}: {conditions.describe(r.condition, titles)}")
        return out

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def build_pack(folder: Path, settings: PackSpec, located: dict[str, LocatedData],
               problems: list[Problem] | None = None) -> Pack:
    """A base pack (one that extends nothing) from its parsed pack.yaml and located files.

    ``problems``: those found already (a file that does not parse, a setting that fails);
    every later check still runs and all are raised together."""
    problems = problems if problems is not None else []
    if not (folder / "rules.yaml").exists():
        problems.append(Problem(
            "a rule pack folder needs rules.yaml, or 'extends: <name>@<version>' in pack.yaml"
            " to build on another pack", str(folder)))
    questionnaire = pack_questionnaire(settings)
    catalogue = default_catalogue()
    layer = pack_label(settings.name, settings.version)
    rules: list[Rule] = []
    if "rules.yaml" in located:
        from leadfit.rules.model.salvage import rule_drafts
        rules = build_rules(rule_drafts(located["rules.yaml"], problems), located["rules.yaml"],
                            questionnaire, catalogue, layer, problems, params=settings.parameters)
    pack_file = located["pack.yaml"]
    from leadfit.rules.model import parameters  # a compiled pack never comes here
    problems += parameters.beyond_answers(rules, settings.parameters, set(settings.parameters), questionnaire,
                                          lambda name: (pack_file.file, pack_file.line_of(("parameters", name))),
                                          "rules")
    problems += check_settings(settings, pack_file, catalogue, questionnaire)
    scenarios = build_scenarios(located.get("scenarios.yaml"), layer, problems,
                                questionnaire=questionnaire, catalogue=catalogue)

    def made() -> Pack:
        worded = catalogue.with_wording(_wording(settings))
        relevant = apply_relevance(settings, located["pack.yaml"], questionnaire)
        return assemble(settings, folder, tuple(rules), scenarios, relevant, worded, (layer,),
                        sources=located)
    if problems:
        raise refused(problems, made)
    return made()


def refused(problems: list[Problem], made) -> PackError:
    """The error naming ``problems``, with the pack ``made()`` of what is sound (every
    broken part is already left out or set aside) for lint's checks in the same run."""
    error = PackError(problems)
    try:
        error.salvaged = made()
    except Exception:  # noqa: BLE001 - what is broken may break the making: then there is none
        error.salvaged = None
    return error


def assemble(settings: PackSpec, folder: Path, rules: tuple, scenarios: tuple,
             questionnaire: Questionnaire, catalogue: Catalogue, layers: tuple,
             base: Pack | None = None, sources: dict[str, LocatedData] | None = None) -> Pack:
    fingerprint = compute_fingerprint(settings, rules, questionnaire, catalogue)
    return Pack(settings.name, settings.version, settings.title, settings.description, folder,
                settings, rules, scenarios, questionnaire, catalogue, fingerprint, layers,
                base, dict(sources or {}))


def __getattr__(name: str) -> Any:
    """``load_pack`` moved to rules/model/library.py (the one loader); old imports still work."""
    if name == "load_pack":
        from leadfit.rules.model.library import load_pack
        return load_pack
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def pack_questionnaire(settings: PackSpec) -> Questionnaire:
    """The questionnaire a base pack is written for: its stated version, else the current one."""
    if settings.questionnaire is None:
        return default_questionnaire()
    return questionnaire_version(settings.questionnaire)


def build_rules(drafts: list[RuleDraft], located: LocatedData, questionnaire: Questionnaire,
                catalogue: Catalogue, layer: str, problems: list[Problem], base: tuple = ("rules",),
                params: dict | None = None) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, int | None] = {}
    for index, draft in enumerate(drafts):
        spec, path = draft.spec, base + (index,)
        line = located.line_of(path)
        if spec.id in seen:
            problems.append(Problem(f"rule id '{spec.id}' is used twice (first at line {seen[spec.id]})",
                                    located.file, line))
        seen[spec.id] = line
        rule = build_rule(spec, located, path, questionnaire, catalogue, layer, problems, params or {})
        if rule is not None and not draft.broken:
            rules.append(rule)
    return rules


def build_rule(spec, located: LocatedData, path: tuple, questionnaire: Questionnaire,
               catalogue: Catalogue, layer: str, problems: list[Problem],
               params: dict | None = None) -> Rule | None:
    """One rule, or None with its problems added. Of a rule whose schema failed (see
    rules/model/salvage.py) what could be read is still checked: its ``when`` if it is a
    mapping, and each action that is sound (the others are None)."""
    before = len(problems)
    condition = None
    if spec.when is not None:
        condition = parameters.parse_when(spec.id, spec.when, params or {}, questionnaire.questions,
                                          located.file, located.line_of, path + ("when",), problems)
    actions = []
    for ai, action in enumerate(spec.then):
        if action is None:
            continue
        where = located.line_of(path + ("then", ai))
        problems += check_action(action, spec.id, questionnaire, catalogue, located.file, where)
        actions.append(Action(action.word, _action_value(action)))
    if len(problems) > before or condition is None:
        return None
    return Rule(spec.id, spec.summary, condition, tuple(actions), layer, located.file,
                located.line_of(path), spec.when)


def _action_value(action: ActionSpec) -> Any:
    value = getattr(action, action.word)
    if action.word == "finding":
        return {"id": value.id, "severity": value.severity, "because": value.because}
    if isinstance(value, list):
        return tuple(value)
    return dict(value) if isinstance(value, dict) else value


def check_action(action: ActionSpec, rule_id: str, questionnaire: Questionnaire,
                 catalogue: Catalogue, file: str, line: int | None) -> list[Problem]:
    word = action.word
    value = getattr(action, word)
    ids: list[tuple[str, tuple]] = []
    if word == "finding":
        ids.append((value.id, _ACTION_KINDS["finding"]))
    elif word in ("mitigation", "signal", "precondition", "unavailable"):
        ids.append((value, _ACTION_KINDS[word]))
    elif word in ("readiness", "unverified"):
        ids += [(pid, ("readiness",)) for pid in value]
    problems = [_id_problem(i, kinds, word, rule_id, catalogue, file, line)
                for i, kinds in ids if not _is_kind(i, kinds, catalogue)]
    if word == "finding":
        for qid in value.because or []:
            if qid not in questionnaire.questions:
                problems.append(Problem(
                    f"rule '{rule_id}': 'because' names unknown question '{qid}'"
                    f"{did_you_mean(qid, questionnaire.questions)}", file, line))
    return problems


def _is_kind(item_id: str, kinds: tuple, catalogue: Catalogue) -> bool:
    entry = catalogue.entries.get(item_id)
    return entry is not None and entry.kind in kinds


def _id_problem(item_id, kinds, word, rule_id, catalogue: Catalogue, file, line) -> Problem:
    allowed = [i for k in kinds for i in catalogue.ids(k)]
    return Problem(f"rule '{rule_id}': '{item_id}' is not a catalogue ID a {word} can cite"
                   f"{did_you_mean(item_id, allowed)}; allowed: {', '.join(allowed)}", file, line)


def check_settings(settings: PackSpec, located: LocatedData, catalogue: Catalogue,
                   questionnaire: Questionnaire) -> list[Problem]:
    problems = []
    mitigations = catalogue.ids("mitigations")
    for outcome, ids in settings.outcome_requires.items():
        for m in ids:
            if m not in mitigations:
                problems.append(Problem(
                    f"outcome_requires.{outcome}: '{m}' is not a mitigation{did_you_mean(m, mitigations)}",
                    located.file, located.line_of(("outcome_requires", outcome))))
    for item_id, words in settings.wording.items():
        if item_id not in catalogue.entries:
            problems.append(Problem(f"wording: '{item_id}' is not a catalogue ID"
                                    f"{did_you_mean(item_id, catalogue.entries)}",
                                    located.file, located.line_of(("wording", item_id))))
        for key in ("title", "meaning"):  # shown as nothing in every record and PDF
            if isinstance(getattr(words, key), str) and not getattr(words, key).strip():
                problems.append(Problem(f"wording.{item_id}.{key}: it is blank; write its {key},"
                                        f" or leave '{key}' out to keep the catalogue's own",
                                        located.file, located.line_of(("wording", item_id, key))))
    from leadfit.rules.model.judgement_settings import check_judgement_settings
    problems += check_judgement_settings(settings, located, catalogue, questionnaire)
    if sorted(settings.outcomes) != sorted(["appoint", "coach", "hire_external"]):
        problems.append(Problem("outcomes must list appoint, coach and hire_external once each,"
                                " mildest first", located.file, located.line_of(("outcomes",))))
    for qid, raw in settings.relevance.items():
        try:
            relevance_condition(qid, raw, questionnaire.questions)
            if qid not in questionnaire.questions:
                raise conditions.ConditionProblem(
                    f"unknown question '{qid}'{did_you_mean(qid, questionnaire.questions)}", ())
        except conditions.ConditionProblem as exc:
            problems += [Problem(f"relevance.{qid}: {one.message}", located.file,
                                 located.line_of(("relevance", qid) + one.path)) for one in exc.each()]
    return problems


def _wording(settings: PackSpec) -> dict:
    return {k: v.model_dump(exclude_none=True) for k, v in settings.wording.items()}


def apply_relevance(settings: PackSpec, located: LocatedData, questionnaire: Questionnaire):
    if settings.questions:  # the pack's words for questions (checked in check_settings)
        questionnaire = questionnaire.with_words(
            {qid: w.model_dump(exclude_none=True) for qid, w in settings.questions.items()})
    if not settings.relevance:
        return questionnaire
    parsed = {qid: relevance_condition(qid, raw, questionnaire.questions)
              for qid, raw in settings.relevance.items()}
    return questionnaire.with_relevance(parsed)


def relevance_condition(qid: str, raw: Any, questions: dict):
    """A question's ask_if from a pack: a condition, "always" (None) or "never".

    "never" is an empty 'in' on the question itself: false whatever the answer.
    """
    if raw == "always":
        return None
    if raw == "never":
        return conditions.never(qid)
    return conditions.parse(raw, questions)


def build_scenarios(located: LocatedData | None, layer: str, problems: list[Problem],
                    earlier: tuple = (), questionnaire: Questionnaire | None = None,
                    catalogue: Catalogue | None = None) -> tuple:
    """The scenarios of a scenarios file, each checked on its own: its schema, ``like``,
    its own answers against the questionnaire and the IDs it expects."""
    if located is None or located.data is None:
        return ()
    from leadfit.rules.model.judgement_settings import scenario_answers
    from leadfit.rules.model.salvage import scenario_specs
    from leadfit.rules.model.scenario_checks import check_scenario
    specs = scenario_specs(located, problems)
    answers = scenario_answers(specs, located, problems, earlier)
    if questionnaire is not None and catalogue is not None:
        for i, spec in enumerate(specs):
            problems += check_scenario(spec, ("scenarios", i), located, questionnaire, catalogue)
    return tuple(Scenario(s.name, answers[i], s.expect, located.file,
                          located.line_of(("scenarios", i)), layer, s.description)
                 for i, s in enumerate(specs))


def compute_fingerprint(settings: PackSpec, rules, questionnaire: Questionnaire,
                        catalogue: Catalogue) -> str:
    """SHA-256 of the pack's meaning: same for reformatted files, new for any change."""
    from leadfit.rules.model.judgement_settings import settings_meaning
    meaning = {
        "settings": settings_meaning(settings),
        "rules": sorted((r.to_data() for r in rules), key=lambda d: d["id"]),
        "catalogue": {e.id: [e.kind, e.title, e.meaning] for e in catalogue.entries.values()},
        "questions": {q.id: [q.type, q.required, q.min, q.max, sorted(q.options),
                             conditions.to_data(q.ask_if) if q.ask_if else None,
                             list(q.derived_from) if q.derived_from else None]
                      for q in questionnaire.questions.values()},
    }
    canonical = json.dumps(meaning, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           default=str)
    import hashlib  # only to build a pack from its files (a compiled one keeps its fingerprint)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
