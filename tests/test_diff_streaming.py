"""pack diff keeps counts, not cases: only cases that change stay in memory; a second
worker process is started only where it can buy time."""

from __future__ import annotations

from leadfit.rules.authoring import diff_cases
from leadfit.rules.authoring.diff import impact, scenario_cases
from leadfit.rules.model.library import default_pack, resolve_pack


def test_only_changed_cases_are_kept_and_the_counts_cover_every_case():
    a, b = default_pack(), resolve_pack("bank")
    cases = scenario_cases(a, b) * 3
    result = impact(a, b, cases, workers=1)
    assert result.compared == len(cases)
    assert 0 < len(result.changed) < len(cases)
    assert all(c.changed for c in result.changed)
    once = impact(a, b, scenario_cases(a, b), workers=1)
    assert sum(result.outcome_moves().values()) == 3 * sum(once.outcome_moves().values())
    assert (result.risk_changes, result.id_changes) == (3 * once.risk_changes, 3 * once.id_changes)
    assert result.to_data()["cases"] == len(cases)


def test_results_remembered_for_repeated_answers_are_bounded(monkeypatch):
    monkeypatch.setattr(diff_cases, "REMEMBERED", 5)
    a, b = default_pack(), resolve_pack("bank")
    evaluator = diff_cases.Evaluator(a, b)
    for case in scenario_cases(a, b)[:20]:
        evaluator.pair(case.work)
    assert len(evaluator.cache) == 5


def test_repeats_are_looked_up_only_while_they_are_found(monkeypatch):
    """Past TRIED cases with under 1 in 50 repeated, no key is made: the results are the same."""
    monkeypatch.setattr(diff_cases, "TRIED", 10)
    a, b = default_pack(), resolve_pack("bank")
    cases = scenario_cases(a, b)[:30]
    distinct, repeated = diff_cases.Evaluator(a, b), diff_cases.Evaluator(a, b)
    alone = [diff_cases.Evaluator(a, b).pair(c.work) for c in cases]
    assert [distinct.pair(c.work) for c in cases] == alone
    assert distinct.lookups is None and distinct.cache == {}
    assert [repeated.pair(c.work) for c in cases[:2] * 15] == alone[:2] * 15
    assert repeated.lookups == 30 and repeated.hits == 28


def test_a_second_worker_only_with_enough_cases_and_an_idle_core(monkeypatch):
    monkeypatch.setattr(diff_cases.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(diff_cases.os, "getloadavg", lambda: (0.3, 0.3, 0.3))
    assert diff_cases.worth_a_second_worker(diff_cases.PARALLEL_FROM)
    assert not diff_cases.worth_a_second_worker(diff_cases.PARALLEL_FROM - 1)
    monkeypatch.setattr(diff_cases.os, "getloadavg", lambda: (1.1, 1.1, 1.1))  # one core was busy
    assert diff_cases.worth_a_second_worker(diff_cases.PARALLEL_FROM)  # just before: 2 workers 1.7x faster
    monkeypatch.setattr(diff_cases.os, "getloadavg", lambda: (2.5, 2.5, 2.5))  # both cores busy
    assert not diff_cases.worth_a_second_worker(10 * diff_cases.PARALLEL_FROM)
    monkeypatch.setattr(diff_cases.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(diff_cases.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert not diff_cases.worth_a_second_worker(10 * diff_cases.PARALLEL_FROM)  # one core
