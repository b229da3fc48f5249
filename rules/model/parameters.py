"""Named thresholds: a pack's ``parameters:`` and the references to them in conditions.

A pack names a threshold once::

    parameters:
      p1_met_years: 3          # years running digital products that make P1 met

and any comparison in a rule's ``when`` may use it in place of a value::

    when: {ge: {candidate.digital_years: {param: p1_met_years}}}

References are replaced by their values before the condition is checked, so
every check on conditions (types, ranges, options, lint) sees the value. A
client pack that sets a parameter of its base moves every base rule that
refers to it. An unknown name is an error naming the file and line.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from leadfit.errors import Problem
from leadfit.forms import conditions
from leadfit.forms.questionnaire import range_words
from leadfit.suggest import did_you_mean
from leadfit.rules.model.engine_limits import within_limits

REF = "param"


def is_ref(node: Any) -> bool:
    return isinstance(node, dict) and len(node) == 1 and REF in node


def resolve(raw: Any, params: dict[str, Any], path: tuple = ()) -> tuple[Any, list[tuple[str, tuple]]]:
    """``raw`` with every ``{param: name}`` replaced; problems as (message, path in raw)."""
    problems: list[tuple[str, tuple]] = []

    def walk(node: Any, where: tuple) -> Any:
        if is_ref(node):
            name = node[REF]
            if isinstance(name, str) and name in params:
                return params[name]
            problems.append((f"unknown parameter '{name}'{did_you_mean(name, params)}; the pack's"
                             " parameters: " + (", ".join(params) or "none"), where))
            return node
        if isinstance(node, dict):
            return {k: walk(v, where + (k,)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, where + (i,)) for i, v in enumerate(node)]
        return node

    return walk(raw, path), problems


def names_in(raw: Any) -> set[str]:
    """Parameter names a raw condition refers to."""
    if is_ref(raw):
        return {str(raw[REF])}
    if isinstance(raw, dict):
        return set().union(*(names_in(v) for v in raw.values())) if raw else set()
    if isinstance(raw, list):
        return set().union(*(names_in(v) for v in raw)) if raw else set()
    return set()


def parse_when(rule_id: str, raw: Any, params: dict, questions: dict, file: str, line_of,
               path: tuple, problems: list[Problem], label: str | None = None):
    """The checked condition of one rule, or None with its problems added."""
    label = label or f"rule '{rule_id}'"
    resolved, unknown = resolve(raw, params)
    for message, where in unknown:
        problems.append(Problem(f"{label}: {message}", file, line_of(path + where)))
    if unknown:
        return None
    try:
        return within_limits(conditions.parse(resolved, questions))
    except conditions.ConditionProblem as exc:
        problems += [Problem(f"{label}: {one.message}", file, line_of(path + one.path))
                     for one in exc.each()]
        return None


def rebind(rules, params: dict, questions: dict, problems: list[Problem],
           set_here: dict[str, tuple[str, int | None]] | None = None,
           base_params: dict | None = None) -> list:
    """Rules whose ``when`` refers to parameters, re-read with ``params`` (a client's values).

    ``set_here`` names the parameters the client pack sets (name -> its file and line): a
    value one of them gives that a base rule cannot take is that line's fault, so it is
    reported there, once, naming the rules that read it."""
    out: list = []
    blamed: dict[tuple[str, str], list[str]] = {}
    for rule in rules:
        raw = getattr(rule, "raw_when", None)
        if raw is None or not names_in(raw):
            out.append(rule)
            continue
        found: list[Problem] = []
        condition = parse_when(rule.id, raw, params, questions, rule.file, lambda _p, r=rule: r.line,
                               (), found)
        culprits = sorted(names_in(raw) & set(set_here or {}))
        if found and culprits:
            for name, problem in _culprits(rule, raw, culprits, found, params, base_params or {},
                                           questions):
                blamed.setdefault((name, problem.message.split(": ", 1)[-1]), []).append(rule.id)
        else:
            problems += found
        out.append(replace(rule, condition=condition) if condition is not None else rule)
    for (name, message), rule_ids in blamed.items():
        file, line = (set_here or {})[name]
        problems.append(Problem(f"parameters.{name}: {message}; {_rules_reading(rule_ids)}", file, line))
    return out


def _rules_reading(rule_ids: list[str]) -> str:
    """The base rules a bad value would break, in a few words: a wall of 24 ids is noise."""
    ids = [f"'{r}'" for r in dict.fromkeys(rule_ids)]
    if len(ids) == 1:
        return f"the base rule {ids[0]} compares with it"
    if len(ids) <= 3:
        return f"the base rules {', '.join(ids[:-1])} and {ids[-1]} compare with it"
    return f"{len(ids)} base rules compare with it, among them {ids[0]} and {ids[1]}"


def _culprits(rule, raw, names: list[str], found: list[Problem], params: dict, base: dict,
              questions: dict) -> list[tuple[str, Problem]]:
    """Which of the client's ``names`` each problem comes from: the rule re-read with one
    client value at a time over the base's; a fault only their mix makes is each one's."""
    out = []
    for name in names:
        alone: list[Problem] = []
        parse_when(rule.id, raw, {**params, **base, name: params[name]}, questions, rule.file,
                   lambda _p: rule.line, (), alone)
        out += [(name, p) for p in alone]
    return out or [(name, p) for name in names for p in found]


def beyond_answers(rules, params: dict[str, Any], names, questionnaire, where, kind: str = "base rules"
                   ) -> list[Problem]:
    """A parameter of ``names`` set to a number no answer to a question it is compared with can
    take (``p1_met_years: -4``, while years run from 0 to 50): one problem at its line
    (``where(name)``: file and line), saying what is allowed and how many of the ``rules``
    that read it can never fire, instead of a line for each of them from lint."""
    compared: dict[str, list] = {}
    for rule in rules:
        for name, qid in compared_with(getattr(rule, "raw_when", None)):
            if name in names and qid in questionnaire.questions:
                compared.setdefault(name, []).append((rule, qid))
    problems = []
    for name, uses in compared.items():
        value = params.get(name)
        if isinstance(value, bool) or not isinstance(value, int):
            continue  # a percent is checked with the condition; other types have no range
        outside = [qid for _, qid in uses if questionnaire.questions[qid].type == "integer"
                   and not _within(value, questionnaire.bounds_of(qid))]
        if not outside:
            continue
        question = questionnaire.questions[outside[0]]
        allowed = range_words(*questionnaire.bounds_of(question.id))
        readers = list({rule.id: rule for rule, _ in uses}.values())
        silenced = [f"'{rule.id}'" for rule in readers if _never(rule, questionnaire)]
        said = (f"{len(silenced)} of the {len(readers)} {kind} that compare with it can never fire"
                f" ({_some(silenced)})" if silenced else
                f"{_rules_reading([rule.id for rule in readers]).replace('base rule', kind[:-1])}")
        problems.append(Problem(
            f"parameters.{name}: {value} is outside what \u201c{question.title}\u201d can be"
            f" (a whole number{',' if allowed.endswith('or more') else ''} {allowed}); {said}", *where(name)))
    return problems


def compared_with(raw: Any) -> list[tuple[str, str]]:
    """(parameter name, question id) of each comparison in a raw condition that uses a parameter."""
    found: list[tuple[str, str]] = []
    if isinstance(raw, list):
        for item in raw:
            found += compared_with(item)
    elif isinstance(raw, dict):
        for word, body in raw.items():
            if word in conditions.COMPARISONS and isinstance(body, dict):
                found += [(str(v[REF]), str(q)) for q, v in body.items() if is_ref(v)]
            else:
                found += compared_with(body)
    return found


def _within(value: int, bounds: tuple) -> bool:
    low, high = bounds
    return (low is None or value >= low) and (high is None or value <= high)


def _never(rule, questionnaire) -> bool:
    """True when a comparison the rule's condition needs can hold for no answer in its
    question's bounds ('less than -4' years): enough to name what a value out of range
    silences (lint's analysis, rules/runtime/satisfy.py, finds every other contradiction)."""
    return rule.condition is not None and not _can_hold(rule.condition, questionnaire)


def _can_hold(cond, questionnaire) -> bool:
    if isinstance(cond, conditions.Group):
        held = (_can_hold(part, questionnaire) for part in cond.parts)
        return all(held) if cond.op == "all" else any(held)
    if not isinstance(cond, conditions.Compare) or isinstance(cond.value, bool) or not isinstance(cond.value, int):
        return True
    question = questionnaire.questions.get(cond.question)
    if question is None or question.type != "integer":
        return True
    low, high = questionnaire.bounds_of(cond.question)
    value, op = cond.value, cond.op
    return {"lt": low is None or low < value, "le": low is None or low <= value,
            "gt": high is None or high > value, "ge": high is None or high >= value,
            "eq": _within(value, (low, high))}.get(op, True)


def _some(ids: list[str]) -> str:
    """A few names of many: 'a', 'b' and 12 more."""
    if len(ids) <= 3:
        return " and ".join([", ".join(ids[:-1]), ids[-1]]) if len(ids) > 1 else ids[0]
    return f"{ids[0]}, {ids[1]} and {len(ids) - 2} more"


def check_values(params: dict[str, Any], file: str, line_of) -> list[Problem]:
    """A parameter is a number, yes/no, text or a list of those: a value a condition can take."""
    problems = []
    for name, value in params.items():
        items = value if isinstance(value, list) else [value]
        if not items or any(isinstance(v, (dict, list)) or v is None for v in items):
            problems.append(Problem(f"parameters.{name}: a parameter is a number, yes/no, text, a date"
                                    " or a list of those", file, line_of(("parameters", name))))
    return problems


def unused(pack) -> list[str]:
    """Parameters of ``pack`` no rule refers to."""
    used: set[str] = set()
    for rule in pack.rules:
        used |= names_in(getattr(rule, "raw_when", None))
    return [name for name in pack.settings.parameters if name not in used]


# Thresholds that hold only in an order, or above a floor: each value alone is a number a
# question can take, so loading takes it, but the pack then says something no reader of the
# article would (a consultant's near_dedicated_share of 5 under a dedicated share of 10 let a
# plan count as lightening the load only below what a dedicated PD may keep).
# (lower, higher, what the higher one means): higher may equal lower, never fall below it.
ORDERED = (
    ("dedicated_share", "near_dedicated_share",
     "the share a plan must bring the former role down to counts as near the dedicated share,"
     " so it cannot be below it"),
    ("dedicated_share", "part_time_share",
     "keeping the part-time share or more is doing the job part-time, which a dedicated share cannot be"),
    ("review_horizon_days", "review_latest_days",
     "a first review later than this falls past the first 6 to 12 months, so it cannot come"
     " before the day the review is due by"),
)
# name -> (least value, what a value below it leaves impossible)
AT_LEAST = {
    "reduction_horizon_days": (1, "no plan could bring the former role down in time"),
    "review_horizon_days": (1, "no first review could be set in time"),
}


def relations_broken(params: dict[str, Any], set_here: set[str]) -> list[tuple[str, str]]:
    """(the parameter at fault, what is wrong and what is allowed) for each threshold below
    its floor or out of its order with another. Of a pair, the one ``set_here`` (by the pack
    being checked) is at fault, the higher where both are; a pair set by neither is left out
    where ``set_here`` names any (a base's values are its own lint's)."""
    found = []
    for name, (least, leaves) in AT_LEAST.items():
        value = _number(params.get(name))
        if value is not None and value < least and (not set_here or name in set_here):
            found.append((name, f"{value} days leaves no time: {leaves}; allowed: a whole number"
                                f" of days, {least} or more"))
    for low, high, why in ORDERED:
        lv, hv = _number(params.get(low)), _number(params.get(high))
        if lv is None or hv is None or hv >= lv:
            continue
        if not set_here or high in set_here:
            found.append((high, f"{hv} is below {low} ({lv}): {why}; allowed: {lv} or more"
                                f" (or {low} set lower)"))
        elif low in set_here:
            found.append((low, f"{lv} is above {high} ({hv}, from the base pack): {why}; allowed:"
                               f" {hv} or less (or {high} set higher)"))
    return found


def _number(value: Any) -> float | None:
    """A number (never yes/no, which Python counts as 1 and 0), or None."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
