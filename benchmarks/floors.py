"""The peers and floors one evaluation is measured against, each generated from the pack.

- ``zen_decision(pack)``: a GoRules Zen decision graph holding one "collect"
  decision table, one row per rule, the row's cell the rule's condition as a
  Zen expression (benchmark-only: zen-engine is the ``bench`` extra);
- ``durable_alone(pack)``: durable-rules through its public API on the same
  compiled conditions with no-op actions (what the engine costs before LeadFit);
- ``python_predicates(pack)``: each condition compiled to a Python closure.

Each takes the engine fact (``engine_fact``) and returns the ids of the rules
that match; the benchmark checks all of them agree with LeadFit on every case.
A comparison on an unanswered question is false, and so is its negation, as in
``forms/conditions.py``: every Zen comparison is guarded by ``!= null``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from leadfit.forms.conditions import Answered, Compare, Group, Member, Unanswered
from leadfit.rules.runtime.engine import compile_condition, field_name
from leadfit.rules.runtime.engine_json import absent_field, unanswered_in

_ZEN_OPS = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def engine_fact(answers: dict) -> dict:
    """The answers as every floor reads them: engine field names, dates as day numbers."""
    return {field_name(k): (v.toordinal() if isinstance(v, date) else v) for k, v in answers.items()}


# --- GoRules Zen ---------------------------------------------------------------------

def zen_expression(cond) -> str:
    """Our condition tree as one Zen expression over the engine fact."""
    if isinstance(cond, Group):
        joiner = " and " if cond.op == "all" else " or "
        return "(" + joiner.join(zen_expression(p) for p in cond.parts) + ")"
    name = field_name(cond.question)
    if isinstance(cond, Answered):
        return f"({name} != null)"
    if isinstance(cond, Unanswered):
        return f"({name} == null)"
    if isinstance(cond, Member):
        if not cond.values:
            return "false"
        listed = "[" + ", ".join(_zen_value(v) for v in cond.values) + "]"
        test = f"{name} in {listed}" if cond.op == "in" else f"not ({name} in {listed})"
        return f"({name} != null and {test})"
    assert isinstance(cond, Compare)
    return f"({name} != null and {name} {_ZEN_OPS[cond.op]} {_zen_value(cond.value)})"


def _zen_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return str(value.toordinal())
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value))  # a double-quoted string literal


def zen_graph(pack) -> dict:
    """The pack's rules as one JDM graph: input -> collect table -> output."""
    rows = [{"_id": f"row{i}", "cond": zen_expression(r.condition), "out": json.dumps(r.id)}
            for i, r in enumerate(pack.rules)]
    table = {"hitPolicy": "collect",
             "inputs": [{"id": "cond", "name": "Condition"}],  # no field: the cell is an expression
             "outputs": [{"id": "out", "name": "Rule", "field": "rule"}],
             "rules": rows}
    nodes = [{"id": "in", "type": "inputNode", "name": "Case", "position": {"x": 0, "y": 0}},
             {"id": "table", "type": "decisionTableNode", "name": pack.label, "content": table,
              "position": {"x": 200, "y": 0}},
             {"id": "out", "type": "outputNode", "name": "Rules", "position": {"x": 400, "y": 0}}]
    edges = [{"id": "e1", "sourceId": "in", "targetId": "table"},
             {"id": "e2", "sourceId": "table", "targetId": "out"}]
    return {"contentType": "application/vnd.gorules.decision", "nodes": nodes, "edges": edges}


def zen_decision(pack, precompiled: bool = True):
    """A callable fact -> matching rule ids, evaluated by GoRules Zen: the graph given as
    ``ZenDecisionContent`` (compiled once; Zen's fastest) or as JSON text."""
    import zen  # the bench extra: pip install -e '.[bench]'

    graph = json.dumps(zen_graph(pack))
    decision = zen.ZenEngine().create_decision(zen.ZenDecisionContent(graph) if precompiled else graph)

    def fired(fact: dict) -> list[str]:
        result = decision.evaluate(fact)["result"]
        return [row["rule"] for row in result]
    return fired


# --- durable-rules alone -------------------------------------------------------------

def durable_alone(pack):
    """A callable fact -> matching rule ids: durable-rules' public API, no-op actions."""
    import durable.engine as raw  # the benchmark's floor only; product code uses the adapter

    class Quiet(raw.Host):
        def _run(self):
            return None

    seen: list[str] = []

    class Record:
        def __init__(self, rule_id):
            self.rule_id = rule_id

        def fire(self, c):
            seen.append(self.rule_id)

    host = Quiet()
    rules = {r.id: {"all": [{"m": compile_condition(r.condition)}], "run": Record(r.id).fire}
             for r in pack.rules}
    rules["seen"] = {"all": [{"m": {"$ex": {"lf_n": 1}}}], "run": Record("seen").fire}
    host.register_rulesets({"floor": rules})
    counter = iter(range(10**12))
    # 'unanswered' reads a marker where the answer is absent, as the adapter writes it
    absent = [(field_name(q), absent_field(field_name(q))) for q in unanswered_in(r.condition for r in pack.rules)]

    def fired(fact: dict) -> list[str]:
        seen.clear()
        n = next(counter)
        markers = {marker: 1 for name, marker in absent if name not in fact}
        host.assert_fact("floor", dict(fact, **markers, sid=f"s{n}", lf_n=n))
        host.delete_state("floor", f"s{n}")
        return list(dict.fromkeys(r for r in seen if r != "seen"))
    return fired


# --- plain Python predicates ---------------------------------------------------------

_PY_OPS = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def python_source(cond) -> str:
    """The condition as one Python expression over the engine fact ``f`` (unanswered: false)."""
    if isinstance(cond, Group):
        joiner = " and " if cond.op == "all" else " or "
        return "(" + joiner.join(python_source(p) for p in cond.parts) + ")"
    name = field_name(cond.question)
    if isinstance(cond, Answered):
        return f"({name!r} in f)"
    if isinstance(cond, Unanswered):
        return f"({name!r} not in f)"
    if isinstance(cond, Member):
        values = repr(frozenset(_py_value(v) for v in cond.values))
        test = "in" if cond.op == "in" else "not in"
        return f"({name!r} in f and f[{name!r}] {test} {values})"
    return f"({name!r} in f and f[{name!r}] {_PY_OPS[cond.op]} {_py_value(cond.value)!r})"


def _py_value(value: Any) -> Any:
    return value.toordinal() if isinstance(value, date) else value


def python_predicate(cond):
    """The condition compiled to a Python function of the fact: what hand-written code costs."""
    return eval("lambda f: " + python_source(cond), {})  # our own generated text, no input


def python_predicates(pack):
    """A callable fact -> matching rule ids: one closure per rule, in pack order."""
    compiled = [(r.id, python_predicate(r.condition)) for r in pack.rules]

    def fired(fact: dict) -> list[str]:
        return [rule_id for rule_id, test in compiled if test(fact)]
    return fired
