"""The matching seam: which of a pack's rules a case's answers meet.

Two matchers implement it:

- the durable-rules adapter (``rules/runtime/engine.py``), the engine of record: every
  assessment a person sees or records is decided by it;
- ``ExactMatcher``, the Python evaluator of the same condition language
  (``forms/conditions.py``): the engine's oracle (a property test proves they
  fire the same rules) and the fast path for work that needs many evaluations
  per answer (exploring unknown answers, pack impact, coverage).

Callers receive a matcher as an argument; nothing here is a module global.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from leadfit.forms import conditions

RuleConditions = Iterable[tuple[str, conditions.Condition]]


class Matcher(Protocol):
    """Ids of the rules whose conditions the answers meet, in any order.

    ``key`` names the ruleset (the pack fingerprint): a matcher may compile it
    once per key. ``answers`` maps question id -> value; unanswered are absent.
    """

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    def evaluate(self, key: str, rules: RuleConditions, answers: dict[str, Any]) -> list[str]: ...


class ExactMatcher:
    """The condition language evaluated in Python: the oracle, about 20x the engine's speed.

    Each ruleset's conditions are compiled to functions once per key, as the engine
    registers a ruleset once (``conditions.compiled`` gives what ``conditions.evaluate``
    gives: tests/test_conditions_compiled.py): what would change it tries some sixty
    answer sets per case, and walking each condition's tree was most of that."""

    name = "leadfit-exact"
    KEPT = 256  # rulesets compiled and kept; past it they are compiled again

    def __init__(self) -> None:
        self._compiled: dict[str, tuple[tuple[str, Callable[[dict[str, Any]], bool]], ...]] = {}

    @property
    def version(self) -> str:
        return "1"  # the condition language's semantics; bump when they change

    def evaluate(self, key: str, rules: RuleConditions, answers: dict[str, Any]) -> list[str]:
        tests = self._compiled.get(key)
        if tests is None:  # one dict write: threads that both compile keep equal tuples
            if len(self._compiled) >= self.KEPT:
                self._compiled.clear()
            tests = self._compiled[key] = tuple(
                (rule_id, conditions.compiled(cond)) for rule_id, cond in rules)
        return [rule_id for rule_id, test in tests if test(answers)]


EXACT = ExactMatcher()  # what it keeps depends on the key alone, so one instance serves every
# caller and thread


def engine_of_record() -> Matcher:
    """The durable-rules adapter (loaded on first use: importing it starts the engine)."""
    global _engine_of_record
    if _engine_of_record is None:  # every evaluation asks: an import statement costs more
        from leadfit.rules.runtime.engine import get_engine
        _engine_of_record = get_engine
    made: Matcher = _engine_of_record()
    return made


_engine_of_record: Callable[[], Matcher] | None = None
