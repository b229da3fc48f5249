"""Read a pack's files past their first structural error, so every problem comes in one run.

A misspelt key, an unknown outcome or a wrong type in one place must not hide the
condition, reference and scenario problems elsewhere (the quality bar: "all of them
in one run"). Each file is checked against its schema (rules/model/schema.py) and
every schema problem is reported; then what is sound is kept for the later checks:

- ``pack.yaml``: a setting that fails is dropped (its default stands in), one
  entry at a time for settings keyed by id (``override``, ``parameters``,
  ``wording``...); the dropped places are kept in ``LocatedData.pruned`` so a later
  check does not complain about what the author never wrote that way;
- ``rules.yaml``: rule by rule, and within a broken rule its ``when`` and each
  action that is sound are still checked (the rule itself is never built);
- ``scenarios.yaml``: scenario by scenario; a broken one still has its ``like``
  and answers checked.

Nothing here builds a pack that could be used: a pack with any problem is refused.
"""

from __future__ import annotations

import copy
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from leadfit.datafiles import parse_model
from leadfit.errors import PackError, Problem
from leadfit.schema_words import path_words
from leadfit.rules.model.schema import ActionSpec, ExpectSpec, PackSpec, RuleSpec, ScenarioSpec
from leadfit.yamlsafe import LocatedData

# Required settings given a stand-in once their own problem is reported (never used: the
# pack is refused), so the rest of pack.yaml is still checked.
_STAND_INS = {"name": "unnamed", "version": "0"}
_MAX_ROUNDS = 64
# Settings whose entries are checked key by key (a bad help must not hide a blank title).
_BY_KEY = ("override", "questions", "wording")


@dataclass(frozen=True)
class RuleDraft:
    """A rule as far as it could be read: ``spec`` (actions that failed are None), and
    whether its own schema failed (then it is checked but never built)."""

    spec: RuleSpec
    broken: bool


def pack_settings(located: LocatedData, problems: list[Problem]) -> tuple[PackSpec | None, LocatedData]:
    """pack.yaml's settings with every failing one dropped, and the file as checked."""
    try:
        return parse_model(PackSpec, located), located
    except PackError as exc:
        problems += exc.problems
    if not isinstance(located.data, dict):
        return None, located
    from pydantic import ValidationError  # only when a pack is loaded (never on evaluate's path)
    data, pruned = copy.deepcopy(located.data), set(located.pruned)
    for _ in range(_MAX_ROUNDS):
        try:
            spec = PackSpec.model_validate(data)
        except ValidationError as exc:
            if not all(_drop(data, _unit(tuple(e["loc"])), pruned) for e in exc.errors()):
                return None, located
            continue
        return spec, LocatedData(data, located.file, located.lines, frozenset(pruned))
    return None, located


def _unit(loc: tuple) -> tuple:
    """What is dropped for a problem at ``loc``: one entry of a setting keyed by id (one
    key of an override, a question's words or a wording), else the whole setting."""
    if not loc:
        return ()
    if loc[0] in _BY_KEY and len(loc) >= 3:  # one key of an entry: the entry's others still checked
        return loc[:3]
    return loc[:2] if loc[0] in _keyed() and len(loc) >= 2 else loc[:1]


@lru_cache(maxsize=1)
def _keyed() -> frozenset[str]:
    """The settings keyed by id (a mapping): one entry of them is dropped at a time."""
    return frozenset(name for name, f in PackSpec.model_fields.items()
                     if typing.get_origin(f.annotation) is dict)


def _drop(data: dict, path: tuple, pruned: set) -> bool:
    """Remove ``path`` (or give a required setting its stand-in); False when nothing can go."""
    if not path:
        return False
    parent: Any = data
    for part in path[:-1]:
        if not isinstance(parent, dict) or part not in parent:
            return True  # an enclosing entry went already
        parent = parent[part]
    key = path[-1]
    if len(path) == 1 and key in _STAND_INS and data.get(key) != _STAND_INS[key]:
        data[key] = _STAND_INS[key]
    elif isinstance(parent, dict) and key in parent:
        del parent[key]
    elif len(path) == 1 and key in _STAND_INS:
        return False
    pruned.add(path)
    return True


def items_of(located: LocatedData, key: str, problems: list[Problem]) -> list[Any] | None:
    """The list a rules or scenarios file holds under ``key``; its own shape checked."""
    data = located.data
    if not isinstance(data, dict):
        problems.append(Problem(f"the file must be a mapping with '{key}:' and a list under it",
                                located.file, located.line_of(()) or 1))
        return None
    for extra in data:
        if extra != key:
            problems.append(Problem(f"unknown key '{extra}'; allowed here: {key}", located.file,
                                    located.line_of((extra,))))
    items = data.get(key)
    if not isinstance(items, list):
        what = "is missing" if key not in data else "must be a list"
        problems.append(Problem(f"'{key}' {what} (one item per '- ' line)", located.file,
                                located.line_of((key,)) or 1))
        return None
    return items


def rule_drafts(located: LocatedData, problems: list[Problem]) -> list[RuleDraft]:
    """Every rule of a rules file, each checked against the rule schema on its own."""
    items = items_of(located, "rules", problems)
    drafts = []
    for i, raw in enumerate(items or []):
        try:
            drafts.append(RuleDraft(parse_model(RuleSpec, located, raw, ("rules", i)), False))
        except PackError as exc:
            stand_in = _rule_stand_in(raw, i)
            problems += _named(exc.problems, path_words(("rules", i)), f"rule '{stand_in.id}'")
            drafts.append(RuleDraft(stand_in, True))
    return drafts


def _named(problems: list[Problem], where: str, name: str) -> list[Problem]:
    """'rules, item 4, then, item 1, recommend: ...' said as "rule 'x': then, item 1, recommend:
    ...": the author knows the rule by its id, not its position."""
    out = []
    for p in problems:
        message = p.message
        if message.startswith(where + ", "):
            message = f"{name}: {message[len(where) + 2:]}"
        elif message.startswith(where + ":"):
            message = f"{name}:{message[len(where) + 1:]}"
        out.append(Problem(message, p.file, p.line))
    return out


def _rule_stand_in(raw: Any, index: int) -> RuleSpec:
    raw = raw if isinstance(raw, dict) else {}
    rid = raw.get("id") if isinstance(raw.get("id"), str) else f"number {index + 1}"
    then = raw.get("then") if isinstance(raw.get("then"), list) else []
    return RuleSpec.model_construct(
        id=rid, summary=raw.get("summary") if isinstance(raw.get("summary"), str) else "",
        when=raw.get("when") if isinstance(raw.get("when"), dict) else None,
        then=[_action_or_none(a) for a in then])


def _action_or_none(raw: Any) -> ActionSpec | None:
    from pydantic import ValidationError
    try:
        return ActionSpec.model_validate(raw)
    except ValidationError:
        return None  # named already with the rule's schema problems


def scenario_specs(located: LocatedData, problems: list[Problem]) -> list[ScenarioSpec]:
    """Every scenario of a scenarios file, each checked on its own."""
    items = items_of(located, "scenarios", problems)
    specs = []
    for i, raw in enumerate(items or []):
        try:
            specs.append(parse_model(ScenarioSpec, located, raw, ("scenarios", i)))
        except PackError as exc:
            stand_in = _scenario_stand_in(raw, i)
            problems += _named(exc.problems, path_words(("scenarios", i)), f"scenario '{stand_in.name}'")
            specs.append(stand_in)
    return specs


def _scenario_stand_in(raw: Any, index: int) -> ScenarioSpec:
    raw = raw if isinstance(raw, dict) else {}
    name = raw.get("name") if isinstance(raw.get("name"), str) else f"number {index + 1}"
    like = raw.get("like") if isinstance(raw.get("like"), str) else None
    answers = raw.get("answers") if isinstance(raw.get("answers"), dict) else {}
    return ScenarioSpec.model_construct(name=name, description="", like=like, answers=answers,
                                        expect=_expect_stand_in(raw.get("expect")))


def _expect_stand_in(raw: Any) -> ExpectSpec:
    """What a broken scenario expects, as far as it reads: a bad outcome must not hide an
    expected ID that is no catalogue ID (each list kept whole, so each item keeps its line;
    an item that is not text is named by the schema and skipped by the later check)."""
    raw = raw if isinstance(raw, dict) else {}
    lists = {key: raw[key] for key in ("includes", "excludes", "missing") if isinstance(raw.get(key), list)}
    return ExpectSpec.model_construct(outcome=None, unknowns=None, **{
        key: lists.get(key, []) for key in ("includes", "excludes", "missing")})

