"""Each durable-rules quirk the adapter owns, fed through the adapter."""

from __future__ import annotations

import sys
import threading

import pytest

from leadfit.errors import EngineError
from leadfit.forms.conditions import Answered, Compare, Group
from leadfit.rules.runtime.engine import (
    MAX_PROPERTIES,
    RulesEngine,
    _never_run,
    field_name,
    get_engine,
    ruleset_name,
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
    from leadfit.rules.runtime.engine_json import refuse_hazards
    with pytest.raises(EngineError, match="spin forever"):
        refuse_hazards({"r": {"all": [{"m": {"$nex": {"q_x": 1}}}]}})
    with pytest.raises(EngineError, match="reserved"):
        refuse_hazards({"r": {"all": [{"m": {"$ex": {"id": 1}}}]}})


def test_too_many_properties_is_our_error_not_engine_302(engine):
    answers = {f"q{i}": i for i in range(MAX_PROPERTIES)}
    with pytest.raises(EngineError, match="at most 253 answers"):
        engine.evaluate("k4", [("a", AT_LEAST_1)], answers)


def test_two_questions_writing_one_engine_field_are_refused_not_merged(engine):
    """'a.b' and 'a_b' both become the field q_a_b: one answer would silently replace the other."""
    rules = [("a", Compare("eq", "a.b", 1))]
    assert engine.evaluate("k4b", rules, {"a.b": 1}) == ["a"]  # the field name is remembered
    held = engine.open_sessions()
    with pytest.raises(EngineError, match="two questions map to the engine field 'q_a_b'"):
        engine.evaluate("k4b", rules, {"a.b": 1, "a_b": 2})
    assert engine.open_sessions() == held  # refused before the engine saw it


def test_results_are_collected_in_python_and_state_is_deleted(engine):
    """A session's state holds at most SESSION_FACTS cases' facts, then is deleted."""
    engine.evaluate("k5", [("a", AT_LEAST_1)], {"candidate.digital_years": 4})
    assert engine.open_sessions() == 1
    engine._host.get_state(ruleset_name("k5"), "s1")  # held for the next cases
    for _ in range(RulesEngine.SESSION_FACTS - 1):
        engine.evaluate("k5", [("a", AT_LEAST_1)], {"candidate.digital_years": 4})
    assert engine.open_sessions() == 0
    with pytest.raises(Exception, match="309"):  # the engine has no state left for session 1
        engine._host.get_state(ruleset_name("k5"), "s1")


def test_cases_sharing_a_session_fire_only_their_own_rules(engine):
    """Earlier cases' facts stay in the session's state; each case's result is its own."""
    rules = [("a", AT_LEAST_1), ("b", AT_LEAST_2), ("c", AT_LEAST_3)]
    years = [5, 0, 2, 5, 1, 3, 0] * RulesEngine.SESSION_FACTS
    fired = [engine.evaluate("k5b", rules, {"candidate.digital_years": y}) for y in years]
    assert fired == [[r for r, least in (("a", 1), ("b", 2), ("c", 3)) if y >= least] for y in years]
    assert engine.open_sessions() <= 1


def test_the_one_action_takes_exactly_one_parameter_and_never_runs(engine):
    """Two parameters would make durable-rules treat the action as asynchronous; and the
    adapter takes fired rules off the engine's queue, so the action itself never runs."""
    assert _never_run.__code__.co_argcount == 1
    rules = [("a", AT_LEAST_1), ("b", AT_LEAST_2), ("c", AT_LEAST_3)]
    assert engine.evaluate("k6", rules, {"candidate.digital_years": 2}) == ["a", "b"]
    with pytest.raises(EngineError, match="adapter drives it"):
        _never_run(None)


def test_an_engine_failure_mid_queue_is_raised_and_leaves_no_state(engine, monkeypatch):
    from leadfit.rules.runtime import engine as adapter
    engine.evaluate("k6b", [("a", AT_LEAST_1)], {"candidate.digital_years": 4})

    def broken(handle, state):
        raise Exception("error code: 501")  # what the C API raises
    monkeypatch.setattr(adapter, "_C", type("C", (), {
        "assert_fact": staticmethod(adapter._C.assert_fact),
        "start_action_for_state": staticmethod(adapter._C.start_action_for_state),
        "complete_and_start_action": staticmethod(broken)}))
    with pytest.raises(EngineError, match="rules engine failed: error code: 501"):
        engine.evaluate("k6b", [("a", AT_LEAST_1)], {"candidate.digital_years": 4})
    assert engine.open_sessions() == 0
    monkeypatch.undo()
    assert engine.evaluate("k6b", [("a", AT_LEAST_1)], {"candidate.digital_years": 4}) == ["a"]


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


def test_non_ascii_text_reaches_the_engine_as_the_rule_names_it(engine):
    """The fact is written by the fast encoder unless something needs escaping; text
    beyond ASCII is then written as UTF-8, as the engine's own rules are."""
    name_is = Compare("eq", "candidate.name", "Ünïcode 名前")
    rules = [("named", name_is), ("ascii", Compare("eq", "candidate.name", "Ada"))]
    assert engine.evaluate("k-text", rules, {"candidate.name": "Ünïcode 名前"}) == ["named"]
    assert engine.evaluate("k-text", rules, {"candidate.name": "Ada"}) == ["ascii"]
    assert engine.evaluate("k-text", rules, {"candidate.name": "Unicode"}) == []


def test_text_answers_tested_only_for_equality_travel_as_numbers_and_mean_the_same(engine):
    """A choice or text the rules only test for (in)equality reaches the engine as a number
    (text_codes): an answer no rule names still equals none of the named texts, differs from
    each, and counts as answered; a question ordered anywhere keeps its own values."""
    from leadfit.forms.conditions import Member
    from leadfit.rules.runtime.engine_json import text_codes
    role = "candidate.former_role"
    rules = [("is-sales", Compare("eq", role, "sales")), ("not-sales", Compare("ne", role, "sales")),
             ("ops-or-it", Member("in", role, ("ops", "it"))),
             ("neither", Member("not_in", role, ("ops", "it"))), ("told", Answered(role))]
    assert text_codes(c for _, c in rules) == {role: {"sales": 1, "ops": 2, "it": 3}}
    assert engine.evaluate("k-codes", rules, {role: "sales"}) == ["is-sales", "neither", "told"]
    assert engine.evaluate("k-codes", rules, {role: "it"}) == ["not-sales", "ops-or-it", "told"]
    assert engine.evaluate("k-codes", rules, {role: "finance"}) == ["not-sales", "neither", "told"]
    assert engine.evaluate("k-codes", rules, {role: True}) == ["not-sales", "neither", "told"]
    assert engine.evaluate("k-codes", rules, {}) == []
    assert text_codes([AT_LEAST_1, Compare("eq", "candidate.digital_years", 2)]) == {}


def test_two_keys_sharing_their_first_40_characters_keep_their_own_rules(engine):
    """The ruleset was named by the key's first 40 characters: a second pack whose key began
    alike (two folders under one long path) was run with the first pack's rules."""
    shared = "x" * 40
    assert engine.evaluate(shared + "-one", [("a", AT_LEAST_1)], {"candidate.digital_years": 2}) == ["a"]
    assert engine.evaluate(shared + "-two", [("b", AT_LEAST_3)], {"candidate.digital_years": 2}) == []
    assert engine.evaluate(shared + "-two", [("b", AT_LEAST_3)], {"candidate.digital_years": 3}) == ["b"]
