"""What durable-rules can take, measured, so a pack that loads is a pack the engine runs.

Found by bisection against the engine (``benchmarks/engine_limits.py`` re-measures
them; ``tests/test_engine_limits.py`` pins them). Past each limit the engine either
refuses the ruleset with a bare "error code: 113" or never returns (and once, in the
same run, aborted the process). The numbers are on the conditions as compiled for the
engine (``rules/runtime/engine.py``): ``all`` is ``$and``, ``any`` is ``$or``, an ``in`` list
of several values is an ``$or`` of equalities, a ``not_in`` list an ``$and``.

- MAX_DEPTH: groups nested inside one another (16 is refused);
- MAX_ALTERNATIVES: comparisons one ``$or`` chooses between, counting an ``$or``
  nested in an ``$or`` as its alternatives (511 never returns);
- MAX_SUBGROUPS: groups of the other kind directly inside one group (an ``$and`` of
  15 ``$or`` groups is refused, and so is an ``$or`` of 15 ``$and`` groups).

Some other shapes within these limits are refused too (a clean "error code: 113"):
``leadfit pack lint`` asks the engine about every rule (``RulesEngine.refusal``).

This module imports no engine: lint and pack loading use it without loading durable.
"""

from __future__ import annotations

from typing import Any

from leadfit.forms.conditions import ConditionProblem, Group, Member

MAX_DEPTH = 15
MAX_ALTERNATIVES = 510
MAX_SUBGROUPS = 14


def _kind(cond) -> str | None:
    """'$and', '$or' or None (a single comparison) for one node as compiled."""
    if isinstance(cond, Group):
        return "$and" if cond.op == "all" else "$or"
    if isinstance(cond, Member) and len(cond.values) > 1:
        return "$or" if cond.op == "in" else "$and"
    return None


def _children(cond) -> tuple:
    return cond.parts if isinstance(cond, Group) else ()


def _flat(cond, kind: str) -> list:
    """The members of ``cond`` with nested groups of the same kind dissolved (iterative)."""
    out, todo = [], list(reversed(_children(cond)))
    while todo:
        part = todo.pop()
        if _kind(part) == kind and isinstance(part, Group):
            todo += reversed(part.parts)
        else:
            out.append(part)
    return out


def _width(cond) -> int:
    """How many alternatives an ``$or`` node stands for (an ``$or`` inside counts its own)."""
    if isinstance(cond, Member):
        return len(cond.values)
    return sum(len(p.values) if isinstance(p, Member) and _kind(p) == "$or" else 1
               for p in _flat(cond, "$or"))


def limit_problem(cond) -> tuple[str, tuple] | None:
    """(what is too big, path to it) for the first limit ``cond`` exceeds, else None.

    Iterative, so a condition 5,000 terms wide or deep never exhausts the stack."""
    stack: list[tuple[Any, tuple, int]] = [(cond, (), 1 if _kind(cond) else 0)]
    while stack:
        node, path, depth = stack.pop()
        kind = _kind(node)
        if depth > MAX_DEPTH:
            return (f"conditions are nested {depth} groups deep; the rules engine takes at"
                    f" most {MAX_DEPTH}: flatten them", path)
        if kind == "$or":
            width = _width(node)
            if width > MAX_ALTERNATIVES:
                what = "values in an 'in' list" if isinstance(node, Member) else "alternatives"
                return (f"{width} {what} in one choice; the rules engine takes at most"
                        f" {MAX_ALTERNATIVES} (split the rule, or group the values into"
                        " a question of their own)", path)
        if kind and isinstance(node, Group):
            other = "$or" if kind == "$and" else "$and"
            inner = sum(_kind(p) == other for p in _flat(node, kind))
            if inner > MAX_SUBGROUPS:
                return (f"{inner} groups inside one '{node.op}'; the rules engine takes at most"
                        f" {MAX_SUBGROUPS}: split the rule", path)
        for i, part in enumerate(_children(node)):
            stack.append((part, path + (node.op, i), depth + (1 if _kind(part) else 0)))
    return None


def within_limits(cond):
    """``cond``, or ConditionProblem naming the limit it exceeds (for pack loading)."""
    found = limit_problem(cond)
    if found:
        raise ConditionProblem(*found)
    return cond
