"""The one adapter over the durable-rules engine. Nothing else imports ``durable``.

It owns the engine's quirks (see docs/engine.md):
- a case enters as one *fact*, so every matching rule fires (a posted event
  is consumed by the first matching rule only);
- each evaluation gets its own session id and nonce, and its state is
  deleted afterwards (same-content facts clash; state leaks otherwise);
- every case field is namespaced ``q_...``; reserved names never reach it;
- at most 255 properties per fact, checked before the engine sees it;
- results are collected in Python, never written to engine state;
- actions take exactly one parameter (two means "asynchronous");
- exceptions swallowed into the session state are raised as EngineError;
- a catch-all rule means no fact is ever "not handled";
- a rule fires once per 'any' alternative met; each rule id is returned once;
- rulesets are registered once per pack fingerprint on one quiet host
  (no timer threads), and every call runs under one lock.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from itertools import count
from typing import Any

import durable.engine as _durable

from leadfit.errors import EngineError
from leadfit.forms.conditions import Answered, Group, Member
from leadfit.rules.model.engine_limits import limit_problem

ENGINE_NAME = "durable-rules"
RESERVED_FIELDS = frozenset({"id", "sid", "label", "chart", "chart_context", "running", "$s",
                             "exception"})
MAX_PROPERTIES = 255
_NONCE = "lf_nonce"
_CATCH_ALL = "lf seen (catch-all)"  # a space: no rule id can take this name
_OPS = {"lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte", "ne": "$neq"}


@lru_cache(maxsize=1)
def engine_version() -> str:
    """Read once: package metadata lookups cost more than an evaluation."""
    try:
        return version("durable-rules")
    except PackageNotFoundError:  # pragma: no cover - installed with LeadFit
        return "unknown"


@lru_cache(maxsize=4096)
def field_name(question_id: str) -> str:
    """The engine field for a question id: namespaced, never a reserved name (cached: a
    case asks it of every answer, and the questions are few)."""
    return "q_" + re.sub(r"[^a-z0-9_]", "_", question_id.lower())


def compile_condition(cond) -> dict:
    """Our condition tree as durable-rules JSON (never ``$nex``: it spins forever)."""
    if isinstance(cond, Group):
        return {"$and" if cond.op == "all" else "$or": [compile_condition(p) for p in cond.parts]}
    name = field_name(cond.question)
    if isinstance(cond, Answered):
        return {"$ex": {name: 1}}
    if isinstance(cond, Member):
        parts = [_compare("eq" if cond.op == "in" else "ne", name, v) for v in cond.values]
        if len(parts) == 1:
            return parts[0]
        return {"$or": parts} if cond.op == "in" else {"$and": parts}
    return _compare(cond.op, name, cond.value)


def _compare(op: str, name: str, value: Any) -> dict:
    value = _engine_value(value)
    if op == "eq":
        return {name: value}
    return {_OPS[op]: {name: value}}


def _engine_value(value: Any) -> Any:
    return value.toordinal() if isinstance(value, date) else value


class _RuleAction:
    """One rule's action: a bound method with exactly one parameter."""

    def __init__(self, engine: RulesEngine, rule_id: str):
        self._engine = engine
        self._rule_id = rule_id

    def fire(self, c) -> None:
        self._engine._record(c.m[_NONCE], self._rule_id)


class _QuietHost(_durable.Host):
    """A host without the dispatch timer threads: we only assert facts synchronously."""

    def _run(self) -> None:
        return None


class RulesEngine:
    """One host per process; evaluations are serialised under one lock."""

    def __init__(self) -> None:
        self._host = _QuietHost()
        self._lock = threading.Lock()
        self._registered: set[str] = set()
        self._fired: dict[str, list[str]] = {}
        self._sessions = count(1)

    @property
    def name(self) -> str:
        return ENGINE_NAME

    @property
    def version(self) -> str:
        return engine_version()

    def open_sessions(self) -> int:
        """Evaluations still holding engine state (always 0 between calls)."""
        return len(self._fired)

    def evaluate(self, key: str, rules: Iterable[tuple[str, Any]], answers: dict[str, Any]) -> list[str]:
        """Ids of the rules whose conditions ``answers`` meet.

        ``key`` names the ruleset (use the pack fingerprint): it is compiled
        and registered the first time only. ``rules`` are (rule id, condition).
        """
        fact = self._fact(answers)
        name = "lf_" + re.sub(r"[^a-zA-Z0-9_]", "_", key)[:40]
        with self._lock:
            if name not in self._registered:
                self._register(name, rules)
            return self._run(name, fact)

    def refusal(self, cond) -> str | None:
        """Why the engine would not take ``cond`` as a rule, or None (lint asks this of
        every rule, so a pack that lints clean is one the engine accepts)."""
        found = limit_problem(cond)
        if found:
            return found[0]
        name = f"lf_probe_{next(self._sessions)}"
        definition = {"r": {"all": [{"m": compile_condition(cond)}],
                            "run": _RuleAction(self, "r").fire}}
        with self._lock:
            try:
                _refuse_hazards(definition)
                self._host.register_rulesets({name: definition})
            except EngineError as exc:
                return str(exc)
            except Exception:  # the engine's bare "error code: 113"
                return ("the rules engine cannot take this combination of groups (it refuses"
                        " it as too complex); split the rule or flatten its groups")
        return None

    def _register(self, name: str, rules: Iterable[tuple[str, Any]]) -> None:
        definition: dict[str, dict] = {}
        rules = list(rules)
        for rule_id, cond in rules:
            found = limit_problem(cond)
            if found:  # past the engine's limits it hangs or aborts: never hand it over
                raise EngineError(f"rule '{rule_id}': {found[0]}")
            definition[rule_id] = {"all": [{"m": compile_condition(cond)}],
                                   "run": _RuleAction(self, rule_id).fire}
        definition[_CATCH_ALL] = {"all": [{"m": {"$ex": {_NONCE: 1}}}],
                                  "run": _RuleAction(self, _CATCH_ALL).fire}
        _refuse_hazards(definition)
        try:
            self._host.register_rulesets({name: definition})
        except Exception as exc:  # the engine raises bare Exception with a C error code
            refused = [r for r, c in rules if self.refusal(c)]
            raise EngineError(f"the rules engine refused the pack ({exc}): rule"
                              f" {', '.join(map(repr, refused)) or 'combination'} is too"
                              " complex for it; run: leadfit pack lint") from exc
        self._registered.add(name)

    def _fact(self, answers: dict[str, Any]) -> dict[str, Any]:
        fact: dict[str, Any] = {}
        for question_id, value in answers.items():
            name = field_name(question_id)
            if name in fact:
                raise EngineError(f"two questions map to the engine field '{name}'")
            fact[name] = _engine_value(value)
        if len(fact) + 2 > MAX_PROPERTIES:
            raise EngineError(f"a case may hold at most {MAX_PROPERTIES - 2} answers for the engine;"
                              f" this one has {len(fact)}")
        return fact

    def _run(self, name: str, fact: dict[str, Any]) -> list[str]:
        session = f"s{next(self._sessions)}"
        self._fired[session] = []
        try:
            state = self._host.assert_fact(name, dict(fact, sid=session, **{_NONCE: session}))
            if isinstance(state, dict) and state.get("exception"):
                raise EngineError(f"a rule action failed inside the engine: {state['exception'][:300]}")
            fired = self._fired[session]
        except _durable.MessageNotHandledException as exc:  # pragma: no cover - catch-all rule
            raise EngineError("the engine matched no rule, not even the catch-all") from exc
        except EngineError:
            raise
        except Exception as exc:
            raise EngineError(f"the rules engine failed: {exc}") from exc
        finally:
            self._fired.pop(session, None)
            self._forget(name, session)
        if _CATCH_ALL not in fired:
            raise EngineError("the engine did not see the case (catch-all rule did not fire)")
        # A rule whose 'any' several alternatives meet fires once per alternative.
        return list(dict.fromkeys(r for r in fired if r != _CATCH_ALL))

    def _record(self, session: str, rule_id: str) -> None:
        self._fired[session].append(rule_id)

    def _forget(self, name: str, session: str) -> None:
        # The engine raises a bare Exception (error 309) when no state was stored.
        with suppress(Exception):
            self._host.delete_state(name, session)


def _refuse_hazards(definition: dict) -> None:
    """Refuse definitions that would hang or misroute the engine."""
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$nex":
                    raise EngineError("'$nex' (not exists) makes the engine spin forever; refused")
                if key in RESERVED_FIELDS:
                    raise EngineError(f"field '{key}' is reserved by the engine; refused")
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    for rule in definition.values():
        walk(rule["all"])


_ENGINE: RulesEngine | None = None
_ENGINE_LOCK = threading.Lock()


def get_engine() -> RulesEngine:
    """The process's single engine (the host cannot be shared by several)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = RulesEngine()
        return _ENGINE
