"""The pack's conditions as durable-rules JSON, and what the engine must never be given.

The adapter (engine.py, the only importer of ``durable``) registers what this writes:
every case field namespaced ``q_...`` (field_name), or named by the adapter by
position; a question tested only for (in)equality with text travels as numbers
(text_codes); ``$nex`` and the engine's reserved field names are refused before the
engine sees them (refuse_hazards: the first spins forever, the others misroute).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from leadfit.errors import EngineError
from leadfit.forms.conditions import Answered, Group, Member, Unanswered

RESERVED_FIELDS = frozenset({"id", "sid", "label", "chart", "chart_context", "running", "$s",
                             "exception"})
_EQUALITY_OPS = frozenset({"eq", "ne", "in", "not_in"})
_OPS = {"lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte", "ne": "$neq"}


@lru_cache(maxsize=4096)
def field_name(question_id: str) -> str:
    """The engine field for a question id: namespaced, never a reserved name (cached: a
    case asks it of every answer, and the questions are few)."""
    return "q_" + re.sub(r"[^a-z0-9_]", "_", question_id.lower())


def compile_condition(cond, name_of: Callable[[str], str] = field_name,
                      codes: dict[str, dict[str, int]] | None = None) -> dict:
    """Our condition tree as durable-rules JSON (never ``$nex``: it spins forever), each
    question's field named by ``name_of``, and the text values of a question in ``codes``
    written as its numbers (text_codes)."""
    if isinstance(cond, Group):
        return {"$and" if cond.op == "all" else "$or":
                [compile_condition(p, name_of, codes) for p in cond.parts]}
    name = name_of(cond.question)
    if isinstance(cond, Answered):
        return {"$ex": {name: 1}}
    if isinstance(cond, Unanswered):  # never $nex: the fact carries a marker where it is absent
        return {"$ex": {absent_field(name): 1}}
    coded = codes.get(cond.question) if codes else None
    if isinstance(cond, Member):
        values = [coded[v] for v in cond.values] if coded else cond.values
        parts = [_compare("eq" if cond.op == "in" else "ne", name, v) for v in values]
        if len(parts) == 1:
            return parts[0]
        return {"$or": parts} if cond.op == "in" else {"$and": parts}
    return _compare(cond.op, name, coded[cond.value] if coded else cond.value)


def text_codes(conditions: Iterable[Any]) -> dict[str, dict[str, int]]:
    """question id -> {text value: number from 1} for each question every condition tests
    only for (in)equality with text. Such a test gives the same answer on the numbers, with
    0 for every answer no condition names (it equals none of them, as before): the engine
    then reads a number instead of a string in the fact and in every fired rule's message."""
    found: dict[str, dict[str, int]] = {}
    refused: set[str] = set()

    def walk(cond: Any) -> None:
        if isinstance(cond, Group):
            for part in cond.parts:
                walk(part)
            return
        if isinstance(cond, (Answered, Unanswered)):
            return
        values = cond.values if isinstance(cond, Member) else (cond.value,)
        if cond.op not in _EQUALITY_OPS or not all(isinstance(v, str) for v in values):
            refused.add(cond.question)
            return
        coded = found.setdefault(cond.question, {})
        for value in values:
            coded.setdefault(value, len(coded) + 1)

    for cond in conditions:
        walk(cond)
    return {q: coded for q, coded in found.items() if coded and q not in refused}


def absent_field(name: str) -> str:
    """The field a fact carries, set to 1, where the question of field ``name`` has no answer:
    ``unanswered`` tests that it exists, as ``$nex`` (not exists) would spin forever."""
    return name + "_none"


def unanswered_in(conditions: Iterable[Any]) -> list[str]:
    """Question ids the conditions test as not answered, in order of first use."""
    found: list[str] = []

    def walk(cond: Any) -> None:
        if isinstance(cond, Group):
            for part in cond.parts:
                walk(part)
        elif isinstance(cond, Unanswered) and cond.question not in found:
            found.append(cond.question)

    for cond in conditions:
        walk(cond)
    return found


def _compare(op: str, name: str, value: Any) -> dict:
    value = _engine_value(value)
    if op == "eq":
        return {name: value}
    return {_OPS[op]: {name: value}}


def _engine_value(value: Any) -> Any:
    return value.toordinal() if isinstance(value, date) else value


def refuse_hazards(definition: dict) -> None:
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
