"""Shared test set-up: Qt offscreen, and no test touches a real user's files."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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

