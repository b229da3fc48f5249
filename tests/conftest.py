"""Shared test set-up: Qt offscreen, and no test touches a real user's files."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# One hypothesis profile for the whole suite, chosen here before any test module is
# imported (it was loaded by tests/test_fuzz.py, so a property test ran 100 examples
# alone and 25 in the suite). "ci": bounded and reproducible, no wall-time deadline (it
# failed under load; tests/example_limits.py limits CPU time instead). "fuzz" (make fuzz):
# LEADFIT_FUZZ_EXAMPLES each. Tests that set max_examples keep their own count.
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz", max_examples=int(os.environ.get("LEADFIT_FUZZ_EXAMPLES", 2000)),
                          deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("LEADFIT_HYPOTHESIS_PROFILE", "ci"))

# Fixtures shared by the register and window tests (db_url, reg).
pytest_plugins = ["tests.decisions_support"]


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory, monkeypatch):
    """Point every per-user folder (data, config, cache) at a fresh temp dir."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("LEADFIT_DB", raising=False)
    for var in ("LEADFIT_DATA_DIR", "LEADFIT_AUDIT_KEY", "LEADFIT_AUDIT_KEY_FILE", "LEADFIT_CACHE_DIR"):
        monkeypatch.delenv(var, raising=False)
    yield home

