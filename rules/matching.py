"""Which rules match some answers: one small interface, two implementations.

Searches (unknown answers, what would change it) ask this many times per
update, so they use the exact Python evaluator of the condition language
(forms/conditions.py, the oracle the engine is tested against). The outcome
people act on is always decided by the durable-rules engine (EngineMatcher).
"""

from __future__ import annotations

from typing import Protocol

from leadfit.forms import conditions
from leadfit.rules.engine import get_engine
from leadfit.rules.pack import Pack


class Matcher(Protocol):
    name: str

    def fired(self, pack: Pack, answers: dict, rules=None) -> set[str]:
        """Ids of the rules (of ``rules``, default all the pack's) that ``answers`` meet."""
        ...


class OracleMatcher:
    name = "condition evaluator"

    def fired(self, pack: Pack, answers: dict, rules=None) -> set[str]:
        return {r.id for r in (pack.rules if rules is None else rules)
                if conditions.evaluate(r.condition, answers)}


class EngineMatcher:
    name = "durable-rules"

    def fired(self, pack: Pack, answers: dict, rules=None) -> set[str]:
        ids = set(get_engine().evaluate(pack.fingerprint, ((r.id, r.condition) for r in pack.rules),
                                        answers))
        return ids if rules is None else ids & {r.id for r in rules}


ORACLE = OracleMatcher()
ENGINE = EngineMatcher()
