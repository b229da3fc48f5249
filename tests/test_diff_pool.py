"""A large pack diff shares its chunks with a helper process (rules/authoring/diff_pool.py):
the same impact as one process, whether the helper takes chunks, dies holding some or
cannot start at all."""

from __future__ import annotations

import subprocess
import sys

import pytest

from leadfit.rules.authoring import diff_cases, diff_pool
from leadfit.rules.authoring.diff import impact, scenario_cases
from leadfit.rules.model.library import default_pack, resolve_pack
from tests.helpers import REPO


@pytest.fixture
def packs_and_cases(monkeypatch):
    monkeypatch.setattr(diff_cases, "PARALLEL_FROM", 5)
    monkeypatch.setattr(diff_cases, "CHUNK", 7)
    a, b = default_pack(), resolve_pack("bank")
    cases = scenario_cases(a, b) * 4
    return a, b, cases, impact(a, b, cases, workers=1).to_data()


def test_a_forked_helper_shares_dies_or_fails_to_start_and_the_impact_is_the_same(tmp_path):
    """Forked where this process has no other thread (see tests/diff_pool_support.py):
    the helper works, dies holding chunks, or cannot start; and never a fork while
    another thread runs."""
    warnings = ["-W", "error", "-W", "ignore::DeprecationWarning:durable.engine"]  # as pyproject
    done = subprocess.run([sys.executable, *warnings, "-m", "tests.diff_pool_support", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_spawned_helper_reads_the_packs_from_their_folders(packs_and_cases, monkeypatch):
    """Where forking is not safe (another thread, macOS, Windows): a fresh process."""
    a, b, cases, serial = packs_and_cases
    monkeypatch.setattr(diff_pool, "start_method", lambda: "spawn")
    assert impact(a, b, cases, workers=2).to_data() == serial

