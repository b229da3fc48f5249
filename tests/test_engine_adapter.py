"""Each durable-rules quirk the adapter owns, fed through the adapter."""

from __future__ import annotations

import inspect
import sys
import threading

import pytest

from leadfit.errors import EngineError
from leadfit.forms.conditions import Answered, Compare, Group
from leadfit.rules.runtime.engine import (
    MAX_PROPERTIES,
    RulesEngine,
    _RuleAction,
    field_name,
    get_engine,
)

AT_LEAST_1 = Compare("ge", "candidate.digital_years", 1)
AT_LEAST_2 = Compare("ge", "candidate.digital_years", 2)
AT_LEAST_3 = Compare("ge", "candidate.digital_years", 3)


@pytest.fixture
def engine():
    return RulesEngine()


def test_every_matching_rule_fires_not_only_the_first(engine):
    """A posted event goes to one rule only; a fact reaches all of them."""
    rules = [("a", AT_LEAST_1), ("b", AT_LEAST_2), ("c", AT_LEAST_3)]
    assert sorted(engine.evaluate("k1", rules, {"candidate.digital_years": 5})) == ["a", "b", "c"]


def test_same_case_twice_is_not_a_duplicate_fact(engine):
    rules = [("a", AT_LEAST_1)]
    answers = {"candidate.digital_years": 5}
    assert engine.evaluate("k2", rules, answers) == engine.evaluate("k2", rules, answers) == ["a"]


@pytest.mark.parametrize("reserved", ["id", "sid", "label", "chart", "running", "chart_context"])
def test_reserved_names_never_reach_the_engine(engine, reserved):
    """A question named like an engine key is namespaced (``id`` would spin at 100% CPU)."""
    assert field_name(reserved) == f"q_{reserved}"
    rules = [("a", Answered(reserved))]
    assert engine.evaluate("k3" + reserved, rules, {reserved: 1}) == ["a"]


def test_hazardous_raw_definitions_are_refused_before_the_engine_runs(engine):
    from leadfit.rules.runtime import engine as adapter
    with pytest.raises(EngineError, match="spin forever"):
        adapter._refuse_hazards({"r": {"all": [{"m": {"$nex": {"q_x": 1}}}]}})
    with pytest.raises(EngineError, match="reserved"):
        adapter._refuse_hazards({"r": {"all": [{"m": {"$ex": {"id": 1}}}]}})


def test_too_many_properties_is_our_error_not_engine_302(engine):
    answers = {f"q{i}": i for i in range(MAX_PROPERTIES)}
    with pytest.raises(EngineError, match="at most 253 answers"):
        engine.evaluate("k4", [("a", AT_LEAST_1)], answers)


def test_results_are_collected_in_python_and_state_is_deleted(engine):
    engine.evaluate("k5", [("a", AT_LEAST_1)], {"candidate.digital_years": 4})
    assert engine.open_sessions() == 0
    with pytest.raises(Exception, match="309"):  # the engine has no state left for session 1
        engine._host.get_state("lf_k5", "s1")


def test_actions_take_exactly_one_parameter():
    """Two parameters would make durable-rules treat the action as asynchronous."""
    action = _RuleAction(None, "r").fire
    assert inspect.ismethod(action) and action.__code__.co_argcount - 1 == 1


def test_exception_inside_an_action_is_raised_not_swallowed(engine, monkeypatch):
    def broken(session, rule_id):
        raise ZeroDivisionError("boom")
    monkeypatch.setattr(engine, "_record", broken)
    with pytest.raises(EngineError, match="rule action failed inside the engine"):
        engine.evaluate("k6", [("a", AT_LEAST_1)], {"candidate.digital_years": 4})
    assert engine.open_sessions() == 0


def test_a_case_no_rule_matches_is_not_an_error(engine):
    assert engine.evaluate("k7", [("a", AT_LEAST_3)], {"candidate.digital_years": 0}) == []
    assert engine.evaluate("k7", [("a", AT_LEAST_3)], {}) == []


def test_a_ruleset_registers_once_per_key(engine, monkeypatch):
    calls = []
    original = engine._host.register_rulesets
    monkeypatch.setattr(engine._host, "register_rulesets", lambda d: (calls.append(d), original(d)))
    for _ in range(3):
        engine.evaluate("k8", [("a", AT_LEAST_1)], {"candidate.digital_years": 1})
    assert len(calls) == 1


def test_one_engine_per_process_and_no_timer_threads():
    before = threading.active_count()
    assert get_engine() is get_engine()
    RulesEngine()
    assert threading.active_count() == before


def test_concurrent_callers_are_serialised(engine):
    rules = [("a", AT_LEAST_1), ("b", Group("all", (AT_LEAST_2, AT_LEAST_3)))]
    results, errors = [], []

    def work(years):
        try:
            for _ in range(50):
                results.append((years, tuple(sorted(engine.evaluate("k9", rules, {"candidate.digital_years": years})))))
        except Exception as exc:  # noqa: BLE001 - any failure is collected and asserted below
            errors.append(exc)
    threads = [threading.Thread(target=work, args=(y,)) for y in (0, 1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    expected = {0: (), 1: ("a",), 2: ("a",), 3: ("a", "b")}
    assert all(expected[y] == fired for y, fired in results) and len(results) == 200


def test_module_level_engine_globals_are_never_loaded():
    """durable.lang's global ruleset registry stays unused."""
    get_engine().evaluate("k10", [("a", AT_LEAST_1)], {"candidate.digital_years": 2})
    assert "durable.lang" not in sys.modules


def test_dates_compare_in_the_engine(engine):
    from datetime import date
    rules = [("late", Compare("gt", "org.review_date", date(2027, 1, 1)))]
    assert engine.evaluate("k11", rules, {"org.review_date": date(2027, 3, 1)}) == ["late"]
    assert engine.evaluate("k11", rules, {"org.review_date": date(2026, 3, 1)}) == []


def test_a_rule_whose_any_several_alternatives_meet_is_returned_once(engine):
    """durable-rules fires ``all: [x, any: [a, b]]`` once per alternative met (the oracle test found it)."""
    either = Group("any", (AT_LEAST_1, Compare("eq", "candidate.rivals", True)))
    rules = [("both", Group("all", (Answered("candidate.rivals"), either)))]
    assert engine.evaluate("k12", rules, {"candidate.digital_years": 4, "candidate.rivals": True}) == ["both"]
