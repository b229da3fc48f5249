"""A large pack diff shares its chunks with a helper process (rules/authoring/diff_pool.py):
the same impact as one process, whether the helper takes chunks, dies holding some or
cannot start at all."""

from __future__ import annotations

import os

import pytest

from leadfit.rules.authoring import diff_cases, diff_pool
from leadfit.rules.authoring.diff import impact, scenario_cases
from leadfit.rules.model.library import default_pack, resolve_pack


@pytest.fixture
def packs_and_cases(monkeypatch):
    monkeypatch.setattr(diff_cases, "PARALLEL_FROM", 5)
    monkeypatch.setattr(diff_cases, "CHUNK", 7)
    a, b = default_pack(), resolve_pack("bank")
    cases = scenario_cases(a, b) * 4
    return a, b, cases, impact(a, b, cases, workers=1).to_data()


def _helper_that(tmp_path, then):
    """A helper (forked, so the test's replacement runs in it) that notes each chunk it takes
    in a file, and after its first chunk does ``then``."""
    original = diff_pool._helper
    log = tmp_path / "helper.log"

    def helper(a, b, tasks, results):
        class Noting:
            def get(self):
                task = tasks.get()
                if task is not None:
                    with open(log, "a") as out:
                        out.write(f"{task[0]}\n")
                    if then == "dies" and log.read_text().count("\n") > 1:
                        os._exit(3)
                return task
        original(a, b, Noting(), results)
    return helper, log


@pytest.mark.parametrize("then", ["works", "dies"])
def test_the_helper_shares_the_chunks_and_the_impact_is_the_same(packs_and_cases, monkeypatch,
                                                                   tmp_path, then):
    a, b, cases, serial = packs_and_cases
    helper, log = _helper_that(tmp_path, then)
    monkeypatch.setattr(diff_pool, "start_method", lambda: "fork")
    monkeypatch.setattr(diff_pool, "_helper", helper)
    ticks = []
    shared = impact(a, b, cases, progress=lambda done, total: ticks.append(done), workers=2)
    assert shared.to_data() == serial
    assert ticks == sorted(ticks) and ticks[-1] == len(cases) and len(ticks) == -(-len(cases) // 7)
    assert log.exists() and log.read_text().strip()  # the helper took chunks


def test_a_helper_that_cannot_start_leaves_every_chunk_here(packs_and_cases, monkeypatch):
    a, b, cases, serial = packs_and_cases
    monkeypatch.setattr(diff_pool, "start_method", lambda: "fork")

    def failing(a, b, tasks, results):
        results.put((diff_pool._READY, "PackError: cannot read the pack"))
    monkeypatch.setattr(diff_pool, "_helper", failing)
    assert impact(a, b, cases, workers=2).to_data() == serial


def test_a_spawned_helper_reads_the_packs_from_their_folders(packs_and_cases, monkeypatch):
    """Where forking is not safe (another thread, macOS, Windows): a fresh process."""
    a, b, cases, serial = packs_and_cases
    monkeypatch.setattr(diff_pool, "start_method", lambda: "spawn")
    assert impact(a, b, cases, workers=2).to_data() == serial
