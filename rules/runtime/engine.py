"""The one adapter over the durable-rules engine. Nothing else imports ``durable``.

It owns the engine's quirks (see docs/engine.md):
- a case enters as one *fact*, so every matching rule fires (a posted event
  is consumed by the first matching rule only);
- each evaluation gets its own session id and nonce, and its state is
  deleted afterwards (same-content facts clash; state leaks otherwise);
- every case field is namespaced ``q_...``, and those the rules read are named by
  position (``f0``...) in the fact; reserved names never reach it (the conditions'
  JSON and the refusals: engine_json.py);
- at most 255 properties per fact, checked before the engine sees it;
- results are collected in Python, never written to engine state: the
  adapter drives the engine's action queue itself (no Python action runs per
  fired rule, so no JSON round trip of the state either);
- rulesets name their rules by position (``r0``...), so a fired rule is read
  off the engine's message without parsing it;
- the one registered action takes exactly one parameter (two means
  "asynchronous") and never runs;
- a catch-all rule means no fact is ever "not handled" (a session whose facts were all
  "not handled" makes delete_state abort the process);
- choice and text answers the rules only test for (in)equality travel as small numbers,
  one per value the rules name (0: any other), so the fact and every message are shorter;
- a rule fires once per 'any' alternative met; each rule id is returned once;
- rulesets are registered once per pack fingerprint on one quiet host
  (no timer threads), and every call runs under one lock.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import Any

import durable.engine as _durable
from durable.engine import durable_rules_engine as _C  # the engine's C API

from leadfit.errors import EngineError
from leadfit.forms.conditions import questions_in
from leadfit.rules.model.engine_limits import limit_problem
from leadfit.rules.runtime.engine_json import (
    absent_field,
    compile_condition,
    field_name,
    refuse_hazards,
    text_codes,
    unanswered_in,
)

ENGINE_NAME = "durable-rules"
MAX_PROPERTIES = 255
_NONCE = "lf_nonce"
_CATCH_ALL = "seen"  # rules are named r<position>, so no rule can take this name


@lru_cache(maxsize=1)
def engine_version() -> str:
    """Read once: package metadata lookups cost more than an evaluation. The installed
    distribution's folder beside the engine names its version; importlib.metadata only
    where it does not (importing it was a tenth of a fresh `leadfit evaluate`, issue 15)."""
    found = _installed_beside()
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("durable-rules")
    except PackageNotFoundError:  # pragma: no cover - installed with LeadFit
        return "unknown"


def _installed_beside() -> str | None:
    """The version in the one ``durable_rules-<version>.dist-info`` folder beside the
    ``durable`` package that is imported (as pip installs it), else None."""
    try:
        site = Path(_durable.__file__).resolve().parent.parent
        found = [p.name for p in site.glob("durable_rules-*.dist-info")]
    except (OSError, TypeError):
        return None
    if len(found) != 1:
        return None
    return found[0][len("durable_rules-"):-len(".dist-info")]


def _never_run(c) -> None:
    """The one action every rule names: the engine requires one, but the adapter takes
    the fired rules off the engine's queue itself, so this never runs (one parameter:
    two would make the engine treat it as asynchronous)."""
    raise EngineError("a rule action ran through durable-rules' dispatch; the adapter drives it")


class _Ruleset:
    """A registered ruleset: the engine's handle, rule id by position name ("r3"), the short
    field name of each question its rules read, each answer's JSON member written so far
    ((question id, type, answer) -> '"f3": 5'), and the session its facts go to now."""

    __slots__ = ("handle", "ids", "short", "codes", "absent", "written", "session", "facts")

    def __init__(self, handle: Any, ids: dict[str, str], short: dict[str, str],
                 codes: dict[str, dict[str, int]], absent: tuple[tuple[str, str], ...] = ()):
        self.handle, self.ids, self.short, self.codes = handle, ids, short, codes
        # (question id, its '"f3_none": 1' member) of each question a rule tests as unanswered
        self.absent = absent
        self.written: dict[tuple, str] = {}
        self.session: str | None = None  # None: the next fact starts a new one
        self.facts = 0  # facts the session holds


class _QuietHost(_durable.Host):
    """A host without the dispatch timer threads: we only assert facts synchronously."""

    def _run(self) -> None:
        return None


def ruleset_name(key: str) -> str:
    """The engine's name for the ruleset of ``key``: a digest of the whole key, so two keys
    sharing a long beginning (a folder path, a fingerprint's prefix) never share a ruleset
    (each would run the other's rules)."""
    return "lf_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:40]


class RulesEngine:
    """One host per process; evaluations are serialised under one lock."""

    WRITTEN = 4096  # answers' JSON members remembered
    SESSION_FACTS = 64  # cases' facts one session's state holds before it is deleted

    def __init__(self) -> None:
        self._host = _QuietHost()
        self._lock = threading.Lock()
        self._rulesets: dict[str, _Ruleset] = {}  # by name
        self._open: set[str] = set()
        self._names: dict[str, str] = {}  # key -> ruleset name
        self._fields: dict[str, str] = {}  # question id -> engine field (field_name, kept)
        self._owners: dict[str, str] = {}  # engine field -> the first question id writing it
        self._contested: set[str] = set()  # fields two question ids write
        self._sessions = count(1)

    @property
    def name(self) -> str:
        return ENGINE_NAME

    @property
    def version(self) -> str:
        return engine_version()

    def open_sessions(self) -> int:
        """Sessions holding engine state: at most one per ruleset, each with at most
        SESSION_FACTS cases' facts, none after a failure."""
        return len(self._open)

    def evaluate(self, key: str, rules: Iterable[tuple[str, Any]], answers: dict[str, Any]) -> list[str]:
        """Ids of the rules whose conditions ``answers`` meet.

        ``key`` names the ruleset (use the pack fingerprint): it is compiled
        and registered the first time only. ``rules`` are (rule id, condition).
        """
        name = self._names.get(key)
        if name is None:  # worked out once per key: a digest costs more than a rule
            name = self._names[key] = ruleset_name(key)
        with self._lock:  # the written members are shared: filled under the lock too
            ruleset = self._rulesets.get(name)
            if ruleset is None:
                ruleset = self._register(name, rules)
            return self._run(ruleset, self._fact(ruleset, answers))

    def refusal(self, cond) -> str | None:
        """Why the engine would not take ``cond`` as a rule, or None (lint asks this of
        every rule, so a pack that lints clean is one the engine accepts)."""
        found = limit_problem(cond)
        if found:
            return found[0]
        name = f"lf_probe_{next(self._sessions)}"
        definition = {"r": {"all": [{"m": compile_condition(cond)}],
                            "run": _never_run}}
        with self._lock:
            try:
                refuse_hazards(definition)
                self._host.register_rulesets({name: definition})
            except EngineError as exc:
                return str(exc)
            except Exception:  # the engine's bare "error code: 113"
                return ("the rules engine cannot take this combination of groups (it refuses"
                        " it as too complex); split the rule or flatten its groups")
        return None

    def _register(self, name: str, rules: Iterable[tuple[str, Any]]) -> _Ruleset:
        definition: dict[str, dict] = {}
        rules = list(rules)
        # The fields the rules read are named by position (f0, f1...): every fired rule's
        # message carries the whole fact, so short names make each shorter to write and read.
        short: dict[str, str] = {}
        codes = text_codes(cond for _, cond in rules)
        for position, (rule_id, cond) in enumerate(rules):
            found = limit_problem(cond)
            if found:  # past the engine's limits it hangs or aborts: never hand it over
                raise EngineError(f"rule '{rule_id}': {found[0]}")
            for question_id in questions_in(cond):
                short.setdefault(question_id, f"f{len(short)}")
            definition[f"r{position}"] = {"all": [{"m": compile_condition(cond, short.__getitem__, codes)}],
                                          "run": _never_run}
        definition[_CATCH_ALL] = {"all": [{"m": {"$ex": {_NONCE: 1}}}], "run": _never_run}
        refuse_hazards(definition)
        try:
            self._host.register_rulesets({name: definition})
        except Exception as exc:  # the engine raises bare Exception with a C error code
            refused = [r for r, c in rules if self.refusal(c)]
            raise EngineError(f"the rules engine refused the pack ({exc}): rule"
                              f" {', '.join(map(repr, refused)) or 'combination'} is too"
                              " complex for it; run: leadfit pack lint") from exc
        ids = {f"r{position}": rule_id for position, (rule_id, _) in enumerate(rules)}
        absent = tuple((q, _as_json({absent_field(short[q]): 1})[1:-1])
                       for q in unanswered_in(cond for _, cond in rules))
        made = self._rulesets[name] = _Ruleset(self._host.get_ruleset(name)._handle, ids, short, codes,
                                               absent)
        return made

    def _fact(self, ruleset: _Ruleset, answers: dict[str, Any]) -> list[str]:
        """The case as the fact's JSON members (``"f3": value``), each written once per
        answer: the answers of one pack repeat, and writing JSON costs more than a lookup."""
        written, out = ruleset.written, []
        for question_id, value in answers.items():
            key = (question_id, value.__class__, value)  # with its type, as True == 1 in a key
            member = written.get(key)
            if member is None:
                member = self._member(ruleset, question_id, value, key)
            out.append(member)
        for question_id, member in ruleset.absent:  # 'unanswered': a marker where no answer is
            if answers.get(question_id) is None:
                out.append(member)
        if self._contested:  # two question ids seen that map to one field: are both here?
            taken: dict[str, str] = {}
            for question_id in answers:
                if taken.setdefault(self._fields[question_id], question_id) != question_id:
                    raise EngineError(f"two questions map to the engine field '{self._fields[question_id]}'")
        if len(out) + 2 > MAX_PROPERTIES:
            raise EngineError(f"a case may hold at most {MAX_PROPERTIES - 2} answers for the engine;"
                              f" this one has {len(out)}")
        return out

    def _member(self, ruleset: _Ruleset, question_id: str, value: Any, key: tuple) -> str:
        name = self._fields.get(question_id)
        if name is None:  # the namespaced name: two question ids it merges are refused together
            name = self._fields[question_id] = field_name(question_id)
            owner = self._owners.setdefault(name, question_id)
            if owner != question_id:
                self._contested.add(name)
        name = ruleset.short.get(question_id, name)  # read by a rule: its short name
        coded = ruleset.codes.get(question_id)
        if coded is not None:  # only tested for equality with the texts it numbers
            value = coded.get(value, 0) if value.__class__ is str else 0
        member = _as_json({name: value.toordinal() if isinstance(value, date) else value})[1:-1]
        written = ruleset.written
        if len(written) >= self.WRITTEN:  # text answers are unbounded; the memory is not
            written.clear()
        written[key] = member
        return member

    def _run(self, ruleset: _Ruleset, members: list[str]) -> list[str]:
        """Assert the fact, then take each fired rule off the engine's action queue.

        The engine's own dispatch would run a Python action per fired rule, each
        loading and dumping the session state as JSON and stamping the time; the
        queue gives the same rules in the same order without any of that.

        A session takes up to SESSION_FACTS cases' facts, each with its own nonce, before
        its state is deleted: making and deleting a state cost the engine as much as
        matching the case. Every rule matches one fact, so a case's fact fires only its
        own rules, and each case's actions are all taken off the queue before the next
        is asserted; on any failure the state is deleted at once.
        """
        handle, ids = ruleset.handle, ruleset.ids
        session = ruleset.session
        if session is None:
            session = ruleset.session = f"s{next(self._sessions)}"
            self._open.add(session)
        fired: list[str] = []
        members.append(f'"sid": "{session}", "{_NONCE}": "n{next(self._sessions)}"')
        try:
            result = _C.assert_fact(handle, "{" + ", ".join(members) + "}")
            if result[0] == 1:  # pragma: no cover - the catch-all rule matches every fact
                raise EngineError("the engine matched no rule, not even the catch-all")
            state, complete, named = result[1], _C.complete_and_start_action, fired.append
            started = _C.start_action_for_state(handle, state) if result[0] == 0 else None
            message = started[1] if started else None
            while message:  # '{"r12":{"m":...}}': the rule's name, read without parsing
                named(message[2:message.index('"', 2)])
                message = complete(handle, state)
            ruleset.facts += 1
        except EngineError:
            self._end_session(ruleset)
            raise
        except Exception as exc:
            self._end_session(ruleset)
            raise EngineError(f"the rules engine failed: {exc}") from exc
        if ruleset.facts >= self.SESSION_FACTS:
            self._end_session(ruleset)
        if _CATCH_ALL not in fired:
            self._end_session(ruleset)
            raise EngineError("the engine did not see the case (catch-all rule did not fire)")
        # A rule whose 'any' several alternatives meet fires once per alternative; the
        # catch-all is no rule of the pack (no id: None).
        found: dict[Any, None] = dict.fromkeys(map(ids.get, fired))
        del found[None]
        return list(found)

    def _end_session(self, ruleset: _Ruleset) -> None:
        """Delete the session's state (if any): the next fact starts a new session."""
        session, ruleset.session, ruleset.facts = ruleset.session, None, 0
        if session is None:
            return
        self._open.discard(session)
        try:
            _C.delete_state(ruleset.handle, session)
        except Exception:  # the engine raises error 309 when no state was stored
            pass


def _as_json(fact: dict) -> str:
    """JSON as the engine's own wrapper writes it: text beyond ASCII as UTF-8, not escaped."""
    return json.dumps(fact, ensure_ascii=False)


_ENGINE: RulesEngine | None = None
_ENGINE_LOCK = threading.Lock()


def get_engine() -> RulesEngine:
    """The process's single engine (the host cannot be shared by several)."""
    global _ENGINE
    if _ENGINE is not None:  # made: every evaluation asks, and a lock costs more than a read
        return _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = RulesEngine()
        return _ENGINE
