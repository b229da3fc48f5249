"""Client packs: a pack that ``extends: <name>@<version>`` layers changes on a base.

The loader (rules/model/library.py) finds and loads the base by name and version;
this module applies the client's changes to it. What a client pack can
change, all in its own files:

- ``disable``: base rule ids to drop;
- ``override``: per base rule id, a new ``summary``, ``when`` (how a threshold
  changes), ``then``, or ``severity`` (of every finding the rule raises);
- ``wording`` and ``relevance``: catalogue titles/meanings, questions' ask_if;
- settings it names explicitly (``outcome_requires``, ``risk_bands`` ...);
- ``rules.yaml``: added rules; ``scenarios.yaml``: added scenarios. A client
  scenario with the same name as a base scenario replaces it; every other
  base scenario still runs against the resolved pack.

Each rule keeps the layer it came from; an overridden rule takes the client's.
A base update that breaks the client pack (a rule it overrides or disables is
gone, a finding whose severity it changes was removed) is named with the rule
and the key concerned.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from leadfit.errors import Problem
from leadfit.rules.model import parameters
from leadfit.rules.model.assessment import pack_label
from leadfit.rules.model.pack import (
    Action,
    Pack,
    Rule,
    _action_value,
    apply_relevance,
    assemble,
    build_rules,
    build_scenarios,
    check_action,
    check_settings,
    refused,
)
from leadfit.rules.model.salvage import rule_drafts
from leadfit.rules.model.schema import OverrideSpec, PackSpec
from leadfit.suggest import did_you_mean
from leadfit.yamlsafe import LocatedData

# Settings a client inherits from its base unless it names them itself.
INHERITED = ("outcomes", "fallback", "severities", "risk_bands", "signoff_roles", "semantics",
             "risk_outcomes", "unknowns_risk", "compounding_leaves_out", "title_if_depends",
             "words_version", "unknowns_version", "risk_at_least")
# Settings keyed by outcome or id: the client's entries replace the base's one by one.
LAYERED = ("outcome_allows", "outcome_notes", "if_unavailable", "parameters", "questions",
           "lever_values", "titles_if_unavailable", "finding_titles", "titles_if_preconditions",
           "step_words_if", "titles_if_fallback")


def layer_on(base: Pack, folder: Path, settings: PackSpec, located: dict[str, LocatedData],
             problems: list[Problem] | None = None) -> Pack:
    """The resolved pack: ``base`` with this folder's changes applied (``problems``: those
    found already; every check still runs and all are raised together)."""
    pack_file = located["pack.yaml"]
    layer = pack_label(settings.name, settings.version)
    problems = problems if problems is not None else []
    if base.name == settings.name:
        problems.append(Problem(f"a pack cannot extend a pack of its own name ('{base.name}')",
                                pack_file.file, pack_file.line_of(("extends",))))
    problems += check_settings(settings, pack_file, base.catalogue, base.questionnaire)
    if settings.questionnaire is not None:
        problems.append(Problem("questionnaire: a client pack uses the questionnaire of the pack it"
                                " extends", pack_file.file, pack_file.line_of(("questionnaire",))))
    origin, params = base, {**base.settings.parameters, **settings.parameters}
    if settings.parameters:  # a client's threshold moves every base rule that refers to it
        set_here = {name: (pack_file.file, pack_file.line_of(("parameters", name)))
                    for name in settings.parameters}
        base = replace(base, rules=tuple(parameters.rebind(base.rules, params,
                                                           base.questionnaire.questions, problems,
                                                           set_here, origin.settings.parameters)))
    rules = layered_rules(settings, base, located, layer, problems, params)
    problems += _stray_parameters(settings, origin, rules, pack_file)
    if settings.parameters:  # a value no answer can reach: said once, at its line
        problems += parameters.beyond_answers(rules, params, set(settings.parameters), base.questionnaire,
                                              lambda name: set_here[name], "rules")
    scenarios = layered_scenarios(base, located, layer, problems)

    def made() -> Pack:
        merged = merge_settings(base.settings, settings)
        catalogue = base.catalogue.with_wording(
            {k: v.model_dump(exclude_none=True) for k, v in settings.wording.items()})
        questionnaire = apply_relevance(settings, pack_file, base.questionnaire)
        return assemble(merged, folder, tuple(rules), scenarios, questionnaire, catalogue,
                        base.layers + (layer,), base=origin, sources=located)
    if problems:
        raise refused(problems, made)
    return made()



def merge_settings(base: PackSpec, client: PackSpec) -> PackSpec:
    """Base settings with the ones the client names; wording and relevance layered."""
    update = {k: getattr(client, k) for k in INHERITED if k in client.model_fields_set}
    update["outcome_requires"] = {**base.outcome_requires, **client.outcome_requires}
    update["wording"] = {**base.wording, **client.wording}
    update["relevance"] = {**base.relevance, **client.relevance}
    for key in LAYERED:
        update[key] = {**getattr(base, key), **getattr(client, key)}
    update["questionnaire"] = base.questionnaire
    for key in ("name", "version", "title", "description", "extends", "disable", "override"):
        update[key] = getattr(client, key)
    return base.model_copy(update=update)


def _stray_parameters(settings, base, rules, pack_file) -> list[Problem]:
    """A client's parameter its base does not have and none of its rules reads is a typo
    until shown otherwise: setting it would move nothing, silently."""
    used: set[str] = set()
    for rule in rules:
        used |= parameters.names_in(getattr(rule, "raw_when", None))
    known = base.settings.parameters
    return [Problem(f"parameters.{name}: {base.label} has no parameter '{name}'"
                    f"{did_you_mean(name, known)}, and no rule of this pack refers to it, so setting"
                    " it would change nothing", pack_file.file, pack_file.line_of(("parameters", name)))
            for name in settings.parameters if name not in known and name not in used]


def layered_rules(settings: PackSpec, base: Pack, located: dict, layer: str,
                  problems: list[Problem], params: dict | None = None) -> list[Rule]:
    pack_file = located["pack.yaml"]
    base_ids = [r.id for r in base.rules]
    disabled = check_disable(settings, pack_file, base, problems)
    rules = []
    for rule in base.rules:
        if rule.id in disabled:
            continue
        spec = settings.override.get(rule.id)
        rules.append(override_rule(rule, spec, pack_file, base, layer, problems, params) if spec else rule)
    for rid in settings.override:
        if rid not in base_ids:
            problems.append(Problem(
                f"override.{rid}: rule '{rid}' is not in {base.label}{did_you_mean(rid, base_ids)};"
                " the base may have removed or renamed it", pack_file.file,
                pack_file.line_of(("override", rid))))
        elif rid in disabled:
            problems.append(Problem(f"override.{rid}: rule '{rid}' is also disabled; do one or the other",
                                    pack_file.file, pack_file.line_of(("override", rid))))
    return rules + added_rules(located.get("rules.yaml"), base, layer, problems, params)


def check_disable(settings: PackSpec, pack_file: LocatedData, base: Pack,
                  problems: list[Problem]) -> set[str]:
    base_ids = [r.id for r in base.rules]
    seen: set[str] = set()
    for i, rid in enumerate(settings.disable):
        line = pack_file.line_of(("disable", i))
        if rid not in base_ids:
            problems.append(Problem(
                f"disable: rule '{rid}' is not in {base.label}{did_you_mean(rid, base_ids)};"
                " the base may have removed or renamed it", pack_file.file, line))
        elif rid in seen:
            problems.append(Problem(f"disable: rule '{rid}' is listed twice", pack_file.file, line))
        seen.add(rid)
    return seen


def override_rule(rule: Rule, spec: OverrideSpec, pack_file: LocatedData, base: Pack, layer: str,
                  problems: list[Problem], params: dict | None = None) -> Rule:
    """The base rule with the client's keys; it now belongs to the client's layer."""
    path = ("override", rule.id)
    line = pack_file.line_of(path)
    if not spec.model_fields_set and not pack_file.dropped_under(path):
        problems.append(Problem(f"override.{rule.id} changes nothing; give summary, when, then"
                                " or severity", pack_file.file, line))
    condition, raw_when = rule.condition, rule.raw_when
    if spec.when is not None:
        raw_when = spec.when
        condition = parameters.parse_when(rule.id, spec.when, params or {}, base.questionnaire.questions,
                                          pack_file.file, pack_file.line_of, path + ("when",), problems,
                                          label=f"override.{rule.id}.when") or condition
    actions = rule.actions
    if spec.then is not None:
        actions = ()
        for i, action in enumerate(spec.then):
            problems += check_action(action, rule.id, base.questionnaire, base.catalogue,
                                     pack_file.file, pack_file.line_of(path + ("then", i)))
            actions += (Action(action.word, _action_value(action)),)
    if spec.severity is not None:
        actions = _with_severity(rule, actions, spec.severity, base, pack_file, problems)
    return replace(rule, summary=spec.summary or rule.summary, condition=condition,
                   actions=actions, layer=layer, file=pack_file.file, line=line, raw_when=raw_when)


def _with_severity(rule: Rule, actions: tuple, severity: str, base: Pack, pack_file: LocatedData,
                   problems: list[Problem]) -> tuple:
    if not any(a.word == "finding" for a in actions):
        problems.append(Problem(
            f"override.{rule.id}.severity: rule '{rule.id}' in {base.label} raises no finding,"
            " so there is no severity to change (the base may have removed it)",
            pack_file.file, pack_file.line_of(("override", rule.id, "severity"))))
        return actions
    return tuple(Action("finding", dict(a.value, severity=severity)) if a.word == "finding" else a
                 for a in actions)


def added_rules(located: LocatedData | None, base: Pack, layer: str,
                problems: list[Problem], params: dict | None = None) -> list[Rule]:
    if located is None or located.data is None:
        return []
    drafts = rule_drafts(located, problems)
    base_ids = {r.id for r in base.rules}
    for i, draft in enumerate(drafts):
        if draft.spec.id in base_ids:
            problems.append(Problem(
                f"rule id '{draft.spec.id}' is already in {base.label}; to change that rule use"
                f" 'override: {{{draft.spec.id}: ...}}' in pack.yaml", located.file,
                located.line_of(("rules", i, "id"))))
    return build_rules(drafts, located, base.questionnaire, base.catalogue, layer, problems,
                       params=params)


def layered_scenarios(base: Pack, located: dict, layer: str, problems: list[Problem]) -> tuple:
    """The client's scenarios, then the base's whose names the client does not reuse."""
    own = build_scenarios(located.get("scenarios.yaml"), layer, problems, base.scenarios,
                          base.questionnaire, base.catalogue)
    names = {s.name for s in own}
    return own + tuple(s for s in base.scenarios if s.name not in names)
